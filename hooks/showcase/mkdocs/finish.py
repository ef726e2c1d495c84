"""The end of a build: redirect pages, the output check, the summary, atomic publishing."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..derive.summary import summary_lines
from ..output import publish
from ..output.outputcheck import check_site
from ..output.redirects import plan_redirects, write_redirects

if TYPE_CHECKING:  # pragma: no cover
    from .build import ShowcaseBuild

log = logging.getLogger("mkdocs.plugins.showcase")


def write_redirect_pages(build: ShowcaseBuild, config: MkDocsConfig) -> list[str]:
    """Former addresses of renamed records become redirect pages (after MkDocs built the
    site, so they are not in the sitemap; the search indexes only the pages MkDocs built)."""
    redirects = plan_redirects(build.data, build.view.href, config.use_directory_urls)
    if not redirects:
        return []
    template = build.theme_env(config).get_template("showcase/redirect.html")
    for redirect in redirects:
        build.sources[redirect.dest] = redirect.source
    addresses = build.view.addresses
    return write_redirects(
        Path(config.site_dir),
        redirects,
        lambda r: template.render(redirect=r, canonical=addresses.absolute(r.target_url)),
    )


def finish_build(build: ShowcaseBuild, config: MkDocsConfig) -> None:
    """Write the redirects and the search index, check every new output file, then swap the
    output into place."""
    written = write_redirect_pages(build, config)
    build.qrcodes.write(Path(config.site_dir))  # before the check: pages refer to them
    build.search.finish()
    rebuild = build.incremental
    if rebuild is not None:
        rebuild.finish(written)
    # after an incremental rebuild, only what it wrote is new (the rest was checked before)
    partial = rebuild is not None and rebuild.previous is not None
    findings = check_site(
        Path(config.site_dir),
        allowed_numbers=build.public_numbers(),
        base_path=urlsplit(config.site_url or "/").path,
        sources=build.sources,
        changed_since=build.started if partial else None,
    )
    if rebuild is not None:
        if findings or build.document_findings or build.preview_problems:
            rebuild.forget()  # the next build renders everything again
        elif rebuild.in_place:
            rebuild.commit()
        if rebuild.previous is not None:
            log.info(rebuild.summary())
    messages = [f.message() for f in findings] + [f.message() for f in build.document_findings]
    if messages and build.preview:
        for message in messages:
            log.error(message)
    elif messages:
        build.abandon()
        lines = "\n".join(messages)
        raise PluginError(f"发布前检查未通过，网站没有更新：\n{lines}\n共 {len(messages)} 个问题。")
    for line in summary_lines(build.data):
        log.info(line)
    for line in build.embeds.notes:
        log.info(line)
    if build.warnings.count:
        return  # --strict: MkDocs aborts after this event; build_error removes the folder
    if build.building is not None:
        publish.swap_in(build.building, build.target)
        config.site_dir = os.fspath(build.target)
        build.building = None
        if rebuild is not None:
            rebuild.commit()  # the published output is now what this build wrote
    build.release()
