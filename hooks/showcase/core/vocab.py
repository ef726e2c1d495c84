"""Closed vocabularies: event categories, honor levels, recipient types, assessment periods.

Each term has a stable ASCII ``slug`` (used in URLs and never changed) and the Chinese
``label`` editors write in YAML and visitors read on the site. The lists below are the
defaults; a unit may declare its own lists in ``data/site.yml`` (``vocabularies:``), and
every part of the product takes them from the loaded :class:`Vocabularies`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Term:
    slug: str
    label: str
    description: str = ""
    participants: bool = False  # event categories: classes whose participant numbers are charted


@dataclass(frozen=True)
class Vocabulary:
    """One named list of terms, in display order."""

    name: str  # "event_categories"
    label: str  # "活动类别"
    terms: tuple[Term, ...]
    configurable: bool = True  # may a unit replace it in site.yml?
    table: Mapping[str, Term] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        table: dict[str, Term] = {}
        for term in self.terms:
            table[term.label] = term
            table[term.slug] = term
        object.__setattr__(self, "table", table)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def get(self, key: str) -> Term | None:
        """The term whose label or slug is ``key``."""
        return self.table.get(key)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(t.label for t in self.terms)

    def rank(self, term: Term) -> int:
        """Position in display order (unknown terms last)."""
        for index, known in enumerate(self.terms):
            if known.slug == term.slug:
                return index
        return len(self.terms)

    def replaced(self, terms: tuple[Term, ...]) -> Vocabulary:
        return Vocabulary(self.name, self.label, terms, self.configurable)


EVENT_CATEGORIES = Vocabulary(
    "event_categories",
    "活动类别",
    (
        Term("wenming-chuangjian", "精神文明创建", "创建工作部署、文明单位创建相关会议与活动"),
        Term("dangjian-jiaoyu", "党建与理想信念教育", "党建工作、红色教育、理想信念教育、主题教育"),
        Term("jiaoyu-peixun", "教育培训", "讲堂、培训班、能力提升培训", participants=True),
        Term("qiye-peishu", "优秀企业家培树", "评选表彰、典型宣传、企业培育"),
        Term("shuangzhao-shuangyin", "双招双引", "招商引资、招才引智、推介会、异地商会"),
        Term("xiangcun-zhenxing", "脱贫攻坚与乡村振兴", "结对帮扶、产业帮扶、乡村振兴行动"),
        Term("kangyi-gongyi", "抗击疫情与公益慈善", "疫情防控、捐款捐物、公益慈善"),
        Term("fuwu-qiye", "服务企业", "政企沟通、政策宣讲、服务平台、融资与法律服务"),
        Term("diaoyan-yizheng", "调查研究与参政议政", "走访调研、建言献策、社情民意"),
        Term("shanghui-gaige", "商会改革与自身建设", "商会改革、组织建设、制度建设、队伍建设"),
    ),
)

HONOR_LEVELS = Vocabulary(
    "honor_levels",
    "荣誉级别",
    (
        Term("guojia", "国家级"),
        Term("sheng", "省级"),
        Term("shi", "市级"),
        Term("quxian", "区县级"),
    ),
)

RECIPIENT_TYPES = Vocabulary(
    "recipient_types",
    "获得者类型",
    (
        Term("benshi", "本单位", "申报单位本身"),
        Term("shanghui", "商会", "所属商会、异地商会等"),
        Term("zuzhi", "下属组织", "下属单位、所属党组织等本单位领导或指导的组织"),
        Term("qiye", "企业", "民营企业"),
        Term("qiyejia", "企业家", "本站收录的企业家（写 entrepreneur: 企业家编号）"),
    ),
    configurable=False,
)
ENTREPRENEUR_RECIPIENT = RECIPIENT_TYPES.terms[4]

# Which records count as evidence in the dossier (site.yml: assessment.period).
ASSESSMENT_PERIODS = Vocabulary(
    "assessment_periods",
    "评价期",
    (
        Term("last-three-years", "近三年", "申报年度及之前两年内的材料"),
        Term("application-year", "申报年度", "只列申报年度内的材料"),
    ),
    configurable=False,
)

# Qualifiers the report puts around a number: “**余次”“近*亿元”“约”“超过”.
APPROX_AFTER = ("余", "多")
APPROX_BEFORE = ("近", "约", "超过")
APPROX_WORDS = Vocabulary(
    "approx_words", "约数", tuple(Term(w, w) for w in APPROX_BEFORE + APPROX_AFTER), configurable=False
)

# What a narrative may hide on its page (front matter ``hide:``), as Material names them.
PAGE_PARTS = Vocabulary(
    "page_parts",
    "页面部分",
    (
        Term("navigation", "navigation", "左侧导航"),
        Term("toc", "toc", "页内目录"),
        Term("footer", "footer", "页脚的上一页、下一页"),
        Term("path", "path", "页面路径"),
    ),
    configurable=False,
)

DEFAULTS: tuple[Vocabulary, ...] = (
    EVENT_CATEGORIES, HONOR_LEVELS, RECIPIENT_TYPES, ASSESSMENT_PERIODS, APPROX_WORDS, PAGE_PARTS,
)


@dataclass(frozen=True)
class Vocabularies:
    """The vocabularies one project uses: the defaults, with the unit's own lists in their place."""

    by_name: Mapping[str, Vocabulary]

    @classmethod
    def defaults(cls) -> Vocabularies:
        return cls({v.name: v for v in DEFAULTS})

    def __getitem__(self, name: str) -> Vocabulary:
        return self.by_name[name]

    def with_terms(self, name: str, terms: tuple[Term, ...]) -> Vocabularies:
        table = dict(self.by_name)
        table[name] = table[name].replaced(terms)
        return Vocabularies(table)

    @property
    def event_categories(self) -> Vocabulary:
        return self.by_name[EVENT_CATEGORIES.name]

    @property
    def honor_levels(self) -> Vocabulary:
        return self.by_name[HONOR_LEVELS.name]

    @property
    def recipient_types(self) -> Vocabulary:
        return self.by_name[RECIPIENT_TYPES.name]
