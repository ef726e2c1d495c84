"""Deployment: deploy/nginx.conf and scripts/csp.py (guide/部署指南.md).

The nginx file is read back (headers, cache map, sub-path block) and checked against the file
names a real build writes; scripts/csp.py is checked on hand-written pages and on a build. When
nginx is installed, the file itself is run (`nginx -t`, then real requests at the domain root
and under /wenming/); without nginx those tests are skipped. The browser checks of the CSP are
in tests/browser/test_csp.py.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import os
import re
import subprocess
import sys

import pytest
from datakit import EVENT, PERSON
from deploykit import CSP_SCRIPT, REPO, SNIPPET, NginxConf, RealNginx, csp_for, fetch, load_csp
from PIL import Image
from projectkit import Project
from sitebuild import build_site

IMMUTABLE = "public, max-age=31536000, immutable"
SECURITY_HEADERS = {"X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Permissions-Policy"}
SITE_URL = "https://example.org/wenming/"
csp = load_csp()


# -- deploy/nginx.conf ---------------------------------------------------------------------
def test_server_sets_cache_and_security_headers_and_includes_the_generated_csp():
    server = NginxConf().main_server()
    names = [name for name, _value, _always in server.headers]
    assert SECURITY_HEADERS | {"Cache-Control"} <= set(names)
    assert len(names) == len(set(names))
    assert all(always for _name, _value, always in server.headers), "error pages need the headers too: always"
    assert "Content-Security-Policy" not in names, "the CSP comes from the generated snippet only"
    assert server.includes == [SNIPPET]
    headers = dict(NginxConf().header_values("/index.html"))
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"


def test_no_location_drops_the_server_headers():
    """nginx: one add_header in a location and none of the server's are sent from there."""
    for name, location in NginxConf().main_server().locations.items():
        assert not location.headers and not location.includes, name


def test_subpath_block_repeats_every_header():
    conf = NginxConf().with_subpath()
    server = conf.main_server()
    sub = server.locations["location ^~ /wenming/"]
    assert sub.headers == server.headers
    assert sub.includes == [SNIPPET]
    assert re.search(r"^\s*alias /var/www/wenming/site/;", conf.text, re.MULTILINE)
    assert "error_page 404 /wenming/404.html;" in conf.text


def test_directives_the_guide_promises():
    text = "\n".join(NginxConf().lines)
    for directive in (
        "gzip_static on;",
        "gzip on;",
        "charset utf-8;",
        "error_page 404 /404.html;",
        "application/manifest+json  webmanifest;",
        "absolute_redirect off;",
    ):
        assert directive in text, directive
    assert "try_files" not in text, "try_files $uri/ would serve /events as /events/ and break relative links"
    assert "brotli_static on;" in NginxConf().text  # documented, commented out


@pytest.mark.parametrize(
    "uri, expected",
    [
        ("/assets/javascripts/bundle.a5f9d56c.min.js", IMMUTABLE),
        ("/assets/javascripts/workers/search.a7633da7.min.js", IMMUTABLE),
        ("/assets/stylesheets/main.57a0d79d.min.css", IMMUTABLE),
        ("/assets/stylesheets/palette.fb2fffe2.min.css.map", IMMUTABLE),
        ("/media/zhang-san-qhbzkemw-480.webp", IMMUTABLE),
        ("/wenming/media/zhang-san-qhbzkemw-1600.jpg", IMMUTABLE),
        ("/index.html", "no-cache"),
        ("/events/", "no-cache"),
        ("/wenming/404.html", "no-cache"),
        ("/sitemap.xml", "no-cache"),
        ("/sitemap.xml.gz", "no-cache"),
        ("/search/m.js", "no-cache"),
        ("/wenming/search/s/1f.js", "no-cache"),
        ("/search/d/0.js", "no-cache"),
        ("/assets/javascripts/search.js", "no-cache"),
        ("/wenming/assets/javascripts/search-start.js", "no-cache"),
        ("/assets/stylesheets/showcase.css", "public, max-age=3600"),
        ("/assets/javascripts/lunr/min/lunr.zh.min.js", "public, max-age=3600"),
        ("/assets/images/favicon.png", "public, max-age=3600"),
        ("/media/zhang-san.jpg", "public, max-age=3600"),
    ],
)
def test_cache_map(uri, expected):
    assert NginxConf().cache_control(uri) == expected


def _jpeg(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (90, 140, 200)).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def _photo_project(root, site_url: str | None = None) -> Project:
    project = Project(root)
    project.write_bytes("data/photos/zhang-san.jpg", _jpeg(1800, 1200))
    project.write_bytes("data/photos/huiyi.jpg", _jpeg(1200, 800))
    project.write("data/entrepreneurs/zhang-san.yml", PERSON + "photo:\n  src: photos/zhang-san.jpg\n  alt: 张三在企业车间\n")
    project.write(
        "data/events/e1.yml",
        EVENT + "entrepreneurs: [zhang-san]\ntags: [培训]\nphotos:\n  - src: photos/huiyi.jpg\n    alt: 培训班现场\n",
    )
    if site_url:
        config = project.root / "mkdocs.yml"
        config.write_text(f"site_url: {site_url}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("deploy-root")
    return build_site(_photo_project(base / "proj").root, base / "site").out


@pytest.fixture(scope="module")
def photo_site_subpath(tmp_path_factory):
    base = tmp_path_factory.mktemp("deploy-subpath")
    return build_site(_photo_project(base / "proj", SITE_URL).root, base / "site").out


def test_every_built_file_gets_the_right_cache_class(photo_site):
    """The map's patterns against the names a real build writes (Material assets, photo copies)."""
    conf = NginxConf()
    files = [p.relative_to(photo_site).as_posix() for p in photo_site.rglob("*") if p.is_file()]
    hashed = re.compile(r"\.[0-9a-f]{8,}\.min\.(js|css)(\.map)?$|^media/.+-[a-z]{8}-\d+\.(webp|jpg)$")
    seen = {"material": 0, "media": 0, "pages": 0}
    for rel in files:
        value = conf.cache_control("/" + rel)
        if hashed.search(rel):
            assert value == IMMUTABLE, rel
            seen["media" if rel.startswith("media/") else "material"] += 1
        elif (rel.endswith(".html") or rel in ("sitemap.xml", "sitemap.xml.gz") or rel.startswith("search/")
              or rel in ("assets/javascripts/search.js", "assets/javascripts/search-start.js")):
            assert value == "no-cache", rel
            seen["pages"] += rel.endswith(".html")
        else:
            assert value == "public, max-age=3600", rel
    assert seen["material"] >= 4 and seen["pages"] >= 5
    assert seen["media"] >= 6, "the photo copies (media/<name>-<hash>-<width>.webp|jpg) were not found"
    assert not [rel for rel in files if rel.startswith("media/") and not hashed.search(rel)], "unhashed media file"


# -- scripts/csp.py ------------------------------------------------------------------------
def _site(tmp_path, pages: dict[str, str]):
    for rel, html in pages.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(html.encode("utf-8"))
    return tmp_path


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_hashes_inline_scripts_and_skips_data_blocks_and_external_scripts(tmp_path):
    site = _site(
        tmp_path,
        {
            "index.html": '<script>var a = "<b>&amp;";</script><script type="application/json">{"x": 1}</script>'
            '<script src="assets/x.js"></script><script type="module">import "./m.js";</script>',
            "a/index.html": "<script>\r\nvar b = 1;\r\n</script>",
        },
    )
    scan = csp.scan_site(site)
    assert not scan.problems
    # raw text (no entity decoding inside <script>); CR LF becomes LF as in the browser
    assert scan.script_hashes() == sorted([_hash('var a = "<b>&amp;";'), _hash('import "./m.js";'), _hash("\nvar b = 1;\n")])
    value = csp.policy(scan)
    directives = dict(part.split(" ", 1) for part in value.split("; "))
    assert directives["script-src"].startswith("'self' 'sha256-")
    assert directives["style-src"] == "'self'"
    assert directives["worker-src"] == directives["connect-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'self'"
    assert "unsafe-inline" not in value and "unsafe-eval" not in value


def test_style_elements_and_attributes_are_hashed(tmp_path):
    site = _site(tmp_path, {"index.html": '<style>p{color:red}</style><p style="margin:0">x</p>'})
    value = csp.policy(csp.scan_site(site))
    style = next(part for part in value.split("; ") if part.startswith("style-src "))
    assert style == f"style-src 'self' 'unsafe-hashes' {' '.join(sorted([_hash('p{color:red}'), _hash('margin:0')]))}"


@pytest.mark.parametrize(
    "html, fragment",
    [
        ('<button onclick="go()">x</button>', "onclick"),
        ('<a href="javascript:go()">x</a>', "javascript:"),
        ('<script src="https://cdn.example.com/x.js"></script>', "cdn.example.com"),
        ('<link rel="stylesheet" href="//fonts.example.com/a.css">', "fonts.example.com"),
        ('<img src="http://img.example.com/a.png" alt="">', "img.example.com"),
    ],
)
def test_what_no_hash_can_allow_makes_the_command_fail(tmp_path, capsys, html, fragment):
    site = _site(tmp_path, {"index.html": html})
    assert csp.main([str(site)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and fragment in err and "index.html" in err


def test_data_images_and_site_links_are_fine(tmp_path):
    site = _site(
        tmp_path,
        {"index.html": '<img src="data:image/png;base64,AA==" alt=""><a href="https://example.org/">外部链接</a>'
         '<link rel="canonical" href="https://example.org/wenming/">'},
    )
    assert not csp.scan_site(site).problems


def test_redirect_pages_with_varying_scripts_are_reported(tmp_path):
    def redirect(to: str) -> str:
        return (
            f'<meta http-equiv="refresh" content="0; url={to}"><script>location.replace("{to}" + location.hash);</script>'
        )

    site = _site(tmp_path, {"index.html": "<p>首页</p>", "a/index.html": redirect("../b/"), "c/index.html": redirect("../d/")})
    scan = csp.scan_site(site)
    assert len(scan.script_hashes()) == 2  # both allowed: the site works
    notes = "\n".join(csp.report(scan))
    assert "转址页" in notes and "overrides/showcase/redirect.html" in notes


def test_command_line_nginx_snippet(tmp_path, photo_site):
    out = tmp_path / "snippets" / "wenming-csp.conf"
    result = subprocess.run(
        [sys.executable, str(CSP_SCRIPT), str(photo_site), "--nginx", "-o", str(out)],
        check=False, capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and "已检查" in result.stderr
    lines = [line for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert lines == [f'add_header Content-Security-Policy "{csp_for(photo_site)}" always;']
    plain = subprocess.run([sys.executable, str(CSP_SCRIPT), str(photo_site), "-q"], check=False, capture_output=True, text=True)
    assert plain.stdout.strip() == csp_for(photo_site) and plain.stderr == ""
    missing = subprocess.run([sys.executable, str(CSP_SCRIPT), str(tmp_path / "nope")], check=False, capture_output=True, text=True)
    assert missing.returncode == 2 and "mkdocs build" in missing.stderr


def test_every_inline_script_of_a_build_is_hashed(photo_site):
    """Independent count: every executable inline <script> of every page has its hash in the policy."""
    from bs4 import BeautifulSoup

    value = csp_for(photo_site)
    for path in photo_site.rglob("*.html"):
        for tag in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("script"):
            if tag.get("src") or tag.get("type", "text/javascript") != "text/javascript":
                continue
            assert _hash(tag.string or "") in value, (path, (tag.string or "")[:80])


# -- the real nginx (skipped when it is not installed) ----------------------------------------
@pytest.fixture(scope="module")
def nginx(tmp_path_factory, photo_site, photo_site_subpath):
    if not RealNginx.available():
        pytest.skip("nginx is not installed (apt-get install nginx-light runs these tests)")
    for site in (photo_site, photo_site_subpath):
        (site / "app.webmanifest").write_text('{"name": "示例"}', encoding="utf-8")
        css = site / "assets" / "stylesheets" / "showcase.css"
        (css.parent / "showcase.css.gz").write_bytes(gzip.compress(css.read_bytes()))
    root_csp, sub_csp = csp_for(photo_site), csp_for(photo_site_subpath)
    # One server holds both sites here; a real deployment has one CSP per site.
    snippet = csp.nginx_line(root_csp if root_csp == sub_csp else _merge(root_csp, sub_csp)) + "\n"
    server = RealNginx(tmp_path_factory.mktemp("nginx"), photo_site, snippet, subpath=photo_site_subpath)
    checked = server.test_config()
    assert checked.returncode == 0, checked.stderr
    try:
        yield server.start(), snippet
    finally:
        server.stop()


def _merge(a: str, b: str) -> str:
    parts_a, parts_b = a.split("; "), b.split("; ")
    merged = []
    for x, y in zip(parts_a, parts_b, strict=True):
        words = x.split(" ")
        merged.append(" ".join(words + [w for w in y.split(" ")[1:] if w not in words]))
    return "; ".join(merged)


@pytest.mark.parametrize("prefix", ["", "wenming/"])
def test_real_nginx_pages_headers_and_errors(nginx, prefix):
    base, snippet = nginx
    csp_value = re.search(r'"(.+)"', snippet)[1]
    home = fetch(base + prefix)
    assert home.status == 200 and home.headers["content-type"] == "text/html; charset=utf-8"
    assert home.headers["cache-control"] == "no-cache"
    assert home.headers["content-security-policy"] == csp_value
    for name, value in NginxConf().header_values("/index.html"):
        assert home.headers[name.lower()] == value, name
    assert "server" not in home.headers or "/" not in home.headers["server"], "server_tokens off"

    moved = fetch(base + prefix + "events")
    assert moved.status == 301 and moved.headers["location"] == f"/{prefix}events/"
    assert fetch(base + prefix + "events/").status == 200

    missing = fetch(base + prefix + "no-such-page/")
    assert missing.status == 404 and "content-security-policy" in missing.headers
    assert missing.headers["cache-control"] == "no-cache"
    assert b"md-content" in missing.body  # the site's own 404.html
    links = re.findall(rb'href="(/[^"]*assets/stylesheets/main[^"]+)"', missing.body)
    assert links and fetch(base.rstrip("/") + links[0].decode()).status == 200  # absolute /wenming/… works


@pytest.mark.parametrize("prefix", ["", "wenming/"])
def test_real_nginx_types_cache_and_compression(nginx, prefix, photo_site, photo_site_subpath):
    base, _ = nginx
    site = photo_site_subpath if prefix else photo_site
    bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js")).name
    js = fetch(base + prefix + "assets/javascripts/" + bundle, {"Accept-Encoding": "gzip"})
    assert js.status == 200 and js.headers["cache-control"] == IMMUTABLE
    assert js.headers["content-type"] == "application/javascript; charset=utf-8"
    assert js.headers.get("content-encoding") == "gzip" and "accept-encoding" in js.headers.get("vary", "").lower()
    media = min((site / "media").glob("*-480.webp")).name
    photo = fetch(base + prefix + "media/" + media)
    assert photo.headers["cache-control"] == IMMUTABLE and photo.headers["content-type"] == "image/webp"
    index = fetch(base + prefix + "search/m.js")
    assert index.status == 200 and index.headers["cache-control"] == "no-cache"
    assert index.headers["content-type"] == "application/javascript; charset=utf-8"  # loads by <script> under nosniff
    assert fetch(base + prefix + "sitemap.xml").headers["cache-control"] == "no-cache"
    manifest = fetch(base + prefix + "app.webmanifest")
    assert manifest.headers["content-type"] == "application/manifest+json; charset=utf-8"
    css = fetch(base + prefix + "assets/stylesheets/showcase.css", {"Accept-Encoding": "gzip"})
    assert css.headers["content-encoding"] == "gzip" and css.headers["cache-control"] == "public, max-age=3600"
    assert css.body == (site / "assets/stylesheets/showcase.css.gz").read_bytes()  # gzip_static: the file as is
    assert css.headers["content-type"] == "text/css; charset=utf-8"


def test_repo_example_site_has_no_csp_problems(example_build):
    scan = csp.scan_site(example_build)
    assert not scan.problems, scan.problems


@pytest.fixture(scope="module")
def example_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("example-csp") / "site"
    build_site(REPO, out)
    return out


def test_keep_from_adds_the_hashes_of_the_policy_in_use(tmp_path, photo_site):
    old = tmp_path / "old.conf"
    old.write_text(
        "# 旧的\n" + csp.nginx_line("default-src 'self'; script-src 'self' 'sha256-OLD+/=' ; style-src 'self' 'unsafe-hashes' 'sha256-S='") + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "transition.conf"
    assert csp.main([str(photo_site), "--nginx", "-q", "--keep-from", str(old), "-o", str(out)]) == 0
    value = re.search(r'"(.+)"', out.read_text(encoding="utf-8"))[1]
    new = csp_for(photo_site)
    directives = dict(part.split(" ", 1) for part in value.split("; "))
    assert "'sha256-OLD+/='" in directives["script-src"]
    assert set(dict(p.split(" ", 1) for p in new.split("; "))["script-src"].split()) < set(directives["script-src"].split())
    assert directives["style-src"] == "'self' 'unsafe-hashes' 'sha256-S='"
    assert csp.main([str(photo_site), "-q", "--keep-from", str(tmp_path / "missing.conf")]) == 0  # first deployment


# -- deploy/install-csp.sh (run on the server through sudo) ------------------------------------
@pytest.fixture
def installer(tmp_path):
    fake = tmp_path / "nginx"
    log = tmp_path / "nginx.log"
    fake.write_text(f'#!/bin/sh\necho "$*" >> {log}\n[ "$1" != "-t" ] || [ ! -f {tmp_path}/broken ]\n', encoding="utf-8")
    fake.chmod(0o755)
    target = tmp_path / "etc" / "wenming-csp.conf"
    env = {"PATH": "/usr/bin:/bin", "WENMING_CSP_SNIPPET": str(target), "WENMING_NGINX": str(fake)}

    def run(snippet_text: str):
        snippet = tmp_path / "new.conf"
        snippet.write_text(snippet_text, encoding="utf-8")
        script = REPO / "deploy" / "install-csp.sh"
        result = subprocess.run(["sh", str(script), str(snippet)], check=False, capture_output=True, text=True, env=env)
        calls = log.read_text().split("\n")[:-1] if log.exists() else []
        log.unlink(missing_ok=True)
        return result, calls

    return run, target, tmp_path


def test_install_script_installs_reloads_and_skips_unchanged(installer, photo_site):
    run, target, _ = installer
    snippet = "# 生成\n" + csp.nginx_line(csp_for(photo_site)) + "\n"
    result, calls = run(snippet)
    assert result.returncode == 0 and calls == ["-t", "-s reload"] and target.read_text() == snippet
    result, calls = run(snippet)
    assert result.returncode == 0 and calls == [] and "没有变化" in result.stdout


@pytest.mark.parametrize(
    "text",
    [
        'add_header Content-Security-Policy "default-src \'self\'" always;\ninclude /etc/passwd;\n',
        'add_header Content-Security-Policy "default-src $host" always;\n',
        'add_header X-Other "x" always;\n',
        "# 只有注释\n",
        'add_header Content-Security-Policy "a" always;\nadd_header Content-Security-Policy "b" always;\n',
    ],
)
def test_install_script_refuses_anything_but_a_csp_line(installer, text):
    run, target, _ = installer
    result, calls = run(text)
    assert result.returncode == 1 and calls == [] and not target.exists()


@pytest.mark.parametrize(
    "value",
    [
        "default-src 'self'; alias /",  # another nginx directive hidden in the value
        "default-src 'self' https://evil.example",  # a source csp.py never writes
        "default-src 'self'; script-src 'self' 'unsafe-inline'",
        "default-src 'self'; img-src 'self' data:; script-src 'self' data:",
        "script-src 'self'",  # no default-src
        "default-src 'self'; default-src *",
    ],
)
def test_install_script_checks_every_directive(installer, value):
    run, target, _ = installer
    result, calls = run(f'add_header Content-Security-Policy "{value}" always;\n')
    assert result.returncode == 1 and calls == [] and not target.exists(), result.stderr


def test_install_script_installs_what_it_checked_even_if_the_file_changes_meanwhile(installer, photo_site):
    """The deploy account may rewrite its file at any moment: the script reads it once into a
    root-owned copy and checks and installs that copy, so a swap never gets through."""
    import threading

    _run, target, tmp_path = installer
    good = "# 生成\n" + csp.nginx_line(csp_for(photo_site)) + "\n"
    bad = 'add_header Content-Security-Policy "default-src \'self\'" always;\nlocation / { alias /; autoindex on; }\n'
    snippet = tmp_path / "new.conf"
    stop = threading.Event()

    def flip():
        while not stop.is_set():
            for text in (good, bad):
                partial = snippet.with_name("flip.part")
                partial.write_text(text, encoding="utf-8")
                os.replace(partial, snippet)

    worker = threading.Thread(target=flip, daemon=True)
    worker.start()
    try:
        script = REPO / "deploy" / "install-csp.sh"
        env = {"PATH": "/usr/bin:/bin", "WENMING_CSP_SNIPPET": str(target), "WENMING_NGINX": "true"}
        for _ in range(40):
            subprocess.run(["sh", str(script), str(snippet)], check=False, capture_output=True, env=env)
            if target.exists():
                assert target.read_text(encoding="utf-8") == good
                target.unlink()
    finally:
        stop.set()
        worker.join()


def test_install_script_restores_the_previous_file_when_nginx_rejects(installer):
    run, target, tmp_path = installer
    good = 'add_header Content-Security-Policy "default-src \'self\'" always;\n'
    assert run(good)[0].returncode == 0
    (tmp_path / "broken").touch()
    result, calls = run(good.replace("'self'", "'none'"))
    assert result.returncode == 1 and calls == ["-t"] and target.read_text() == good


# -- the deployment guide ----------------------------------------------------------------------
GUIDE = REPO / "guide" / "部署指南.md"


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading (as in tests/test_guide.py)."""
    import unicodedata

    text = heading.strip().lower()
    text = "".join(ch for ch in text if ch in " -_" or unicodedata.category(ch)[0] in "LN")
    return text.replace(" ", "-")


def test_guide_links_anchors_and_files_resolve():
    text = GUIDE.read_text(encoding="utf-8")
    anchors = {_slug(h) for h in re.findall(r"^#{1,6} (.+)$", text, re.MULTILINE)}
    targets = re.findall(r"\]\(([^)\s]+)\)", text)
    assert targets
    for target in targets:
        if target.startswith("#"):
            assert target[1:] in anchors, f"broken anchor {target}"
        else:
            assert (GUIDE.parent / target).is_file(), f"broken link {target}"
    for rel in re.findall(r"`((?:deploy|scripts|tests|tests/browser)/[\w./-]+\.(?:py|conf|yml|sh))`", text):
        assert (REPO / rel).is_file(), rel


def test_guide_is_linked_and_its_commands_exist(capsys):
    from showcase.tools.cli import main

    assert "guide/部署指南.md" in (REPO / "README.md").read_text(encoding="utf-8")
    assert "](部署指南.md)" in (REPO / "guide" / "编辑指南.md").read_text(encoding="utf-8")
    text = GUIDE.read_text(encoding="utf-8")
    for command in set(re.findall(r"showcase ([a-z][a-z-]+)", text)):
        with pytest.raises(SystemExit) as exc:
            main([command, "--help"])
        assert exc.value.code == 0, command
    capsys.readouterr()
    for option in re.findall(r"scripts/csp\.py site ([^\n`#]+)", text):
        for flag in re.findall(r"--[a-z-]+", option):
            assert flag in CSP_SCRIPT.read_text(encoding="utf-8"), flag


def test_ci_examples_build_generate_the_csp_and_publish_on_main():
    import yaml

    for name in ("github-actions.yml", "gitlab-ci.yml"):
        path = REPO / "deploy" / "ci" / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        for step in ("showcase check", "mkdocs build", "scripts/csp.py site --nginx", "--keep-from",
                     "wenming-install-csp", "rsync -rlptz --delete --delay-updates"):
            assert step in text, (name, step)
        assert text.index("mkdocs build") < text.index("scripts/csp.py") < text.index("rsync -rlptz")
        if name == "github-actions.yml":
            assert data[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as true
        else:
            assert data["publish"]["rules"] == [{"if": '$CI_COMMIT_BRANCH == "main"'}]
    assert not (REPO / ".github" / "workflows" / "publish.yml").exists()  # examples only


def test_guide_header_table_matches_the_nginx_file():
    text = GUIDE.read_text(encoding="utf-8")
    for name, value in NginxConf().header_values("/index.html"):
        if name != "Cache-Control":
            assert f"| `{name}` | `{value}`" in text, name
    for value in ("public, max-age=31536000, immutable", "no-cache", "public, max-age=3600"):
        assert f"`{value}`" in text
