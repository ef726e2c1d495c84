"""Atomic publishing: build beside the output, swap it in only when every check passed.

- A build writes into a temporary folder beside the output (``.site.building-*``); an
  incremental build (``mkdocs build --dirty``) starts that folder as a copy of the published
  output (text files copied, pictures and documents hard-linked, which is safe because every
  file a build rewrites is removed first).
- The swap is two renames: the output becomes ``.site.previous-*``, the new folder the output.
  A kill between the two leaves no output for a moment; the next build puts the previous
  output back before it does anything else, so there is always a complete output or a
  complete previous copy.
- One build at a time per output folder: a lock file held open by the building process
  (released by the operating system when that process ends, however it ends).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import IO

_BUILDING = ".building-"
_OLD = ".previous-"
_LOCK = ".lock"
# Files a build may rewrite in place are copied into a new build folder; the rest (pictures,
# documents, fonts) are hard-linked, and removed before they are replaced.
TEXT_SUFFIXES = frozenset(
    {".html", ".htm", ".xml", ".json", ".js", ".mjs", ".css", ".txt", ".svg", ".map", ".webmanifest", ".gz"}
)


class PublishError(Exception):
    """Publishing cannot go on (another build runs, the folder cannot be written): Chinese message."""


def _prefix(target: Path) -> str:
    return f".{target.name}"


def recover(target: Path) -> Path | None:
    """If a build was killed between its two renames, put the previous output back."""
    if target.exists() or target.is_symlink():
        return None
    previous = sorted(target.parent.glob(f"{_prefix(target)}{_OLD}*"), key=lambda p: p.stat().st_mtime)
    if not previous:
        return None
    os.replace(previous[-1], target)
    return previous[-1]


def remove_leftovers(target: Path) -> list[Path]:
    """Delete temporary folders an interrupted build left beside ``target`` (after :func:`recover`)."""
    removed: list[Path] = []
    parent = target.parent
    if not parent.is_dir():
        return removed
    for marker in (_BUILDING, _OLD):
        for path in parent.glob(f"{_prefix(target)}{marker}*"):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


class BuildLock:
    """Only one build writes beside an output folder at a time."""

    def __init__(self, target: Path) -> None:
        self.path = target.parent / f"{_prefix(target)}{_LOCK}"
        self.handle: IO[bytes] | None = None

    def acquire(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self.path, "a+b")  # noqa: SIM115 - held open for the whole build
        except OSError as exc:
            raise PublishError(_cannot_write(self.path.parent, exc)) from None
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise PublishError(
                f"另一次生成正在写入 {self.path.parent}（同一个输出文件夹同时只能有一次生成），请等它结束后再运行"
            ) from None
        self.handle = handle

    def release(self) -> None:
        if self.handle is not None:
            try:
                try:
                    self.path.unlink(missing_ok=True)  # a killed build leaves the file, not the lock
                except OSError:  # pragma: no cover - Windows does not remove an open file
                    pass
                _unlock(self.handle)
            finally:
                self.handle.close()
                self.handle = None


if sys.platform == "win32":  # pragma: no cover - Windows
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _copy_tree(source: Path, target: Path) -> None:
    """``target`` as a copy of ``source``: text files copied, other files hard-linked."""
    for folder, dirs, names in os.walk(source):
        here = Path(folder)
        into = target / here.relative_to(source)
        into.mkdir(parents=True, exist_ok=True)
        for name in names:
            src, dst = here / name, into / name
            if src.suffix.lower() not in TEXT_SUFFIXES:
                try:
                    os.link(src, dst)
                    continue
                except OSError:
                    pass
            shutil.copy2(src, dst)


def start(target: Path, copy_previous: bool = False) -> Path:
    """Create and return a fresh temporary build folder beside ``target`` (a copy of the
    published output when ``copy_previous``)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        recover(target)
        remove_leftovers(target)
        building = Path(tempfile.mkdtemp(prefix=f"{_prefix(target)}{_BUILDING}", dir=target.parent))
        if copy_previous and target.is_dir():
            _copy_tree(target, building)
    except PublishError:
        raise
    except OSError as exc:
        raise PublishError(_cannot_write(target.parent, exc)) from None
    return building


def _cannot_write(folder: Path, error: OSError) -> str:
    return f"无法在 {folder} 中写入网站（{error.strerror or error}）。请检查这个文件夹是否存在、能否写入、磁盘是否已满"


def make_writable(path: Path) -> None:
    """Before a build rewrites ``path``: a hard-linked file is replaced by a new one, so the
    published output it shares its content with is never changed."""
    try:
        if path.stat().st_nlink > 1:
            path.unlink()
    except FileNotFoundError:
        pass


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
