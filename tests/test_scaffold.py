"""``showcase new``: commented record files with pinyin ids; the clean-YAML writer they share with import."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml
from datakit import CJK, IMAGE_BYTES, PERSON, load_ok, problems_of, report
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfkit import make_pdf
from showcase import model as schema
from showcase.core.problems import Problems
from showcase.load import yamlfile as yamlsource
from showcase.tools.cli import main
from showcase.tools.ids import derive_id, id_problem, person_slug, slugify, unique_id
from showcase.tools.scaffold import ScaffoldError, create_record
from showcase.tools.yamlwrite import dump_record as dump_fields
from showcase.tools.yamlwrite import quoted, scalar


def dump_record(kind, values):
    return dump_fields(kind.fields, values)


KINDS = [schema.EVENT, schema.HONOR, schema.ENTREPRENEUR]


# -- ids ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "title", "date", "expected"),
    [
        (schema.EVENT, "薪火培训", "2022-05-01", "2022-xinhuo-peixun"),
        (schema.EVENT, "新生代企业家“薪火”培训", "2022", "2022-xinshengdai-qiyejia-xinhuo-peixun"),
        (schema.EVENT, "2022年度全省四好商会", "2022", "2022-quansheng-sihao-shanghui"),
        (schema.EVENT, "绿色发展ABC论坛", "2021-03", "2021-lvse-fazhan-abc-luntan"),
        (schema.EVENT, "！！！", "2022", "2022-event"),
        (schema.HONOR, "优秀建设者", "2022", "2022-youxiu-jianshezhe"),
        (schema.HONOR, "重庆长江座谈会", None, "chongqing-changjiang-zuotanhui"),
        (schema.ENTREPRENEUR, "张示国", None, "zhang-shiguo"),
        (schema.ENTREPRENEUR, "欧阳娜娜", None, "ouyang-nana"),
        (schema.ENTREPRENEUR, "曾小明", None, "zeng-xiaoming"),
        (schema.ENTREPRENEUR, "John Smith", None, "john-smith"),
    ],
)
def test_ids_from_chinese_titles_and_names(kind, title, date, expected):
    record_id = derive_id(kind, title, date)
    assert record_id == expected
    assert id_problem(record_id) is None


def test_long_titles_are_cut_at_a_word():
    slug = slugify("抗击新冠疫情中被全国工商联通报表扬并获得省级文明单位称号的民营企业家代表座谈会")
    assert len(slug) <= 40 and not slug.endswith("-") and slug.count("-") <= 4
    assert person_slug("张") == "zhang"


@given(st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_any_title_gives_a_valid_id(title):
    for kind in KINDS:
        assert id_problem(derive_id(kind, title, "2022")) is None


def test_unique_id_and_id_problems():
    assert unique_id("a", {"a", "a-2"}) == "a-3"
    assert unique_id("a", set()) == "a"
    message = id_problem("2022_Xinhuo Peixun")
    assert message and "例如 2022-xinhuo-peixun" in message
    assert "例如 2022-xinhuo-peixun" in id_problem("2022年薪火培训")
    assert id_problem("-a") and id_problem("a--b") and id_problem("a.yml") and not id_problem("a-1")


# -- clean YAML ---------------------------------------------------------------------------------


@given(st.text(max_size=80))
@settings(max_examples=400, deadline=None)
def test_scalars_read_back_exactly(text):
    for flow in (False, True):
        doc = f"k: [{scalar(text, flow=True)}]" if flow else f"k: {scalar(text)}"
        expected = [text] if flow else text
        if text.strip() == "" and not flow:
            expected = text
        assert yaml.safe_load(doc) == {"k": expected}, doc
    # the project's own reader sees the same text
    problems = Problems()
    value = yamlsource.parse(f"k: {quoted(text)}\n", "x.yml", problems)
    assert not problems and value.get("k").text == text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200))
@settings(max_examples=200, deadline=None)
def test_markdown_blocks_read_back(body):
    text = dump_record(schema.EVENT, {"title": "t", "body": body})
    loaded = yaml.safe_load(text)
    clean = "\n".join(line.rstrip() for line in body.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n"))
    assert (loaded.get("body") or "").rstrip("\n") == clean


def test_dump_record_quotes_dates_and_withheld_numbers():
    text = dump_record(
        schema.HONOR,
        {"date": "2022", "title": "是", "count": "**", "recipient": {"name": "yes", "type": "企业"}, "tags": ["a, b", "c"]},
    )
    assert text == (
        "title: 是\n"
        'date: "2022"\n'
        "recipient:\n"
        "  type: 企业\n"
        '  name: "yes"\n'
        'count: "**"\n'
        'tags: ["a, b", c]\n'
    )
    photos = dump_record(schema.EVENT, {"photos": [{"src": "photos/a.jpg", "alt": "说明"}]})
    assert photos == "photos:\n  - src: photos/a.jpg\n    alt: 说明\n"


# -- showcase new --------------------------------------------------------------------------------


def test_new_event_validates_as_is_and_is_published(project):
    created = create_record(project.root, schema.EVENT, "薪火培训", date="2022-05-01")
    assert created.path == project.root / "data/events/2022-xinhuo-peixun.yml"
    assert created.url == "/events/2022-xinhuo-peixun/"
    assert not created.unpublished and not created.placeholders
    event = load_ok(project).events["2022-xinhuo-peixun"]
    assert event.title == "薪火培训" and event.date.iso == "2022-05-01"


def test_new_event_defaults_to_today(project):
    created = create_record(project.root, schema.EVENT, "今天的活动")
    today = dt.date.today()
    assert created.record_id.startswith(f"{today.year}-")
    text = created.path.read_text(encoding="utf-8")
    assert f'date: "{today.isoformat()}"' in text and "【示例值】已填今天的日期" in text


@pytest.mark.parametrize("kind", [schema.HONOR, schema.ENTREPRENEUR], ids=lambda k: k.name)
def test_new_honor_and_entrepreneur_validate_but_wait_unpublished(project, kind):
    created = create_record(project.root, kind, "张三" if kind is schema.ENTREPRENEUR else "全省四好商会", date="2022")
    assert created.unpublished and created.placeholders
    data = load_ok(project)
    assert data.unpublished[kind.folder] == (created.record_id,)
    text = created.path.read_text(encoding="utf-8")
    assert "【待填写】" in text and "published: false" in text


def test_new_honor_uses_the_unit_name_from_site_yml(project):
    created = create_record(project.root, schema.HONOR, "全省四好商会", date="2022")
    assert re.search(r"^  type: 本单位\n(  #.*\n)*  name: 测试市测试协会\n", created.path.read_text(encoding="utf-8"), re.MULTILINE)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_template_explains_every_field_in_chinese(project, kind):
    created = create_record(project.root, kind, "某某" if kind is schema.ENTREPRENEUR else "某活动", date="2022")
    text = created.path.read_text(encoding="utf-8")
    for spec in kind.fields:
        assert re.search(rf"^(# )?(例如：)?{spec.name}:", text, re.MULTILINE), spec.name
        assert f"# {spec.label}" in text
        for sub in spec.fields:
            assert f"{sub.name}:" in text and sub.label in text
    for line in text.splitlines():
        assert line == line.rstrip()
        if line.lstrip().startswith("#") and not re.match(r"^\s*# [ a-z_-]", line):
            assert CJK.search(line), line  # help comments are Chinese
    assert "area-one（第一板块）" in text or kind is schema.ENTREPRENEUR


def _uncomment(text: str, skip: tuple[str, ...] = ()) -> str:
    """Do what the file tells the editor: delete “# ” before every commented-out field."""
    out = []
    for line in text.splitlines():
        match = re.match(r"^(\s*)# ((?:[a-z_]+:|- |  ).*)$", line)
        if match and not any(match.group(2).lstrip().startswith(s) for s in skip):
            out.append(match.group(1) + match.group(2))
        else:
            out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_uncommenting_every_example_still_validates(project, kind):
    project.write("data/entrepreneurs/zhang-san.yml", PERSON)
    project.write("data/entrepreneurs/li-si.yml", PERSON)
    title = "王五" if kind is schema.ENTREPRENEUR else "示例记录"
    created = create_record(project.root, kind, title, date="2022-05-01")
    for name in (f"{created.record_id}.jpg", f"{created.record_id}-1.jpg", f"{created.record_id}-certificate.jpg"):
        project.write_bytes(f"data/photos/{name}", IMAGE_BYTES)
    project.write_bytes(f"data/documents/{created.record_id}.pdf", make_pdf(["A sample document"]))
    skip = ("entrepreneur:",) if kind is schema.HONOR else ()  # recipient is 本单位: name, not entrepreneur
    full = _uncomment(created.path.read_text(encoding="utf-8"), skip)
    full = full.replace("published: false", "published: true")
    created.path.write_text(full, encoding="utf-8")
    data = load_ok(project)
    record = data.by_folder(kind.folder)[created.record_id]
    assert record is not None


def test_refuses_an_existing_id_in_any_case(project):
    project.write("data/events/sub/2022-Xinhuo-Peixun.yml", "title: 旧\n")
    with pytest.raises(ScaffoldError, match=r"已被 data/events/sub/2022-Xinhuo-Peixun.yml 使用.*2022-xinhuo-peixun-2"):
        create_record(project.root, schema.EVENT, "薪火培训", date="2022")
    with pytest.raises(ScaffoldError, match="已被"):
        create_record(project.root, schema.EVENT, "别的", record_id="2022-xinhuo-peixun", date="2022")
    assert create_record(project.root, schema.EVENT, "别的", record_id="2022-xinhuo-peixun-2.yml", date="2022").record_id == (
        "2022-xinhuo-peixun-2"
    )


@pytest.mark.parametrize("bad", ["2022_xinhuo", "Xinhuo", "新活动", "a b", "-a", "a-"])
def test_refuses_an_invalid_id(project, bad):
    with pytest.raises(ScaffoldError, match="无效"):
        create_record(project.root, schema.EVENT, "活动", record_id=bad)
    assert not (project.root / "data/events").exists()


def test_refuses_a_bad_date_and_a_missing_data_folder(project, tmp_path):
    with pytest.raises(ScaffoldError, match="日期“2022-13”无效"):
        create_record(project.root, schema.EVENT, "活动", date="2022-13")
    with pytest.raises(ScaffoldError, match="找不到 data/ 文件夹"):
        create_record(tmp_path, schema.EVENT, "活动")


def test_a_filled_template_with_a_mistake_gives_a_clear_error(project):
    created = create_record(project.root, schema.EVENT, "薪火培训", date="2022")
    text = created.path.read_text(encoding="utf-8").replace("category: 精神文明创建", "category: 培训")
    created.path.write_text(text, encoding="utf-8")
    items = problems_of(project)
    assert len(items) == 1, report(items)
    assert items[0].field == "category" and "是否想写“教育培训”" in items[0].message


def test_cli_new(project, capsys):
    root = str(project.root)
    assert main(["new", "event", "--title", "薪火培训", "--date", "2022-05", "--root", root]) == 0
    out = capsys.readouterr().out
    assert out.startswith("已新建 data/events/2022-xinhuo-peixun.yml（网址 /events/2022-xinhuo-peixun/）")
    assert main(["new", "活动", "--title", "薪火培训", "--date", "2022-05", "--root", root]) == 1
    assert "没有新建文件：编号“2022-xinhuo-peixun”已被" in capsys.readouterr().err
    assert main(["new", "entrepreneur", "--name", "张三", "--root", root]) == 0
    out = capsys.readouterr().out
    assert "data/entrepreneurs/zhang-san.yml" in out and "必须填写：企业、一句话简介" in out and "暂不发布" in out
    assert main(["new", "figure", "--title", "x", "--root", root]) == 2
    assert main(["new", "honor", "--root", root]) == 2
    assert "--title" in capsys.readouterr().err
    assert main(["check", "--root", root]) == 0
