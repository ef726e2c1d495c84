"""One editor task, before and after the form editor: add one event (date, category, work area,
an entrepreneur, a withheld number, a photo) to the example project and see it in the preview.

    .venv/bin/python benchmarks/editor_task.py

Two kinds of numbers, printed side by side:
- **machine time**, measured here on a copy of the example in a folder named "中文 项目":
  before: ``showcase new``, ``showcase check`` and the first ``mkdocs serve --dirty`` build;
  after: ``showcase edit`` until the editor answers and the preview is built, the form filled and
  saved by a headless browser (a robot: a lower bound for a person), and the time until the
  preview serves the new event after the save;
- **a person's time**, estimated with the Keystroke-Level Model (Card, Moran & Newell): each step
  below lists its operators; K = one keystroke (0.28 s; a Chinese character typed with a pinyin
  input method counts as 3 keystrokes), P = pointing with the mouse and clicking (1.1 s + 0.2 s),
  H = moving a hand between mouse and keyboard (0.4 s), M = thinking or looking something up
  (1.35 s). Installing Python and downloading the packages (the same in both paths) is not
  counted. The estimate assumes no mistakes; the "before" path is where mistakes happen
  (indentation, quotes around **, a wrong entrepreneur id, saving as ANSI), each one adding a
  check-and-fix round.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "hooks"), str(REPO / "tests")]

OPERATORS = {"K": 0.28, "P": 1.3, "H": 0.4, "M": 1.35}
TITLE = "民营企业家座谈会"  # 8 characters

BEFORE = [  # (step, operators)
    ("在项目文件夹中按住 Shift 右键，选“在此处打开 PowerShell 窗口”", "M P P"),
    ("输入 py -3.11 -m venv .venv 回车（一次性）", "H M " + "K" * 23),
    ("输入 .venv\\Scripts\\pip install -r requirements.txt 回车（一次性）", "M " + "K" * 46),
    (f"输入 .venv\\Scripts\\showcase new event --title \"{TITLE}\" --date 2023-06-15 回车", "M " + "K" * 60 + "K" * 24),
    ("在资源管理器中找到 data\\events\\2023-…yml，右键“打开方式”选记事本", "H M P P P P P"),
    ("查看文件中的类别列表，改 category 为“服务企业”", "M P H " + "K" * 16),
    ("查看 site.yml 或文件中的说明，写 area: fuwu-xinghui", "M H P H " + "K" * 20),
    ("到 data\\entrepreneurs 中找陈示宇的文件名，回到记事本删掉 # 写 entrepreneurs: [chen-shiyu]", "M H P P P M P P H " + "K" * 28),
    ('写 participants: "**"（记得加引号）', "M P H " + "K" * 20),
    ("在资源管理器中把照片复制进 data\\photos\\ 并改名", "M H P P P P P P H " + "K" * 22),
    ("在记事本中写 photos:、- src: photos/…jpg、alt: …（缩进两个空格）", "M P H " + "K" * 60 + "K" * 24),
    ("Ctrl+S 保存（确认编码是 UTF-8）", "M K K P"),
    ("回到 PowerShell，输入 .venv\\Scripts\\showcase check 回车，读结果", "H P H M " + "K" * 30 + " M"),
    ("输入 .venv\\Scripts\\mkdocs serve --dirty 回车", "M " + "K" * 35),
    ("打开浏览器，输入 127.0.0.1:8000，点“创建活动”，找到新活动", "H P P H " + "K" * 15 + " H P M P"),
]
AFTER = [
    ("双击 安装.cmd，等“安装完成”后按任意键（一次性）", "M P P M K"),
    ("双击 打开编辑器.cmd（Edge 自动打开）", "M P P"),
    ("点“打开项目文件夹”，在对话框中选项目文件夹，点“选择文件夹”，允许查看和保存（第一次）", "P M P P P P"),
    ("点左边“活动”，点“新建”", "M P P"),
    ("右侧“编号”中输入 2023-zuotanhui", "P H " + "K" * 14),
    (f"标题输入“{TITLE}”", "H P H " + "K" * 24),
    ("日期输入 2023-06-15", "H P H " + "K" * 10),
    ("类别：打开列表，选“服务企业”", "H P M P"),
    ("所属工作板块：打开列表，选“坚持服务兴会”", "M P P"),
    ("参加人数输入 **", "P H K K"),
    ("相关企业家：点列表，输入“陈”，选“陈示宇（示例电子信息技术有限公司）”", "H P H K K K H M P"),
    ("点“添加活动照片”，在对话框中选照片文件", "P P M P P"),
    ("替代文字输入“企业家在座谈会上发言”", "P H " + "K" * 30),
    ("点“保存”，再点“在预览中查看”", "H M P P"),
]


def klm(operators: str) -> float:
    return sum(OPERATORS[op] for op in operators if op in OPERATORS)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait(url: str, contains: str = "", timeout: float = 600) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if contains in response.read().decode("utf-8", "replace"):
                    return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(url)


def _timed(command: list[str], cwd: Path) -> float:
    start = time.monotonic()
    subprocess.run([sys.executable, *command], cwd=cwd, check=True, capture_output=True)
    return time.monotonic() - start


def _copy_example(parent: Path) -> Path:
    root = parent / "中文 项目"
    for name in ("data", "docs", "overrides", "hooks"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def machine_before(root: Path) -> dict[str, float]:
    out = {"showcase new": _timed(["-m", "showcase", "new", "event", "--title", TITLE, "--date", "2023-06-15",
                                   "--id", "2023-zuotanhui"], root)}
    path = root / "data" / "events" / "2023-zuotanhui.yml"
    path.write_text(
        f'title: {TITLE}\ndate: "2023-06-15"\ncategory: 服务企业\narea: fuwu-xinghui\nparticipants: "**"\n'
        "entrepreneurs: [chen-shiyu]\n", encoding="utf-8",
    )
    out["showcase check"] = _timed(["-m", "showcase", "check"], root)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        out["mkdocs serve --dirty: first build"] = _wait(f"http://127.0.0.1:{port}/events/2023-zuotanhui/", TITLE)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    path.unlink()
    return out


def machine_after(root: Path, photo: Path) -> dict[str, float]:
    from browser.editorkit import READ_OPFS, field_group, open_project, save, write_back
    from playwright.sync_api import sync_playwright

    port, preview_port = _free_port(), _free_port()
    start = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "showcase", "edit", "--no-browser", "--port", str(port), "--preview-port", str(preview_port)],
        cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    base, preview = f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{preview_port}/"
    out: dict[str, float] = {}
    try:
        _wait(base, "showcase-editor")
        out["showcase edit: editor answers"] = time.monotonic() - start
        _wait(preview)
        out["showcase edit: preview built"] = time.monotonic() - start
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=shutil.which("chromium") or "chromium", args=["--no-sandbox"])
            page = browser.new_page(locale="zh-CN", viewport={"width": 1400, "height": 950})
            started = time.monotonic()
            open_project(page, base, root)
            page.goto(base + "#/collections/events/new")
            page.get_by_role("textbox", name="编号", exact=True).fill("2023-zuotanhui")
            page.get_by_role("textbox", name="标题", exact=True).fill(TITLE)
            page.get_by_role("textbox", name="日期", exact=True).fill("2023-06-15")
            page.get_by_role("combobox", name="类别").click()
            page.get_by_role("option", name="服务企业", exact=True).click()
            page.get_by_role("combobox", name="所属工作板块").click()  # five areas and “(无)”: a list
            page.get_by_role("option", name="坚持服务兴会", exact=True).click()
            page.get_by_role("textbox", name="参加人数").fill("**")
            people = page.get_by_role("combobox", name="相关企业家")
            people.click()
            people.press_sequentially("陈")
            page.get_by_role("option", name="陈示宇（示例电子信息技术有限公司）").click()
            page.get_by_role("textbox", name="摘要").click()
            photos = field_group(page, "活动照片")
            photos.get_by_role("button", name="添加 \u2068活动照片\u2069").click()
            photos.locator("input[type=file]").first.set_input_files(str(photo))
            photos.get_by_role("textbox", name="替代文字").fill("企业家在座谈会上发言")
            save(page)
            out["form filled and saved by a robot"] = time.monotonic() - started
            write_back(page.evaluate(READ_OPFS), root)  # on a PC the browser writes the folder itself
            out["save → preview serves the new event"] = _wait(preview + "events/2023-zuotanhui/", TITLE)
            browser.close()
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=30)
    return out


def main() -> int:
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="editor-task-") as tmp:
        root = _copy_example(Path(tmp))
        photo = Path(tmp) / "座谈会 现场.jpg"
        Image.new("RGB", (1600, 1200), (150, 40, 40)).save(photo, "JPEG")
        before_machine = machine_before(root)
        after_machine = machine_after(root, photo)
    for name, steps, machine in (("before: YAML + PowerShell", BEFORE, before_machine),
                                 ("after: launcher + form", AFTER, after_machine)):
        person = sum(klm(ops) for _, ops in steps)
        keys = sum(ops.count("K") for _, ops in steps)
        clicks = sum(ops.count("P") for _, ops in steps)
        print(f"\n{name}: {len(steps)} steps, {clicks} clicks, {keys} keystrokes, a person ≈ {person:.0f} s")
        for number, (step, ops) in enumerate(steps, start=1):
            print(f"  {number:>2}. {step}  ({klm(ops):.1f} s)")
        for label, seconds in machine.items():
            print(f"  machine: {label}: {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
