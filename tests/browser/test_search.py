"""Real queries against the real search page in Chromium: the right page in the top three.

Run the same way a visitor searches: type into Material's search box and read the
result list the search worker produces from the built index.
"""

from __future__ import annotations

import shutil

import pytest
from sitebuild import build_site

from .conftest import REPO, serve

QUERIES = [
    ("薪火工程", "events/2022-xinhuo-peixun/"),
    ("百企帮百村", "events/2020-baiqi-bang-baicun/"),
    ("四好商会", "honors/2022-sheng-sihao-shanghui/"),
    ("知识产权", "events/2022-zhishi-chanquan-pingtai/"),
    ("华商", "events/2022-huashang-jiaoliuhui/"),
    ("双招双引", "events/2022-shuangzhao-fuwuzhan/"),
    ("王示明", "entrepreneurs/wang-shiming/"),
    ("示例海洋食品有限公司", "entrepreneurs/wang-shiming/"),
    ("新能源", "entrepreneurs/li-shihua/"),
]


def search(browser, base_url: str, query: str) -> list[str]:
    """Result links, in order, for a query typed into the search box like a visitor does."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")
    hrefs: list[str] = []
    for _ in range(5):  # the worker may still be building the index: ask again until it answers
        page.keyboard.press("/")  # Material's shortcut focuses the search box
        page.locator("input.md-search__input").fill("")
        page.keyboard.type(query, delay=20)
        page.keyboard.press("End")  # Material searches on key events; typed Chinese arrives as text input
        page.wait_for_timeout(700)
        meta = page.locator(".md-search-result__meta").inner_text()
        if "结果" in meta:  # “n 个符合条件的结果” or “没有找到符合条件的结果”
            hrefs = page.eval_on_selector_all(
                ".md-search-result__item > a.md-search-result__link", "els => els.map(e => e.getAttribute('href'))"
            )
            break
    context.close()
    return [h.split("#")[0].split("?")[0].replace(base_url, "") for h in hrefs]


@pytest.mark.parametrize("query, expected", QUERIES)
def test_query_finds_the_right_page_in_the_top_three(browser, base_url, query, expected):
    results = search(browser, base_url, query)
    assert expected in results[:3], f"{query}: {results[:5]}"


@pytest.fixture(scope="module")
def site_without_dictionary(tmp_path_factory):
    root = tmp_path_factory.mktemp("nodict") / "proj"
    for name in ("data", "docs", "hooks", "overrides"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "data/search-words.txt").unlink()
    out = root / "site"
    import jieba

    jieba.initialize()
    saved = dict(jieba.dt.FREQ), jieba.dt.total
    # a fresh dictionary: words taught by earlier builds in this process must not leak in
    jieba.dt.FREQ.clear()
    jieba.dt.initialized = False
    jieba.dt.initialize()
    try:
        build_site(root, out)
    finally:
        jieba.dt.FREQ.clear()
        jieba.dt.FREQ.update(saved[0])
        jieba.dt.total = saved[1]
    server = serve(out)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_project_dictionary_helps(browser, base_url, site_without_dictionary):
    """Without data/search-words.txt, jieba cuts 执常委 into pieces and the page that names
    the executive committee members (执常委) drops below pages that only mention 执委 or 常委."""
    for query, expected in (("执常委", "events/2022-lingdao-banzi-jianshe-yijian/"),):
        with_dictionary = search(browser, base_url, query)
        without = search(browser, site_without_dictionary, query)
        rank_with = with_dictionary.index(expected)
        rank_without = without.index(expected) if expected in without else len(without)
        assert rank_with < 3
        assert rank_without > rank_with, f"{query}: with {with_dictionary[:5]}, without {without[:5]}"
