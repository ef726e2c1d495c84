"""The control site: the same page contents as plain Markdown, for bare MkDocs + Material.

``write_control(site_dir, out_dir)`` reads a generated site's data with the project's own
loader (untimed) and writes ``out_dir/mkdocs.yml`` and ``out_dir/docs/``:

- one ``.md`` per record page (entrepreneurs, events, honors) with the same text our
  templates show: title, facts, summary, the Markdown body, related figures, photos,
  related people, events and honors, links and tags;
- the same section, area, category, tag and home pages with the same lists (pages our hooks
  add for other purposes, such as review pages, are not mirrored: the page counts differ by those);
- the same navigation (sections and index pages only; records and category pages not in it,
  declared with ``not_in_nav`` as our hooks do with ``InclusionLevel.NOT_IN_NAV``);
- the project's theme configuration (Material, language, palette, features, Markdown
  extensions, search plugin, ``showcase.css``), but no hooks and none of our templates: the
  control's ``custom_dir`` holds only the project's language partial when it uses
  ``language: custom``.

Our generated index pages render their lists in templates, so they add nothing to the search
index; the control marks those pages ``search: exclude`` to match. Record pages are indexed
whole in the control (facts and lists included), only the body in ours.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "hooks"))

from showcase.core import vocab
from showcase.core.vocab import APPROX_AFTER, APPROX_BEFORE
from showcase.derive.relations import build_relations
from showcase.load import load_project


def quantity_text(quantity, unit: str | None = None, approx: str | None = None) -> str:
    """How the control writes a number: “35 家”, “近 100 人”, “未公开”."""
    if quantity is None:
        return ""
    if quantity.withheld:
        return "未公开"
    number = str(quantity)
    if approx in APPROX_BEFORE:
        number = f"{approx} {number}"
    elif approx in APPROX_AFTER:
        number = f"{number} {approx}"
    return f"{number} {unit}".strip() if unit else number

try:  # tag pages (tags/<slug>.md), when the project has them
    from showcase.output.pages import tag_src
except ImportError:  # pragma: no cover - older checkouts
    tag_src = None

EXCLUDE = "---\nsearch:\n  exclude: true\n---\n\n"


def _dates(start, end=None) -> str:
    return start.chinese + (f"—{end.chinese}" if end else "")


class _Writer:
    def __init__(self, data, rel) -> None:
        self.data = data
        self.rel = rel
        self.areas = {a.id: a for a in data.site.areas}

    # links are relative to the page's folder: every page lives one folder deep, except index.md
    def link(self, record, depth: int = 1) -> str:
        up = "../" * depth
        return f"{up}{record.folder}/{record.id}.md"

    def event_item(self, e, depth=1) -> str:
        up = "../" * depth
        link = self.link(e, depth)
        parts = [f"- [{e.title}]({link}) · {_dates(e.date, e.end_date)} · [{e.category.label}]({up}categories/{e.category.slug}.md)"]
        if e.location:
            parts.append(f" · {e.location}")
        if e.summary:
            parts.append(f"<br>{e.summary}")
        return "".join(parts)

    def honor_item(self, h, depth=1) -> str:
        who = self.recipient(h.recipient, depth)
        count = f" · {quantity_text(h.count, '家次')}" if h.count else ""
        return (f"- [{h.title}]({self.link(h, depth)}) · **{h.level.label}** {who}{count} · "
                f"{h.awarding_body} · {h.date.chinese}")

    def person_item(self, p, depth=1) -> str:
        up = "../" * depth
        photo = f"![{p.photo.alt}]({up}media/{p.photo.src.split('/')[-1]}) " if p.photo else ""
        role = f" · {p.position}" if p.position else ""
        industry = f" · {p.industry}" if p.industry else ""
        return f"- {photo}[{p.name}]({self.link(p, depth)})：{p.company}{role}{industry}<br>{p.summary}"

    def recipient(self, r, depth=1) -> str:
        person = self.data.entrepreneurs.get(r.entrepreneur) if r.entrepreneur else None
        if person:
            return f"[{person.name}]({self.link(person, depth)})"
        return r.name or r.type.label

    def figure_table(self, figures, depth=1) -> str:
        rows = ["| 项目 | 数值 | 统计截至 | 来源 |", "|---|---|---|---|"]
        for f in figures:
            src = self.data.resolve(f.source) if f.source else None
            source = f"[{src.title}]({self.link(src, depth)})" if src else "自查报告"
            note = f"<br><small>{f.note}</small>" if f.note else ""
            value = quantity_text(f.value, f.unit, f.approx).replace("未公开", "—（未公开）")
            rows.append(f"| {f.label} | {value} | {f.as_of.chinese} | {source}{note} |")
        return "\n".join(rows)

    def links_tags(self, record) -> str:
        out = []
        if record.links:
            out.append("## 相关链接\n")
            for link in record.links:
                url = link.url if link.external else "../" + link.site_path.rstrip("/") + ".md"
                out.append(f"- [{link.title}]({url})")
            out.append("")
        if record.tags:
            if tag_src:
                out.append("标签：" + "、".join(f"[{t}](../{tag_src(t)})" for t in record.tags) + "\n")
            else:
                out.append("标签：" + "、".join(record.tags) + "\n")
        return "\n".join(out)

    def area_fact(self, area_id) -> str:
        area = self.areas.get(area_id)
        return f"- 工作板块：[{area.title}](../areas/{area.id}.md)\n" if area else ""

    # -- record pages -------------------------------------------------------------------
    def event(self, e) -> str:
        facts = f"- 时间：{_dates(e.date, e.end_date)}\n"
        if e.location:
            facts += f"- 地点：{e.location}\n"
        facts += f"- 类别：[{e.category.label}](../categories/{e.category.slug}.md)\n" + self.area_fact(e.area)
        if e.sessions:
            facts += f"- 场次：{quantity_text(e.sessions, '场')}\n"
        if e.participants:
            facts += f"- 参加人数：{quantity_text(e.participants, '人次')}\n"
        parts = [f"# {e.title}\n", facts]
        if e.summary:
            parts.append(e.summary + "\n")
        parts.append((e.body or "") + "\n")
        figures = self.rel.figures_by_source.get(f"events/{e.id}", ())
        if figures:
            parts.append("## 相关数据\n\n" + self.figure_table(figures) + "\n")
        if e.photos:
            parts.append("## 活动照片\n\n" + "\n\n".join(
                f"![{p.alt}](../media/{p.src.split('/')[-1]})" + (f"\n{p.caption}" if p.caption else "") for p in e.photos
            ) + "\n")
        parts.append(self.documents(e))
        people = self.rel.people(self.data, e.entrepreneurs)
        if people:
            parts.append("## 相关企业家\n\n" + "\n".join(self.person_item(p) for p in people) + "\n")
        parts.append(self.links_tags(e))
        parts.append("[返回创建活动](index.md)\n")
        return "\n".join(parts)

    def documents(self, record) -> str:
        """Attached documents as links to the files (copied as they are: bare MkDocs has no rewriting)."""
        items = getattr(record, "documents", ())
        if not items:
            return ""
        lines = []
        for a in items:
            facts = " · ".join(x for x in (a.number, a.issuer, a.date.chinese if a.date else None) if x)
            lines.append(f"- {a.kind.label} [{a.title}](../{a.file.site_path})" + (f"<br>{facts}" if facts else ""))
        return "## 佐证文件\n\n" + "\n".join(lines) + "\n"

    def honor(self, h) -> str:
        facts = (f"- 级别：{h.level.label}\n- 获得者：{self.recipient(h.recipient)}（{h.recipient.type.label}）\n")
        if h.count:
            facts += f"- 数量：{quantity_text(h.count, '家次')}\n"
        facts += f"- 授予单位：{h.awarding_body}\n"
        if h.document_number:
            facts += f"- 文号：{h.document_number}\n"
        facts += f"- 时间：{h.date.chinese}\n" + self.area_fact(h.area)
        parts = [f"# {h.title}\n", facts]
        if h.summary:
            parts.append(h.summary + "\n")
        parts.append((h.body or "") + "\n")
        if h.certificate:
            parts.append(f"![{h.certificate.alt}](../media/{h.certificate.src.split('/')[-1]})\n")
        parts.append(self.documents(h))
        figures = self.rel.figures_by_source.get(f"honors/{h.id}", ())
        if figures:
            parts.append("## 相关数据\n\n" + self.figure_table(figures) + "\n")
        parts.append(self.links_tags(h))
        parts.append("[返回荣誉墙](index.md)\n")
        return "\n".join(parts)

    def entrepreneur(self, p) -> str:
        parts = [f"# {p.name}\n"]
        if p.photo:
            parts.append(f"![{p.photo.alt}](../media/{p.photo.src.split('/')[-1]})\n")
        role = f" · {p.position}" if p.position else ""
        parts.append(f"{p.company}{role}\n")
        facts = (f"- 行业：{p.industry}\n" if p.industry else "") + (f"- 地区：{p.region}\n" if p.region else "")
        if facts:
            parts.append(facts)
        parts.append(p.summary + "\n")
        if p.quote:
            parts.append(f"> {p.quote}\n")
        if p.biography:
            parts.append("## 人物简介\n\n" + p.biography + "\n")
        honors = self.rel.honors_by_entrepreneur.get(p.id, ())
        if honors:
            parts.append("## 获得荣誉\n\n" + "\n".join(self.honor_item(h) for h in honors) + "\n")
        events = self.rel.events_by_entrepreneur.get(p.id, ())
        if events:
            parts.append("## 参与的活动\n\n" + "\n".join(self.event_item(e) for e in events) + "\n")
        parts.append(self.links_tags(p))
        parts.append("[返回企业家风采](index.md)\n")
        return "\n".join(parts)

    # -- index pages ----------------------------------------------------------------------
    def events_index(self) -> str:
        rel = self.rel
        cats = [f"- [{t.label}（{len(rel.events_by_category[t.slug])}）](../categories/{t.slug}.md)"
                for t in vocab.EVENT_CATEGORIES if t.slug in rel.events_by_category]
        years = [f"- [{y} 年（{len(ev)}）](#y{y})" for y, ev in rel.events_by_year]
        parts = [EXCLUDE + "# 创建活动\n", "## 按类别浏览\n", "\n".join(cats) + "\n", "## 按年份浏览\n",
                 "\n".join(years) + "\n"]
        for y, ev in rel.events_by_year:
            parts.append(f"## {y} 年 {{#y{y}}}\n\n" + "\n".join(self.event_item(e) for e in ev) + "\n")
        return "\n".join(parts)

    def honors_index(self) -> str:
        rel = self.rel
        parts = [EXCLUDE + "# 荣誉墙\n", f"共 {len(rel.honors)} 项荣誉。\n", "## 按获得者浏览\n",
                 "\n".join(f"- [{t.label}（{len(hs)}）](#r-{t.slug})" for t, hs in rel.honors_by_recipient_type) + "\n"]
        for level, hs in rel.honors_by_level:
            parts.append(f"## {level.label}荣誉（{len(hs)}） {{#l-{level.slug}}}\n\n"
                         + "\n".join(self.honor_item(h) for h in hs) + "\n")
        parts.append("## 按获得者类型\n")
        for t, hs in rel.honors_by_recipient_type:
            parts.append(f"### {t.label}（{len(hs)}） {{#r-{t.slug}}}\n\n"
                         + "\n".join(self.honor_item(h) for h in hs) + "\n")
        return "\n".join(parts)

    def people_index(self) -> str:
        people = self.rel.entrepreneurs
        return (EXCLUDE + "# 企业家风采\n\n" + f"共 {len(people)} 位企业家。\n\n"
                + "\n".join(self.person_item(p) for p in people) + "\n")

    def figures_index(self) -> str:
        figures = list(self.data.figures.values())
        withheld = sum(1 for f in figures if f.withheld)
        parts = [EXCLUDE + "# 主要数据\n", f"共 {len(figures)} 项数据，其中 {withheld} 项未公布具体数字。\n"]
        for area in self.data.site.areas:
            fs = self.rel.figures_by_area.get(area.id, ())
            if fs:
                parts.append(f"## [{area.title}](../areas/{area.id}.md) {{#a-{area.id}}}\n\n" + self.figure_table(fs) + "\n")
        return "\n".join(parts)

    def tag_groups(self) -> dict[str, dict[str, list]]:
        groups: dict[str, dict[str, list]] = {}
        for folder in ("entrepreneurs", "events", "honors"):
            for record in self.data.by_folder(folder).values():
                for tag in record.tags:
                    groups.setdefault(tag, {"entrepreneurs": [], "events": [], "honors": []})[folder].append(record)
        return dict(sorted(groups.items()))

    def tags_index(self, groups) -> str:
        items = [f"- [{tag}（{sum(len(v) for v in g.values())}）](../{tag_src(tag)})" for tag, g in groups.items()]
        return EXCLUDE + f"# 标签\n\n共 {len(groups)} 个标签。\n\n" + "\n".join(items) + "\n"

    def tag(self, tag, group) -> str:
        parts = [EXCLUDE + f"# 标签：{tag}\n", f"共 {sum(len(v) for v in group.values())} 项。[全部标签](index.md)\n"]
        for folder, title, item in (("entrepreneurs", "企业家", self.person_item), ("events", "活动", self.event_item),
                                    ("honors", "荣誉", self.honor_item)):
            if group[folder]:
                parts.append(f"## {title}（{len(group[folder])}）\n\n" + "\n".join(item(r) for r in group[folder]) + "\n")
        return "\n".join(parts)

    def category(self, term) -> str:
        events = self.rel.events_by_category.get(term.slug, ())
        return (EXCLUDE + f"# {term.label}\n\n{term.description}\n\n共 {len(events)} 项活动。[查看全部活动](../events/index.md)\n\n"
                + "\n".join(self.event_item(e) for e in events) + "\n")

    def area(self, area, narrative: str | None) -> str:
        parts = [narrative or f"# {area.title}\n\n{area.summary or ''}\n"]
        figures = self.rel.figures_by_area.get(area.id, ())
        if figures:
            parts.append("## 本板块数据\n\n" + self.figure_table(figures) + "\n")
        events = self.rel.events_by_area.get(area.id, ())
        if events:
            parts.append(f"## 本板块活动（{len(events)}）\n\n" + "\n".join(self.event_item(e) for e in events) + "\n")
        honors = self.rel.honors_by_area.get(area.id, ())
        if honors:
            parts.append(f"## 本板块荣誉（{len(honors)}）\n\n" + "\n".join(self.honor_item(h) for h in honors) + "\n")
        return "\n".join(parts)

    def home(self, intro: str | None) -> str:
        site, rel = self.data.site, self.rel
        parts = [f"{site.unit.region} · {site.application.year} 年度{site.application.title}申报\n",
                 intro or f"# {site.unit.name}\n\n{site.unit.description or ''}\n"]
        headline = [f for f in self.data.figures.values() if f.headline]
        if headline:
            parts.append("## 主要数据\n\n" + "\n".join(
                f"- **{quantity_text(f.value, f.unit, f.approx)}** {f.label}" for f in headline) + "\n\n[查看全部数据](figures/index.md)\n")
        parts.append("## 工作概况\n\n" + "\n".join(
            f"- [{a.title}](areas/{a.id}.md)：{a.summary or ''} 活动 {len(rel.events_by_area.get(a.id, ()))} 项 · "
            f"荣誉 {len(rel.honors_by_area.get(a.id, ()))} 项" for a in site.areas) + "\n")
        if rel.events:
            parts.append("## 最新活动\n\n" + "\n".join(self.event_item(e, 0) for e in rel.events[:6])
                         + f"\n\n[全部 {len(rel.events)} 项活动](events/index.md)\n")
        if rel.honors:
            parts.append("## 荣誉\n\n" + "\n".join(self.honor_item(h, 0) for h in rel.honors[:6])
                         + f"\n\n[全部 {len(rel.honors)} 项荣誉](honors/index.md)\n")
        if rel.entrepreneurs:
            parts.append("## 优秀民营企业家风采\n\n" + "\n".join(self.person_item(p, 0) for p in rel.entrepreneurs[:8])
                         + f"\n\n[全部 {len(rel.entrepreneurs)} 位企业家](entrepreneurs/index.md)\n")
        return "\n".join(parts)


def _config(site_dir: Path, data) -> dict:
    project = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    generated = yaml.safe_load((site_dir / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {k: v for k, v in project.items() if k not in ("hooks", "watch")}
    # plain MkDocs with Material's own search, as before issue 18 (our mkdocs.yml switches it
    # off for the site's own index; the control keeps what a plain Material site pays)
    config["plugins"] = ["search"]
    config["theme"] = {k: v for k, v in project["theme"].items() if k != "custom_dir"}
    if config["theme"].get("language") == "custom":
        # the project's language partial only (no templates): see write_control
        config["theme"]["custom_dir"] = "theme"
    config["site_name"] = generated.get("site_name", project["site_name"])
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    work = [{a.title: f"areas/{a.id}.md"} for a in data.site.areas] + [{"展望": "outlook.md"}]
    config["nav"] = [
        {"首页": "index.md"},
        {"工作概况": work},
        {"企业家风采": "entrepreneurs/index.md"},
        {"创建活动": "events/index.md"},
        {"荣誉墙": "honors/index.md"},
        {"主要数据": "figures/index.md"},
    ]
    config["not_in_nav"] = "/entrepreneurs/*.md\n/events/*.md\n/honors/*.md\n/categories/*.md\n/tags/*.md\n"
    return config


def write_control(site_dir: Path | str, out_dir: Path | str) -> int:
    """Write the control site for the generated site in ``site_dir``; return its page count."""
    site_dir, out_dir = Path(site_dir), Path(out_dir)
    data = load_project(site_dir)
    rel = build_relations(data)
    w = _Writer(data, rel)
    pages: dict[str, str] = {}
    docs = site_dir / "docs"

    def narrative(path: str) -> str | None:
        file = docs / path
        return file.read_text(encoding="utf-8") if file.is_file() else None

    pages["index.md"] = w.home(narrative("index.md"))
    for area in data.site.areas:
        pages[f"areas/{area.id}.md"] = w.area(area, narrative(f"areas/{area.id}.md"))
    pages["outlook.md"] = narrative("outlook.md") or "# 展望\n"
    pages["entrepreneurs/index.md"] = w.people_index()
    pages["events/index.md"] = w.events_index()
    pages["honors/index.md"] = w.honors_index()
    pages["figures/index.md"] = w.figures_index()
    for term in vocab.EVENT_CATEGORIES:
        if term.slug in rel.events_by_category:
            pages[f"categories/{term.slug}.md"] = w.category(term)
    if tag_src:
        groups = w.tag_groups()
        if groups:
            pages["tags/index.md"] = w.tags_index(groups)
            for tag, group in groups.items():
                pages[tag_src(tag)] = w.tag(tag, group)
    for p in data.entrepreneurs.values():
        pages[f"entrepreneurs/{p.id}.md"] = w.entrepreneur(p)
    for e in data.events.values():
        pages[f"events/{e.id}.md"] = w.event(e)
    for h in data.honors.values():
        pages[f"honors/{h.id}.md"] = w.honor(h)

    for sub in ("docs", "site"):
        shutil.rmtree(out_dir / sub, ignore_errors=True)
    out_docs = out_dir / "docs"
    for path, text in pages.items():
        target = out_docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    shutil.rmtree(out_dir / "theme", ignore_errors=True)
    languages = REPO / "overrides" / "partials" / "languages"
    if languages.is_dir():
        shutil.copytree(languages, out_dir / "theme" / "partials" / "languages")
    css = out_docs / "assets" / "stylesheets" / "showcase.css"
    css.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / "overrides" / "assets" / "stylesheets" / "showcase.css", css)
    photos = site_dir / "data" / "photos"
    if photos.is_dir():
        (out_docs / "media").mkdir(parents=True, exist_ok=True)
        for photo in sorted(photos.iterdir()):
            shutil.copyfile(photo, out_docs / "media" / photo.name)
    for record in (*data.events.values(), *data.honors.values()):
        for attachment in getattr(record, "documents", ()):
            target = out_docs / attachment.file.site_path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site_dir / "data" / attachment.file.src, target)
    (out_dir / "mkdocs.yml").write_text(
        "# Generated by benchmarks/control.py: the control site (bare MkDocs + Material, no hooks).\n"
        + yaml.safe_dump(_config(site_dir, data), allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return len(pages)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python benchmarks/control.py GENERATED_SITE_DIR CONTROL_OUT_DIR")
    print(f"{write_control(sys.argv[1], sys.argv[2])} pages written to {sys.argv[2]}")
