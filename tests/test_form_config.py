"""The form editor's configuration follows the record kinds' declarations (no MkDocs, no browser).

Every field of every kind and of site.yml is in the form with its label, help and required
flag; choices come from the project's vocabularies; references are pickers; the form's checks
agree with the loader; declaring a new field or kind changes the form.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from datakit import IMAGE_BYTES, load_ok
from hypothesis import given
from hypothesis import strategies as st
from projectkit import Project
from showcase.core.text import url_problem, valid_id
from showcase.core.vocab import Term, Vocabularies
from showcase.model import DATA_KINDS, SITE, describing
from showcase.model.kind import Record, kind
from showcase.schema import (
    AREA,
    Bool,
    Choice,
    Date,
    Describing,
    Field,
    FieldType,
    ImageList,
    Markdown,
    QuantityType,
    Ref,
    RefList,
    Tags,
    Text,
    cms_field,
    parse_date,
    spec,
)
from showcase.schema.numbers import DATE_FORM_PATTERN, QUANTITY_FORM_PATTERN
from showcase.schema.text import URL_FORM_PATTERN
from showcase.tools.formconfig import SLUG_PATTERN, Backend, editor_config, entry_collection, preview_path

REPO = Path(__file__).resolve().parent.parent
SVELTIA_SCHEMA = REPO / "node_modules/@sveltia/cms/schema/sveltia-cms.json"
AREAS = (("area-one", "第一板块"), ("area-two", "第二板块"))


def env(**kwargs) -> Describing:
    return describing(areas=AREAS, **kwargs)


def config(**kwargs) -> dict:
    return editor_config(
        env(), title="测试 · 网站内容编辑", project_name="测试 项目", own_origin="http://127.0.0.1:8765", **kwargs
    )


def collection(cfg: dict, name: str) -> dict:
    return next(c for c in cfg["collections"] if c["name"] == name)


def form_fields(cfg: dict, kind) -> list[dict]:
    if kind is SITE:
        return collection(cfg, "settings")["files"][0]["fields"]
    return collection(cfg, kind.folder)["fields"]


def _declared(fields: tuple[Field, ...], prefix: str = ""):
    for f in fields:
        yield prefix + f.name, f
        if f.fields:
            yield from _declared(f.fields, f"{prefix}{f.name}.")


def _in_form(fields: list[dict], prefix: str = ""):
    for f in fields:
        yield prefix + f["name"], f
        if "fields" in f:
            yield from _in_form(f["fields"], f"{prefix}{f['name']}.")


@pytest.mark.parametrize("kind", [*DATA_KINDS, SITE], ids=lambda k: k.name)
def test_every_declared_field_is_in_the_form(kind):
    declared = dict(_declared(kind.fields))
    in_form = dict(_in_form(form_fields(config(), kind)))
    assert list(in_form) == list(declared)  # every field, nested ones too, in declaration order
    for path, f in declared.items():
        widget = in_form[path]
        assert widget["label"] == f.label, path
        assert widget.get("hint") in (f.form_help or f.help or None, widget.get("hint")), path
        if f.name != "src":
            assert widget.get("hint", "") == (f.form_help if f.form_help is not None else f.help), path
        if not isinstance(f.type, (Bool,)):
            assert widget["required"] is f.required, path
        assert widget["widget"] in {
            "string", "text", "markdown", "select", "relation", "number", "boolean", "list", "object", "image",
            "keyvalue", "file",
        }, path


def test_form_help_never_asks_for_yaml_syntax():
    # In a form there are no quotes, brackets or field names to type.
    for record_kind in (*DATA_KINDS, SITE):
        for path, widget in _in_form(form_fields(config(), record_kind)):
            hint = widget.get("hint", "")
            assert "[" not in hint and '"**"' not in hint and "写 true" not in hint and "写 false" not in hint, (
                record_kind.name, path, hint)


def test_the_configuration_is_valid_for_sveltia():
    if not SVELTIA_SCHEMA.is_file():
        if os.environ.get("CI"):
            pytest.fail("node_modules missing: scripts/setup-dev.sh runs npm ci")
        pytest.skip("node_modules missing: run npm ci")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SVELTIA_SCHEMA.read_text(encoding="utf-8"))
    for backend in (
        Backend(),
        Backend("gitea", "wenming/showcase", "https://git.example.cn"),
        Backend("gitlab", "wenming/showcase", "https://gitlab.example.cn", app_id="abc", branch="main"),
    ):
        errors = list(jsonschema.Draft7Validator(schema).iter_errors(config(backend=backend)))
        assert errors == [], [e.message[:200] for e in errors]


def test_choices_come_from_the_projects_vocabularies():
    category = next(f for f in form_fields(config(), DATA_KINDS[1]) if f["name"] == "category")
    defaults = [t.label for t in Vocabularies.defaults().event_categories]
    assert [o["value"] for o in category["options"]] == defaults
    own = Vocabularies.defaults().with_terms("event_categories", (Term("huiyi", "会议"), Term("peixun", "培训")))
    cfg = editor_config(env(vocabularies=own), title="t", project_name="p", own_origin="http://127.0.0.1:1")
    category = next(f for f in collection(cfg, "events")["fields"] if f["name"] == "category")
    assert category["widget"] == "select"
    assert category["options"] == [{"label": "会议", "value": "会议"}, {"label": "培训", "value": "培训"}]


def test_references_are_pickers():
    fields = {f["name"]: f for f in collection(config(), "events")["fields"]}
    people = fields["entrepreneurs"]
    assert people["widget"] == "relation" and people["collection"] == "entrepreneurs"
    assert people["value_field"] == "{{slug}}" and people["multiple"] is True  # the file name is the id
    assert people["display_fields"] == ["{{name}}（{{company}}）"]
    assert set(people["search_fields"]) == {"name", "company"}
    assert fields["criteria"]["widget"] == "relation" and fields["criteria"]["collection"] == "criteria"
    # work areas: site.yml's own list, in its order, by title
    assert fields["area"] == {**fields["area"], "widget": "select", "options": [
        {"label": "第一板块", "value": "area-one"}, {"label": "第二板块", "value": "area-two"}]}
    # without site.yml's areas at hand: a picker over site.yml itself
    bare = cms_field(next(f for f in DATA_KINDS[1].fields if f.name == "area"), describing())
    assert bare["widget"] == "relation" and bare["collection"] == "settings" and bare["file"] == "site"
    assert bare["value_field"] == "areas.*.id"
    honor = {f["name"]: f for f in collection(config(), "honors")["fields"]}
    recipient = {f["name"]: f for f in honor["recipient"]["fields"]}
    assert recipient["entrepreneur"]["widget"] == "relation" and "multiple" not in recipient["entrepreneur"]


def test_withheld_numbers_dates_photos_and_markdown():
    fields = {f["name"]: f for f in collection(config(), "events")["fields"]}
    assert fields["participants"]["widget"] == "string"
    assert re.fullmatch(fields["participants"]["pattern"][0], "**")
    assert fields["date"]["widget"] == "string"  # a text box: 2022-05 and 2022 are dates too
    assert fields["body"]["modes"][0] == "raw"  # plain Markdown first: what the site renders
    photo = {f["name"]: f for f in fields["photos"]["fields"]}
    assert photo["src"]["widget"] == "image"
    assert photo["src"]["media_folder"] == "/data/photos" and photo["src"]["public_folder"] == "./photos"
    assert photo["alt"]["required"] is True
    document = {f["name"]: f for f in fields["documents"]["fields"]}  # attached documents upload into data/documents/
    assert document["file"]["widget"] == "file"
    assert document["file"]["media_folder"] == "/data/documents" and document["file"]["public_folder"] == "./documents"
    assert "application/pdf" in document["file"]["accept"]
    assert document["kind"]["widget"] == "select"
    assert fields["published"] == {**fields["published"], "widget": "boolean", "default": True}
    assert fields["private"]["widget"] == "keyvalue"
    person = {f["name"]: f for f in collection(config(), "entrepreneurs")["fields"]}
    assert person["consent"]["widget"] == "object"
    assert {f["name"] for f in person["consent"]["fields"]} == {"date", "scope", "withdrawn"}


def test_collections_and_site_settings():
    cfg = config(preview_url="http://127.0.0.1:8000/")
    assert [c["name"] for c in cfg["collections"]] == [*(k.folder for k in DATA_KINDS), "settings"]
    assert collection(cfg, "settings")["files"][0]["file"] == "data/site.yml"
    events = collection(cfg, "events")
    assert events["folder"] == "data/events" and events["extension"] == "yml"
    assert events["delete"] is False  # records are withdrawn (是否发布), never deleted from the form
    assert events["slug"]["editable"] == ["create"]
    assert events["preview_path"] == "events/{{slug}}/"
    assert collection(cfg, "figures")["preview_path"] == "figures/#{{slug}}"
    assert "preview_path" not in collection(cfg, "criteria")
    assert cfg["site_url"] == "http://127.0.0.1:8000/"
    assert cfg["media_libraries"] == {"stock_assets": False}
    assert config()["show_preview_links"] is False


def test_backends():
    local = config()["backend"]
    assert local["api_root"].startswith("http://127.0.0.1:8765/")  # even a stray sign-in stays here
    assert local["repo"] == "local/测试 项目"
    gitea = config(backend=Backend("gitea", "wenming/showcase", "https://git.example.cn/"))["backend"]
    assert gitea["api_root"] == "https://git.example.cn/api/v1" and gitea["auth_methods"] == ["token"]
    gitlab = config(backend=Backend("gitlab", "a/b", "https://gl.example.cn", app_id="id1"))["backend"]
    assert gitlab["api_root"] == "https://gl.example.cn/api/v4" and gitlab["auth_type"] == "pkce"
    assert Backend("gitea", "a/b", "https://git.example.cn", api_root="https://api.example.cn/v1").origins() == (
        "https://git.example.cn", "https://api.example.cn")


# -- a change in a declaration changes the form ------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class _Venue:
    hall: str = spec("礼堂", Text(max_length=20), required=True)
    seats: object = spec("座位数", QuantityType())


@kind("award", "awards", "奖项", template="showcase/event.html")
@dataclass(frozen=True, slots=True, kw_only=True)
class _Award(Record):
    title: str = spec("奖项名称", Text(max_length=50), required=True)
    date: object = spec("颁奖日期", Date(), "例如 2023-05", required=True)
    level: object = spec("级别", Choice("honor_levels"))
    winners: tuple[str, ...] = spec("获奖企业家", RefList("entrepreneur"), form_help="从列表中选择")
    area: str | None = spec("所属工作板块", Ref(AREA))
    story: str | None = spec("经过", Markdown())
    pictures: tuple = spec("现场照片", ImageList())
    tags: tuple[str, ...] = spec("标签", Tags(max_length=10))
    venue: object = spec("会场", __import__("showcase.schema", fromlist=["Object"]).Object(_Venue))


def test_a_new_kind_gets_its_own_form():
    form = entry_collection(_Award.KIND, env())
    assert form["name"] == "awards" and form["folder"] == "data/awards" and form["label"] == "奖项"
    fields = {f["name"]: f for f in form["fields"]}
    assert list(fields) == ["title", "date", "level", "winners", "area", "story", "pictures", "tags", "venue"]
    assert fields["title"]["maxlength"] == 50 and fields["title"]["required"] is True
    assert fields["date"]["hint"] == "例如 2023-05"
    assert [o["value"] for o in fields["level"]["options"]] == ["国家级", "省级", "市级", "区县级"]
    assert fields["winners"]["widget"] == "relation" and fields["winners"]["hint"] == "从列表中选择"
    assert fields["story"]["widget"] == "markdown"
    assert fields["pictures"]["fields"][0]["widget"] == "image"
    assert [f["name"] for f in fields["venue"]["fields"]] == ["hall", "seats"]
    assert preview_path(_Award.KIND) == "awards/{{slug}}/"
    assert form["summary"] == "{{title}}（{{date}}）"


def test_a_field_type_describes_its_own_input():
    @dataclass(frozen=True)
    class Colour(FieldType):
        def cms_widget(self, f, env):
            return {"widget": "string", "pattern": ["^#[0-9a-f]{6}$", "写成 #a31515 的形式"]}

    widget = cms_field(Field("colour", Colour(), "颜色", "网页主色"), env())
    assert widget == {"name": "colour", "label": "颜色", "hint": "网页主色", "required": False,
                      "widget": "string", "pattern": ["^#[0-9a-f]{6}$", "写成 #a31515 的形式"]}

    @dataclass(frozen=True)
    class Forgotten(FieldType):
        pass

    with pytest.raises(NotImplementedError):  # a type without a form input cannot slip into the form
        cms_field(Field("x", Forgotten(), "某字段"), env())


# -- the form's checks agree with the loader ---------------------------------------------------


@given(st.dates(min_value=__import__("datetime").date(1900, 1, 1), max_value=__import__("datetime").date(2100, 12, 31)),
       st.sampled_from(["day", "month", "year"]))
def test_every_date_the_loader_writes_passes_the_form(day, precision):
    text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]
    assert re.fullmatch(DATE_FORM_PATTERN, text)
    assert not isinstance(parse_date(text), str)


@given(st.from_regex(DATE_FORM_PATTERN, fullmatch=True))
def test_form_dates_are_dates_or_get_a_loader_message(text):
    parsed = parse_date(text)  # the form only checks the shape; the loader names a wrong day
    assert not isinstance(parsed, str) or "没有" in parsed


@given(st.from_regex(QUANTITY_FORM_PATTERN, fullmatch=True))
def test_form_quantities_are_quantities(text):
    from showcase.schema.numbers import _NUMBER_RE, _WITHHELD_RE

    assert _NUMBER_RE.match(text) or _WITHHELD_RE.match(text)


@given(st.text(alphabet="abcz019-:/.?#%&=@ \"'<>\\hHtTpPsS", max_size=30))
def test_links_the_form_accepts_the_loader_accepts(text):
    if re.fullmatch(URL_FORM_PATTERN, text):
        assert url_problem(text) is None, text


@given(st.text(alphabet="abc019-_ A", max_size=12) | st.sampled_from(["index", "con", "nul", "lpt1", "a-b", "2022-x"]))
def test_new_record_ids_follow_the_id_rules(text):
    assert bool(re.fullmatch(SLUG_PATTERN, text)) == valid_id(text)


# -- what the editor writes, the loader reads --------------------------------------------------


def test_loader_reads_what_the_editor_writes(tmp_path):
    project = Project(tmp_path / "p")
    project.write_bytes("data/photos/活动 现场.png", IMAGE_BYTES)
    project.write(
        "data/events/2023-x.yml",
        # as Sveltia writes it: defaults spelled out, '**' quoted, ./photos/, an empty private map
        "title: 测试\ndate: 2023-06-15\ncategory: 服务企业\narea: area-one\nparticipants: '**'\n"
        "sessions: '3'\nphotos:\n  - src: ./photos/活动 现场.png\n    alt: 现场\n"
        "tags:\n  - 党建, 培训\n  - 服务\nprivate: {}\npublished: true\n",
    )
    project.write(
        "data/figures/renshu.yml",
        "label: 人数\nvalue: '120'\nas_of: '2022'\narea: area-one\nheadline: false\npublished: true\n",
    )
    data = load_ok(project)
    event = data.events["2023-x"]
    assert event.tags == ("党建", "培训", "服务")  # a one-line list typed into one box still means two tags
    assert event.photos[0].src == "photos/活动 现场.png"
    assert event.participants.withheld and event.sessions.value == 3
    assert data.figures["renshu"].value.value == 120
