"""What the loader checks in a document file before it may be published.

A document (a PDF, or an image scan) is read by a visitor's browser from our site, so the
file must be what its name says and must carry nothing active. :func:`inspect_document`
answers for one file under ``data/documents/``:

- the path stays inside ``data/``, names no link (symbolic link or junction), exists and
  is at most :data:`MAX_FILE_BYTES`;
- the content matches the extension (the first bytes are sniffed: an HTML page or an SVG
  renamed to ``.jpg`` or ``.pdf`` is refused), SVG and Office files are refused;
- a picture decodes (Pillow); a PDF opens (pypdf and PDFium), is not encrypted, and holds
  no JavaScript, launch actions, embedded files, XFA forms or rich media anywhere in its
  object graph.

The answer is a :class:`DocumentFile` (the facts the site shows: type, size, pages, and the
stable address the file is published under) or a Chinese reason. Results are memoised by
path, size and modification time, so ``mkdocs serve`` does not open an unchanged file again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import re
import unicodedata
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..core.text import CJK_RE, WINDOWS_DEVICE_NAMES
from .images import check_image

DOCUMENTS_FOLDER = "documents"  # data/documents/ → /documents/ in the site
MAX_FILE_BYTES = 20 * 1024 * 1024  # one document
MAX_SITE_BYTES = 200 * 1024 * 1024  # every published document together
MAX_PAGES = 500

# extension → format; .jpeg is published as .jpg
FORMATS = {".pdf": "pdf", ".jpg": "jpg", ".jpeg": "jpg", ".png": "png"}
FORMAT_LABELS = {"pdf": "PDF", "jpg": "JPG 图片", "png": "PNG 图片"}
OFFICE_SUFFIXES = frozenset(
    {".doc", ".docx", ".docm", ".dot", ".dotx", ".wps", ".wpt", ".rtf", ".odt", ".xls", ".xlsx", ".xlsm", ".et",
     ".ods", ".csv", ".ppt", ".pptx", ".pptm", ".dps", ".odp", ".ofd"}
)
_SNIFF_BYTES = 2048


@dataclass(frozen=True, slots=True)
class DocumentFile:
    """A checked document file: where it is, what it is, where the site publishes it."""

    src: str  # relative to data/, as the editor wrote it (normalised slashes)
    site_path: str  # address in the site, e.g. "documents/2022/guanyu-fangan.pdf" (ASCII, stable)
    format: str  # "pdf", "jpg" or "png"
    size: int  # bytes
    pages: int  # pages of a PDF; 1 for a picture
    digest: str  # content hash: a replaced file is a changed record
    textless_pages: tuple[int, ...] = ()  # pages (from 1) without a text layer: scans, pictures

    def __str__(self) -> str:
        return self.src

    @property
    def format_label(self) -> str:
        return FORMAT_LABELS[self.format]

    @property
    def is_pdf(self) -> bool:
        return self.format == "pdf"



def size_text(size: int) -> str:
    """“380 KB”, “2.4 MB”: a size as a visitor reads it."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


# -- the published address -------------------------------------------------------------------


_READINGS: dict[int, str] = {}


def _readings() -> dict[int, str]:
    """pypinyin's table of each character's readings, loaded on its own: the package's phrase
    dictionaries cost half a second and 50 MB, and a file name needs no context."""
    if not _READINGS:
        import importlib.util

        package = importlib.util.find_spec("pypinyin")
        if package is not None and package.origin is not None:
            spec = importlib.util.spec_from_file_location(
                "showcase_pinyin_readings", Path(package.origin).parent / "pinyin_dict.py"
            )
            if spec is not None and spec.loader is not None:
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                _READINGS.update(module.pinyin_dict)
    return _READINGS


def _pinyin(text: str) -> str:
    """The first (most common) reading of each character, without tones: 关于 → guanyu."""
    readings = _readings()
    out = []
    for ch in text:
        reading = readings.get(ord(ch))
        if reading is None:
            out.append(f"u{ord(ch):x}")
            continue
        marks = unicodedata.normalize("NFD", reading.split(",")[0])
        plain = "".join("v" if c == "\u0308" else c for c in marks if c == "\u0308" or not unicodedata.combining(c))
        out.append(plain.replace("uv", "v"))
    return "".join(out)


def _slug_part(part: str, max_length: int = 80) -> str:
    text = unicodedata.normalize("NFKC", part)
    words = []
    for run in re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[A-Za-z0-9]+", text):
        words.append(_pinyin(run) if CJK_RE.match(run) else run.lower())
    slug = "-".join(w.strip("-") for w in words if w.strip("-"))
    slug = re.sub(r"-{2,}", "-", slug)[:max_length].strip("-")
    if not slug:
        slug = "file"
    if slug in WINDOWS_DEVICE_NAMES:
        slug += "-file"
    return slug


def site_path(src: str) -> str:
    """The stable, ASCII, Windows-safe address of ``data/<src>`` in the site.

    It depends only on the file's path under ``data/documents/`` (never on the record that
    lists it), so renaming a record leaves every document link valid. Chinese characters
    become pinyin, spaces and punctuation hyphens; ``.jpeg`` becomes ``.jpg``.
    """
    parts = src.split("/")
    stem, suffix = os.path.splitext(parts[-1])
    folders = [_slug_part(p, 60) for p in parts[1:-1]]
    name = _slug_part(stem)
    extension = "." + FORMATS.get(suffix.lower(), suffix.lower().lstrip("."))
    return "/".join([DOCUMENTS_FOLDER, *folders, name + extension])


# -- content ----------------------------------------------------------------------------------


def sniff(head: bytes) -> str:
    """What the first bytes of a file say it is."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "office"
    text = head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n\x00").lower()
    if b"<svg" in text[:_SNIFF_BYTES]:
        return "svg"
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<meta", b"<?xml", b"<")):
        return "html"
    return "unknown"


_SNIFFED_LABELS = {
    "jpg": "JPG 图片",
    "png": "PNG 图片",
    "pdf": "PDF",
    "gif": "GIF 图片",
    "webp": "WebP 图片",
    "tiff": "TIFF 图片",
    "zip": "压缩包或 Office 文件（docx、xlsx 等）",
    "office": "旧版 Office 文件（doc、xls 等）",
    "svg": "SVG 图形（可以含有脚本）",
    "html": "网页（HTML）或其他文字文件",
    "unknown": "无法识别的格式",
}


@contextmanager
def _quiet() -> Iterator[None]:
    """pypdf reports recoverable damage in English on its own logger: keep it from editors."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


_ACTIVE_MESSAGES = {
    "javascript": "PDF 中含有脚本（JavaScript）",
    "launch": "PDF 中含有启动程序或打开其他文件的动作",
    "embedded": "PDF 中嵌入了其他文件（PDF 附件）",
    "xfa": "PDF 是含脚本的动态表单（XFA）",
    "media": "PDF 中含有多媒体或 Flash 内容",
}


_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")


def active_content(reader: object, limit: int = 500_000) -> set[str]:
    """Every kind of active content in a PDF's object graph (see ``_ACTIVE_MESSAGES``)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    found: set[str] = set()
    seen: set[tuple[int, int]] = set()
    stack: list[object] = [reader.trailer]  # type: ignore[attr-defined]
    visited = 0
    while stack and visited < limit:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        visited += 1
        if isinstance(obj, DictionaryObject):
            action = obj.get("/S")
            subtype = obj.get("/Subtype")
            if "/JS" in obj or "/JavaScript" in obj or action == "/JavaScript":
                found.add("javascript")
            if action == "/URI" and str(obj.get("/URI", "")).strip().lower().startswith(_SCRIPT_SCHEMES):
                found.add("javascript")
            if action in ("/Launch", "/ImportData"):
                found.add("launch")
            if (
                "/EmbeddedFiles" in obj or "/EF" in obj or obj.get("/Type") == "/EmbeddedFile"
                or subtype == "/FileAttachment" or action == "/GoToE"
            ):
                found.add("embedded")
            if "/XFA" in obj:
                found.add("xfa")
            if subtype in ("/RichMedia", "/Movie", "/Sound", "/Screen", "/3D"):
                found.add("media")
            for name, value in obj.items():
                if name != "/Parent":
                    stack.append(value)
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    return found


MIN_TEXT_CHARS = 10  # fewer visible characters on a page: a scan, read by nobody but a person


def pdf_problem(path: Path) -> tuple[str | None, int, tuple[int, ...]]:
    """(why this PDF cannot be published or None, its number of pages, pages without text)."""
    import pypdfium2
    from pypdf import PdfReader

    broken = "无法打开这个 PDF（文件可能已损坏或不完整）：请用 PDF 阅读器打开确认，或重新导出一份"
    with _quiet():
        try:
            reader = PdfReader(path, strict=False)
            if reader.is_encrypted:
                encrypted = (
                    "PDF 已加密（设置了打开密码或权限限制），网站无法检查和展示其内容：请导出一份未加密的 PDF"
                    "（例如在 WPS 或 Acrobat 中取消文档安全设置后另存）"
                )
                return encrypted, 0, ()
            pages = len(reader.pages)
            if pages == 0:
                return "PDF 中没有任何页面，请重新导出", 0, ()
            if pages > MAX_PAGES:
                return f"PDF 共 {pages} 页，超过 {MAX_PAGES} 页：请只放入相关的部分", pages, ()
            active = active_content(reader)
        except RecursionError:
            return broken, 0, ()
        except Exception:  # noqa: BLE001 - pypdf raises many types for damaged files
            return broken, 0, ()
    if active:
        what = "；".join(_ACTIVE_MESSAGES[k] for k in sorted(active))
        refused = (
            f"{what}，不能发布。请用“打印为 PDF”或 WPS、Office 的“输出为 PDF”重新生成一份普通 PDF，"
            "不要带附件、脚本和表单"
        )
        return refused, pages, ()
    textless: list[int] = []
    try:
        document = pypdfium2.PdfDocument(path)
        try:
            if len(document) != pages:
                return broken, pages, ()
            for number in range(pages):
                page = document[number]
                textpage = page.get_textpage()
                text = textpage.get_text_bounded()
                if sum(1 for c in text if not c.isspace()) < MIN_TEXT_CHARS:
                    textless.append(number + 1)
                textpage.close()
                page.close()
        finally:
            document.close()
    except Exception:  # noqa: BLE001 - PDFium raises PdfiumError and others
        return broken, pages, ()
    return None, pages, tuple(textless)


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:20]


_MEMO: dict[tuple[str, int, int, str], DocumentFile | str] = {}


def _linked_part(data_dir: Path, clean: str) -> str | None:
    """The first part of ``data/<clean>`` that is a symbolic link or junction, if any."""
    current = data_dir
    for part in clean.split("/"):
        current = current / part
        try:
            if current.is_symlink() or (hasattr(current, "is_junction") and current.is_junction()):
                return current.relative_to(data_dir.parent).as_posix()
        except OSError:
            return None
    return None


def inspect_document(data_dir: Path, src: str) -> DocumentFile | str:
    """The checked file ``data/<src>`` or why it cannot be published (Chinese, one sentence)."""
    src = src.replace("\\", "/").strip()
    if src.startswith("/") or re.match(r"^[A-Za-z]:", src) or "://" in src:
        return f"路径“{src}”必须是相对于 data/ 的路径，例如 {DOCUMENTS_FOLDER}/2022/gongzuo-fangan.pdf"
    parts = [p for p in src.split("/") if p not in ("", ".")]
    if ".." in parts:
        return f"路径“{src}”不能含有“..”：材料文件必须放在 data/{DOCUMENTS_FOLDER}/ 文件夹内"
    clean = "/".join(parts)
    if not parts or parts[0] != DOCUMENTS_FOLDER:
        if clean and (data_dir / DOCUMENTS_FOLDER / clean).exists():
            return f"请写成 {DOCUMENTS_FOLDER}/{clean}（路径相对于 data/，材料放在 data/{DOCUMENTS_FOLDER}/ 中）"
        return f"材料文件必须放在 data/{DOCUMENTS_FOLDER}/ 文件夹中，路径写成 {DOCUMENTS_FOLDER}/文件名，例如 {DOCUMENTS_FOLDER}/2022/gongzuo-fangan.pdf"
    suffix = os.path.splitext(clean)[1].lower()
    if suffix == ".svg":
        return "不接受 SVG 文件（SVG 可以含有脚本）：请导出为 PNG 图片或 PDF"
    if suffix in OFFICE_SUFFIXES:
        return (
            f"不能直接发布 {suffix} 文件：Office 文件会带上作者、修订记录和批注，在不同电脑上版式也会变。"
            "请在 WPS 或 Office 中“另存为 / 输出为 PDF”（带红头和公章的文件可扫描为 PDF），再写 PDF 的文件名"
        )
    if suffix not in FORMATS:
        return f"不支持“{suffix or '无扩展名'}”格式的材料：请使用 PDF，扫描件和照片可用 JPG 或 PNG"
    linked = _linked_part(data_dir, clean)
    if linked is not None:
        return f"{linked} 是快捷方式或符号链接：请把文件本身复制到 data/{DOCUMENTS_FOLDER}/ 中"
    target = data_dir / clean
    try:
        stat = target.stat()
    except OSError:
        return f"找不到文件 data/{clean}，请检查文件名（包括大小写和扩展名）和所在文件夹"
    if not target.is_file():
        return f"data/{clean} 不是文件（可能是文件夹），请写出文件的完整名称"
    try:
        real = target.resolve(strict=True)
    except (OSError, RuntimeError):
        return f"找不到文件 data/{clean}，请检查文件名（包括大小写和扩展名）和所在文件夹"
    if not real.is_relative_to(data_dir.resolve()):
        return f"data/{clean} 指向 data/ 文件夹以外的位置：请把文件本身复制进来"
    key = (os.fspath(real), stat.st_size, stat.st_mtime_ns, clean)
    if key not in _MEMO:
        if len(_MEMO) > 20_000:
            _MEMO.clear()
        _MEMO[key] = _inspect_cached(data_dir, real, clean, suffix, stat.st_size)
    return _MEMO[key]


_INSPECT_VERSION = "1"  # bump when the checks change: every file is read again


def _inspect_cached(data_dir: Path, real: Path, clean: str, suffix: str, size: int) -> DocumentFile | str:
    """:func:`_inspect`, remembered under ``.cache/documents/inspected/`` by content and path:
    reading a PDF with pypdf and PDFium costs ~25 ms, every build and every check."""
    if size == 0 or size > MAX_FILE_BYTES:
        return _inspect(real, clean, suffix, size)
    try:
        digest = _digest(real)
    except OSError:
        return _inspect(real, clean, suffix, size)
    name = hashlib.sha256(f"{_INSPECT_VERSION}:{digest}:{clean}".encode()).hexdigest()[:32]
    cached = data_dir.parent / ".cache" / "documents" / "inspected" / f"{name}.json"
    try:
        entry = json.loads(cached.read_text(encoding="utf-8"))
        if isinstance(entry, str):
            return entry
        if isinstance(entry, dict) and entry.get("digest") == digest and entry.get("src") == clean:
            return DocumentFile(**{**entry, "site_path": site_path(clean), "textless_pages": tuple(entry["textless_pages"])})
    except (OSError, ValueError, TypeError, KeyError):
        pass
    result = _inspect(real, clean, suffix, size, digest)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(cached.name + ".part")
        partial.write_text(json.dumps(result if isinstance(result, str) else dataclasses.asdict(result),
                                      ensure_ascii=False), encoding="utf-8")
        os.replace(partial, cached)
    except OSError:
        pass  # no cache: the next run reads the file again
    return result


def _inspect(real: Path, clean: str, suffix: str, size: int, digest: str | None = None) -> DocumentFile | str:
    if size == 0:
        return f"data/{clean} 是空文件（0 字节），请重新放入"
    if size > MAX_FILE_BYTES:
        return (
            f"文件过大（{size / (1024 * 1024):.0f} MB），每份材料最多 {MAX_FILE_BYTES // (1024 * 1024)} MB："
            "请压缩（例如 WPS 的“PDF 压缩”，或以 150–200 dpi 重新扫描），或只保留相关的页"
        )
    expected = FORMATS[suffix]
    try:
        with open(real, "rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError:
        return f"无法读取 data/{clean}，请检查文件是否被其他程序占用"
    actual = sniff(head)
    if actual != expected:
        return (
            f"文件扩展名是 {suffix}，但实际内容是：{_SNIFFED_LABELS[actual]}，与扩展名不符，不能发布："
            "请用原来的软件重新导出为 PDF、JPG 或 PNG"
        )
    pages: int = 1
    textless: tuple[int, ...] = (1,)
    if expected == "pdf":
        reason, pages, textless = pdf_problem(real)
        if reason:
            return reason
    else:
        reason = check_image(real)
        if reason:
            return f"{reason}。请用看图软件打开确认，或重新扫描、导出为 JPG"
    return DocumentFile(clean, site_path(clean), expected, size, pages, digest or _digest(real), textless)
