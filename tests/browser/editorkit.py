"""Driving the form editor (showcase edit) in headless chromium.

The editor reads and writes the project folder the editor picks with the browser's folder
picker, which a headless browser cannot click. The test therefore fills a folder of the
browser's own private file system (OPFS) with the project's files and replaces
``window.showDirectoryPicker`` (in the test's page only) by a function returning that folder:
Sveltia's real "local repository" code then reads and writes it exactly as it would a folder on
disk. Afterwards the folder is copied back over the project on disk.
"""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from showcase.tools.formeditor import EditorApp, make_server

LOCAL_HOSTS = {"127.0.0.1", "localhost"}

PICKER_SHIM = """
window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle('project', { create: true });
"""

WRITE_OPFS = """
async (files) => {
  const root = await navigator.storage.getDirectory();
  try { await root.removeEntry('project', { recursive: true }); } catch (e) {}
  const project = await root.getDirectoryHandle('project', { create: true });
  for (const [path, b64] of Object.entries(files)) {
    const parts = path.split('/');
    let dir = project;
    for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, { create: true });
    const writable = await (await dir.getFileHandle(parts.at(-1), { create: true })).createWritable();
    await writable.write(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
    await writable.close();
  }
  return Object.keys(files).length;
}
"""

READ_OPFS = """
async () => {
  const out = {};
  const walk = async (dir, prefix) => {
    for await (const [name, handle] of dir.entries()) {
      const path = prefix ? prefix + '/' + name : name;
      if (handle.kind === 'directory') { await walk(handle, path); continue; }
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      out[path] = btoa(text);
    }
  };
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('project'), '');
  return out;
}
"""


def project_files(root: Path, folders: tuple[str, ...] = (".git", "data")) -> dict[str, str]:
    """The files the editor sees (base64), as they are on disk."""
    files = {}
    for top in folders:
        for path in sorted((root / top).rglob("*")):
            if path.is_file():
                files[path.relative_to(root).as_posix()] = base64.b64encode(path.read_bytes()).decode()
    return files


def write_back(files: dict[str, str], root: Path) -> list[str]:
    """Copy the browser's folder over the project on disk; the paths that changed."""
    changed = []
    for rel, data in sorted(files.items()):
        if rel.startswith(".git/"):
            continue
        content = base64.b64decode(data)
        target = root / rel
        if not target.is_file() or target.read_bytes() != content:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            changed.append(rel)
    return changed


@contextmanager
def editor_server(app: EditorApp) -> Iterator[str]:
    """Serve ``app`` on a free 127.0.0.1 port; yield its address."""
    server = make_server(app, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class OutsideRequests:
    """Aborts and records every request to a host other than this computer."""

    def __init__(self, context) -> None:
        self.seen: list[str] = []
        context.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(("http://", "https://")) and urlsplit(url).hostname not in LOCAL_HOSTS:
            self.seen.append(url)
            route.abort()
        else:
            route.continue_()


def field_group(page, label: str):
    """A field's group in the form, by its Chinese label (Sveltia: “「label」字段”)."""
    return page.get_by_role("group", name=f"「\u2068{label}\u2069」字段", exact=True)


def open_project(page, base: str, root: Path) -> None:
    """Load the editor with ``root``'s files in the browser's folder, and open it."""
    page.goto(base + "editor.css")  # same origin as the editor: its private file system
    page.evaluate(WRITE_OPFS, project_files(root))
    page.add_init_script(PICKER_SHIM)
    page.goto(base)
    page.get_by_role("button", name="打开项目文件夹").click()
    page.get_by_role("button", name="创建新条目").wait_for()


def save(page) -> None:
    """Press 保存 and wait until the editor has written the file and closed the form."""
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_selector("text=/已保存|已创建|已更新/", timeout=15000)
    page.get_by_role("button", name="创建新条目").wait_for()
