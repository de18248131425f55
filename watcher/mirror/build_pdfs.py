"""The mirror's PDFs: render them with fpdf2, commit them, serve them without fpdf2.

`python -m watcher.mirror.build_pdfs` writes one PDF per document of every content file
(the initial site state and the later one of `states.py`) into `watcher/mirror/pdfs/`,
plus `MANIFEST.json` (file name -> hash of what it was rendered from). At serve time
`pdf_bytes()` uses the committed file when its hash matches the current content, else
renders afresh with fpdf2 if it is importable, else uses a stale file with a warning,
else raises `MirrorPdfError`. Rendering is deterministic: the same input gives the same
bytes (fixed creation date, fixed producer, fixed document ID).

The PDF text is the body in reading order: title, "Published: ...", then headings,
paragraphs and list items with their numbers ("1.", "(a)"), table rows, and a page number
in each page's footer, as real report PDFs have.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
import threading
import warnings
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

PDF_DIR = Path(__file__).resolve().parent / "pdfs"
MANIFEST = PDF_DIR / "MANIFEST.json"
RENDER_VERSION = "1"  # bump when the rendering changes, so committed PDFs are rebuilt
CREATION_DATE = datetime(2025, 1, 1, tzinfo=timezone.utc)


class MirrorPdfError(RuntimeError):
    """A PDF the mirror needs is neither committed nor renderable (fpdf2 missing)."""


@dataclass(frozen=True)
class PdfSource:
    """One PDF the site links to, and what it is rendered from."""

    file: str  # bare file name under /uploads/
    link_title: str  # the link text on the publication page
    title: str  # the title printed in the PDF
    subtitle: str  # printed under the title
    body_html: str

    @property
    def ext(self) -> str:
        return self.file.rsplit(".", 1)[-1].lower()

    @property
    def is_pdf(self) -> bool:
        return self.ext == "pdf"

    @property
    def digest(self) -> str:
        h = hashlib.sha256()
        for part in (RENDER_VERSION, self.title, self.subtitle, self.body_html):
            h.update(part.encode("utf-8"))
            h.update(b"\0")
        return h.hexdigest()


def long_date(d) -> str:
    """15 October 2025 (no leading zero), as the site shows dates."""
    return f"{d.day} {d.strftime('%B %Y')}"


def text_to_html(text: str) -> str:
    """Plain text (paragraphs separated by blank lines) -> <p> paragraphs."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "\n".join(f"<p>{html.escape(' '.join(p.split()))}</p>" for p in paras)


def pdf_sources(pub) -> list[PdfSource]:
    """The PDFs a publication links to: its report (unless pdf = "none"), then extras."""
    out = []
    if pub.pdf != "none":
        out.append(
            PdfSource(
                file=pub.pdf_file,
                link_title=pub.pdf_title,
                title=pub.title,
                subtitle=f"Published: {long_date(pub.published)}",
                body_html=pub.body,
            )
        )
    for doc in pub.extra_documents:
        out.append(
            PdfSource(
                file=doc["file"],
                link_title=doc["title"],
                title=f"{pub.title}: {doc['title']}",
                subtitle=f"Published: {long_date(pub.published)}",
                body_html=text_to_html(doc.get("text", "")) or "<p>(No text.)</p>",
            )
        )
    return out


# --- HTML fragment -> printable blocks -------------------------------------------------

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
_BLOCKS = {"p", "ul", "ol", "table", "div", "section", "aside", "blockquote", "figure",
           "article", "details", "summary", "dl", "pre", "header", "footer", "nav"}
_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
    "\u2014": "-", "\u2026": "...", "\u2022": "-", "\u00a0": " ", "\u2011": "-",
    "\u2212": "-", "\u200b": "",
})


def _clean(text: str) -> str:
    text = " ".join(text.translate(_TRANSLATE).split())
    return text.encode("latin-1", "replace").decode("latin-1")


def _marker(kind: str, n: int) -> str:
    if kind == "a":
        return f"({chr(ord('a') + n - 1)})"
    if kind == "A":
        return f"({chr(ord('A') + n - 1)})"
    if kind in ("i", "I"):
        romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
        r = romans[n - 1] if n <= len(romans) else str(n)
        return f"({r.upper() if kind == 'I' else r})"
    return f"{n}."


def _inline_text(node) -> str:
    """The text of an element's inline content: nested lists, scripts and styles left
    out (lists are blocks of their own), <br> read as a space."""
    from bs4 import NavigableString, Tag

    parts = []
    for child in node.children:
        if isinstance(child, Tag):
            if child.name in ("ul", "ol", "script", "style"):
                continue
            if child.name == "br":
                parts.append(" ")
                continue
            parts.append(_inline_text(child))
        elif isinstance(child, NavigableString) and type(child) is NavigableString:
            parts.append(str(child))
    return "".join(parts)


def html_blocks(body_html: str) -> list[tuple[str, int, str]]:
    """(kind, level, text) blocks: kind is "h" (level 1-4), "p", or "li" (level = depth)."""
    from bs4 import BeautifulSoup, NavigableString, Tag  # runtime dependency anyway

    soup = BeautifulSoup(body_html, "html.parser")
    out: list[tuple[str, int, str]] = []

    def walk(node, depth: int) -> None:
        pending: list[str] = []

        def flush():
            text = _clean("".join(pending))
            pending.clear()
            if text:
                out.append(("p", 0, text))

        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:
                    pending.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name in _HEADINGS:
                flush()
                text = _clean(child.get_text(" "))
                if text:
                    out.append(("h", _HEADINGS[name], text))
            elif name == "p":
                flush()
                text = _clean(_inline_text(child))
                if text:
                    out.append(("p", 0, text))
            elif name in ("ul", "ol"):
                flush()
                kind = child.get("type", "1") if name == "ol" else None
                n = int(child.get("start", 1)) if name == "ol" else 0
                for li in child.find_all("li", recursive=False):
                    if name == "ol":
                        n = int(li.get("value", n))
                        marker = _marker(kind, n) + " "
                        n += 1
                    else:
                        marker = "- "
                    out.append(("li", depth, marker + _clean(_inline_text(li))))
                    for sub in li.find_all(["ul", "ol"], recursive=False):
                        wrapper = BeautifulSoup("", "html.parser")
                        wrapper.append(sub.__copy__())
                        walk(wrapper, depth + 1)
            elif name == "table":
                flush()
                for tr in child.find_all("tr"):
                    cells = [_clean(c.get_text(" ")) for c in tr.find_all(["th", "td"])]
                    if any(cells):
                        out.append(("p", 0, " | ".join(cells)))
            elif name == "dl":
                flush()
                for item in child.find_all(["dt", "dd"]):
                    text = _clean(item.get_text(" "))
                    if text:
                        out.append(("p", 0, text))
            elif name in _BLOCKS:
                flush()
                walk(child, depth)
            elif name in ("script", "style"):
                continue
            else:  # inline element at block level: part of a run of text
                pending.append(_inline_text(child) if child.contents else "")
        flush()

    walk(soup, 0)
    return out


# --- rendering ------------------------------------------------------------------------

def render_pdf(title: str, body_html: str, *, subtitle: str = "") -> bytes:
    """Render a small, deterministic PDF whose text is `title`, `subtitle` and the body."""
    try:
        from fpdf import FPDF
    except ImportError as exc:  # pragma: no cover - fpdf2 is a test/build dependency
        raise MirrorPdfError("rendering mirror PDFs needs fpdf2 (pip install fpdf2)") from exc

    class _Pdf(FPDF):
        def footer(self):
            self.set_y(-12)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 6, str(self.page_no()), align="C")

    pdf = _Pdf(format="A4")
    pdf.set_creation_date(CREATION_DATE)
    pdf.set_producer("HMICFRS mirror (fpdf2)")
    pdf.set_title(_clean(title))
    pdf.set_author("HMICFRS")
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(20, 18, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 9, _clean(title), new_x="LMARGIN", new_y="NEXT")
    if subtitle:
        pdf.ln(2)
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, _clean(subtitle), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    sizes = {1: 16, 2: 14, 3: 12, 4: 11}
    for kind, level, text in html_blocks(body_html):
        if kind == "h":
            if level <= 2 and pdf.get_y() > 240:
                pdf.add_page()
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", sizes[level])
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "li":
            pdf.set_font("Helvetica", "", 10.5)
            indent = 6 * (level + 1)
            pdf.set_x(pdf.l_margin + indent)
            pdf.multi_cell(pdf.epw - indent, 5.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        else:
            pdf.set_font("Helvetica", "", 10.5)
            pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    return bytes(pdf.output())


# --- committed files and the serve-time lookup ----------------------------------------

_cache: dict[str, bytes] = {}
_cache_lock = threading.Lock()


_manifest_cache: tuple[float, dict[str, str]] | None = None


def _manifest() -> dict[str, str]:
    global _manifest_cache
    try:
        mtime = MANIFEST.stat().st_mtime
        if _manifest_cache is None or _manifest_cache[0] != mtime:
            _manifest_cache = (mtime, json.loads(MANIFEST.read_text(encoding="utf-8")))
        return _manifest_cache[1]
    except (OSError, ValueError):
        return {}


def _fpdf_available() -> bool:
    try:
        import fpdf  # noqa: F401
    except ImportError:
        return False
    return True


def pdf_bytes(source: PdfSource, *, pdf_dir: Path | None = None) -> bytes:
    """The bytes of one PDF: committed if current, else rendered, else stale, else error."""
    pdf_dir = pdf_dir or PDF_DIR
    digest = source.digest
    with _cache_lock:
        if digest in _cache:
            return _cache[digest]
    path = pdf_dir / source.file
    manifest = _manifest() if pdf_dir == PDF_DIR else {}
    data = None
    if path.is_file() and manifest.get(source.file) == digest:
        data = path.read_bytes()
    elif _fpdf_available():
        data = render_pdf(source.title, source.body_html, subtitle=source.subtitle)
    elif path.is_file():
        warnings.warn(
            f"mirror PDF {source.file} is out of date with its content and fpdf2 is not "
            "installed to rebuild it; serving the committed file",
            stacklevel=2,
        )
        data = path.read_bytes()
    else:
        raise MirrorPdfError(
            f"mirror PDF {source.file} is missing from {pdf_dir} and fpdf2 is not installed "
            "to render it: run `python -m watcher.mirror.build_pdfs` with fpdf2 installed"
        )
    with _cache_lock:
        _cache[digest] = data
    return data


#: content types of the non-PDF documents a publication may link to
DOCUMENT_TYPES = {
    "pdf": ("application/pdf", "PDF document"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "MS Word document"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "MS Excel spreadsheet"),
    "odt": ("application/vnd.oasis.opendocument.text", "ODT document"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "ODS spreadsheet"),
    "csv": ("text/csv; charset=utf-8", "CSV file"),
    "txt": ("text/plain; charset=utf-8", "Text file"),
}


def document_type(file: str) -> tuple[str, str]:
    """(content type, label as the download area shows it) for a file name."""
    ext = file.rsplit(".", 1)[-1].lower()
    return DOCUMENT_TYPES.get(ext, ("application/octet-stream", f"{ext.upper()} file"))


def document_bytes(source: PdfSource) -> bytes:
    """Bytes of any linked document: PDFs via `pdf_bytes`, other types as placeholders.

    A placeholder is a deterministic file of the right kind: plain text for csv/txt, a
    small ZIP container (what docx/xlsx/odt/ods are) holding the text otherwise. Nothing
    downstream is expected to parse them; they exist so links resolve with real sizes.
    """
    if source.is_pdf:
        return pdf_bytes(source)
    import io
    import zipfile

    text = f"{source.title}\n\n" + re.sub(r"<[^>]+>", "", html.unescape(source.body_html))
    if source.ext in ("csv", "txt"):
        return text.encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        stamp = (2025, 1, 1, 0, 0, 0)
        zf.writestr(zipfile.ZipInfo("mimetype", stamp), document_type(source.file)[0])
        zf.writestr(zipfile.ZipInfo("content.txt", stamp), text)
    return buf.getvalue()


def all_sources(directory=None) -> dict[str, PdfSource]:
    """Every PDF of the initial site state and of the later state, by file name."""
    from .content import load_publications
    from .states import later_state

    pubs = load_publications(directory)
    later, _ = later_state(pubs, directory=directory)
    sources: dict[str, PdfSource] = {}
    for pub in list(pubs) + list(later):
        for src in pdf_sources(pub):
            if src.file in sources and sources[src.file].digest != src.digest:
                if pub in pubs:  # two initial-state publications claim one file name
                    raise MirrorPdfError(f"two different PDFs claim the file name {src.file}")
                continue  # a later state re-renders it at serve time
            sources.setdefault(src.file, src)
    return sources


def build(directory=None, *, out_dir: Path | None = None, prune: bool = False) -> list[Path]:
    """Render every PDF into `out_dir` (default: the committed pdfs/ folder)."""
    out_dir = Path(out_dir) if out_dir else PDF_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    sources = all_sources(directory)
    manifest = {}
    written = []
    for file, src in sorted(sources.items()):
        if not src.is_pdf:
            continue
        data = render_pdf(src.title, src.body_html, subtitle=src.subtitle)
        path = out_dir / file
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            written.append(path)
        manifest[file] = src.digest
    (out_dir / "MANIFEST.json").write_text(
        json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    if prune:
        for path in out_dir.glob("*.pdf"):
            if path.name not in manifest:
                path.unlink()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", help="content directory (default: the bundled one)")
    parser.add_argument("--out", help="output directory (default: watcher/mirror/pdfs)")
    parser.add_argument("--prune", action="store_true", help="delete PDFs no content uses")
    args = parser.parse_args(argv)
    written = build(args.content, out_dir=Path(args.out) if args.out else None, prune=args.prune)
    out = Path(args.out) if args.out else PDF_DIR
    total = sum(p.stat().st_size for p in out.glob("*.pdf"))
    print(f"{len(written)} PDF(s) written; {len(list(out.glob('*.pdf')))} in {out}, "
          f"{total // 1024} KB in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
