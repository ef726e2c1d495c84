"""Rules only the whole project can check for attached documents: one address per file,
and the total size of everything published.

Each file is published once under an address derived from its path (see
:func:`showcase.schema.documentfiles.site_path`), however many records list it; two
different files whose names differ only in spaces, case or punctuation would get the same
address, so that is reported. The size of every distinct published file counts once
against :data:`~showcase.schema.MAX_SITE_BYTES`.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..core.problems import Problems
from ..model import Record
from ..schema import MAX_SITE_BYTES, DocumentFile

_MB = 1024 * 1024


def check_documents(records: Iterable[Record], problems: Problems) -> None:
    """Report address collisions and a total over the site limit (file and line of each)."""
    first: dict[str, tuple[DocumentFile, str]] = {}  # site path → file, where first listed
    sizes: dict[str, int] = {}
    last_place: tuple[str, int] = ("data", 1)
    for record in sorted(records, key=lambda r: (r.origin.path if r.origin else "", r.id)):
        rel = record.origin.path if record.origin else f"data/{record.folder}/{record.id}.yml"
        lines = record.origin.lines if record.origin else {}
        for item in record.attachments():
            path = f"documents[{item.position}].file"
            line = lines.get(path, lines.get("documents", 1))
            known = first.get(item.file.site_path)
            if known is None:
                first[item.file.site_path] = (item.file, f"{rel}:{line}")
            elif known[0].src != item.file.src:
                problems.add(
                    rel, line, path,
                    f"data/{item.file.src} 与 data/{known[0].src}（{known[1]}）在网站上的地址相同"
                    f"（/{item.file.site_path}）：两个文件名只差空格、大小写或标点，请给其中一个改名",
                )
                continue
            if item.file.src not in sizes:
                sizes[item.file.src] = item.file.size
                if sum(sizes.values()) > MAX_SITE_BYTES:
                    last_place = (rel, line)
    total = sum(sizes.values())
    if total > MAX_SITE_BYTES:
        largest = sorted(sizes.items(), key=lambda kv: -kv[1])[:5]
        listing = "、".join(f"data/{src}（{size / _MB:.1f} MB）" for src, size in largest)
        rel, line = last_place
        problems.add(
            rel, line, "documents",
            f"全站发布的材料文件合计 {total / _MB:.0f} MB，超过上限 {MAX_SITE_BYTES // _MB} MB。"
            f"最大的几个：{listing}。请压缩这些文件，或把不必公开的材料写 published: false",
        )
