"""MkDocs hooks: thin handlers that forward to the showcase package."""

from __future__ import annotations

from showcase.mkdocs_glue import Showcase

_showcase: Showcase | None = None


def on_config(config, **kwargs):
    global _showcase
    _showcase = None  # mkdocs serve keeps this module: never reuse a previous build's data
    _showcase = Showcase(config)
    if config.nav is None:
        config.nav = _showcase.default_nav()
    return config


def on_files(files, config, **kwargs):
    return _showcase.add_files(files, config)


def on_page_markdown(markdown, page, **kwargs):
    return _showcase.page_markdown(markdown, page)


def on_page_content(html, page, **kwargs):
    return _showcase.page_content(html, page)


def on_page_context(context, page, **kwargs):
    return _showcase.page_context(context, page)


def on_post_build(config, **kwargs):
    _showcase.post_build()
