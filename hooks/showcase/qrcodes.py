"""QR codes drawn at build time (segno), for paper and for sharing on a phone.

A code is returned as the data a template needs to draw it as inline SVG: the side length
in modules (quiet zone included) and one path of horizontal strokes. No image files, no
browser-side library, no outside host. Templates own the markup (see
``partials/showcase/qr.html``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import segno

QUIET_ZONE = 4  # modules of white border the standard asks for


@dataclass(frozen=True)
class QRCode:
    text: str  # what the code encodes
    size: int  # side length in modules, quiet zone included (the SVG viewBox)
    path: str  # SVG path data: one stroke of width 1 per run of dark modules
    version: int
    error: str


def _runs_path(matrix, border: int) -> str:
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


@lru_cache(maxsize=8192)
def qr_code(text: str) -> QRCode:
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
