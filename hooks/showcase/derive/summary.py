"""The completeness summary printed after every build and by ``showcase check``."""

from __future__ import annotations

from ..model import KINDS_BY_FOLDER, Criterion, Dataset, Event, Honor, Record
from .dossier import build_dossier, records_without_criteria


def where(record: Record | Criterion) -> str:
    return record.origin.path if record.origin else f"data/{record.folder}/{record.id}.yml"


def summary_lines(data: Dataset) -> list[str]:
    """Chinese lines for editors: what was published, what is withheld or missing."""
    lines = [
        (
            f"已发布：企业家 {len(data.entrepreneurs)} 位，活动 {len(data.events)} 项，"
            f"荣誉 {len(data.honors)} 项，数据 {len(data.figures)} 项。"
        )
    ]
    switched_off = {
        folder: [i for i in ids if i not in data.withheld.get(folder, ())] for folder, ids in data.unpublished.items()
    }
    parts = "，".join(
        f"{KINDS_BY_FOLDER[folder].label} {len(ids)} 条" for folder, ids in sorted(switched_off.items()) if ids
    )
    if parts:
        lines.append(f"未发布（published: false）：{parts}。")
    no_consent = data.withheld.get("entrepreneurs", ())
    if no_consent:
        lines.append(f"未取得或已撤回本人同意、因此未发布的企业家：{len(no_consent)} 位（{'、'.join(no_consent)}）。")
    withheld = [f for f in data.figures.values() if f.withheld]
    withheld_counts: list[Event | Honor] = [h for h in data.honors.values() if h.count is not None and h.count.withheld]
    withheld_counts += [e for e in data.events.values() for q in (e.sessions, e.participants) if q is not None and q.withheld]
    if withheld or withheld_counts:
        lines.append(f"未公开的数字：数据 {len(withheld)} 项，活动或荣誉中的数量 {len(withheld_counts)} 处（页面显示为“—”）。")
        for figure in withheld:
            lines.append(f"  {where(figure)}: {figure.label}")
    no_photo = [p for p in data.entrepreneurs.values() if p.photo is None]
    if no_photo:
        lines.append(f"没有照片的企业家：{len(no_photo)} 位（{'、'.join(p.name for p in no_photo)}），页面使用占位图。")
    no_area: list[Event | Honor] = [e for e in data.events.values() if e.area is None]
    no_area += [h for h in data.honors.values() if h.area is None]
    if no_area:
        lines.append(f"未归入工作板块（area）的活动或荣誉：{len(no_area)} 项。")
    lines.extend(completeness_lines(data))
    lines.extend(data.notes)
    return lines


_FOLDER_LABELS = {"events": "活动", "honors": "荣誉", "figures": "数据"}


def completeness_lines(data: Dataset) -> list[str]:
    """What the dossier still lacks: criteria without evidence or explanation, uncited records."""
    if not data.criteria:
        return []
    dossier = build_dossier(data)
    assessed = dossier.assessed
    lines = [
        (
            f"申报材料（/dossier/）：考核标准 {len(dossier.entries)} 条，其中需逐条佐证的 {len(assessed)} 条；"
            f"评价期 {dossier.period_text}。"
        )
    ]
    if dossier.without_evidence:
        lines.append(f"没有佐证材料的考核标准：{len(dossier.without_evidence)} 条（页面上已标出）。")
        lines.extend(f"  {where(e.criterion)}: {e.criterion.title}" for e in dossier.without_evidence)
    if dossier.without_explanation:
        lines.append(f"没有情况说明（explanation）的考核标准：{len(dossier.without_explanation)} 条（页面上已标出）。")
        lines.extend(f"  {where(e.criterion)}: {e.criterion.title}" for e in dossier.without_explanation)
    if dossier.outside_period:
        lines.append(
            f"评价期外的材料：{len(dossier.outside_period)} 项标注了考核标准，但日期不在 {dossier.period_text} 内，"
            "未列入申报材料。"
        )
    if dossier.unused:
        ids = "、".join(c.id for c in dossier.unused)
        lines.append(f"未使用的考核标准（province 或 year 与 site.yml 的 assessment 不同）：{ids}。")
    if dossier.off_standard:
        lines.append(
            f"引用了未使用的考核标准的记录：{len(dossier.off_standard)} 处，这些引用没有列入申报材料"
            "（考核标准的 province 或 year 与 site.yml 的 assessment 不同）："
        )
        lines.extend(f"  {where(record)}: criteria: {cid}" for record, cid in dossier.off_standard)
    uncited = records_without_criteria(data)
    if uncited:
        parts = "，".join(f"{_FOLDER_LABELS[folder]} {len(records)} 项" for folder, records in uncited.items())
        lines.append(f"未标注考核标准（criteria）的记录：{parts}。")
        for folder, records in uncited.items():
            lines.append(f"  data/{folder}/: {'、'.join(r.id for r in records)}")
    return lines
