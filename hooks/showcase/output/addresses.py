"""Addresses for sharing and for paper: absolute and short URLs, QR codes, page descriptions.

With ``site_url`` set (mkdocs.yml), a page's address is ``site_url`` + its site-relative URL,
so a site published under a sub-path (``https://example.org/wenming/``) gets the right
links, QR codes and canonical URLs. Without it, only the site-relative path is known, which
opens nothing when typed or scanned from paper: there are then no QR codes and no printed
addresses at all, and the build warns that they are left out until ``site_url`` is set.
This module knows nothing of MkDocs; descriptions are in :mod:`showcase.derive.descriptions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from ..model import Record
from ..schema import Image
from .qrcodes import QRCode, QRCodes

DEFAULT_IMAGE = "assets/images/share.png"  # 1200×630, shipped in overrides/


@dataclass(frozen=True)
class Addresses:
    site_url: str | None  # e.g. "https://example.org/wenming/" (always ending in "/"), or None
    codes: QRCodes

    @classmethod
    def of(cls, site_url: str | None, codes: QRCodes) -> Addresses:
        if not site_url:
            return cls(None, codes)
        return cls(site_url if site_url.endswith("/") else site_url + "/", codes)

    def absolute(self, url: str) -> str | None:
        """The full address of a site-relative URL ("events/x/", "figures/#y"), or None."""
        if self.site_url is None:
            return None
        return self.site_url + url.lstrip("/")

    def public(self, url: str) -> str:
        """What a reader of paper types or scans: the full address, else the site-relative path."""
        return self.absolute(url) or (url.lstrip("/") or "./")

    def short(self, url: str) -> str | None:
        """The address without its scheme, for print: "example.org/wenming/events/x/";
        None without site_url."""
        full = self.absolute(url)
        if full is None:
            return None
        parts = urlsplit(full)
        return parts.netloc + parts.path + (f"#{parts.fragment}" if parts.fragment else "")

    def qr(self, url: str) -> QRCode | None:
        """QR code of the page's public address; None without site_url (it would open nothing)."""
        full = self.absolute(url)
        return self.codes.code(full) if full is not None else None

    default_image = DEFAULT_IMAGE

    @staticmethod
    def share_image(record: Record | None) -> Image | None:
        """The image a shared record page shows (photo, first event photo, certificate), or None."""
        return record.share_image() if record is not None else None
