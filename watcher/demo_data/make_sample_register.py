"""Write register-sample.xlsx: the register a liaison officer keeps, for the bundled mirror.

It scans the bundled mirror (its first state, as the demo does before writing the
digest) into a temporary database and copies the finding texts from it, as an officer
copies them from the reports:

    python -m watcher.demo_data.make_sample_register

The sheet uses the officer's own column names and statuses ("Complete", "Open"), some
closures before the 18 September 2025 committee and some after, and three findings from
older paper reports that the website mirror does not hold (kept as manual entries).
"""

from __future__ import annotations

import sys
from datetime import date

from store.db import Store
from store.register import list_entries, sync_register
from watcher.demo_data import SAMPLE_REGISTER

FORCE = "West Midlands Police"
# (report year, how many of that year's findings to close, closed dates cycled)
CLOSURES = {
    2023: (8, [date(2024, 11, 29), date(2025, 3, 14), date(2025, 6, 20), date(2025, 10, 17)]),
    2024: (5, [date(2025, 4, 25), date(2025, 7, 11), date(2025, 11, 21)]),
    2025: (3, [date(2025, 8, 29), date(2025, 11, 28)]),
}
PAPER_ONLY = [
    ("PEEL 2021/22: West Midlands Police", 2022, date(2022, 4, 28),
     "The force should improve how it records crime relating to anti-social behaviour.", "Open", None),
    ("PEEL 2021/22: West Midlands Police", 2022, date(2022, 4, 28),
     "The force should make sure that it has effective processes to manage its workload.", "Open", None),
    ("PEEL 2021/22: West Midlands Police", 2022, date(2022, 4, 28),
     "The force should improve how it supervises investigations.", "Complete", date(2024, 5, 1)),
]
OWNERS = ["Supt Public Protection", "Ch Insp Contact", "DCI Safeguarding", "Supt Criminal Justice"]


def rows_from(db_path: str) -> list[list]:
    with Store(db_path) as store:
        sync_register(store, FORCE)
        entries = list_entries(store)
    out, seen = [], {}
    for i, e in enumerate(entries):
        year = e["report_year"]
        status, closed = "Open", None
        n, dates = CLOSURES.get(year, (0, []))
        k = seen.get(year, 0)
        if k < n and e["report_published"] <= "2025-09-18":
            status, closed = "Complete", dates[k % len(dates)]
            seen[year] = k + 1
        out.append([e["report_title"], year, e["kind"].replace("_", " "), e["finding_text"], status, closed,
                    OWNERS[i % len(OWNERS)]])
    for report, year, published, text, status, closed in PAPER_ONLY:
        out.append([report, year, "area for improvement", text, status, closed, OWNERS[0]])
    return out


def main(db_path: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "HMICFRS tracker"
    ws.append(["Report", "Report year", "Type", "Recommendation / AFI", "Status", "Date closed", "Action owner"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows_from(db_path):
        ws.append(row)
    for row in ws.iter_rows(min_row=2, min_col=6, max_col=6):
        row[0].number_format = "DD/MM/YYYY"
    for letter, width in zip("ABCDEFG", (50, 10, 20, 80, 10, 12, 24)):
        ws.column_dimensions[letter].width = width
    wb.properties.creator = "hmicfrs-watch demo"
    wb.save(SAMPLE_REGISTER)
    print(f"{ws.max_row - 1} rows -> {SAMPLE_REGISTER}")


def first_scan_db(target) -> str:
    """A database holding one scan of the bundled mirror's first state."""
    from watcher.config import Config
    from watcher.mirror.server import MirrorServer
    from watcher.scan import make_fetcher, run_scan

    with MirrorServer.from_content() as mirror, Store(target) as store:
        with make_fetcher(Config(site=mirror.url, db=store.path, delay=0.0), cache=store) as fetcher:
            run_scan(store, fetcher, mirror.url)
    return str(target)


if __name__ == "__main__":
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        main(sys.argv[1] if len(sys.argv) > 1 else first_scan_db(Path(tmp) / "mirror.db"))
