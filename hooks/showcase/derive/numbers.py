"""How a number reads to a Chinese reader: “35家”, “近100人”, “3000余万元”, “第2名”, “100%”.

No space between a number and its unit (GB/T 15835 and the design brief). A withheld number
(the report prints ``**``) is never shown as a number: in a table it reads “未公开”; in running
text a count or an amount reads “若干家” / “若干万元”, which is how Chinese reports speak of an
unstated quantity, and a withheld rank or percentage reads “名次未公开” / “比例未公开” (and the
build tells the editor to reword the sentence).
This module knows nothing of MkDocs or HTML: templates put the parts into markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.values import Quantity
from ..core.vocab import APPROX_AFTER, APPROX_BEFORE, Term
from ..model import Figure

WITHHELD_TEXT = "未公开"
SOME = "若干"


@dataclass(frozen=True)
class Reading:
    """A number as it reads: ``before`` + ``number`` + ``after`` (e.g. "近" "35" "家")."""

    before: str
    number: str
    after: str
    withheld: bool = False

    @property
    def text(self) -> str:
        return f"{self.before}{self.number}{self.after}"

    def __str__(self) -> str:
        return self.text


def _unit(unit: str | None) -> str:
    return (unit or "").strip().replace("％", "%")


def reading(
    quantity: Quantity, unit: str | None = None, approx: str | None = None, measure: Term | None = None
) -> Reading:
    """How a published number reads in a table, a card or a metadata line."""
    slug = measure.slug if measure is not None else "count"
    unit = _unit(unit)
    if quantity.withheld or quantity.value is None:
        return Reading("", WITHHELD_TEXT, "", withheld=True)
    number = str(quantity)
    if slug == "rank":
        return Reading("第", number, unit or "名")
    if slug == "percent" or unit == "%":
        return Reading("", number, "%")
    before = approx if approx in APPROX_BEFORE else ""
    after = (approx if approx in APPROX_AFTER else "") + unit
    return Reading(before or "", number, after)


def prose(quantity: Quantity, unit: str | None = None, approx: str | None = None, measure: Term | None = None) -> Reading:
    """How a number reads inside a sentence: like :func:`reading`, but a withheld one reads
    “若干家” (counts and amounts) or “名次未公开” / “比例未公开” (ranks, percentages)."""
    if not (quantity.withheld or quantity.value is None):
        return reading(quantity, unit, approx, measure)
    slug = measure.slug if measure is not None else "count"
    unit = _unit(unit)
    if slug == "rank":
        return Reading("", "名次未公开", "", withheld=True)
    if slug == "percent" or unit == "%":
        return Reading("", "比例未公开", "", withheld=True)
    return Reading("", SOME, unit, withheld=True)


def figure_reading(figure: Figure) -> Reading:
    return reading(figure.value, figure.unit, figure.approx, figure.measure)


def figure_prose(figure: Figure) -> Reading:
    return prose(figure.value, figure.unit, figure.approx, figure.measure)


def awkward_in_prose(figure: Figure) -> bool:
    """A withheld rank or percentage has no natural wording: the editor should reword the sentence."""
    return figure.withheld and (figure.is_rank or figure.is_percent)
