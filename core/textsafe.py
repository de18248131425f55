"""Make scraped text safe for the formats the watcher writes.

Everything the watcher publishes (feed, digest, terminal output) starts as text scraped
from a web page or a PDF, so it can hold anything: control characters (XML 1.0 forbids
C0 controls other than tab/newline/CR; python-docx and lxml raise on them), lone
surrogates (they cannot be encoded as UTF-8), bidirectional overrides (they visually
reorder a line, "trojan source" style), Markdown or HTML syntax, ``javascript:`` links.

The helpers here are pure functions of ``str`` and never raise on odd input:

- :func:`clean_text` -- the base: valid XML 1.0 characters only, no bidi overrides.
- :func:`one_line` -- :func:`clean_text` plus whitespace collapsed to single spaces.
- :func:`md_escape` -- for text placed inside Markdown.
- :func:`safe_url` -- an http(s) URL or ``None``.
- :func:`terminal_safe` -- for printing to a terminal (no escape sequences at all).
- :func:`deep_clean` -- :func:`clean_text` applied to every string in a JSON-like value.
- :func:`csv_safe` -- for a spreadsheet cell (no live formulas).

HTML and XML escaping proper is left to the libraries (jinja2 autoescape, markupsafe,
lxml/feedgen): these helpers only remove what those libraries cannot represent.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import quote, urlsplit

# Characters outside XML 1.0's Char production, plus C1 controls (allowed by XML 1.0 but
# "discouraged", meaningless in scraped text, and rejected by some consumers), plus the
# bidi embedding/override/isolate controls. Tab, newline and CR are kept here; CR is
# normalised away by clean_text.
_FORBIDDEN = re.compile(
    "["
    "\x00-\x08\x0b\x0c\x0e-\x1f"  # C0 controls except \t \n \r
    "\x7f-\x9f"  # DEL and C1 controls
    "\ud800-\udfff"  # lone surrogates (a str from surrogateescape or JSON "\ud800")
    "\ufffe\uffff"  # non-characters XML forbids
    "\u202a-\u202e"  # LRE RLE PDF LRO RLO: embeddings and overrides
    "\u2066-\u2069"  # LRI RLI FSI PDI: isolates
    "]"
)
# Left-to-right / right-to-left marks (U+200E, U+200F, U+061C) are kept: they are
# harmless, legitimate in right-to-left names, and cannot reorder surrounding text.

_WS = re.compile(r"\s+")


def clean_text(value: Any) -> str:
    """Return ``value`` as a str holding only characters every output format accepts.

    ``None`` becomes ``""``; other non-strings are converted with ``str``. CRLF and lone
    CR become ``\\n``; the text is NFC-normalised (so the same title scraped twice
    compares equal).
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _FORBIDDEN.sub("", value)
    return unicodedata.normalize("NFC", value)


def one_line(value: Any, *, limit: int | None = None) -> str:
    """:func:`clean_text`, whitespace collapsed, stripped; cut at a word if ``limit``."""
    text = _WS.sub(" ", clean_text(value)).strip()
    if limit is not None and len(text) > limit:
        cut = text[: max(limit - 1, 0)]
        if " " in cut[limit // 2 :]:
            cut = cut[: cut.rfind(" ")]
        text = cut.rstrip(" ,;:-") + "…"
    return text


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“‘(])")


def first_sentence(value: Any, *, limit: int = 300) -> str:
    """The first sentence of ``value`` (one line), cut at ``limit`` characters."""
    text = one_line(value)
    parts = _SENTENCE_END.split(text, maxsplit=1)
    return one_line(parts[0] if parts else "", limit=limit)


# Inline Markdown syntax (CommonMark + GFM tables/strikethrough). "&" is escaped so that
# scraped "&lt;script&gt;" shows as those characters rather than being decoded.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>&|~#!{}])")
# Block syntax that only matters at the start of a line.
_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))", re.MULTILINE)


def md_escape(value: Any) -> str:
    """Escape text for Markdown so that it renders as the same literal characters.

    Newlines are kept (callers that need one line use ``md_escape(one_line(x))``), but
    every line is escaped so that scraped text can never start a heading, list, quote,
    table or raw HTML block.
    """
    text = _MD_INLINE.sub(r"\\\1", clean_text(value))
    return _MD_LINE_START.sub(
        lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2)),
        text,
    )


def safe_url(value: Any) -> str | None:
    """Return ``value`` as an absolute http(s) URL fit for an href, or ``None``.

    Anything else (``javascript:``, ``data:``, relative or malformed URLs) gives
    ``None`` so a caller shows the text without a link. Spaces, quotes, angle brackets
    and other characters that would break out of an attribute, a Markdown link or a
    docx relationship are percent-encoded.
    """
    text = one_line(value)
    if not text:
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(text, safe="/:?#[]@!$&'()*+,;=%~-._")


def md_url(value: Any) -> str | None:
    """:func:`safe_url` further encoded for use inside Markdown ``<...>`` or ``(...)``."""
    url = safe_url(value)
    if url is None:
        return None
    return url.replace("(", "%28").replace(")", "%29").replace("'", "%27")


_ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|.)?")


def terminal_safe(value: Any) -> str:
    """Text safe to print on a terminal: no escape sequences, no controls but ``\\n``.

    Tabs become spaces; ANSI CSI/OSC sequences are removed whole (not just their ESC),
    so hostile titles cannot retitle the window, hide text or fake hyperlinks.
    """
    if value is None:
        return ""
    text = _ANSI.sub("", str(value) if not isinstance(value, str) else value)
    text = clean_text(text).replace("\t", " ")
    return text


for_terminal = terminal_safe


def deep_clean(value: Any) -> Any:
    """:func:`clean_text` every str (keys included) in nested dicts/lists/tuples."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {deep_clean(k) if isinstance(k, str) else k: deep_clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [deep_clean(v) for v in value]
    return value


_PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


def csv_safe(value: Any) -> str:
    """Text for a spreadsheet cell: cleaned, and never a live formula.

    A cell starting with = + - @ (or tab / CR) runs as a formula in Excel or LibreOffice
    ("CSV injection"), so it gets a leading apostrophe, unless it is a plain number.
    """
    text = clean_text(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _PLAIN_NUMBER.fullmatch(text):
        text = "'" + text
    return text
