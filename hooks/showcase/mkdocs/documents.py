"""Attached documents into the site: each published copy and its preview become MkDocs files.

Called from ``on_files``. Every document listed by a published event or honor, or by a
criterion the dossier uses, is rewritten once (see :mod:`showcase.output.documents`) and
added at its stable address (``documents/…``); the first page's picture variants go to
``media/``. The personal numbers found in the PDFs' text are kept for the output check at
the end of the build.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..derive.documents import listed_documents
from ..output.documents import DocumentFinding, attachment_records, document_findings, publish_document
from .templateapi import MEDIA_PREFIX

if TYPE_CHECKING:  # pragma: no cover
    from .build import ShowcaseBuild


def add_documents(build: ShowcaseBuild, files: Files, config: MkDocsConfig) -> list[DocumentFinding]:
    """Publish every listed document into ``files``; return the personal numbers found in them."""
    data = build.data
    criteria = [entry.criterion for entry in build.view.dossier.entries]
    grouped = attachment_records((item.attachment, item.source) for item in listed_documents(data, criteria))
    cache = build.root / ".cache" / "documents"
    images = build.root / ".cache" / "images"
    published = []
    for site_path, (attachment, sources) in grouped.items():
        clash = files.get_file_from_path(site_path)
        if clash is not None:
            raise PluginError(
                f"docs/{site_path} 与材料文件 data/{attachment.file.src} 在网站上的地址相同，请删除或改名 docs/ 中的这个文件"
            )
        try:
            document = publish_document(data.root / "data", attachment.file, cache, images)
        except Exception as exc:  # noqa: BLE001 - a file that passed the checks but cannot be rewritten
            raise PluginError(
                f"{sources[0]}: documents: 无法生成 data/{attachment.file.src} 的发布副本（{type(exc).__name__}）。"
                "请用 PDF 阅读器或看图软件打开确认，或重新导出这份文件"
            ) from None
        build.view.documents[site_path] = document
        files.append(File.generated(config, site_path, abs_src_path=os.fspath(document.cache_path)))
        build.sources[site_path] = sources[0]
        for variant in document.preview.variants:
            name = MEDIA_PREFIX + variant.name
            if files.get_file_from_path(name) is None:
                files.append(File.generated(config, name, abs_src_path=os.fspath(variant.cache_path)))
        published.append((document, sources))
    return document_findings(published, build.public_numbers())
