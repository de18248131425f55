"""Markup perturbations that keep a page's wording (tests/test_perturbation.py).

A theme nobody has seen differs from the fixtures in markup the parser must not depend
on: class and id attributes, heading levels, how bold is spelt, which list element is
used, extra wrappers and line breaks. Each change is made with a seeded random choice
per page, on the HTML text, so a failure names its seed and can be replayed.
"""

from __future__ import annotations

import random
import re

_ATTR = re.compile(r'\s(class|id)\s*=\s*("[^"]*"|\'[^\']*\')', re.I)
_HEADING = re.compile(r"<(/?)h([1-6])\b", re.I)
_BOLD = re.compile(r"<(/?)(strong|b)\b([^>]*)>", re.I)
_LIST = re.compile(r"<(/?)(ul|ol)\b([^>]*)>", re.I)
_PARA = re.compile(r"(<p\b[^>]*>)(.*?)(</p>)", re.I | re.S)


def _attrs(html: str, rng: random.Random) -> str:
    mode = rng.choice(("drop", "rename"))

    def sub(m: re.Match) -> str:
        if mode == "drop":
            return ""
        return f' {m.group(1)}="x{rng.randrange(10**6)}"'
    return _ATTR.sub(sub, html)


def _headings(html: str, rng: random.Random) -> str:
    """Every heading but the page title one level deeper (or shallower), order kept."""
    levels = {int(m.group(2)) for m in _HEADING.finditer(html)} - {1}
    if not levels:
        return html
    step = 1 if max(levels) <= 5 else -1 if min(levels) >= 3 else 0
    if step == 1 and min(levels) >= 3 and rng.random() < 0.5:
        step = -1
    return _HEADING.sub(lambda m: m.group(0) if m.group(2) == "1" else f"<{m.group(1)}h{int(m.group(2)) + step}", html)


def _bold(html: str, rng: random.Random) -> str:
    to = rng.choice(("b", "strong", "span"))

    def sub(m: re.Match) -> str:
        if m.group(1):
            return "</span>" if to == "span" else f"</{to}>"
        return '<span style="font-weight: bold">' if to == "span" else f"<{to}{m.group(3)}>"
    return _BOLD.sub(sub, html)


def _lists(html: str, rng: random.Random) -> str:
    """<ul> <-> <ol>, each closing tag following its opening one; a list whose numbering
    carries meaning (start=, type=) stays as it is."""
    if rng.random() >= 0.7:
        return html
    open_: list[str] = []

    def sub(m: re.Match) -> str:
        name, attrs = m.group(2).lower(), m.group(3) or ""
        if m.group(1):
            return f"</{open_.pop() if open_ else name}>"
        keep = bool(re.search(r"\b(?:start|type)\s*=", attrs, re.I))
        other = name if keep else ("ol" if name == "ul" else "ul")
        open_.append(other)
        return f"<{other}{attrs}>"
    return _LIST.sub(sub, html)


def _wrappers(html: str, rng: random.Random) -> str:
    def sub(m: re.Match) -> str:
        open_, body, close = m.groups()
        r = rng.random()
        if r < 0.25:
            return f'<div class="wrap">{open_}{body}{close}</div>'
        if r < 0.4:
            return f"{open_}{body}<br>{close}"
        return m.group(0)
    return _PARA.sub(sub, html)


STEPS = (_attrs, _headings, _bold, _lists, _wrappers)


def perturb(html: str, seed: int) -> str:
    """The page with its markup changed and its wording kept."""
    rng = random.Random(seed)
    for step in STEPS:
        if rng.random() < 0.8:
            html = step(html, rng)
    return html
