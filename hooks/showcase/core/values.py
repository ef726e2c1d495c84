"""Small immutable values the records are made of: dates, quantities, links, origins."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the day, the month or only the year."""

    year: int
    month: int = 0  # 0 = unknown
    day: int = 0  # 0 = unknown

    @property
    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @property
    def chinese(self) -> str:
        text = f"{self.year}年"
        if self.month:
            text += f"{self.month}月"
        if self.day:
            text += f"{self.day}日"
        return text

    @property
    def precision(self) -> int:
        """1 (year), 2 (month) or 3 (day)."""
        return 1 + bool(self.month) + bool(self.day)

    def certainly_before(self, other: PartialDate) -> bool:
        """True when this date is earlier than ``other`` at the coarser precision of the two."""
        n = min(self.precision, other.precision)
        return (self.year, self.month, self.day)[:n] < (other.year, other.month, other.day)[:n]

    def __str__(self) -> str:
        return self.chinese


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number from the report, or a withheld one (the report prints ``**``)."""

    value: int | float | None
    withheld: bool = False

    def __str__(self) -> str:
        if self.withheld or self.value is None:
            return "—"
        if isinstance(self.value, float) and self.value.is_integer():
            return f"{int(self.value):,}"
        return f"{self.value:,}"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from, for messages that point editors at the right line."""

    path: str
    lines: Mapping[str, int]

    def line(self, field: str) -> int:
        return self.lines.get(field, 1)


def frozen_lines(lines: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(lines))
