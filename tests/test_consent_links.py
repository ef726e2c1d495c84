"""Consent for living people's profiles, and the links editors may put in data."""

from __future__ import annotations

import pytest
from datakit import EVENT, find, load_ok, problems_of

BARE_PERSON = "name: 张三\ncompany: 测试有限公司\nsummary: 测试企业家。\n"
PER = "data/entrepreneurs/zhang-san.yml"
EV = "data/events/e1.yml"


def test_profile_without_consent_is_a_validation_error(project):
    project.write(PER, BARE_PERSON)
    problem = find(problems_of(project), field="consent")
    assert problem.path == PER and "本人同意" in problem.message and "published: false" in problem.message


def test_unpublished_profile_needs_no_consent(project):
    project.write(PER, BARE_PERSON + "published: false\n")
    data = load_ok(project)
    assert "zhang-san" in data.unpublished["entrepreneurs"]


def test_withdrawn_consent_unpublishes_the_profile_and_its_links(project):
    project.write(
        PER,
        BARE_PERSON + "consent:\n  date: 2022-06-01\n  scope: 同意公开\n  withdrawn: 2023-03-01\n",
    )
    project.write(EV, EVENT + "entrepreneurs: [zhang-san]\n")
    data = load_ok(project)
    assert "zhang-san" not in data.entrepreneurs
    assert data.events["e1"].entrepreneurs == ()
    assert any("撤回同意" in note for note in data.notes)


def test_consent_is_not_part_of_the_published_record(project):
    project.write(PER, BARE_PERSON + "consent:\n  date: 2022-06-01\n  scope: 同意范围MARKER\n")
    data = load_ok(project)
    assert "MARKER" not in repr(data)


@pytest.mark.parametrize(
    "url",
    ["https://example.org/news/1", "http://example.org", "mailto:office@example.org", "tel:010-12345678",
     "events/e1/", "/events/e1/"],
)
def test_allowed_links(project, url):
    project.write(EV, EVENT + f"links:\n  - title: 报道\n    url: '{url}'\n")
    (link,) = load_ok(project).events["e1"].links
    assert link.url == url


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
     "vbscript:x", "//evil.example/x", "https://", "file:///etc/passwd", "../../etc/passwd",
     "https://example.org/a b", "java\tscript:alert(1)"],
)
def test_refused_links(project, url):
    project.write(EV, EVENT + f"links:\n  - title: 报道\n    url: \"{url}\"\n")
    problem = find(problems_of(project), field="links[1].url")
    assert problem.line == EVENT.count("\n") + 3
    assert "链接只能以" in problem.message
