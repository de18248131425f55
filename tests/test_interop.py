"""What other people's software makes of our files: LibreOffice opens the Word digest and
the register's workbook. Skipped where LibreOffice is not installed (soffice on PATH)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_office = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def office_convert(src: Path, to: str, outdir: Path) -> Path:
    """soffice --headless --convert-to `to`, with a private profile so runs never clash."""
    profile = outdir / "lo-profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to,
         "--outdir", str(outdir), str(src)],
        check=True, capture_output=True, timeout=110,
    )
    out = outdir / (src.stem + "." + to.split(":")[0])
    assert out.exists(), f"LibreOffice wrote no {out.name}"
    return out


def _font_family(base: str) -> str:
    base = base.lstrip("/").split("+", 1)[-1]  # subset prefix
    return re.sub(r"[-,](Bold|Italic|BoldItalic|Regular|Oblique|BoldOblique)$", "", base)


@needs_office
def test_word_digest_in_libreoffice_is_a4_one_font_and_headers_whole(tmp_path):
    from pypdf import PdfReader

    from tests.test_digest import paper_digest
    from watcher.publish.digest import SUMMARY_HEADERS, render

    docx = tmp_path / "paper.docx"
    docx.write_bytes(render(paper_digest(), "docx"))
    pdf = PdfReader(office_convert(docx, "pdf", tmp_path))
    assert len(pdf.pages) >= 1
    fonts = set()
    for page in pdf.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(_font_family(str(font.get_object()["/BaseFont"])))
    assert len(fonts) == 1, fonts  # headings, body, table and bullets in one family
    first = pdf.pages[0].extract_text()
    lines = [line.strip() for line in first.splitlines()]
    for header in SUMMARY_HEADERS:
        for word in header.split():
            assert any(re.search(rf"(^|\s){word}(\s|$)", line) for line in lines), (word, lines[:30])
    assert "Page 1 of" in pdf.pages[0].extract_text()
