"""Copy the pinned Sveltia CMS bundle from node_modules into the form editor's folder.

    .venv/bin/python scripts/vendor_editor.py            # after `npm ci`; then commit the result

What it writes to ``hooks/showcase/tools/editor/vendor/``:
- ``sveltia-cms.js``: the bundle, with its three web-font URLs (a CDN) pointed at the copies
  below. The script stops with an error when a URL is not found exactly once, so a new Sveltia
  version cannot silently fall back to the CDN;
- ``fonts/*.woff2``: the icon font and the two Latin UI fonts, from the @fontsource npm packages
  whose versions the bundle names;
- ``locales/zh-CN.json``: the Chinese interface strings (Sveltia fetches them from a CDN at run
  time; the editor page answers that request with this copy);
- ``LICENSES.txt``: the licences and exact versions of everything copied.

``tests/test_form_editor.py`` runs this script into a temporary folder and fails when the
committed copy differs, so the committed bundle is always the pinned package plus this patch.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NODE_MODULES = REPO / "node_modules"
TARGET = REPO / "hooks" / "showcase" / "tools" / "editor" / "vendor"
SVELTIA = "@sveltia/cms"
# CDN address written in the bundle → (npm package, file inside it)
FONTS = {
    "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2": (
        "@fontsource-variable/source-sans-3", "files/source-sans-3-latin-wght-normal.woff2",
    ),
    "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2": (
        "@fontsource/noto-mono", "files/noto-mono-latin-400-normal.woff2",
    ),
    "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2": (
        "@fontsource-variable/material-symbols-outlined", "files/material-symbols-outlined-latin-wght-normal.woff2",
    ),
}
LOCALES = ("zh-CN",)
FONT_URL_PREFIX = "/vendor/fonts/"
CDN = "https://unpkg.com/"
LOCAL_CDN = "/vendor/cdn/"  # on the editor's own server (editor.js answers the locale files)
FOREIGN_SCRIPT_HOSTS = ("https://unpkg.com", "https://cdn.jsdelivr.net", "https://esm.sh", "https://cdnjs.cloudflare.com")  # the editor page is served from the root of its own server


def _version(package: str) -> str:
    data = json.loads((NODE_MODULES / package / "package.json").read_text(encoding="utf-8"))
    return str(data["version"])


def vendor(target: Path, node_modules: Path = NODE_MODULES) -> list[Path]:
    """Write the vendored files into ``target`` (replacing it); return the files written."""
    bundle = node_modules / SVELTIA / "dist" / "sveltia-cms.js"
    if not bundle.is_file():
        raise SystemExit(f"{bundle} is missing: run `npm ci` first")
    js = bundle.read_text(encoding="utf-8")
    if target.exists():
        shutil.rmtree(target)
    (target / "fonts").mkdir(parents=True)
    (target / "locales").mkdir()
    licences = [f"{SVELTIA} {_version(SVELTIA)}\n\n{(node_modules / SVELTIA / 'LICENSE.txt').read_text(encoding='utf-8')}"]
    for url, (package, rel) in FONTS.items():
        count = js.count(url)
        if count != 1:
            raise SystemExit(f"font URL found {count} times in the bundle (a new Sveltia version?): {url}")
        name = Path(rel).name
        js = js.replace(url, FONT_URL_PREFIX + name)
        shutil.copyfile(node_modules / package / rel, target / "fonts" / name)
        version = _version(package)
        if f"@{version}/" not in url:
            raise SystemExit(f"{package} is {version}, but the bundle asks for {url}: pin the version it names")
        licences.append(f"{package} {version}\n\n{(node_modules / package / 'LICENSE').read_text(encoding='utf-8')}")
    if "cdn.jsdelivr.net/fontsource" in js:
        raise SystemExit("the bundle names another font on the CDN: add it to FONTS")
    # Optional modules Sveltia would import from unpkg.com (code highlighting, map widget, the
    # configuration schema, its locale files), which does not load in mainland China: they are
    # asked of the editor's own server instead. Only the locale is there (editor.js answers
    # it); the rest is absent, so those extras stay off, as they were under the editor's CSP.
    if js.count(CDN) < 1:
        raise SystemExit(f"{CDN} not found in the bundle (a new Sveltia version?): check its module loading")
    js = js.replace(CDN, LOCAL_CDN)
    for host in FOREIGN_SCRIPT_HOSTS:
        if host in js:
            raise SystemExit(f"the bundle loads code from {host}: map it to this computer like {CDN}")
    (target / "sveltia-cms.js").write_text(js, encoding="utf-8", newline="\n")
    for locale in LOCALES:
        shutil.copyfile(node_modules / SVELTIA / "locales" / f"{locale}.json", target / "locales" / f"{locale}.json")
    separator = "\n" + "=" * 72 + "\n\n"
    (target / "LICENSES.txt").write_text(separator.join(licences), encoding="utf-8", newline="\n")
    return sorted(p for p in target.rglob("*") if p.is_file())


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else TARGET
    written = vendor(target)
    total = sum(p.stat().st_size for p in written)
    for path in written:
        print(f"{path.stat().st_size:>10,}  {path.relative_to(target).as_posix()}")
    print(f"{total:>10,}  bytes in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
