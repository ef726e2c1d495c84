"""Photos: resized WebP/JPEG copies with srcset and sizes, no location metadata, cached."""

from __future__ import annotations

import io

import pytest
from datakit import EVENT, PERSON, problems_of
from PIL import Image
from sitebuild import build_site

GPS_IFD = 0x8825


def camera_jpeg(width=3000, height=2000) -> bytes:
    """A big JPEG with EXIF including GPS coordinates and a camera model, like a phone's."""
    img = Image.new("RGB", (width, height), (90, 140, 200))
    exif = Image.Exif()
    exif[0x0110] = "TestPhone 12"  # Model
    exif[0x0112] = 1  # Orientation
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (37.0, 30.0, 0.0), 3: "E", 4: (121.0, 24.0, 0.0)})
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", exif=exif, quality=90)
    return buffer.getvalue()


@pytest.fixture
def photo_project(project):
    raw = camera_jpeg()
    assert Image.open(io.BytesIO(raw)).getexif().get_ifd(GPS_IFD), "fixture must carry GPS"
    project.write_bytes("data/photos/zhang-san.jpg", raw)
    project.write_bytes("data/photos/huiyi.jpg", camera_jpeg(1200, 800))
    project.write(
        "data/entrepreneurs/zhang-san.yml",
        PERSON + "photo:\n  src: photos/zhang-san.jpg\n  alt: 张三在企业车间\n",
    )
    project.write(
        "data/events/e1.yml",
        EVENT + "entrepreneurs: [zhang-san]\nphotos:\n  - src: photos/huiyi.jpg\n    alt: 培训班现场\n    caption: 开班仪式\n",
    )
    return project


def test_published_copies_are_resized_and_carry_no_metadata(photo_project, tmp_path):
    site = build_site(photo_project.root, tmp_path / "out")
    media = sorted((tmp_path / "out" / "media").iterdir())
    names = [p.name for p in media]
    assert not any(n == "zhang-san.jpg" for n in names), "the original must not be published"
    widths = set()
    for path in media:
        with Image.open(path) as img:
            assert not img.getexif(), f"{path.name} still has EXIF"
            assert "exif" not in img.info and "xmp" not in img.info
            if path.name.startswith("zhang-san"):
                widths.add(img.width)
    assert widths == {480, 960, 1600}
    assert any(n.endswith(".webp") for n in names) and any(n.endswith(".jpg") for n in names)
    for path in media:  # no copy anywhere contains the GPS bytes either
        assert b"TestPhone" not in path.read_bytes()

    page = site.soup("entrepreneurs/zhang-san/")
    img = page.select_one("img.sc-profile__photo")
    assert img["alt"] == "张三在企业车间"
    assert int(img["width"]) > 0 and int(img["height"]) > 0
    assert abs(int(img["width"]) / int(img["height"]) - 1.5) < 0.01
    assert "480w" in img["srcset"] and "1600w" in img["srcset"] and img.get("sizes")
    source = img.find_parent("picture").select_one("source[type='image/webp']")
    assert ".webp 480w" in source["srcset"]
    assert img.get("loading") != "lazy", "the profile photo is above the fold"

    card = site.soup("entrepreneurs/").select_one("img.sc-person__photo")
    assert card["loading"] == "lazy"
    main = site.soup("events/e1/").select_one("figure.sc-photo--main img")
    assert main.get("loading") != "lazy" and main["alt"] == "培训班现场"  # the event's first photo: above the fold
    # a 1200-px photo is not blown up: its widest copy is its own width
    assert "1200w" in main["srcset"] and "1600w" not in main["srcset"]
    assert site.broken_links() == []


def test_unchanged_photos_are_not_processed_again(photo_project, tmp_path):
    build_site(photo_project.root, tmp_path / "one")
    cache = photo_project.root / ".cache" / "images"
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    assert before
    build_site(photo_project.root, tmp_path / "two")
    after = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    assert after == before


def test_unpublished_profile_photo_is_not_published(photo_project, tmp_path):
    path = photo_project.root / "data/entrepreneurs/zhang-san.yml"
    path.write_text(path.read_text(encoding="utf-8") + "published: false\n", encoding="utf-8")
    build_site(photo_project.root, tmp_path / "out")
    assert not any(p.name.startswith("zhang-san") for p in (tmp_path / "out" / "media").iterdir())


def test_unreadable_photo_is_a_validation_error_with_its_file_name(project):
    project.write_bytes("data/photos/broken.jpg", b"\xff\xd8\xff\xe0 this is not really a jpeg")
    project.write("data/entrepreneurs/zhang-san.yml", PERSON + "photo:\n  src: photos/broken.jpg\n  alt: 照片\n")
    (problem,) = problems_of(project)
    assert problem.path == "data/entrepreneurs/zhang-san.yml" and problem.line == PERSON.count("\n") + 2
    assert "data/photos/broken.jpg" in problem.message and "无法读取" in problem.message


def test_photo_without_alt_asks_for_it(project):
    project.write_bytes("data/photos/a.jpg", camera_jpeg(100, 80))
    project.write("data/entrepreneurs/zhang-san.yml", PERSON + "photo: photos/a.jpg\n")
    (problem,) = problems_of(project)
    assert problem.field == "photo" and "alt" in problem.message
