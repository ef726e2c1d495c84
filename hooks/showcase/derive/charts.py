"""Charts for the key-figures page, computed at build time and drawn as inline SVG.

This module computes geometry only (no markup): ``overrides/partials/showcase/chart.html``
draws each :class:`Chart` as SVG with a title and description for screen readers, and
prints the same numbers as a table. Bars are horizontal with their label above them, so
long Chinese labels stay legible on a 360-px phone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Dataset
from .relations import Relations

WIDTH = 320  # viewBox units; drawn 1:1 on a 360-px phone, at most 420 px wide elsewhere
LABEL_HEIGHT = 18
BAR_HEIGHT = 16
ROW_GAP = 10
VALUE_GAP = 6
VALUE_SPACE = 56  # room right of the longest bar for its number


@dataclass(frozen=True)
class Segment:
    series: int  # index into Chart.series, for the colour
    value: int
    x: float
    width: float


@dataclass(frozen=True)
class Row:
    label: str
    total: int | None  # None: withheld
    label_y: float
    bar_y: float
    segments: tuple[Segment, ...]
    value_x: float
    withheld: bool = False


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    series: tuple[str, ...]  # legend entries; one series needs no legend
    rows: tuple[Row, ...]
    height: float
    unit: str
    columns: tuple[str, ...]  # table header
    table: tuple[tuple[str, ...], ...]  # table rows (strings)
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT


def _layout(
    chart_id: str,
    title: str,
    description: str,
    unit: str,
    series: tuple[str, ...],
    rows: Sequence[tuple[str, Sequence[int] | None]],
    columns: tuple[str, ...],
    table: Sequence[tuple[str, ...]],
) -> Chart:
    """Place bars: each row is a label line then a (stacked) bar scaled to the largest total."""
    largest = max((sum(values) for _, values in rows if values), default=0) or 1
    span = WIDTH - VALUE_SPACE
    placed = []
    y = 0.0
    for label, values in rows:
        label_y = y + LABEL_HEIGHT - 5
        bar_y = y + LABEL_HEIGHT
        segments = []
        x = 0.0
        if values is not None:
            for index, value in enumerate(values):
                if value:
                    width = span * value / largest
                    segments.append(Segment(index, value, round(x, 2), round(width, 2)))
                    x += width
        total = sum(values) if values is not None else None
        placed.append(Row(label, total, label_y, bar_y, tuple(segments), round(x + VALUE_GAP, 2), values is None))
        y = bar_y + BAR_HEIGHT + ROW_GAP
    return Chart(chart_id, title, description, series, tuple(placed), round(y, 2), unit, columns, tuple(table))


def events_by_year_and_category(data: Dataset, rel: Relations) -> Chart | None:
    if not rel.events:
        return None
    used = [t for t in data.vocabularies.event_categories if t.slug in rel.events_by_category]
    rows, table, parts = [], [], []
    for year, events in sorted(rel.events_by_year):
        counts = Counter(e.category.slug for e in events)
        values = [counts.get(t.slug, 0) for t in used]
        rows.append((f"{year} 年", values))
        table.append((f"{year} 年", *[str(v) for v in values], str(sum(values))))
        top = ", ".join(f"{t.label} {counts[t.slug]} 项" for t in used if counts.get(t.slug))
        parts.append(f"{year} 年共 {sum(values)} 项（{top}）")
    description = "各年度活动数量，按类别堆叠：" + "；".join(parts) + "。"
    return _layout(
        "chart-events-year", "各年度创建活动数量（按类别）", description, "项",
        tuple(t.label for t in used), rows, ("年度", *[t.label for t in used], "合计"), table,
    )


def honors_by_level(rel: Relations) -> Chart | None:
    if not rel.honors:
        return None
    rows, table, parts = [], [], []
    for level, honors in rel.honors_by_level:
        rows.append((level.label, [len(honors)]))
        table.append((level.label, str(len(honors))))
        parts.append(f"{level.label} {len(honors)} 项")
    return _layout(
        "chart-honors-level", "荣誉级别分布", "荣誉数量按级别：" + "，".join(parts) + "。", "项",
        ("荣誉",), rows, ("级别", "荣誉数量"), table,
    )


def events_by_area(data: Dataset, rel: Relations) -> Chart | None:
    if not data.site.areas or not rel.events:
        return None
    rows, table, parts = [], [], []
    for area in data.site.areas:
        n_events = len(rel.events_by_area.get(area.id, ()))
        n_honors = len(rel.honors_by_area.get(area.id, ()))
        rows.append((area.title, [n_events, n_honors]))
        table.append((area.title, str(n_events), str(n_honors)))
        parts.append(f"{area.title} 活动 {n_events} 项、荣誉 {n_honors} 项")
    return _layout(
        "chart-areas", "各工作板块的活动与荣誉", "；".join(parts) + "。", "项",
        ("活动", "荣誉"), rows, ("工作板块", "活动", "荣誉"), table,
    )


def training_participants(rel: Relations) -> Chart | None:
    """Participants per training class; withheld numbers are listed as withheld, not drawn."""
    training = [e for e in rel.events if e.category.participants and e.participants is not None]
    if not training:
        return None
    rows: list[tuple[str, list[int] | None]] = []
    table: list[tuple[str, str]] = []
    parts: list[str] = []
    for event in sorted(training, key=lambda e: (e.date, e.id)):
        q = event.participants
        if q is None or q.value is None or q.withheld:
            rows.append((event.title, None))
            table.append((event.title, "未公开"))
            parts.append(f"{event.title} 人数未公开")
        else:
            value = int(q.value)
            rows.append((event.title, [value]))
            table.append((event.title, str(value)))
            parts.append(f"{event.title} {value} 人次")
    return _layout(
        "chart-training", "各培训班参加人数", "；".join(parts) + "。", "人次",
        ("参加人数",), rows, ("培训班", "参加人数"), table,
    )


def figure_charts(data: Dataset, rel: Relations) -> list[Chart]:
    """Every chart the data supports, in page order."""
    charts = [events_by_year_and_category(data, rel), honors_by_level(rel), events_by_area(data, rel), training_participants(rel)]
    return [c for c in charts if c is not None]
