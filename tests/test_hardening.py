"""Holes an attacker and a hurried editor find (issue 12): one test (or more) per class.

1. values Material's templates print (page meta, configuration, navigation) are escaped;
2. file names reach URLs and attributes only as safe names;
3. personal numbers as a reader reads them (also tests/test_personal_numbers.py);
4. ``mkdocs build --dirty`` keeps every guarantee of a normal build;
5. publishing survives a kill between its two renames;
6. docs/ is under the same rules as data/;
7. failures a user can cause are Chinese messages, never tracebacks;
8. names that would break the build or Windows are refused;
9. smaller ones: very large images, embeds in attributes, concurrent builds;
10. the CSP tooling blesses only the project's own scripts (tests/test_deploy.py covers the
    installer's copy-then-check).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from datakit import EVENT, IMAGE_BYTES, PERSON, problems_of, report
from mkdocs.exceptions import Abort
from PIL import Image
from showcase.output import publish
from showcase.output.personal import reader_text
from sitebuild import build_site, snapshot

REPO = Path(__file__).resolve().parent.parent
MATERIAL_TEMPLATES = Path(__import__("material").__file__).parent / "templates"
PAYLOAD = "\"'><img src=x onerror=alert(1)><script>alert('x')</script>"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def assert_no_injection(out: Path) -> None:
    """No element or attribute that the payload would have created, in any page."""
    for path in out.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(True):
            assert not any(name.lower().startswith("on") for name in tag.attrs), f"{path}: {tag}"
            if tag.name == "script":
                assert "alert(" not in (tag.string or ""), f"{path}: {tag}"
            assert tag.name != "img" or tag.get("src") != "x", f"{path}: {tag}"


def failed_build(project, out, caplog) -> str:
    caplog.clear()
    with pytest.raises(Abort):
        build_site(project.root, out)
    return "\n".join(r.getMessage() for r in caplog.records if r.levelname == "ERROR")


# -- 1. escaping what Material prints -----------------------------------------------------------

MATERIAL_META = re.compile(r"(?:page|nav_item)\.meta\.([a-z_]+)")
MATERIAL_CONFIG = re.compile(r"\bconfig\.([a-z_]+)")
# Every key Material's templates read, and how we answer it.
META_ESCAPED = {"title", "description"}  # allowed in front matter, printed escaped
META_REFUSED = {"author", "subtitle", "icon", "status", "template", "location", "revision_date",
                "git_creation_date_localized", "git_revision_date_localized", "hide"}  # hide: a closed list
CONFIG_ESCAPED = {"site_name", "site_description", "site_author", "copyright", "repo_name", "extra"}
CONFIG_NOT_TEXT = {"theme", "lang", "pipeline", "date", "separator", "plugins", "readtime", "mdx_configs", "pin",
                   "links", "version_selector", "show_email_address", "extra_javascript", "extra_css", "draft",
                   "repo_url", "site_url", "use_directory_urls", "extra_templates", "markdown_extensions"}


def test_every_key_materials_templates_read_is_answered():
    text = "\n".join(p.read_text(encoding="utf-8") for p in MATERIAL_TEMPLATES.rglob("*.html"))
    meta = set(MATERIAL_META.findall(text))
    config = set(MATERIAL_CONFIG.findall(text))
    assert meta, "Material's templates changed: no page meta found"
    assert meta <= META_ESCAPED | META_REFUSED, meta - META_ESCAPED - META_REFUSED
    assert config <= CONFIG_ESCAPED | CONFIG_NOT_TEXT, config - CONFIG_ESCAPED - CONFIG_NOT_TEXT


def test_front_matter_and_configuration_are_escaped_everywhere(project, tmp_path):
    yaml_payload = PAYLOAD.replace('"', '\\"')
    project.write("docs/page.md", f'---\ntitle: "{yaml_payload}"\ndescription: "{yaml_payload}"\n---\n正文。\n')
    project.write("docs/heading.md", "# 标题\"'><script>alert('x')</script><b onclick=alert(1)>粗</b>\n\n正文。\n")
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("site_name: 测试站点", f'site_name: "{yaml_payload}"')
    config += (
        f'site_description: "{yaml_payload}"\nsite_author: "{yaml_payload}"\ncopyright: "{yaml_payload}"\n'
        f'repo_name: "{yaml_payload}"\nextra:\n  generator: false\n  note: "{yaml_payload}"\n'
        f'nav:\n  - "{yaml_payload}": index.md\n  - 页面: page.md\n  - heading.md\n'
    )
    (project.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    out = tmp_path / "out"
    build_site(project.root, out)
    assert_no_injection(out)
    page = (out / "page/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in page  # shown as text, not dropped


@pytest.mark.parametrize("key", sorted(META_REFUSED))
def test_front_matter_keys_material_would_print_or_load_are_refused(project, key):
    project.write("docs/page.md", f'---\n{key}: "{PAYLOAD.replace(chr(34), chr(92) + chr(34))}"\n---\n正文。\n')
    found = problems_of(project)
    assert any(p.path == "docs/page.md" and p.line == 2 and key in (p.field + p.message) for p in found), report(found)


def test_a_repo_url_that_is_not_a_web_address_is_refused(project, tmp_path, caplog):
    with open(project.root / "mkdocs.yml", "a", encoding="utf-8") as fh:
        fh.write("repo_url: 'https://example.org/\"><script>alert(1)</script>'\n")
    message = failed_build(project, tmp_path / "out", caplog)
    assert "repo_url" in message and "网址" in message


# -- 2. file names ---------------------------------------------------------------------------------


def test_photo_file_names_become_safe_names(project, tmp_path):
    bad = 'x" onerror="alert(1) 活动照片.jpg'
    project.write_bytes(f"data/photos/{bad}", IMAGE_BYTES)
    project.write("data/events/e.yml", EVENT + f"photos:\n  - src: 'photos/{bad}'\n    alt: 照片\n")
    out = tmp_path / "out"
    build_site(project.root, out)
    assert_no_injection(out)
    names = [p.name for p in (out / "media").iterdir()]
    assert names and all(re.fullmatch(r"[\w-]+\.(webp|jpg)", n) for n in names), names


# -- 3. personal numbers in a real build -----------------------------------------------------------


@pytest.mark.parametrize(
    "where",
    [
        "body: 联系电话：１３８１２３４５６７８\n",  # full-width digits
        "body: 联系电话：+86 138 1234 5678\n",
        "body: 手机 138**1234**5678\n",  # split by Markdown emphasis
        "summary: 身份证 370602 19900101 123X\n",  # grouped ID (check digit computed below)
        "tags: [联系13812345678]\n",  # reaches the search index and the tag page
    ],
)
def test_disguised_numbers_stop_the_build(project, tmp_path, caplog, where):
    if "123X" in where:
        body = "37060219900101123"
        weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
        check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]
        where = where.replace("123X", "123" + check)
    project.write("data/events/e.yml", EVENT + where)
    message = failed_build(project, tmp_path / "out", caplog)
    assert "data/events/e.yml" in message and ("手机号" in message or "身份证号" in message)
    assert not (tmp_path / "out").exists()


def test_a_number_in_a_toc_label_written_with_character_references(project, tmp_path, caplog):
    refs = "".join(f"&#{ord(d)};" for d in "13812345678")
    project.write("docs/page.md", f"# 页面\n\n## 联系{refs}\n\n正文。\n")
    message = failed_build(project, tmp_path / "out", caplog)
    assert "page" in message and "手机号" in message


# -- 4. mkdocs build --dirty -------------------------------------------------------------------------


def _mkdocs(project, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MKDOCS, "build", "--quiet", *args], cwd=project.root, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def _index_text(site: Path) -> str:
    """Every file of the search index, decoded as a reader of its data would read it."""
    files = sorted((site / "search").rglob("*.js"))
    assert files, "no search index"
    return "\n".join(reader_text(p.name, p.read_text(encoding="utf-8")) for p in files)


def test_dirty_builds_keep_every_guarantee(project):
    project.write("data/entrepreneurs/zhang-san.yml", PERSON)
    project.write("data/events/e.yml", EVENT + "entrepreneurs: [zhang-san]\n")
    assert _mkdocs(project).returncode == 0
    site = project.root / "site"
    assert (site / "entrepreneurs/zhang-san/index.html").is_file()
    assert "张三" in _index_text(site)
    # consent withdrawn: the profile leaves the site, the search index and the event page
    project.write("data/entrepreneurs/zhang-san.yml", PERSON.replace("scope:", "withdrawn: 2023-01-01\n  scope:"))
    result = _mkdocs(project, "--dirty")
    assert result.returncode == 0, result.stderr
    assert not (site / "entrepreneurs/zhang-san").exists()
    assert "张三" not in _index_text(site)
    assert "张三" not in (site / "events/e/index.html").read_text(encoding="utf-8")
    # a failed output check leaves site/ exactly as it was
    before = snapshot(site)
    project.write("data/events/e.yml", EVENT + "body: 手机 13912345678\n")
    result = _mkdocs(project, "--dirty")
    assert result.returncode != 0 and "网站没有更新" in result.stderr
    assert snapshot(site) == before
    assert "13912345678" not in "".join(p.read_text(errors="ignore") for p in site.rglob("*.html"))


# -- 5. publishing survives a kill between the renames ------------------------------------------------


def test_a_kill_between_the_two_renames_loses_nothing(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("旧网站", encoding="utf-8")
    building = publish.start(target)
    (building / "index.html").write_text("新网站", encoding="utf-8")
    # the first rename of swap_in happened, then the process was killed
    os.replace(target, tmp_path / ".site.previous-killed")
    assert not target.exists()
    again = publish.start(target)  # the next build restores the previous output first
    assert (target / "index.html").read_text(encoding="utf-8") == "旧网站"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")) == [again.name]
    publish.abandon(again)


# -- 6. docs/ under the same rules ----------------------------------------------------------------------


def test_a_symlink_in_docs_is_refused(project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0", encoding="utf-8")
    (project.root / "docs" / "leak.md").symlink_to(secret)
    found = problems_of(project)
    assert any(p.path == "docs/leak.md" and "符号链接" in p.message for p in found), report(found)


@pytest.mark.parametrize("name", ["报表.xlsx", "通知.docx", "材料.pdf", "page.html", "x.svg", "app.js"])
def test_files_docs_may_not_publish_are_refused(project, name):
    project.write_bytes(f"docs/{name}", b"content")
    found = problems_of(project)
    assert any(p.path == f"docs/{name}" for p in found), report(found)


def test_pictures_in_docs_lose_their_metadata(project, tmp_path):
    img = Image.new("RGB", (40, 30), (10, 120, 200))
    exif = img.getexif()
    exif[0x013B] = "13812345678 张三"  # Artist
    exif[0x8825] = {1: "N", 2: (37.0, 30.0, 0.0)}  # GPS
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", exif=exif)
    project.write_bytes("docs/photo.jpg", buffer.getvalue())
    project.write("docs/index.md", "# 首页\n\n![照片](photo.jpg)\n")
    out = tmp_path / "out"
    build_site(project.root, out)
    published = (out / "photo.jpg").read_bytes()
    assert b"13812345678" not in published and b"Exif" not in published
    assert Image.open(io.BytesIO(published)).size == (40, 30)


def test_a_page_in_docs_at_a_generated_address_is_an_error(project, tmp_path, caplog):
    project.write("data/events/e.yml", EVENT)
    project.write("docs/events/e/index.md", "# 冒名的页面\n")
    message = failed_build(project, tmp_path / "out", caplog)
    assert "docs/events/e/index.md" in message and "events/e/" in message


def test_broken_front_matter_is_a_problem_not_page_text(project):
    project.write("docs/page.md", "---\ntitle: [没有闭合\n---\n正文。\n")
    found = problems_of(project)
    assert any(p.path == "docs/page.md" and p.line == 2 for p in found), report(found)


def test_system_files_in_docs_are_left_out(project, tmp_path):
    project.write_bytes("docs/Thumbs.db", b"\x00\x01")
    project.write_bytes("docs/desktop.ini", b"[.ShellClassInfo]")
    out = tmp_path / "out"
    build_site(project.root, out)
    assert not (out / "Thumbs.db").exists() and not (out / "desktop.ini").exists()


# -- 7. Chinese messages, never tracebacks ------------------------------------------------------------------


def test_a_narrative_saved_as_gbk_is_explained(project):
    project.write_bytes("docs/page.md", "# 页面\n\n正文内容。\n".encode("gbk"))
    found = problems_of(project)
    assert any(p.path == "docs/page.md" and "UTF-8" in p.message for p in found), report(found)


def test_a_truncated_photo_that_passes_verify_is_explained(project, tmp_path, caplog):
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 30, 30)).save(buffer, "JPEG", quality=95)
    data = buffer.getvalue()
    project.write_bytes("data/photos/cut.jpg", data[: len(data) // 2])
    project.write("data/events/e.yml", EVENT + "photos:\n  - src: photos/cut.jpg\n    alt: 照片\n")
    message = failed_build(project, tmp_path / "out", caplog)
    assert "data/events/e.yml:5" in message and "photos/cut.jpg" in message


def test_an_output_folder_that_cannot_be_written_is_explained(project, tmp_path, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output's parent folder should be", encoding="utf-8")
    message = failed_build(project, blocker / "out", caplog)  # fails even for root
    assert "无法" in message and "写入" in message


def test_write_errors_during_a_build_are_explained(project, tmp_path, monkeypatch):
    import mkdocs.utils
    from mkdocs.exceptions import PluginError

    def too_large(content, output_path):
        raise OSError(27, "File too large", output_path)

    monkeypatch.setattr(mkdocs.utils, "write_file", too_large)
    with pytest.raises(PluginError, match="写入网站文件时出错"):
        build_site(project.root, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_deep_yaml_in_an_existing_record_does_not_crash_the_tools(project):
    from showcase.model import EVENT as EVENT_KIND
    from showcase.tools.scaffold import create_record

    project.write("data/events/deep.yml", "title: " + "[" * 5000 + "]" * 5000 + "\n")
    project.write("data/entrepreneurs/deep.yml", "name: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n")
    created = create_record(project.root, EVENT_KIND, "新的活动", date="2022-05-01")
    assert created.path.is_file()


def test_import_writes_all_files_or_none(project, monkeypatch):
    from showcase.model import EVENT as EVENT_KIND
    from showcase.tools import yamlwrite
    from showcase.tools.importer import import_file

    rows = "标题,日期,类别\n" + "".join(f"活动{i},2022-05-0{i},教育培训\n" for i in range(1, 6))
    sheet = project.write("活动.csv", rows)
    real_open = open
    written = []

    def full_disk(path, *args, **kwargs):
        if str(path).endswith(".tmp"):
            written.append(path)
            if len(written) == 3:
                raise OSError(28, "No space left on device")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(yamlwrite, "open", full_disk, raising=False)
    result = import_file(sheet, EVENT_KIND, project.root)
    assert not result.ok and "没有写入任何文件" in result.problems[0]
    assert sorted(p.name for p in (project.root / "data").rglob("*.yml")) == ["site.yml"]
    assert not list((project.root / "data").rglob("*.tmp"))


# -- 8. names that break the build or Windows ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["index", "con", "nul", "lpt1"])
def test_reserved_names_are_refused_as_ids(project, name):
    from showcase.tools.ids import id_problem

    project.write(f"data/events/{name}.yml", EVENT)
    found = problems_of(project)
    assert any(p.path == f"data/events/{name}.yml" for p in found), report(found)
    assert id_problem(name) is not None


def test_tags_that_differ_only_in_case_are_a_problem(project):
    project.write("data/events/a.yml", EVENT + "tags: [AI]\n")
    project.write("data/events/b.yml", EVENT + "tags: [ai]\n")
    found = problems_of(project)
    assert {p.path for p in found if "大小写" in p.message} == {"data/events/a.yml", "data/events/b.yml"}


def test_a_tag_named_index_gets_its_own_page(project, tmp_path):
    project.write("data/events/a.yml", EVENT + "tags: [index, con]\n")
    site = build_site(project.root, tmp_path / "out")
    assert site.exists("tags/")
    pages = [p for p in (tmp_path / "out/tags").iterdir() if p.is_dir()]
    assert len(pages) == 2 and not any(p.name.lower() in ("index", "con") for p in pages)


# -- 9. smaller ----------------------------------------------------------------------------------------------


def test_images_over_the_pixel_limit_are_refused_in_chinese(project):
    buffer = io.BytesIO()
    Image.new("1", (10000, 8000)).save(buffer, "PNG")  # 80 megapixels, a small file
    project.write_bytes("data/photos/big.png", buffer.getvalue())
    project.write("data/events/e.yml", EVENT + "photos:\n  - src: photos/big.png\n    alt: 照片\n")
    found = problems_of(project)
    assert any("像素过多" in p.message for p in found), report(found)


def test_an_embed_inside_an_html_attribute_is_refused(project, tmp_path, caplog):
    project.write("data/events/e.yml", EVENT)
    project.write("docs/page.md", '# 页面\n\n<span title="[[event:e]]">文字</span>\n')
    message = failed_build(project, tmp_path / "out", caplog)
    assert "docs/page.md:3" in message and "属性" in message


def test_a_second_build_into_the_same_folder_is_told_another_is_running(project, tmp_path, caplog):
    out = tmp_path / "out"
    lock = publish.BuildLock(out.resolve())
    lock.acquire()
    try:
        message = failed_build(project, out, caplog)
    finally:
        lock.release()
    assert "另一次生成" in message
    assert not out.exists()


# -- 10. the CSP blesses only the project's scripts ------------------------------------------------------------


def test_csp_refuses_an_inline_script_no_template_writes(tmp_path, capsys):
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import csp
    finally:
        sys.path.pop(0)
    site = build_site(REPO, tmp_path / "example").out
    assert csp.main([str(site), "-q"]) == 0
    capsys.readouterr()
    page = site / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", "<script>alert(1)</script></body>"), encoding="utf-8")
    assert csp.main([str(site), "-q"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "index.html" in err and "注入" in err
    shutil.rmtree(site)
