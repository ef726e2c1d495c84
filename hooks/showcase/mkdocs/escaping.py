"""Escape at the boundary: what Material's templates print without escaping.

MkDocs' Jinja environment does not auto-escape, and Material prints page meta (title,
description…), navigation titles and configuration values (site_name, copyright, extra…)
as they are. Every such string is turned into :class:`markupsafe.Markup` holding its escaped
form before any template sees it: printed raw it shows the text, and an ``| e`` filter does
not escape it twice. Values that name files or icons are checked instead.
"""

from __future__ import annotations

import html
import re
from collections.abc import MutableMapping
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation

# Configuration values Material prints into pages (read from its templates, see
# tests/test_escaping.py, which walks them).
CONFIG_TEXT = ("site_name", "site_description", "site_author", "copyright", "repo_name")
CONFIG_URLS = ("repo_url", "site_url")
_ICON = re.compile(r"^[a-z0-9-]+(?:/[a-z0-9-]+)+$")


def escaped(value: Any) -> Any:
    """``value`` with every string in it (lists and mappings included) escaped once."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return Markup.escape(value)
    if isinstance(value, list):
        return [escaped(item) for item in value]
    if isinstance(value, tuple):
        return tuple(escaped(item) for item in value)
    if isinstance(value, dict):
        return {key: escaped(item) for key, item in value.items()}
    return value


def escape_meta(meta: MutableMapping[str, Any]) -> None:
    """Page meta as Material prints it: every text escaped (``template`` names a file and is ours)."""
    for key, value in list(meta.items()):
        if key != "template":
            meta[key] = escaped(value)


def escape_config(config: MkDocsConfig) -> None:
    """The configuration values Material's templates print, escaped; links and icons checked."""
    for key in CONFIG_TEXT:
        if isinstance(config.get(key), str):
            config[key] = Markup.escape(config[key])
    for key in CONFIG_URLS:
        url = config.get(key)
        if url and not re.match(r"^https?://[^\s\"'<>`]+$", str(url)):
            raise PluginError(f"mkdocs.yml: {key}: “{url}”不是有效的网址，请写成 https://example.org/ 的形式")
    config["extra"] = escaped(dict(config.get("extra") or {}))
    theme = config.theme
    palettes = theme.get("palette")
    for palette in palettes if isinstance(palettes, list) else [palettes] if isinstance(palettes, dict) else []:
        toggle = palette.get("toggle") if isinstance(palette, dict) else None
        if isinstance(toggle, dict):
            toggle["name"] = escaped(toggle.get("name", ""))
            _check_icon(toggle.get("icon"), "theme.palette.toggle.icon")
    icons = theme.get("icon")
    if isinstance(icons, dict):
        for name, icon in icons.items():
            if isinstance(icon, str):
                _check_icon(icon, f"theme.icon.{name}")


def _check_icon(icon: Any, where: str) -> None:
    if icon is not None and not (isinstance(icon, str) and _ICON.match(icon)):
        raise PluginError(f"mkdocs.yml: {where}: “{icon}”不是图标名称，请写成 material/weather-night 的形式")


def escape_nav(nav: Navigation) -> Navigation:
    """Titles of sections and links in the navigation (mkdocs.yml ``nav:``), escaped."""

    def walk(items: Any) -> None:
        for item in items:
            if getattr(item, "is_page", False):
                title = item.title
                if isinstance(title, str) and not isinstance(title, Markup):
                    item.title = Markup.escape(title)
            elif isinstance(getattr(item, "title", None), str) and not isinstance(item.title, Markup):
                item.title = Markup.escape(item.title)
            walk(getattr(item, "children", None) or ())

    walk(nav.items)
    return nav


def rendered_title(title: str | None) -> Markup | None:
    """A title MkDocs took from a page's first heading (tags stripped, character references
    kept) as escaped text."""
    if title is None:
        return None
    return Markup.escape(html.unescape(title))
