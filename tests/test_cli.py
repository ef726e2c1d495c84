"""``python -m showcase check``: exit code, summary on stdout, sorted Chinese report on stderr."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from datakit import CJK, EVENT, FIGURE, PERSON
from showcase.tools.cli import main

REPO = Path(__file__).resolve().parent.parent


def test_check_valid_project_exits_0_with_summary(project, capsys):
    project.write("data/entrepreneurs/zhang-san.yml", PERSON)
    project.write("data/entrepreneurs/li-si.yml", PERSON + "published: false\n")
    project.write("data/events/a.yml", EVENT + "entrepreneurs: [zhang-san, li-si]\n")
    project.write("data/figures/f.yml", FIGURE.replace("value: 35", 'value: "**"'))
    code = main(["check", "--root", str(project.root)])
    out, err = capsys.readouterr()
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == "数据检查通过。"
    assert "已发布：企业家 1 位，活动 1 项，荣誉 0 项，数据 1 项。" in lines
    assert any(line.startswith("未发布（published: false）") and "企业家 1 条" in line for line in lines)
    assert any("未公开的数字" in line for line in lines)
    assert any("data/figures/f.yml" in line for line in lines)
    assert any("data/events/a.yml:4" in line and "未发布" in line for line in lines)


def test_check_bad_project_exits_1_with_sorted_report_on_stderr(project, capsys):
    project.write("data/figures/f.yml", "label: 测试数据\nvalue: 35\n  as_of: 2022\n")
    project.write("data/events/a.yml", "title: 测试活动\ndate: 2022-13-01\ncategory: 党建\n")
    project.write("data/entrepreneurs/zhang-san.yml", "name: 张三\nsummary: 简介\n")
    code = main(["check", "--root", str(project.root)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert lines[0] == "数据检查未通过："
    body = lines[1:-1]
    assert [line.split(":")[0] + ":" + line.split(":")[1] for line in body] == [
        "data/entrepreneurs/zhang-san.yml:1",
        "data/events/a.yml:2",
        "data/events/a.yml:3",
        "data/figures/f.yml:3",
    ]
    assert body[0].startswith("data/entrepreneurs/zhang-san.yml:1: company: ")
    assert all(CJK.search(line) for line in body)
    assert lines[-1].startswith("共发现 4 个问题，涉及 3 个文件")


def test_check_without_data_folder(tmp_path, capsys):
    code = main(["check", "--root", str(tmp_path)])
    _, err = capsys.readouterr()
    assert code == 1
    assert "找不到 data/ 文件夹" in err


def test_python_dash_m_showcase_check_on_real_project():
    result = subprocess.run(
        [sys.executable, "-m", "showcase", "check", "--root", str(REPO)],
        cwd=REPO / "hooks",
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert result.stdout.decode("utf-8").startswith("数据检查通过。")
