"""Image fields: a picture file inside data/ with its alt text, one or a list."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from ..core.nodes import Mapping, Node, Scalar
from .base import INVALID, JSON, CellReading, Cleaning, Describing, Field, FieldType, spec
from .cms import DATA_FOLDER, cms_field
from .structures import Object, ObjectList, clean_mapping
from .text import Text

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")
MAX_PIXELS = 60_000_000  # ~60 MP: larger is refused (decompression bombs, phone panoramas)
PHOTO_FOLDER = "photos"  # inside data/: where the form editor puts uploaded pictures


def image_subfields(fields: tuple[Field, ...], env: Describing) -> list[JSON]:
    """The form's image: ``src`` uploads into data/photos/ (or picks a picture already there)."""
    out = []
    for sub in fields:
        if sub.name != "src":
            out.append(cms_field(sub, env))
            continue
        out.append(
            {
                "name": sub.name,
                "label": sub.label,
                "required": sub.required,
                "hint": f"上传照片，或从已上传的照片中选择；照片保存在 {DATA_FOLDER}/{PHOTO_FOLDER}/ 文件夹",
                "widget": "image",
                "media_folder": f"/{DATA_FOLDER}/{PHOTO_FOLDER}",
                # written into the record as ./photos/<file>: relative to data/, as the loader reads it
                # (Sveltia puts a "/" before a folder that does not start with "." or "@")
                "public_folder": f"./{PHOTO_FOLDER}",
                "choose_url": False,
                "accept": ",".join(f"image/{s.lstrip('.').replace('jpg', 'jpeg')}" for s in IMAGE_SUFFIXES if s != ".jpeg"),
            }
        )
    return out


@dataclass(frozen=True, slots=True, kw_only=True)
class Image:
    src: str = spec("图片文件", Text(max_length=300), "相对于 data/ 的路径，例如 photos/zhang-san.jpg", required=True)
    alt: str = spec(
        "替代文字", Text(max_length=200), "用一句话说明图片内容，供读屏软件和图片加载失败时使用", required=True
    )
    caption: str | None = spec("图片说明", Text(max_length=200), "显示在图片下方的说明（可选）")
    line: int = field(default=0, compare=False, repr=False)  # where src is written, for later messages


def check_image(path: Path) -> str | None:
    """None if Pillow can read the picture and it is not too large, else a Chinese reason.

    The size is read from the header before any pixel is decoded, so a decompression bomb
    costs nothing; Pillow's own (English) warnings never reach the editor.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with PILImage.open(path) as img:
                width, height = img.size
                if width * height > MAX_PIXELS:
                    return f"图片像素过多（{width}×{height}，超过约 6000 万像素），请先缩小后再放入"
                img.verify()
        return None
    except PILImage.DecompressionBombError:
        return "图片像素过多（超过约 6000 万像素），请先缩小后再放入"
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        return f"无法读取这张图片（文件可能已损坏，或不是真正的图片格式：{type(exc).__name__}）"


@dataclass(frozen=True)
class ImageType(Object):
    """An image: ``src`` (a file inside data/) and ``alt``; written as two sub-fields."""

    structure: type = Image
    file_stem: str = ""  # the example's file name after the record id ("-certificate")

    def clean(self, f: Field, node: Node, path: str, at: Cleaning) -> Any:
        if isinstance(node, Scalar):
            return at.problem(
                node.line, path, f"图片要写成两个子字段：src: {node.text.strip()} 和 alt: 图片内容的文字说明（供读屏软件使用）"
            )
        if not isinstance(node, Mapping):
            return self.wrong_shape(f, node, path, at, "src 和 alt 两个子字段")
        values = clean_mapping(self.fields, node, f"{path}.", at)
        if values is None:
            return INVALID
        src_line = at.lines.get(f"{path}.src", node.line)
        resolved = image_path(str(values["src"]), src_line, f"{path}.src", at)
        if resolved is None:
            return INVALID
        return Image(src=resolved, alt=str(values["alt"]), caption=values.get("caption"), line=src_line)

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "图片：下面的 `src`、`alt` 两个子字段"

    def example(self, f: Field, env: Describing) -> Any:
        return {
            "src": f"photos/{env.record_id}{self.file_stem}.jpg",
            "alt": "用一句话说明图片内容",
            "caption": "显示在图片下方的说明",
        }

    def from_cell(self, f: Field, text: str, env: CellReading) -> Any:
        return cell_image_src(text)

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        return {"widget": "object", "collapsed": False, "fields": self.cms_subfields(env), "thumbnail": "src"}

    def cms_subfields(self, env: Describing) -> list[JSON]:
        return image_subfields(self.fields, env)


def cell_image_src(text: str) -> str:
    """A spreadsheet's photo cell: a file name in data/photos/ or a path relative to data/."""
    src = text.replace("\\", "/").strip()
    src = re.sub(r"^(\./)?data/", "", src)
    return src if "/" in src else f"photos/{src}"


@dataclass(frozen=True)
class ImageList(ObjectList):
    """Several images, each with ``src`` and ``alt``."""

    structure: type = Image
    item_type: FieldType | None = ImageType()

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "图片列表：每项以 `- ` 开头，写 `src`、`alt`"

    def example(self, f: Field, env: Describing) -> Any:
        return [{"src": f"photos/{env.record_id}-1.jpg", "alt": "用一句话说明照片内容", "caption": "显示在照片下方的说明"}]

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        return {**super().cms_widget(f, env), "summary": "{{fields.alt}}", "thumbnail": "src"}


def image_path(src: str, line: int, path: str, at: Cleaning) -> str | None:
    """Check that an image path stays inside data/ and names an existing, readable image."""
    src = src.replace("\\", "/").strip()
    if src.startswith("/") or re.match(r"^[A-Za-z]:", src) or "://" in src:
        at.problem(line, path, f"图片路径“{src}”必须是相对于 data/ 的路径，例如 photos/zhang-san.jpg")
        return None
    parts = [p for p in src.split("/") if p not in ("", ".")]
    if ".." in parts:
        at.problem(line, path, f"图片路径“{src}”不能含有“..”，图片必须放在 data/ 文件夹内")
        return None
    clean = "/".join(parts)
    if not clean.lower().endswith(IMAGE_SUFFIXES):
        at.problem(line, path, f"“{src}”不是支持的图片格式，请使用 {'、'.join(IMAGE_SUFFIXES)}")
        return None
    target = at.data_dir / clean
    try:
        real = target.resolve(strict=True)
    except (OSError, RuntimeError):
        at.problem(line, path, f"找不到图片文件 data/{clean}，请检查文件名（包括大小写和扩展名）")
        return None
    data_real = at.data_dir.resolve()
    if real.is_relative_to(data_real) and not real.is_file():
        at.problem(line, path, f"data/{clean} 不是图片文件（可能是文件夹），请写出图片的完整文件名")
        return None
    if not real.is_relative_to(data_real):
        at.problem(
            line, path, f"图片 data/{clean} 指向 data/ 文件夹以外的位置（例如快捷方式或符号链接），请把图片本身复制进来"
        )
        return None
    reason = check_image(real)
    if reason:
        at.problem(line, path, f"data/{clean}：{reason}。请用看图软件打开确认，或重新导出为 JPG")
        return None
    return clean
