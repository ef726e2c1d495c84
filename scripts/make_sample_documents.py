"""Write the example's sample documents into data/documents/示例/ (each clearly marked 示例).

    .venv/bin/python scripts/make_sample_documents.py            # → data/documents/示例/…
    .venv/bin/python scripts/make_sample_documents.py --out /tmp/docs

Three small files show what attached documents look like on the site: a red-header notice
with a 文号 (PDF with a text layer), a newspaper clipping (PDF) and a certificate (a JPG
“scan”, with EXIF the site removes). Nothing in them is real: the unit, the 文号 and the
newspaper are invented, and every page carries a large “示例” mark.

The PDFs are drawn directly (pypdf objects, a few KB each): Chinese text uses the standard
Adobe-GB1 font STSong-Light, which PDF readers supply themselves, so no font is embedded.
They carry an author and producer in their metadata on purpose: the site strips both when
it publishes them. The certificate is the first page of such a PDF rendered by PDFium (its
font then comes from the system: fonts-noto-cjk, installed by scripts/setup-dev.sh).
The folder and file names have spaces and Chinese characters on purpose: the site
publishes them under ASCII addresses (/documents/shili/…).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

REPO = Path(__file__).resolve().parent.parent
A4 = (595, 842)
RED = (0.8, 0.0, 0.0)
BLACK = (0.07, 0.07, 0.07)
GREY = (0.4, 0.4, 0.4)
MARK = (1.0, 0.88, 0.88)


def _name(text: str) -> NameObject:
    return NameObject(text)


class Sheet:
    """One page being drawn: text in STSong-Light (full-width and half-width), lines, boxes."""

    def __init__(self, width: float = A4[0], height: float = A4[1]) -> None:
        self.width, self.height = width, height
        self.ops: list[str] = []

    def color(self, rgb: tuple[float, float, float]) -> str:
        return "{:.3f} {:.3f} {:.3f}".format(*rgb)

    def text(self, x: float, y: float, size: float, text: str, rgb=BLACK, *, angle: float = 0.0) -> None:
        import math

        hexed = text.encode("utf-16-be").hex()
        c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        self.ops.append(
            f"BT {self.color(rgb)} rg /F1 {size} Tf {c:.4f} {s:.4f} {-s:.4f} {c:.4f} {x:.1f} {y:.1f} Tm <{hexed}> Tj ET"
        )

    def centred(self, y: float, size: float, text: str, rgb=BLACK, spacing: float = 0.0) -> None:
        width = sum(size * (0.5 if ord(ch) < 128 else 1.0) + spacing for ch in text) - spacing
        if spacing:
            self.ops.append(f"{spacing:.1f} Tc")
        self.text((self.width - width) / 2, y, size, text, rgb)
        if spacing:
            self.ops.append("0 Tc")

    def paragraph(self, x: float, y: float, size: float, text: str, width_chars: int, leading: float,
                  indent: bool = True) -> float:
        """Wrap ``text`` at ``width_chars`` full-width characters; return the y below it."""
        line, count, first = "", 0.0, True
        limit = width_chars - (2 if indent else 0)
        for ch in text:
            step = 0.5 if ord(ch) < 128 else 1.0
            if count + step > limit:
                self.text(x + (2 * size if first and indent else 0), y, size, line)
                y -= leading
                line, count, first, limit = "", 0.0, False, width_chars
            line += ch
            count += step
        if line:
            self.text(x + (2 * size if first and indent else 0), y, size, line)
            y -= leading
        return y

    def rule(self, x1: float, y: float, x2: float, width: float, rgb=RED) -> None:
        self.ops.append(f"{self.color(rgb)} RG {width} w {x1} {y} m {x2} {y} l S")

    def box(self, x: float, y: float, w: float, h: float, width: float, rgb) -> None:
        self.ops.append(f"{self.color(rgb)} RG {width} w {x} {y} {w} {h} re S")

    def fill(self, x: float, y: float, w: float, h: float, rgb) -> None:
        self.ops.append(f"{self.color(rgb)} rg {x} {y} {w} {h} re f")

    def mark(self) -> None:
        """The large, pale, diagonal “示例” behind everything."""
        self.text(self.width * 0.16, self.height * 0.3, 170, "示例", MARK, angle=30)


def write_pdf(sheets: list[Sheet], metadata: dict[str, str]) -> bytes:
    writer = PdfWriter()
    descriptor = writer._add_object(
        DictionaryObject(
            {
                _name("/Type"): _name("/FontDescriptor"),
                _name("/FontName"): _name("/STSong-Light"),
                _name("/Flags"): NumberObject(6),
                _name("/FontBBox"): ArrayObject([NumberObject(v) for v in (-25, -254, 1000, 880)]),
                _name("/ItalicAngle"): NumberObject(0),
                _name("/Ascent"): NumberObject(880),
                _name("/Descent"): NumberObject(-120),
                _name("/CapHeight"): NumberObject(880),
                _name("/StemV"): NumberObject(93),
            }
        )
    )
    cid_font = writer._add_object(
        DictionaryObject(
            {
                _name("/Type"): _name("/Font"),
                _name("/Subtype"): _name("/CIDFontType0"),
                _name("/BaseFont"): _name("/STSong-Light"),
                _name("/CIDSystemInfo"): DictionaryObject(
                    {
                        _name("/Registry"): TextStringObject("Adobe"),
                        _name("/Ordering"): TextStringObject("GB1"),
                        _name("/Supplement"): NumberObject(4),
                    }
                ),
                _name("/FontDescriptor"): descriptor,
                _name("/DW"): NumberObject(1000),
                # ASCII letters and digits are half-width
                _name("/W"): ArrayObject([NumberObject(1), NumberObject(95), NumberObject(500)]),
            }
        )
    )
    font = writer._add_object(
        DictionaryObject(
            {
                _name("/Type"): _name("/Font"),
                _name("/Subtype"): _name("/Type0"),
                _name("/BaseFont"): _name("/STSong-Light"),
                _name("/Encoding"): _name("/UniGB-UTF16-H"),
                _name("/DescendantFonts"): ArrayObject([cid_font]),
            }
        )
    )
    for sheet in sheets:
        page = writer.add_blank_page(sheet.width, sheet.height)
        page[_name("/Resources")] = DictionaryObject({_name("/Font"): DictionaryObject({_name("/F1"): font})})
        stream = DecodedStreamObject()
        stream.set_data("\n".join(sheet.ops).encode("ascii"))
        page[_name("/Contents")] = writer._add_object(stream.flate_encode())
    writer.metadata = None
    writer.add_metadata(metadata)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def notice() -> bytes:
    s = Sheet()
    s.mark()
    s.centred(700, 30, "示例市工商业联合会文件", RED, spacing=4)
    s.centred(650, 15, "示工商联发〔2022〕1号")
    s.rule(78, 632, 517, 2.2)
    s.centred(592, 19, "关于印发《示例市工商联创建示例省")
    s.centred(566, 19, "文明单位工作方案》的通知（示例）")
    y = s.paragraph(80, 520, 15, "各直属商会、机关各部室：", 29, 27, indent=False)
    y = s.paragraph(80, y, 15, "现将《示例市工商联创建示例省文明单位工作方案》印发给你们，请结合实际认真抓好落实。", 29, 27)
    y = s.paragraph(
        80, y, 15,
        "各单位要以社会主义核心价值观引领机关干部和广大民营企业家，广泛开展理想信念教育活动，"
        "引导各直属商会深入推进群众性精神文明创建，把精神文明建设纳入机关整体工作统筹推进。",
        29, 27,
    )
    s.text(340, y - 40, 15, "示例市工商业联合会")
    s.text(350, y - 67, 15, "2022年3月1日")
    s.text(80, 60, 9, "本文件为展示网站的示例材料，单位、文号和内容均为虚构，不具有任何效力。", GREY)
    return write_pdf([s], {"/Author": "示例起草人", "/Creator": "示例办公软件", "/Producer": "示例 PDF 导出"})


def clipping() -> bytes:
    s = Sheet()
    s.mark()
    s.text(72, 760, 32, "示例日报", BLACK)
    s.text(380, 764, 11, "2022年6月18日　第3版", GREY)
    s.rule(72, 748, 523, 1.5, BLACK)
    s.rule(72, 744, 523, 0.5, BLACK)
    s.fill(72, 706, 300, 22, (0.7, 0.0, 0.0))
    s.text(78, 712, 12, "奋斗新时代——示例市优秀民营企业家风采", (1, 1, 1))
    s.text(72, 664, 22, "扎根实业二十载　带富一方显担当（示例）")
    s.text(72, 636, 13, "——记示例市优秀民营企业家", GREY)
    y = 600
    for text in (
        "本报讯　在市工商联开设的“奋斗新时代——示例市优秀民营企业家风采”专栏中，一批民营企业家的先进事迹陆续与读者见面。",
        "他们坚守实业、勇于创新，在乡村振兴、公益慈善中积极作为，营造了尊重企业家、关心企业家、支持企业家的良好社会氛围。",
        "专栏由市工商联与本报联合推出，将持续展示民营企业家的奋斗故事。（本报记者　示例）",
    ):
        y = s.paragraph(72, y, 13, text, 34, 23)
    s.text(72, 60, 9, "本剪报为展示网站的示例材料，报纸名称、版面和内容均为虚构。", GREY)
    return write_pdf([s], {"/Author": "示例编辑", "/Producer": "示例排版系统"})


def certificate() -> bytes:
    """A certificate “scan”: a landscape page drawn as PDF, rendered by PDFium, saved as JPEG with EXIF."""
    import pypdfium2
    from PIL import Image

    s = Sheet(842, 595)
    s.fill(0, 0, 842, 595, (0.96, 0.92, 0.84))
    s.fill(24, 24, 794, 547, (1.0, 0.98, 0.94))
    s.box(30, 30, 782, 535, 6, (0.72, 0.53, 0.04))
    s.box(42, 42, 758, 511, 1.5, (0.72, 0.53, 0.04))
    s.text(230, 150, 170, "示例", MARK, angle=18)
    s.centred(450, 54, "荣誉证书", RED, spacing=18)
    s.text(110, 370, 24, "示例市工商联所属商会：")
    s.text(158, 325, 24, "被认定为示例省“四好”商会。")
    s.text(158, 280, 24, "特发此证，以资鼓励。")
    s.text(520, 190, 22, "示例省工商业联合会")
    s.text(560, 155, 22, "二〇二二年")
    s.text(60, 56, 12, "示例材料：单位和证书均为虚构", GREY)
    document = pypdfium2.PdfDocument(write_pdf([s], {}))
    try:
        image = document[0].render(scale=900 / 842).to_pil().convert("RGB")
    finally:
        document.close()
    exif = Image.Exif()
    exif[0x013B] = "Sample Scanner Operator"  # Artist: the site must not publish it
    exif[0x0131] = "Sample Scan Software 1.0"  # Software
    out = io.BytesIO()
    image.save(out, "JPEG", quality=60, optimize=True, progressive=True, exif=exif.tobytes())
    return out.getvalue()


FILES = {
    "2022 创建工作方案通知.pdf": notice,
    "2022 企业家风采专栏剪报.pdf": clipping,
    "2022 四好商会证书.jpg": certificate,
}


def main() -> int:
    parser = argparse.ArgumentParser(description="生成示例材料（每份都标有“示例”）")
    parser.add_argument("--out", default=str(REPO / "data" / "documents" / "示例"), help="输出文件夹")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, make in FILES.items():
        path = out / name
        path.write_bytes(make())
        print(f"{path}  {path.stat().st_size / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
