"""mkdocs serve: data errors are shown (terminal and page) without killing the server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from datakit import EVENT, PERSON


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def _wait_for(url: str, predicate, timeout: float = 60) -> tuple[int, str]:
    deadline = time.monotonic() + timeout
    status, body = 0, ""
    while time.monotonic() < deadline:
        status, body = _get(url)
        if predicate(status, body):
            return status, body
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {url}: last status {status}")


@pytest.fixture(params=[False, True], ids=["serve", "serve-dirty"])
def served(project, request):
    """``mkdocs serve``, and ``mkdocs serve --dirty`` (incremental rebuilds, see rebuild.py)."""
    project.write("data/events/e1.yml", EVENT)
    port = _free_port()
    log = open(project.root / "serve.log", "w", encoding="utf-8")  # noqa: SIM115 - closed in finally
    dirty = ["--dirty"] if request.param else []
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project.root / "mkdocs.yml"), *dirty],
        cwd=project.root, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(base + "events/e1/", lambda s, b: s == 200 and "测试活动" in b, timeout=90)
        yield project, base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_data_error_is_shown_and_fixing_it_brings_the_site_back(served):
    project, base, proc = served
    good = (project.root / "data/events/e1.yml").read_text(encoding="utf-8")
    project.write("data/events/e1.yml", good.replace("2022-05-01", "2022-13-01"))
    _, body = _wait_for(base, lambda s, b: "数据有误" in b)
    assert "data/events/e1.yml:2: date" in body and "不是有效日期" in body
    # any other address shows the problems too (through the 404 page), not a stale page
    _, body = _get(base + "events/e1/")
    assert "不是有效日期" in body
    assert proc.poll() is None, "the server must keep running"
    log = (project.root / "serve.log").read_text(encoding="utf-8")
    assert "data/events/e1.yml:2: date" in log and "Traceback" not in log

    project.write("data/events/e1.yml", good.replace("测试活动", "改好了的活动"))
    _wait_for(base + "events/e1/", lambda s, b: s == 200 and "改好了的活动" in b)
    _, body = _get(base)
    assert "数据有误" not in body


def test_embed_error_is_shown_without_stopping(served):
    project, base, proc = served
    project.write("docs/story.md", "# 叙述\n\n[[event:nope]]\n")
    _, body = _wait_for(base + "story/", lambda s, b: s == 200 and "预览：发现" in b)
    assert "docs/story.md:3:" in body
    assert proc.poll() is None


def test_saving_a_record_updates_every_page_that_shows_it(served):
    project, base, proc = served
    project.write("data/entrepreneurs/zhang-san.yml", PERSON)
    project.write("data/events/e1.yml", EVENT + "entrepreneurs: [zhang-san]\n")
    _wait_for(base + "entrepreneurs/zhang-san/", lambda s, b: s == 200 and "测试活动" in b)
    project.write("data/events/e1.yml", EVENT.replace("测试活动", "改名后的活动") + "entrepreneurs: [zhang-san]\n")
    _wait_for(base + "events/e1/", lambda s, b: s == 200 and "改名后的活动" in b)
    for url in ("entrepreneurs/zhang-san/", "events/", ""):
        status, body = _get(base + url)
        assert status == 200 and "改名后的活动" in body and "测试活动" not in body, url
    log = (project.root / "serve.log").read_text(encoding="utf-8")
    assert "Traceback" not in log
    assert proc.poll() is None
