"""``showcase init DIR``: a new unit's project, without the example's content.

The new folder holds the product (hooks/, overrides/, tests/, scripts/, guides, requirements…,
copied from this installation) and the unit's own three parts, written fresh:

- ``data/site.yml`` with every field explained in Chinese, the unit's name, title applied for,
  year and work areas filled from the options (or marked 【待填写】);
- one sample record of each kind (an event, an honor, an entrepreneur, a key figure), marked
  示例, so the site shows every page kind at once; ``sample: true`` until they are replaced;
- ``docs/``: the home page's opening text and one narrative per work area, to be written;
- ``mkdocs.yml``: the product's configuration with the unit's site name.

``showcase check`` then lists what is still to do (【待填写】 markers, sample records).
"""

from __future__ import annotations

import datetime as _dt
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..core.text import id_shape_ok
from ..load.synonyms import DEFAULT_SYNONYMS, SYNONYMS_FILE
from ..model import ENTREPRENEUR, EVENT, FIGURE, HONOR, SITE, Kind
from .ids import slugify
from .project import ProjectInfo
from .scaffold import TODO, field_comment, template_lines
from .yamlwrite import field_lines, write_text

PRODUCT = Path(__file__).resolve().parents[3]  # the checkout this package runs from
# What a new project takes from the product as it is (the unit's data/, docs/ and mkdocs.yml are new).
PRODUCT_PARTS = (
    "hooks", "overrides", "tests", "scripts", "deploy", "guide", "schemas", "import-templates", "benchmarks",
    ".ci", ".vscode", "requirements.txt", "requirements-dev.txt", "pyproject.toml", "package.json",
    "package-lock.json", "README.md", ".gitignore", ".gitattributes", "mkdocs-offline.yml", "BENCHMARKS.md",
    # the Windows launchers
    *sorted(p.name for p in PRODUCT.glob("*.cmd")),
)
_IGNORED = shutil.ignore_patterns(
    "__pycache__", "*.pyc", "*.egg-info", ".venv", "node_modules", "results", ".zensical-venv", "artifacts",
)


class InitError(Exception):
    """A refusal explained in Chinese (nothing written)."""


@dataclass
class Unit:
    name: str = f"{TODO}单位全称"
    short_name: str = f"{TODO}简称"
    region: str = f"{TODO}所在地区"
    title: str = f"{TODO}申报称号"
    year: int = field(default_factory=lambda: _dt.date.today().year)
    areas: list[str] = field(default_factory=lambda: ["工作板块一", "工作板块二"])


def _area_ids(titles: list[str]) -> list[str]:
    ids: list[str] = []
    for number, title in enumerate(titles, start=1):
        candidate = slugify(title) or f"bankuai-{number}"
        if not id_shape_ok(candidate) or candidate in ids:
            candidate = f"bankuai-{number}"
        ids.append(candidate)
    return ids


def site_yaml(unit: Unit) -> str:
    """data/site.yml: every field explained; the unit's answers (or 【待填写】) filled in."""
    ids = _area_ids(unit.areas)
    values = {
        "unit": {"name": unit.name, "short_name": unit.short_name, "region": unit.region},
        "application": {"title": unit.title, "year": unit.year},
        "sample": True,
        "areas": [{"id": aid, "title": title} for aid, title in zip(ids, unit.areas, strict=True)],
    }
    notes = {
        "sample": "新项目中的记录都是示例（标有“示例”）：换成本单位的真实内容后改为 false，页面上的“示例数据”提示随之消失",
        "areas": "自查报告的几个部分。id 用于网址（发布后不要再改），每个板块在 docs/areas/<id>.md 有一篇叙述",
    }
    header = [
        "# 站点设置：单位、申报称号和年度、联系方式、备案号、工作板块、本单位的分类。",
        "# 以“#”开头的行是说明，不会生效。要填写某个可选字段，删除它行首的“# ”（注意保留缩进）。",
        f"# 标有{TODO}的内容请改为实际内容。改完后运行 showcase check 检查；详细说明见 guide/编辑指南.md。",
        "",
    ]
    body = template_lines(SITE.fields, values, notes, ProjectInfo().describing(), "", "")
    return "\n".join(header + body) + "\n"


def _record(kind: Kind, values: dict[str, object], note: str) -> str:
    header = [
        f"# {kind.label}的示例：请改成本单位的真实{kind.label}，或删除这个文件。",
        f"# {note}",
        "# 各字段的说明见 guide/编辑指南.md；也可以运行 showcase new 新建一条带说明的记录。",
        "",
    ]
    body: list[str] = []
    for f in kind.fields:
        if f.name in values:
            body.extend(f"# {line}" for line in field_comment(f, ProjectInfo().describing()))
            body.extend(field_lines(f, f.name, values[f.name]))
            body.append("")
    return "\n".join(header + body).rstrip() + "\n"


def sample_records(unit: Unit) -> dict[str, str]:
    """One sample record of each kind (marked 示例), path → text."""
    year = unit.year
    area = _area_ids(unit.areas)[0]
    return {
        f"data/events/{year}-shili-huodong.yml": _record(
            EVENT,
            {"title": "示例活动：学习交流会", "date": f"{year}-05-01", "category": "精神文明创建", "area": area,
             "summary": "示例：一两句话概括这项活动。", "entrepreneurs": ["shili-qiyejia"], "tags": ["示例"]},
            "文件名就是网址：data/events/<编号>.yml → /events/<编号>/",
        ),
        f"data/honors/{year}-shili-rongyu.yml": _record(
            HONOR,
            {"title": "示例荣誉：先进集体", "level": "市级", "awarding_body": "示例授予单位", "date": str(year),
             "recipient": {"type": "本单位", "name": unit.name}, "area": area},
            "获得者是企业家时，recipient 写 type: 企业家 和 entrepreneur: 企业家编号",
        ),
        "data/entrepreneurs/shili-qiyejia.yml": _record(
            ENTREPRENEUR,
            {"name": "示例企业家", "company": "示例有限公司", "summary": "示例：一句话介绍这位企业家。",
             "consent": {"date": f"{year}-01-01", "scope": "示例：同意公开姓名、企业信息和事迹"}},
            "发布在世人物的资料须有本人书面同意（consent）；未取得同意时写 published: false",
        ),
        "data/figures/shili-shuju.yml": _record(
            FIGURE,
            {"label": "示例数据：参加活动的人次", "value": "100", "unit": "人次", "as_of": str(year), "area": area,
             "headline": True},
            "报告中隐去的数字写 \"**\"（要加引号）",
        ),
    }


def narratives(unit: Unit) -> dict[str, str]:
    pages = {
        "docs/index.md": (
            f"# {unit.name}文明单位创建工作展示\n\n"
            f"{TODO}首页导语（示例）：用两三段话介绍本单位和创建{unit.title}的总体情况。\n"
        )
    }
    for aid, title in zip(_area_ids(unit.areas), unit.areas, strict=True):
        pages[f"docs/areas/{aid}.md"] = (
            "---\n# 这篇叙述佐证的考核标准编号（data/criteria/ 中的文件名），例如 criteria: [bianhao]\n---\n"
            f"# {title}\n\n{TODO}这一板块的工作叙述（示例）。数据可以用 \\[[figure:编号]] 嵌入，见编辑指南 4.6 节。\n"
        )
    return pages


def mkdocs_yaml(unit: Unit) -> str:
    """The product's mkdocs.yml with the unit's site name (the description comes from site.yml)."""
    text = (PRODUCT / "mkdocs.yml").read_text(encoding="utf-8")
    name = unit.short_name if not unit.short_name.startswith(TODO) else "文明单位"
    text = re.sub(r"(?m)^site_name:.*$", f"site_name: {name}文明单位创建展示", text, count=1)
    return re.sub(r"(?m)^site_description:.*\n", "", text)


def init_project(target: Path, unit: Unit) -> list[Path]:
    """Create the project folder; return the files written for the unit."""
    if target.exists() and any(target.iterdir()):
        raise InitError(f"{target} 已存在且不是空文件夹：请换一个新文件夹的名字，以免覆盖其中的文件")
    if not (PRODUCT / "hooks" / "site.py").is_file():
        raise InitError("找不到产品文件（hooks/site.py）：请在产品的项目文件夹中运行这个命令")
    target.mkdir(parents=True, exist_ok=True)
    for part in PRODUCT_PARTS:
        source = PRODUCT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=_IGNORED)
        elif source.is_file():
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
    written = {"data/site.yml": site_yaml(unit), "mkdocs.yml": mkdocs_yaml(unit)}
    # the field's default search synonyms, for the unit to edit
    written[SYNONYMS_FILE] = DEFAULT_SYNONYMS.read_text(encoding="utf-8")
    written.update(sample_records(unit))
    written.update(narratives(unit))
    for rel, text in written.items():
        write_text(target / rel, text)
    (target / "data" / "criteria").mkdir(parents=True, exist_ok=True)
    (target / "data" / "photos").mkdir(parents=True, exist_ok=True)
    return [target / rel for rel in written]
