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
import re
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image as PILImage
from PIL import ImageOps

WIDTHS = (480, 960, 1600)
FORMATS = (("webp", "WEBP", {"quality": 80, "method": 4}), ("jpg", "JPEG", {"quality": 82, "optimize": True, "progressive": True}))
_VERSION = "2"  # bump to invalidate every cached variant (2: pixels only, safe names)


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
    """A file name part safe in a URL, an HTML attribute and on Windows: letters (Chinese
    included), digits and hyphens only."""
    stem = re.sub(r"[^\w-]+", "-", unicodedata.normalize("NFKC", Path(src).stem).lower()).strip("-_")
    return stem[:60].strip("-_") or "image"


_DOCS_FORMATS: dict[str, tuple[str, dict[str, Any]]] = {".jpg": ("JPEG", {"quality": 88, "optimize": True}), ".jpeg": ("JPEG", {"quality": 88, "optimize": True}),
                 ".png": ("PNG", {"optimize": True}), ".webp": ("WEBP", {"quality": 85}), ".gif": ("GIF", {})}


def pixels_only(img: PILImage.Image) -> PILImage.Image:
    """A new image with the same pixels (and palette) and nothing else: no EXIF, XMP, ICC
    comments or text chunks that a later save could carry over."""
    fresh = PILImage.frombytes(img.mode, img.size, img.tobytes())
    if img.mode in ("P", "PA"):
        palette = img.getpalette()
        if palette is not None:
            fresh.putpalette(palette)
        if "transparency" in img.info:
            fresh.info["transparency"] = img.info["transparency"]
    return fresh


def clean_copy(source: Path, cache_dir: Path) -> Path:
    """A copy of a picture from docs/ without its metadata (EXIF, GPS, XMP, comments), upright,
    at most 1600 pixels wide, in the same format and with the same file name, so the
    narrative's links to it keep working. Cached by content."""
    digest = _digest(source)
    target = cache_dir / digest / source.name
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    fmt, options = _DOCS_FORMATS.get(source.suffix.lower(), ("PNG", {}))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with PILImage.open(source) as opened:
            img = ImageOps.exif_transpose(opened)
            if fmt == "JPEG" and img.mode not in ("RGB", "L"):
                img = img.convert("RGB")
            elif img.mode not in ("RGB", "RGBA", "L", "LA", "P"):
                img = img.convert("RGBA")
            if img.width > WIDTHS[-1]:
                img = img.resize((WIDTHS[-1], max(1, round(img.height * WIDTHS[-1] / img.width))), PILImage.Resampling.LANCZOS)
            partial = target.with_name(target.name + ".part")
            pixels_only(img).save(partial, fmt, **options)
    os.replace(partial, target)
    return target


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
    with warnings.catch_warnings(), PILImage.open(source) as opened:
        warnings.simplefilter("ignore")
        img = pixels_only(ImageOps.exif_transpose(opened))  # upright, then pixels only
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
