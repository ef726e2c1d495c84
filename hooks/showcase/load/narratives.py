"""Criteria cited by the hand-written narratives in ``docs/``.

A narrative cites criteria in its front matter, the YAML block MkDocs already reads at the
top of a Markdown file::

    ---
    criteria: [zuzhi-lingdao-gongzuo-bushu, chuangjian-huodong-qunzhongxing]
    ---
    # 高度重视，专题会议研究部署

Only ``criteria`` is ours; other keys (``title``, ``description``…) are MkDocs' and Material's
and are left alone. Problems are reported as ``docs/<file>.md:<line>: criteria: …``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..core.nodes import Mapping, Scalar
from ..core.problems import Problems
from ..core.values import Origin, frozen_lines
from ..model import FrontMatter, Narrative
from ..schema import Cleaning, clean_mapping, fields_of
from . import yamlfile

# The same front matter MkDocs accepts (mkdocs.utils.meta): "---" first, then "---" or "...".
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


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


def read_citations(root: Path, docs_dir: Path, problems: Problems) -> list[Citation]:
    """Every Markdown file in ``docs_dir`` whose front matter has ``criteria``, in path order."""
    found: list[Citation] = []
    if not docs_dir.is_dir():
        return found
    for path in sorted(docs_dir.rglob("*.md")):
        if not path.is_file():
            continue
        try:
            rel = path.relative_to(root).as_posix()
        except ValueError:
            rel = path.as_posix()
        src = path.relative_to(docs_dir).as_posix()
        try:
            raw = path.read_bytes()
        except OSError:
            continue  # MkDocs reports unreadable pages itself
        text = yamlfile.decode(raw, rel, Problems())  # a broken page is MkDocs' to report
        if text is None or not text.startswith("---"):
            continue
        match = _FRONT_MATTER.match(text)
        if match is None or "criteria" not in (match.group(1) or ""):
            continue
        local = Problems()
        # one blank line first, so that line numbers count the opening "---"
        value = yamlfile.parse("\n" + (match.group(1) or ""), rel, local)
        if not isinstance(value, Mapping) or value.get("criteria") is None:
            problems.extend(local)
            continue
        own = Mapping(tuple(item for item in value.items if item[0] == "criteria"), value.line)
        at = Cleaning(root, root / "data", rel, local)
        cleaned = clean_mapping(fields_of(FrontMatter), own, "", at)
        lines = at.lines
        problems.extend(local)
        if not cleaned or not cleaned.get("criteria"):
            continue
        title_value = value.get("title")
        meta_title = title_value.text.strip() if isinstance(title_value, Scalar) else None
        narrative = Narrative(
            src=src,
            title=_title(meta_title, text[match.end() :], src),
            criteria=tuple(cleaned["criteria"]),
            origin=Origin(rel, frozen_lines(lines)),
        )
        found.append(Citation(narrative, lines, rel))
    return found
