"""QR codes drawn at build time (segno), for paper and for sharing on a phone.

A code is returned as the data a template needs to draw it as inline SVG: the side length
in modules (quiet zone included) and one path of horizontal strokes. No image files, no
browser-side library, no outside host. Templates own the markup (see
``partials/showcase/qr.html``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import segno

QUIET_ZONE = 4  # modules of white border the standard asks for


@dataclass(frozen=True)
class QRCode:
    text: str  # what the code encodes
    size: int  # side length in modules, quiet zone included (the SVG viewBox)
    path: str  # SVG path data: one stroke of width 1 per run of dark modules
    version: int
    error: str


def _runs_path(matrix: Sequence[Sequence[int]], border: int) -> str:
    """Each row: an absolute move to its first run, then relative moves (``m``) along it."""
    parts: list[str] = []
    for y, row in enumerate(matrix):
        x, width, pen = 0, len(row), None
        while x < width:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < width and row[x]:
                x += 1
            move = f"M{start + border} {y + border}.5" if pen is None else f"m{start - pen} 0"
            parts.append(f"{move}h{x - start}")
            pen = x
    return "".join(parts)


class QRCodes:
    """QR codes for one build, with the codes earlier builds drew kept in one JSON file:
    every page has one, and drawing thousands of them again on each build was a visible
    share of build time. ``path=None``: no file, codes are only kept in memory."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.codes: dict[str, dict[str, object]] = {}
        self.dirty = False
        if path is not None:
            try:
                self.codes = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.codes = {}

    def code(self, text: str) -> QRCode:
        """The QR code of ``text``, from the cache when an earlier build drew it."""
        stored = self.codes.get(text)
        if stored is not None:
            return QRCode(**stored)  # type: ignore[arg-type]
        code = draw(text)
        self.codes[text] = asdict(code)
        self.dirty = True
        return code

    def save(self) -> None:
        if self.path is None or not self.dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".part")
        partial.write_text(json.dumps(self.codes, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, self.path)
        self.dirty = False


def qr_code(text: str) -> QRCode:
    """The QR code of ``text`` (no cache file)."""
    return draw(text)


@lru_cache(maxsize=16384)
def draw(text: str) -> QRCode:
    """The QR code of ``text`` (error correction M: still reads when a corner is smudged)."""
    code = segno.make(text, error="m", micro=False, boost_error=False)
    matrix = code.matrix
    return QRCode(
        text=text,
        size=len(matrix) + 2 * QUIET_ZONE,
        path=_runs_path(matrix, QUIET_ZONE),
        version=int(code.version),
        error=code.error,
    )
