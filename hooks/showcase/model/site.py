"""The site settings (data/site.yml): the unit, its application, contact, filing, areas."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.text import id_shape_ok
from ..core.vocab import ASSESSMENT_PERIODS, Term
from ..schema import Bool, Choice, Int, LongText, Object, ObjectList, Text, spec
from .kind import Problem

SITE_FILE = "site.yml"


@dataclass(frozen=True, slots=True, kw_only=True)
class Unit:
    name: str = spec("单位全称", Text(max_length=100), required=True)
    short_name: str = spec("简称", Text(max_length=30), required=True)
    region: str = spec("所在地区", Text(max_length=40), required=True)
    description: str | None = spec("单位简介", LongText(max_length=300), "一两句话，用于首页和搜索引擎摘要")


@dataclass(frozen=True, slots=True, kw_only=True)
class Application:
    title: str = spec("申报称号", Text(max_length=40), "例如 省级文明单位", required=True)
    year: int = spec("申报年度", Int(), "例如 2022", required=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    address: str | None = spec("地址", Text(max_length=100))
    postcode: str | None = spec("邮编", Text(max_length=10))
    phone: str | None = spec("电话", Text(max_length=40))
    email: str | None = spec("电子邮箱", Text(max_length=80))


@dataclass(frozen=True, slots=True, kw_only=True)
class Filing:
    icp: str | None = spec("ICP备案号", Text(max_length=60), "例如 鲁ICP备12345678号-1")
    police: str | None = spec("公安备案号", Text(max_length=60), "例如 鲁公网安备 37060202000000号")
    police_code: str | None = spec("公安备案编码", Text(max_length=20), "公安备案号中的数字部分，用于生成查询链接")


def _default_period() -> Term:
    return ASSESSMENT_PERIODS.terms[0]  # 近三年


@dataclass(frozen=True, slots=True, kw_only=True)
class Assessment:
    """Which criteria the dossier uses and which records count as evidence (site.yml)."""

    standard: str | None = spec("考核标准名称", Text(max_length=60), "例如 山东省文明单位考核标准")
    province: str | None = spec(
        "省份", Text(max_length=20), "只使用 province 与此相同的考核标准（不写则使用全部）"
    )
    year: int | None = spec("标准年度", Int(), "只使用 year 与此相同的考核标准（不写则使用全部）")
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
    id: str = spec("板块编号", Text(max_length=60), "小写字母、数字和连字符，例如 zhengzhi-jianhui", required=True)
    title: str = spec("板块标题", Text(max_length=40), required=True)
    summary: str | None = spec("板块概述", LongText(max_length=300))

    @property
    def src(self) -> str:
        """The area's narrative in docs/ (and its page's virtual path when there is none)."""
        return f"areas/{self.id}.md"


@dataclass(frozen=True, slots=True, kw_only=True)
class Site:
    unit: Unit = spec("单位", Object(Unit), required=True)
    application: Application = spec("申报", Object(Application), required=True)
    contact: Contact = spec("公开联系方式", Object(Contact), default_factory=Contact)
    filing: Filing = spec("备案信息", Object(Filing), default_factory=Filing)
    sample: bool = spec(
        "示例数据", Bool(), "写 true 则每个页面都显示“示例数据”提示", default=False, form_help="打开则每个页面都显示“示例数据”提示"
    )
    assessment: Assessment = spec(
        "申报评价", Object(Assessment), "申报材料页（/dossier/）使用的考核标准和评价期", default_factory=Assessment
    )
    areas: tuple[Area, ...] = spec(
        "工作板块", ObjectList(Area), "自查报告的几个部分；活动、荣誉和数据用 area 字段归入其中", required=True,
        form_help="自查报告的几个部分；活动、荣誉和数据用“所属工作板块”归入其中。板块编号发布后不要再改",
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
            elif area.id in seen:
                found.append(Problem(path, path, f"板块编号“{area.id}”重复"))
            seen.add(area.id)
        return tuple(found)
