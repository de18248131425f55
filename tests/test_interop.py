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


@needs_office
def test_register_xlsx_round_trip_through_libreoffice_records_exactly_the_edit(tmp_path):
    """export .xlsx -> LibreOffice (to CSV) -> one status edited -> LibreOffice (back to
    .xlsx) -> import: the history gains exactly that one change."""
    import csv

    from store.db import Store
    from store.register import export_xlsx, history, import_csv, list_entries, sync_register
    from tests.test_register import WMP, corpus

    with Store(tmp_path / "watch.db") as store:
        for p in corpus():
            store.save_publication(p, [])
        sync_register(store, WMP)
        book = tmp_path / "register.xlsx"
        export_xlsx(store, book)
        before_entries, before_history = list_entries(store), history(store)

        work = tmp_path / "lo"
        work.mkdir()
        as_csv = office_convert(book, "csv:Text - txt - csv (StarCalc):44,34,76,1", work)
        rows = list(csv.DictReader(as_csv.open(encoding="utf-8", newline="")))
        assert len(rows) == len(before_entries)
        target = next(r for r in rows if "train vetting officers" in r["finding"])
        target["status"] = "Closed"
        edited = work / "edited.csv"
        with edited.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        profile = work / "lo-profile"
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
             "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
             "--outdir", str(work), str(edited)],
            check=True, capture_output=True, timeout=110,
        )
        back = work / "edited.xlsx"
        assert back.read_bytes()[:4] == b"PK\x03\x04"

        result = import_csv(store, back, now="2025-12-01T09:00:00Z")
        assert result.status_changes == 1 and result.updated == 0 and not result.conflicts
        assert result.matched == len(before_entries) and not result.unmatched
        new_rows = [h for h in history(store) if h not in before_history]
        assert [(h["entry_id"], h["field"], h["status"]) for h in new_rows] == [(int(target["id"]), "status", "closed")]
        after = {e["id"]: e for e in list_entries(store)}
        for e in before_entries:
            changed = {k for k in e if e[k] != after[e["id"]][k]}
            assert changed == (set() if e["id"] != int(target["id"]) else {"status", "status_at", "updated_at", "closed_date"})
