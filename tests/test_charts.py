"""Charts on the key-figures page: build-time SVG with text alternatives and data tables."""

from __future__ import annotations

from datakit import EVENT, HONOR, load_ok
from showcase.derive.charts import VALUE_SPACE, WIDTH, figure_charts
from showcase.derive.relations import build_relations
from sitebuild import build_site


def _events(project):
    project.write("data/events/a.yml", EVENT.replace("2022-05-01", "2021-03-01") + "area: area-one\n")
    project.write("data/events/b.yml", EVENT + "area: area-one\n")
    project.write("data/events/c.yml", EVENT.replace("教育培训", "服务企业") + "area: area-two\n")
    project.write("data/events/d.yml", EVENT + "participants: 120\n")
    project.write("data/events/e.yml", EVENT.replace("2022-05-01", "2022-06-01") + "participants: '**'\n")
    project.write("data/honors/h1.yml", HONOR.replace("省级", "国家级"))
    project.write("data/honors/h2.yml", HONOR)
    project.write("data/honors/h3.yml", HONOR)


def test_chart_numbers_match_the_data(project):
    _events(project)
    data = load_ok(project)
    charts = {c.id: c for c in figure_charts(data, build_relations(data))}
    years = charts["chart-events-year"]
    assert [r.label for r in years.rows] == ["2021年", "2022年"]
    assert [r.total for r in years.rows] == [1, 4]
    assert years.series == ("教育培训", "服务企业")
    assert ("2022年", "3", "1", "4") in years.table
    # the longest bar fills the drawing width minus room for its number; others are proportional
    longest = max(sum(s.width for s in r.segments) for r in years.rows)
    assert abs(longest - (WIDTH - VALUE_SPACE)) < 0.01
    assert "2022年共4项" in years.description
    levels = charts["chart-honors-level"]
    assert [(r.label, r.total) for r in levels.rows] == [("国家级", 1), ("省级", 2)]
    training = charts["chart-training"]
    by_label = {r.label: r for r in training.rows}
    assert len(training.rows) == 2
    withheld = [r for r in training.rows if r.withheld]
    assert len(withheld) == 1 and withheld[0].segments == () and withheld[0].total is None
    assert ("测试活动", "未公开") in training.table and ("测试活动", "120") in training.table
    assert by_label


def test_no_chart_without_data(project):
    data = load_ok(project)
    assert figure_charts(data, build_relations(data)) == []


def test_figures_page_draws_accessible_svg_charts(project, tmp_path):
    _events(project)
    site = build_site(project.root, tmp_path / "out")
    page = site.content("figures/")
    svgs = page.select("figure.sc-chart svg")
    assert len(svgs) == 4
    for svg in svgs:
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find("title", id=title_id).get_text()
        assert svg.find("desc", id=desc_id).get_text()
        table = svg.find_parent("figure").select_one("details table")
        assert table is not None and table.find("caption")
    year_svg = page.select_one("#chart-events-year svg")
    assert len(year_svg.select("rect")) == 3  # 2021: 1 segment; 2022: two categories
    assert "未公开" in page.select_one("#chart-training").get_text()
    html = (tmp_path / "out/figures/index.html").read_text(encoding="utf-8")
    assert "<script" not in html.split('<figure class="sc-chart"', 1)[1].split("</section>", 1)[0]


def test_hostile_labels_in_charts_are_text(project, tmp_path):
    _events(project)
    site_yml = project.root / "data/site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("第一板块", "<script>alert(1)</script>"), encoding="utf-8")
    site = build_site(project.root, tmp_path / "out")
    chart = site.content("figures/").select_one("#chart-areas")
    assert chart.find("script") is None
    assert "<script>alert(1)</script>" in chart.get_text()
