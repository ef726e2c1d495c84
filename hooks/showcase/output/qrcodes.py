"""QR codes drawn at build time (segno) as PNG images, for paper and for sharing.

PNG rather than inline SVG: WeChat's long-press “识别图中二维码” reads images, not inline
drawings, and a PNG prints as crisply at the size we print it. Each code is one small 1-bit
PNG named after a hash of what it encodes (``qr/<hash>.png`` in the site). Codes are drawn
once into ``.cache/qr/`` and copied into every build that uses them; no browser-side library,
no outside host. Templates own the markup (see ``partials/showcase/qr.html``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import segno

from ..core.text import letter_token

QUIET_ZONE = 4  # modules of white border the standard asks for
SCALE = 6  # pixels per module: ~250 px for a typical address, sharp at 25 mm on paper
FOLDER = "qr"  # in the site
_VERSION = "2"  # bump to redraw every cached code


@dataclass(frozen=True)
class QRCode:
    text: str  # what the code encodes
    name: str  # file name, e.g. "qhbzkemwafnrtd.png"

    @property
    def src(self) -> str:
        """Site-relative URL of the image."""
        return f"{FOLDER}/{self.name}"


def code_name(text: str) -> str:
    return letter_token(hashlib.sha256(f"{_VERSION}:{SCALE}:{text}".encode()).hexdigest(), 14) + ".png"


def draw(text: str, path: Path) -> int:
    """Write the QR code of ``text`` to ``path`` as PNG; return its side in pixels.

    Error correction M: the code still reads when a corner is smudged or folded."""
    code = segno.make(text, error="m", micro=False, boost_error=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    code.save(os.fspath(partial), kind="png", scale=SCALE, border=QUIET_ZONE, dark="#000", light="#fff")
    os.replace(partial, path)
    width, _ = code.symbol_size(scale=SCALE, border=QUIET_ZONE)
    return int(width)


class QRCodes:
    """The QR codes one build uses. ``cache``: the folder earlier builds drew codes into
    (None: a temporary one per instance is not kept; codes are drawn when written)."""

    def __init__(self, cache: Path | None = None) -> None:
        self.cache = cache
        self.used: dict[str, QRCode] = {}  # name → code, this build

    def code(self, text: str) -> QRCode:
        """The QR code of ``text`` (drawn when the build's output is written)."""
        name = code_name(text)
        found = self.used.get(name)
        if found is not None:
            return found
        code = QRCode(text, name)
        self.used[name] = code
        return code

    def start_build(self) -> None:
        """A new build (mkdocs serve keeps this object): forget which codes the last one used."""
        self.used = {}

    def write(self, site_dir: Path) -> list[str]:
        """Copy every code this build used into ``site_dir/qr/`` (drawing the ones not cached);
        return their site paths."""
        written = []
        target = site_dir / FOLDER
        for name, code in sorted(self.used.items()):
            dest = target / name
            written.append(f"{FOLDER}/{name}")
            if dest.is_file():
                continue
            if self.cache is None:
                draw(code.text, dest)
                continue
            cached = self.cache / name
            if not cached.is_file():
                draw(code.text, cached)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, dest)
        return written
