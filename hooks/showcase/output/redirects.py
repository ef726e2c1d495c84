"""Old addresses keep working: a renamed record's former ids become redirect pages.

A record that lists ``former_ids: [old-id]`` gets, at ``<folder>/old-id/``, a small page
that sends the browser on to its current address (meta refresh, plus a link for anyone
whose browser does not follow it). The page says ``noindex``, names the current address
as canonical, and is written after MkDocs built the site, so it is in neither the
sitemap nor the search index. The loader already made sure no former id is a current id.
This module knows nothing of MkDocs.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..model import PAGE_KINDS, Dataset, Record


@dataclass(frozen=True)
class Redirect:
    dest: str  # output file, e.g. "events/old-id/index.html"
    old_url: str  # site-relative address of the old page, e.g. "events/old-id/"
    target_url: str  # site-relative address of the current page, e.g. "events/new-id/"
    relative: str  # the target as written on the redirect page, e.g. "../new-id/"
    title: str  # the record's title, plain text
    source: str  # data file that lists the former id


def relative_url(from_url: str, to_url: str) -> str:
    """Link from the page at ``from_url`` to ``to_url`` (both site-relative)."""
    here = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    depth = len([p for p in here.split("/") if p])
    return "../" * depth + to_url if to_url or depth else "./"


def plan_redirects(data: Dataset, href: Callable[[Record], str], directory_urls: bool = True) -> list[Redirect]:
    """One redirect per former id of every published record that has a page."""
    out = []
    for kind in PAGE_KINDS:
        folder = kind.folder
        for record in data.by_folder(folder).values():
            target = href(record)
            if not target:
                continue
            for old in getattr(record, "former_ids", ()):
                if directory_urls:
                    old_url, dest = f"{folder}/{old}/", f"{folder}/{old}/index.html"
                else:
                    old_url = dest = f"{folder}/{old}.html"
                source = record.origin.path if record.origin else f"data/{folder}/"
                out.append(Redirect(dest, old_url, target, relative_url(old_url, target), record.title, source))
    return sorted(out, key=lambda r: r.dest)


def write_redirects(site_dir: Path, redirects: list[Redirect], render: Callable[[Redirect], str]) -> list[str]:
    """Write each redirect page (``render`` gives its HTML); return the paths written."""
    written = []
    for redirect in redirects:
        path = site_dir / redirect.dest
        if path.exists():  # a page of the built site: never overwrite (the loader prevents this)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(redirect), encoding="utf-8")
        written.append(redirect.dest)
    return written
