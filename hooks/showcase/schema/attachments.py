"""Documents attached to a record: the evidence a reviewer opens (文件、纪要、证书、报道…).

Each item names a file under ``data/documents/`` and says what it is::

    documents:
      - file: documents/2022/gongzuo-fangan.pdf
        title: 关于开展创建省级文明单位工作的实施方案
        kind: 文件
        issuer: 某市某单位
        number: ×发〔2022〕1号
        date: 2022-03-01

The ``file`` is checked by :class:`DocumentPath` (see :mod:`.documentfiles`); items written
``published: false`` are checked and then dropped, like a record that is not published.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from ..core.nodes import Node
from ..core.values import PartialDate
from ..core.vocab import Term
from .base import INVALID, JSON, CellReading, Cleaning, Describing, Field, Invalid, spec
from .choice import Choice
from .cms import DATA_FOLDER
from .documentfiles import DOCUMENTS_FOLDER, MAX_FILE_BYTES, DocumentFile, inspect_document
from .numbers import Bool, Date
from .structures import ObjectList
from .text import Text, Url


@dataclass(frozen=True)
class DocumentPath(Text):
    """A document file inside ``data/documents/``: PDF, or a JPG/PNG scan, checked on load."""

    def checked(self, f: Field, text: str, line: int, path: str, at: Cleaning) -> Any:
        found = inspect_document(at.data_dir, text)
        if isinstance(found, str):
            return at.problem(line, path, found)
        return found

    def json_schema(self, f: Field, env: Describing) -> JSON:
        return {"type": "string", "pattern": rf"^{DOCUMENTS_FOLDER}/.+\.([Pp][Dd][Ff]|[Jj][Pp][Ee]?[Gg]|[Pp][Nn][Gg])$"}

    def how_to_write(self, f: Field, env: Describing) -> str:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return f"相对于 data/ 的路径，以 `{DOCUMENTS_FOLDER}/` 开头；PDF、JPG 或 PNG，每个最多 {limit} MB"

    def example(self, f: Field, env: Describing) -> Any:
        return f"{DOCUMENTS_FOLDER}/{env.record_id or 'bianhao'}.pdf"

    def to_yaml(self, f: Field, value: Any) -> Any:
        return str(value)

    def from_cell(self, f: Field, text: str, env: CellReading) -> Any:
        return cell_document_src(text)

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        """The form uploads the file into data/documents/ (or picks one already there)."""
        return {
            "widget": "file",
            "media_folder": f"/{DATA_FOLDER}/{DOCUMENTS_FOLDER}",
            # written as ./documents/<file>: relative to data/, as the loader reads it
            "public_folder": f"./{DOCUMENTS_FOLDER}",
            "choose_url": False,
            "accept": "application/pdf,image/jpeg,image/png",
        }


def cell_document_src(text: str) -> str:
    """A spreadsheet's document cell: a file name in data/documents/ or a path relative to data/."""
    src = text.replace("\\", "/").strip()
    src = re.sub(r"^(\./)?data/", "", src)
    return src if src.startswith(f"{DOCUMENTS_FOLDER}/") else f"{DOCUMENTS_FOLDER}/{src}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Attachment:
    file: DocumentFile = spec(
        "文件",
        DocumentPath(max_length=300),
        f"放在 data/{DOCUMENTS_FOLDER}/ 中的 PDF 或扫描件，例如 {DOCUMENTS_FOLDER}/2022/gongzuo-fangan.pdf",
        required=True,
        form_help=f"上传 PDF（首选）或 JPG、PNG 扫描件，或从已上传的文件中选择；文件保存在 data/{DOCUMENTS_FOLDER}/ 文件夹，"
        f"每个最多 {MAX_FILE_BYTES // (1024 * 1024)} MB。Word、Excel、WPS 文件请先另存为 PDF",
    )
    title: str = spec(
        "材料名称", Text(max_length=150, example_text="关于开展创建文明单位工作的实施方案"), "文件标题、证书名称或报道标题",
        required=True,
    )
    kind: Term = spec("材料类别", Choice("document_kinds", example_label="文件"), "从固定类别中选择一个", required=True)
    issuer: str | None = spec(
        "发文或颁发单位", Text(max_length=100, example_text="某市某单位"), "文件的发文机关、证书的颁发单位"
    )
    number: str | None = spec(
        "文号", Text(max_length=60, example_text="×发〔2022〕1号"), "文件的发文字号，例如 ×发〔2022〕1号（知道时填写）"
    )
    date: PartialDate | None = spec("日期", Date(example_value="2022-03-01"), "发文、会议、颁发或报道的日期")
    outlet: str | None = spec(
        "媒体名称", Text(max_length=60, example_text="某日报"), "报道所在的报纸、电视台或网站（材料类别为 报道 时填写）",
        situational=True,
    )
    link: str | None = spec(
        "原文网址", Url(max_length=500, example_text="https://example.org/news/1"), "报道的网上原文（可选）",
        situational=True,
    )
    privacy_checked: bool = spec(
        "已人工核查个人信息",
        Bool(),
        "扫描件和图片中的文字无法自动检查：有人逐页看过、确认没有身份证号和手机号后写 true",
        default=False,
        form_help="扫描件和图片中的文字无法自动检查：有人逐页看过、确认没有身份证号和手机号后打开",
    )
    published: bool = spec(
        "是否发布", Bool(), "写 false 则这份材料不在网站上发布", default=True, form_help="关闭则这份材料不在网站上发布"
    )
    position: int = 0  # its place in the editor's list (from 1), for messages after unpublished ones are dropped

    @property
    def needs_privacy_check(self) -> bool:
        """Pages without text (scans, pictures) cannot be read for personal numbers: someone must look."""
        return bool(self.file.textless_pages) and not self.privacy_checked


@dataclass(frozen=True)
class AttachmentList(ObjectList):
    """Documents attached to a record; unpublished items are checked, then left out."""

    structure: type = Attachment
    max_items: int = 100

    def clean(self, f: Field, node: Node, path: str, at: Cleaning) -> Any:
        from ..core.nodes import Sequence

        if isinstance(node, Sequence) and len(node.items) > self.max_items:
            return at.problem(node.line, path, f"“{f.label}”过多（{len(node.items)} 份），最多 {self.max_items} 份")
        items = super().clean(f, node, path, at)
        if isinstance(items, Invalid):
            return INVALID
        seen: dict[str, int] = {}
        kept = []
        for index, item in enumerate(items, start=1):
            src = item.file.src
            if src in seen:
                line = at.lines.get(f"{path}[{index}].file", node.line)
                return at.problem(line, f"{path}[{index}].file", f"{src} 在本条记录中已列过（第 {seen[src]} 项），请删除重复的一项")
            seen[src] = index
            if item.published:
                kept.append(dataclasses.replace(item, position=index))
        return tuple(kept)

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "列表：每份材料以 `- ` 开头，写 `file`、`title`、`kind`，知道时写 `issuer`、`number`、`date`"

    def example(self, f: Field, env: Describing) -> Any:
        return [
            {
                "file": f"{DOCUMENTS_FOLDER}/{env.record_id or 'bianhao'}.pdf",
                "title": "关于开展创建文明单位工作的实施方案",
                "kind": Choice("document_kinds", example_label="文件").example(f, env),
                "issuer": "某市某单位",
                "number": "×发〔2022〕1号",
                "date": "2022-03-01",
            }
        ]
