"""Fetched bytes -> a Publication with its findings: the pure, CPU-bound part of a scan.

Nothing here fetches, stores or keeps state, so each step can run in the scan's own
process or in a worker process (`watcher.scan` parallelises backfills this way) and
gives the same answer. A publication is read in two steps, because which documents to
fetch is only known once its page is read:

1. `read_publication(url, page)` -> `PageRead`: the page's record and its own findings;
2. `read_documents(kind, bodies, ...)` -> `DocumentsRead`: the HTML report's, or the
   PDFs', findings and text;

and `assemble(page_read, documents_read)` joins them (rule 8: a finding in both the
report and its PDF counts once).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from watcher.parse.blocks import blocks_of
from watcher.parse.findings import combine, findings_from_blocks, findings_from_text
from core.models import ParsedFindings, Publication
from watcher.parse.pages import parse_publication_page, parse_report_page, read_page
from watcher.parse.pdf import PdfError, pdf_text

__all__ = [
    "DocumentsRead",
    "Incomplete",
    "PageRead",
    "assemble",
    "read_documents",
    "read_publication",
]

MIN_PDF_TEXT = 40  # characters; less than this is an image-only or damaged PDF


class Incomplete(Exception):
    """A publication could not be read whole; nothing about it is stored this time."""


@dataclass
class PageRead:
    """A publication page, read: its record (no findings yet) and the page's own findings."""

    pub: Publication
    page_findings: ParsedFindings


@dataclass
class DocumentsRead:
    """Its HTML report or its PDFs, read: findings per document and their text."""

    results: list[ParsedFindings] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


def read_publication(url: str, page: bytes) -> PageRead:
    """Parse a publication page once; the page parser and the findings share the tree."""
    parsed = read_page(page)
    pub = parse_publication_page(parsed, url)
    if not pub.title or not pub.published:
        raise Incomplete(f"{url}: does not look like a publication page (no title or date)")
    page_result = findings_from_blocks(
        blocks_of(parsed.main), source="page", forces=pub.forces + pub.services, title=pub.title
    )
    return PageRead(pub, page_result)


def read_documents(
    kind: str, bodies: list[tuple[str, bytes]], *, forces: list[str], title: str
) -> DocumentsRead:
    """Read the fetched documents of one publication: one HTML report, or its PDFs.

    Raises `Incomplete` for a document that is not what it claims (a page that is not a
    report, a PDF that cannot be read or has no text): counts from part of a report are
    worse than none.
    """
    out = DocumentsRead()
    for url, body in bodies:
        if kind == "html":
            report = read_page(body)
            report_title, text = parse_report_page(report)
            if not report_title or not text:
                raise Incomplete(f"{url}: does not look like a report (no title or text)")
            result = findings_from_blocks(
                blocks_of(report.main), source="html", forces=forces, title=title
            )
        elif kind == "pdf":
            try:
                text = pdf_text(body)
            except PdfError as exc:
                raise Incomplete(f"{url}: {exc}") from None
            if len(text.strip()) < MIN_PDF_TEXT:
                # An image-only or damaged PDF: no text is not the same as no findings.
                raise Incomplete(f"{url}: the PDF has no readable text")
            result = findings_from_text(text, source="pdf", forces=forces, title=title)
        else:
            raise ValueError(f"unknown document kind {kind!r}")
        out.texts.append(text)
        out.results.append(result)
    return out


def assemble(page: PageRead, documents: DocumentsRead | None) -> Publication:
    """The publication with its findings: the report is the authority; the page's own
    prose only adds findings (and its warnings are dropped when a report was read)."""
    pub, page_result = page.pub, page.page_findings
    results = documents.results if documents else []
    if results:
        page_result = ParsedFindings(findings=page_result.findings, warnings=[])
    merged = combine([*results, page_result])
    pub.findings = merged.findings
    pub.warnings = list(dict.fromkeys(merged.warnings))
    texts = [pub.text, *(documents.texts if documents else [])]
    pub.text = "\n\n".join(t for t in texts if t)
    return pub
