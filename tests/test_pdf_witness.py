"""The report's PDF as a second witness, through a real scan (docs/counting-rules.md R8, "Doubt").

The unseen site's Cumbria PEEL report is served with its areas for improvement missing
from the HTML (a layout the reader cannot see), while its text still says "I have also
identified five areas where the force needs to improve" and its PDF has all five. The
scan must notice the doubt, fetch the PDF, and use it because it agrees with the report's
own number. A report read cleanly must not have its PDF fetched at all.
"""

from __future__ import annotations

import dataclasses
import re

from core.models import COUNT_FIELDS
from sites import unseen
from store.db import Store
from watcher.config import Config
from watcher.mirror.server import MirrorServer
from watcher.scan import make_fetcher, run_scan

CUMBRIA = "/publication-html/peel-2025-cumbria-constabulary/"
_AFI_CALLOUT = re.compile(r'<div class="callout callout--afi".*?</div>', re.S)


def _scan(resources, tmp):
    with MirrorServer() as server:
        res, expected = unseen(server.url, server.asset_url)
        server.set_resources(resources(res))
        with Store(tmp / "w.db") as store:
            config = Config(site=server.url, db=store.path, delay=0.0)
            with make_fetcher(config, cache=store, retries=1, backoff=0.01) as fetcher:
                result = run_scan(store, fetcher, server.url)
            rows = {r["slug"]: r for r in store.reports()}
        paths = [r.path for r in server.requests]
    assert result.ok, result.errors
    return rows, expected, paths


def _without_html_afis(res):
    page = res[CUMBRIA]
    html = page.body.decode("utf-8")
    stripped, n = _AFI_CALLOUT.subn("", html)
    assert n == 5  # the fixture is what this test believes it is
    return {**res, CUMBRIA: dataclasses.replace(page, body=stripped.encode("utf-8"))}


def test_html_in_doubt_reads_the_pdf_and_uses_it_where_it_agrees(tmp_path):
    rows, expected, paths = _scan(_without_html_afis, tmp_path)
    slug = "peel-2025-cumbria-constabulary"
    assert "/uploads/peel-2025-cumbria.pdf" in paths
    assert {k: rows[slug][k] for k in COUNT_FIELDS} == expected[slug]
    assert rows[slug]["warnings"] == []


def test_a_clean_html_reading_never_fetches_its_pdf(tmp_path):
    rows, expected, paths = _scan(lambda res: res, tmp_path)
    assert not [p for p in paths if p.startswith("/uploads/") and p.endswith(".pdf")
                and any(s in p for s in ("peel-2025-cumbria", "diverting-children"))]
    assert {k: rows["peel-2025-cumbria-constabulary"][k] for k in COUNT_FIELDS} == \
        expected["peel-2025-cumbria-constabulary"]
