"""The benchmark generator (benchmarks/generate.py) writes a deterministic, valid site that builds.

No timings here: the benchmark itself (benchmarks/run.py) checks the targets of issue 7.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from projectkit import REPO
from showcase.load import load_project


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generate():
    return _load("generate").generate


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes(tmp_path, generate):
    generate(30, tmp_path / "a", seed=5)
    generate(30, tmp_path / "b", seed=5)
    a, b = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert a == b
    assert any(path.startswith("data/photos/") for path in a)
    generate(30, tmp_path / "c", seed=6)
    assert _tree(tmp_path / "c") != a


def test_valid_and_builds(tmp_path, generate):
    site = tmp_path / "site"
    plan = generate(30, site, seed=5)
    assert sum(plan.counts.values()) == 30

    data = load_project(site)  # raises DataError listing every problem
    published = len(data.entrepreneurs) + len(data.events) + len(data.honors) + len(data.figures)
    assert published >= 25
    assert any(event.entrepreneurs for event in data.events.values())
    assert any(honor.recipient.entrepreneur for honor in data.honors.values())
    assert any(figure.source for figure in data.figures.values())
    documents = {a.file.site_path for e in data.events.values() for a in e.attachments()}
    assert documents  # about one small PDF per 20 records
    bodies = [e.body for e in data.events.values()] + [p.biography for p in data.entrepreneurs.values()]
    assert 700 <= sum(len(b) for b in bodies) / len(bodies) <= 2500  # about 1,500 characters

    out = tmp_path / "out"
    config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=str(out))
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build(config)
    for event_id in data.events:
        assert (out / "events" / event_id / "index.html").is_file()
    assert (out / "search" / "m.js").is_file()
    assert all((out / path).is_file() for path in documents)


def test_refuses_foreign_folder(tmp_path, generate):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(SystemExit):
        generate(30, tmp_path / "mine", seed=1)
    assert (tmp_path / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep"


@pytest.mark.parametrize("name", ["control", "run", "searchbytes", "search_rebuild", "editor_task", "preview"])
def test_every_benchmark_script_imports(name):
    """A benchmark that no longer imports is found here, not on the day it is needed."""
    sys.path.insert(0, str(REPO / "benchmarks"))  # run.py imports its neighbours by name
    try:
        assert _load(name) is not None
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
