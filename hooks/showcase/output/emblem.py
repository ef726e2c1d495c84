"""The unit's emblem (site.yml ``unit.emblem``) as the site shows it: header and home page
sizes, the browser's icon, the phone home-screen icon, and the picture of a shared link.

Emblems keep their transparency (PNG), are padded to a square without distortion and are
re-encoded from pixels only (no metadata survives). The share picture is 1200×630: the
emblem on a white disc on the site's deep red, without any text (so no font is needed at
build time and it suits every page). Results are cached under ``.cache/images/`` by the
source's content hash, like the photos (:mod:`showcase.output.images`).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageDraw, ImageOps

from ..core.text import letter_token

RED = (159, 29, 34)  # --md-primary-fg-color in showcase.css
RED_DARK = (125, 20, 24)
GOLD = (201, 162, 39)
SIZES = (96, 192, 512)  # square PNGs: header (2× of 48 px), home page, large
ICON = 32  # favicon
TOUCH_ICON = 180  # apple-touch-icon (opaque: iOS puts transparent areas on black)
SHARE = (1200, 630)
_VERSION = "2"


@dataclass(frozen=True)
class EmblemFile:
    name: str  # file name in the site's media/ folder
    cache_path: Path
    width: int
    height: int


@dataclass(frozen=True)
class Emblem:
    """Every published form of the emblem; templates use ``src(size)``, ``icon``, ``share``."""

    alt: str
    squares: tuple[EmblemFile, ...]
    icon: EmblemFile
    touch_icon: EmblemFile
    share: EmblemFile

    @property
    def files(self) -> tuple[EmblemFile, ...]:
        return (*self.squares, self.icon, self.touch_icon, self.share)

    def square(self, at_least: int) -> EmblemFile:
        """The smallest square variant at least ``at_least`` pixels wide (else the largest)."""
        return next((f for f in self.squares if f.width >= at_least), self.squares[-1])


def _digest(path: Path, src: str) -> str:
    h = hashlib.sha256(f"{_VERSION}:{src}:".encode())
    h.update(path.read_bytes())
    return h.hexdigest()[:12]


def _square(img: PILImage.Image) -> PILImage.Image:
    side = max(img.size)
    canvas = PILImage.new("RGBA", (side, side), (0, 0, 0, 0))
    canvas.paste(img, ((side - img.width) // 2, (side - img.height) // 2))
    return canvas


def _on(background: tuple[int, int, int], img: PILImage.Image) -> PILImage.Image:
    flat = PILImage.new("RGB", img.size, background)
    flat.paste(img, mask=img.getchannel("A"))
    return flat


def _share(square: PILImage.Image) -> PILImage.Image:
    width, height = SHARE
    canvas = PILImage.new("RGB", SHARE, RED)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, height - 110, width, height), fill=RED_DARK)
    disc = 380
    left, top = (width - disc) // 2, (height - 110 - disc) // 2 + 10
    draw.ellipse((left, top, left + disc, top + disc), fill=(255, 255, 255))
    draw.rectangle((width // 2 - 120, height - 110 - 6, width // 2 + 120, height - 110), fill=GOLD)
    inner = int(disc * 0.72)
    emblem = square.resize((inner, inner), PILImage.Resampling.LANCZOS)
    canvas.paste(emblem, (left + (disc - inner) // 2, top + (disc - inner) // 2), emblem)
    return canvas


def make_emblem(data_dir: Path, src: str, alt: str, cache_dir: Path) -> Emblem:
    """The emblem's published files, made once per distinct source file."""
    source = data_dir / src
    digest = _digest(source, src)
    folder = cache_dir / f"emblem-{digest}"
    manifest = folder / "manifest.json"
    stem = f"emblem-{letter_token(digest)}"

    def entry(name: str, width: int, height: int) -> EmblemFile:
        return EmblemFile(name, folder / name, width, height)

    squares = tuple(entry(f"{stem}-{size}.png", size, size) for size in SIZES)
    icon = entry(f"{stem}-icon-{ICON}.png", ICON, ICON)
    touch = entry(f"{stem}-touch-{TOUCH_ICON}.png", TOUCH_ICON, TOUCH_ICON)
    share = entry(f"{stem}-share.png", *SHARE)
    emblem = Emblem(alt, squares, icon, touch, share)
    if manifest.is_file() and all(f.cache_path.is_file() for f in emblem.files):
        return emblem
    folder.mkdir(parents=True, exist_ok=True)
    with PILImage.open(source) as opened:
        img = ImageOps.exif_transpose(opened).convert("RGBA")
    square = _square(img)

    def save(file: EmblemFile, picture: PILImage.Image) -> None:
        tmp = file.cache_path.with_name(file.name + ".part")
        picture.save(tmp, "PNG", optimize=True)  # pixels only: no metadata
        os.replace(tmp, file.cache_path)

    for file in squares:
        save(file, square.resize((file.width, file.width), PILImage.Resampling.LANCZOS))
    save(icon, square.resize((ICON, ICON), PILImage.Resampling.LANCZOS))
    save(touch, _on((255, 255, 255), square.resize((TOUCH_ICON, TOUCH_ICON), PILImage.Resampling.LANCZOS)))
    save(share, _share(square))
    manifest.write_text(json.dumps({"source": src, "files": [f.name for f in emblem.files]}), encoding="utf-8")
    return emblem
