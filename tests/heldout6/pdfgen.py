"""PDF versions of the reports and documents, made with fpdf2 (deterministic output)."""
from __future__ import annotations

import os
import re
from datetime import date, datetime, timezone
from functools import lru_cache

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from .blocks import (F, G, H, L, P, Q, Box, EarlierSet, Grades, Notes, SumList, T, Tabs)

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
_HAVE_DEJAVU = all(os.path.exists(os.path.join(FONT_DIR, f)) for f in
                   ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                    "DejaVuSans-BoldOblique.ttf"))

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

_ASCII = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
          "\u2022": "*", "\u21a9": "", "\u0175": "w", "\u0177": "y"}
_LINK = re.compile(r"\{\{a\|([^|]+)\|([^}]+)\}\}")
_FN = re.compile(r"\[\[(\d+)\]\]")

KIND_LABEL = {"rec": "Recommendation", "afi": "Area for improvement", "coc": "Cause of concern"}


def clean(s: str) -> str:
    s = _LINK.sub(lambda m: m.group(2), s)
    s = _FN.sub(lambda m: m.group(1), s)
    if not _HAVE_DEJAVU:
        s = "".join(_ASCII.get(c, c) for c in s)
        s = s.encode("latin-1", "replace").decode("latin-1")
    return s


class _Doc(FPDF):
    def __init__(self, running: str):
        super().__init__(format="A4", unit="mm")
        self.running = running
        self.set_margins(22, 20, 22)
        self.set_auto_page_break(True, margin=20)
        if _HAVE_DEJAVU:
            self.add_font("Body", "", os.path.join(FONT_DIR, "DejaVuSans.ttf"))
            self.add_font("Body", "B", os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf"))
            self.add_font("Body", "I", os.path.join(FONT_DIR, "DejaVuSans-Oblique.ttf"))
            self.add_font("Body", "BI", os.path.join(FONT_DIR, "DejaVuSans-BoldOblique.ttf"))
            self.fam = "Body"
        else:
            self.fam = "Helvetica"

    def header(self):
        if self.page_no() <= 2:
            return
        self.set_font(self.fam, "", 7.5)
        self.set_text_color(100, 100, 100)
        self.cell(0, 5, clean(self.running), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(4)
        self.set_text_color(0, 0, 0)

    def footer(self):
        if self.page_no() == 1:
            return
        self.set_y(-14)
        self.set_font(self.fam, "", 8)
        self.set_text_color(100, 100, 100)
        self.cell(0, 8, str(self.page_no()), align="C")
        self.set_text_color(0, 0, 0)

    # -- primitives
    def para(self, text, size=10, style="", indent=0.0, after=2.2, lh=5.0):
        self.set_font(self.fam, style, size)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.epw - indent, lh, clean(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if after:
            self.ln(after)

    def hang(self, mark, text, size=10, indent=0.0, mark_w=8.0, style=""):
        self.set_x(self.l_margin + indent)
        self.set_font(self.fam, "", size)
        self.cell(mark_w, 5, clean(mark))
        self.set_font(self.fam, style, size)
        self.multi_cell(self.epw - indent - mark_w, 5, clean(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.2)

    def head(self, text, level=2):
        size = {1: 18, 2: 14, 3: 11.5}.get(level, 11)
        if level <= 2:
            self.ln(2)
        self.set_text_color(43, 29, 92)
        self.para(text, size=size, style="B", after=2.5 if level <= 2 else 1.5, lh=size * 0.5)
        self.set_text_color(0, 0, 0)

    def grid(self, headers, rows, widths=None):
        self.set_font(self.fam, "", 8.5)
        with self.table(col_widths=widths, text_align="LEFT", line_height=4.6,
                        first_row_as_headings=True, padding=1.4) as tab:
            r = tab.row()
            for h in headers:
                r.cell(clean(h))
            for row in rows:
                r = tab.row()
                for c in row:
                    r.cell(clean(c))
        self.ln(3)


def _label(f: F, caps: bool) -> str:
    if f.label:
        lab = f.label
    else:
        lab = KIND_LABEL[f.kind]
        if f.num and f.num.isdigit() and f.kind in ("rec", "afi"):
            lab = f"{lab} {f.num}"
    return lab.upper() if caps else lab


def _code(f: F) -> str:
    n = f.num or ""
    if f.kind == "rec":
        return n if n.startswith("R") else f"R{n}"
    if f.kind == "afi":
        return f"AFI {n}"
    return n


def _finding(pdf: _Doc, f: F, style: str, ctx: dict):
    caps = ctx.get("caps", False)
    if style == "numpara":
        pdf.hang(_code(f), (f"{f.title}. " if f.title else "") + f.text, mark_w=13)
        _parts_bullets(pdf, f, indent=13)
        for r in f.recs:
            _finding(pdf, r, "numpara", ctx)
        return
    if style == "manual":
        pdf.hang(f.num or "", f.text, mark_w=12)
        if f.recs:
            pdf.para("Recommendations", style="I", indent=12, after=1)
        for r in f.recs:
            pdf.hang(r.num or "", r.text, mark_w=12)
        return
    if style in ("plain", "flag"):
        if f.title:
            pdf.para(f.title, style="B", after=1)
        pdf.para(f.text)
        _parts_bullets(pdf, f)
        for r in f.recs:
            _finding(pdf, r, "plain", ctx)
        return
    # labelled block (card, accordion, dl and the default)
    pdf.set_text_color(90, 40, 0) if f.kind == "afi" else pdf.set_text_color(0, 90, 86)
    if f.kind == "coc":
        pdf.set_text_color(140, 10, 50)
    if style == "dl" and f.kind == "afi" and f.title:
        pdf.para(f.title, style="B", after=1)
        pdf.set_text_color(0, 0, 0)
    else:
        pdf.para(_label(f, caps), size=9.5, style="B", after=1)
        pdf.set_text_color(0, 0, 0)
        if f.title:
            pdf.para(f.title, style="B", after=1)
    pdf.para(f.text)
    _parts_bullets(pdf, f)
    if f.recs:
        pdf.para("RECOMMENDATIONS" if caps else "Recommendations", size=9.5, style="B", after=1)
        for r in f.recs:
            if r.num:
                pdf.para(_label(r, caps), size=9.5, style="B", after=1)
            pdf.para(r.text)
            _parts_bullets(pdf, r)
    pdf.ln(1.5)


def _parts_bullets(pdf, f: F, indent=0.0):
    for letter, t in f.parts:
        pdf.hang(f"({letter})", t, indent=indent + 4, mark_w=8)
    for t in f.bullets:
        pdf.hang("\u2022" if _HAVE_DEJAVU else "*", t, indent=indent + 4, mark_w=6)
    if f.parts or f.bullets:
        pdf.ln(1)


def _group(pdf: _Doc, g: G, ctx: dict):
    style = g.style or ctx["layout"]
    if g.title:
        pdf.head(g.title, 3)
    if g.intro:
        pdf.para(g.intro)
    if style == "table":
        for f in g.items:
            pdf.para(f"{_label(f, False)}", size=9.5, style="B", after=1)
            pdf.para(f.text, after=1)
            extra = []
            if f.owner:
                extra.append(f"Owner: {f.owner}")
            if f.deadline:
                extra.append(f"Deadline: {f.deadline}")
            if extra:
                pdf.para("    ".join(extra), size=8.5, style="I")
            _parts_bullets(pdf, f)
    elif style == "ol":
        for i, f in enumerate(g.items, 1):
            pdf.hang(f"{i}.", f.text, mark_w=8)
            _parts_bullets(pdf, f, indent=8)
    else:
        for f in g.items:
            _finding(pdf, f, f.style or style, ctx)


def _block(pdf: _Doc, b, ctx: dict):
    if isinstance(b, P):
        pdf.para(b.text, style="I" if b.cls == "sig" else "")
    elif isinstance(b, H):
        pdf.head(b.text, b.level)
    elif isinstance(b, L):
        for i, it in enumerate(b.items, 1):
            pdf.hang(f"{i}." if b.ordered else ("\u2022" if _HAVE_DEJAVU else "*"), it, indent=3, mark_w=7)
        pdf.ln(1)
    elif isinstance(b, F):
        _finding(pdf, b, b.style or ctx["layout"], ctx)
    elif isinstance(b, G):
        _group(pdf, b, ctx)
    elif isinstance(b, Box):
        pdf.set_fill_color(232, 241, 248)
        pdf.set_font(pdf.fam, "B", 8.5)
        pdf.multi_cell(0, 5, clean(b.kind.upper()), fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font(pdf.fam, "B", 10)
        pdf.multi_cell(0, 5.2, clean(b.title), fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font(pdf.fam, "", 10)
        for t in b.paras:
            pdf.multi_cell(0, 5, clean(t), fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(3)
    elif isinstance(b, EarlierSet):
        if b.style == "table":
            pdf.grid(list(b.headers), [[f"{e.label}: {e.text}", e.note, f"Status: {e.status}"]
                                       for e in b.items], widths=(55, 45, 20))
        else:
            for e in b.items:
                pdf.para(e.label, size=9.5, style="B", after=1)
                pdf.para(e.text, style="I", indent=5, after=1)
                pdf.para(f"Progress: {e.status}", style="B", after=1)
                if e.note:
                    pdf.para(e.note)
    elif isinstance(b, Grades):
        if b.caption:
            pdf.para(b.caption, style="B", after=1)
        pdf.grid(["Area", "Judgment"], [[a, g] for a, g in b.rows], widths=(70, 30))
    elif isinstance(b, Notes):
        pdf.set_draw_color(150, 150, 150)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + 40, pdf.get_y())
        pdf.ln(1.5)
        for i, t in enumerate(b.items, 1):
            pdf.hang(str(i), t, size=7.5, mark_w=5)
    elif isinstance(b, T):
        if b.caption:
            pdf.para(b.caption, size=9, style="B", after=1)
        pdf.grid(b.headers, b.rows)
    elif isinstance(b, Q):
        pdf.para(b.text, style="I", indent=8, after=1)
        if b.cite:
            pdf.para(f"\u2013 {b.cite}", size=8.5, indent=8)
    elif isinstance(b, Tabs):
        for label, inner in b.panels:
            pdf.head(label, 3)
            for x in inner:
                _block(pdf, x, ctx)
    elif isinstance(b, SumList):
        pdf.para(b.intro)
        for i, it in enumerate(b.items, 1):
            pdf.hang(f"{i}." if b.ordered else ("\u2022" if _HAVE_DEJAVU else "*"), it, indent=3, mark_w=7)
        pdf.ln(1)
    else:
        raise TypeError(type(b))


def build_pdf(*, title: str, subtitle: str, published: date, sections: list, running: str,
              isbn: str = "", layout: str = "card", caps: bool = False, lang: str = "en",
              contents: bool = True, legal: bool = True) -> tuple[bytes, int]:
    pdf = _Doc(running)
    pdf.set_title(clean(title))
    pdf.set_author("HMICFRS")
    pdf.set_creator("Adobe InDesign 19.5 (Windows)")
    pdf.set_producer("Adobe PDF Library 17.0")
    pdf.set_lang("cy-GB" if lang == "cy" else "en-GB")
    pdf.set_creation_date(datetime(published.year, published.month, published.day, 0, 0, tzinfo=timezone.utc))
    # cover
    pdf.add_page()
    pdf.set_font(pdf.fam, "B", 11)
    pdf.set_text_color(43, 29, 92)
    pdf.cell(0, 6, "HMICFRS", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(pdf.fam, "", 8.5)
    pdf.multi_cell(90, 4.2, clean("His Majesty\u2019s Inspectorate of Constabulary and Fire & Rescue Services"),
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(55)
    pdf.set_font(pdf.fam, "B", 22)
    pdf.multi_cell(0, 10, clean(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    pdf.set_font(pdf.fam, "", 13)
    if subtitle:
        pdf.multi_cell(0, 7, clean(subtitle), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    pdf.set_font(pdf.fam, "", 12)
    pdf.cell(0, 7, f"{MONTHS[published.month - 1]} {published.year}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    # legal / inside cover
    if legal:
        pdf.add_page()
        pdf.ln(150)
        pdf.set_font(pdf.fam, "", 8.5)
        lines = [f"\u00a9 HMICFRS {published.year}",
                 f"Published {published.day} {MONTHS[published.month - 1]} {published.year}"]
        if isbn:
            lines.append(f"ISBN: {isbn}")
        lines.append("www.justiceinspectorates.gov.uk/hmicfrs")
        for ln_ in lines:
            pdf.cell(0, 4.6, clean(ln_), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    # contents
    if contents:
        pdf.add_page()
        pdf.head("Cynnwys" if lang == "cy" else "Contents", 1)
        pdf.set_font(pdf.fam, "", 10.5)
        for s in sections:
            if s.toc:
                pdf.cell(0, 6.5, clean(s.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    ctx = {"layout": layout, "caps": caps}
    first = True
    for s in sections:
        if contents or not first:
            pdf.add_page()
        first = False
        pdf.head(s.title, 1 if contents else 2)
        for b in s.blocks:
            _block(pdf, b, ctx)
    data = bytes(pdf.output())
    return data, pdf.pages_count


@lru_cache(maxsize=1)
def all_files():
    """file name -> (bytes, content type, page count or None).  Host-independent, so cached."""
    from .content import PUBS
    out = {}
    for p in PUBS:
        if p.pdf:
            data, n = build_pdf(title=p.title, subtitle=p.type if p.type not in p.title else "",
                                published=p.published, sections=p.sections, running=p.title,
                                isbn=p.isbn, layout=p.layout, caps=p.caps)
            out[p.pdf] = (data, "application/pdf", n)
        for d in p.docs:
            if d.csv is not None:
                out[d.file] = (d.csv.encode("utf-8"), "text/csv; charset=utf-8", None)
                continue
            small = d.kind in ("response", "easy-read", "summary")
            data, n = build_pdf(title=d.title, subtitle="" if d.kind == "response" else p.title,
                                published=p.published, sections=d.sections, running=d.title,
                                layout=p.layout, lang=d.lang, contents=not small, legal=not small)
            out[d.file] = (data, "application/pdf", n)
    return out
