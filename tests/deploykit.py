"""The deployment as tests see it: deploy/nginx.conf read back, scripts/csp.py, and two servers.

* ``NginxConf`` reads the committed deploy/nginx.conf: its server-level ``add_header`` lines,
  the ``map`` that chooses Cache-Control, and the commented sub-path block.
* ``serve_like_nginx`` is a small Python server that sends exactly those headers plus the CSP
  scripts/csp.py computes, answers a missing file with 404.html and status 404 (``error_page``),
  and can serve the site under a sub-path (``location ^~ /wenming/ { alias …; }``).
* ``Watch`` collects what a Playwright browser context reports: CSP violations, console
  errors, script errors and failed requests.
* ``RealNginx`` runs the real nginx (when installed) on deploy/nginx.conf with only the paths,
  the port and the server name replaced.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
NGINX_CONF = REPO / "deploy" / "nginx.conf"
CSP_SCRIPT = REPO / "scripts" / "csp.py"
SNIPPET = "/etc/nginx/snippets/wenming-csp.conf"
SUBPATH_MARK = "#子路径"


def load_csp():
    """scripts/csp.py as a module (scripts/ is not a package)."""
    if "showcase_csp_script" in sys.modules:
        return sys.modules["showcase_csp_script"]
    spec = importlib.util.spec_from_file_location("showcase_csp_script", CSP_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def csp_for(site: Path) -> str:
    csp = load_csp()
    scan = csp.scan_site(site)
    assert not scan.problems, scan.problems
    return csp.policy(scan)


def _active_lines(text: str) -> list[str]:
    """Configuration lines without comments (a # starts a comment outside quotes)."""
    lines = []
    for raw in text.splitlines():
        out, quote = [], None
        for ch in raw:
            if quote:
                quote = None if ch == quote else quote
            elif ch in "\"'":
                quote = ch
            elif ch == "#":
                break
            out.append(ch)
        line = "".join(out).strip()
        if line:
            lines.append(line)
    return lines


_ADD_HEADER = re.compile(r'^add_header\s+(\S+)\s+(?:"([^"]*)"|(\S+))(\s+always)?\s*;$')
_MAP_ENTRY = re.compile(r'^(?:"([^"]+)"|(\S+))\s+"([^"]*)"\s*;$')


@dataclass
class Block:
    """A block's add_header lines, includes and nested location names."""

    headers: list[tuple[str, str, bool]]  # (name, value, always)
    includes: list[str]
    locations: dict[str, Block]


class NginxConf:
    def __init__(self, text: str | None = None) -> None:
        self.text = NGINX_CONF.read_text(encoding="utf-8") if text is None else text
        self.lines = _active_lines(self.text)

    # -- structure ------------------------------------------------------------------
    def servers(self) -> list[Block]:
        """Each active server {} block with its headers, includes and locations."""
        servers: list[Block] = []
        stack: list[tuple[str, Block | None]] = []
        for line in self.lines:
            if line.endswith("{"):
                head = line[:-1].strip()
                block = Block([], [], {}) if head == "server" or head.startswith("location") else None
                if head == "server":
                    servers.append(block)
                elif block is not None:
                    parent = next((b for _, b in reversed(stack) if b is not None), None)
                    assert parent is not None, f"location outside a server: {line}"
                    parent.locations[head] = block
                stack.append((head, block))
                continue
            if line == "}":
                stack.pop()
                continue
            current = next((b for _, b in reversed(stack) if b is not None), None)
            if current is None:
                continue
            match = _ADD_HEADER.match(line)
            if match:
                current.headers.append((match[1], match[2] if match[2] is not None else match[3], bool(match[4])))
            elif line.startswith("include "):
                current.includes.append(line[len("include ") :].rstrip(";").strip())
        assert not stack, "unbalanced braces in deploy/nginx.conf"
        return servers

    def main_server(self) -> Block:
        servers = self.servers()
        assert len(servers) == 1, "deploy/nginx.conf: exactly one active server {} expected"
        return servers[0]

    def with_subpath(self) -> NginxConf:
        """The same file with the commented sub-path location switched on."""
        text = re.sub(rf"^(\s*){SUBPATH_MARK} ?", r"\1", self.text, flags=re.MULTILINE)
        return NginxConf(text)

    # -- Cache-Control ----------------------------------------------------------------
    def cache_rules(self) -> tuple[str, list[tuple[re.Pattern, str]]]:
        """The map ``$uri $wenming_cache_control``: default value and (regex, value) in order."""
        inside, default, rules = False, None, []
        for line in self.lines:
            if line.startswith("map ") and "$wenming_cache_control" in line:
                inside = True
                continue
            if inside and line == "}":
                break
            if inside:
                match = _MAP_ENTRY.match(line)
                assert match, f"unexpected map line: {line}"
                key, value = match[1] or match[2], match[3]
                if key == "default":
                    default = value
                else:
                    assert key.startswith("~"), f"map keys are regexes here: {key}"
                    flags = re.IGNORECASE if key.startswith("~*") else 0
                    rules.append((re.compile(key.lstrip("~*"), flags), value))
        assert default is not None and rules, "map $uri $wenming_cache_control not found"
        return default, rules

    def cache_control(self, uri: str) -> str:
        default, rules = self.cache_rules()
        for regex, value in rules:
            if regex.search(uri):
                return value
        return default

    def header_values(self, uri: str) -> list[tuple[str, str]]:
        """The server-level headers for a response whose (final) $uri is ``uri``."""
        out = []
        for name, value, _always in self.main_server().headers:
            if value == "$wenming_cache_control":
                value = self.cache_control(uri)
            assert "$" not in value, f"unsupported variable in {name}: {value}"
            out.append((name, value))
        return out


# -- a Python server that behaves like deploy/nginx.conf ------------------------------------
class _NginxLikeHandler(http.server.SimpleHTTPRequestHandler):
    conf: NginxConf
    csp: str
    prefix: str  # "/" or "/wenming/"
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
    }

    def log_message(self, *args):
        pass

    def _final_uri(self) -> str:
        """$uri after nginx's index module: a folder URL ends in index.html."""
        path = unquote(urlsplit(self.path).path)
        return path + "index.html" if path.endswith("/") else path

    def translate_path(self, path):
        path = unquote(urlsplit(path).path)
        if not path.startswith(self.prefix):
            return os.path.join(self.directory, "\0outside")  # never exists
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self._uri = self.prefix + "404.html"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def guess_type(self, path):
        kind = super().guess_type(path)
        if kind.startswith("text/") or kind in ("application/javascript", "application/json", "image/svg+xml"):
            kind += "; charset=utf-8"
        return kind

    def end_headers(self):
        uri = getattr(self, "_uri", None) or self._final_uri()
        for name, value in self.conf.header_values(uri):
            self.send_header(name, value)
        if self.csp:  # "" serves without a policy (tests that inject scripts, e.g. axe)
            self.send_header("Content-Security-Policy", self.csp)
        super().end_headers()


def serve_like_nginx(folder: Path, csp: str, prefix: str = "/", conf: NginxConf | None = None):
    """Serve ``folder`` under ``prefix`` with deploy/nginx.conf's headers and the given CSP."""
    handler_class = type(
        "Handler", (_NginxLikeHandler,), {"conf": conf or NginxConf(), "csp": csp, "prefix": prefix}
    )
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# -- what a browser reports (Playwright) ----------------------------------------------------
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const v = {directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample};
  window.__cspViolations.push(v);
  if (window.__reportViolation) window.__reportViolation(JSON.stringify(v));
});
"""


class Watch:
    """CSP violations, console errors, script errors and failed requests of one browser context."""

    def __init__(self, context, expected_404: str | None = None) -> None:
        self.violations: list[str] = []
        self.console: list[str] = []
        self.failed: list[str] = []
        self.requests: list[str] = []
        self.expected_404 = expected_404
        context.expose_function("__reportViolation", lambda text: self.violations.append(text))  # survives navigations
        context.add_init_script(LISTEN)
        context.on("console", self._console)
        context.on("weberror", lambda e: self.console.append(f"pageerror: {e.error}"))
        context.on("response", self._response)
        context.on("request", lambda r: self.requests.append(r.url))
        context.on("requestfailed", self._request_failed)

    def _console(self, message) -> None:
        if message.type not in ("error", "warning"):
            return
        text = message.text
        if self.expected_404 and "404 (Not Found)" in text and message.location.get("url") == self.expected_404:
            return  # the browser logs the 404 status of the page we asked for
        if message.type == "error" or "Content Security Policy" in text or "Permissions-Policy" in text:
            self.console.append(f"{message.type}: {text} @ {message.location.get('url')}")

    def _response(self, response) -> None:
        if response.status >= 400 and response.url != self.expected_404:
            self.failed.append(f"{response.status} {response.url}")

    def _request_failed(self, request) -> None:
        if request.failure != "net::ERR_ABORTED":  # cut off by leaving the page (e.g. the search worker's loads)
            self.failed.append(f"{request.url}: {request.failure}")

    def problems(self) -> list[str]:
        return self.violations + self.console + self.failed


# -- the real nginx -------------------------------------------------------------------------
NGINX = shutil.which("nginx") or (shutil.which("nginx", path="/usr/sbin:/usr/local/sbin:/usr/local/nginx/sbin"))


def _mime_types() -> Path | None:
    for candidate in ("/etc/nginx/mime.types", "/usr/local/nginx/conf/mime.types", "/usr/local/etc/nginx/mime.types"):
        if Path(candidate).is_file():
            return Path(candidate)
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RealNginx:
    """nginx on 127.0.0.1 with deploy/nginx.conf: ``root`` at /, ``subpath`` (optional) at /wenming/."""

    def __init__(self, workdir: Path, root: Path, csp_snippet: str, subpath: Path | None = None) -> None:
        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        self.port = _free_port()
        conf = NginxConf().with_subpath() if subpath else NginxConf()
        text = conf.text
        text = re.sub(r"^[ \t]*listen \[::\]:80;\n", "", text, flags=re.MULTILINE)
        text, count = re.subn(r"^([ \t]*)listen 80;", rf"\g<1>listen 127.0.0.1:{self.port};", text, flags=re.MULTILINE)
        assert count == 1, "deploy/nginx.conf: one active 'listen 80;' expected"
        text = text.replace("server_name wenming.example.org;", "server_name localhost;")
        text = text.replace("root /var/www/wenming/site;", f"root {root};")
        if subpath:
            text = text.replace("alias /var/www/wenming/site/;", f"alias {subpath}/;")
        (workdir / "wenming-csp.conf").write_text(csp_snippet, encoding="utf-8")
        text = text.replace(f"include {SNIPPET};", f"include {workdir / 'wenming-csp.conf'};")
        (workdir / "wenming.conf").write_text(text, encoding="utf-8")
        version = subprocess.run([NGINX, "-V"], check=False, capture_output=True, text=True).stderr
        temp = "".join(
            f"    {kind}_temp_path {workdir / kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
            if kind == "client_body" or f"--http-{kind}-temp-path" in version
        )
        user = "user root root;\n" if os.geteuid() == 0 else ""  # workers must read pytest's tmp folders
        (workdir / "nginx.conf").write_text(
            f"{user}worker_processes 1;\npid {workdir / 'nginx.pid'};\nerror_log {workdir / 'error.log'};\n"
            "events { worker_connections 64; }\n"
            "http {\n"
            f"    include {_mime_types()};\n"
            "    default_type application/octet-stream;\n"
            f"    access_log off;\n{temp}"
            f"    include {workdir / 'wenming.conf'};\n"
            "}\n",
            encoding="utf-8",
        )
        self.process: subprocess.Popen | None = None

    @staticmethod
    def available() -> bool:
        return NGINX is not None and _mime_types() is not None

    def _command(self, *extra: str) -> list[str]:
        return [NGINX, "-p", str(self.workdir), "-e", str(self.workdir / "error.log"), "-c", str(self.workdir / "nginx.conf"), *extra]

    def test_config(self) -> subprocess.CompletedProcess:
        return subprocess.run(self._command("-t"), check=False, capture_output=True, text=True)

    def start(self) -> str:
        self.process = subprocess.Popen(self._command("-g", "daemon off;"), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{self.port}/"
        for _ in range(100):
            try:
                fetch(base + "start-probe")
                return base
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(self.process.stdout.read().decode("utf-8", "replace")) from None
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("nginx did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()  # SIGTERM to the master we started: it stops its workers
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect, urllib.request.ProxyHandler({}))  # never via a proxy


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


def fetch(url: str, headers: dict[str, str] | None = None) -> Response:
    """GET without following redirects; header names in lower case."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with _OPENER.open(request, timeout=10) as response:
            return Response(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())
