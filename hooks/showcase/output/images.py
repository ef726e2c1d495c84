"""Published copies of editors' photos: resized, re-encoded, without metadata, cached.

Editors drop in photos straight from a phone (several MB, with EXIF including GPS).
Every published copy is re-encoded from pixels only, so no EXIF, GPS, XMP or comments
survive; EXIF orientation is applied first so portraits stand upright. Results are cached
under ``.cache/images`` keyed by the source's content hash, so an unchanged photo is not
processed again.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageOps

WIDTHS = (480, 960, 1600)
FORMATS = (("webp", "WEBP", {"quality": 80, "method": 4}), ("jpg", "JPEG", {"quality": 82, "optimize": True, "progressive": True}))
_VERSION = "1"  # bump to invalidate every cached variant


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    format: str  # "webp" or "jpg"
    cache_path: Path  # where the bytes are
    name: str  # file name in the site, e.g. "zhang-san-3f2a1c9b-480.webp"


@dataclass(frozen=True)
class Picture:
    """All published variants of one photo, and its intrinsic size for width/height."""

    src: str  # relative to data/
    width: int
    height: int
    variants: tuple[Variant, ...]

    def of(self, fmt: str) -> tuple[Variant, ...]:
        return tuple(v for v in self.variants if v.format == fmt)

    @property
    def fallback(self) -> Variant:
        jpgs = self.of("jpg")
        return next((v for v in jpgs if v.width >= 960), jpgs[-1])


def _digest(path: Path) -> str:
    h = hashlib.sha256(_VERSION.encode())
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:12]


def _stem(src: str) -> str:
    return Path(src).stem.lower().replace(" ", "-")[:60] or "image"


def make_picture(data_dir: Path, src: str, cache_dir: Path) -> Picture:
    """Return the variants of ``data_dir/src``, creating the ones not yet in the cache."""
    source = data_dir / src
    # keyed by content and by path: two names for the same bytes publish two names
    digest = hashlib.sha256(f"{_digest(source)}:{src}".encode()).hexdigest()[:16]
    folder = cache_dir / digest
    manifest = folder / "manifest.json"
    if manifest.is_file():
        info = json.loads(manifest.read_text(encoding="utf-8"))
        cached = tuple(
            Variant(v["width"], v["height"], v["format"], folder / v["name"], v["name"]) for v in info["variants"]
        )
        if all(v.cache_path.is_file() for v in cached):
            return Picture(src, info["width"], info["height"], cached)
    folder.mkdir(parents=True, exist_ok=True)
    with PILImage.open(source) as opened:
        img = ImageOps.exif_transpose(opened)  # upright, then pixels only
        if img.mode not in ("RGB", "RGBA"):
            img = img.convert("RGBA" if "A" in img.getbands() or img.mode == "P" else "RGB")
        flat = img
        if img.mode == "RGBA":  # JPEG has no alpha: put it on white
            flat = PILImage.new("RGB", img.size, (255, 255, 255))
            flat.paste(img, mask=img.getchannel("A"))
        width, height = img.size
        stem = _stem(src)
        variants: list[Variant] = []
        targets = sorted({w for w in WIDTHS if w < width} | {min(width, WIDTHS[-1])})
        for target in targets:
            h = max(1, round(height * target / width))
            for ext, fmt, options in FORMATS:
                base = flat if fmt == "JPEG" else img
                resized = base if target == width else base.resize((target, h), PILImage.Resampling.LANCZOS)
                name = f"{stem}-{digest[:8]}-{target}.{ext}"
                tmp = folder / (name + ".part")
                resized.save(tmp, fmt, **options)  # no exif= argument: metadata is dropped
                os.replace(tmp, folder / name)
                variants.append(Variant(target, h, ext, folder / name, name))
    info = {
        "width": width,
        "height": height,
        "variants": [{"width": v.width, "height": v.height, "format": v.format, "name": v.name} for v in variants],
    }
    manifest.write_text(json.dumps(info), encoding="utf-8")
    return Picture(src, width, height, tuple(variants))
