"""A small project that shows every part of the showcase's look: an emblem, a photo, a rank, a
percentage and a withheld headline figure, a summary repeated in its body, a dated sign-off,
criteria for the dossier and a narrative with figures in its sentences. Used by the build
tests (test_presentation.py) and the browser tests (browser/test_look.py)."""

from __future__ import annotations

import io

from PIL import Image
from projectkit import SITE_YML, Project

SITE_URL = "https://example.org/wenming/"
CONSENT = "consent:\n  date: 2023-01-01\n  scope: 同意公开姓名和事迹\n"
UNIT = "测试市测试协会"
DATE = "2023年10月20日"


def png(size: tuple[int, int], colour: tuple[int, int, int, int] = (159, 29, 34, 255)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def write_fixture(project: Project, *, site_url: str | None = None) -> None:
    site = SITE_YML.replace(
        "  region: 测试省测试市\n",
        "  region: 测试省测试市\n  emblem:\n    src: photos/emblem.png\n    alt: 测试协会标志\n",
    ).replace("  year: 2023\n", "  year: 2023\n  date: 2023-10-20\n")
    project.write("data/site.yml", site + "assessment:\n  standard: 测试标准\n")
    project.write_bytes("data/photos/emblem.png", png((300, 240), (0, 0, 0, 0)))
    project.write_bytes("data/photos/p1.png", png((900, 600), (40, 90, 160, 255)))
    project.write("data/criteria/zuzhi.yml", "title: 组织领导\norder: 1\nexplanation: 说明。\n")
    project.write(
        "data/events/e-repeat.yml",
        "title: 重复摘要的活动\ndate: 2023-05-01\ncategory: 教育培训\narea: area-one\n"
        "summary: 启动助力行动，对重点村开展结对帮扶。\nbody: |\n  启动助力行动，对重点村开展结对帮扶。\n\n  第二段正文。\n"
        "photos:\n  - src: photos/p1.png\n    alt: 活动现场\ncriteria: [zuzhi]\n",
    )
    project.write(
        "data/events/e-own.yml",
        "title: 另写摘要的活动\ndate: 2023-04-01\ncategory: 教育培训\narea: area-one\n"
        "summary: 一句不同的摘要。\nbody: 正文说的是别的事情，篇幅更长一些。\nsessions: '**'\nparticipants: 120\n",
    )
    project.write(
        "data/figures/rank.yml",
        "label: 捐款数全省排名\nvalue: 2\nunit: 名\nmeasure: 排名\nas_of: 2023\narea: area-one\nheadline: true\n"
        "source: events/e-own\n",
    )
    project.write(
        "data/figures/cover.yml",
        "label: 党组织覆盖率\nvalue: 100\nunit: '%'\nas_of: 2023\narea: area-one\nheadline: true\nsource: events/e-own\n",
    )
    project.write(
        "data/figures/hidden.yml",
        "label: 未公开的头条数据\nvalue: '**'\nunit: 家\nas_of: 2023\narea: area-one\nheadline: true\nsource: events/e-repeat\n",
    )
    project.write("data/entrepreneurs/zhang-san.yml", f"name: 张三\ncompany: 测试公司\nsummary: 张三的简介。\n{CONSENT}")
    project.write(
        "docs/areas/area-one.md",
        "# 第一板块\n\n组建异地商会[[figure:hidden]]，位列全省[[figure:rank]]，覆盖率[[figure:cover]]。\n",
    )
    if site_url:
        config = project.root / "mkdocs.yml"
        config.write_text(f"site_url: {site_url}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
