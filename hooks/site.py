"""MkDocs hooks: thin handlers that forward to the showcase package."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from showcase.mkdocs_glue import Showcase, template_cache, watch_data
from showcase.preview import ProblemPreview
from showcase.rebuild import quiet_dirty_warning

_showcase: Showcase | None = None
_command: str | None = None  # "build", "serve" or "gh-deploy"; None when build() is called directly
_dirty = False


def on_startup(command, dirty, **kwargs):
    global _command, _dirty
    _command, _dirty = command, dirty
    if dirty:
        quiet_dirty_warning()  # our dirty builds re-render every page a change touches


def on_config(config, **kwargs):
    global _showcase
    if _showcase is not None:
        _showcase.abandon()  # mkdocs serve keeps this module: never reuse a previous build
    _showcase = None
    serving = _command == "serve"
    watch_data(config)
    try:
        # serve builds into its own temporary folder; --dirty updates the output in place
        _showcase = Showcase(config, atomic=not serving and not _dirty, preview=serving, incremental=_dirty)
    except PluginError as error:
        if not serving or not getattr(error, "problems", None):
            raise
        # keep serving; show the problems instead (on every address: old pages are removed)
        _showcase = ProblemPreview(error.problems, site_dir=config.site_dir if _dirty else None)
    if config.nav is None:
        config.nav = _showcase.default_nav()
    return config


def on_files(files, config, **kwargs):
    return _showcase.add_files(files, config)


def on_page_markdown(markdown, page, **kwargs):
    return _showcase.page_markdown(markdown, page)


def on_page_content(html, page, config, **kwargs):
    return _showcase.page_content(html, page, config)


def on_page_context(context, page, **kwargs):
    return _showcase.page_context(context, page)


def on_env(env, config, files, **kwargs):
    _showcase.check_embeds()
    return template_cache(env)


def on_template_context(context, template_name, config, **kwargs):
    # static templates such as 404.html get the showcase too (notice, footer)
    return _showcase.template_context(context)


def on_post_build(config, **kwargs):
    _showcase.post_build(config)


def on_build_error(error, **kwargs):
    if _showcase is not None:
        _showcase.failed()


def on_shutdown(**kwargs):
    # Also reached after Ctrl-C in `mkdocs build`: remove an unfinished build folder.
    if _showcase is not None:
        _showcase.abandon()
