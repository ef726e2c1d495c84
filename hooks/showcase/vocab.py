"""Closed vocabularies, defined once: event categories, honor levels, recipient types.

Each entry has a stable ASCII ``slug`` (used in URLs and never changed) and the Chinese
``label`` editors write in YAML and visitors read on the site.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Term:
    slug: str
    label: str
    description: str = ""


EVENT_CATEGORIES: tuple[Term, ...] = (
    Term("wenming-chuangjian", "精神文明创建", "创建工作部署、文明单位创建相关会议与活动"),
    Term("dangjian-jiaoyu", "党建与理想信念教育", "党建工作、红色教育、理想信念教育、主题教育"),
    Term("jiaoyu-peixun", "教育培训", "讲堂、培训班、能力提升培训"),
    Term("qiye-peishu", "优秀企业家培树", "评选表彰、典型宣传、企业培育"),
    Term("shuangzhao-shuangyin", "双招双引", "招商引资、招才引智、推介会、异地商会"),
    Term("xiangcun-zhenxing", "脱贫攻坚与乡村振兴", "结对帮扶、产业帮扶、乡村振兴行动"),
    Term("kangyi-gongyi", "抗击疫情与公益慈善", "疫情防控、捐款捐物、公益慈善"),
    Term("fuwu-qiye", "服务企业", "政企沟通、政策宣讲、服务平台、融资与法律服务"),
    Term("diaoyan-yizheng", "调查研究与参政议政", "走访调研、建言献策、社情民意"),
    Term("shanghui-gaige", "商会改革与自身建设", "商会改革、组织建设、制度建设、队伍建设"),
)

HONOR_LEVELS: tuple[Term, ...] = (
    Term("guojia", "国家级"),
    Term("sheng", "省级"),
    Term("shi", "市级"),
    Term("quxian", "区县级"),
)

RECIPIENT_TYPES: tuple[Term, ...] = (
    Term("benshi", "本单位", "申报单位本身"),
    Term("shanghui", "商会", "所属商会、异地商会等"),
    Term("zuzhi", "下属组织", "区县工商联、党组织等下属或指导的组织"),
    Term("qiye", "企业", "民营企业"),
    Term("qiyejia", "企业家", "本站收录的企业家（写 entrepreneur: 企业家编号）"),
)

# Which records count as evidence in the dossier (site.yml: assessment.period).
ASSESSMENT_PERIODS: tuple[Term, ...] = (
    Term("last-three-years", "近三年", "申报年度及之前两年内的材料"),
    Term("application-year", "申报年度", "只列申报年度内的材料"),
)

# Qualifiers the report puts around a number: “**余次”“近*亿元”“约”“超过”.
APPROX_AFTER = ("余", "多")
APPROX_BEFORE = ("近", "约", "超过")
APPROX_WORDS: tuple[str, ...] = APPROX_BEFORE + APPROX_AFTER


def by_label(terms: tuple[Term, ...]) -> dict[str, Term]:
    """Map both the Chinese label and the slug of every term to the term."""
    table: dict[str, Term] = {}
    for term in terms:
        table[term.label] = term
        table[term.slug] = term
    return table
