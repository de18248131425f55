"""Hostile input: scraped text full of markup, entities, controls and bidi tricks.

A publication on the mirror gets a title, summary and a recommendation built from
everything a hostile or broken page could hold; its page also links to a second loopback
server under another hostname. After a scan, every output must carry the text inertly:
RSS/Atom parse cleanly with no live <script>, the digest HTML has no <script> from
scraped text, Markdown escapes it, the docx opens, the terminal table has no control
characters or escape sequences, CSV cells never start a formula; and the other server
is never contacted.
"""

from __future__ import annotations

import csv
import io
import re

import feedparser
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from conftest import SLUGS, QuickFaultServer, subset_publications
from lxml import etree
from lxml import html as lxml_html

from store.db import Store
from watcher.diff import MAX_TITLE
from watcher.cli import cli
from watcher.config import Config
from watcher.mirror.render import Resource
from watcher.mirror.server import MirrorServer
from watcher.mirror.states import add_recommendation
from watcher.scan import make_fetcher, run_scan

SCRIPT = "<script>alert(1)</script>"
ENTITY = "&lt;script&gt;alert(2)&lt;/script&gt;"
CONTROLS = "".join(chr(c) for c in range(0x01, 0x20) if c not in (9, 10, 13)) + "".join(
    chr(c) for c in range(0x7F, 0xA0))
ANSI = "\x1b[31mRED\x1b]0;pwned\x07\x1b[0m"
RLO = "\u202eevil\u202c"
HOSTILE = f'{SCRIPT} {ENTITY} "double" \'single\' {ANSI} {RLO} ctl[{CONTROLS}]'
LONG = "Very long title " * 400
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
C0_C1_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def outside():
    srv = QuickFaultServer().start()
    srv.route("/x.pdf", b"%PDF-1.4 not the inspectorate", content_type="application/pdf")
    srv.route("/publication-html/x/", "<html><body><h1>elsewhere</h1></body></html>")
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory, outside):
    pubs = subset_publications()
    victim = next(p for p in pubs if p.slug == SLUGS["html"])
    long_one = next(p for p in pubs if p.slug == SLUGS["plain"])
    formula = next(p for p in pubs if p.slug == SLUGS["meta"])
    hostile_li = (f"<li>We recommend that chief constables {SCRIPT} &lt;b&gt;bold&lt;/b&gt; "
                  f"&#27;[31m &#0; &#xD800; {RLO} {ANSI} make it so.</li>")
    changed = {
        victim.slug: victim.replace(title="Hostile " + HOSTILE, summary="Summary " + HOSTILE,
                                    body=add_recommendation(victim.body, hostile_li)),
        long_one.slug: long_one.replace(title=LONG),
        formula.slug: formula.replace(title="=1+HYPERLINK(\"http://evil/\",\"x\") @SUM(A1) "),
    }
    pubs = [changed.get(p.slug, p) for p in pubs]
    path = tmp_path_factory.mktemp("hostile") / "h.db"
    with MirrorServer.from_publications(pubs, nonce="n0nce") as mirror:
        # links to another host on the publication page itself, where documents are read
        res = dict(mirror.resources)
        page = f"/publications/{victim.slug}/"
        trap = (f'<p><a href="{outside.url("/x.pdf", host="localhost")}">Report (PDF)</a> '
                f'<a href="{outside.url("/publication-html/x/", host="localhost")}">Read online</a> '
                f'<img src="{outside.url("/x.pdf", host="localhost")}"></p>').encode()
        old = res[page]
        body = old.body.replace(b"</main>", trap + b"</main>", 1)
        assert body != old.body
        res[page] = Resource(body, old.content_type, old.last_modified, post_id=old.post_id)
        mirror.set_resources(res)
        with Store(path) as store:
            config = Config(site=mirror.url, db=path, delay=0.0)
            with make_fetcher(config, cache=store, retries=1, backoff=0.01) as fetcher:
                result = run_scan(store, fetcher, mirror.url)
            assert result.ok, result.errors
            stored = {r["slug"]: r for r in store.reports()}
        assert "Hostile" in stored[victim.slug]["title"]
        yield {"db": path, "site": mirror.url, "stored": stored}


def run(db, *args, site="http://127.0.0.1:9"):
    result = CliRunner().invoke(cli, ["--db", str(db), "--site", site, *args],
                                catch_exceptions=False, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result


def test_other_hosts_linked_from_pages_are_never_fetched(hostile_db, outside):
    assert outside.hits() == 0


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_feed_parses_and_has_no_live_script(hostile_db, fmt, tmp_path):
    out = tmp_path / f"feed.{fmt}"
    run(hostile_db["db"], "feed", "--backfill", "--format", fmt, "-o", str(out))
    data = out.read_bytes()
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    etree.fromstring(data)  # strict XML
    assert parsed.entries
    titles = " ".join(e.title for e in parsed.entries)
    assert "Hostile" in titles and "<script>alert(1)</script>" in titles  # shown, as text
    for entry in parsed.entries:
        for value in [entry.get("summary", "")] + [c.value for c in entry.get("content", [])]:
            if value:
                doc = lxml_html.fromstring(f"<div>{value}</div>")
                assert not doc.xpath("//script"), value
                assert not CONTROL_RE.search(value)
        assert not CONTROL_RE.search(entry.title)


@pytest.fixture(scope="module")
def digest_of(hostile_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("digest")

    def make(fmt):
        path = out / f"d.{fmt}"
        run(hostile_db["db"], "digest", "--since", "2000-01-01", "--format", fmt, "-o", str(path))
        return path

    return make


def test_digest_html_has_no_script_from_scraped_text(digest_of):
    data = digest_of("html").read_bytes()
    doc = lxml_html.fromstring(data)
    assert not [s for s in doc.xpath("//script") if "alert" in (s.text or "")]
    soup = BeautifulSoup(data, "html.parser")
    assert not [s for s in soup.find_all("script") if "alert" in s.get_text()]
    text = soup.get_text()
    assert "<script>alert(1)</script>" in text  # the scraped text is shown, inert
    assert not CONTROL_RE.search(text)


def test_digest_markdown_escapes_scraped_text(digest_of):
    md = digest_of("md").read_text("utf-8")
    assert "Hostile" in md
    assert "<script>" not in md and "&lt;script&gt;" not in md  # neither raw nor decodable
    assert not CONTROL_RE.search(md)


def test_digest_docx_opens(digest_of):
    import docx

    document = docx.Document(str(digest_of("docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Hostile" in text
    assert not CONTROL_RE.search(text)


def test_terminal_table_has_no_controls_or_escapes(hostile_db):
    out = run(hostile_db["db"], "reports").output
    assert "Hostile" in out
    assert "\x1b" not in out
    assert not CONTROL_RE.search(out)
    out = run(hostile_db["db"], "findings").output
    assert "\x1b" not in out and not CONTROL_RE.search(out)


@pytest.mark.parametrize("command", [
    "reports",
    "findings",
])
def test_csv_cells_never_start_a_formula(hostile_db, command):
    out = run(hostile_db["db"], command, "--format", "csv").output
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) > 1
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
            assert not C0_C1_RE.search(cell)


def test_json_output_round_trips(hostile_db):
    import json

    out = run(hostile_db["db"], "reports", "--format", "json").output
    rows = json.loads(out)
    assert any("Hostile" in r["title"] for r in rows)
    long_one = next(r for r in rows if r["title"].startswith("Very long title"))
    # stored and published capped; the full title stays in the snapshot
    assert len(LONG) > 5000 and len(long_one["title"]) <= MAX_TITLE
    assert long_one["title"].endswith("…")
    with Store(hostile_db["db"]) as store:
        assert LONG.strip() in store.snapshots(long_one["slug"])[-1]["text"]
