"""``showcase edit``: the form editor, served from this computer, beside the site's preview.

The editor is Sveltia CMS (vendored in ``editor/vendor/``, see ``scripts/vendor_editor.py``).
It runs in Edge or Chrome and reads and writes the project folder the editor picks, through the
browser's File System Access API: nothing to install but this project. This module
- serves the page, its configuration (generated from the record kinds at every load) and the
  interface strings from 127.0.0.1 only, with the standard library and explicit MIME types
  (the Windows registry can map ``.js`` to ``text/plain``, which browsers refuse to run);
- answers ``/api/check`` with what ``showcase check`` says about the files, for the page's
  check panel, re-checking only after a file changed;
- starts ``mkdocs serve --dirty`` for the preview and opens the browser.

The editor is never part of the built site: it lives in the package, not in ``docs/`` or
``overrides/``, and the output check refuses its files (``output.outputcheck.EDITOR_MARK``).

Team editing (``editor.yml``): the same page can instead edit a repository on the unit's own
Gitea/Forgejo or GitLab server; ``showcase edit --export`` writes it as static files for an
internal web server (see the guide).
"""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import webbrowser
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import yaml

from ..core.problems import DataError
from ..derive.summary import summary_lines
from ..load import load_project
from .formconfig import BACKENDS, Backend, editor_config, project_name
from .project import ProjectInfo

ASSETS = Path(__file__).resolve().parent / "editor"
SETTINGS_FILE = "editor.yml"
DEFAULT_PORT = 8765
DEFAULT_PREVIEW_PORT = 8000
LOCALES = ("zh-CN",)
HEAD_SLOT = "<!--showcase:head-->"
# Explicit types: never the platform's guess (Windows may say text/plain for .js).
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
}
GIT_NOTE = """这个文件夹是表单编辑器要求的标记（showcase edit 在没有 .git 时自动建立）。
编辑器在浏览器中打开项目文件夹时，要求其中有 .git，以确认选的是项目文件夹本身。
它不影响网站，也不是真正的 git 仓库；删除后下次启动编辑器会重新建立。
以后要用 git 管理这个项目时，直接在项目文件夹中运行 git init 即可。
"""


class EditorSettingsError(Exception):
    """editor.yml cannot be used (the message is Chinese and names the fix)."""


# -- the project --------------------------------------------------------------------------


def read_backend(root: Path) -> Backend:
    """The team settings in ``editor.yml``; the local folder when there is no such file."""
    path = root / SETTINGS_FILE
    if not path.is_file():
        return Backend()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise EditorSettingsError(f"{SETTINGS_FILE}: 无法读取（{type(exc).__name__}），请对照编辑指南中的例子检查格式") from exc
    if raw is None:
        return Backend()
    if not isinstance(raw, dict):
        raise EditorSettingsError(f"{SETTINGS_FILE}: 应写成若干“名称: 值”，请对照编辑指南中的例子")
    known = {"backend", "repo", "base_url", "api_root", "app_id", "branch"}
    unknown = sorted(str(k) for k in raw if k not in known)
    if unknown:
        raise EditorSettingsError(f"{SETTINGS_FILE}: 不认识的设置“{'、'.join(unknown)}”。可用的有：{'、'.join(sorted(known))}")
    values = {k: "" if v is None else str(v).strip() for k, v in raw.items()}
    name = values.pop("backend", "") or "local"
    if name not in BACKENDS:
        raise EditorSettingsError(f"{SETTINGS_FILE}: backend 只能写 {'、'.join(BACKENDS)}（Forgejo 写 gitea），这里写成了“{name}”")
    backend = Backend(name=name, **values)
    if not backend.remote:
        return backend
    if backend.repo.count("/") < 1 or any(not part for part in backend.repo.split("/")):
        raise EditorSettingsError(f"{SETTINGS_FILE}: repo 要写成“所有者/仓库名”，例如 wenming/showcase")
    for key in ("base_url", "api_root"):
        url = getattr(backend, key)
        if (url or key == "base_url") and not url.startswith(("https://", "http://")):
            raise EditorSettingsError(f"{SETTINGS_FILE}: {key} 要写成 https:// 开头的网址，例如 https://git.example.cn")
    return backend


def ensure_git_folder(root: Path) -> bool:
    """Make sure ``root/.git`` exists (Sveltia accepts only a folder holding one); True if created.

    An existing ``.git`` (a repository, or a worktree's ``.git`` file) is left alone. Otherwise
    an empty folder with a note is made: git itself ignores a ``.git`` folder without HEAD, so it
    neither starts a repository nor hides the project from a repository around it.
    """
    marker = root / ".git"
    if marker.exists():
        return False
    marker.mkdir()
    (marker / "说明.txt").write_text(GIT_NOTE, encoding="utf-8", newline="\r\n")
    return True


def _tolerant_yaml(text: str) -> Any:
    class Loader(yaml.SafeLoader):
        pass

    def ignore(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
        return None

    Loader.add_multi_constructor("!", ignore)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", ignore)
    return yaml.load(text, Loader=Loader)


def site_path(root: Path) -> str:
    """The path the preview serves the site under (``site_url``'s path in mkdocs.yml), e.g. ``/``."""
    try:
        config = _tolerant_yaml((root / "mkdocs.yml").read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return "/"
    url = config.get("site_url") if isinstance(config, dict) else None
    path = urlsplit(url).path if isinstance(url, str) else ""
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


_COMMENT_START = re.compile(r"(?:(?<=[ \t\r\n])|^)#")


def comment_lines(text: str) -> list[int]:
    """Lines holding a YAML comment (the form editor does not keep comments); [] if unreadable."""
    try:
        tokens = list(yaml.scan(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return []
    spans = [
        (t.start_mark.index, t.end_mark.index) for t in tokens if isinstance(t, yaml.ScalarToken)
    ]
    found: set[int] = set()
    start = 0
    for match in _COMMENT_START.finditer(text):
        index = match.start()
        while start < len(spans) and spans[start][1] <= index:
            start += 1
        if start < len(spans) and spans[start][0] <= index < spans[start][1]:
            continue
        found.add(text.count("\n", 0, index) + 1)
    return sorted(found)


def _data_files(root: Path) -> Iterator[Path]:
    for folder in ("data", "docs"):
        base = root / folder
        if base.is_dir():
            for dirpath, dirnames, filenames in os.walk(base):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    yield Path(dirpath) / name
    yield root / "mkdocs.yml"


def fingerprint(root: Path) -> str:
    """Changes whenever a file the check reads is added, removed or saved."""
    digest = hashlib.sha1()
    for path in _data_files(root):
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


@dataclass
class Checker:
    """``showcase check`` for the editor page, run again only after a file changed."""

    root: Path
    preview_url: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    cached: dict[str, Any] | None = None

    def report(self, known: str = "") -> dict[str, Any] | None:
        """The check's result; None when it is still ``known`` (the page has it)."""
        with self.lock:
            version = fingerprint(self.root)
            if self.cached is None or self.cached["version"] != version:
                self.cached = self._check(version)
            return None if self.cached["version"] == known else self.cached

    def _check(self, version: str) -> dict[str, Any]:
        out: dict[str, Any] = {"version": version, "preview": self.preview_url}
        try:
            data = load_project(self.root)
        except DataError as exc:
            out.update(ok=False, summary=[], problems=[
                {"path": p.path, "line": p.line, "field": p.field, "message": p.message} for p in exc.problems.sorted()
            ])
        except Exception as exc:  # noqa: BLE001 - the page shows it; the server keeps running
            out.update(ok=False, summary=[], problems=[], error=f"检查程序出错：{type(exc).__name__}: {exc}")
        else:
            out.update(ok=True, problems=[], summary=summary_lines(data))
        comments: dict[str, list[int]] = {}
        data_dir = self.root / "data"
        for path in sorted(data_dir.rglob("*.y*ml")) if data_dir.is_dir() else ():
            try:
                lines = comment_lines(path.read_text(encoding="utf-8-sig"))
            except (OSError, UnicodeDecodeError):
                continue
            if lines:
                comments[path.relative_to(self.root).as_posix()] = lines
        out["comments"] = comments
        return out


# -- what the server answers --------------------------------------------------------------


def content_security_policy(origins: tuple[str, ...] = ()) -> str:
    """Everything from this server (and, in team mode, the git server's API), nothing else."""
    extra = "".join(f" {origin}" for origin in origins)
    return (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' blob: data:{extra}; media-src 'self' blob: data:; font-src 'self' data:; "
        f"connect-src 'self' blob: data:{extra}; worker-src 'self' blob:; frame-src 'self' blob:; "
        "object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def page_html(backend: Backend, *, exported: bool = False) -> str:
    """The editor page, told its mode, the hosts it may talk to and whether this computer's
    check runs beside it (not for an exported copy on a web server, which gets its policy as a
    meta tag since no server of ours sends the header)."""
    html = (ASSETS / "index.html").read_text(encoding="utf-8")
    head = [f'<meta name="showcase-editor-mode" content="{"team" if backend.remote else "local"}">']
    if backend.origins():
        head.append(f'<meta name="showcase-editor-allow" content="{" ".join(backend.origins())}">')
    if exported:
        head.append(f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(backend.origins())}">')
    else:
        head.append('<meta name="showcase-editor-check" content="api/check">')
    return html.replace(HEAD_SLOT, "\n  ".join(head))


def _set_dotted(table: dict[str, Any], key: str, value: str) -> None:
    *parents, last = key.split(".")
    for part in parents:
        table = table.setdefault(part, {})
        if not isinstance(table, dict):
            raise KeyError(key)
    table[last] = value


def locale_json(name: str) -> bytes:
    """Sveltia's interface strings with ours on top (editor/<name>.json): our words (编号, 打开项目
    文件夹…) and the strings its Chinese translation lacks (the English would show instead).
    ``tests/test_form_editor.py`` checks that every key of ours is one Sveltia knows."""
    strings = json.loads((ASSETS / "vendor" / "locales" / f"{name}.json").read_text(encoding="utf-8"))
    ours = ASSETS / f"{name}.json"
    if ours.is_file():
        for key, value in json.loads(ours.read_text(encoding="utf-8")).items():
            _set_dotted(strings, key, value)
    return json.dumps(strings, ensure_ascii=False).encode("utf-8")


@dataclass
class EditorApp:
    """What ``showcase edit`` serves for one project."""

    root: Path
    backend: Backend = field(default_factory=Backend)
    preview_url: str | None = None
    checker: Checker = field(init=False)

    def __post_init__(self) -> None:
        self.root = self.root.resolve()
        self.checker = Checker(self.root, self.preview_url)

    def config(self, own_origin: str) -> dict[str, Any]:
        info = ProjectInfo.read(self.root)
        title = f"{info.unit_name} · 网站内容编辑" if info.unit_name else "网站内容编辑"
        return editor_config(
            info.describing(),
            title=title,
            project_name=project_name(self.root),
            own_origin=own_origin,
            backend=self.backend,
            preview_url=self.preview_url,
        )

    def respond(self, path: str, query: str, own_origin: str) -> tuple[int, str, bytes]:
        """(status, content type, body) for a GET of ``path``."""
        if path in ("/", "/index.html"):
            return 200, TYPES[".html"], page_html(self.backend).encode("utf-8")
        if path == "/config.json":
            body = json.dumps(self.config(own_origin), ensure_ascii=False, indent=1)
            return 200, TYPES[".json"], body.encode("utf-8")
        if path.startswith("/locales/") and path.endswith(".json") and path[9:-5] in LOCALES:
            return 200, TYPES[".json"], locale_json(path[9:-5])
        if path == "/api/check":
            known = parse_qs(query).get("known", [""])[0]
            report = self.checker.report(known)
            if report is None:
                return 304, TYPES[".json"], b""
            return 200, TYPES[".json"], json.dumps(report, ensure_ascii=False).encode("utf-8")
        asset = _asset(path)
        if asset is not None:
            return 200, TYPES[asset.suffix], asset.read_bytes()
        return 404, TYPES[".txt"], "表单编辑器中没有这个地址。".encode()


def _asset(path: str) -> Path | None:
    """A file of the editor folder named by a request path (never outside it, never our templates)."""
    parts = [p for p in path.split("/") if p]
    if not parts or any(p in (".", "..") or p.startswith(".") or "\\" in p for p in parts):
        return None
    if parts[0] != "vendor" and parts not in (["editor.js"], ["editor.css"]):
        return None
    target = ASSETS.joinpath(*parts)
    if target.suffix not in TYPES or not target.is_file():
        return None
    return target


class _Handler(http.server.BaseHTTPRequestHandler):
    app: EditorApp
    hosts: frozenset[str]
    origin: str

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def _answer(self, *, with_body: bool) -> None:
        if self.headers.get("Host", "") not in self.hosts:  # a page elsewhere rebinding a name to 127.0.0.1
            self._send(403, TYPES[".txt"], "只接受本机地址的请求。".encode(), with_body)
            return
        parts = urlsplit(self.path)
        try:
            status, content_type, body = self.app.respond(parts.path, parts.query, self.origin)
        except Exception as exc:  # noqa: BLE001 - one failed request must not stop the editor
            status, content_type, body = 500, TYPES[".txt"], f"出错了：{type(exc).__name__}: {exc}".encode()
        self._send(status, content_type, body, with_body)

    def _send(self, status: int, content_type: str, body: bytes, with_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if content_type.startswith("text/html"):
            self.send_header("Content-Security-Policy", content_security_policy(self.app.backend.origins()))
        self.end_headers()
        if with_body and status != 304:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the browser went away

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the console belongs to the preview's messages


def _bind(port: int) -> http.server.ThreadingHTTPServer:
    class Server(http.server.ThreadingHTTPServer):
        daemon_threads = True
        allow_reuse_address = False

        def handle_error(self, request: Any, client_address: Any) -> None:
            # The browser closed a connection early (a page reload, an aborted font download):
            # nothing to tell the editor, and never a traceback in their window.
            pass

    last: OSError | None = None
    for candidate in [*range(port, port + 20), 0] if port else [0]:
        try:
            return Server(("127.0.0.1", candidate), _Handler)
        except OSError as exc:
            last = exc
    raise OSError(f"无法在本机打开端口（{last}）")


def make_server(app: EditorApp, port: int = DEFAULT_PORT) -> http.server.ThreadingHTTPServer:
    """A server for ``app`` on 127.0.0.1 (``port``, or the next free one); not yet serving."""
    server = _bind(port)
    bound = server.server_address[1]
    handler = type("Handler", (_Handler,), {
        "app": app,
        "hosts": frozenset({f"127.0.0.1:{bound}", f"localhost:{bound}"}),
        "origin": f"http://127.0.0.1:{bound}",
    })
    server.RequestHandlerClass = handler
    return server


def free_port(preferred: int) -> int:
    for candidate in range(preferred, preferred + 20):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            return candidate
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_preview(root: Path, port: int) -> subprocess.Popen[bytes]:
    """``mkdocs serve --dirty`` for ``root`` on 127.0.0.1:``port``, in this console."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}", "-f", "mkdocs.yml"]
    return subprocess.Popen(command, cwd=root)


def open_browser(url: str) -> None:
    """Edge on Windows (the local folder needs a Chromium browser), else the default browser."""
    if sys.platform == "win32":
        try:
            os.startfile("microsoft-edge:" + url)  # type: ignore[attr-defined]
            return
        except OSError:
            pass
    webbrowser.open(url)


def export_editor(root: Path, out: Path, backend: Backend) -> list[Path]:
    """Write the editor for ``backend`` (a team's git server) as static files into ``out``."""
    if not backend.remote:
        raise EditorSettingsError(
            f"只有团队编辑才需要导出：先在 {SETTINGS_FILE} 中写明 git 服务器（见编辑指南“多人编辑”一节）"
        )
    app = EditorApp(root, backend, preview_url=None)
    site_url = _site_url(root)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(ASSETS / "vendor", out / "vendor", ignore=shutil.ignore_patterns("locales"))
    for name in ("editor.js", "editor.css"):
        shutil.copyfile(ASSETS / name, out / name)
    (out / "locales").mkdir()
    for name in LOCALES:
        (out / "locales" / f"{name}.json").write_bytes(locale_json(name))
    (out / "index.html").write_text(page_html(backend, exported=True), encoding="utf-8", newline="\n")
    config = app.config(own_origin="")
    if site_url:
        config.update(site_url=site_url, display_url=site_url, show_preview_links=True)
    (out / "config.json").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8", newline="\n")
    return sorted(p for p in out.rglob("*") if p.is_file())


def _site_url(root: Path) -> str | None:
    try:
        config = _tolerant_yaml((root / "mkdocs.yml").read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    url = config.get("site_url") if isinstance(config, dict) else None
    return url if isinstance(url, str) and url.startswith(("https://", "http://")) else None


# -- the command --------------------------------------------------------------------------


def run(root: Path, *, port: int, preview: bool, preview_port: int, browser: bool) -> int:
    """Serve the editor (and start the preview) until Ctrl+C or the window is closed."""
    root = root.resolve()
    if not (root / "data").is_dir():
        print("找不到 data/ 文件夹：请在项目文件夹（mkdocs.yml 所在的文件夹）中启动编辑器，或用 --root 指定", file=sys.stderr)
        return 1
    try:
        backend = read_backend(root)
    except EditorSettingsError as exc:
        print(f"编辑器没有启动：{exc}", file=sys.stderr)
        return 1
    if not backend.remote and ensure_git_folder(root):
        print("已在项目文件夹中建立 .git 文件夹：编辑器要求有它，请不要删除（见其中的 说明.txt）。")
    preview_process = None
    preview_url = None
    if preview:
        bound = free_port(preview_port)
        preview_url = f"http://127.0.0.1:{bound}{site_path(root)}"
        preview_process = start_preview(root, bound)
    app = EditorApp(root, backend, preview_url)
    server = make_server(app, port)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"表单编辑器：{url}")
    if preview_url:
        print(f"网站预览：{preview_url}（第一次生成需要几秒钟；保存后自动刷新）")
    print(f"在编辑器中点“打开项目文件夹”，选择 {root}")
    print("请使用 Microsoft Edge 或 Google Chrome。关闭这个窗口（或按 Ctrl+C）即停止编辑器和预览。")
    if browser:
        threading.Timer(0.5, open_browser, args=(url,)).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("已停止。")
    finally:
        server.server_close()
        if preview_process is not None:
            preview_process.terminate()
            try:
                preview_process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                preview_process.kill()
    return 0
