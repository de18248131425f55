"""The one definition of text cleaning and of "the same finding".

Three places compare finding text: the parser (a finding repeated in a summary and in
its chapter counts once, docs/counting-rules.md R3; a finding in the HTML and in the PDF
counts once, R8), the change detector (did a finding appear or go?) and the register
(which entry is this finding?). They all call this module, so a finding is "the same"
for all three in one way.

- `clean(s)`: what every extracted text goes through (invisible characters dropped,
  NFKC, whitespace collapsed).
- `normalise(s)`: the readable comparison form (case-folded, quotes dropped, dashes
  unified, a leading "Recommendation 3:" label or "2." number and trailing punctuation
  dropped). The register hashes it into its stable entry keys, so it must not change
  lightly: a change would orphan every stored entry.
- `finding_key(s)`: the tolerant key: `normalise` with punctuation, spacing, line-wrap
  hyphenation and lettered-part markers ("(a)", "ii.", "•") removed.
- `same_text(a, b)`: two keys name the same finding: equal, one (40+ characters) inside
  the other, or equal once numbers are ignored.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean", "finding_key", "normalise", "same_text"]

# Invisible / control characters: soft hyphen, zero-width, bidi marks and C0/C1 controls.
_INVISIBLE = re.compile(
    "[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\x00-\x08\x0e-\x1f\x7f-\x9f]"
)
_WS = re.compile(r"\s+")


def clean(s: str) -> str:
    """Drop invisible/control characters, NFKC (ligatures), collapse whitespace."""
    s = unicodedata.normalize("NFKC", _INVISIBLE.sub("", s))
    return _WS.sub(" ", s).strip()


_QUOTES = dict.fromkeys(map(ord, "\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2032\u2033"), None)
_DASH_MAP = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_LABEL = re.compile(
    r"^(recommendation|area for improvement|afi|cause of concern|coc)\s*(no\.?\s*)?\d*\s*[:.)\-]\s*"
)
_LEADING_NUMBER = re.compile(r"^\(?\d{1,3}[.)]\s+")


def normalise(text) -> str:
    """Finding or title text for comparison: NFKC, case-folded, quotes dropped, dashes
    unified, whitespace collapsed, a leading label or number and trailing punctuation dropped."""
    s = unicodedata.normalize("NFKC", str(text or ""))
    s = s.translate(_QUOTES).translate(_DASH_MAP).casefold()
    s = _WS.sub(" ", s).strip()
    s = _LABEL.sub("", s)
    s = _LEADING_NUMBER.sub("", s)  # "2. By 31 March ..." as some reports number them
    return s.rstrip(" .;:,").strip()


# Part markers and bullets: "(a)", "(iv)", "b)", "c.", "(2)", "•" at the start of a part. One
# copy of a repeated finding may carry them (a summary list renders its nested list as
# "(a) ... (b) ...") while another does not (a chapter's <ol type="a">), so keys ignore them.
_PART_MARKER = re.compile(
    r"(?:(?<=[\s:;,.])|^)(?:\(\s*(?:[a-z]|[ivx]{1,5}|\d{1,2})\s*\)|(?:[a-z]|[ivx]{1,5})[.)])(?=\s|$)"
    r"|[•●▪◦■□➢►]",
    re.I,
)
_DASHES = re.compile(r"[\-‐‑‒–—―]\s*")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DIGITS = re.compile(r"\d+")


def finding_key(text: str) -> str:
    """A key that ignores case, whitespace, line-wrap hyphenation, quotes, punctuation and
    the markers of lettered parts (R3: the same finding with or without "(a)" labels)."""
    t = _INVISIBLE.sub("", str(text or ""))
    t = normalise(t)
    t = _PART_MARKER.sub(" ", t)
    t = _DASHES.sub("", t)
    return _NON_ALNUM.sub("", t)


def same_text(ka: str, kb: str) -> bool:
    """Do two `finding_key`s name one finding (R3, R8)? Equal; or the shorter (40+
    characters) inside the longer (one copy has a title or a label the other lacks); or
    equal once numbers are dropped (a copy renumbered, or with its footnote marks)."""
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if len(short) >= 40 and short in long_:
        return True
    da, db = _DIGITS.sub("", ka), _DIGITS.sub("", kb)
    return len(da) >= 40 and da == db
