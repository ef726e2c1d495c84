"""The completeness summary printed after every build and by ``showcase check``."""

from __future__ import annotations

from .loader import Dataset


def summary_lines(data: Dataset) -> list[str]:
    """Chinese lines for editors: what was published, what is withheld or missing."""
    lines = [
        f"已发布：企业家 {len(data.entrepreneurs)} 位，活动 {len(data.events)} 项，"
        f"荣誉 {len(data.honors)} 项，数据 {len(data.figures)} 项。"
    ]
    hidden = sum(len(ids) for ids in data.unpublished.values())
    if hidden:
        parts = "，".join(f"{folder} {len(ids)} 条" for folder, ids in sorted(data.unpublished.items()))
        lines.append(f"未发布（published: false）：{parts}。")
    withheld = [f for f in data.figures.values() if f.withheld]
    withheld_counts = [h for h in data.honors.values() if h.count is not None and h.count.withheld]
    withheld_counts += [e for e in data.events.values() for q in (e.sessions, e.participants) if q is not None and q.withheld]
    if withheld or withheld_counts:
        lines.append(f"未公开的数字：数据 {len(withheld)} 项，活动或荣誉中的数量 {len(withheld_counts)} 处（页面显示为“—”）。")
        for figure in withheld:
            lines.append(f"  {figure.origin.path}: {figure.label}")
    no_photo = [p for p in data.entrepreneurs.values() if p.photo is None]
    if no_photo:
        lines.append(f"没有照片的企业家：{len(no_photo)} 位（{'、'.join(p.name for p in no_photo)}），页面使用占位图。")
    no_area = [r for r in (*data.events.values(), *data.honors.values()) if r.area is None]
    if no_area:
        lines.append(f"未归入工作板块（area）的活动或荣誉：{len(no_area)} 项。")
    lines.extend(data.notes)
    return lines
