"""The search index without MkDocs: features, files, the feature cache, what each page indexes,
and the unit's synonym list (data/search-synonyms.txt)."""

from __future__ import annotations

import json
import zlib

import pytest
from datakit import EVENT, FIGURE, HONOR, PERSON, find, load_ok, problems_of
from showcase.derive.dossier import build_dossier
from showcase.output import searchindex
from showcase.output.pages import plan_pages
from showcase.output.reviewpages import review_pages
from showcase.output.searchdocs import PublishedPage, site_docs
from showcase.output.searchindex import (
    BODY,
    EXACT,
    KEYS,
    TITLE,
    FeatureCache,
    Features,
    SearchDoc,
    body_features,
    build_index,
    compact,
    features,
    field_features,
    index_files,
    is_index_file,
    manifest_key,
    payload,
    script,
)

TEXTS = [
    "2020年抗击新冠疫情捐款捐物，全市民企累计捐款捐物数位列全省第二。",
    "“双50强”评选：组织全市非公有制企业参加，共有35家企业获评。",
    "ABC公司与xyz 2021年合作；见 https://example.org/a?b=1 第3期",
    "全角数字２０２２年和全角字母ＡＢＣ，半角abc。",
    "单字 一 二 三 和 a b c",
    "",
    "！！！……——",
]


# -- features -----------------------------------------------------------------------------

def test_bigrams_words_and_skip_bigrams():
    feats = field_features("2019年薪火工程 培训")
    assert {"2019", "2019年", "年薪", "薪火", "火工", "工程", "培训"} <= set(feats)
    assert "程培" not in feats, "a space ends a run"
    assert "薪*工" not in feats
    assert {"薪*工", "火*程"} <= set(field_features("薪火工程", skip=True))
    assert "党" in field_features("党", skip=True) and "党" not in field_features("党")


@pytest.mark.parametrize("text", TEXTS)
def test_fast_body_features_equal_the_plain_ones(text):
    assert body_features(text) == set(field_features(text))


def test_full_width_digits_and_letters_are_ascii():
    assert "2022年" in body_features("２０２２年") and "abc" in body_features("ＡＢＣ")
    assert compact("“四好”商会 ２０２２") == "四好商会2022"


def test_title_weighs_more_than_keys_lead_and_body():
    doc = SearchDoc("x/", "薪火培训", "创建活动", keys=("红色教育",), lead="百企帮百村", body="乡村振兴")
    f = features(doc)
    assert f.weighted["薪火"] == TITLE and f.weighted["红色"] == KEYS and f.weighted["百企"] == 2
    assert "乡村" in f.body and "乡村" not in f.weighted
    assert f.weighted["^薪火培训"] == EXACT
    both = features(SearchDoc("x/", "薪火培训", "s", body="薪火"))
    assert both.weighted["薪火"] == TITLE + BODY and "薪火" not in both.body


def test_a_part_of_a_page_weighs_less_than_a_page():
    page = features(SearchDoc("x/", "结对帮扶村", "s"))
    part = features(SearchDoc("x/#a", "结对帮扶村", "s", part=True))
    assert part.weighted["帮扶"] < page.weighted["帮扶"]
    assert part.weighted["^结对帮扶村"] == EXACT


def test_markdown_and_html_are_read_as_text():
    md = features(SearchDoc("x/", "t", "s", body="详见[相关报道](https://news.example.org/12345.html)。", body_format="markdown"))
    assert "相关" in md.body and not any(f in md.body for f in ("news", "12345", "html"))
    html = features(SearchDoc("x/", "t", "s", body="<p>法律&amp;服务</p><script>alert(1)</script>", body_format="html"))
    assert "法律" in html.body and "alert" not in html.body


# -- files ----------------------------------------------------------------------------------

def _decode(files, feature):
    manifest = payload(files["search/m.js"])
    shard = payload(files[f"search/s/{zlib.crc32(feature.encode()) % manifest['shards']:x}.js"])
    entry = shard.get(feature)
    if isinstance(entry, str):
        entry = payload(files[f"search/h/{entry}.js"])
    if entry is None:
        return {}
    weights = entry[1] if len(entry) > 1 else [1] * len(entry[0])
    out, d = {}, 0
    for delta, w in zip(entry[0], weights, strict=True):
        d += delta
        out[d] = w
    return out


def _docs(n):
    return [SearchDoc(f"p{i}/", f"第{i}页", "s", body="共同的正文" + ("薪火工程" if i % 3 == 0 else "")) for i in range(n)]


def test_postings_decode_to_pages_and_weights():
    docs = _docs(10) + [SearchDoc("t/", "薪火工程", "s")]
    files = index_files(docs, [features(d) for d in docs], [("薪火", "薪火工程")], key="k")
    assert _decode(files, "薪火") == {0: 1, 3: 1, 6: 1, 9: 1, 10: TITLE}
    manifest = payload(files["search/m.js"])
    assert manifest["n"] == 11 and manifest["syn"] == [["薪火", "薪火工程"]] and manifest["key"] == "k"
    rows = payload(files["search/d/0.js"])
    assert rows[10] == ["t/", "薪火工程", "s", ""]
    assert all(is_index_file(rel) for rel in files)


def test_words_on_most_pages_keep_only_their_title_and_key_postings():
    docs = [SearchDoc(f"p{i}/", f"第{i}页", "s", body="共同的正文" + ("薪火" if i % 5 == 0 else "")) for i in range(200)]
    docs.append(SearchDoc("t/", "共同", "s"))
    files = index_files(docs, [features(d) for d in docs])
    assert _decode(files, "共同") == {200: TITLE}  # on every page: only where it is the title
    assert len(_decode(files, "薪火")) == 40  # on a fifth of the pages: kept


def test_long_postings_get_a_file_of_their_own(monkeypatch):
    monkeypatch.setattr(searchindex, "HEAVY", 5)
    docs = _docs(30)
    files = index_files(docs, [features(d) for d in docs])
    assert any(rel.startswith("search/h/") for rel in files)
    assert len(_decode(files, "薪火")) == 10


def test_index_files_are_one_script_call_with_no_markup():
    text = script("d0", [["x/", "<script>alert(1)</script>", "s", "&lt;"]])
    assert "<" not in text and text.startswith('__sx("d0",')
    assert payload(text) == [["x/", "<script>alert(1)</script>", "s", "&lt;"]]


def test_an_unchanged_index_is_not_written_again():
    docs = _docs(5)
    key, files = build_index(docs, ())
    assert files is not None and manifest_key(files["search/m.js"]) == key
    again, none = build_index(docs, (), previous_manifest=lambda: files["search/m.js"])
    assert again == key and none is None
    changed, files2 = build_index(docs[:4], (), previous_manifest=lambda: files["search/m.js"])
    assert changed != key and files2 is not None
    _, with_synonyms = build_index(docs, [("薪火", "火种")], previous_manifest=lambda: files["search/m.js"])
    assert with_synonyms is not None


def test_the_feature_cache_keeps_what_a_build_used(tmp_path):
    path = tmp_path / "features.json"
    docs = _docs(4)
    cache = FeatureCache(path)
    first = [cache.features(d) for d in docs]
    cache.save()
    assert cache.computed == 4
    again = FeatureCache(path)
    second = [again.features(d) for d in docs[:2]]
    assert again.computed == 0
    assert [f.weighted for f in second] == [f.weighted for f in first[:2]]
    assert [set(f.body) for f in second] == [set(f.body) for f in first[:2]]
    new = SearchDoc("n/", "新页", "s")
    again.features(new)
    again.save()
    kept = json.loads(path.read_text(encoding="utf-8"))["pages"]
    assert set(kept) == {docs[0].digest(), docs[1].digest(), new.digest()}
    path.write_text("{broken", encoding="utf-8")
    broken = FeatureCache(path)
    assert broken.features(new).weighted == features(new).weighted and broken.computed == 1


def test_features_survive_their_json_form():
    f = features(SearchDoc("x/", "薪火工程", "s", keys=("培训",), body="正文 内容"))
    back = Features.from_json(json.loads(json.dumps(f.to_json())))
    assert back.weighted == f.weighted and set(back.body) == set(f.body)


# -- what the pages put into the index --------------------------------------------------------

@pytest.fixture
def dataset(project):
    project.write("data/entrepreneurs/zhang-san.yml", PERSON + "industry: 新能源\nbiography: 创办了**测试**公司。\n")
    project.write("data/entrepreneurs/hidden.yml", PERSON.replace("张三", "隐藏者") + "published: false\n")
    project.write("data/events/e1.yml", EVENT + "summary: 活动摘要\nlocation: 测试会议室\ntags: [薪火工程]\narea: area-one\n"
                  "entrepreneurs: [zhang-san]\nprivate:\n  note: 内部备注绝密\n")
    project.write("data/events/e2.yml", EVENT.replace("测试活动", "不公开的活动") + "published: false\n")
    project.write("data/honors/h1.yml", HONOR.replace("  type: 企业\n  name: 测试企业\n", "  type: 企业家\n  entrepreneur: zhang-san\n"))
    project.write("data/figures/f1.yml", FIGURE)
    return load_ok(project)


def _url(src: str) -> str:
    path = src.removesuffix(".md")
    if path == "index":
        return "./"
    return path.removesuffix("index") if path.endswith("/index") else path + "/"


def _site_docs(project, data):
    specs = plan_pages(data, lambda src: (project.root / "docs" / src).is_file()) + review_pages(data)
    pages = [PublishedPage(s.src_uri, _url(s.src_uri), s.title, s, "<p>首页正文</p>" if not s.generated else None)
             for s in specs]
    return site_docs(data, pages, lambda: build_dossier(data))


def test_records_sections_and_parts_are_results(project, dataset):
    docs = {d.url: d for d in _site_docs(project, dataset)}
    event = docs["events/e1/"]
    assert event.title == "测试活动" and event.section == "创建活动" and event.summary == "活动摘要"
    assert {"教育培训", "测试会议室", "2022年5月1日", "薪火工程", "第一板块"} <= set(event.keys)
    honor = docs["honors/h1/"]
    assert "张三" in honor.keys, "an honour is found by its recipient's name"
    person = docs["entrepreneurs/zhang-san/"]
    assert person.body_format == "markdown" and "创办了" in person.body and "新能源" in person.keys
    figure = docs["figures/#f1"]
    assert figure.part and figure.title == "测试数据" and "35" in figure.summary
    sections = {d.title: d for d in docs.values() if d.section == "栏目"}
    assert set(sections) == {"企业家风采", "创建活动", "荣誉墙", "主要数据"}
    assert "荣誉" in sections["荣誉墙"].names and "企业家" in sections["企业家风采"].names
    report = next(d for d in docs.values() if d.title == "自查报告")
    assert "报告" in report.names and "市级文明单位自查报告" in report.names


def test_tags_unpublished_and_private_never_reach_the_index(project, dataset):
    docs = _site_docs(project, dataset)
    assert not [d.url for d in docs if d.url.startswith("tags")]
    text = json.dumps([d.__dict__ for d in docs], ensure_ascii=False)
    for absent in ("隐藏者", "不公开的活动", "内部备注绝密", "hidden", "e2"):
        assert absent not in text, absent


# -- the unit's synonyms -------------------------------------------------------------------------

def test_synonym_groups_are_read(project):
    project.write("data/search-synonyms.txt", "# 说明\n扶贫 脱贫、帮扶  # 行尾说明\n\n抗疫，疫情防控\n")
    assert load_ok(project).synonyms == (("扶贫", "脱贫", "帮扶"), ("抗疫", "疫情防控"))


def test_without_a_synonym_file_the_fields_default_list_is_used(project):
    groups = load_ok(project).synonyms
    assert ("扶贫", "脱贫", "脱贫攻坚", "精准扶贫", "帮扶", "结对帮扶") in groups and len(groups) >= 10


def test_an_empty_synonym_file_means_no_synonyms(project):
    project.write("data/search-synonyms.txt", "# 本单位不用同义词\n")
    assert load_ok(project).synonyms == ()


def test_the_default_list_is_valid_and_a_new_project_gets_it(tmp_path):
    from showcase.core.problems import Problems
    from showcase.load.synonyms import DEFAULT_SYNONYMS, read_synonyms

    problems: Problems = Problems()
    groups = read_synonyms(tmp_path, problems, [])  # no data/: the default list
    assert not problems and groups
    assert DEFAULT_SYNONYMS.read_text(encoding="utf-8").count("\n") >= len(groups)


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("扶贫\n", 1, "只有一个词"),
        ("扶贫 贫\n", 1, "只有一个字"),
        ("扶贫 “脱贫”\n", 1, "只能有汉字、字母和数字"),
        ("扶贫 脱贫 扶贫\n", 1, "写了两次"),
        ("扶贫 脱贫\n抗疫 扶贫\n", 2, "已写在第 1 行"),
        (" ".join(f"词语{i}" for i in range(13)) + "\n", 1, "最多 12 个"),
        ("扶贫 " + "长" * 21 + "\n", 1, "太长"),
    ],
)
def test_synonym_mistakes_are_reported_with_their_line(project, text, line, words):
    project.write("data/search-synonyms.txt", text)
    problem = find(problems_of(project), contains=words)
    assert (problem.path, problem.line) == ("data/search-synonyms.txt", line)


def test_a_synonym_file_not_in_utf8_is_reported(project):
    project.write_bytes("data/search-synonyms.txt", "扶贫 脱贫\n".encode("gbk"))
    problem = find(problems_of(project), contains="UTF-8")
    assert problem.path == "data/search-synonyms.txt"


def test_the_former_dictionary_only_gets_a_note(project):
    project.write("data/search-words.txt", "薪火工程\n")
    notes = load_ok(project).notes
    assert any("data/search-words.txt" in n and "不再使用" in n for n in notes)
