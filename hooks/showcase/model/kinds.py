"""Every record kind, in the order pages, messages and tools list them."""

from __future__ import annotations

from ..core.vocab import Vocabularies
from ..schema import AREA, SETTINGS_COLLECTION, Describing, Picker
from .criteria import Criterion
from .kind import Kind
from .records import Entrepreneur, Event, Figure, Honor
from .site import Site

ENTREPRENEUR: Kind = Entrepreneur.KIND
EVENT: Kind = Event.KIND
HONOR: Kind = Honor.KIND
FIGURE: Kind = Figure.KIND
CRITERION: Kind = Criterion.KIND
SITE = Kind("site", "", "站点设置", Site, title_field="")  # data/site.yml: one file, no folder

RECORD_KINDS: tuple[Kind, ...] = (ENTREPRENEUR, EVENT, HONOR, FIGURE)
# Every kind with a folder under data/: the records and the assessment criteria they cite.
DATA_KINDS: tuple[Kind, ...] = (*RECORD_KINDS, CRITERION)
PAGE_KINDS: tuple[Kind, ...] = tuple(k for k in RECORD_KINDS if k.has_pages)
KINDS_BY_NAME: dict[str, Kind] = {k.name: k for k in DATA_KINDS}
KINDS_BY_FOLDER: dict[str, Kind] = {k.folder: k for k in DATA_KINDS}


def describing(
    vocabularies: Vocabularies | None = None,
    areas: tuple[tuple[str, str], ...] = (),
    ids: dict[str, tuple[str, ...]] | None = None,
    record_id: str = "",
) -> Describing:
    """What the field types need to describe themselves for this project."""
    return Describing(
        vocabularies=vocabularies or Vocabularies.defaults(),
        kinds={k.name: (k.folder, k.label) for k in DATA_KINDS},
        areas=areas,
        ids=ids or {},
        record_id=record_id,
        pickers=PICKERS,
    )


# How the form editor picks what a reference names: a record of a kind by its file name, a work
# area by its id in site.yml's list (the form's collection for site.yml is SETTINGS_COLLECTION).
PICKERS: dict[str, Picker] = {
    **{k.name: Picker(k.folder, k.picked_by) for k in DATA_KINDS},
    AREA: Picker(SETTINGS_COLLECTION, ("title",), file=SITE.name, within="areas", value="id"),
}
