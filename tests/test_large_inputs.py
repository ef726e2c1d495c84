"""Very large inputs are refused quickly, with a clear Chinese message (issue: hostile input)."""

from __future__ import annotations

import time
import tracemalloc

from datakit import EVENT, PERSON, find, problems_of


def test_ten_megabyte_yaml_file_is_refused_without_reading_it(project):
    path = project.root / "data/events/huge.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(EVENT + "body: |\n")
        line = "  " + "很长的正文" * 40 + "\n"
        while fh.tell() < 10_000_000:
            fh.write(line)
    tracemalloc.start()
    started = time.monotonic()
    items = problems_of(project)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    problem = find(items, contains="文件过大")
    assert problem.path == "data/events/huge.yml" and "1 MB" in problem.message
    assert peak < 5_000_000, f"the loader must not read a refused file ({peak} bytes traced)"
    assert time.monotonic() - started < 30  # sanity bound only: a hang would be a bug


def test_fifty_thousand_character_biography_is_refused(project):
    bio = "人物简介" * 12_500
    project.write("data/entrepreneurs/zhang-san.yml", PERSON + f"biography: {bio}\n")
    problem = find(problems_of(project), field="biography")
    assert "50000 字" in problem.message and "最多 20000 字" in problem.message


def test_ten_thousand_tags_are_refused(project):
    tags = ", ".join(f"标签{i}" for i in range(10_000))
    project.write("data/events/e1.yml", EVENT + f"tags: [{tags}]\n")
    problem = find(problems_of(project), field="tags")
    assert "10000 个" in problem.message and "最多 30 个" in problem.message


def test_deeply_nested_yaml_is_refused(project):
    project.write("data/events/e1.yml", EVENT + "private: " + "[" * 5000 + "]" * 5000 + "\n")
    problem = problems_of(project)[0]
    assert problem.path == "data/events/e1.yml"
