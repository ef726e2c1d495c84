"""`showcase init`: a new unit's project, with the product's files and data/, docs/ and
mkdocs.yml of its own, builds as created and tells what is left to do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from showcase.load import load_project
from showcase.load.synonyms import DEFAULT_SYNONYMS
from showcase.tools.init import InitError, Unit, init_project
from sitebuild import build_site

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def created(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("init") / "某县 项目"
    unit = Unit(name="某县工商业联合会", short_name="某县工商联", region="某省某市某县", title="市级文明单位", year=2024,
                areas=["党建引领", "服务发展", "诚信建设"])
    init_project(target, unit)
    return target


def test_the_project_has_the_product_and_its_own_data(created):
    for part in ("hooks/site.py", "overrides/main.html", "requirements.txt", ".ci/run", "README.md"):
        assert (created / part).is_file(), part
    assert [p.name for p in created.glob("*.cmd")] and len(list(created.glob("*.cmd"))) == len(list(REPO.glob("*.cmd")))
    settings = yaml.safe_load((created / "data/site.yml").read_text(encoding="utf-8"))
    assert settings["unit"]["name"] == "某县工商业联合会"
    assert settings["application"] == {**settings["application"], "title": "市级文明单位", "year": 2024}
    assert [a["title"] for a in settings["areas"]] == ["党建引领", "服务发展", "诚信建设"]
    assert "site_name: 某县工商联文明单位创建展示" in (created / "mkdocs.yml").read_text(encoding="utf-8")
    assert (created / "data/search-synonyms.txt").read_bytes() == DEFAULT_SYNONYMS.read_bytes()
    assert list((created / "data/criteria").iterdir()) == []
    # nothing of the example: its records, photos and narratives stay behind
    example = load_project(REPO)
    data = load_project(created)
    assert not set(data.events) & set(example.events) or example.site.unit.name == "某县工商业联合会"
    assert "示例市" not in "".join(p.read_text(encoding="utf-8") for p in (created / "docs").rglob("*.md"))


def test_it_builds_as_created(created, tmp_path):
    site = build_site(created, tmp_path / "site")
    assert site.soup("").select_one("title") is not None
    for area in load_project(created).site.areas:
        assert site.path(f"areas/{area.id}/").is_file()


def test_check_lists_what_is_left_to_do(created, capsys):
    from showcase.tools.cli import main

    main(["check", "--root", os.fspath(created)])
    out = "".join(capsys.readouterr())
    assert "待填写" in out, out


def test_it_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "x.txt").write_text("已有文件", encoding="utf-8")
    with pytest.raises(InitError, match="不是空文件夹"):
        init_project(tmp_path, Unit())
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]
