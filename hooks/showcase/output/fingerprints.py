"""Which pages a change touches: a fingerprint of everything each generated page shows.

``mkdocs serve --dirty`` re-renders only the pages whose fingerprint changed since the
previous build in the same process (the glue keeps the fingerprints). A fingerprint is a
hash of
- the **global** inputs that every page shows (site.yml, criteria,
  plus what the glue adds: configuration files, templates, navigation);
- for a record page: the record and its **neighbours**, the records it references and the
  records that reference it (an event's entrepreneurs, an entrepreneur's events and honors,
  the figures citing a record…), because pages show their neighbours' fields;
- for a category or tag page: its member records and their neighbours;
- for every other page (home, section indexes, areas, dossier, report, narratives): all
  records and the narratives, since those pages summarise the whole data set.

A record's digest is the hash of its ``repr``: records are frozen dataclasses, so the repr
holds every published field and nothing else. This module knows nothing of MkDocs.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping

from ..derive.relations import Relations
from ..model import Dataset, Record
from .pages import PageSpec


def _hash(parts: Iterable[str]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", errors="surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))  # length-prefixed: no ambiguous joins
        digest.update(data)
    return digest.hexdigest()


class Fingerprints:
    """Fingerprints of one build's pages; compare them with the previous build's."""

    def __init__(
        self,
        data: Dataset,
        relations: Relations,
        *,
        global_parts: Iterable[str] = (),
        narrative_parts: Iterable[str] = (),
        images: Mapping[str, str] | None = None,
    ) -> None:
        """``global_parts``: what every page shows besides the data (the glue passes the
        configuration, templates and navigation). ``narrative_parts``: the hand-written pages
        (path, modification time, size), shown by the pages that summarise everything.
        ``images``: image path → its published variants, so a replaced photo counts as a change."""
        self.relations = relations
        images = images or {}
        self.records: dict[str, Record] = {record.key: record for record in data.records()}
        self.digest: dict[str, str] = {
            key: _hash([repr(record), *(images.get(image.src, "?") for image in record.images())])
            for key, record in self.records.items()
        }
        neighbours: dict[str, set[str]] = defaultdict(set)
        for key, record in self.records.items():
            for target in record.references():
                if target in self.records:
                    neighbours[key].add(target)
                    neighbours[target].add(key)
        self.neighbours = neighbours
        self.global_digest = _hash(
            [
                repr(data.site),
                repr(sorted(data.criteria.items())),
                *global_parts,
            ]
        )
        self.everything = _hash(
            [
                self.global_digest,
                *(f"{key}={self.digest[key]}" for key in sorted(self.digest)),
                repr(sorted(data.narratives.items())),
                repr(sorted(data.unpublished.items())),
                *narrative_parts,
            ]
        )

    def members(self, spec: PageSpec) -> tuple[str, ...] | None:
        """The records a page is about; None for a page that summarises everything."""
        if spec.record is not None:
            return (spec.record.key,)
        if spec.kind == "category" and spec.term is not None:
            return tuple(e.key for e in self.relations.events_by_category.get(spec.term.slug, ()))
        if spec.kind == "tag" and spec.tag is not None:
            group = (self.relations.by_tag or {}).get(spec.tag)
            if group is None:
                return ()
            return tuple(r.key for r in (*group.entrepreneurs, *group.events, *group.honors))
        return None

    def page(self, spec: PageSpec | None) -> str:
        """The fingerprint of a page: a generated page by its spec, a hand-written one by None."""
        if spec is None or not spec.generated:
            return _hash(["narrative", self.everything, repr(spec)])
        members = self.members(spec)
        if members is None:
            return _hash([spec.kind, spec.src_uri, spec.template, spec.title, self.everything])
        shown: set[str] = set(members)
        for key in members:
            shown |= self.neighbours.get(key, set())
        return _hash(
            [
                spec.kind,
                spec.src_uri,
                spec.template,
                spec.title,
                self.global_digest,
                "|".join(members),  # the order the page lists them in
                *(f"{key}={self.digest[key]}" for key in sorted(shown) if key in self.digest),
            ]
        )
