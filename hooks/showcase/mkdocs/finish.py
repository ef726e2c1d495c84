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
        if findings or build.preview_problems:
            rebuild.forget()  # the next build renders everything again
        else:
            rebuild.commit()
        log.info(rebuild.summary())
    if findings and build.preview:
        for finding in findings:
            log.error(finding.message())
    elif findings:
        build.abandon()
        lines = "\n".join(f.message() for f in findings)
        raise PluginError(f"发布前检查未通过，网站没有更新：\n{lines}\n共 {len(findings)} 个问题。")
    build.qrcodes.save()
    for line in summary_lines(build.data):
        log.info(line)
    for line in build.embeds.notes:
        log.info(line)
    if not config.site_url:
        log.info("未设置网站地址 site_url（mkdocs.yml）：二维码和分享链接只含站内路径，发布前请设置，例如 https://example.org/wenming/")
    if build.warnings.count:
        return  # --strict: MkDocs aborts after this event; build_error removes the folder
    if build.building is not None:
        publish.swap_in(build.building, build.target)
        config.site_dir = os.fspath(build.target)
        build.building = None
