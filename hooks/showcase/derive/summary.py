"""The completeness summary printed after every build and by ``showcase check``."""

from __future__ import annotations

from ..model import KINDS_BY_FOLDER, Dataset, Event, Honor
from ..schema.documentfiles import size_text
from .documents import honors_without_certificate, listed_documents
from .dossier import build_dossier, records_without_criteria
from .notes import CRITERION_NOTE, where


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
        lines.append(
            f"未公开的数字：数据 {len(withheld)} 项，活动或荣誉中的数量 {len(withheld_counts)} 处"
            "（不作为首页数字；表格中显示为“未公开”，叙述中读作“若干”）。"
        )
        for figure in withheld:
            lines.append(f"  {where(figure)}: {figure.label}")
    no_photo = [p for p in data.entrepreneurs.values() if p.photo is None]
    if no_photo:
        lines.append(f"没有照片的企业家：{len(no_photo)} 位（{'、'.join(p.name for p in no_photo)}），页面使用占位图。")
    no_area: list[Event | Honor] = [e for e in data.events.values() if e.area is None]
    no_area += [h for h in data.honors.values() if h.area is None]
    if no_area:
        lines.append(f"未归入工作板块（area）的活动或荣誉：{len(no_area)} 项。")
    dated: list[Event | Honor] = [r for r in data.events.values() if r.date_note]
    dated += [r for r in data.honors.values() if r.date_note]
    if dated:
        lines.append(f"日期不确切、写了日期说明（date_note）的活动或荣誉：{len(dated)} 项（说明只在预览中显示）。")
        lines.extend(f"  {where(r)}: {r.date.chinese}，{r.date_note}" for r in dated)
    if data.site.application.date is None:
        lines.append("未设置落款日期（site.yml 的 application.date）：打印的自查报告和申报材料上日期留空，供手写。")
    lines.extend(document_lines(data))
    lines.extend(completeness_lines(data))
    lines.extend(data.notes)
    return lines


def document_lines(data: Dataset) -> list[str]:
    """The published documents, and those a person must read for personal data (no text layer)."""
    dossier = build_dossier(data) if data.criteria else None
    criteria = [e.criterion for e in dossier.entries] if dossier else []
    listed = listed_documents(data, criteria)
    files = {item.attachment.file.src: item.attachment.file for item in listed}
    lines: list[str] = []
    if files:
        pdfs = sum(1 for f in files.values() if f.is_pdf)
        total = sum(f.size for f in files.values())
        lines.append(
            f"佐证文件：{len(files)} 份（PDF {pdfs} 份，图片 {len(files) - pdfs} 份），合计 {size_text(total)}；"
            "发布时去掉作者等元数据，并检查 PDF 文字中的身份证号和手机号。"
        )
    unchecked: dict[str, tuple[str, tuple[int, ...], bool]] = {}
    for item in listed:
        a = item.attachment
        if a.needs_privacy_check and a.file.src not in unchecked:
            unchecked[a.file.src] = (item.source, a.file.textless_pages, a.file.is_pdf)
    if unchecked:
        lines.append(
            f"需要人工检查个人信息的材料：{len(unchecked)} 份（扫描件或图片，没有可读的文字，无法自动检查身份证号和手机号）。"
            "请逐页查看，确认后在这份材料下写 privacy_checked: true。"
        )
        for src, (source, pages, is_pdf) in sorted(unchecked.items()):
            where_pages = f"（第 {'、'.join(map(str, pages))} 页没有文字）" if is_pdf else "（图片）"
            lines.append(f"  {source}: data/{src}{where_pages}")
    no_certificate = honors_without_certificate(data)
    if no_certificate:
        lines.append(f"没有证书的荣誉：{len(no_certificate)} 项（没有 certificate 图片，也没有类别为“证书”的佐证文件）。")
        shown = "、".join(h.id for h in no_certificate[:20])
        lines.append(f"  data/honors/: {shown}" + (f" 等 {len(no_certificate)} 项" if len(no_certificate) > 20 else ""))
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
    unchecked = [e.criterion for e in dossier.entries if not e.criterion.wording_known]
    if unchecked:
        lines.append(f"名称尚未与标准原文核对（wording_known）的考核标准：{len(unchecked)} 条（预览中标出）。")
    no_points = [e.criterion for e in dossier.assessed if e.criterion.points is None]
    if no_points:
        lines.append(f"没有分值（points）的考核标准：{len(no_points)} 条（预览中标出）。")
    remarks = [e.criterion for e in dossier.entries if e.criterion.note]
    if remarks:
        lines.append(f"带编辑备注（note）的考核标准：{len(remarks)} 条（备注只在预览中显示）。")
        lines.extend(f"  {where(c)}: {CRITERION_NOTE}{c.note}" for c in remarks)
    if dossier.without_evidence:
        lines.append(f"没有佐证材料的考核标准：{len(dossier.without_evidence)} 条（预览中标出）。")
        lines.extend(f"  {where(e.criterion)}: {e.criterion.title}" for e in dossier.without_evidence)
    if dossier.without_documents:
        lines.append(
            f"没有佐证文件（documents）的考核标准：{len(dossier.without_documents)} 条"
            "（本条及其佐证活动、荣誉都没有可供评审人员打开的文件、纪要、证书或报道）。"
        )
        lines.extend(f"  {where(e.criterion)}: {e.criterion.title}" for e in dossier.without_documents)
    if dossier.without_explanation:
        lines.append(f"没有情况说明（explanation）的考核标准：{len(dossier.without_explanation)} 条（预览中标出）。")
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
