"""The site settings (data/site.yml): the unit, its application, contact, filing, areas."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.text import id_shape_ok, reserved_id_reason
from ..core.values import PartialDate
from ..core.vocab import ASSESSMENT_PERIODS, DOCUMENT_KINDS, EVENT_CATEGORIES, HONOR_LEVELS, Term, Vocabularies
from ..schema import Bool, Choice, Date, Image, ImageType, Int, LongText, Object, ObjectList, Text, spec
from .kind import Problem

SITE_FILE = "site.yml"


@dataclass(frozen=True, slots=True, kw_only=True)
class Unit:
    name: str = spec("单位全称", Text(max_length=100), required=True)
    short_name: str = spec("简称", Text(max_length=30), required=True)
    region: str = spec("所在地区", Text(max_length=40), required=True)
    description: str | None = spec("单位简介", LongText(max_length=300), "一两句话，用于首页和搜索引擎摘要")
    emblem: Image | None = spec(
        "单位标志",
        ImageType(),
        "单位的徽标或标志（最好是透明背景的正方形 PNG，至少 192×192 像素），显示在页眉、首页和浏览器标签上，"
        "也用于分享卡片；路径相对于 data/，例如 photos/emblem.png",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Application:
    title: str = spec("申报称号", Text(max_length=40), "例如 市级文明单位、省级文明单位（与申报文件的写法一致）", required=True)
    year: int = spec("申报年度", Int(example_value="2024"), "例如 2024", required=True)
    date: PartialDate | None = spec(
        "落款日期",
        Date(example_value="2024-10-20"),
        "自查报告和申报材料封面及落款的日期，例如 2024-10-20；不写则打印稿上留空，盖章时手写",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    address: str | None = spec("地址", Text(max_length=100, example_text="某省某市某路1号"))
    postcode: str | None = spec("邮编", Text(max_length=10, example_text="000000"))
    phone: str | None = spec(
        "电话", Text(max_length=40, example_text="0000-00000000"), "单位公开的联系电话（网站上会显示；发布前检查时它不算个人号码）"
    )
    email: str | None = spec("电子邮箱", Text(max_length=80, example_text="contact@example.org"))


@dataclass(frozen=True, slots=True, kw_only=True)
class Filing:
    icp: str | None = spec("ICP备案号", Text(max_length=60), "例如 ×ICP备12345678号-1（× 为省份简称，照工信部备案系统中的写法）")
    police: str | None = spec("公安备案号", Text(max_length=60), "例如 ×公网安备 12345678901234号（照公安备案系统中的写法）")
    police_code: str | None = spec("公安备案编码", Text(max_length=20), "公安备案号中的数字部分，用于生成查询链接")


def _default_period() -> Term:
    return ASSESSMENT_PERIODS.terms[0]  # 近三年


@dataclass(frozen=True, slots=True, kw_only=True)
class Assessment:
    """Which criteria the dossier uses and which records count as evidence (site.yml)."""

    standard: str | None = spec("考核标准名称", Text(max_length=60), "例如 ××省文明单位测评体系（与考核文件的名称一致）")
    province: str | None = spec(
        "省份", Text(max_length=20), "只使用 province 与此相同的考核标准（不写则使用全部）"
    )
    year: int | None = spec("标准年度", Int(example_value="2024"), "只使用 year 与此相同的考核标准（不写则使用全部）")
    period: Term = spec(
        "评价期",
        Choice("assessment_periods"),
        "申报材料中列出哪段时间的活动、荣誉和数据（不写为 近三年）",
        default_factory=_default_period,
    )

    def years(self, application_year: int) -> tuple[int, int]:
        """First and last year of the assessment period."""
        if self.period.slug == "application-year":
            return application_year, application_year
        return application_year - 2, application_year


@dataclass(frozen=True, slots=True, kw_only=True)
class Area:
    id: str = spec("板块编号", Text(max_length=60), "小写字母、数字和连字符（拼音即可），例如 dangjian-yinling；发布后不要再改", required=True)
    title: str = spec("板块标题", Text(max_length=40), required=True)
    summary: str | None = spec("板块概述", LongText(max_length=300))

    @property
    def src(self) -> str:
        """The area's narrative in docs/ (and its page's virtual path when there is none)."""
        return f"areas/{self.id}.md"


@dataclass(frozen=True, slots=True, kw_only=True)
class TermEntry:
    """One entry of a unit's own list (event categories, honor levels…)."""

    slug: str = spec(
        "网址名", Text(max_length=40, example_text="zhiyuan-fuwu"),
        "用于网址，只能用小写字母、数字和连字符（拼音即可），例如 zhiyuan-fuwu；发布后不要再改", required=True,
    )
    label: str = spec("名称", Text(max_length=20, example_text="志愿服务"), "页面上显示、数据文件中填写的名称", required=True)
    description: str | None = spec("说明", Text(max_length=100), "这一项包括什么，显示在页面上（可选）")
    participants: bool = spec(
        "统计参加人数", Bool(), "活动类别专用：写 true 则在“主要数据”页用图表列出这一类活动各自的参加人数", default=False,
        form_help="活动类别专用：打开则在“主要数据”页用图表列出这一类活动各自的参加人数",
    )

    def term(self) -> Term:
        return Term(self.slug, self.label, self.description or "", self.participants)


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteVocabularies:
    """The unit's own lists; a list not written here keeps the product's default."""

    event_categories: tuple[TermEntry, ...] = spec(
        "活动类别", ObjectList(TermEntry),
        "活动的类别（每个类别有自己的页面）；不写时使用默认的类别（见编辑指南）。写了就完全按这里的列表",
    )
    honor_levels: tuple[TermEntry, ...] = spec(
        "荣誉级别", ObjectList(TermEntry), "从高到低排列；不写时为 国家级、省级、市级、区县级",
    )
    document_kinds: tuple[TermEntry, ...] = spec(
        "佐证文件类别", ObjectList(TermEntry),
        "佐证文件（documents）的类别，按申报材料中的顺序排列；不写时为 文件、纪要、证书、报道、签到表、其他。"
        "网址名为 zhengshu 的类别显示在荣誉墙上，baodao 的显示媒体名称",
    )

    def lists(self) -> tuple[tuple[str, str, tuple[TermEntry, ...]], ...]:
        """(field, vocabulary name, entries) of every list the unit wrote."""
        return tuple(
            (name, vocabulary, entries)
            for name, vocabulary, entries in (
                ("event_categories", EVENT_CATEGORIES.name, self.event_categories),
                ("honor_levels", HONOR_LEVELS.name, self.honor_levels),
                ("document_kinds", DOCUMENT_KINDS.name, self.document_kinds),
            )
            if entries
        )

    def apply(self, vocabularies: Vocabularies) -> Vocabularies:
        for _, name, entries in self.lists():
            vocabularies = vocabularies.with_terms(name, tuple(entry.term() for entry in entries))
        return vocabularies


@dataclass(frozen=True, slots=True, kw_only=True)
class Site:
    unit: Unit = spec("单位", Object(Unit), required=True)
    application: Application = spec("申报", Object(Application), required=True)
    contact: Contact = spec("公开联系方式", Object(Contact), default_factory=Contact)
    filing: Filing = spec("备案信息", Object(Filing), default_factory=Filing)
    sample: bool = spec(
        "示例数据", Bool(), "写 true 则每个页面都显示“示例数据”提示", default=False, form_help="打开则每个页面都显示“示例数据”提示"
    )
    editor_notes: bool = spec(
        "显示编辑提示",
        Bool(),
        "编辑提示（待核实、待补充、日期依据等）只在预览（mkdocs serve）中显示；写 true 则生成的网站也显示，"
        "仅用于给审阅人员的草稿，正式发布前必须删除或写 false",
        default=False,
        form_help="编辑提示（待核实、待补充、日期依据等）只在预览中显示；打开则生成的网站也显示，"
        "仅用于给审阅人员的草稿，正式发布前必须关闭",
    )
    assessment: Assessment = spec(
        "申报评价", Object(Assessment), "申报材料页（/dossier/）使用的考核标准和评价期", default_factory=Assessment
    )
    areas: tuple[Area, ...] = spec(
        "工作板块", ObjectList(Area), "自查报告的几个部分；活动、荣誉和数据用 area 字段归入其中", required=True,
        form_help="自查报告的几个部分；活动、荣誉和数据用“所属工作板块”归入其中。板块编号发布后不要再改",
    )
    vocabularies: SiteVocabularies = spec(
        "本单位的分类", Object(SiteVocabularies), "活动类别、荣誉级别等可以按本单位的实际情况改写；不写的沿用默认",
        default_factory=SiteVocabularies,
    )

    def area(self, area_id: str | None) -> Area | None:
        for area in self.areas:
            if area.id == area_id:
                return area
        return None

    def problems(self) -> tuple[Problem, ...]:
        found = []
        seen: set[str] = set()
        for index, area in enumerate(self.areas, start=1):
            path = f"areas[{index}].id"
            if not id_shape_ok(area.id):
                found.append(Problem(path, path, f"板块编号“{area.id}”只能由小写字母、数字和连字符组成"))
            elif reason := reserved_id_reason(area.id):
                found.append(Problem(path, path, f"板块编号不能用“{area.id}”：{reason}"))
            elif area.id in seen:
                found.append(Problem(path, path, f"板块编号“{area.id}”重复"))
            seen.add(area.id)
        for name, _, entries in self.vocabularies.lists():
            slugs: set[str] = set()
            labels: set[str] = set()
            for index, entry in enumerate(entries, start=1):
                path = f"vocabularies.{name}[{index}]"
                if not id_shape_ok(entry.slug) or reserved_id_reason(entry.slug):
                    found.append(Problem(f"{path}.slug", f"{path}.slug",
                                         f"网址名“{entry.slug}”只能由小写字母、数字和连字符组成（不能是 index 等保留名）"))
                elif entry.slug in slugs:
                    found.append(Problem(f"{path}.slug", f"{path}.slug", f"网址名“{entry.slug}”重复"))
                if entry.label in labels:
                    found.append(Problem(f"{path}.label", f"{path}.label", f"名称“{entry.label}”重复"))
                slugs.add(entry.slug)
                labels.add(entry.label)
        return tuple(found)

    def vocabularies_with(self, defaults: Vocabularies) -> Vocabularies:
        """The project's vocabularies: the defaults with the unit's own lists in their place."""
        return self.vocabularies.apply(defaults)
