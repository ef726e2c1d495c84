"""The form editor's configuration (Sveltia CMS), generated from the record kinds.

One collection per kind with a folder under data/ (its fields from the kind's declaration, each
field type describing its own input: :meth:`showcase.schema.FieldType.cms_widget`), and one
file collection for data/site.yml. Nothing here is written by hand per field: declaring a field
or a kind changes the form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

from ..core.text import ID_PATTERN, RESERVED_IDS
from ..model import DATA_KINDS, SITE, SITE_FILE, Kind, Record
from ..schema import DATA_FOLDER, PHOTO_FOLDER, SETTINGS_COLLECTION, Describing, cms_fields

JSON = dict[str, Any]

# A record's id is its file name: the id rules, and never a reserved name.
SLUG_PATTERN = "^(?!(?:" + "|".join(sorted(RESERVED_IDS)) + ")$)" + ID_PATTERN.removeprefix("^")
SLUG_MESSAGE = "编号只能用小写字母、数字和连字符（拼音即可），例如 2022-xinhuo-peixun；不能用 index、con、nul 等保留名"
SLUG_HINT = (
    "编号就是文件名和网址中的一段，只用小写字母、数字和连字符（拼音即可），例如 2022-xinhuo-peixun。"
    "网址发出后就不要再改，所以保存后这里不能修改。"
)
BACKENDS = ("local", "gitea", "gitlab")


@dataclass(frozen=True)
class Backend:
    """Where the form editor reads and writes records.

    ``local`` (the default): the project folder on this computer, picked in the browser.
    ``gitea`` (also Forgejo) or ``gitlab``: a shared repository on the unit's own git server;
    each save is a commit there (see the guide's section on editing as a team).
    """

    name: str = "local"
    repo: str = ""  # owner/name on the git server
    base_url: str = ""  # https://git.example.cn
    api_root: str = ""  # default: base_url + /api/v1 (Gitea) or /api/v4 (GitLab)
    app_id: str = ""  # OAuth application for signing in; without it, editors sign in with a token
    branch: str = ""

    @property
    def remote(self) -> bool:
        return self.name != "local"

    def api(self) -> str:
        if self.api_root:
            return self.api_root.rstrip("/")
        return self.base_url.rstrip("/") + ("/api/v4" if self.name == "gitlab" else "/api/v1")

    def origins(self) -> tuple[str, ...]:
        """Hosts the editor page talks to besides its own (the git server's web and API addresses)."""
        if not self.remote:
            return ()
        found: list[str] = []
        for url in (self.base_url, self.api()):
            parts = urlsplit(url)
            origin = f"{parts.scheme}://{parts.netloc}"
            if parts.netloc and origin not in found:
                found.append(origin)
        return tuple(found)

    def config(self, project_name: str, own_origin: str) -> JSON:
        if not self.remote:
            # Only "使用本地仓库" is offered (the page hides the sign-in buttons). Sveltia needs a git
            # backend in its configuration; this one points at the editor's own server, so even a
            # stray click on a sign-in button never leaves this computer.
            return {
                "name": "gitea",
                "repo": f"local/{project_name}",
                "base_url": own_origin,
                "api_root": f"{own_origin}/no-remote",
                "auth_methods": ["token"],
            }
        out: JSON = {"name": self.name, "repo": self.repo, "base_url": self.base_url.rstrip("/"), "api_root": self.api()}
        if self.branch:
            out["branch"] = self.branch
        if self.app_id:
            out["app_id"] = self.app_id
            if self.name == "gitlab":
                out["auth_type"] = "pkce"
        else:
            out["auth_methods"] = ["token"]
        out["commit_messages"] = {
            "create": "新建 {{collection}}：{{slug}}",
            "update": "修改 {{collection}}：{{slug}}",
            "delete": "删除 {{collection}}：{{slug}}",
            "uploadMedia": "上传图片 {{path}}",
            "deleteMedia": "删除图片 {{path}}",
        }
        return out


def preview_path(kind: Kind) -> str | None:
    """Where a record of ``kind`` is shown in the preview (None for kinds no page shows alone)."""
    record_url = kind.record.url
    if not kind.has_pages and record_url is Record.url:
        return None
    # the kind's own URL rule, applied to a stand-in record whose id is Sveltia's slug tag
    url = record_url.fget(SimpleNamespace(id="{{slug}}", KIND=kind))
    return str(url)


def _summary(kind: Kind) -> str:
    first, *rest = kind.picked_by
    extra = [*rest, *(["date"] if kind.field("date") else [])]
    return "{{" + first + "}}" + ("（" + "，".join("{{" + name + "}}" for name in extra) + "）" if extra else "")


def entry_collection(kind: Kind, env: Describing) -> JSON:
    """The form's collection for one record kind: a list of its files, a form for each."""
    out: JSON = {
        "name": kind.folder,
        "label": kind.label,
        "label_singular": kind.label,
        "description": f"{DATA_FOLDER}/{kind.folder}/ 中的{kind.label}，一条一个文件",
        "folder": f"{DATA_FOLDER}/{kind.folder}",
        "extension": "yml",
        "format": "yml",
        "create": True,
        "delete": False,  # withdraw a record with 是否发布 instead: its address stays known
        "identifier_field": kind.title_field,
        "summary": _summary(kind),
        "sortable_fields": [name for name in (kind.title_field, "date", "as_of", "order") if kind.field(name)],
        "slug": {"editable": ["create"], "hint": SLUG_HINT, "pattern": [SLUG_PATTERN, SLUG_MESSAGE]},
        "fields": cms_fields(kind.fields, env),
    }
    if kind.field("published") is not None:
        out["view_filters"] = [{"label": "未发布", "field": "published", "pattern": False}]
    if kind.field("date") is not None:
        out["view_groups"] = [{"label": "年份", "field": "date", "pattern": r"^\d{4}"}]
    path = preview_path(kind)
    if path is not None:
        out["preview_path"] = path
    return out


def settings_collection(env: Describing) -> JSON:
    """data/site.yml as a single form."""
    return {
        "name": SETTINGS_COLLECTION,
        "label": SITE.label,
        "description": f"{DATA_FOLDER}/{SITE_FILE}：单位、申报、联系方式、备案和工作板块",
        "files": [
            {
                "name": SITE.name,
                "label": SITE.label,
                "file": f"{DATA_FOLDER}/{SITE_FILE}",
                "format": "yml",
                "fields": cms_fields(SITE.fields, env),
            }
        ],
    }


def editor_config(
    env: Describing,
    *,
    title: str,
    project_name: str,
    own_origin: str,
    backend: Backend | None = None,
    preview_url: str | None = None,
) -> JSON:
    """The complete configuration the editor page loads (``config.json``)."""
    backend = backend or Backend()
    out: JSON = {
        "backend": backend.config(project_name, own_origin),
        "app_title": title,
        "media_folder": f"{DATA_FOLDER}/{PHOTO_FOLDER}",
        "public_folder": f"/{PHOTO_FOLDER}",  # the global one must be absolute; image fields set their own
        "media_libraries": {"stock_assets": False},  # no stock-photo services (outside hosts)
        "slug": {"encoding": "ascii", "clean_accents": True, "lowercase": True, "sanitize_replacement": "-"},
        "output": {"omit_empty_optional_fields": True, "yaml": {"quote": "none", "indent_sequences": True}},
        "editor": {"preview": False},  # the real preview is the site itself (查看预览)
        "show_preview_links": preview_url is not None,
        "collections": [*(entry_collection(kind, env) for kind in DATA_KINDS), settings_collection(env)],
    }
    if preview_url is not None:
        out["site_url"] = preview_url
        out["display_url"] = preview_url
    return out


def project_name(root: Path) -> str:
    """The project folder's name as the editor shows it ("选择项目文件夹「…」")."""
    name = root.resolve().name or "project"
    return re.sub(r"[/\\]", "-", name)
