"""The two pages for the civilization office's review: /dossier/ (申报材料) and /report/ (自查报告).

Declared like the other generated pages (see :mod:`showcase.pages`): a virtual Markdown
path, a template and a title. The dossier exists when ``data/criteria/`` has criteria; the
report always does.
"""

from __future__ import annotations

from ..model import Dataset
from .pages import PageSpec

DOSSIER = PageSpec("dossier.md", "showcase/dossier.html", "申报材料", "dossier", edit_path="data/site.yml")
REPORT = PageSpec("report.md", "showcase/report.html", "自查报告", "report", edit_path="data/site.yml")
NAV_TITLE = "文明单位申报"


def review_pages(data: Dataset) -> list[PageSpec]:
    """The review pages this project has."""
    return ([DOSSIER] if data.criteria else []) + [REPORT]


def review_nav(data: Dataset) -> dict[str, list[dict[str, str]]]:
    """The navigation entry: one tab holding both pages."""
    return {NAV_TITLE: [{spec.title: spec.src_uri} for spec in review_pages(data)]}
