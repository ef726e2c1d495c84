"""The four kinds of published records: entrepreneurs, events, honors and key figures.

Each class is the one declaration of its kind: its fields (with Chinese labels, help and
field types), its folder and label, its page template, and what it does differently from
the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.values import PartialDate, Quantity
from ..core.vocab import ENTREPRENEUR_RECIPIENT, FIGURE_MEASURES, Term
from ..schema import (
    Attachment,
    Bool,
    Choice,
    Date,
    HelpOnly,
    Image,
    ImageList,
    LongText,
    Markdown,
    Object,
    QuantityType,
    Ref,
    RefList,
    Source,
    Text,
    spec,
)
from .common import (
    IMAGE_HELP,
    Link,
    area_spec,
    criteria_spec,
    date_note_spec,
    documents_spec,
    former_ids_spec,
    image_spec,
    links_spec,
    private_spec,
    published_spec,
    summary_spec,
    tags_spec,
)
from .kind import Problem, Record, Unpublish, keywords, kind

_MARKDOWN_EXAMPLE = "第一段文字，可以使用 **加粗** 和 [链接](https://example.org/)。\n要分段时空一行，每行开头保留两个空格。"


@dataclass(frozen=True, slots=True, kw_only=True)
class Consent:
    date: PartialDate = spec("同意日期", Date(example_value="2022-06-01"), "本人签署或确认同意的日期", required=True)
    scope: str = spec(
        "同意范围", Text(max_length=200, example_text="同意公开姓名、照片、企业信息和事迹"), "例如 同意公开姓名、照片、企业信息和事迹",
        required=True,
    )
    withdrawn: PartialDate | None = spec(
        "撤回日期", Date(example_value="2023-06-01"), "本人撤回同意的日期；填写后不再发布", situational=True
    )


@kind("entrepreneur", "entrepreneurs", "企业家", template="showcase/entrepreneur.html", title_field="name",
      page_title="企业家风采", shown=("company",))
@dataclass(frozen=True, slots=True, kw_only=True)
class Entrepreneur(Record):
    name: str = spec("姓名", Text(max_length=40), required=True)
    company: str = spec("企业", Text(max_length=100, example_text="示例科技有限公司"), "企业全称", required=True)
    position: str | None = spec("职务", Text(max_length=60, example_text="董事长"), "例如 董事长、总经理")
    industry: str | None = spec("行业", Text(max_length=40, example_text="新能源"), "例如 新能源、食品加工")
    region: str | None = spec("地区", Text(max_length=40, example_text="某市某区"), "企业所在的市、区或县")
    photo: Image | None = image_spec("照片")
    summary: str = spec("一句话简介", Text(max_length=120), "显示在企业家卡片上", required=True)
    biography: str | None = spec(
        "人物简介", Markdown(max_length=20000, example_text=_MARKDOWN_EXAMPLE), "可使用 Markdown：段落、加粗、列表、链接"
    )
    quote: str | None = spec("寄语", LongText(max_length=300, example_text="企业家的一段话。"), "企业家的一段话")
    links: tuple[Link, ...] = links_spec()
    tags: tuple[str, ...] = tags_spec()
    former_ids: tuple[str, ...] = former_ids_spec()
    consent: Consent | None = spec(
        "本人同意",
        Object(Consent),
        "发布在世人物的资料须有本人同意：写同意日期和范围；撤回同意时写 withdrawn 日期，资料即不再发布",
        kept=False,
        form_help="发布在世人物的资料须有本人同意：写同意日期和范围；撤回同意时写撤回日期，资料即不再发布",  # kept on file, checked before publishing, never published
    )
    published: bool = published_spec()
    private: None = private_spec()

    def unpublish(self) -> Unpublish | None:
        """A living person's profile is published only with their recorded, unwithdrawn consent."""
        if self.consent is None:
            return Unpublish(
                problem=Problem(
                    "consent", "consent",
                    "发布企业家资料须有本人同意：请填写 consent 的 date（同意日期）和 scope（同意公开的范围）；"
                    "尚未取得同意的，请写 published: false",
                )
            )
        if self.consent.withdrawn is not None:
            return Unpublish(note=f"本人已于 {self.consent.withdrawn.chinese} 撤回同意，资料未发布")
        return None

    def images(self) -> tuple[Image, ...]:
        return (self.photo,) if self.photo else ()

    def markdown(self) -> str | None:
        return self.biography

    def search_keywords(self) -> tuple[str, ...]:
        return keywords(self.name, self.company, self.industry, self.region, self.position, tags=self.tags)


@kind("event", "events", "活动", template="showcase/event.html", page_title="创建活动")
@dataclass(frozen=True, slots=True, kw_only=True)
class Event(Record):
    title: str = spec("标题", Text(max_length=100), required=True)
    date: PartialDate = spec("日期", Date(), "开始日期，例如 2022-05-01；只知道月份可写 2022-05", required=True)
    end_date: PartialDate | None = spec("结束日期", Date(example_value="2022-05-03"), "多日活动的结束日期（可选）")
    date_note: str | None = date_note_spec()
    location: str | None = spec("地点", Text(max_length=100, example_text="某市会展中心"))
    category: Term = spec("类别", Choice("event_categories"), "从固定类别中选择一个", required=True)
    area: str | None = area_spec()
    summary: str | None = summary_spec()
    body: str | None = spec(
        "正文", Markdown(max_length=20000, example_text=_MARKDOWN_EXAMPLE), "可使用 Markdown：段落、加粗、列表、链接"
    )
    sessions: Quantity | None = spec(
        "场次", QuantityType(example_value="3"), "举办的场次或期数；未公开的写 \"**\"", form_help="举办的场次或期数；未公开的写 **"
    )
    participants: Quantity | None = spec(
        "参加人数", QuantityType(example_value="**"), "参加人数或人次；未公开的写 \"**\"", form_help="参加人数或人次；未公开的写 **"
    )
    entrepreneurs: tuple[str, ...] = spec(
        "相关企业家", RefList("entrepreneur"), "企业家编号列表，例如 [zhang-san, li-si]",
        form_help="从已收录的企业家中选择，可选多位（输入姓名或企业名查找）",
    )  # published ids only
    photos: tuple[Image, ...] = spec(
        "活动照片", ImageList(), "每张照片写 src 和 alt", form_help="每张照片上传后，用一句话写替代文字（照片内容的说明）"
    )
    documents: tuple[Attachment, ...] = documents_spec()
    links: tuple[Link, ...] = links_spec()
    tags: tuple[str, ...] = tags_spec()
    criteria: tuple[str, ...] = criteria_spec()  # ids of the criteria this record is evidence for
    former_ids: tuple[str, ...] = former_ids_spec()
    published: bool = published_spec()
    private: None = private_spec()

    def problems(self) -> tuple[Problem, ...]:
        if self.end_date is not None and self.end_date.certainly_before(self.date):
            return (Problem("end_date", "end_date", f"结束日期 {self.end_date.iso} 早于开始日期 {self.date.iso}，请检查"),)
        return ()

    def references(self) -> tuple[str, ...]:
        return tuple(f"entrepreneurs/{person}" for person in self.entrepreneurs)

    def images(self) -> tuple[Image, ...]:
        return self.photos

    def markdown(self) -> str | None:
        return self.body

    def search_keywords(self) -> tuple[str, ...]:
        return keywords(self.category.label, self.location, tags=self.tags)

    def description(self) -> str | None:
        return self.summary or f"{self.title}（{self.date.chinese}）"

    def years(self) -> tuple[int, int]:
        return self.date.year, (self.end_date or self.date).year


@dataclass(frozen=True, slots=True, kw_only=True)
class Recipient:
    type: Term = spec("获得者类型", Choice("recipient_types", example_label="本单位"), required=True)
    name: str | None = spec("获得者名称", Text(max_length=100), "单位、商会或企业名称")
    entrepreneur: str | None = spec(
        "企业家编号", Ref("entrepreneur"), "type 为 企业家 时填写", form_help="获得者类型为“企业家”时，从已收录的企业家中选择"
    )


@kind("honor", "honors", "荣誉", template="showcase/honor.html", page_title="荣誉墙")
@dataclass(frozen=True, slots=True, kw_only=True)
class Honor(Record):
    title: str = spec("荣誉名称", Text(max_length=100), required=True)
    level: Term = spec("级别", Choice("honor_levels", example_label="市级"), required=True)
    awarding_body: str = spec("授予单位", Text(max_length=100, example_text="某市人民政府"), required=True)
    document_number: str | None = spec(
        "文号", Text(max_length=60, example_text="×政字〔2022〕1号"), "表彰文件的文号（知道时填写）"
    )
    date: PartialDate = spec("授予日期", Date(), "例如 2021-02-25；只知道年份可写 2021", required=True)
    date_note: str | None = date_note_spec()
    recipient: Recipient = spec(
        "获得者", Object(Recipient), "type 写获得者类型；企业家写 entrepreneur: 编号，其他写 name: 名称", required=True,
        form_help="先选获得者类型；企业家从列表中选择，其他类型写获得者名称",
    )
    count: Quantity | None = spec(
        "家次", QuantityType(example_value="**"), "多家次荣誉的数量；未公开的写 \"**\"", form_help="多家次荣誉的数量；未公开的写 **"
    )
    area: str | None = area_spec()
    summary: str | None = summary_spec()
    body: str | None = spec("说明", Markdown(max_length=20000, example_text=_MARKDOWN_EXAMPLE), "可使用 Markdown")
    certificate: Image | None = image_spec("证书或奖牌图片", "-certificate")
    documents: tuple[Attachment, ...] = documents_spec()
    links: tuple[Link, ...] = links_spec()
    tags: tuple[str, ...] = tags_spec()
    criteria: tuple[str, ...] = criteria_spec()
    former_ids: tuple[str, ...] = former_ids_spec()
    published: bool = published_spec()
    private: None = private_spec()

    def problems(self) -> tuple[Problem, ...]:
        r = self.recipient
        if r.type == ENTREPRENEUR_RECIPIENT:
            if r.entrepreneur is None and r.name is None:
                return (
                    Problem(
                        "recipient.type", "recipient.entrepreneur",
                        "获得者类型为“企业家”时，请写 entrepreneur: 企业家编号（或 name: 姓名，若本站未收录此人）",
                    ),
                )
            return ()
        found = []
        if r.entrepreneur is not None:
            found.append(
                Problem(
                    "recipient.entrepreneur", "recipient.entrepreneur",
                    f"只有获得者类型为“企业家”时才能写 entrepreneur；类型“{r.type.label}”请写 name: 名称",
                )
            )
        if r.name is None:
            found.append(Problem("recipient.type", "recipient.name", f"请写获得者名称 name（类型为“{r.type.label}”）"))
        return tuple(found)

    def references(self) -> tuple[str, ...]:
        return (f"entrepreneurs/{self.recipient.entrepreneur}",) if self.recipient.entrepreneur else ()

    def images(self) -> tuple[Image, ...]:
        return (self.certificate,) if self.certificate else ()

    def markdown(self) -> str | None:
        return self.body

    def search_keywords(self) -> tuple[str, ...]:
        r = self.recipient
        return keywords(self.level.label, self.awarding_body, r.name, r.type.label, tags=self.tags)

    def description(self) -> str | None:
        return self.summary or f"{self.title}：{self.awarding_body}授予，{self.date.chinese}。"

    def years(self) -> tuple[int, int]:
        return self.date.year, self.date.year


def _count() -> Term:
    return FIGURE_MEASURES.terms[0]  # 数量


@kind("figure", "figures", "数据", title_field="label", page_title="主要数据")
@dataclass(frozen=True, slots=True, kw_only=True)
class Figure(Record):
    label: str = spec("名称", Text(max_length=60), "这项数据说的是什么，例如 参加培训的企业家", required=True)
    value: Quantity = spec(
        "数值", QuantityType(), "数字；报告中隐去（写作 ** ）的数字写 \"**\"（要加引号）", required=True,
        form_help="只写数字（单位写在“单位”里）；报告中隐去的数字写 **",
    )
    measure: Term = spec(
        "数据类型",
        Choice("figure_measures"),
        "数量（默认，显示为“35家”）、排名（显示为“第2名”）或百分比（显示为“100%”）",
        default_factory=_count,
    )
    approx: str | None = spec("约数", Choice("approx_words", as_label=True), "数字带“余”“近”“约”等字时填写")
    unit: str | None = spec("单位", Text(max_length=10), "例如 人、场、亿元、家次")
    as_of: PartialDate = spec("统计截至", Date(), "例如 2022-10；只知道年份可写 2022", required=True)
    area: str = area_spec(required=True)
    source: str | None = spec(
        "来源",
        Source((("entrepreneurs", "entrepreneur"), ("events", "event"), ("honors", "honor"), ("figures", "figure"))),
        "数据出自哪条记录，例如 events/2022-xinhuo-peixun",
    )  # "events/<id>" etc., published targets only
    note: str | None = spec("说明", LongText(max_length=300), "口径或来源说明")
    headline: bool = spec(
        "首页展示", Bool(), "写 true 则在首页“主要数据”中展示", default=False, form_help="打开则在首页“主要数据”中展示"
    )
    criteria: tuple[str, ...] = criteria_spec()
    published: bool = published_spec()
    private: None = private_spec()

    @property
    def url(self) -> str:
        return f"figures/#{self.id}"

    @property
    def withheld(self) -> bool:
        return self.value.withheld

    @property
    def is_rank(self) -> bool:
        return self.measure.slug == "rank"

    @property
    def is_percent(self) -> bool:
        return self.measure.slug == "percent" or (self.unit or "").strip() in ("%", "％")

    def references(self) -> tuple[str, ...]:
        return (self.source,) if self.source else ()

    def years(self) -> tuple[int, int]:
        return self.as_of.year, self.as_of.year


RECORD_CLASSES: tuple[type[Record], ...] = (Entrepreneur, Event, Honor, Figure)

__all__ = ["IMAGE_HELP", "Consent", "Entrepreneur", "Event", "Figure", "HelpOnly", "Honor", "Recipient"]
