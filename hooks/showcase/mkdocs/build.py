"""One build: the data loaded once, pages generated from it, the output checked and published.

The session (:mod:`showcase.mkdocs.session`) makes a :class:`ShowcaseBuild` in every
``on_config`` and forwards each MkDocs event to it. Templates get a
:class:`~showcase.mkdocs.templateapi.SiteView` as ``showcase``.
"""

from __future__ import annotations

import logging
import os
import re
import time
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..core.problems import DataError, Problems
from ..derive.descriptions import description
from ..derive.dossier import build_dossier
from ..derive.leftovers import sample_leftovers, todo_leftovers, unreachable_pages
from ..derive.relations import build_relations
from ..load import ParseCache, load_project
from ..load.narratives import SYSTEM_FILES, markdown_pages
from ..model import Dataset
from ..output import publish
from ..output.addresses import Addresses
from ..output.emblem import make_emblem
from ..output.fingerprints import Fingerprints
from ..output.images import clean_copy, make_picture
from ..output.markup import sanitize_narrative
from ..output.pages import PageSpec, image_sources, plan_pages
from ..output.qrcodes import QRCodes
from ..output.reviewpages import review_nav, review_pages
from ..schema import IMAGE_SUFFIXES
from . import incremental
from .documents import add_documents
from .embedding import NarrativeEmbeds
from .escaping import escape_meta, rendered_title
from .finish import finish_build
from .search import SiteSearch, disable_theme_search
from .templateapi import MEDIA_PREFIX, SiteView
from .templates import CompiledTemplates

log = logging.getLogger("mkdocs.plugins.showcase")

SITE_URL_MISSING = (
    "未设置网站地址 site_url（mkdocs.yml）：打印的自查报告和申报材料不附二维码和网址，页尾分享区也不显示二维码"
    "（只含站内路径的网址和二维码在纸面上打不开）。发布前请在 mkdocs.yml 中设置，例如 site_url: https://example.org/wenming/"
)


class WarningCounter(logging.Handler):
    """Counts warnings so a --strict build is not published before MkDocs aborts it."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class DataProblems(PluginError):
    """The data did not load: the message lists every problem; ``problems`` keeps them."""

    def __init__(self, error: DataError) -> None:
        super().__init__("数据检查未通过，网站没有生成：\n" + error.problems.report())
        self.problems = error.problems


class ShowcaseBuild:
    """Everything one build knows about the data, and what it does at each MkDocs event."""

    def __init__(
        self,
        config: MkDocsConfig,
        *,
        templates: CompiledTemplates,
        qrcodes: QRCodes,
        parses: ParseCache | None = None,
        states: incremental.BuildStates | None = None,
        atomic: bool = True,
        preview: bool = False,
        dirty: bool = False,
    ) -> None:
        """``states``: where the last successful build is remembered (None: no incremental
        machinery); ``atomic``: build beside the output and swap it in; ``dirty``: start from
        the published output and render only what changed (needs a remembered state)."""
        self.started = time.time()
        self.root = Path(config.config_file_path).resolve().parent
        self.docs_dir = Path(config.docs_dir)
        self.templates = templates
        try:
            self.data: Dataset = load_project(self.root, docs_dir=self.docs_dir, cache=parses)
        except DataError as exc:
            raise DataProblems(exc) from None
        self.preview = preview  # mkdocs serve: report problems, keep serving
        self.own_nav = config.nav is not None  # mkdocs.yml names its pages (else ours is used)
        self.describe_site(config)
        relations = build_relations(self.data)
        disable_theme_search(config)
        self.specs: list[PageSpec] = plan_pages(self.data, lambda src: (self.docs_dir / src).is_file())
        self.specs += review_pages(self.data)  # /dossier/ and /report/
        self.by_src: dict[str, PageSpec] = {spec.src_uri: spec for spec in self.specs}
        self.qrcodes = qrcodes
        self.view = SiteView(
            self.data, relations, build_dossier(self.data), Addresses.of(config.site_url, qrcodes),
            show_notes=preview or self.data.site.editor_notes,
        )
        self.sources: dict[str, str] = {}  # output path → data or docs file, for messages
        self.env: jinja2.Environment | None = None  # the theme's environment, for page fragments
        self.embeds = NarrativeEmbeds(self.data, relations, self.root)
        self.search = SiteSearch(self.root, self.data, lambda: self.view.dossier)
        self.files: Files | None = None  # this build's files (on_files), for the search index
        self.site_dir: Path | None = None  # where MkDocs writes this build
        self.preview_problems: list[str] = []  # shown on every page during mkdocs serve
        self.document_findings: list[Any] = []  # personal numbers in published PDFs (documents.py)
        # Atomic publishing: MkDocs writes into a temporary folder beside the output,
        # which replaces the output only after every check passed (see output/publish.py).
        self.target = Path(config.site_dir).resolve()
        self.building: Path | None = None
        self.lock: publish.BuildLock | None = None
        previous = states.get(os.fspath(self.target)) if states is not None and dirty else None
        if atomic:
            try:
                self.lock = publish.BuildLock(self.target)
                self.lock.acquire()
                self.building = publish.start(self.target, copy_previous=previous is not None)
            except publish.PublishError as error:
                self.release()
                raise PluginError(str(error)) from None
            config.site_dir = os.fspath(self.building)
        self.warnings = WarningCounter()
        if config.strict:
            logging.getLogger("mkdocs").addHandler(self.warnings)
        if self.data.site.editor_notes and not preview:
            log.warning(
                "data/site.yml 写了 editor_notes: true：这是给审阅人员的审阅稿，页面上显示编辑提示"
                "（待核实、待补充、日期说明等），不能正式发布；正式发布前请删除这一行或写 false"
            )
        # Remember what each page shows, so that a --dirty build renders only the pages a
        # change touches (see incremental.py)
        self.incremental = (
            incremental.IncrementalBuild(
                config, states, key=os.fspath(self.target), previous=previous, in_place=not atomic
            )
            if states is not None
            else None
        )

    # -- navigation and files ---------------------------------------------------------------
    def default_nav(self) -> list[Any]:
        """Sections and index pages only: records are reached from their section pages."""
        def exists(src: str) -> bool:
            return (self.docs_dir / src).is_file() or src in self.by_src

        nav: list[Any] = [{"首页": "index.md"}]
        work: list[Any] = [{Markup.escape(area.title): area.src} for area in self.data.site.areas]
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
        self.clean_docs_files(files)
        by_dest = {file.dest_uri: file for file in files}
        for spec in self.specs:
            if not spec.generated:
                continue
            listed = spec.record is None and spec.term is None and spec.tag is None and spec.kind != "tags-index"
            inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
            file = incremental.PageFile.generated(config, spec.src_uri, content="", inclusion=inclusion)
            clash = files.get_file_from_path(spec.src_uri) or by_dest.get(file.dest_uri)
            if clash is not None:
                raise PluginError(
                    f"docs/{clash.src_uri} 与根据数据自动生成的页面 /{file.url} 占用同一个网址，请删除或改名这个文件"
                    f"（该页面由 {spec.edit_path or 'data/'} 生成）"
                )
            # "Edit this page" (when repo_url is set) opens the data file, not a virtual page.
            file.edit_uri = self.edit_uri(spec)
            files.append(file)
        cache = self.root / ".cache" / "images"
        broken = Problems()
        emblem = self.data.site.unit.emblem
        made = None
        if emblem is not None:
            try:
                made = make_emblem(self.data.root / "data", emblem.src, emblem.alt, cache)
            except (OSError, ValueError, SyntaxError, EOFError, MemoryError) as exc:
                broken.add(
                    "data/site.yml", emblem.line or 1, "unit.emblem",
                    f"徽标 data/{emblem.src} 无法处理（文件可能已损坏或不完整：{type(exc).__name__}）。"
                    "请用看图软件打开确认，或重新导出为 PNG 后替换",
                )
        if made is not None:
            self.view.emblem = made
            for emblem_file in made.files:
                files.append(
                    File.generated(config, MEDIA_PREFIX + emblem_file.name, abs_src_path=os.fspath(emblem_file.cache_path))
                )
            config.theme["favicon"] = MEDIA_PREFIX + made.icon.name  # Material's <link rel="icon">
        for src in image_sources(self.data):
            try:
                picture = make_picture(self.data.root / "data", src, cache)
            except (OSError, ValueError, SyntaxError, EOFError, MemoryError) as exc:
                self.report_picture(src, exc, broken)
                continue
            self.view.pictures[src] = picture
            for variant in picture.variants:
                files.append(
                    File.generated(config, MEDIA_PREFIX + variant.name, abs_src_path=os.fspath(variant.cache_path))
                )
        if broken:
            raise PluginError("有图片无法处理，网站没有生成：\n" + broken.report())
        self.document_findings = add_documents(self, files, config)
        for spec in self.specs:
            found = files.get_file_from_path(spec.src_uri)
            if found is not None:
                self.view.urls[spec.src_uri] = found.url
        for file in files.documentation_pages():  # narratives cited as evidence, e.g. outlook.md
            self.view.urls.setdefault(file.src_uri, file.url)
        for file in files.documentation_pages():
            page_spec = self.by_src.get(file.src_uri)
            if page_spec is not None and page_spec.generated:
                self.sources[file.dest_uri] = page_spec.edit_path or "data/"
            elif file.abs_src_path:
                self.sources[file.dest_uri] = Path(os.path.relpath(file.abs_src_path, self.root)).as_posix()
        self.warn_leftovers(files, config)
        self.files = files
        self.site_dir = Path(config.site_dir)
        if self.incremental is not None:
            self.plan_incremental(files, config)
        return files

    def report_picture(self, src: str, error: BaseException, problems: Problems) -> None:
        """A picture Pillow could open but not decode (a truncated JPEG passes the loader's
        check): a problem at every record that shows it."""
        for record in self.data.records():
            for image in record.images():
                if image.src == src and record.origin is not None:
                    problems.add(
                        record.origin.path, image.line or 1, "",
                        f"图片 data/{src} 无法处理（文件可能已损坏或不完整：{type(error).__name__}）。"
                        "请用看图软件打开确认，或重新导出为 JPG 后替换",
                    )

    def clean_docs_files(self, files: Files) -> None:
        """Pictures in docs/ are published as cleaned copies (no metadata); the files operating
        systems leave behind are not published (the loader refused everything else)."""
        cache = self.root / ".cache" / "docs-images"
        for file in list(files):
            if file.generated_by or not file.abs_src_path:
                continue
            name = Path(file.src_uri).name
            if SYSTEM_FILES.match(name):
                files.remove(file)
            elif Path(name).suffix.lower() in IMAGE_SUFFIXES and Path(file.abs_src_path).is_relative_to(self.docs_dir):
                file.abs_src_path = os.fspath(clean_copy(Path(file.abs_src_path), cache))

    def describe_site(self, config: MkDocsConfig) -> None:
        """One source for the site's description: data/site.yml (mkdocs.yml may only agree)."""
        description = self.data.site.unit.description
        if not description:
            return
        if config.site_description and str(config.site_description) != str(Markup.escape(description)):
            log.warning(
                "mkdocs.yml 的 site_description 与 data/site.yml 的 unit.description 不同：网站使用 site.yml 中的简介。"
                "请删除 mkdocs.yml 中的 site_description（或改成一致）"
            )
        config.site_description = Markup.escape(description)

    def warn_leftovers(self, files: Files, config: MkDocsConfig) -> None:
        """Pages nobody can reach and the example's words in a real site: warnings (--strict fails)."""
        docs = [f.src_uri for f in files.documentation_pages() if not f.generated_by and f.src_uri not in self.by_src]
        docs += [spec.src_uri for spec in self.specs if not spec.generated]
        nav = incremental.nav_sources(config.nav if self.own_nav else self.default_nav())
        for line in unreachable_pages(self.data, docs, nav):
            log.warning(line)
        pages = markdown_pages(self.root, self.docs_dir)
        for line in [*todo_leftovers(self.data, pages), *sample_leftovers(self.data, pages)]:
            log.warning(line)

    def plan_incremental(self, files: Files, config: MkDocsConfig) -> None:
        """--dirty: keep the output of every page whose inputs did not change."""
        assert self.incremental is not None
        generated = {spec.src_uri for spec in self.specs if spec.generated}
        emblem_files = self.view.emblem.files if self.view.emblem else ()
        prints = Fingerprints(
            self.data,
            self.view.relations,
            # every page shows the emblem: a replaced emblem file renders them all again
            global_parts=[*incremental.config_parts(config), *(f.name for f in emblem_files)],
            narrative_parts=incremental.narrative_parts(files, generated),
            images={src: ",".join(v.name for v in picture.variants) for src, picture in self.view.pictures.items()},
        )
        fingerprints = {
            file.src_uri: prints.page(self.by_src.get(file.src_uri)) for file in files.documentation_pages()
        }
        self.incremental.plan(files, fingerprints, incremental.nav_sources(config.nav), self.search.has_text)

    def edit_uri(self, spec: PageSpec) -> str | None:
        if not spec.edit_path:
            return None
        return Path(os.path.relpath(self.root / spec.edit_path, self.docs_dir)).as_posix()

    # -- pages ------------------------------------------------------------------------------
    def page_markdown(self, markdown: str, page: Page) -> str:
        spec = self.by_src.get(page.file.src_uri)
        if spec is not None:
            page.meta.setdefault("template", spec.template)
            if spec.generated or "title" not in page.meta:
                # Material prints titles unescaped (<title>, header, search results):
                # hand it text that is already escaped.
                page.meta["title"] = Markup.escape(spec.title)
        self.describe(page, spec)
        escape_meta(page.meta)  # Material prints page meta unescaped
        if spec is None or not spec.generated:
            markdown = self.embeds.extract(markdown, page)
        return markdown

    def describe(self, page: Page, spec: PageSpec | None) -> None:
        """The meta description (and Open Graph description): the page's summary, escaped."""
        if page.meta.get("description"):
            page.meta["description"] = Markup.escape(page.meta["description"])  # Material prints it raw
            return
        if spec is not None:
            text = description(self.data, record=spec.record, area=spec.area, kind=spec.kind)
            if text:
                page.meta["description"] = Markup.escape(text)

    def theme_env(self, config: MkDocsConfig) -> jinja2.Environment:
        if self.env is None:
            self.env = self.templates.attach(config.theme.get_env())
        return self.env

    def page_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        """Hand-written pages: made safe, their text kept for search, then our embeds go in.

        A record page's template shows the record from its fields (its Markdown is empty).
        """
        spec = self.by_src.get(page.file.src_uri)
        if spec is not None and spec.generated:
            return html
        if "title" not in page.meta:  # taken from the first heading: text, escaped for Material
            page.meta["title"] = rendered_title(page.title)
        html = sanitize_narrative(html)  # no scripts, frames or handlers
        self.search.capture(page.file, html, page.title)
        # then our own embeds go in
        return self.embeds.render(html, page, lambda: self.theme_env(config), {"config": config, "showcase": self.view})

    def page_context(self, context: dict[str, Any], page: Page) -> dict[str, Any]:
        spec = self.by_src.get(page.file.src_uri)
        self.template_context(context)
        context["spec"] = spec
        context["record"] = spec.record if spec else None
        return context

    def pages_read(self) -> None:
        """After all pages were read: stop on any embed mistake, naming file and line; then
        the search index can be made while the pages are rendered."""
        if self.embeds.problems:
            if not self.preview:
                raise PluginError("叙述中的数据嵌入有误，网站没有生成：\n" + self.embeds.problems.report())
            self.preview_problems = self.embeds.lines()
            for line in self.preview_problems:
                log.error(line)
        if self.files is not None and self.site_dir is not None:
            self.search.start(self.site_dir, self.files, self.by_src)

    def template_context(self, context: dict[str, Any]) -> dict[str, Any]:
        context["showcase"] = self.view
        context["showcase_problems"] = self.preview_problems
        return context

    # -- the end of a build -----------------------------------------------------------------
    def post_build(self, config: MkDocsConfig) -> None:
        """Check the finished output, then publish it by swapping it into place."""
        if not config.site_url:
            # counted by --strict (the handler is still attached): a published site needs it
            log.warning(SITE_URL_MISSING)
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        finish_build(self, config)

    def public_numbers(self) -> list[str]:
        """The unit's declared public contact numbers, allowed in the output."""
        phone = self.data.site.contact.phone or ""
        return [part for part in re.split(r"[，,、;；/]|\s{2,}", phone) if part.strip()]

    def failed(self) -> None:
        """The build stopped with an error: drop it, and with --dirty render everything next time."""
        self.search.cancel()
        self.abandon()
        if self.incremental is not None:
            self.incremental.forget()

    def abandon(self) -> None:
        """Drop an unfinished build; the previous output stays as it was."""
        self.search.cancel()
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        publish.abandon(self.building)
        self.building = None
        self.release()

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None
