"""Small PDFs made in tests: text pages, metadata, and every kind of bad input.

Text is drawn in Helvetica, so only ASCII (digits are enough for personal numbers).
"""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _stream(writer: PdfWriter, data: bytes, extra: dict | None = None):
    stream = DecodedStreamObject()
    stream.set_data(data)
    for key, value in (extra or {}).items():
        stream[NameObject(key)] = value
    return writer._add_object(stream)


def make_pdf(
    pages: list[str] | tuple[str, ...] = ("Sample document",),
    *,
    author: str | None = None,
    xmp: str | None = None,
    thumbnail: bool = False,
    piece_info: bool = False,
    javascript: bool = False,
    open_action_js: bool = False,
    embedded: bool = False,
    encrypt: str | None = None,
    jpeg: bytes | None = None,
    link: str | None = None,
) -> bytes:
    """A PDF with one page per text (each line of a text drawn on the page)."""
    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    for text in pages:
        page = writer.add_blank_page(595, 842)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        ops = ["BT", "/F1 14 Tf", "72 760 Td", "18 TL"]
        for line in text.split("\n"):
            ops.append(f"({_escape(line)}) Tj T*")
        ops.append("ET")
        if jpeg is not None:  # a photo on the page, its JPEG bytes kept as they are (DCTDecode)
            from PIL import Image

            with Image.open(io.BytesIO(jpeg)) as img:
                width, height = img.size
            image = _stream(
                writer,
                b"",
                {
                    "/Type": NameObject("/XObject"),
                    "/Subtype": NameObject("/Image"),
                    "/Width": NumberObject(width),
                    "/Height": NumberObject(height),
                    "/ColorSpace": NameObject("/DeviceRGB"),
                    "/BitsPerComponent": NumberObject(8),
                    "/Filter": NameObject("/DCTDecode"),
                },
            )
            image.get_object()._data = jpeg
            page[NameObject("/Resources")][NameObject("/XObject")] = DictionaryObject({NameObject("/Im1"): image})
            ops.append(f"q {width} 0 0 {height} 72 300 cm /Im1 Do Q")
        page[NameObject("/Contents")] = _stream(writer, "\n".join(ops).encode("latin-1"))
        if link is not None:  # a link annotation over the first line
            action = DictionaryObject({NameObject("/S"): NameObject("/URI"), NameObject("/URI"): TextStringObject(link)})
            annotation = DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Annot"),
                    NameObject("/Subtype"): NameObject("/Link"),
                    NameObject("/Rect"): ArrayObject([NumberObject(v) for v in (72, 750, 300, 770)]),
                    NameObject("/A"): action,
                }
            )
            page[NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])
        if thumbnail:
            page[NameObject("/Thumb")] = _stream(
                writer,
                bytes([128]) * 12,
                {
                    "/Width": NumberObject(2),
                    "/Height": NumberObject(2),
                    "/ColorSpace": NameObject("/DeviceRGB"),
                    "/BitsPerComponent": NumberObject(8),
                },
            )
        if piece_info:
            page[NameObject("/PieceInfo")] = DictionaryObject(
                {NameObject("/Illustrator"): DictionaryObject({NameObject("/Private"): TextStringObject(author or "x")})}
            )
    if author is not None:
        writer.add_metadata({"/Author": author, "/Creator": "Secret Editor 1.0", "/Producer": "Secret Producer"})
    if xmp is not None:
        writer._root_object[NameObject("/Metadata")] = _stream(
            writer, xmp.encode("utf-8"), {"/Type": NameObject("/Metadata"), "/Subtype": NameObject("/XML")}
        )
    if javascript:  # document-level JavaScript in the names tree
        action = writer._add_object(
            DictionaryObject(
                {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert('hi')")}
            )
        )
        writer._root_object[NameObject("/Names")] = DictionaryObject(
            {
                NameObject("/JavaScript"): DictionaryObject(
                    {NameObject("/Names"): ArrayObject([TextStringObject("hello"), action])}
                )
            }
        )
    if open_action_js:
        action = DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
        )
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    if embedded:
        writer.add_attachment("secret.txt", b"hidden content")
    if encrypt is not None:
        writer.encrypt(user_password=encrypt, owner_password=encrypt + "-owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def xmp_packet(creator: str) -> str:
    return (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )





def jpeg_with_exif(artist: str = "Sample Artist Name", size: tuple[int, int] = (40, 30)) -> bytes:
    """A small JPEG whose EXIF names a person (Artist) and the software."""
    from PIL import Image

    exif = Image.Exif()
    exif[0x013B] = artist
    exif[0x0131] = "Sample Camera Software"
    buffer = io.BytesIO()
    Image.new("RGB", size, (180, 40, 40)).save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


# -- a project with documents of every kind (build and browser tests) ------------------------------

NOTICE = "documents/2022/工作 方案（定稿）.pdf"
NOTICE_URL = "documents/2022/gongzuo-fangan-dinggao.pdf"


def write_fixture(project) -> None:
    """An event (a notice, a press report, an unpublished item), an honor with a certificate scan,
    a criterion with its own document, and files nobody publishes."""
    from datakit import EVENT, HONOR

    project.write_bytes(
        f"data/{NOTICE}",
        make_pdf(["Notice page one", "Notice page two"], author="Zhang Sanfeng", xmp=xmp_packet("Zhang Sanfeng"),
                 thumbnail=True, piece_info=True),
    )
    project.write_bytes("data/documents/press.pdf", make_pdf(["Press clipping text"]))
    project.write_bytes("data/documents/rules.pdf", make_pdf(["Rules of the association"]))
    project.write_bytes("data/documents/证书 扫描.jpg", jpeg_with_exif("Secret Scanner Person", (300, 210)))
    project.write_bytes("data/documents/hidden.pdf", make_pdf(["Not for the site"]))
    project.write_bytes("data/documents/orphan.pdf", make_pdf(["Listed by nobody"]))
    project.write("data/criteria/c1.yml", "title: 创建工作部署\nexplanation: 说明。\ndocuments:\n"
                  "  - file: documents/rules.pdf\n    title: 制度汇编\n    kind: 其他\n")
    project.write(
        "data/events/e1.yml",
        EVENT
        + "criteria: [c1]\ndocuments:\n"
        + f"  - file: {NOTICE}\n    title: 关于印发工作方案的通知\n    kind: 文件\n    issuer: 测试协会\n"
        + '    number: 测协发〔2022〕1号\n    date: "2022-03-01"\n'
        + "  - file: documents/press.pdf\n    title: 测试日报的报道\n    kind: 报道\n    outlet: 测试日报\n"
        + '    date: "2022-06-18"\n    link: https://example.org/news/1\n'
        + "  - file: documents/hidden.pdf\n    title: 不发布的材料\n    kind: 其他\n    published: false\n",
    )
    project.write(
        "data/honors/h1.yml",
        HONOR + "criteria: [c1]\ndocuments:\n  - file: documents/证书 扫描.jpg\n    title: 荣誉证书扫描件\n    kind: 证书\n",
    )
    project.write("data/events/e2.yml", EVENT + "published: false\ndocuments:\n"
                  "  - file: documents/orphan.pdf\n    title: 未发布记录的材料\n    kind: 文件\n")
