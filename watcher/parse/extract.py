"""Fetched bytes -> a Publication with its findings: the pure, CPU-bound part of a scan.

Nothing here fetches, stores or keeps state, so each step can run in the scan's own
process or in a worker process (`watcher.scan` parallelises backfills this way) and
gives the same answer. A publication is read in two steps, because which documents to
fetch is only known once its page is read:

1. `read_publication(url, page)` -> `PageRead`: the page's record and its own findings;
2. `read_documents(kind, bodies, ...)` -> `DocumentsRead`: the HTML report's, or the
   PDFs', findings and text;

and `assemble(page_read, documents_read)` joins them (R8: a finding in both the
report and its PDF counts once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from watcher.parse.blocks import blocks_of
from watcher.parse.findings import combine, findings_from_blocks, findings_from_text
from core.pubtypes import PubType, find_type, type_in_text
from core.models import ParsedFindings, ParseWarning, Publication
from watcher.parse.pages import parse_publication_page, parse_report_page, read_page
from watcher.parse.pdf import PdfError, pdf_text

__all__ = [
    "DocumentsRead",
    "Incomplete",
    "PageRead",
    "assemble",
    "needs_pdf_witness",
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
    witness: list[ParsedFindings] = field(default_factory=list)  # the PDF, read when the HTML is in doubt


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


def _stored(warnings) -> list[dict]:
    """Typed warnings as the dicts the store keeps (publications.warnings JSON), once each."""
    out: list[dict] = []
    for w in warnings:
        d = ParseWarning.from_stored(w).to_dict()
        if d not in out:
            out.append(d)
    return out


# A revisit or progress report may rightly make nothing new (R1)
_REVISIT = re.compile(r"revisit|re-?inspection|progress|follow-?up|\bupdate\b|letter", re.I)
_COUNT_DOUBTS = {"stated_count", "summary_list", "kind_named_none_read", "unlabelled_reading"}


def _kind(pub: Publication) -> PubType | None:
    """The publication's kind in core.pubtypes' register: its type, else its title's wording."""
    return find_type(pub.type) or type_in_text(pub.title)


def _html_doubts(pub: Publication, results: list[ParsedFindings]) -> list[ParseWarning]:
    """Why a report's HTML reading is in doubt: an always-findings type read empty, a
    witness that disagrees, a force-specific type with no force."""
    out: list[ParseWarning] = []
    found = sum(len(r.findings) for r in results)
    one = len(pub.forces) + len(pub.services) == 1
    kind = _kind(pub)
    revisit = _REVISIT.search(f"{pub.type or ''} | {pub.title or ''}")
    if found == 0 and one and kind is not None and kind.makes_findings and not revisit:
        out.append(ParseWarning(
            kind="type_without_findings", field="areas_for_improvement", expected="at least 1", found=0,
            where="report", message=f"A {pub.type or 'report'} on one force or service always makes findings; "
                                    "none were read"))
    if not pub.forces and not pub.services and kind is not None and kind.force_specific:
        out.append(ParseWarning(
            kind="no_force", field="forces", expected="one force", found="none", where="publication page",
            message=f"A {pub.type or 'force-specific report'} names one force, but none was read"))
    return out


def needs_pdf_witness(page: PageRead, documents: DocumentsRead | None, kind: str) -> bool:
    """Read the PDF too? Only when the HTML report was read, a PDF exists, and the
    reading is in doubt (an always-findings type with none, a witness that disagrees, a
    force-specific type with no force)."""
    if kind != "html" or documents is None or not documents.results:
        return False
    if not any(d.kind == "pdf" for d in page.pub.documents):
        return False
    if _html_doubts(page.pub, documents.results):
        return True
    return any(isinstance(w, ParseWarning) and w.kind in _COUNT_DOUBTS
               for r in documents.results for w in r.warnings)


def _second_witness(html: list[ParsedFindings], pdf: list[ParsedFindings]) -> list[ParsedFindings]:
    """The PDF as a second witness (R8: one report): where the HTML read nothing, or a
    witness's number disagrees with the HTML and agrees with the PDF, the PDF's findings
    of that kind are used; elsewhere the HTML stays the authority."""
    html_all = combine(html)
    pdf_all = combine(pdf)
    use: set[str] = set()
    if not html_all.findings and pdf_all.findings:
        use = {f.kind for f in pdf_all.findings}
    for w in html_all.warnings:
        if isinstance(w, ParseWarning) and w.field in _FIELD_KIND:
            k = _FIELD_KIND[w.field]
            n = sum(1 for f in pdf_all.findings if f.kind == k)
            # the PDF agrees with the number the report states, or reads some of a kind the
            # report names as its own and the HTML read none of
            if (isinstance(w.expected, int) and n == w.expected) or (w.kind == "kind_named_none_read" and n):
                use.add(k)
    if not use:
        return html
    findings = [f for f in html_all.findings if f.kind not in use] + [f for f in pdf_all.findings if f.kind in use]
    warnings = [*html_all.warnings, *(w for w in pdf_all.warnings
                                      if isinstance(w, ParseWarning) and w.field in _FIELD_KIND
                                      and _FIELD_KIND[w.field] in use)]
    return [ParsedFindings(findings=findings, warnings=warnings)]


_FIELD_KIND = {"recommendations": "recommendation", "areas_for_improvement": "area_for_improvement",
               "causes_of_concern": "cause_of_concern"}


def assemble(page: PageRead, documents: DocumentsRead | None) -> Publication:
    """The publication with its findings: the report is the authority; the page's own
    prose only adds findings (and its warnings are dropped when a report was read).
    What is still in doubt afterwards is stored as typed warnings."""
    pub, page_result = page.pub, page.page_findings
    results = documents.results if documents else []
    if results:
        page_result = ParsedFindings(findings=page_result.findings, warnings=[])
        if documents.witness:
            results = _second_witness(results, documents.witness)
    merged = combine([*results, page_result])
    pub.findings = merged.findings
    doubts = _html_doubts(pub, [merged])
    if not pub.documents and not merged.findings:
        doubts.append(ParseWarning(
            kind="no_documents", field="documents", expected="at least 1", found=0, where="publication page",
            message="No document and no report link were found on the publication page"))
    # the page reader may have doubted the same thing already (no documents, no force)
    have = {(w.kind, w.field) for w in map(ParseWarning.from_stored, pub.warnings)}
    have_forces = any(field == "forces" for _, field in have)
    doubts = [d for d in doubts if (d.kind, d.field) not in have and not (d.field == "forces" and have_forces)]
    pub.warnings = _stored([*pub.warnings, *merged.warnings, *doubts])
    texts = [pub.text, *(documents.texts if documents else [])]
    pub.text = "\n\n".join(t for t in texts if t)
    return pub
