"""The one definition of every record kind: fields, types, Chinese labels and help.

The validator (:mod:`showcase.validate`) and the published JSON Schemas
(:mod:`showcase.jsonschema`) are both derived from the specs below, so they cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import vocab

# Field types understood by the validator.
TEXT = "text"  # one line of plain text
LONGTEXT = "longtext"  # plain text that may span lines (quotes, explanations)
MARKDOWN = "markdown"  # Markdown, rendered and sanitized
DATE = "date"  # 2022-05-01, 2022-05 or 2022 (also 2022年5月1日)
INT = "int"  # a whole number ≥ 0
NUMBER = "number"  # a number ≥ 0, may have decimals
QUANTITY = "quantity"  # a number, or "**" when the report withholds it
BOOL = "bool"  # true / false
CHOICE = "choice"  # one of a closed vocabulary (Chinese label or slug)
REF = "ref"  # id of another record
REF_LIST = "ref_list"  # list of ids of other records
SOURCE = "source"  # "events/<id>", "honors/<id>" or "entrepreneurs/<id>"
TAGS = "tags"  # list of short texts
URL = "url"  # http(s), mailto:, tel: or a site-relative path
IMAGE = "image"  # {src, alt, caption}
IMAGE_LIST = "image_list"  # list of {src, alt, caption}
OBJECT = "object"  # nested mapping with its own fields
LIST = "list"  # list of nested mappings
PRIVATE = "private"  # any mapping; never leaves the loader

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    label: str
    help: str = ""
    required: bool = False
    choices: tuple[vocab.Term, ...] = ()
    ref: str | None = None  # record kind for REF / REF_LIST
    max_length: int | None = None
    fields: tuple[Field, ...] = ()  # for OBJECT and LIST
    default: object = None
    # Limit counted as the national rules count 字数: every Chinese character, letter, digit
    # and punctuation mark is one; spaces and line breaks are not counted.
    max_chars: int | None = None


@dataclass(frozen=True)
class Kind:
    """A record kind: where its files live and which fields they have."""

    name: str  # "event"
    folder: str  # "events": data/events/<id>.yml → /events/<id>/
    label: str  # "活动"
    fields: tuple[Field, ...]
    title_field: str = "title"
    extra: dict = field(default_factory=dict)

    def field(self, name: str) -> Field | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None


def _image(name: str, label: str, required: bool = False) -> Field:
    return Field(
        name,
        IMAGE,
        label,
        "图片路径相对于 data/ 文件夹，例如 photos/zhang-san.jpg；alt 写图片内容的文字说明",
        required=required,
        fields=(
            Field("src", TEXT, "图片文件", "相对于 data/ 的路径，例如 photos/zhang-san.jpg", required=True, max_length=300),
            Field("alt", TEXT, "替代文字", "用一句话说明图片内容，供读屏软件和图片加载失败时使用", required=True, max_length=200),
            Field("caption", TEXT, "图片说明", "显示在图片下方的说明（可选）", max_length=200),
        ),
    )


_PUBLISHED = Field("published", BOOL, "是否发布", "写 false 则不发布：不生成页面，也不出现在任何列表和搜索中", default=True)
_PRIVATE = Field("private", PRIVATE, "内部信息", "内部备注、联系方式等；任何情况下都不会出现在网站上")
_TAGS = Field("tags", TAGS, "标签", "若干个简短标签，例如 [党建, 培训]", max_length=30)
_AREA = Field("area", REF, "所属工作板块", "site.yml 中 areas 列出的板块编号", ref="area")
_SUMMARY = Field("summary", TEXT, "摘要", "一两句话的概括，显示在列表和卡片上", max_length=300)
_CRITERIA = Field(
    "criteria",
    REF_LIST,
    "对应考核标准",
    "这条材料佐证的考核标准编号（data/criteria/ 中的文件名），例如 [zuzhi-lingdao-gongzuo-bushu]；可写多个",
    ref="criterion",
)
_FORMER_IDS = Field(
    "former_ids",
    REF_LIST,
    "原编号",
    "改过文件名（编号）时写上原来的编号，例如 [2022-old-id]：旧网址会自动转到新网址",
)
_LINKS = Field(
    "links",
    LIST,
    "相关链接",
    "新闻报道、官方通知等；每项写 title 和 url",
    fields=(
        Field("title", TEXT, "链接文字", required=True, max_length=100),
        Field("url", URL, "网址", "https:// 开头的网址，或站内路径如 events/2022-xinhuo-peixun/", required=True, max_length=500),
    ),
)

ENTREPRENEUR = Kind(
    "entrepreneur",
    "entrepreneurs",
    "企业家",
    title_field="name",
    fields=(
        Field("name", TEXT, "姓名", required=True, max_length=40),
        Field("company", TEXT, "企业", "企业全称", required=True, max_length=100),
        Field("position", TEXT, "职务", "例如 董事长、总经理", max_length=60),
        Field("industry", TEXT, "行业", "例如 新能源、食品加工", max_length=40),
        Field("region", TEXT, "地区", "例如 示例市芝罘区", max_length=40),
        _image("photo", "照片"),
        Field("summary", TEXT, "一句话简介", "显示在企业家卡片上", required=True, max_length=120),
        Field("biography", MARKDOWN, "人物简介", "可使用 Markdown：段落、加粗、列表、链接", max_length=20000),
        Field("quote", LONGTEXT, "寄语", "企业家的一段话", max_length=300),
        _LINKS,
        _TAGS,
        _FORMER_IDS,
        Field(
            "consent",
            OBJECT,
            "本人同意",
            "发布在世人物的资料须有本人同意：写同意日期和范围；撤回同意时写 withdrawn 日期，资料即不再发布",
            fields=(
                Field("date", DATE, "同意日期", "本人签署或确认同意的日期", required=True),
                Field("scope", TEXT, "同意范围", "例如 同意公开姓名、照片、企业信息和事迹", required=True, max_length=200),
                Field("withdrawn", DATE, "撤回日期", "本人撤回同意的日期；填写后不再发布"),
            ),
        ),
        _PUBLISHED,
        _PRIVATE,
    ),
)

EVENT = Kind(
    "event",
    "events",
    "活动",
    fields=(
        Field("title", TEXT, "标题", required=True, max_length=100),
        Field("date", DATE, "日期", "开始日期，例如 2022-05-01；只知道月份可写 2022-05", required=True),
        Field("end_date", DATE, "结束日期", "多日活动的结束日期（可选）"),
        Field("location", TEXT, "地点", max_length=100),
        Field("category", CHOICE, "类别", "从固定类别中选择一个", required=True, choices=vocab.EVENT_CATEGORIES),
        _AREA,
        _SUMMARY,
        Field("body", MARKDOWN, "正文", "可使用 Markdown：段落、加粗、列表、链接", max_length=20000),
        Field("sessions", QUANTITY, "场次", "举办的场次或期数；未公开的写 \"**\""),
        Field("participants", QUANTITY, "参加人数", "参加人数或人次；未公开的写 \"**\""),
        Field("entrepreneurs", REF_LIST, "相关企业家", "企业家编号列表，例如 [zhang-san, li-si]", ref="entrepreneur"),
        Field("photos", IMAGE_LIST, "活动照片", "每张照片写 src 和 alt", fields=_image("photo", "照片").fields),
        _LINKS,
        _TAGS,
        _CRITERIA,
        _FORMER_IDS,
        _PUBLISHED,
        _PRIVATE,
    ),
)

HONOR = Kind(
    "honor",
    "honors",
    "荣誉",
    fields=(
        Field("title", TEXT, "荣誉名称", required=True, max_length=100),
        Field("level", CHOICE, "级别", required=True, choices=vocab.HONOR_LEVELS),
        Field("awarding_body", TEXT, "授予单位", required=True, max_length=100),
        Field("document_number", TEXT, "文号", "表彰文件的文号（知道时填写）", max_length=60),
        Field("date", DATE, "授予日期", "例如 2021-02-25；只知道年份可写 2021", required=True),
        Field(
            "recipient",
            OBJECT,
            "获得者",
            "type 写获得者类型；企业家写 entrepreneur: 编号，其他写 name: 名称",
            required=True,
            fields=(
                Field("type", CHOICE, "获得者类型", required=True, choices=vocab.RECIPIENT_TYPES),
                Field("name", TEXT, "获得者名称", "单位、商会或企业名称", max_length=100),
                Field("entrepreneur", REF, "企业家编号", "type 为 企业家 时填写", ref="entrepreneur"),
            ),
        ),
        Field("count", QUANTITY, "家次", "多家次荣誉的数量；未公开的写 \"**\""),
        _AREA,
        _SUMMARY,
        Field("body", MARKDOWN, "说明", "可使用 Markdown", max_length=20000),
        _image("certificate", "证书或奖牌图片"),
        _LINKS,
        _TAGS,
        _CRITERIA,
        _FORMER_IDS,
        _PUBLISHED,
        _PRIVATE,
    ),
)

FIGURE = Kind(
    "figure",
    "figures",
    "数据",
    title_field="label",
    fields=(
        Field("label", TEXT, "名称", "这项数据说的是什么，例如 参加培训的企业家", required=True, max_length=60),
        Field("value", QUANTITY, "数值", "数字；报告中隐去（写作 ** ）的数字写 \"**\"（要加引号）", required=True),
        Field(
            "approx",
            CHOICE,
            "约数",
            "数字带“余”“近”“约”等字时填写",
            choices=tuple(vocab.Term(w, w) for w in vocab.APPROX_WORDS),
        ),
        Field("unit", TEXT, "单位", "例如 人、场、亿元、家次", max_length=10),
        Field("as_of", DATE, "统计截至", "例如 2022-10；只知道年份可写 2022", required=True),
        Field("area", REF, "所属工作板块", "site.yml 中 areas 列出的板块编号", required=True, ref="area"),
        Field("source", SOURCE, "来源", "数据出自哪条记录，例如 events/2022-xinhuo-peixun"),
        Field("note", LONGTEXT, "说明", "口径或来源说明", max_length=300),
        Field("headline", BOOL, "首页展示", "写 true 则在首页“主要数据”中展示", default=False),
        _CRITERIA,
        _PUBLISHED,
        _PRIVATE,
    ),
)

SITE_FIELDS: tuple[Field, ...] = (
    Field(
        "unit",
        OBJECT,
        "单位",
        required=True,
        fields=(
            Field("name", TEXT, "单位全称", required=True, max_length=100),
            Field("short_name", TEXT, "简称", required=True, max_length=30),
            Field("region", TEXT, "所在地区", required=True, max_length=40),
            Field("description", LONGTEXT, "单位简介", "一两句话，用于首页和搜索引擎摘要", max_length=300),
        ),
    ),
    Field(
        "application",
        OBJECT,
        "申报",
        required=True,
        fields=(
            Field("title", TEXT, "申报称号", "例如 省级文明单位", required=True, max_length=40),
            Field("year", INT, "申报年度", "例如 2022", required=True),
        ),
    ),
    Field(
        "contact",
        OBJECT,
        "公开联系方式",
        fields=(
            Field("address", TEXT, "地址", max_length=100),
            Field("postcode", TEXT, "邮编", max_length=10),
            Field("phone", TEXT, "电话", max_length=40),
            Field("email", TEXT, "电子邮箱", max_length=80),
        ),
    ),
    Field(
        "filing",
        OBJECT,
        "备案信息",
        fields=(
            Field("icp", TEXT, "ICP备案号", "例如 鲁ICP备12345678号-1", max_length=60),
            Field("police", TEXT, "公安备案号", "例如 鲁公网安备 37060202000000号", max_length=60),
            Field("police_code", TEXT, "公安备案编码", "公安备案号中的数字部分，用于生成查询链接", max_length=20),
        ),
    ),
    Field("sample", BOOL, "示例数据", "写 true 则每个页面都显示“示例数据”提示", default=False),
    Field(
        "assessment",
        OBJECT,
        "申报评价",
        "申报材料页（/dossier/）使用的考核标准和评价期",
        fields=(
            Field("standard", TEXT, "考核标准名称", "例如 山东省文明单位考核标准", max_length=60),
            Field("province", TEXT, "省份", "只使用 province 与此相同的考核标准（不写则使用全部）", max_length=20),
            Field("year", INT, "标准年度", "只使用 year 与此相同的考核标准（不写则使用全部）"),
            Field(
                "period",
                CHOICE,
                "评价期",
                "申报材料中列出哪段时间的活动、荣誉和数据（不写为 近三年）",
                choices=vocab.ASSESSMENT_PERIODS,
            ),
        ),
    ),
    Field(
        "areas",
        LIST,
        "工作板块",
        "自查报告的几个部分；活动、荣誉和数据用 area 字段归入其中",
        required=True,
        fields=(
            Field("id", TEXT, "板块编号", "小写字母、数字和连字符，例如 zhengzhi-jianhui", required=True, max_length=60),
            Field("title", TEXT, "板块标题", required=True, max_length=40),
            Field("summary", LONGTEXT, "板块概述", max_length=300),
        ),
    ),
)

SITE = Kind("site", "", "站点设置", fields=SITE_FIELDS, title_field="")

EXPLANATION_LIMIT = 500  # 字, the national rules' limit for a criterion's explanation

CRITERION = Kind(
    "criterion",
    "criteria",
    "考核标准",
    fields=(
        Field(
            "title",
            TEXT,
            "名称",
            "测评项目或测评内容的名称；不知道标准原文时写概括，并保留 wording_known: false",
            required=True,
            max_length=100,
        ),
        Field(
            "item",
            REF,
            "所属测评项目",
            "测评内容所属的测评项目编号（data/criteria/ 中的文件名）；测评项目本身不写",
            ref="criterion",
        ),
        Field("points", NUMBER, "分值", "标准规定的分值；不知道时不写，页面显示“分值待核实”"),
        Field(
            "wording_known",
            BOOL,
            "原文已核实",
            "名称与标准原文逐字一致时写 true；不写或写 false 时页面注明“表述待核实”",
            default=False,
        ),
        Field("note", LONGTEXT, "备注", "出处、待核实的事项等，显示在申报材料页", max_length=300),
        Field(
            "explanation",
            LONGTEXT,
            "情况说明",
            f"对照本条写的简要说明，最多 {EXPLANATION_LIMIT} 字（汉字、字母、数字和标点各算 1 字，空格和换行不计）",
            max_length=5000,
            max_chars=EXPLANATION_LIMIT,
        ),
        Field("province", TEXT, "省份", "标准所属省份，例如 山东省", max_length=20),
        Field("year", INT, "标准年度", "标准发布或适用的年度，例如 2022"),
        Field("order", INT, "排序", "同一层级中的顺序，数字小的在前；不写则排在有序号的之后，按文件名排序"),
    ),
)

RECORD_KINDS: tuple[Kind, ...] = (ENTREPRENEUR, EVENT, HONOR, FIGURE)
KINDS_BY_NAME: dict[str, Kind] = {k.name: k for k in RECORD_KINDS}
KINDS_BY_FOLDER: dict[str, Kind] = {k.folder: k for k in RECORD_KINDS}
# Every kind with a folder under data/: the records and the assessment criteria they cite.
DATA_KINDS: tuple[Kind, ...] = (*RECORD_KINDS, CRITERION)
