"""Whitespace and control characters, normalised once for every page reader."""

from __future__ import annotations

import re

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACE_BEFORE_PUNCT_RE = re.compile(r" (?=[.,;:!?)])")


def clean(text: str | None) -> str:
    """Collapse whitespace and drop control characters (not content, and break XML).

    Called tens of thousands of times a scan: compiled patterns, and str.split() for the
    whitespace (it splits on exactly what the regex class \\s matches once controls are gone).
    """
    if not text:
        return ""
    text = " ".join(_CONTROL_RE.sub("", text).split())
    return _SPACE_BEFORE_PUNCT_RE.sub("", text)  # get_text(" ") puts a space before "."
