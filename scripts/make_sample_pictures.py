"""Draw the example's pictures: the unit's emblem, event photos, honor certificates and
portraits. Every picture is an obvious illustration marked “示例” (never a real photo or
a real certificate), small, and the same on every run (fixed random seed).

    .venv/bin/python scripts/make_sample_pictures.py            # → data/photos/sample/*.png|jpg

Needs Pillow and a Simplified Chinese font (Noto Sans CJK, Source Han Sans, Microsoft YaHei
or PingFang); the pictures are committed, so only someone changing them runs this.
Which records show them is written in their YAML files (photo, photos, certificate,
site.yml unit.emblem).
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "data" / "photos" / "sample"
RED, RED_DARK, GOLD, CREAM = (159, 29, 34), (110, 16, 20), (201, 162, 39), (250, 244, 232)

# Events: file name → (scene, words on the banner)
EVENTS = {
    "2022-xinhuo-peixun": ("classroom", "新生代企业家培训班"),
    "2022-chuangjian-zhuanti-huiyi": ("meeting", "创建工作专题会议"),
    "2022-zhiwei-peixun": ("classroom", "执委培训班"),
    "2022-shanghai-yiqing-juanzhu": ("donation", "爱心捐助"),
    "2022-baiqi-zhu-baicun": ("village", "百企助百村"),
    "2022-xiying-ershida-hongse-jiaoyu": ("memorial", "红色教育行"),
}
HONORS = {
    "2022-quanguo-wuhao-xianji-gongshanglian": "全国“五好”县级工商联",
    "2022-quanguo-sihao-shanghui": "全国“四好”商会",
    "2021-quanguo-tuopin-gongjian-xianjin-jiti": "全国脱贫攻坚先进集体",
    "2020-kangyi-tongbao-biaoyang": "抗击新冠疫情通报表扬",
}
PEOPLE = ("chen-shiyu", "li-shihua", "liu-shiyun", "sun-shilin", "wang-shiming", "zhang-shiguo", "zhao-shiping")

FONT_CANDIDATES = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc", 2),
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("C:/Windows/Fonts/msyhbd.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
)


def font_path() -> tuple[str, int]:
    for path, index in FONT_CANDIDATES:
        if Path(path).is_file():
            return path, index
    if shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "-f", "%{file}", "Noto Sans CJK SC:bold"],
                               check=False, capture_output=True, text=True)
        if found.returncode == 0 and Path(found.stdout).is_file():
            return found.stdout, 2 if found.stdout.endswith(".ttc") else 0
    sys.exit("找不到简体中文字体（Noto Sans CJK、思源黑体、微软雅黑或苹方），无法绘制示例图片")


class Fonts:
    def __init__(self) -> None:
        self.path, self.index = font_path()

    def __call__(self, size: int) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(self.path, size, index=self.index)


def sample_tag(img: Image.Image, font: Fonts, text: str = "示例图片") -> None:
    """A corner label no one can mistake for part of a real photo."""
    draw = ImageDraw.Draw(img)
    f = font(max(14, img.width // 28))
    box = draw.textbbox((0, 0), text, font=f)
    w, h = box[2] - box[0], box[3] - box[1]
    pad = f.size // 2
    x, y = img.width - w - 3 * pad, pad
    draw.rounded_rectangle((x - pad, y - pad // 2, x + w + pad, y + h + pad * 1.4), radius=pad // 2, fill=(0, 0, 0))
    draw.text((x, y - box[1] + pad // 4), text, font=f, fill=(255, 255, 255))


def gradient(size: tuple[int, int], top: tuple[int, int, int], bottom: tuple[int, int, int]) -> Image.Image:
    w, h = size
    img = Image.new("RGB", size)
    draw = ImageDraw.Draw(img)
    for y in range(h):
        t = y / max(1, h - 1)
        draw.line([(0, y), (w, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom)))
    return img


def people_rows(draw: ImageDraw.ImageDraw, rnd: random.Random, w: int, top: int, bottom: int, rows: int) -> None:
    """Rows of seated people seen from behind: heads and shoulders in soft colours."""
    coats = [(52, 58, 74), (70, 74, 90), (40, 44, 56), (88, 70, 62), (60, 80, 96)]
    for r in range(rows):
        y = top + (bottom - top) * r / max(1, rows - 1)
        scale = 0.55 + 0.45 * r / max(1, rows - 1)
        step = int(92 * scale)
        for x in range(-step // 2 + rnd.randint(0, step // 2), w + step, step):
            head = int(15 * scale)
            coat = rnd.choice(coats)
            draw.ellipse((x - head * 2, y, x + head * 2, y + head * 5), fill=coat)
            draw.ellipse((x - head, y - head * 2, x + head, y), fill=(36, 30, 28))


def banner(draw: ImageDraw.ImageDraw, font: Fonts, w: int, y: int, text: str, width_ratio: float = 0.74) -> None:
    bw = int(w * width_ratio)
    x = (w - bw) // 2
    draw.rectangle((x, y, x + bw, y + 58), fill=RED)
    f = font(30)
    box = draw.textbbox((0, 0), text, font=f)
    draw.text(((w - (box[2] - box[0])) // 2, y + 29 - (box[3] - box[1]) // 2 - box[1]), text, font=f, fill=(255, 235, 170))


def scene(kind: str, words: str, font: Fonts, seed: int) -> Image.Image:
    rnd = random.Random(seed)
    w, h = 960, 640
    if kind in ("classroom", "meeting"):
        img = gradient((w, h), (236, 228, 214), (196, 182, 164))
        draw = ImageDraw.Draw(img)
        draw.rectangle((0, 0, w, 250), fill=(214, 202, 186))
        draw.rectangle((140, 120, w - 140, 150), fill=(120, 96, 72))  # stage edge
        banner(draw, font, w, 40, words)
        if kind == "meeting":
            draw.rectangle((160, 200, w - 160, 250), fill=(244, 244, 240))  # table with cloth
            draw.rectangle((160, 246, w - 160, 262), fill=(45, 120, 70))
        people_rows(draw, rnd, w, 320, 560, 3)
    elif kind == "donation":
        img = gradient((w, h), (222, 234, 244), (188, 206, 222))
        draw = ImageDraw.Draw(img)
        banner(draw, font, w, 36, words, 0.6)
        for i in range(9):  # stacked boxes of supplies
            x, y = 120 + (i % 3) * 130 + rnd.randint(-6, 6), 420 - (i // 3) * 95
            draw.rectangle((x, y, x + 120, y + 90), fill=(196, 160, 112), outline=(150, 118, 80), width=3)
            draw.line((x, y + 45, x + 120, y + 45), fill=(150, 118, 80), width=3)
        people_rows(draw, rnd, w, 470, 600, 2)
        draw.rectangle((600, 250, 860, 470), fill=(244, 244, 244), outline=(120, 120, 120), width=3)
        draw.text((640, 330), "爱心物资", font=font(40), fill=RED)
    elif kind == "village":
        img = gradient((w, h), (200, 226, 246), (240, 246, 250))
        draw = ImageDraw.Draw(img)
        draw.polygon([(0, 330), (220, 230), (430, 320), (640, 210), (960, 320), (960, 640), (0, 640)], fill=(120, 168, 110))
        for i in range(12):  # terraces
            y = 380 + i * 22
            draw.line((0, y, w, y - 40 + rnd.randint(-10, 10)), fill=(96, 146, 88), width=6)
        for x in (160, 330, 520):  # houses
            draw.rectangle((x, 300, x + 120, 390), fill=(240, 236, 226))
            draw.polygon([(x - 14, 302), (x + 60, 250), (x + 134, 302)], fill=(90, 90, 96))
        draw.rectangle((640, 150, 900, 204), fill=RED)
        draw.text((664, 156), words, font=font(30), fill=(255, 235, 170))
        people_rows(draw, rnd, w, 520, 600, 2)
    else:  # memorial
        img = gradient((w, h), (214, 226, 240), (244, 238, 230))
        draw = ImageDraw.Draw(img)
        draw.rectangle((380, 140, 580, 470), fill=(200, 196, 190))
        draw.polygon([(360, 140), (480, 70), (600, 140)], fill=(180, 176, 170))
        draw.rectangle((300, 470, 660, 510), fill=(170, 166, 160))
        for x in range(90, 900, 140):
            draw.ellipse((x - 50, 420, x + 50, 520), fill=(70, 122, 70))
        banner(draw, font, w, 40, words, 0.5)
        people_rows(draw, rnd, w, 560, 610, 1)
    img = img.filter(ImageFilter.GaussianBlur(1.2))  # an illustration, soft like a photo
    sample_tag(img, font)
    return img


def certificate(title: str, font: Fonts) -> Image.Image:
    w, h = 800, 600
    img = Image.new("RGB", (w, h), RED)
    draw = ImageDraw.Draw(img)
    draw.rectangle((24, 24, w - 24, h - 24), fill=CREAM)
    draw.rectangle((40, 40, w - 40, h - 40), outline=GOLD, width=6)
    draw.rectangle((54, 54, w - 54, h - 54), outline=GOLD, width=2)
    heading = font(64)
    box = draw.textbbox((0, 0), "荣誉证书", font=heading)
    draw.text(((w - box[2]) // 2, 96), "荣誉证书", font=heading, fill=RED)
    body = font(36 if len(title) <= 12 else 30)
    box = draw.textbbox((0, 0), title, font=body)
    draw.text(((w - box[2]) // 2, 270), title, font=body, fill=(60, 40, 20))
    small = font(24)
    draw.text((w // 2 - 150, 360), "（示例证书，仅作演示）", font=small, fill=(110, 90, 60))
    cx, cy, r = w - 200, h - 150, 70  # a seal drawn as a ring: clearly not a real one
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(200, 40, 40), width=6)
    draw.text((cx - 36, cy - 16), "示例", font=font(34), fill=(200, 40, 40))
    sample_tag(img, font, "示例")
    return img


def portrait(seed: int, font: Fonts) -> Image.Image:
    """A head-and-shoulders silhouette on a studio backdrop: a stand-in, not a person."""
    rnd = random.Random(seed)
    w, h = 360, 480
    backdrop = rnd.choice([((214, 222, 232), (170, 184, 202)), ((226, 220, 212), (188, 178, 166)), ((220, 226, 220), (176, 190, 180))])
    img = gradient((w, h), *backdrop)
    draw = ImageDraw.Draw(img)
    figure = (118, 128, 146)
    draw.ellipse((30, 310, 330, 640), fill=figure)  # shoulders
    draw.rectangle((152, 240, 208, 330), fill=figure)  # neck
    draw.ellipse((110, 100, 250, 270), fill=figure)  # head
    draw.polygon([(160, 318), (180, 372), (200, 318)], fill=(236, 238, 242))  # collar
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    sample_tag(img, font, "示例")
    return img


def emblem(font: Fonts) -> Image.Image:
    size = 512
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    c = size // 2
    draw.ellipse((8, 8, size - 8, size - 8), fill=RED)
    draw.ellipse((40, 40, size - 40, size - 40), outline=GOLD, width=10)
    draw.ellipse((66, 66, size - 66, size - 66), fill=(255, 255, 255))
    points = []  # a five-pointed star
    for i in range(10):
        angle = -math.pi / 2 + i * math.pi / 5
        radius = 150 if i % 2 == 0 else 60
        points.append((c + radius * math.cos(angle), c - 10 + radius * math.sin(angle)))
    draw.polygon(points, fill=RED)
    f = font(54)
    box = draw.textbbox((0, 0), "示例", font=f)
    draw.text((c - (box[2] - box[0]) // 2, 352), "示例", font=f, fill=RED)
    return img


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="绘制示例图片（单位标志、活动照片、荣誉证书、人物照片）")
    parser.add_argument("--out", default=str(OUT), help="输出文件夹，默认 data/photos/sample/")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    font = Fonts()
    emblem(font).save(out / "emblem.png", optimize=True)
    for n, (name, (kind, words)) in enumerate(EVENTS.items()):
        scene(kind, words, font, seed=n).save(out / f"{name}.jpg", quality=72, optimize=True, progressive=True)
    for name, title in HONORS.items():
        certificate(title, font).save(out / f"{name}-certificate.jpg", quality=74, optimize=True, progressive=True)
    for n, name in enumerate(PEOPLE):
        portrait(100 + n, font).save(out / f"{name}.jpg", quality=72, optimize=True, progressive=True)
    total = sum(p.stat().st_size for p in out.iterdir())
    print(f"已写入 {len(list(out.iterdir()))} 张示例图片到 {out}（共 {total // 1024} KB）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
