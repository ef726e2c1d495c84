"""The form editor (showcase edit) driven as an editor would, in headless chromium.

A small project of its own (in a folder whose name has Chinese characters and a space): create
an event with a date, a category, a work area, an entrepreneur picked from the list and an
uploaded photo; edit an honor; withdraw an entrepreneur. The files the editor wrote must pass
the loader, and a build must show the changes. No request may leave 127.0.0.1.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from datakit import PERSON
from PIL import Image
from projectkit import Project
from showcase.load import load_project
from showcase.tools.formeditor import EditorApp, ensure_git_folder
from sitebuild import build_site

from .editorkit import READ_OPFS, OutsideRequests, editor_server, field_group, open_project, save, write_back

PEOPLE = {  # six, so the form offers a searchable list rather than check boxes
    "chen-yi": ("陈一", "甲有限公司"),
    "wang-er": ("王二", "乙有限公司"),
    "zhang-san": ("张三", "丙有限公司"),
    "li-si": ("李四", "丁有限公司"),
    "zhao-liu": ("赵六", "戊有限公司"),
    "sun-qi": ("孙七", "己有限公司"),
}
HONOR = (
    "title: 优秀商会\nlevel: 省级\nawarding_body: 测试省工商联\ndate: 2022\n"
    "recipient:\n  type: 商会\n  name: 测试商会\n"
)


def _photo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), (160, 40, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def _project(root: Path) -> Project:
    project = Project(root)
    for pid, (name, company) in PEOPLE.items():
        project.write(
            f"data/entrepreneurs/{pid}.yml", PERSON.replace("张三", name).replace("测试有限公司", company)
        )
    project.write("data/honors/2022-youxiu-shanghui.yml", HONOR)
    project.write(
        "data/events/2022-jiuhuodong.yml",
        "# 这条是手写的说明\ntitle: 旧活动\ndate: 2022-03\ncategory: 教育培训\ntags: 党建, 培训\n",
    )
    ensure_git_folder(root)
    return project


@pytest.fixture
def editor_page(browser, tmp_path):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 950})
    outside = OutsideRequests(context)
    page = context.new_page()
    yield page, outside
    context.close()


def test_editor_creates_edits_and_withdraws_records(editor_page, tmp_path):
    page, outside = editor_page
    root = tmp_path / "中文 项目"
    _project(root)
    photo = tmp_path / "座谈会 现场.jpg"
    photo.write_bytes(_photo())

    with editor_server(EditorApp(root)) as base:
        open_project(page, base, root)

        # 1. A new event, as an editor fills the form.
        page.goto(base + "#/collections/events/new")
        page.get_by_role("textbox", name="编号", exact=True).fill("2023-zuotanhui")
        page.get_by_role("textbox", name="标题", exact=True).fill("民营企业家座谈会")
        date = page.get_by_role("textbox", name="日期", exact=True)
        date.fill("2023年6月15日")  # the loader reads it, but the form asks for the canonical form
        page.get_by_role("combobox", name="类别").click()
        page.get_by_role("option", name="服务企业", exact=True).click()
        page.get_by_role("radio", name="第一板块").check()
        page.get_by_role("textbox", name="参加人数").fill("**")
        people = page.get_by_role("combobox", name="相关企业家")
        people.click()
        people.press_sequentially("甲有限")  # found by the company, shown with it
        page.get_by_role("option", name="陈一（甲有限公司）").click()
        page.get_by_role("textbox", name="摘要").click()  # closes the list (Escape would close the form)
        photos = field_group(page, "活动照片")
        photos.get_by_role("button", name="添加 \u2068活动照片\u2069").click()
        photos.locator("input[type=file]").first.set_input_files(str(photo))
        photos.get_by_role("textbox", name="替代文字").fill("企业家在座谈会上发言")
        page.get_by_role("button", name="保存", exact=True).click()
        assert page.get_by_text("请写成 2022-05-01 的形式").first.is_visible()  # refused, in Chinese
        date.fill("2023-06-15")
        save(page)

        # 2. An honor gets its document number.
        page.goto(base + "#/collections/honors/entries/2022-youxiu-shanghui")
        page.get_by_role("textbox", name="文号").fill("测工商发〔2022〕8号")
        save(page)

        # 3. An entrepreneur is withdrawn (是否发布 off).
        page.goto(base + "#/collections/entrepreneurs/entries/zhao-liu")
        switch = field_group(page, "是否发布").get_by_role("switch")
        assert switch.get_attribute("aria-checked") == "true"
        switch.click()
        save(page)

        written = write_back(page.evaluate(READ_OPFS), root)

    assert outside.seen == []
    assert "data/events/2023-zuotanhui.yml" in written
    event = yaml.safe_load((root / "data/events/2023-zuotanhui.yml").read_text(encoding="utf-8"))
    assert str(event["date"]) == "2023-06-15"
    assert event["category"] == "服务企业"
    assert event["area"] == "area-one"
    assert event["participants"] == "**"
    assert event["entrepreneurs"] == ["chen-yi"]
    [shown] = event["photos"]
    assert shown["alt"] == "企业家在座谈会上发言"
    assert (root / "data" / shown["src"]).read_bytes() == photo.read_bytes()  # uploaded into data/photos/
    assert Path(shown["src"]).parent.name == "photos"
    honor = yaml.safe_load((root / "data/honors/2022-youxiu-shanghui.yml").read_text(encoding="utf-8"))
    assert honor["document_number"] == "测工商发〔2022〕8号"
    person = yaml.safe_load((root / "data/entrepreneurs/zhao-liu.yml").read_text(encoding="utf-8"))
    assert person["published"] is False

    data = load_project(root)  # raises with every problem if a written file is invalid
    assert data.events["2023-zuotanhui"].entrepreneurs == ("chen-yi",)
    assert data.honors["2022-youxiu-shanghui"].document_number == "测工商发〔2022〕8号"
    assert "zhao-liu" not in data.entrepreneurs
    assert data.unpublished["entrepreneurs"] == ("zhao-liu",)

    site = build_site(root, tmp_path / "site")
    page_text = site.content("events/2023-zuotanhui/").get_text()
    assert "民营企业家座谈会" in page_text and "服务企业" in page_text
    article = site.content("events/2023-zuotanhui/")
    assert article.select_one("img[alt='企业家在座谈会上发言']") is not None
    assert any(a.get("href", "").rstrip("/").endswith("entrepreneurs/chen-yi") for a in site.soup("events/2023-zuotanhui/").select("a"))
    assert "测工商发〔2022〕8号" in site.content("honors/2022-youxiu-shanghui/").get_text()
    assert not site.exists("entrepreneurs/zhao-liu/")
    assert site.exists("entrepreneurs/chen-yi/")


def test_check_panel_shows_the_loaders_problems_where_the_editor_works(editor_page, tmp_path):
    page, outside = editor_page
    root = tmp_path / "project"
    project = _project(root)

    with editor_server(EditorApp(root)) as base:
        open_project(page, base, root)
        panel = page.get_by_role("complementary", name="数据检查")
        panel.get_by_role("button", name="✓ 数据检查通过").wait_for()

        # A problem only the loader sees (the form cannot know the month has 30 days).
        project.write("data/events/2022-jiuhuodong.yml", "# 说明\ntitle: 旧活动\ndate: 2022-04-31\ncategory: 教育培训\n")
        toggle = panel.get_by_role("button", name="✗ 数据有 1 个问题")
        toggle.wait_for(timeout=15000)
        toggle.click()
        problem = panel.get_by_role("link", name="data/events/2022-jiuhuodong.yml 第 3 行（date）")
        assert "2022 年 4 月没有 31 日" in panel.inner_text()
        problem.click()  # opens the record's form
        assert page.get_by_role("textbox", name="标题", exact=True).input_value() == "旧活动"
        assert "注释" in page.get_by_role("note").inner_text()  # saving would drop the comment

        project.write("data/events/2022-jiuhuodong.yml", "title: 旧活动\ndate: 2022-04-30\ncategory: 教育培训\n")
        panel.get_by_role("button", name="✓ 数据检查通过").wait_for(timeout=15000)
    assert outside.seen == []
