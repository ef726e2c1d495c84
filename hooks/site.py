"""MkDocs hooks: thin handlers that forward to the showcase package (see showcase/mkdocs/session.py)."""

from __future__ import annotations

from showcase.mkdocs.session import Session

# What this MkDocs process keeps between builds (mkdocs serve loads this module once).
_session = Session()


def on_startup(command, dirty, **kwargs):
    _session.startup(command, dirty)


def on_config(config, **kwargs):
    return _session.config(config)


def on_files(files, config, **kwargs):
    return _session.files(files, config)


def on_nav(nav, config, files, **kwargs):
    return _session.nav(nav)


def on_page_markdown(markdown, page, **kwargs):
    return _session.page_markdown(markdown, page)


def on_page_content(html, page, config, **kwargs):
    return _session.page_content(html, page, config)


def on_page_context(context, page, **kwargs):
    return _session.page_context(context, page)


def on_env(env, config, files, **kwargs):
    return _session.env(env)


def on_template_context(context, template_name, config, **kwargs):
    return _session.template_context(context)


def on_post_build(config, **kwargs):
    _session.post_build(config)


def on_build_error(error, **kwargs):
    _session.build_error(error)


def on_shutdown(**kwargs):
    _session.shutdown()
