"""Atomic publishing: build into a temporary folder beside the output, swap on success.

A failed, crashed or interrupted build leaves the previous output exactly as it was;
leftovers of an interrupted build are removed at the start of the next one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

_BUILDING = ".building-"
_OLD = ".previous-"


def _prefix(target: Path) -> str:
    return f".{target.name}"


def remove_leftovers(target: Path) -> list[Path]:
    """Delete temporary folders an interrupted build left beside ``target``."""
    removed: list[Path] = []
    parent = target.parent
    if not parent.is_dir():
        return removed
    for marker in (_BUILDING, _OLD):
        for path in parent.glob(f"{_prefix(target)}{marker}*"):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def start(target: Path) -> Path:
    """Create and return a fresh temporary build folder beside ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    return Path(tempfile.mkdtemp(prefix=f"{_prefix(target)}{_BUILDING}", dir=target.parent))


def swap_in(building: Path, target: Path) -> None:
    """Replace ``target`` by ``building`` with two renames; the old output is then deleted."""
    old = None
    if target.exists() or target.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f"{_prefix(target)}{_OLD}", dir=target.parent))
        os.rmdir(old)
        os.replace(target, old)
    try:
        os.replace(building, target)
    except OSError:
        if old is not None:  # put the previous output back before reporting the failure
            os.replace(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def abandon(building: Path | None) -> None:
    """Remove an unfinished build folder."""
    if building is not None:
        shutil.rmtree(building, ignore_errors=True)
