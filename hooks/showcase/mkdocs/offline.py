"""The offline edition: the site as a zip that works from file:// (double-click index.html).

It is built from ``mkdocs-offline.yml`` (which inherits ``mkdocs.yml``) with directory URLs
off, so every link names its file. Search needs nothing more: the index files are scripts,
which the browser loads from file:// too (no worker, no fetch, no outside host).
"""

from __future__ import annotations

import logging
import os
import tempfile
import zipfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

OFFLINE_CONFIG = "mkdocs-offline.yml"
TOP_FOLDER = "offline-site"  # ASCII: older Windows unzip tools garble non-ASCII names


def build_offline(root: Path, zip_path: Path) -> Path:
    """Build the offline edition of the project at ``root`` and write it to ``zip_path``."""
    root = root.resolve()
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="offline-") as tmp:
        site_dir = Path(tmp) / "site"
        cfg = load_config(config_file=os.fspath(root / OFFLINE_CONFIG), site_dir=os.fspath(site_dir))
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
        zip_path.parent.mkdir(parents=True, exist_ok=True)
        partial = zip_path.with_name(zip_path.name + ".part")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(site_dir.rglob("*")):
                if path.is_file() and not path.name.endswith(".map"):
                    archive.write(path, f"{TOP_FOLDER}/{path.relative_to(site_dir).as_posix()}")
        os.replace(partial, zip_path)
    return zip_path
