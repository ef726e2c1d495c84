"""Attached documents across the data: which are published, where each is listed, what is missing.

Documents are attached to events, honors and assessment criteria (``documents:``). A
document is published when a published event or honor lists it, or a criterion the dossier
uses (site.yml ``assessment``); each file is published once, however many records list it.
This module knows nothing of MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..core.vocab import CERTIFICATE_KIND, Vocabulary
from ..model import Criterion, Dataset, Event, Honor, Record
from ..schema import Attachment


@dataclass(frozen=True)
class Listed:
    """One document as one record lists it."""

    attachment: Attachment
    record: Record  # an event, honor or criterion

    @property
    def source(self) -> str:
        """The data file that lists it."""
        origin = self.record.origin
        return origin.path if origin else f"data/{self.record.folder}/{self.record.id}.yml"


def listed_documents(data: Dataset, criteria: Iterable[Criterion]) -> list[Listed]:
    """Every published document with the record listing it: events, honors, then ``criteria``
    (those the dossier uses), each in id order."""
    out: list[Listed] = []
    records: list[Record] = [*data.events.values(), *data.honors.values(), *criteria]
    for record in records:
        out.extend(Listed(a, record) for a in record.attachments())
    return out


def order_documents(items: Iterable[Listed], kinds: Vocabulary) -> tuple[Listed, ...]:
    """A reviewer's order: by kind of document (文件 first), newest first, then by title."""

    def key(item: Listed) -> tuple[int, int, str, str]:
        a = item.attachment
        date = a.date.iso if a.date else ""
        newest_first = -int(date.replace("-", "").ljust(8, "0")) if date else 0
        return (kinds.rank(a.kind), newest_first, a.title, a.file.src)

    unique: dict[str, Listed] = {}
    for item in items:
        unique.setdefault(item.attachment.file.site_path, item)  # one line per file
    return tuple(sorted(unique.values(), key=key))


def is_certificate(attachment: Attachment) -> bool:
    return attachment.kind.slug == CERTIFICATE_KIND


def honors_without_certificate(data: Dataset) -> tuple[Honor, ...]:
    """Published honors with neither a certificate picture nor a document of kind 证书."""
    return tuple(
        h for h in data.honors.values() if h.certificate is None and not any(is_certificate(a) for a in h.attachments())
    )


def certificates(honors: Iterable[Honor]) -> Iterator[tuple[Honor, Attachment]]:
    """The certificate documents (kind 证书) of these honors, in order."""
    for honor in honors:
        for attachment in honor.attachments():
            if is_certificate(attachment):
                yield honor, attachment


def evidence_documents(
    criterion: Criterion, events: Iterable[Event], honors: Iterable[Honor], kinds: Vocabulary
) -> tuple[Listed, ...]:
    """A criterion's documents for the dossier: its own first, then those of its evidence."""
    own = order_documents((Listed(a, criterion) for a in criterion.attachments()), kinds)
    cited = order_documents(
        (Listed(a, r) for r in (*events, *honors) for a in r.attachments()), kinds
    )
    own_paths = {item.attachment.file.site_path for item in own}
    return own + tuple(item for item in cited if item.attachment.file.site_path not in own_paths)
