"""Assessment criteria (data/criteria/) and the narratives in docs/ that cite them."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.values import Origin
from ..core.vocab import Term
from ..schema import Attachment, Bool, ChoiceList, Int, LongText, Number, Ref, RefList, Text, spec
from .common import documents_spec
from .kind import Record, kind

EXPLANATION_LIMIT = 500  # 字, the national rules' limit for a criterion's explanation


@kind("criterion", "criteria", "考核标准")
@dataclass(frozen=True, slots=True, kw_only=True)
class Criterion(Record):
    """One assessment criterion: a 测评项目 (no ``item``) or a 测评内容 under one."""

    title: str = spec(
        "名称",
        Text(max_length=100),
        "测评项目或测评内容的名称；不知道标准原文时写概括，并保留 wording_known: false",
        required=True,
        form_help="测评项目或测评内容的名称；不知道标准原文时写概括，不要打开“原文已核实”",
    )
    item: str | None = spec(
        "所属测评项目",
        Ref("criterion"),
        "测评内容所属的测评项目编号（data/criteria/ 中的文件名）；测评项目本身不写",
        form_help="测评内容所属的测评项目；测评项目本身不选",
    )  # id of the 测评项目 this 测评内容 belongs to
    points: int | float | None = spec("分值", Number(), "标准规定的分值；不知道时不写（列入完整性报告，预览中注明“分值待核实”）")
    wording_known: bool = spec(
        "原文已核实",
        Bool(),
        "名称与标准原文逐字一致时写 true；不写或写 false 时列入完整性报告，预览中注明“表述待核实”",
        default=False,
        form_help="名称与标准原文逐字一致时打开；关闭时页面注明“表述待核实”",
    )
    note: str | None = spec(
        "编辑备注", LongText(max_length=300), "出处、待核实的事项等；只给编辑看：列入完整性报告，在预览中显示，不发布到网站"
    )
    explanation: str | None = spec(
        "情况说明",
        LongText(max_length=5000, max_chars=EXPLANATION_LIMIT),
        f"对照本条写的简要说明，最多 {EXPLANATION_LIMIT} 字（汉字、字母、数字和标点各算 1 字，空格和换行不计）",
    )
    documents: tuple[Attachment, ...] = documents_spec()  # evidence for the criterion as a whole
    province: str | None = spec("省份", Text(max_length=20), "标准所属的省份（与 site.yml 中 assessment.province 的写法一致）")
    year: int | None = spec("标准年度", Int(example_value="2024"), "标准发布或适用的年度，例如 2024")
    order: int | None = spec("排序", Int(), "同一层级中的顺序，数字小的在前；不写则排在有序号的之后，按文件名排序")

    @property
    def sort_key(self) -> tuple[bool, int, str]:
        return (self.order is None, self.order or 0, self.id)


@dataclass(frozen=True, slots=True, kw_only=True)
class FrontMatter:
    """What a narrative in docs/ may say in its front matter (the block between the first two
    ``---`` lines). Every other key is refused: MkDocs and Material would print some of them
    into every page (subtitle, author, icon…) or load a template by name (template)."""

    title: str | None = spec("页面标题", Text(max_length=100), "不写时用正文的第一个一级标题")
    description: str | None = spec(
        "页面摘要", LongText(max_length=300), "一两句话，用于搜索引擎和分享卡片；不写时使用单位简介或板块概述"
    )
    hide: tuple[Term, ...] = spec("隐藏的页面部分", ChoiceList("page_parts"), "例如 [toc] 隐藏页内目录")
    criteria: tuple[str, ...] = spec(
        "对应考核标准",
        RefList("criterion"),
        "这篇叙述佐证的考核标准编号，写在文件开头的 --- 之间，例如 criteria: [zuzhi-lingdao-gongzuo-bushu]",
    )


@dataclass(frozen=True, slots=True)
class Narrative:
    """A hand-written page in docs/ that cites criteria in its front matter."""

    kind = "narrative"
    src: str  # path inside docs/, e.g. "areas/zhengzhi-jianhui.md"
    title: str
    criteria: tuple[str, ...] = ()
    origin: Origin | None = None

    @property
    def key(self) -> str:
        return f"narratives/{self.src}"
