"""Addresses for sharing and for paper: absolute and short URLs, QR codes, page descriptions.

With ``site_url`` set (mkdocs.yml), a page's address is ``site_url`` + its site-relative URL,
so a site published under a sub-path (``https://example.org/wenming/``) gets the right
links, QR codes and canonical URLs. Without it, only the site-relative path is known: QR
codes then encode that path and the build summary asks the editor to set ``site_url``.
This module knows nothing of MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from .loader import Dataset
from .qrcodes import QRCode, qr_code
from .records import Entrepreneur, Event, Honor

DEFAULT_IMAGE = "assets/images/share.png"  # 1200×630, shipped in overrides/
_DESCRIPTION_LIMIT = 150


@dataclass(frozen=True)
class Addresses:
    site_url: str | None  # e.g. "https://example.org/wenming/" (always ending in "/"), or None

    @classmethod
    def of(cls, site_url: str | None) -> Addresses:
        if not site_url:
            return cls(None)
        return cls(site_url if site_url.endswith("/") else site_url + "/")

    def absolute(self, url: str) -> str | None:
        """The full address of a site-relative URL ("events/x/", "figures/#y"), or None."""
        if self.site_url is None:
            return None
        return self.site_url + url.lstrip("/")

    def public(self, url: str) -> str:
        """What a reader of paper types or scans: the full address, else the site-relative path."""
        return self.absolute(url) or (url.lstrip("/") or "./")

    def short(self, url: str) -> str:
        """The address without its scheme, for print: "example.org/wenming/events/x/"."""
        full = self.absolute(url)
        if full is None:
            return url.lstrip("/") or "/"
        parts = urlsplit(full)
        return parts.netloc + parts.path + (f"#{parts.fragment}" if parts.fragment else "")

    def qr(self, url: str) -> QRCode:
        """QR code of the page's public address."""
        return qr_code(self.public(url))

    default_image = DEFAULT_IMAGE

    @staticmethod
    def share_image(record):
        """The image a shared record page shows (photo, first event photo, certificate), or None."""
        return share_image(record)


def _clip(text: str, limit: int = _DESCRIPTION_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def description(data: Dataset, record=None, area=None, kind: str | None = None) -> str | None:
    """The summary a page is described by (meta description, Open Graph), plain text."""
    if record is not None:
        summary = getattr(record, "summary", None)
        if summary:
            return _clip(summary)
        if isinstance(record, Honor):
            return _clip(f"{record.title}：{record.awarding_body}授予，{record.date.chinese}。")
        if isinstance(record, Event):
            return _clip(f"{record.title}（{record.date.chinese}）")
        return None
    if area is not None and area.summary:
        return _clip(area.summary)
    unit = data.site.unit
    if kind == "home" and unit.description:
        return _clip(unit.description)
    if kind == "dossier":
        return _clip(f"{unit.name}申报{data.site.application.title}：考核标准逐条对照的情况说明和佐证材料。")
    if kind == "report":
        return _clip(f"{unit.name}创建{data.site.application.title}自查报告（可打印）。")
    return None


def share_image(record):
    """The image a shared record page shows (photo, first event photo, certificate), or None."""
    if isinstance(record, Entrepreneur):
        return record.photo
    if isinstance(record, Event):
        return record.photos[0] if record.photos else None
    if isinstance(record, Honor):
        return record.certificate
    return None
