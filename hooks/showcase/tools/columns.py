"""The columns of an import sheet, derived from a record kind's fields.

- one column per plain field, header = its label (``标题``) or name (``title``);
- nested fields flattened: ``获得者类型``/``recipient.type``, ``同意日期``/``consent.date``…;
- lists (``标签``, ``相关企业家``) as text separated by 、，,;；;
- one photo per row: ``照片`` (file name in ``data/photos/`` or a path relative to ``data/``)
  and ``照片说明`` (its alt text); more photos, captions and ``links`` are added in the YAML;
- one document per row: ``佐证文件`` (file name in ``data/documents/`` or a path relative to
  ``data/``), ``佐证文件名称``, ``佐证文件类别``, ``佐证文件文号``, ``佐证文件日期``; more
  documents, issuers and press outlets are added in the YAML;
- ``编号`` (id), optional: when empty the id is derived from the title or name in pinyin;
- ``内部信息`` becomes ``private: {note: …}``; a ``序号`` column is ignored.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import Kind
from ..schema import AttachmentList, Field, ImageList, ImageType, Object, ObjectList, Private

ID_HEADER = "编号"
# The document sub-fields a sheet row may fill (one document per row), with their headers.
DOCUMENT_COLUMNS = (
    ("file", "", (
        "一份材料：写 data/documents/ 中的文件名（如 2022/gongzuo-fangan.pdf），或相对于 data/ 的路径；"
        "文件须先放入 data/documents/，更多材料请在生成的文件中添加"
    )),
    ("title", "名称", "材料的标题；写了佐证文件就必须写"),
    ("kind", "类别", "写了佐证文件就必须写"),
    ("number", "文号", "文件的发文字号（知道时填写）"),
    ("date", "日期", "发文、会议、颁发或报道的日期"),
)
IGNORED_HEADERS = ("序号",)
_GENERIC_HEADERS = {"title": ("标题",), "date": ("日期",)}


@dataclass(frozen=True)
class Column:
    path: str  # "title", "recipient.type", "photos.src", "private.note", "id"
    header: str  # the Chinese header in the templates
    aliases: tuple[str, ...]  # every header text accepted (before normalization)
    spec: Field | None  # the schema field of the value (None for id and private note)
    container: Field | None = None  # the OBJECT / IMAGE / IMAGE_LIST / PRIVATE it belongs to
    required: bool = False
    help: str = ""


def columns(kind: Kind) -> tuple[Column, ...]:
    """Every importable column of ``kind``, in template order (编号 first)."""
    title = kind.field(kind.title_field)
    out = [
        Column(
            "id",
            ID_HEADER,
            (ID_HEADER, "id"),
            None,
            help=f"记录编号，即文件名和网址（/{kind.folder}/编号/），只能用小写字母、数字和连字符。"
            f"可不填：不填时由{title.label if title else '标题'}的拼音自动生成",
        )
    ]
    for spec in kind.fields:
        t = spec.type
        images = isinstance(t, (ImageType, ImageList))
        if isinstance(t, AttachmentList):
            for name, suffix, help_text in DOCUMENT_COLUMNS:
                sub = next(f for f in spec.fields if f.name == name)
                header = spec.label + suffix
                out.append(Column(f"{spec.name}.{name}", header, (header, f"{spec.name}.{name}"), sub, spec, help=help_text))
            continue
        if isinstance(t, ObjectList) and not images:
            continue  # links: several sub-fields per item, edited in the YAML
        if isinstance(t, Private):
            out.append(Column("private.note", spec.label, (spec.label, spec.name, "内部备注"), None, spec, help=spec.help))
        elif images:
            header = "照片" if isinstance(t, ImageList) else spec.label
            alias_extra = ("证书图片",) if spec.name == "certificate" else ()
            out.append(
                Column(
                    f"{spec.name}.src",
                    header,
                    (header, spec.label, spec.name, f"{spec.name}.src", *alias_extra),
                    next(f for f in spec.fields if f.name == "src"),
                    spec,
                    help="一张图片：写 data/photos/ 中的文件名（如 zhang-san.jpg），或相对于 data/ 的路径；"
                    + ("更多照片请在生成的文件中添加" if isinstance(t, ImageList) else "有图片时须同时写说明"),
                )
            )
            out.append(
                Column(
                    f"{spec.name}.alt",
                    header + "说明",
                    (header + "说明", spec.label + "说明", f"{spec.name}.alt", *(a + "说明" for a in alias_extra)),
                    next(f for f in spec.fields if f.name == "alt"),
                    spec,
                    help="用一句话说明图片内容（替代文字，供读屏软件使用）；写了图片就必须写",
                )
            )
        elif isinstance(t, Object):
            for sub in spec.fields:
                out.append(
                    Column(
                        f"{spec.name}.{sub.name}",
                        sub.label,
                        (sub.label, f"{spec.name}.{sub.name}"),
                        sub,
                        spec,
                        required=spec.required and sub.required,
                        help=sub.help,
                    )
                )
        else:
            generic = _GENERIC_HEADERS.get(spec.name, ())  # 标题 / 日期 also for honors
            aliases = tuple(dict.fromkeys((spec.label, spec.name, *generic)))
            out.append(Column(spec.name, spec.label, aliases, spec, required=spec.required, help=spec.help))
    return tuple(out)


def normalize_header(text: str) -> str:
    """``标题*``, ``标题（必填）``, `` Title `` → ``标题`` / ``title``."""
    text = "".join(unicodedata.normalize("NFKC", text).split())
    text = re.sub(r"\((必填|选填|可选|可不填)\)$", "", text).rstrip("*")
    return text.lower()


def header_table(kind: Kind) -> dict[str, Column]:
    table: dict[str, Column] = {}
    for column in columns(kind):
        for alias in column.aliases:
            key = normalize_header(alias)
            if key in table and table[key] is not column:  # pragma: no cover - caught by a test
                raise AssertionError(f"header {alias!r} is ambiguous in {kind.name}")
            table[key] = column
    return table
