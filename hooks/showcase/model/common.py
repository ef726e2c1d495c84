"""Fields several record kinds share, and the small structures inside records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..schema import (
    AREA,
    AttachmentList,
    Bool,
    ImageType,
    LongText,
    Object,
    ObjectList,
    Private,
    Ref,
    RefList,
    Tags,
    Text,
    Url,
    spec,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    title: str = spec("链接文字", Text(max_length=100, example_text="新闻报道"), required=True)
    url: str = spec(
        "网址", Url(max_length=500, example_text="https://example.org/news/1"), "https:// 开头的网址，或站内路径如 events/2022-xinhuo-peixun/", required=True
    )

    @property
    def external(self) -> bool:
        return ":" in self.url.split("/")[0]

    @property
    def site_path(self) -> str:
        """For a site-relative link: the path from the site root, without a leading slash."""
        return self.url.lstrip("/")


IMAGE_HELP = "图片路径相对于 data/ 文件夹，例如 photos/zhang-san.jpg；alt 写图片内容的文字说明"


def image_spec(label: str, file_stem: str = "") -> Any:
    return spec(label, ImageType(file_stem=file_stem), IMAGE_HELP, form_help="上传图片，并用一句话写替代文字（图片内容的说明）")


def published_spec() -> Any:
    return spec(
        "是否发布", Bool(), "写 false 则不发布：不生成页面，也不出现在任何列表和搜索中", default=True,
        form_help="关闭则不发布：不生成页面，也不出现在任何列表和搜索中（文件保留）",
    )


def private_spec() -> Any:
    return spec("内部信息", Private(), "内部备注、联系方式等；任何情况下都不会出现在网站上", kept=False)


def tags_spec() -> Any:
    return spec(
        "标签", Tags(max_length=30, example_words=("培训", "党建")), "若干个简短标签，例如 [党建, 培训]",
        form_help="每个框写一个简短标签，例如 党建",
    )


def area_spec(required: bool = False) -> Any:
    return spec(
        "所属工作板块", Ref(AREA), "site.yml 中 areas 列出的板块编号", required=required,
        form_help="从站点设置的工作板块中选择",
    )


def summary_spec() -> Any:
    return spec("摘要", Text(max_length=300, example_text="一两句话概括，显示在列表和卡片上。"), "一两句话的概括，显示在列表和卡片上")


def date_note_spec() -> Any:
    return spec(
        "日期说明",
        LongText(max_length=200, example_text="报告未载明具体日期，按自查报告年度记录。"),
        "日期不确切（例如报告只写了年份，按报告年度记录）时写明依据；只给编辑看：列入完整性报告，"
        "在预览中显示，不发布到网站",
        situational=True,
    )


def criteria_spec() -> Any:
    return spec(
        "对应考核标准",
        RefList("criterion"),
        "这条材料佐证的考核标准编号（data/criteria/ 中的文件名），例如 [zuzhi-lingdao-gongzuo-bushu]；可写多个",
        form_help="这条材料佐证的考核标准，可选多条（输入名称中的字查找）",
    )


def former_ids_spec() -> Any:
    return spec(
        "原编号",
        RefList(None, example_ids=("2022-yuan-bianhao",)),
        "改过文件名（编号）时写上原来的编号，例如 [2022-old-id]：旧网址会自动转到新网址",
        situational=True,
        form_help="改过文件名（编号）时写上原来的编号，例如 2022-old-id：旧网址会自动转到新网址",
    )


def documents_spec() -> Any:
    return spec(
        "佐证文件",
        AttachmentList(),
        "评审人员可以打开核实的文件、纪要、证书、报道等：每份写 file（data/documents/ 中的文件）、title 和 kind",
    )


def links_spec() -> Any:
    return spec(
        "相关链接", ObjectList(Link), "新闻报道、官方通知等；每项写 title 和 url", form_help="新闻报道、官方通知等：每项写链接文字和网址"
    )


__all__ = [
    "Link", "Object", "area_spec", "criteria_spec", "date_note_spec", "documents_spec", "former_ids_spec", "image_spec", "links_spec",
    "private_spec",
    "published_spec", "summary_spec", "tags_spec",
]
