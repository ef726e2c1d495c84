"""The editing guide (guide/编辑指南.md) stays true: fields, examples, messages, links, images."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from datakit import IMAGE_BYTES
from projectkit import Project
from showcase import model as schema
from showcase.load import load_project
from showcase.schema import Field
from showcase.tools.cli import main
from showcase.tools.fieldguide import GUIDE_PATH, update_guide

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / GUIDE_PATH
SOURCES = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "hooks" / "showcase").rglob("*.py"))


def guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def test_readme_links_to_the_guide():
    assert "guide/编辑指南.md" in (REPO / "README.md").read_text(encoding="utf-8")


def test_field_tables_are_generated_from_the_schema():
    text = guide_text()
    assert update_guide(text) == text, "运行 showcase guide-fields --write 更新编辑指南中的字段表"


def _paths(fields: tuple[Field, ...], prefix: str = ""):
    for spec in fields:
        path = prefix + spec.name
        yield path
        if spec.fields:
            sub = f"{path}[]." if spec.type.list_like else f"{path}."
            yield from _paths(spec.fields, sub)


@pytest.mark.parametrize("kind", [*schema.RECORD_KINDS, schema.SITE], ids=lambda k: k.name)
def test_every_schema_field_is_in_the_guide(kind):
    text = guide_text()
    for path in _paths(kind.fields):
        assert f"`{path}`" in text, f"{kind.name}: {path} missing from the guide"
    for spec in kind.fields:
        assert spec.label in text


def _examples() -> list[tuple[str, str]]:
    blocks = re.findall(r"```yaml\n(# 文件 (data/[^\n]+\.yml)\n.*?)```", guide_text(), re.DOTALL)
    return [(rel, body) for body, rel in blocks]


def test_record_examples_in_the_guide_are_valid(tmp_path):
    examples = _examples()
    assert {rel.split("/")[1] for rel, _ in examples} == {"events", "honors", "entrepreneurs", "figures"}
    # the guide documents the product's default lists: its examples are checked together in a
    # fresh project that uses them, with the work areas they name
    root = Project(tmp_path / "proj").root
    areas = sorted({area for _, body in examples for area in re.findall(r"^area: (\S+)$", body, re.MULTILINE)})
    with open(root / "data" / "site.yml", "a", encoding="utf-8") as fh:
        fh.writelines(f"  - id: {area}\n    title: 板块 {area}\n" for area in areas)
    for rel, body in examples:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
        for src in re.findall(r"src: (photos/\S+)", body):
            (root / "data" / src).parent.mkdir(parents=True, exist_ok=True)
            (root / "data" / src).write_bytes(IMAGE_BYTES)
    data = load_project(root)  # raises with the full report if an example is wrong
    for rel, _ in examples:
        folder, name = rel.split("/")[1:]
        assert Path(name).stem in data.by_folder(folder), rel


# Messages the guide explains, as fragments that must also still exist in the code.
MESSAGES = [
    "文件不是 UTF-8 编码",
    "在 YAML 中有特殊含义",
    "不能用 Tab 键缩进",
    "这一行的引号没有闭合",
    "这一行的方括号或花括号没有闭合",
    "缺少“字段名: 值”中的冒号",
    "这一行出现了多余的“: ”",
    "缩进不一致",
    "列表项要以“- ”开头并与上一项对齐",
    "一个文件只能写一条记录",
    "未知字段“",
    "缺少必填字段“",
    "不是有效日期",
    "不是可选的",
    "只能写 true 或 false",
    "不是有效的编号",
    "过长（",
    "图片要写成两个子字段",
    "找不到图片文件",
    "无法读取这张图片",
    "图片像素过多",
    "不能用作网址编号",
    "重复（不区分大小写）",
    "找不到编号为“",
    "不是 site.yml 中的工作板块编号",
    "早于开始日期",
    "发布企业家资料须有本人同意",
    "获得者类型为“企业家”时，请写 entrepreneur",
    "只有获得者类型为“企业家”时才能写 entrepreneur",
    "请写获得者名称 name",
    "这个文件不在任何记录文件夹中",
    "找不到 data/ 文件夹",
    "公开页面中已省略此链接",
    "不认识的列名“",
    "缺少必填的“",
    "不会覆盖",
    "找不到姓名为“",
    "不是工作板块。请写板块编号或 site.yml 中的板块标题",
    "这一列没有列名，但有内容",
    "无法识别这个 CSV 文件的编码",
    "（已有文件）",
]


@pytest.mark.parametrize("fragment", MESSAGES)
def test_explained_messages_exist_in_the_guide_and_the_code(fragment):
    assert fragment in guide_text()
    assert fragment in SOURCES.replace('\\"', '"'), f"the code no longer says “{fragment}”: update the guide"


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces → hyphens."""
    text = heading.strip().lower()
    text = "".join(ch for ch in text if ch in " -_" or unicodedata.category(ch)[0] in "LN")
    return text.replace(" ", "-")


def test_links_anchors_and_images_resolve():
    text = guide_text()
    anchors = {_slug(h) for h in re.findall(r"^#{1,6} (.+)$", text, re.MULTILINE)}
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if target.startswith(("http://", "https://")):
            continue
        if target.startswith("#"):
            assert target[1:] in anchors, f"broken anchor {target}"
        else:
            assert (GUIDE.parent / target).is_file(), f"broken link {target}"
    images = re.findall(r"!\[([^\]]*)\]\(([^)]+)\)", text)
    assert images
    for alt, src in images:
        path = GUIDE.parent / src
        assert alt and path.suffix == ".png" and path.stat().st_size < 150_000


def test_commands_named_in_the_guide_exist(capsys):
    text = guide_text()
    commands = set(re.findall(r"showcase ([a-z][a-z-]+)", text))
    assert {"check", "new", "import", "template-sheets", "guide-fields"} <= commands
    for command in commands:
        with pytest.raises(SystemExit) as exc:
            main([command, "--help"])
        assert exc.value.code == 0, command
    capsys.readouterr()
    assert ".venv\\Scripts\\showcase check" in text and "UTF-8" in text
