"""The module that turns the data layer into generated pages (with rebuild.py and preview.py, the only ones that import MkDocs).

``hooks/site.py`` forwards each MkDocs event here. State lives in one
:class:`Showcase` object made anew in ``on_config``, so ``mkdocs serve`` rebuilds start clean.
"""

from __future__ import annotations

import logging
import os
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import jinja2.bccache
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import embeds, markup, publish, qrcodes, rebuild, vocab, yamlsource
from .charts import figure_charts
from .dossier import Dossier, build_dossier
from .images import Picture, make_picture
from .incremental import Fingerprints
from .loader import Dataset, load_project
from .outputcheck import check_site
from .pages import PageSpec, area_src, category_src, image_sources, plan_pages, tag_src
from .problems import DataError, Problems
from .records import Entrepreneur, Event, Honor
from .redirects import plan_redirects, write_redirects
from .relations import Relations, build_relations
from .report import Report, compose_report
from .reviewpages import review_nav, review_pages
from .searchwords import teach_jieba
from .sharing import Addresses, description
from .summary import summary_lines

log = logging.getLogger("mkdocs.plugins.showcase")


class _WarningCounter(logging.Handler):
    """Counts warnings so a --strict build is not published before MkDocs aborts it."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

MEDIA_PREFIX = "media/"


def watch_data(config: MkDocsConfig) -> None:
    """mkdocs serve rebuilds when data/ changes, even if mkdocs.yml forgot to list it."""
    folder = os.fspath(Path(config.config_file_path).resolve().parent / "data")
    watched = {os.path.abspath(p) for p in config.watch}
    if folder not in watched and os.path.isdir(folder):
        config.watch.append(folder)


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept between the builds of one process (``mkdocs serve``): MkDocs
    makes a new Jinja environment for every build. Jinja checks each template's source
    checksum, so an edited template is compiled again."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def template_cache(env: jinja2.Environment) -> jinja2.Environment:
    env.bytecode_cache = _COMPILED
    return env


class Showcase:
    """Everything one build knows about the data, and the template API built on it."""

    def __init__(
        self, config: MkDocsConfig, *, atomic: bool = True, preview: bool = False, incremental: bool = False
    ) -> None:
        self.started = time.time()
        self.root = Path(config.config_file_path).resolve().parent
        self.docs_dir = Path(config.docs_dir)
        yamlsource.remember_parses(preview)  # mkdocs serve loads the data again on every save
        try:
            self.data: Dataset = load_project(self.root, docs_dir=self.docs_dir)
        except DataError as exc:
            error = PluginError("数据检查未通过，网站没有生成：\n" + exc.problems.report())
            error.problems = exc.problems  # mkdocs serve shows them instead (preview.py)
            raise error from None
        self.preview = preview  # mkdocs serve: report problems, keep serving
        self.relations: Relations = build_relations(self.data)
        qrcodes.use_disk_cache(self.root / ".cache" / "qr-codes.json")
        teach_jieba(list(self.data.search_words))
        self.specs: list[PageSpec] = plan_pages(self.data, lambda src: (self.docs_dir / src).is_file())
        self.specs += review_pages(self.data)  # /dossier/ and /report/
        self.dossier: Dossier = build_dossier(self.data)
        self.addresses = Addresses.of(config.site_url)  # absolute and short URLs, QR codes
        self.by_src: dict[str, PageSpec] = {spec.src_uri: spec for spec in self.specs}
        self.urls: dict[str, str] = {}  # src_uri → site-relative URL, filled in on_files
        self.sources: dict[str, str] = {}  # output path → data or docs file, for messages
        self.pictures: dict[str, Picture] = {}  # image src → published variants
        self.env = None  # the theme's Jinja environment, for the search text of record pages
        self.embeds: dict[str, list] = {}  # src_uri → embeds found in that narrative
        self.embed_count = 0
        self.embed_problems = Problems()
        self.embed_notes: list[str] = []
        self.preview_problems: list[str] = []  # shown on every page during mkdocs serve
        self._charts = None
        # Atomic publishing: MkDocs writes into a temporary folder beside the output,
        # which replaces the output only after every check passed (see publish.py).
        self.target = Path(config.site_dir).resolve()
        self.building: Path | None = None
        if atomic:
            self.building = publish.start(self.target)
            config.site_dir = os.fspath(self.building)
        self.warnings = _WarningCounter()
        if config.strict:
            logging.getLogger("mkdocs").addHandler(self.warnings)
        # --dirty: render only the pages this change touches (see rebuild.py)
        self.incremental = rebuild.IncrementalBuild(config) if incremental and not atomic else None

    # -- MkDocs events --------------------------------------------------------------
    def default_nav(self) -> list:
        """Sections and index pages only: records are reached from their section pages."""
        def exists(src: str) -> bool:
            return (self.docs_dir / src).is_file() or src in self.by_src

        nav: list = [{"首页": "index.md"}]
        work = [{Markup.escape(area.title): area_src(area)} for area in self.data.site.areas]
        if exists("outlook.md"):
            work.append({"展望": "outlook.md"})
        if work:
            nav.append({"工作概况": work})
        for src, title in (
            ("entrepreneurs/index.md", "企业家风采"),
            ("events/index.md", "创建活动"),
            ("honors/index.md", "荣誉墙"),
            ("figures/index.md", "主要数据"),
        ):
            nav.append({title: src})
        nav.append(review_nav(self.data))
        return nav

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        for spec in self.specs:
            if not spec.generated:
                continue
            existing = files.get_file_from_path(spec.src_uri)
            if existing is not None:
                raise PluginError(
                    f"docs/{spec.src_uri} 与根据数据自动生成的页面同名，请删除或改名这个文件"
                    f"（该页面由 {spec.edit_path or 'data/'} 生成）"
                )
            listed = spec.record is None and spec.term is None and spec.tag is None and spec.kind != "tags-index"
            inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
            file = rebuild.PageFile.generated(config, spec.src_uri, content="", inclusion=inclusion)
            # "Edit this page" (when repo_url is set) opens the data file, not a virtual page.
            file.edit_uri = self.edit_uri(spec)
            files.append(file)
        cache = self.root / ".cache" / "images"
        for src in image_sources(self.data):
            picture = make_picture(self.data.root / "data", src, cache)
            self.pictures[src] = picture
            for variant in picture.variants:
                files.append(
                    File.generated(config, MEDIA_PREFIX + variant.name, abs_src_path=os.fspath(variant.cache_path))
                )
        for spec in self.specs:
            file = files.get_file_from_path(spec.src_uri)
            if file is not None:
                self.urls[spec.src_uri] = file.url
        for file in files.documentation_pages():  # narratives cited as evidence, e.g. outlook.md
            self.urls.setdefault(file.src_uri, file.url)
        for file in files.documentation_pages():
            spec = self.by_src.get(file.src_uri)
            if spec is not None and spec.generated:
                self.sources[file.dest_uri] = spec.edit_path or "data/"
            else:
                self.sources[file.dest_uri] = Path(os.path.relpath(file.abs_src_path, self.root)).as_posix()
        if self.incremental is not None:
            self.plan_incremental(files, config)
        return files

    def plan_incremental(self, files: Files, config: MkDocsConfig) -> None:
        """--dirty: keep the output of every page whose inputs did not change."""
        generated = {spec.src_uri for spec in self.specs if spec.generated}
        prints = Fingerprints(
            self.data,
            self.relations,
            global_parts=rebuild.config_parts(config),
            narrative_parts=rebuild.narrative_parts(files, generated),
            images={src: ",".join(v.name for v in picture.variants) for src, picture in self.pictures.items()},
        )
        fingerprints = {
            file.src_uri: prints.page(self.by_src.get(file.src_uri)) for file in files.documentation_pages()
        }
        self.incremental.plan(files, fingerprints, rebuild.nav_sources(config.nav))

    def edit_uri(self, spec: PageSpec) -> str | None:
        if not spec.edit_path:
            return None
        return Path(os.path.relpath(self.root / spec.edit_path, self.docs_dir)).as_posix()

    def page_markdown(self, markdown: str, page: Page) -> str:
        spec = self.by_src.get(page.file.src_uri)
        if spec is not None:
            page.meta.setdefault("template", spec.template)
            if spec.generated or "title" not in page.meta:
                # Material prints titles unescaped (<title>, header, search results):
                # hand it text that is already escaped.
                page.meta["title"] = Markup.escape(spec.title)
            if spec.record is not None:
                # Material's search boosts page "tags" far above text: the fields a person
                # searches by (name, company, industry, category, level, awarding body…)
                page.meta["tags"] = [Markup.escape(word) for word in search_keywords(spec.record)]
        self.describe(page, spec)
        if spec is None or not spec.generated:
            markdown = self.extract_embeds(markdown, page)
        return markdown

    # -- embeds in narratives ([[…]], see embeds.py) -----------------------------------
    def extract_embeds(self, markdown: str, page: Page) -> str:
        path = Path(os.path.relpath(page.file.abs_src_path, self.root)).as_posix() if page.file.abs_src_path else page.file.src_uri
        source = page.file.content_string if page.file.abs_src_path else markdown
        first_line = source[: max(0, source.find(markdown))].count("\n") + 1 if markdown and markdown in source else 1
        markdown, found = embeds.extract(markdown, path, first_line, self.embed_problems, start=self.embed_count)
        self.embed_count += len(found)
        if found:
            embeds.resolve(found, self.data, self.relations, path, self.embed_problems, self.embed_notes)
            self.embeds[page.file.src_uri] = found
        return markdown

    def render_embeds(self, html: str, page: Page, config: MkDocsConfig) -> str:
        found = self.embeds.get(page.file.src_uri)
        if not found:
            return html
        if self.env is None:
            self.env = template_cache(config.theme.get_env())
        template = self.env.get_template("partials/showcase/embed.html")
        context = {"page": page, "base_url": get_relative_url(".", page.url), "config": config, "showcase": self}
        for embed in found:
            rendered = template.render(embed=embed, **context) if embed.records or embed.block else ""
            html = html.replace(f"<p>{embed.token}</p>", rendered).replace(embed.token, rendered)
        self.retitle_toc(page.toc, {e.token: (e.records[0].title if e.records else "") for e in found if not e.block})
        return html

    def retitle_toc(self, toc, titles: dict[str, str]) -> None:
        for item in toc or ():
            for token, title in titles.items():
                if token in item.title:
                    item.title = item.title.replace(token, str(Markup.escape(title)))
            self.retitle_toc(item.children, titles)

    def check_embeds(self) -> None:
        """After all pages were read: stop on any embed mistake, naming file and line."""
        if not self.embed_problems:
            return
        if self.preview:
            self.preview_problems = [str(p) for p in self.embed_problems.sorted()]
            for line in self.preview_problems:
                log.error(line)
            return
        raise PluginError("叙述中的数据嵌入有误，网站没有生成：\n" + self.embed_problems.report())

    def template_context(self, context: dict) -> dict:
        context["showcase"] = self
        context["showcase_problems"] = self.preview_problems
        return context

    def describe(self, page: Page, spec: PageSpec | None) -> None:
        """The meta description (and Open Graph description): the page's summary, escaped."""
        if page.meta.get("description"):
            page.meta["description"] = Markup.escape(page.meta["description"])  # Material prints it raw
            return
        if spec is not None:
            text = description(self.data, record=spec.record, area=spec.area, kind=spec.kind)
            if text:
                page.meta["description"] = Markup.escape(text)

    def page_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        """A record page's content is what search indexes: its searchable fields and body.

        The page templates show the record from its fields; this text is for the index.
        """
        spec = self.by_src.get(page.file.src_uri)
        if spec is None or spec.record is None:
            # hand-written pages: no scripts, frames or handlers; then our own embeds go in
            return self.render_embeds(markup.sanitize_narrative(html), page, config)
        record = spec.record
        if self.env is None:
            self.env = template_cache(config.theme.get_env())
        person = self.person(getattr(getattr(record, "recipient", None), "entrepreneur", None))
        return self.env.get_template("partials/showcase/search-text.html").render(
            record=record,
            body_html=self.body_html(record),
            area_title=self.area_title(getattr(record, "area", None)),
            recipient=person.name if person else getattr(getattr(record, "recipient", None), "name", None),
        )

    def body_html(self, record) -> str:
        """Sanitized HTML of a record's Markdown field (biography or body)."""
        text = record.biography if isinstance(record, Entrepreneur) else record.body
        return markup.render_markdown(text)

    def page_context(self, context: dict, page: Page) -> dict:
        if self.incremental is not None:
            self.incremental.capture(page.file.src_uri)
        spec = self.by_src.get(page.file.src_uri)
        self.template_context(context)
        context["spec"] = spec
        context["record"] = spec.record if spec else None
        return context

    def post_build(self, config: MkDocsConfig) -> None:
        """Check the finished output, then publish it by swapping it into place."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        written = self.write_redirects(config)
        if self.incremental is not None:
            self.incremental.finish(written)
        # after an incremental rebuild, only what it wrote is new (the rest was checked before)
        partial = self.incremental is not None and self.incremental.previous is not None
        findings = check_site(
            Path(config.site_dir),
            allowed_numbers=self.public_numbers(),
            base_path=urlsplit(config.site_url or "/").path,
            sources=self.sources,
            changed_since=self.started if partial else None,
            extra_text=self.incremental.new_index_text() if partial else None,
        )
        if self.incremental is not None:
            if findings or self.preview_problems:
                rebuild.forget(config.site_dir)  # the next build renders everything again
            else:
                self.incremental.commit()
            log.info(self.incremental.summary())
        if findings and self.preview:
            for finding in findings:
                log.error(finding.message())
        elif findings:
            self.abandon()
            lines = "\n".join(f.message() for f in findings)
            raise PluginError(f"发布前检查未通过，网站没有更新：\n{lines}\n共 {len(findings)} 个问题。")
        qrcodes.save_disk_cache()
        for line in summary_lines(self.data):
            log.info(line)
        for line in self.embed_notes:
            log.info(line)
        if not config.site_url:
            log.info("未设置网站地址 site_url（mkdocs.yml）：二维码和分享链接只含站内路径，发布前请设置，例如 https://example.org/wenming/")
        if self.warnings.count:
            return  # --strict: MkDocs aborts after this event; build_error removes the folder
        if self.building is not None:
            publish.swap_in(self.building, self.target)
            config.site_dir = os.fspath(self.target)
            self.building = None

    def write_redirects(self, config: MkDocsConfig) -> list[str]:
        """Former addresses of renamed records become redirect pages (after MkDocs built the
        site, so they are in neither the sitemap nor the search index)."""
        redirects = plan_redirects(self.data, self.href, config.use_directory_urls)
        if not redirects:
            return []
        template = config.theme.get_env().get_template("showcase/redirect.html")
        for redirect in redirects:
            self.sources[redirect.dest] = redirect.source
        return write_redirects(
            Path(config.site_dir),
            redirects,
            lambda r: template.render(redirect=r, canonical=self.addresses.absolute(r.target_url)),
        )

    def report_for(self, pages, report_url: str) -> Report:
        """The printable report from the narratives as rendered for their own pages
        (MkDocs renders every page's Markdown before it renders any template)."""
        html = {f.src_uri: f.page.content for f in pages if f.page is not None and f.page.content}
        urls = {f.src_uri: f.url for f in pages}
        return compose_report(self.data, html, urls, report_url)

    def failed(self) -> None:
        """The build stopped with an error: drop it, and with --dirty render everything next time."""
        self.abandon()
        if self.incremental is not None:
            rebuild.forget(self.incremental.site_dir)

    def abandon(self) -> None:
        """Drop an unfinished build; the previous output stays as it was."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        publish.abandon(self.building)
        self.building = None

    def public_numbers(self) -> list[str]:
        """The unit's declared public contact numbers, allowed in the output."""
        phone = self.data.site.contact.phone or ""
        return [part for part in re.split(r"[，,、;；/]|\s{2,}", phone) if part.strip()]

    # -- template API ---------------------------------------------------------------
    @property
    def site(self):
        return self.data.site

    def href(self, target) -> str:
        """Site-relative URL of a record, a category term, an area or a src_uri."""
        if isinstance(target, (Entrepreneur, Event, Honor)):
            src = f"{target.folder}/{target.id}.md"
        elif isinstance(target, vocab.Term):
            src = category_src(target)
        elif hasattr(target, "title") and hasattr(target, "id"):
            src = area_src(target)
        else:
            src = str(target)
        return self.urls.get(src, "")

    def picture(self, image) -> Picture:
        """Published variants of an image field (see images.py)."""
        return self.pictures[image.src]

    def charts(self):
        """The key-figures page's charts (computed once per build)."""
        if self._charts is None:
            self._charts = figure_charts(self.data, self.relations)
        return self._charts

    def tag_href(self, tag: str) -> str:
        """Site-relative URL of a tag's page."""
        return self.urls.get(tag_src(tag), "")

    def media(self, variant) -> str:
        """Site-relative URL of one published image variant."""
        return MEDIA_PREFIX + variant.name


    def markdown(self, text: str | None) -> str:
        """Sanitized HTML for a Markdown field; safe to print without escaping."""
        return markup.render_markdown(text)

    def person(self, person_id: str | None) -> Entrepreneur | None:
        return self.data.entrepreneurs.get(person_id) if person_id else None

    def resolve(self, ref: str | None):
        return self.data.resolve(ref) if ref else None

    def area_title(self, area_id: str | None) -> str | None:
        area = self.data.site.area(area_id)
        return area.title if area else None

    def categories(self) -> list[vocab.Term]:
        """Event categories in use, in vocabulary order."""
        used = self.relations.events_by_category
        return [term for term in vocab.EVENT_CATEGORIES if term.slug in used]

    def headline_figures(self):
        return [f for f in self.data.figures.values() if f.headline]

    def figure_text(self, figure) -> str:
        """“35 家”, “近 — 亿元”: the number with its qualifier and unit (plain text)."""
        return quantity_text(figure.value, figure.unit, figure.approx)


def search_keywords(record) -> list[str]:
    """Exact words a visitor may type to find this record: its key fields and its tags."""
    if isinstance(record, Entrepreneur):
        words = [record.name, record.company, record.industry, record.region, record.position]
    elif isinstance(record, Event):
        words = [record.category.label, record.location]
    else:
        words = [record.level.label, record.awarding_body, record.recipient.name, record.recipient.type.label]
    out: list[str] = []
    for word in (*words, *record.tags):
        if word and word not in out:
            out.append(word)
    return out


def quantity_text(quantity, unit: str | None = None, approx: str | None = None) -> str:
    if quantity is None:
        return ""
    if quantity.withheld:
        return "未公开"
    number = str(quantity)
    if approx in vocab.APPROX_BEFORE:
        number = f"{approx} {number}"
    elif approx in vocab.APPROX_AFTER:
        number = f"{number} {approx}"
    return f"{number} {unit}".strip() if unit else number
