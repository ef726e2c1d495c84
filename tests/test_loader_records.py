"""Loaded records: private values and unpublished records never leave the loader, relations
(backlinks) are computed correctly, and the real example project loads."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from datakit import EVENT, FIGURE, HONOR, PERSON, load_ok
from showcase.core.values import PartialDate, Quantity
from showcase.derive.relations import build_relations
from showcase.load import load_project

REPO = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------------------
# 15. Private fields and unpublished records
# --------------------------------------------------------------------------------------

MARKER = "PRIVATE-MARKER-7f3a"


def test_private_values_never_reach_the_dataset(project):
    project.write(
        "data/entrepreneurs/zhang-san.yml",
        PERSON + f"private:\n  phone: {MARKER}-phone\n  note: |\n    {MARKER}-note\n  list: [{MARKER}-list]\n",
    )
    project.write("data/events/a.yml", EVENT + f"private:\n  contact:\n    name: {MARKER}-nested\n")
    project.write("data/honors/h.yml", HONOR + f"private:\n  doc: {MARKER}-honor\n")
    project.write("data/figures/f.yml", FIGURE + f"private:\n  raw: {MARKER}-figure\n")
    data = load_ok(project)
    assert set(data.entrepreneurs) == {"zhang-san"} and set(data.events) == {"a"}
    assert MARKER not in repr(data)
    assert MARKER not in repr(build_relations(data))
    for record in (data.entrepreneurs["zhang-san"], data.events["a"], data.honors["h"], data.figures["f"]):
        assert getattr(record, "private", None) is None  # declared, but never holds a value


def test_private_values_not_echoed_in_problem_messages(project):
    project.write("data/entrepreneurs/zhang-san.yml", PERSON + f"private:\n  phone: {MARKER}\n  phone: {MARKER}-2\n")
    from showcase.core.problems import DataError

    with pytest.raises(DataError) as exc:
        load_project(project.root)
    assert MARKER not in str(exc.value)


def test_private_must_be_a_mapping(project):
    project.write("data/entrepreneurs/zhang-san.yml", PERSON + f"private: {MARKER}\n")
    from showcase.core.problems import DataError

    with pytest.raises(DataError) as exc:
        load_project(project.root)
    (problem,) = exc.value.problems.sorted()
    assert (problem.line, problem.field) == (PERSON.count("\n") + 1, "private")
    assert MARKER not in str(problem)


def test_unpublished_records_absent_but_listed(project):
    project.write("data/entrepreneurs/zhang-san.yml", PERSON)
    project.write("data/entrepreneurs/li-si.yml", PERSON + f"published: false\nprivate:\n  x: {MARKER}\n")
    project.write("data/events/a.yml", EVENT)
    project.write("data/events/b-hidden.yml", EVENT.replace("测试活动", f"{MARKER}标题") + "published: false\n")
    project.write("data/honors/h.yml", HONOR + "published: false\n")
    project.write("data/figures/f.yml", FIGURE + "published: false\n")
    data = load_ok(project)
    assert set(data.entrepreneurs) == {"zhang-san"}
    assert set(data.events) == {"a"}
    assert dict(data.honors) == {} and dict(data.figures) == {}
    assert dict(data.unpublished) == {
        "entrepreneurs": ("li-si",),
        "events": ("b-hidden",),
        "honors": ("h",),
        "figures": ("f",),
    }
    assert data.resolve("events/b-hidden") is None
    assert data.resolve("events/a") is data.events["a"]
    assert MARKER not in repr(data)
    relations = build_relations(data)
    assert [e.id for e in relations.events] == ["a"]
    assert [p.id for p in relations.entrepreneurs] == ["zhang-san"]


def test_unpublished_record_with_errors_is_still_checked(project):
    project.write("data/events/a.yml", "title: 测试活动\ndate: 2022-13-01\ncategory: 教育培训\npublished: false\n")
    from showcase.core.problems import DataError

    with pytest.raises(DataError) as exc:
        load_project(project.root)
    (problem,) = exc.value.problems.sorted()
    assert (problem.path, problem.line, problem.field) == ("data/events/a.yml", 2, "date")


# --------------------------------------------------------------------------------------
# 17. Relations
# --------------------------------------------------------------------------------------


def _person(name: str) -> str:
    return PERSON.replace("张三", name)


def _event(title: str, date: str, people: str = "", category: str = "教育培训", area: str = "") -> str:
    text = f"title: {title}\ndate: {date}\ncategory: {category}\n"
    if people:
        text += f"entrepreneurs: [{people}]\n"
    if area:
        text += f"area: {area}\n"
    return text


@pytest.fixture
def related(project):
    project.write("data/entrepreneurs/zhang-san.yml", _person("张三"))
    project.write("data/entrepreneurs/li-si.yml", _person("李四"))
    project.write("data/entrepreneurs/wang-wu.yml", _person("王五"))
    project.write("data/events/e-old.yml", _event("旧活动", "2020-03-01", "zhang-san", area="area-one"))
    project.write(
        "data/events/e-new.yml", _event("新活动", "2022-11-20", "zhang-san, li-si", category="党建与理想信念教育")
    )
    project.write("data/events/e-mid.yml", _event("中间活动", "2021-06", "li-si", area="area-one"))
    project.write("data/events/e-year.yml", _event("只知年份", "2021"))
    project.write(
        "data/honors/h-zhang.yml",
        HONOR.replace("  type: 企业\n  name: 测试企业\n", "  type: 企业家\n  entrepreneur: zhang-san\n"),
    )
    project.write(
        "data/honors/h-guojia.yml",
        HONOR.replace("level: 省级", "level: 国家级").replace("date: 2022", "date: 2019"),
    )
    project.write("data/figures/f-a.yml", FIGURE + "source: events/e-new\n")
    project.write("data/figures/f-b.yml", FIGURE.replace("value: 35", 'value: "**"') + "source: events/e-new\n")
    project.write("data/figures/f-c.yml", FIGURE + "source: honors/h-zhang\n")
    project.write("data/figures/f-none.yml", FIGURE)
    return build_relations(load_ok(project))


def test_events_by_entrepreneur_backlinks_newest_first(related):
    assert [e.id for e in related.events_by_entrepreneur["zhang-san"]] == ["e-new", "e-old"]
    assert [e.id for e in related.events_by_entrepreneur["li-si"]] == ["e-new", "e-mid"]
    assert "wang-wu" not in related.events_by_entrepreneur


def test_honors_by_entrepreneur_backlinks(related):
    assert [h.id for h in related.honors_by_entrepreneur["zhang-san"]] == ["h-zhang"]
    assert set(related.honors_by_entrepreneur) == {"zhang-san"}


def test_figures_by_source(related):
    assert sorted(f.id for f in related.figures_by_source["events/e-new"]) == ["f-a", "f-b"]
    assert [f.id for f in related.figures_by_source["honors/h-zhang"]] == ["f-c"]
    assert all(f.id != "f-none" for figs in related.figures_by_source.values() for f in figs)


def test_events_newest_first_and_grouped(related):
    assert [e.id for e in related.events] == ["e-new", "e-mid", "e-year", "e-old"]
    assert [year for year, _ in related.events_by_year] == [2022, 2021, 2020]
    assert [e.id for e in dict(related.events_by_year)[2021]] == ["e-mid", "e-year"]
    assert [e.id for e in related.events_by_category["jiaoyu-peixun"]] == ["e-mid", "e-year", "e-old"]
    assert [e.id for e in related.events_by_area["area-one"]] == ["e-mid", "e-old"]


def test_honors_by_level_then_newest(related):
    assert [h.id for h in related.honors] == ["h-guojia", "h-zhang"]
    assert [term.label for term, _ in related.honors_by_level] == ["国家级", "省级"]
    assert [term.label for term, _ in related.honors_by_recipient_type] == ["企业", "企业家"]


# --------------------------------------------------------------------------------------
# 19. The real example project
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    return load_project(REPO)


def _raw_records(folder: str):
    for path in sorted((REPO / "data" / folder).rglob("*.yml")):
        yield path.stem, yaml.safe_load(path.read_text("utf-8"))


def _is_withheld(raw) -> bool:
    return isinstance(raw, str) and raw.strip() != "" and set(raw.strip()) == {"*"}


def test_real_project_loads(real):
    assert real.site.unit.name
    assert real.entrepreneurs and real.events and real.honors and real.figures
    assert not real.notes or all("未发布" in n for n in real.notes)
    relations = build_relations(real)
    assert len(relations.events) == len(real.events)
    for event in real.events.values():
        assert isinstance(event.date, PartialDate)
        assert all(person in real.entrepreneurs for person in event.entrepreneurs)
        if event.area is not None:
            assert real.site.area(event.area) is not None


def test_real_project_withheld_figures_are_never_zero(real):
    withheld = 0
    for record_id, raw in _raw_records("figures"):
        if raw.get("published") is False:
            continue
        figure = real.figures[record_id]
        if _is_withheld(raw["value"]):
            withheld += 1
            assert figure.withheld is True, record_id
            assert figure.value == Quantity(None, withheld=True), record_id
            assert figure.value.value is None, record_id
        else:
            assert figure.withheld is False, record_id
            assert figure.value.value == raw["value"] or str(figure.value.value) == str(raw["value"]), record_id
    assert withheld > 0, "the example project is expected to contain withheld (**) figures"


def test_real_project_withheld_counts_in_events_and_honors(real):
    for folder, fields in (("events", ("sessions", "participants")), ("honors", ("count",))):
        for record_id, raw in _raw_records(folder):
            if raw.get("published") is False:
                continue
            record = real.by_folder(folder)[record_id]
            for name in fields:
                if name in raw and _is_withheld(raw[name]):
                    quantity = getattr(record, name)
                    assert quantity.withheld is True and quantity.value is None, (record_id, name)
