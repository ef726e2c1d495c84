"""The site's search index: small script files a browser loads only as a query needs them.

Chinese has no spaces, and a visitor's words rarely match a segmenter's (博士团 inside
专家博士团), so no dictionary is used: every run of Chinese characters is indexed as its
overlapping character **bigrams** (a run of Latin letters or digits counts as one unit, so
2020年 and 50强 are bigrams and 2020 is a word of its own). A query word matches a page that
has all of its bigrams. Titles and key fields also get **skip bigrams** (characters two
apart) and their single characters, which let the browser accept one wrong character in a
word of three or more; and every name a page is called by gets an **exact-name** feature.

Each feature's postings (page number, weight) are hashed into one of many small **shards**;
a feature with very long postings gets a file of its own. Page titles, sections and
summaries are written in chunks of :data:`DOC_CHUNK`. Every file is a script calling
``__sx(name, data)``, so the browser loads it with a ``<script>`` tag: over http(s) and from
``file://`` alike, with no fetch, worker, eval or WebAssembly (``script-src 'self'`` is enough):

    search/m.js             manifest: shard count, page count, chunk size, synonym groups, build key
    search/s/<hex>.js       postings of the features whose hash falls in this shard
    search/h/<hex>.js       postings of one feature too long for a shard (the shard holds its name)
    search/d/<hex>.js       [url, title, section, summary] of pages n*K … n*K+K-1

The browser side is ``overrides/assets/javascripts/search.js``; both sides must agree on
:func:`features`, :func:`shard_of` and :data:`FORMAT`. This module knows nothing of MkDocs.
"""

from __future__ import annotations

import hashlib
import html
import json
import operator
import os
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

FORMAT = 1  # raise when features or files change: the browser script checks it
INDEX_DIR = "search"
DOC_CHUNK = 32
SHARD_TARGET = 9000  # aimed raw bytes of one shard file (about 3–4 kB gzip)
HEAVY = 1200  # a feature with more postings than this (pages) gets a file of its own
COMMON = 0.25  # a feature on more than this share of pages keeps only its title/key postings
SUMMARY_LIMIT = 90

TITLE, KEYS, LEAD, BODY = 10, 4, 2, 1
EXACT = 255  # weight of an exact-name feature
MAX_WEIGHT = 255

_CJK = "\u3400-\u9fff\uf900-\ufaff"
_SEP = re.compile(rf"[^{_CJK}0-9a-z]+")  # anything else ends a run (text is lower-cased first)
_UNIT = re.compile(rf"[{_CJK}]|[0-9a-z]+")  # one Chinese character, or one Latin/digit word
_WORD = re.compile(r"[0-9a-z]+")
# The same bigrams as splitting into runs and pairing their units (see _bigrams), found by
# three scans of the whole text: a body has thousands of characters.
_CJK_PAIR = re.compile(rf"(?=([{_CJK}]{{2}}))")
_WORD_CJK = re.compile(rf"[0-9a-z]+[{_CJK}]")
_CJK_WORD = re.compile(rf"[{_CJK}][0-9a-z]+")
_URL = re.compile(r"(?:https?|mailto|tel):[^\s)>\]]*")
_MD_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_HTML_DROP = re.compile(r"<(script|style|svg|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}  # ０-９, Ａ-Ｚ, ａ-ｚ, ！-～ → ASCII


def normalize(text: str) -> str:
    """What both sides index and search: full-width letters and digits as ASCII, lower case."""
    return text.translate(_FULL_WIDTH).lower()


def compact(text: str) -> str:
    """A name without spaces and punctuation, as the exact-name feature holds it."""
    return "".join(_UNIT.findall(normalize(text)))


def markdown_text(markdown: str) -> str:
    """What a reader sees of an editor's Markdown, near enough for indexing: link targets
    and bare addresses dropped (punctuation and markup separate words anyway)."""
    return _URL.sub(" ", _MD_LINK_TARGET.sub("] ", markdown))


def html_text(markup: str) -> str:
    """The text of rendered HTML: scripts, styles and pictures dropped, tags removed,
    character references decoded."""
    return html.unescape(_HTML_TAG.sub(" ", _HTML_DROP.sub(" ", markup)))


def plain(text: str, limit: int = SUMMARY_LIMIT) -> str:
    text = _SPACE.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class SearchDoc:
    """One result a visitor can get: a page, or a part of one (a key figure, a criterion).

    ``body`` is plain text, or Markdown / HTML as ``body_format`` says: it is reduced to text
    only when its features are not cached.
    """

    url: str  # site-relative, as MkDocs links it ("events/x/" or "events/x.html"), "#…" for a part
    title: str
    section: str  # where the result sits, shown beside it: 创建活动, 荣誉墙, 主要数据…
    summary: str = ""  # plain text shown under the title
    names: tuple[str, ...] = ()  # what the page is called: a query equal to one ranks it first
    keys: tuple[str, ...] = ()  # fields a visitor searches by: name, company, category, place, tags…
    lead: str = ""
    body: str = ""
    body_format: str = "text"  # "text", "markdown" or "html"
    part: bool = False  # a part of a page (a figure's row): ranked below whole pages with the same words

    def digest(self) -> str:
        """A hash of everything the page's features come from (not its address)."""
        h = hashlib.blake2b(digest_size=16)
        for part in (str(FORMAT), self.title, *self.names, "\x1e", *self.keys, "\x1e", self.lead, self.body_format,
                     self.body, str(self.part)):
            data = part.encode("utf-8", errors="surrogatepass")
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)
        return h.hexdigest()

    def row(self) -> list[str]:
        """What the browser shows for this result."""
        return [self.url, plain(self.title, 200), self.section, plain(self.summary)]

    def body_text(self) -> str:
        if self.body_format == "markdown":
            return markdown_text(self.body)
        if self.body_format == "html":
            return html_text(self.body)
        return self.body


# -- features --------------------------------------------------------------------------------

def _bigrams(text: str, out: list[str], skip: bool) -> None:
    add = out.extend
    for run in _SEP.split(text):
        if not run:
            continue
        units = _UNIT.findall(run)
        add(map(operator.add, units, units[1:]))
        if skip:
            add(map(operator.add, units, map(operator.add, ["*"] * max(0, len(units) - 2), units[2:])))
            if len(units) == 1:
                out.append(units[0])
    add(_WORD.findall(text))


def body_features(text: str) -> set[str]:
    """The features of a long text, without repeats (equal to ``set(field_features(text))``)."""
    text = normalize(text)
    found = set(_CJK_PAIR.findall(text))
    found.update(_WORD_CJK.findall(text))
    found.update(_CJK_WORD.findall(text))
    found.update(_WORD.findall(text))
    return found


def field_features(text: str, skip: bool = False) -> list[str]:
    """The features of one field's text, in order, with repeats: bigrams of every run, Latin and
    digit words; with ``skip`` also skip bigrams ("a*c") and a lone character's run."""
    out: list[str] = []
    _bigrams(normalize(text), out, skip)
    return out


@dataclass
class Features:
    """A page's features: ``weighted`` from title, keys and lead (few, weights summed, each
    field's repeats counted up to three); ``body`` present in the body only, weight 1."""

    weighted: dict[str, int] = field(default_factory=dict)
    body: list[str] = field(default_factory=list)

    def to_json(self) -> list[object]:
        return [self.weighted, " ".join(self.body)]

    @classmethod
    def from_json(cls, data: list[object]) -> Features:
        weighted, body = data
        assert isinstance(weighted, dict) and isinstance(body, str)
        return cls(weighted, body.split(" ") if body else [])


def features(doc: SearchDoc) -> Features:
    """Compute a page's features (see the module docstring)."""
    weighted: Counter[str] = Counter()
    names = " ".join(n for n in doc.names if n != doc.title)
    for text, weight, skip in ((f"{doc.title} {names}", TITLE, True),
                               (" ".join(doc.keys), KEYS, True), (doc.lead, LEAD, False)):
        if not text:
            continue
        for feature, count in Counter(field_features(text, skip)).items():
            weighted[feature] += weight * min(count, 3)
    for name in (doc.title, *doc.names):
        key = compact(name)
        if key:
            weighted["^" + key] = EXACT
    body_set = body_features(doc.body_text()) if doc.body else set()
    for feature in body_set.intersection(weighted):
        weighted[feature] += BODY
    for feature, weight in weighted.items():
        if doc.part and feature[0] != "^":
            weight = max(1, weight // 2)
        weighted[feature] = min(weight, MAX_WEIGHT)
    return Features(dict(weighted), list(body_set.difference(weighted)))


# -- files ------------------------------------------------------------------------------------

def shard_of(feature: str, shards: int) -> int:
    """The shard a feature's postings are in (the browser computes the same CRC-32)."""
    return zlib.crc32(feature.encode("utf-8")) % shards


def script(name: str, data: object) -> str:
    """A file the browser loads with a <script> tag: it hands ``data`` to ``__sx``. ``<`` is
    written as ``\\u003c``, so no text in it can ever close a script element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f"__sx({json.dumps(name)},{text})\n"


def payload(text: str) -> object:
    """The data of an index file written by :func:`script` (for checks and tests)."""
    start, end = text.index(",") + 1, text.rstrip().rindex(")")
    return json.loads(text[start:end])


def is_index_file(rel: str) -> bool:
    """An output path (relative, with /) that belongs to the search index."""
    return rel.startswith(INDEX_DIR + "/") and rel.endswith(".js")


def build_key(docs: Sequence[SearchDoc], digests: Sequence[str], synonyms: Sequence[Sequence[str]]) -> str:
    """A hash of everything the index files are made of: equal keys, equal files."""
    h = hashlib.blake2b(digest_size=12)
    h.update(json.dumps([FORMAT, [d.row() for d in docs], list(digests), [list(g) for g in synonyms]],
                        ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def _encode(docs: Sequence[int], weights: Sequence[int] | None) -> list[list[int]]:
    """Postings as the browser reads them: [page deltas] when every weight is 1, else
    [page deltas, weights]."""
    deltas = list(map(operator.sub, docs, [0, *docs[:-1]]))
    if weights is None or all(w == BODY for w in weights):
        return [deltas]
    return [deltas, list(weights)]


def index_files(
    docs: Sequence[SearchDoc],
    doc_features: Sequence[Features],
    synonyms: Sequence[Sequence[str]] = (),
    key: str = "",
) -> dict[str, str]:
    """Every file of the index: output path (under :data:`INDEX_DIR`) → text."""
    n = len(docs)
    strong: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)  # title, keys, lead: (page, weight)
    weak: defaultdict[str, list[int]] = defaultdict(list)  # body only: pages, weight 1
    for d, feats in enumerate(doc_features):
        for f, w in feats.weighted.items():
            strong[f].append((d, w))
        for f in feats.body:
            weak[f].append(d)
    common = max(50, int(n * COMMON))
    encoded: dict[str, list[list[int]]] = {}
    for f in strong.keys() | weak.keys():
        pairs = strong.get(f)
        pages = weak.get(f)
        if (len(pairs) if pairs else 0) + (len(pages) if pages else 0) > common:
            # on most pages: says little about any; kept only where it is a title or key word
            pairs = [p for p in pairs or () if p[1] >= KEYS]
            pages = None
            if not pairs:
                continue
        if pairs and pages:
            merged = sorted([*pairs, *zip(pages, repeat(BODY))])
            encoded[f] = _encode([p[0] for p in merged], [p[1] for p in merged])
        elif pairs:
            encoded[f] = _encode([p[0] for p in pairs], [p[1] for p in pairs])
        elif pages:
            encoded[f] = _encode(pages, None)
    size = sum(len(f) * 2 + 6 + 3 * sum(map(len, a)) for f, a in encoded.items())
    shards = max(1, round(size / SHARD_TARGET))
    buckets: list[dict[str, object]] = [{} for _ in range(shards)]
    files: dict[str, str] = {}
    for f in sorted(encoded):
        arr = encoded[f]
        bucket = buckets[shard_of(f, shards)]
        if len(arr[0]) > HEAVY:
            name = f"{zlib.crc32(('h:' + f).encode('utf-8')):08x}"
            while f"{INDEX_DIR}/h/{name}.js" in files:  # a CRC collision: never overwrite
                name += "x"
            files[f"{INDEX_DIR}/h/{name}.js"] = script("h" + name, arr)
            bucket[f] = name
        else:
            bucket[f] = arr
    for sid, bucket in enumerate(buckets):
        files[f"{INDEX_DIR}/s/{sid:x}.js"] = script(f"s{sid:x}", bucket)
    for c in range(0, n, DOC_CHUNK):
        files[f"{INDEX_DIR}/d/{c // DOC_CHUNK:x}.js"] = script(
            f"d{c // DOC_CHUNK:x}", [d.row() for d in docs[c:c + DOC_CHUNK]]
        )
    manifest = {"v": FORMAT, "key": key, "n": n, "k": DOC_CHUNK, "shards": shards, "syn": [list(g) for g in synonyms]}
    files[f"{INDEX_DIR}/m.js"] = script("m", manifest)
    return files


def manifest_key(text: str) -> str | None:
    """The build key in a manifest's text, or None."""
    try:
        data = payload(text)
    except (ValueError, json.JSONDecodeError):
        return None
    if isinstance(data, dict) and data.get("v") == FORMAT and isinstance(data.get("key"), str):
        return str(data["key"])
    return None


class FeatureCache:
    """Features of pages by the digest of what they index, kept between builds in a JSON file
    (``.cache/search/features.json``): a build computes only the features of pages whose text
    changed. The file is read on first use and written by :meth:`save` with the entries this
    build used (older ones are dropped)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._entries: dict[str, object] | None = None if path is not None else {}
        self.used: set[str] = set()
        self.computed = 0

    def _load(self) -> dict[str, object]:
        if self._entries is None:
            self._entries = {}
            try:
                data = json.loads(self.path.read_text(encoding="utf-8")) if self.path else None
            except (OSError, ValueError):
                data = None
            if isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("pages"), dict):
                self._entries = data["pages"]
        return self._entries

    def features(self, doc: SearchDoc, digest: str | None = None) -> Features:
        digest = digest or doc.digest()
        self.used.add(digest)
        entries = self._load()
        cached = entries.get(digest)
        if isinstance(cached, list) and len(cached) == 2:
            try:
                return Features.from_json(cached)
            except (AssertionError, ValueError):
                pass
        computed = features(doc)
        entries[digest] = computed.to_json()
        self.computed += 1
        return computed

    def save(self) -> None:
        """Write the entries this build used, when it computed any (atomically)."""
        if self.path is None or not self.computed or self._entries is None:
            return
        kept = {d: self._entries[d] for d in sorted(self.used) if d in self._entries}
        text = json.dumps({"format": FORMAT, "pages": kept}, ensure_ascii=False, separators=(",", ":"))
        write_atomic(self.path, text)


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def build_index(
    docs: Sequence[SearchDoc],
    synonyms: Sequence[Sequence[str]] = (),
    cache: FeatureCache | None = None,
    previous_manifest: Callable[[], str | None] = lambda: None,
) -> tuple[str, dict[str, str] | None]:
    """The build key and the index files, or None for the files when ``previous_manifest()``
    (the manifest already in the output) has the same key: those files are still exact."""
    digests = [doc.digest() for doc in docs]
    key = build_key(docs, digests, synonyms)
    previous = previous_manifest()
    if previous is not None and manifest_key(previous) == key:
        if cache is not None:
            cache.used.update(digests)
        return key, None
    cache = cache if cache is not None else FeatureCache()
    feats = [cache.features(doc, digest) for doc, digest in zip(docs, digests, strict=True)]
    return key, index_files(docs, feats, synonyms, key)


def unique_names(names: Iterable[str | None]) -> tuple[str, ...]:
    out: list[str] = []
    for name in names:
        if name and name not in out:
            out.append(name)
    return tuple(out)
