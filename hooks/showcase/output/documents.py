"""Published copies of attached documents: rewritten without metadata, previewed, read.

An office's PDF carries more than its pages: the author's name, the producing software,
an XMP packet with the editing history, per-page thumbnails, Illustrator or Word private
data, photos with EXIF inside. Every published PDF is therefore *rewritten* with pypdf:
only its pages go into a new file, without the document information dictionary, XMP,
outlines, names, open actions or forms; from every page and every image or form inside
it the ``/Metadata``, ``/PieceInfo``, ``/Thumb``, ``/LastModified`` and ``/AA`` entries are
removed, and JPEG images lose their EXIF, XMP, IPTC and comment segments. A picture
(a scanned certificate) loses its metadata segments the same way, or is re-encoded from
its pixels when it must be turned upright or is a PNG (whose text chunks may hold anything).

The first page of a PDF is rendered with PDFium as the document's preview (a picture is
scaled down); the preview's variants are made as photos' are (:mod:`.images`). A PDF's
text, page by page (pypdf's and PDFium's extraction both, so a number one of them garbles
is still read), is checked for personal numbers (:func:`document_findings`).

Everything is cached under ``.cache/documents`` by the file's content hash, so an unchanged
document costs one hash per build. This module knows nothing of MkDocs.
"""

from __future__ import annotations

import json
import logging
import os
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageOps

from ..schema import Attachment, DocumentFile
from ..schema.documentfiles import size_text
from .images import Picture, make_picture
from .personal import Found, find_numbers

_VERSION = "3"  # bump to rewrite every cached document
PREVIEW_WIDTH = 480  # pixels of the rendered first page: shown about 90 px wide (certificates 220 px), sharp at 2x
_PAGE_KEYS = ("/Thumb", "/PieceInfo", "/Metadata", "/LastModified", "/AA")
_XOBJECT_KEYS = ("/Metadata", "/PieceInfo", "/LastModified")
# JPEG segments that hold metadata: APP1 (EXIF, XMP), APP13 (IPTC), APP3–APP12, APP15, COM
_JPEG_DROP = {0xE1, *range(0xE3, 0xED), 0xED, 0xEF, 0xFE}


@dataclass(frozen=True)
class PublishedDocument:
    """One document as the site publishes it."""

    file: DocumentFile
    cache_path: Path  # the rewritten file, copied into the site at file.site_path
    preview: Picture  # variants of the first page (or of the picture)
    page_texts: tuple[str, ...]  # text of each page, as extracted (empty for pictures)

    @property
    def size(self) -> int:
        return self.cache_path.stat().st_size

    @property
    def size_text(self) -> str:
        """“380 KB”, “2.4 MB”: the published file's size as a visitor reads it."""
        return size_text(self.size)


@contextmanager
def _quiet() -> Iterator[None]:
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def strip_jpeg(data: bytes) -> bytes:
    """A baseline or progressive JPEG without its metadata segments (pixels untouched)."""
    if not data.startswith(b"\xff\xd8"):
        return data
    out = bytearray(b"\xff\xd8")
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return data  # not a marker where one must be: leave the stream as it was
        marker = data[pos + 1]
        if marker == 0xDA:  # start of scan: the rest is image data
            out += data[pos:]
            return bytes(out)
        if marker in (0x01, *range(0xD0, 0xD8)):
            out += data[pos : pos + 2]
            pos += 2
            continue
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        segment = data[pos : pos + 2 + length]
        if marker not in _JPEG_DROP:
            out += segment
        pos += 2 + length
    return data


def _clean_resources(resources: object, seen: set[int]) -> None:
    """Drop metadata from the images and forms a page uses (forms recursively)."""
    from pypdf.generic import DictionaryObject, IndirectObject, NameObject

    if isinstance(resources, IndirectObject):
        resources = resources.get_object()
    if not isinstance(resources, DictionaryObject):
        return
    xobjects = resources.get("/XObject")
    xobjects = xobjects.get_object() if xobjects is not None else None
    if not isinstance(xobjects, DictionaryObject):
        return
    for ref in xobjects.values():
        obj = ref.get_object()
        if not isinstance(obj, DictionaryObject) or id(obj) in seen:
            continue
        seen.add(id(obj))
        for key in _XOBJECT_KEYS:
            obj.pop(NameObject(key), None)
        if obj.get("/Subtype") == "/Image" and obj.get("/Filter") in ("/DCTDecode", "/DCT"):
            raw = getattr(obj, "_data", None)
            if isinstance(raw, bytes):
                stripped = strip_jpeg(raw)
                if stripped is not raw:
                    obj._data = stripped  # type: ignore[attr-defined]  # a stream: written with its new /Length
        if obj.get("/Subtype") == "/Form":
            _clean_resources(obj.get("/Resources"), seen)


def rewrite_pdf(source: Path, target: Path) -> None:
    """Write ``source``'s pages to ``target`` without any document or page metadata."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    with _quiet():
        reader = PdfReader(source, strict=False)
        writer = PdfWriter()
        for page in reader.pages:
            writer.add_page(page)
        seen: set[int] = set()
        for page in writer.pages:
            for key in _PAGE_KEYS:
                page.pop(NameObject(key), None)
            _clean_resources(page.get("/Resources"), seen)
        writer.metadata = None  # no /Info: no author, producer, dates
        tmp = target.with_name(target.name + ".part")
        with open(tmp, "wb") as fh:
            writer.write(fh)
    os.replace(tmp, target)


def render_first_page(source: Path, target: Path, width: int = PREVIEW_WIDTH) -> None:
    """The first page as a PNG ``width`` pixels wide (PDFium)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(source)
    try:
        page = document[0]
        page_width, _ = page.get_size()
        bitmap = page.render(scale=width / page_width if page_width else 1, draw_annots=True)
        image = bitmap.to_pil()
        tmp = target.with_name(target.name + ".part")
        image.convert("RGB").save(tmp, "PNG")
        os.replace(tmp, target)
        page.close()
    finally:
        document.close()


def page_texts(path: Path) -> tuple[str, ...]:
    """Each page's text as pypdf and PDFium extract it (both, one after the other)."""
    import pypdfium2
    from pypdf import PdfReader

    with _quiet():
        reader = PdfReader(path, strict=False)
        first = []
        for page in reader.pages:
            try:
                first.append(page.extract_text() or "")
            except Exception:  # noqa: BLE001 - a page pypdf cannot read is still read by PDFium
                first.append("")
    second = []
    document = pypdfium2.PdfDocument(path)
    try:
        for number in range(len(document)):
            page = document[number]
            textpage = page.get_textpage()
            second.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
    finally:
        document.close()
    return tuple(f"{a}\n\x00{b}" for a, b in zip(first, second, strict=False))


def rewrite_image(source: Path, target: Path, fmt: str) -> None:
    """A picture without metadata. A JPEG that needs no turning loses only its metadata
    segments (the scan's pixels stay exactly as they were, and no smaller); any other
    picture is re-encoded from its pixels, upright (EXIF orientation applied)."""
    tmp = target.with_name(target.name + ".part")
    with PILImage.open(source) as opened:
        orientation = opened.getexif().get(0x0112, 1)
        if fmt == "jpg" and orientation == 1:
            tmp.write_bytes(strip_jpeg(source.read_bytes()))
        else:
            img = ImageOps.exif_transpose(opened)
            if fmt == "jpg":
                img.convert("RGB").save(tmp, "JPEG", quality=90, optimize=True, progressive=True)
            else:
                if img.mode not in ("RGB", "RGBA", "L", "LA", "P"):
                    img = img.convert("RGBA")
                img.save(tmp, "PNG", optimize=True)
    os.replace(tmp, target)


def render_picture(source: Path, target: Path, width: int = PREVIEW_WIDTH) -> None:
    """A picture's preview: at most ``width`` pixels wide, PNG."""
    with PILImage.open(source) as opened:
        img = ImageOps.exif_transpose(opened)
        if img.width > width:
            img = img.resize((width, max(1, round(img.height * width / img.width))), PILImage.Resampling.LANCZOS)
        tmp = target.with_name(target.name + ".part")
        img.convert("RGB").save(tmp, "PNG")
    os.replace(tmp, target)


def publish_document(data_dir: Path, file: DocumentFile, cache_dir: Path, images_dir: Path) -> PublishedDocument:
    """The published copy of ``data/<file.src>`` (made once per content, then cached)."""
    folder = cache_dir / f"{file.digest}-{_VERSION}"
    stem = file.site_path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    target = folder / f"document.{file.format}"
    preview_name = f"{stem}-preview.png"
    manifest = folder / "manifest.json"
    texts: tuple[str, ...] = ()
    if manifest.is_file() and target.is_file():
        texts = tuple(json.loads(manifest.read_text(encoding="utf-8"))["texts"])
    else:
        folder.mkdir(parents=True, exist_ok=True)
        source = data_dir / file.src
        if file.is_pdf:
            rewrite_pdf(source, target)
            render_first_page(target, folder / "preview.png")
            texts = page_texts(target)
        else:
            rewrite_image(source, target, file.format)
            render_picture(target, folder / "preview.png")
        manifest.write_text(json.dumps({"texts": list(texts)}, ensure_ascii=False), encoding="utf-8")
    # the preview's picture variants are named after the document's ASCII address
    named = folder / preview_name
    if not named.is_file():
        named.write_bytes((folder / "preview.png").read_bytes())
    preview = make_picture(folder, preview_name, images_dir)
    return PublishedDocument(file, target, preview, texts)


@dataclass(frozen=True, order=True)
class DocumentFinding:
    """A personal number in a published PDF: which file, which page, listed by which records."""

    src: str  # data/documents/… path
    page: int
    kind: str  # "id-number" or "mobile"
    masked: str
    records: tuple[str, ...]  # data files that list the document

    def message(self) -> str:
        what = "疑似身份证号" if self.kind == "id-number" else "疑似手机号"
        listed = "、".join(self.records)
        return (
            f"{listed}: documents: data/{self.src} 第 {self.page} 页中出现了{what} {self.masked}。"
            "请换用隐去该号码的文件（遮盖后重新导出或扫描），或给这份材料写 published: false；"
            "如果这是单位公开的联系电话，请写进 site.yml 的 contact.phone"
        )


def document_findings(
    published: Iterable[tuple[PublishedDocument, tuple[str, ...]]], allowed: Iterable[str]
) -> list[DocumentFinding]:
    """Personal numbers on any page of the published PDFs, except the unit's public ones.
    ``published``: each document with the data files that list it."""
    allowed = list(allowed)
    findings: list[DocumentFinding] = []
    for document, records in published:
        for number, text in enumerate(document.page_texts, start=1):
            hits: list[Found] = find_numbers(text, allowed)
            for hit in hits:
                findings.append(DocumentFinding(document.file.src, number, hit.kind, hit.masked, records))
    return sorted(set(findings))


def attachment_records(records: Iterable[tuple[Attachment, str]]) -> dict[str, tuple[Attachment, tuple[str, ...]]]:
    """Site path → (the attachment, every data file listing it), for publishing each once."""
    out: dict[str, tuple[Attachment, list[str]]] = {}
    for attachment, rel in records:
        entry = out.setdefault(attachment.file.site_path, (attachment, []))
        if rel not in entry[1]:
            entry[1].append(rel)
    return {path: (a, tuple(sorted(rels))) for path, (a, rels) in sorted(out.items())}
