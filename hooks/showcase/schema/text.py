"""Text fields: one line, several lines, Markdown, links."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..core.text import count_chars, url_problem
from .base import JSON, Block, Cleaning, Describing, Field, FieldType, limit_text
from .cms import pattern

# What a link may be (core.text.url_problem), for the form: a scheme we allow with no spaces,
# quotes or brackets, or a site path that has no scheme, does not start with // and has no "..".
URL_FORM_PATTERN = (
    r"^(?:(?:https?://[^/?#\s\\<>\"'`]+|mailto:|tel:)[^\s\\<>\"'`]*"
    r"|(?![A-Za-z][A-Za-z0-9+.-]*:)(?!//)(?!(?:[^?]*/)?\.\.(?:[/?]|$))[^\s\\<>\"'`]*)$"
)


@dataclass(frozen=True)
class Text(FieldType):
    """One line of plain text (inner whitespace collapsed)."""

    max_length: int | None = None
    # Limit counted as the national rules count 字数: every Chinese character, letter, digit
    # and punctuation mark is one; spaces and line breaks are not counted.
    max_chars: int | None = None
    example_text: str | None = None

    def normalize(self, text: str) -> str:
        return " ".join(text.split())

    def clean_text(self, f: Field, text: str, line: int, path: str, at: Cleaning) -> Any:
        text = self.normalize(text)
        if self.max_length and len(text) > self.max_length:
            return at.problem(line, path, f"“{f.label}”过长（{len(text)} 字），最多 {self.max_length} 字，请精简")
        if self.max_chars and (counted := count_chars(text)) > self.max_chars:
            return at.problem(
                line, path,
                f"“{f.label}”过长（{counted} 字），最多 {self.max_chars} 字（汉字、字母、数字和标点各算 1 字，"
                "空格和换行不计），请精简",
            )
        return self.checked(f, text, line, path, at)

    def checked(self, f: Field, text: str, line: int, path: str, at: Cleaning) -> Any:
        return text or None

    def json_schema(self, f: Field, env: Describing) -> JSON:
        out: JSON = {"type": "string"}
        if self.max_length:
            out["maxLength"] = self.max_length
        return out

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "一行文字" + limit_text(f, self.max_length)

    def example(self, f: Field, env: Describing) -> Any:
        return self.example_text if self.example_text is not None else f.label

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        out: JSON = {"widget": self.cms_input, "use_emoji_autocomplete": False}
        if self.max_length:
            out["maxlength"] = self.max_length
        if self.max_chars:
            out.update(
                pattern(
                    rf"^\s*(?:\S\s*){{0,{self.max_chars}}}$",
                    f"最多 {self.max_chars} 字（汉字、字母、数字和标点各算 1 字，空格和换行不计），请精简",
                )
            )
        return out

    @property
    def cms_input(self) -> str:
        return "string"


@dataclass(frozen=True)
class LongText(Text):
    """Plain text that may span lines (quotes, explanations)."""

    wide = True

    @property
    def cms_input(self) -> str:
        return "text"

    def normalize(self, text: str) -> str:
        return text.strip()

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "文字，可以换行" + limit_text(f, self.max_length)

    def to_yaml(self, f: Field, value: Any) -> Any:
        text = "\n".join(line.rstrip() for line in str(value).replace("\r\n", "\n").replace("\r", "\n").strip().split("\n"))
        return Block(text) if "\n" in text else text


@dataclass(frozen=True)
class Markdown(LongText):
    """Markdown, rendered and sanitized when published."""

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "多段文字（Markdown），写成 `|` 后换行缩进" + limit_text(f, self.max_length)

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        # Plain-text mode first: the rich-text mode rewrites the whole text as CommonMark, which
        # Python-Markdown (our renderer) reads differently in places (nested lists, a list right
        # after a paragraph). Editors may switch to it; the source stays what they see.
        return {
            "widget": "markdown",
            "modes": ["raw", "rich_text"],
            "buttons": ["bold", "italic", "link", "quote", "bulleted-list", "numbered-list"],
            "editor_components": [],  # no code blocks (their highlighter loads from a CDN), no images
            "use_emoji_autocomplete": False,
            "linked_images": False,
        }


@dataclass(frozen=True)
class Url(LongText):
    """http(s), mailto:, tel: or a site-relative path."""

    wide = False

    def checked(self, f: Field, text: str, line: int, path: str, at: Cleaning) -> Any:
        if reason := url_problem(text):
            return at.problem(
                line, path,
                f"{reason}。链接只能以 http://、https://、mailto:、tel: 开头，或是站内路径（例如 events/2022-xinhuo-peixun/）",
            )
        return text or None

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "`https://` 开头的网址，或站内路径" + limit_text(f, self.max_length)

    def to_yaml(self, f: Field, value: Any) -> Any:
        return str(value)

    def example(self, f: Field, env: Describing) -> Any:
        return self.example_text or "https://example.org/"

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        out: JSON = {"widget": "string", "use_emoji_autocomplete": False}
        if self.max_length:
            out["maxlength"] = self.max_length
        out.update(
            pattern(
                URL_FORM_PATTERN,
                "链接只能以 http://、https://、mailto:、tel: 开头，或是站内路径（例如 events/2022-xinhuo-peixun/），不能有空格",
            )
        )
        return out
