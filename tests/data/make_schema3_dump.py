"""Write schema3-watch.sql: a database as hmicfrs-watch wrote it before the identity migration
(schema 3).

Run with the code of the commit before the identity migration first on the path (e.g. an export of
that commit: `git archive <commit> | tar -x -C DIR`, then `PYTHONPATH=DIR python
tests/data/make_schema3_dump.py`). It reproduces what users' databases hold: a first
scan interrupted after two publications, a complete scan, then the same mirror scanned
under another port (every publication stored twice), a register synced for a force
with a status set, all with the real code of that time.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from store.db import MIGRATIONS, Store
from store.register import set_status, sync_register
from watcher.config import Config
from watcher.mirror.content import load_publications
from watcher.mirror.server import MirrorServer
from watcher.scan import make_fetcher, run_scan

SLUGS = ("peel-2023-25-northumbria-police", "peel-2023-25-cumbria-constabulary",
         "lancashire-constabulary-accelerated-cause-of-concern-letter",
         "an-inspection-of-the-police-response-to-hate-crime")
FORCE = "Northumbria Police"
OUT = Path(__file__).with_name("schema3-watch.sql")


def scan(store, site, stop_after=None):
    done = []

    def progress(description, n, total):
        if stop_after is not None and description == "Checking publications" and n >= stop_after:
            raise KeyboardInterrupt
        done.append(n)

    with make_fetcher(Config(site=site, db=store.path, delay=0.0), cache=store) as fetcher:
        try:
            return run_scan(store, fetcher, site, progress=progress)
        except KeyboardInterrupt:
            return None


def main() -> None:
    assert not any(m.__name__.endswith("_identity") for m in MIGRATIONS), (
        "run this with the code from before the identity migration")
    pubs = [p for p in load_publications(None, state=1) if p.slug in SLUGS]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "watch.db"
        with Store(db) as store:
            with MirrorServer.from_publications(pubs, nonce="n0nce") as first:
                scan(store, first.url, stop_after=2)
                scan(store, first.url)
            with MirrorServer.from_publications(pubs, nonce="n0nce") as moved:
                scan(store, moved.url)  # the bug: every publication again
            sync_register(store, FORCE, now="2025-10-01T09:00:00Z")
            entry = store.conn.execute("SELECT min(id) FROM register_entries").fetchone()[0]
            set_status(store, entry, "closed", by="liaison", note="action plan complete",
                       at="2025-10-02")
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con = sqlite3.connect(db)
        lines = list(con.iterdump())
        con.close()
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(lines)} statements", file=sys.stderr)


if __name__ == "__main__":
    main()
