"""A minimal valid project written into a folder: data/, docs/ and an mkdocs.yml using the real hooks."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

SITE_YML = """\
unit:
  name: 测试市测试协会
  short_name: 测试协会
  region: 测试省测试市
application:
  title: 市级文明单位
  year: 2023
contact:
  phone: 010-12345678
filing:
  icp: 测ICP备00000001号
sample: false
areas:
  - id: area-one
    title: 第一板块
  - id: area-two
    title: 第二板块
"""


class Project:
    """A throwaway project folder: data/, docs/ and an mkdocs.yml using the real hooks."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "data").mkdir(parents=True)
        (root / "docs").mkdir()
        (root / "docs" / "index.md").write_text("# 测试首页\n\n介绍文字。\n", encoding="utf-8")
        self.write("data/site.yml", SITE_YML)
        shutil.copytree(REPO / "overrides", root / "overrides")
        shutil.copytree(REPO / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
        (root / "mkdocs.yml").write_text(
            textwrap.dedent(
                """\
                site_name: 测试站点
                theme:
                  name: material
                  custom_dir: overrides
                  language: zh
                  font: false
                extra_css:
                  - assets/stylesheets/showcase.css
                plugins: []
                hooks:
                  - hooks/site.py
                """
            ),
            encoding="utf-8",
        )

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def write_bytes(self, rel: str, data: bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path
