"""Small helpers shared by the data-layer unit tests (no MkDocs involved)."""

from __future__ import annotations

import re

import pytest
import yaml
from showcase.core.problems import DataError, Problem
from showcase.load import load_project
from showcase.model import Dataset

CJK = re.compile(r"[\u3400-\u9fff]")

# Minimal valid records, one per kind; tests append or replace lines.
EVENT = "title: 测试活动\ndate: 2022-05-01\ncategory: 教育培训\n"
PERSON = (
    "name: 张三\ncompany: 测试有限公司\nsummary: 测试企业家。\n"
    "consent:\n  date: 2022-06-01\n  scope: 同意公开姓名和事迹\n"
)
HONOR = (
    "title: 测试荣誉\nlevel: 省级\nawarding_body: 测试单位\ndate: 2022\n"
    "recipient:\n  type: 企业\n  name: 测试企业\n"
)
FIGURE = "label: 测试数据\nvalue: 35\nas_of: 2022\narea: area-one\n"

def _tiny_png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (200, 120, 80)).save(buffer, "PNG")
    return buffer.getvalue()


# A real, decodable image: the loader checks that Pillow can read every photo.
IMAGE_BYTES = _tiny_png()


def load_ok(project) -> Dataset:
    """Load the project and fail with the full Chinese report if it does not load."""
    try:
        return load_project(project.root)
    except DataError as exc:  # pragma: no cover - only on failure
        pytest.fail(f"expected the project to load, got:\n{exc}")


def problems_of(project) -> list[Problem]:
    """Load the project expecting DataError; return the sorted problems.

    Every message must be Chinese: a message without a single CJK character is an
    untranslated (English) message and fails the test immediately.
    """
    with pytest.raises(DataError) as exc:
        load_project(project.root)
    items = exc.value.problems.sorted()
    assert items, "DataError raised without any problem"
    for problem in items:
        assert CJK.search(problem.message), f"message is not in Chinese: {problem}"
        assert str(problem).startswith(f"{problem.path}:{problem.line}: ")
    return items


def report(items: list[Problem]) -> str:
    return "\n".join(str(p) for p in items)


def only_problem(project, path: str) -> Problem:
    """Exactly one problem is expected, in ``path``."""
    items = problems_of(project)
    assert len(items) == 1, report(items)
    assert items[0].path == path, report(items)
    return items[0]


def find(items: list[Problem], *, field: str | None = None, contains: str | None = None) -> Problem:
    """The single problem with this field (and/or containing this text)."""
    hits = [
        p
        for p in items
        if (field is None or p.field == field) and (contains is None or contains in p.message)
    ]
    assert len(hits) == 1, f"wanted one problem with field={field!r} contains={contains!r}, got:\n{report(items)}"
    return hits[0]


class Yaml12Loader(yaml.SafeLoader):
    """Reads YAML as editors' tools (VS Code, the form editor) do, YAML 1.2: 2022-05-01 is text."""


Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml_12(text: str) -> object:
    return yaml.load(text, Loader=Yaml12Loader)
