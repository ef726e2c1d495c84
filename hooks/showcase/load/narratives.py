"""The hand-written part of a site, docs/, under the same rules as data/.

Every file in ``docs/`` is published by MkDocs, so every file is checked here:

- Markdown narratives must be UTF-8; their front matter (the YAML block MkDocs reads at the
  top of a file, between two ``---`` lines) may only hold the keys of
  :class:`~showcase.model.FrontMatter` (title, description, hide, criteria) — MkDocs and
  Material would print other keys into pages or load a template by their name — and a
  front matter that YAML cannot read is a problem, not page text;
- pictures are published only as cleaned copies (metadata removed, see the MkDocs layer) and
  must be readable images within the size limit;
- other files (spreadsheets, Word and PDF files, static HTML, scripts, SVG) are refused with
  a message saying where such things belong; the files operating systems leave behind
  (Thumbs.db, desktop.ini, .DS_Store, Office lock files) are left out quietly;
- symbolic links are refused: MkDocs would publish whatever they point to.

Criteria cited in front matter (``criteria: [zuzhi-lingdao-gongzuo-bushu]``) become
:class:`~showcase.model.Narrative` citations; problems are reported as
``docs/<file>.md:<line>: <field>: …``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.nodes import Mapping
from ..core.problems import Problems
from ..core.values import Origin, frozen_lines
from ..model import FrontMatter, Narrative
from ..schema import IMAGE_SUFFIXES, Cleaning, check_image, clean_mapping, fields_of
from . import yamlfile

# The same front matter MkDocs accepts (mkdocs.utils.meta): "---" first, then "---" or "...".
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_ONLY_COMMENTS = re.compile(r"\A(?:[ \t]*(?:#.*)?\n?)*\Z")
MARKDOWN_SUFFIXES = (".md", ".markdown")
# Left behind by Windows, macOS and Office; never published, never worth a message.
SYSTEM_FILES = re.compile(r"^(?:thumbs\.db|desktop\.ini|\.ds_store|~\$.*|\._.*)$", re.IGNORECASE)
_WHY_REFUSED = {
    (".html", ".htm", ".xhtml"): "静态 HTML 页面不经过检查和清理就会发布，请改写为 Markdown（.md）",
    (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et", ".odt", ".ods", ".zip", ".rar"): (
        "这类文件不经检查不能发布（其中可能有个人信息）。证明材料请作为附件放在 data/ 中并在记录里引用，"
        "表格请用 showcase import 导入"
    ),
    (".js", ".mjs", ".css"): "脚本和样式表会在每个访问者的浏览器中运行，只能放在 overrides/ 中由开发人员维护",
    (".svg",): "SVG 图片可以包含脚本，请另存为 PNG 或 JPG 后再放入",
}


@dataclass(frozen=True)
class Citation:
    """A narrative's cited criterion ids and the lines they are on, before they are resolved."""

    narrative: Narrative
    lines: dict[str, int]
    rel: str


def _title(meta_title: str | None, body: str, src: str) -> str:
    if meta_title:
        return meta_title
    match = _HEADING.search(body)
    return match.group(1).strip() if match else Path(src).stem


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def docs_files(docs_dir: Path) -> list[Path]:
    """Every file and link under docs/ that MkDocs would look at (dot files excluded, as MkDocs does)."""
    if not docs_dir.is_dir():
        return []
    found = []
    for path in sorted(docs_dir.rglob("*")):
        parts = path.relative_to(docs_dir).parts
        if any(part.startswith(".") for part in parts):
            continue
        if path.is_symlink() or path.is_file():
            found.append(path)
    return found


def check_docs_file(path: Path, rel: str, problems: Problems) -> bool:
    """Report a file docs/ may not hold; True when the file may be published."""
    if path.is_symlink():
        problems.add(rel, 1, "", "这是一个快捷方式或符号链接：生成网站时会发布它指向的文件。请把文件本身复制进来，或删除它")
        return False
    suffix = path.suffix.lower()
    if SYSTEM_FILES.match(path.name):
        return False  # left out quietly (see on_files)
    if suffix in MARKDOWN_SUFFIXES:
        return True
    if suffix in IMAGE_SUFFIXES:
        reason = check_image(path)
        if reason:
            problems.add(rel, 1, "", f"{reason}。请用看图软件打开确认，或重新导出为 JPG")
            return False
        return True
    for suffixes, why in _WHY_REFUSED.items():
        if suffix in suffixes:
            problems.add(rel, 1, "", f"docs/ 中不能放 {suffix} 文件：{why}")
            return False
    problems.add(
        rel, 1, "",
        f"docs/ 中只能放 Markdown 叙述（.md）和图片（{'、'.join(IMAGE_SUFFIXES)}），"
        f"“{path.name}”不会被发布。请删除它或移到项目以外",
    )
    return False


def _front_matter(text: str, rel: str, root: Path, problems: Problems) -> tuple[dict[str, Any], dict[str, int], str] | None:
    """(cleaned values, lines, body) of a Markdown file; None when its front matter has problems."""
    if not text.startswith("---"):
        return {}, {}, text
    match = _FRONT_MATTER.match(text)
    if match is None:
        if text.split("\n", 1)[0].strip() == "---":
            problems.add(rel, 1, "", "文件开头的 --- 没有对应的结束行：页面设置（front matter）要写在两行 --- 之间")
            return None
        return {}, {}, text  # a horizontal rule such as ----- is Markdown, not front matter
    body = match.group(1) or ""
    if _ONLY_COMMENTS.match(body):
        return {}, {}, text[match.end():]
    local = Problems()
    # one blank line first, so that line numbers count the opening "---"
    value = yamlfile.parse("\n" + body, rel, local)
    problems.extend(local)
    if value is None:
        return None
    if not isinstance(value, Mapping):
        problems.add(rel, value.line, "", "两行 --- 之间应是若干“字段名: 值”，例如 title: 页面标题")
        return None
    at = Cleaning(root, root / "data", rel, problems)
    cleaned = clean_mapping(fields_of(FrontMatter), value, "", at)
    if cleaned is None:
        return None
    return cleaned, at.lines, text[match.end():]


def markdown_pages(root: Path, docs_dir: Path) -> list[tuple[str, str, int]]:
    """(file, Markdown body after the front matter, line the body starts on) of every narrative
    that reads cleanly (the others are the loader's problems)."""
    pages = []
    for path in docs_files(docs_dir):
        if path.is_symlink() or path.suffix.lower() not in MARKDOWN_SUFFIXES:
            continue
        rel = _rel(path, root)
        text = yamlfile.decode(path.read_bytes(), rel, Problems())
        if text is None:
            continue
        front = _front_matter(text, rel, root, Problems())
        if front is None:
            continue
        body = front[2]
        pages.append((rel, body, text[: len(text) - len(body)].count("\n") + 1))
    return pages


def read_narratives(root: Path, docs_dir: Path, problems: Problems) -> list[Citation]:
    """Check every file in docs/; return the narratives that cite criteria, in path order."""
    found: list[Citation] = []
    for path in docs_files(docs_dir):
        rel = _rel(path, root)
        if not check_docs_file(path, rel, problems) or path.suffix.lower() not in MARKDOWN_SUFFIXES:
            continue
        try:
            raw = path.read_bytes()
        except OSError as exc:
            problems.add(rel, 1, "", f"无法读取文件（{exc.strerror or exc}）")
            continue
        text = yamlfile.decode(raw, rel, problems)
        if text is None:
            continue
        front = _front_matter(text, rel, root, problems)
        if front is None:
            continue
        cleaned, lines, body = front
        if not cleaned.get("criteria"):
            continue
        src = path.relative_to(docs_dir).as_posix()
        narrative = Narrative(
            src=src,
            title=_title(cleaned.get("title"), body, src),
            criteria=tuple(cleaned["criteria"]),
            origin=Origin(rel, frozen_lines(lines)),
        )
        found.append(Citation(narrative, lines, rel))
    return found
