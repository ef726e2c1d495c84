"""Personal numbers are found the way a reader reads them (showcase/output/personal.py).

Hypothesis generates valid ID and mobile numbers, disguises them as editors and attackers
write them (full-width digits, +86/0086, groups, every kind of dash and space, invisible
characters, emphasis, character references, JSON escapes) and checks that each is found,
that a declared public number still passes, and that ordinary figures are not mistaken for one.
"""

from __future__ import annotations

import datetime
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from showcase.output.personal import NumberScan, find_numbers, html_text, json_text, normalize, valid_id_number

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(region: int, birth: datetime.date, sequence: int) -> str:
    body = f"{region:06d}{birth:%Y%m%d}{sequence:03d}"
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True)) % 11]
    return body + check


ids = st.builds(
    id_number,
    st.integers(110000, 659999),
    st.dates(datetime.date(1930, 1, 1), datetime.date(2015, 12, 31)),
    st.integers(0, 999),
)
old_ids = st.builds(
    lambda region, birth, seq: f"{region:06d}{birth:%y%m%d}{seq:03d}",
    st.integers(110000, 659999),
    st.dates(datetime.date(1930, 1, 1), datetime.date(1999, 12, 31)),
    st.integers(0, 999),
)
mobiles = st.builds(lambda second, rest: f"1{second}{rest:09d}", st.sampled_from("3456789"), st.integers(0, 10**9 - 1))

SEPARATORS = [" ", "  ", "\u3000", "-", "\u2013", "\u2014", "\uff0d", ".", "\u200b", "\u00ad", "\u2060", "\n", " - ", "\t"]
MOBILE_GROUPS = [(11,), (3, 4, 4), (3, 8), (4, 3, 4), (3, 3, 5)]
ID_GROUPS = [(18,), (6, 8, 4), (6, 4, 4, 4), (3, 3, 4, 4, 4), (6, 12)]


def _split(number: str, sizes: tuple[int, ...]) -> list[str]:
    out, start = [], 0
    for size in sizes:
        out.append(number[start : start + size])
        start += size
    if start < len(number):
        out[-1] += number[start:]
    return out


FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


@st.composite
def disguised(draw, numbers, groups):
    number = draw(numbers)
    parts = _split(number, draw(st.sampled_from(groups)))
    separators = [draw(st.sampled_from(SEPARATORS)) for _ in parts[1:]]
    text = parts[0] + "".join(sep + part for sep, part in zip(separators, parts[1:], strict=True))
    if draw(st.booleans()):
        text = text.translate(FULL_WIDTH)
    if len(number) == 11 and draw(st.booleans()):
        text = draw(st.sampled_from(["+86 ", "+86-", "0086 ", "0086", "(+86)", "86-"])) + text
    if draw(st.booleans()) and len(parts) > 1:  # parentheses around the first group, as in (138)1234-5678
        text = "(" + text.replace(parts[0], parts[0] + ")", 1) if text.startswith(parts[0]) else text
    before = draw(st.sampled_from(["联系电话：", "身份证号", "电话", "", "号码 "]))
    after = draw(st.sampled_from(["。", "，请联系", "", "（本人）"]))
    return number, before + text + after


@settings(max_examples=300, deadline=None)
@given(disguised(mobiles, MOBILE_GROUPS))
def test_disguised_mobile_numbers_are_found(case):
    number, text = case
    found = find_numbers(text)
    assert [f.kind for f in found] == ["mobile"], (text, found)
    assert number not in found[0].masked


@settings(max_examples=300, deadline=None)
@given(disguised(ids, ID_GROUPS))
def test_disguised_id_numbers_are_found(case):
    number, text = case
    assert valid_id_number(number)
    assert "id-number" in [f.kind for f in find_numbers(text)], text


@settings(max_examples=100, deadline=None)
@given(old_ids)
def test_fifteen_digit_ids_are_found(number):
    assert [f.kind for f in find_numbers(f"证件号 {number}。")] == ["id-number"]


@settings(max_examples=200, deadline=None)
@given(mobiles, st.sampled_from(["em", "strong", "span", "a"]), st.integers(1, 10))
def test_numbers_split_by_markup_or_written_as_references_are_found(number, tag, cut):
    html = f"<p>手机 {number[:cut]}<{tag}>{number[cut:]}</{tag}></p>"
    assert [f.kind for f in find_numbers(html_text(html))] == ["mobile"]
    referenced = "".join(f"&#{ord(d)};" if i % 2 else d for i, d in enumerate(number))
    assert [f.kind for f in find_numbers(html_text(f'<a title="号码 {referenced}">联系</a>'))] == ["mobile"]


@settings(max_examples=200, deadline=None)
@given(mobiles)
def test_numbers_in_json_after_chinese_text_are_found(number):
    # ensure_ascii writes 中文 as \\u4e2d\\u6587: a letter right before the digits in the raw file
    raw = json.dumps({"docs": [{"text": f"<p>联系人手机{number}</p>"}]})
    assert "\\u" in raw
    assert [f.kind for f in NumberScan().file("search/search_index.json", raw)] == ["mobile"]


@settings(max_examples=200, deadline=None)
@given(disguised(mobiles, MOBILE_GROUPS))
def test_a_declared_public_number_passes_in_any_form(case):
    number, text = case
    assert find_numbers(text, allowed=[f"{number[:3]}-{number[3:7]}-{number[7:]}"]) == []


@settings(max_examples=300, deadline=None)
@given(st.integers(10**8, 10**12), st.integers(1900, 2100))
def test_amounts_and_years_are_not_numbers_of_people(amount, year):
    text = f"投资 {amount:,} 元，{year} 年 {year + 1} 年 {year + 2} 年，共 {amount % 1000} 人"
    assert find_numbers(text) == []


def test_table_cells_do_not_run_together():
    cells = "".join(f"<td>{n}</td>" for n in ("1500", "2000", "300", "1390", "1234", "5678"))
    assert find_numbers(html_text(f"<table><tr>{cells}</tr></table>")) == []


@pytest.mark.parametrize(
    "text",
    [
        "１３８１２３４５６７８",  # full-width: the Chinese IME default
        "+86 138 1234 5678",
        "0086-138-1234-5678",
        "138．1234．5678",
        "138\u200b1234\u200d5678",
        "138\u00ad1234\u00ad5678",
        "(138) 1234 5678",
        "138\n1234\n5678",
        "138 — 1234 — 5678",
    ],
)
def test_named_disguises(text):
    assert [f.kind for f in find_numbers(text)] == ["mobile"]


def test_normalize_folds_what_looks_the_same():
    assert normalize("１２３\u200b－４５") == "123-45"
    assert json_text('{"a": ["x", {"b": "&#49;"}]}').count("1") == 1


def test_generated_file_names_never_read_as_a_number():
    """Published names carry a digest; in letters only it can never complete a phone or ID
    number with the digits around it (a photo's stem, its width)."""
    import hashlib

    from showcase.core.text import letter_token

    for n in range(2000):
        digest = hashlib.sha256(str(n).encode()).hexdigest()
        token = letter_token(digest)
        assert len(token) == 8 and token.isalpha() and not set(token) & set("ilox")
        for name in (f"img-138-{token}-960.jpg", f"2022-{token}-1600.webp", f"{letter_token(digest, 14)}.png"):
            assert find_numbers(name) == [], name
    assert letter_token("0" * 64) != letter_token("f" * 64)
