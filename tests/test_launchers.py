"""The double-click launchers for Windows (安装.cmd, 打开编辑器.cmd, 预览网站.cmd, 检查数据.cmd,
生成网站.cmd and scripts/windows/launch.cmd).

There is no Windows here, so the test checks what breaks .cmd files on a Chinese Windows
(encoding, line endings, quoting, labels), then runs the very Python commands they run from a
project folder whose path has Chinese characters and spaces.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from datakit import EVENT
from projectkit import Project

REPO = Path(__file__).resolve().parent.parent
WINDOWS = REPO / "scripts" / "windows"
LAUNCHERS = {"安装.cmd": "install", "打开编辑器.cmd": "edit", "预览网站.cmd": "preview", "检查数据.cmd": "check",
             "生成网站.cmd": "build"}
CJK = re.compile(r"[\u4e00-\u9fff]")


def _lines(path: Path) -> list[str]:
    data = path.read_bytes()
    # cmd.exe reads a batch file in the console's code page (936 on a Chinese Windows): any byte
    # above 0x7f could start a two-byte character that swallows a quote or the line break.
    assert all(b < 0x80 for b in data), f"{path.name}: only ASCII in a .cmd file"
    assert data.count(b"\n") == data.count(b"\r\n") > 0, f"{path.name}: CRLF line endings"
    return data.decode("ascii").split("\r\n")


def _sections(lines: list[str]) -> dict[str, list[str]]:
    """launch.cmd's lines under each label."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for line in lines:
        if line.startswith(":"):
            current = line[1:].strip().lower()
            sections[current] = []
        else:
            sections[current].append(line.strip())
    return sections


def test_launchers_are_in_the_project_folder_and_call_one_script():
    assert {p.name for p in REPO.glob("*.cmd")} == set(LAUNCHERS)
    for name, action in LAUNCHERS.items():
        lines = _lines(REPO / name)
        assert lines[0] == "@echo off"
        assert f'call "%~dp0scripts\\windows\\launch.cmd" {action}' in lines


def test_launch_script_quotes_every_path_and_knows_every_label():
    lines = _lines(WINDOWS / "launch.cmd")
    sections = _sections(lines)
    code = [line for line in lines if line and not line.lower().startswith("rem")]
    for line in code:
        for variable in ("%~dp0", "%CD%", "%PY%", "%TEXTS%"):
            for match in re.finditer(re.escape(variable), line):
                before = line[: match.start()]
                assert before.count('"') % 2 == 1, f"unquoted {variable} (paths have spaces): {line}"
    for target in re.findall(r"\bgoto (\w+)", "\n".join(code), flags=re.IGNORECASE):
        assert target.lower() in sections, f"goto {target}: no such label"
    for action in LAUNCHERS.values():
        assert f'if /i "%~1"=="{action}" goto {action}' in code
    assert "pushd" in sections[""][sections[""].index("chcp 65001 >nul") + 1]  # UNC paths too (a shared folder)


def test_messages_are_utf8_text_files_shown_after_chcp_65001():
    lines = _lines(WINDOWS / "launch.cmd")
    shown = set(re.findall(r'type "%TEXTS%([\w-]+\.txt)"', "\n".join(lines)))
    assert shown == {p.name for p in WINDOWS.glob("*.txt")}
    for name in shown:
        data = (WINDOWS / name).read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf"), f"{name}: a BOM would print as stray characters"
        text = data.decode("utf-8")
        assert CJK.search(text) and "\r\n" in text
    assert lines.index("chcp 65001 >nul") < min(i for i, line in enumerate(lines) if line.startswith("type "))


def _python_commands(section: list[str]) -> list[list[str]]:
    commands = []
    for line in section:
        if line.startswith('"%PY%" -m '):
            commands.append(line.removeprefix('"%PY%" ').split(" || ")[0].split())
    return commands


@pytest.fixture
def chinese_project(tmp_path):
    project = Project(tmp_path / "中文 项目 目录")
    project.write("data/events/2023-a.yml", EVENT)
    return project.root


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait(url: str, seconds: float = 90) -> bytes:
    end = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except OSError:
            if time.monotonic() > end:
                raise
            time.sleep(0.3)


def test_check_and_build_run_from_a_chinese_path_with_spaces(chinese_project):
    sections = _sections(_lines(WINDOWS / "launch.cmd"))
    [check] = _python_commands(sections["check"])
    assert check == ["-m", "showcase", "check"]
    done = subprocess.run(
        [sys.executable, *check], cwd=chinese_project, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0 and "数据检查通过" in done.stdout, done.stderr
    [build] = _python_commands(sections["build"])
    assert build == ["-m", "mkdocs", "build"]
    done = subprocess.run(
        [sys.executable, *build], cwd=chinese_project, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr
    assert (chinese_project / "site" / "events" / "2023-a" / "index.html").is_file()
    [install] = _python_commands(sections["packages"])
    assert install[:4] == ["-m", "pip", "install", "--disable-pip-version-check"] and install[-2:] == ["-r", "requirements.txt"]
    assert "%BASE% -m venv .venv || goto fail" in sections["install"]
    venv = chinese_project / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    assert subprocess.run([str(python), "-c", "print('ok')"], capture_output=True, text=True, check=True).stdout == "ok\n"


def _start(command: list[str], cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "BROWSER": "true", "PYTHONUNBUFFERED": "1"}  # "open the browser" runs `true`
    return subprocess.Popen(
        [sys.executable, *command], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )


def _stop(process: subprocess.Popen[str]) -> str:
    os.killpg(process.pid, signal.SIGINT)  # Ctrl+C in the console window: editor and preview stop
    try:
        out, _ = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:  # pragma: no cover - only when stopping hangs
        os.killpg(process.pid, signal.SIGKILL)
        out, _ = process.communicate()
    return out


@pytest.mark.skipif(os.name == "nt", reason="process groups as on Linux")
def test_editor_and_preview_start_from_a_chinese_path_with_spaces(chinese_project):
    sections = _sections(_lines(WINDOWS / "launch.cmd"))
    [edit] = _python_commands(sections["edit"])
    assert edit == ["-m", "showcase", "edit"]
    process = _start([*edit, "--port", str(_free_port()), "--preview-port", str(_free_port())], chinese_project)
    lines: list[str] = []
    try:
        assert process.stdout is not None
        while not any(line.startswith("请使用 Microsoft Edge") for line in lines):  # the last line before serving
            line = process.stdout.readline()
            assert line, "\n".join(lines)
            lines.append(line.strip())
        editor = next(line for line in lines if line.startswith("表单编辑器：")).split("：", 1)[1]
        preview = next(line for line in lines if line.startswith("网站预览：")).split("：", 1)[1].split("（")[0]
        assert "showcase-editor" in _wait(editor).decode()
        assert b'"ok": true' in _wait(editor + "api/check")
        assert "测试" in _wait(preview + "events/2023-a/").decode()  # the preview built the fixture project
    finally:
        out = _stop(process)
    assert (chinese_project / ".git").is_dir()  # made for the editor's folder check
    assert "在编辑器中点“打开项目文件夹”" in "\n".join(lines) + out

    [serve] = _python_commands(sections["preview"])
    assert serve == ["-m", "mkdocs", "serve", "--dirty", "--open"]
    port = _free_port()
    process = _start([*serve, "-a", f"127.0.0.1:{port}"], chinese_project)  # the test's own port
    try:
        assert "测试" in _wait(f"http://127.0.0.1:{port}/events/2023-a/").decode()
    finally:
        _stop(process)
