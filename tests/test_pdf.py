"""pdf_text on PDFs made in the test with fpdf2; hostile PDFs raise PdfError; PDF findings."""

from __future__ import annotations

import zlib

import pytest
from fpdf import FPDF

from watcher.parse.blocks import text_to_blocks
from watcher.parse.findings import combine, findings_from_html, findings_from_pdf
from watcher.parse.pdf import PdfError, pdf_text

LONG = ("Officers did not always record why they had decided to take no further action, and supervisors rarely "
        "checked these decisions. ") * 6


def make_pdf(paragraphs: list[tuple[str, str]], *, header="Stalking: a progress report", encrypt=None) -> bytes:
    class Doc(FPDF):
        def header(self):
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, header, new_x="LMARGIN", new_y="NEXT")

        def footer(self):
            self.set_y(-12)
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, str(self.page_no()), align="C")

    pdf = Doc()
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    for kind, text in paragraphs:
        if kind == "h":
            pdf.set_font("Helvetica", "B", 13)
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", size=11)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password=encrypt)
    return bytes(pdf.output())


REPORT = [
    ("h", "Foreword"), ("p", LONG),
    ("h", "Summary"), ("p", "We make three recommendations. " + LONG),
    ("h", "Chapter 1: Recording"), ("p", LONG), ("p", LONG),
    ("h", "Recommendation 1"),
    ("p", "By 31 March 2026, chief constables should make sure that every report of stalking is recorded as a crime "
          "within 24 hours and that the victim is told the outcome of the decision in writing."),
    ("p", LONG), ("p", LONG), ("p", LONG), ("p", LONG), ("p", LONG),
    ("h", "Recommendation 2"),
    ("p", "By 30 June 2026, the Home Office, working with chief constables, should review the statutory guidance on "
          "stalking protection orders and publish a revised version."),
    ("p", LONG),
    ("h", "Recommendation 3"),
    ("p", "By 30 June 2026, the College of Policing should:"),
    ("p", "(a) update its authorised professional practice on stalking;"),
    ("p", "(b) publish a training package for investigators."),
    ("h", "Conclusion"), ("p", LONG),
]


def test_pdf_text_multi_page_with_running_headers():
    data = make_pdf(REPORT)
    text = pdf_text(data)
    assert text.count("\f") >= 2  # pages separated by form feeds
    blocks = text_to_blocks(text)
    assert not any(b.text == "Stalking: a progress report" for b in blocks)
    assert not any(b.text.isdigit() for b in blocks)
    assert any(b.kind == "heading" and b.text == "Recommendation 2" for b in blocks)


def test_findings_from_pdf_and_combine_with_html():
    data = make_pdf(REPORT)
    r = findings_from_pdf(data)
    recs = [f for f in r.findings if f.kind == "recommendation"]
    assert [f.number for f in recs] == [1, 2, 3]
    assert [f.applies_to_chief_constables for f in recs] == [True, False, False]
    assert recs[1].addressees == ["Home Office"]
    assert "(b) publish a training package" in recs[2].text
    assert all(f.source == "pdf" for f in recs)
    assert r.warnings == []
    html = "".join(f"<h2>{t}</h2>" if k == "h" else f"<p>{t}</p>" for k, t in REPORT)
    h = findings_from_html(html)
    assert len(h.findings) == 3
    both = combine([r, h])
    assert len(both.findings) == 3 and {f.source for f in both.findings} == {"html"}


def test_combine_keeps_pdf_only_findings():
    data = make_pdf(REPORT)
    html = "".join(f"<h2>{t}</h2>" if k == "h" else f"<p>{t}</p>" for k, t in REPORT[:10])  # up to recommendation 1
    both = combine([findings_from_html(html), findings_from_pdf(data)])
    assert [f.source for f in both.findings] == ["html", "pdf", "pdf"]


@pytest.mark.parametrize(
    "data,msg",
    [
        (b"", "empty"),
        (b"<html>not a pdf</html>", "Not a PDF"),
        (b"%PDF-1.7\n" + b"garbage " * 100, None),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF", None),
    ],
)
def test_corrupt_pdfs_raise_pdferror(data, msg):
    with pytest.raises(PdfError, match=msg):
        pdf_text(data)


def test_truncated_pdf_raises_pdferror():
    data = make_pdf(REPORT)
    with pytest.raises(PdfError):
        pdf_text(data[: len(data) // 3])


def test_encrypted_pdf_raises_pdferror():
    try:
        data = make_pdf(REPORT[:3], encrypt="secret")
    except Exception as exc:  # pragma: no cover - fpdf2 build without crypto
        pytest.skip(f"fpdf2 cannot encrypt here: {exc}")
    with pytest.raises(PdfError, match="encrypted"):
        pdf_text(data)


def test_too_large_and_too_many_pages():
    data = make_pdf(REPORT)
    with pytest.raises(PdfError, match="too large"):
        pdf_text(data, max_bytes=100)
    with pytest.raises(PdfError, match="pages"):
        pdf_text(data, max_pages=1)


def test_decompression_bomb_raises_quickly():
    payload = zlib.compress(b"0" * 200_000_000, 9)  # ~200 KB that inflates to 200 MB
    body = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n"
            b"4 0 obj << /Length " + str(len(payload)).encode() + b" /Filter /FlateDecode >> stream\n"
            + payload + b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF")
    with pytest.raises(PdfError):
        pdf_text(body)


@pytest.mark.parametrize("body", [b"%PDF-1.7 broken", b"not a pdf at all"])
def test_an_unreadable_pdf_leaves_the_report_unread_not_empty(body):
    """What a scan does (extract.read_documents): counts from an unreadable PDF would be
    zero findings, so it is Incomplete and the stored record stays as it was."""
    from watcher.parse.extract import Incomplete, read_documents

    with pytest.raises(Incomplete, match="report.pdf"):
        read_documents("pdf", [("https://example.test/report.pdf", body)], forces=[], title="")


def test_findings_from_unreadable_pdf_is_a_warning_not_a_crash():
    r = findings_from_pdf(b"%PDF-1.7 broken")
    assert r.findings == [] and r.warnings and r.warnings[0].message.startswith("PDF could not be read")
    assert r.warnings[0].kind == "pdf_unreadable"


def test_pdf_text_rejects_non_bytes():
    with pytest.raises(PdfError):
        pdf_text("not bytes")  # type: ignore[arg-type]
