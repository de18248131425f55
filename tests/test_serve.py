"""`hmicfrs-watch serve`: the output directory over HTTP on a free loopback port, with
ETags and 304s, the right content types, and nothing outside the known names."""

from __future__ import annotations

import http.client
import json
import os
import time
from datetime import date

import feedparser
import httpx
import pytest

from watcher.publish.digest import build_digest, render
from watcher.publish.feed import render_feed
from watcher.serve import DOCX, FeedServer

SITE = "https://hmicfrs.justiceinspectorates.gov.uk"
EVENTS = [
    {"id": 1, "at": "2025-11-20T06:31:00Z", "kind": "new", "url": f"{SITE}/publications/a-report/",
     "slug": "a-report", "title": "An inspection of something <important>",
     "details": {"type": "Thematic inspection", "published": "2025-11-20", "forces": [],
                 "counts": {"recommendations": 3}}},
]


@pytest.fixture
def out(tmp_path):
    d = tmp_path / "out"
    d.mkdir()
    (tmp_path / "secret.txt").write_text("not for the web")
    (d / "feed.xml").write_bytes(render_feed(EVENTS, site_url=SITE, fmt="rss"))
    (d / "feed.atom").write_bytes(render_feed(EVENTS, site_url=SITE, fmt="atom"))
    digest = build_digest([], [], since=date(2025, 9, 18), until=date(2025, 12, 1), force="West Midlands Police")
    for fmt in ("md", "html", "docx"):
        (d / f"digest-latest.{fmt}").write_bytes(render(digest, fmt))
        (d / f"digest-2025-12-11.{fmt}").write_bytes(render(digest, fmt))
    (d / "status.json").write_text(json.dumps({
        "last_scan": "2025-12-01T06:30:00+00:00", "ok": False, "summary": "scan: 1 ERRORS",
        "errors": ['<script>alert("x")</script> & more'],
    }))
    (d / "notes.txt").write_text("an unlisted file")
    return d


@pytest.fixture
def server(out):
    with FeedServer(out, "127.0.0.1", 0).start() as srv:
        yield srv


@pytest.fixture
def client(server):
    with httpx.Client(base_url=server.url, timeout=10) as c:
        yield c


def raw_get(server, path: str) -> int:
    """Send `path` exactly as written (no client-side normalising of ../)."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        body = resp.read()
        assert b"not for the web" not in body and b"root:" not in body
        return resp.status
    finally:
        conn.close()


def test_feed_has_validators_and_parses(client):
    r = client.get("/feed.xml")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/rss+xml")
    assert r.headers["etag"].startswith('"') and r.headers["last-modified"].endswith("GMT")
    parsed = feedparser.parse(r.content)
    assert parsed.bozo == 0 and parsed.version == "rss20" and len(parsed.entries) == 1


def test_if_none_match_gives_304(client):
    etag = client.get("/feed.xml").headers["etag"]
    r = client.get("/feed.xml", headers={"If-None-Match": etag})
    assert r.status_code == 304 and r.content == b"" and r.headers["etag"] == etag
    assert client.get("/feed.xml", headers={"If-None-Match": f'"other", W/{etag}'}).status_code == 304
    assert client.get("/feed.xml", headers={"If-None-Match": '"other"'}).status_code == 200


def test_if_modified_since_gives_304_until_the_file_changes(client, out):
    first = client.get("/feed.atom")
    lm, etag = first.headers["last-modified"], first.headers["etag"]
    assert client.get("/feed.atom", headers={"If-Modified-Since": lm}).status_code == 304
    # If-None-Match wins over If-Modified-Since
    assert client.get("/feed.atom", headers={"If-Modified-Since": lm, "If-None-Match": '"x"'}).status_code == 200
    new = out / ".feed.atom.tmp"
    new.write_bytes(render_feed(EVENTS[:0], site_url=SITE, fmt="atom"))
    later = time.time() + 5
    os.utime(new, (later, later))
    new.replace(out / "feed.atom")  # as the jobs write it: rename over
    r = client.get("/feed.atom", headers={"If-None-Match": etag})
    assert r.status_code == 200 and r.headers["etag"] != etag
    assert client.get("/feed.atom", headers={"If-Modified-Since": lm}).status_code == 200


@pytest.mark.parametrize(
    "path, ctype",
    [
        ("/feed.atom", "application/atom+xml"),
        ("/digest-latest.html", "text/html; charset=utf-8"),
        ("/digest-latest.md", "text/markdown; charset=utf-8"),
        ("/digest-latest.docx", DOCX),
        ("/digest-2025-12-11.html", "text/html; charset=utf-8"),
        ("/status.json", "application/json"),
        ("/", "text/html; charset=utf-8"),
    ],
)
def test_content_types(client, path, ctype):
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(ctype)
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "etag" in r.headers


def test_docx_is_a_download(client):
    r = client.get("/digest-latest.docx")
    assert r.content[:2] == b"PK"
    assert r.headers["content-disposition"] == 'attachment; filename="digest-latest.docx"'


def test_index_lists_the_files_escaped(client):
    r = client.get("/")
    page = r.text
    for name in ("feed.xml", "feed.atom", "digest-latest.html", "digest-latest.docx", "digest-2025-12-11.md"):
        assert f'href="{name}"' in page
    assert "notes.txt" not in page
    assert "<script>" not in page and "&lt;script&gt;" in page and "&amp; more" in page
    assert "FAILED" in page
    assert "default-src 'none'" in r.headers["content-security-policy"]


def test_head_and_other_methods(client):
    r = client.head("/feed.xml")
    assert r.status_code == 200 and r.content == b"" and int(r.headers["content-length"]) > 0
    r = client.post("/feed.xml", content=b"x")
    assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD"


@pytest.mark.parametrize("path", ["/nothing", "/notes.txt", "/feed.xml/", "/digest-2025-12-11.pdf",
                                  "/digest-latest.json", "/out/feed.xml"])
def test_unknown_paths_are_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/../../etc/passwd", "/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "//etc/passwd",
     "/feed.xml/../../secret.txt", "/./feed.xml/..", "/feed.xml%00", "/..\\secret.txt"],
)
def test_no_path_traversal(server, path):
    assert raw_get(server, path) in (400, 404)


def test_a_file_not_written_yet_is_404(client, out):
    (out / "digest-latest.md").unlink()
    assert client.get("/digest-latest.md").status_code == 404
    assert 'href="digest-latest.md"' not in client.get("/").text


def test_empty_output_dir_serves_an_index(tmp_path):
    with FeedServer(tmp_path / "missing", "127.0.0.1", 0).start() as srv:
        r = httpx.get(srv.url + "/", timeout=10)
        assert r.status_code == 200 and "Nothing written yet" in r.text
        assert httpx.get(srv.url + "/feed.xml", timeout=10).status_code == 404


def test_serve_command_serves_and_stops_on_sigterm(out):
    import re
    import signal
    import subprocess
    import sys
    from pathlib import Path

    env = {k: v for k, v in os.environ.items() if not k.startswith("HMICFRS_WATCH_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "watcher.cli", "--db", str(out.parent / "w.db"), "serve",
         "--port", "0", "--dir", str(out)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
        cwd=Path(__file__).resolve().parents[1],
    )
    try:
        line = proc.stderr.readline()  # "serving DIR at http://127.0.0.1:PORT/ ..."
        m = re.search(r"http://127\.0\.0\.1:\d+", line)
        assert m, line
        r = httpx.get(m[0] + "/feed.xml", timeout=10)
        assert r.status_code == 200 and feedparser.parse(r.content).bozo == 0
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
