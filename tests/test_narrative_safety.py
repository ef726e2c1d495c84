"""Hand-written narratives in docs/ keep Markdown and simple HTML, but lose anything active."""

from __future__ import annotations

from sitebuild import build_site

HOSTILE_NARRATIVE = """\
# 叙述页

正文 **加粗**，[站内链接](index.md)，[外部](https://example.org/)。

<script>alert('narrative')</script>
<iframe src="https://evil.example/"></iframe>
<style>body{display:none}</style>
<div class="grid" onclick="alert(2)"><span style="color:red" onmouseover="alert(3)">文字</span></div>
<a href="javascript:alert(4)">脚本链接</a> <a href="data:text/html,x">数据链接</a>
<svg onload="alert(5)"><circle r="4"/></svg>
<form action="https://evil.example/"><input name="x"></form>

| 甲 | 乙 |
|---|---|
| 1 | 2 |
"""


def test_active_content_is_removed_from_narratives(project, tmp_path):
    project.write("docs/story.md", HOSTILE_NARRATIVE)
    site = build_site(project.root, tmp_path / "out")
    html = (tmp_path / "out/story/index.html").read_text(encoding="utf-8")
    article = site.content("story/")
    for bad in ("alert(", "evil.example", "javascript:", "data:text", "onclick", "onmouseover", "onload"):
        assert bad not in str(article), bad
    assert article.find("iframe") is None and article.find("form") is None and article.find("svg") is None
    assert article.find("style") is None and not article.select("[style]")
    # what editors legitimately use survives
    assert article.find("strong").get_text() == "加粗"
    assert article.select_one("div.grid") is not None
    assert article.find("table") is not None
    assert article.find("a", href="https://example.org/") is not None
    assert not [rel for rel in site.search_files if "alert(" in site.text_of(site.out / rel)]
    assert "<script>alert('narrative')" not in html
