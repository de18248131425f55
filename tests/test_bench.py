"""The benchmark's own instruments: realistic synthetic reports that keep their findings,
memory measured for the measured process (not the driver), the mirror's listen backlog,
and what urlwatch's reports are read to have noticed."""

from __future__ import annotations

import re
import socket
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import run as bench_run  # noqa: E402
import synthetic  # noqa: E402
from watcher.mirror import build_pdfs  # noqa: E402
from watcher.mirror.content import load_publications  # noqa: E402
from watcher.mirror.server import _Server  # noqa: E402
from watcher.parse.findings import findings_from_html, findings_from_pdf  # noqa: E402


def _keys(parsed) -> list[tuple[str, str]]:
    return sorted((f.kind, " ".join(f.text.split())) for f in parsed.findings)


def test_lengthened_reports_have_real_sizes_and_the_same_findings():
    originals = {p.slug: p for p in load_publications()}
    temps = synthetic.templates()
    assert temps
    for t in temps:
        words = synthetic._words(t.body)
        assert synthetic.REPORT_WORDS[0] <= words <= synthetic.REPORT_WORDS[1] + 3000, t.slug
        assert _keys(findings_from_html(t.body)) == _keys(findings_from_html(originals[t.slug].body)), t.slug


def test_long_pdf_reaches_its_pages_and_keeps_the_findings():
    pytest.importorskip("fpdf")
    originals = {p.slug: p for p in load_publications()}
    t = next(t for t in synthetic.templates()
             if t.pdf != "none" and findings_from_html(originals[t.slug].body).findings)
    src = build_pdfs.pdf_sources(t)[0]
    # the body alone runs past 12 pages; ask for more, so the appendix loop must run
    body_pages = len(re.findall(rb"/Type\s*/Page\b", synthetic.render_long_pdf(
        src.title, src.subtitle, src.body_html, 1, t.slug)))
    data = synthetic.render_long_pdf(src.title, src.subtitle, src.body_html, body_pages + 3, t.slug)
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == body_pages + 3
    mirror_pdf = build_pdfs.pdf_bytes(build_pdfs.pdf_sources(originals[t.slug])[0])
    assert _keys(findings_from_pdf(data)) == _keys(findings_from_pdf(mirror_pdf))


def test_furniture_brings_a_publication_page_to_about_30_kb():
    pubs = synthetic.make_publications(12, seed_pdfs=False)
    pubs = [p.replace(pdf="none", pdf_file="", extra_documents=[]) for p in pubs]
    res = synthetic.build(pubs)
    sizes = [len(res[p.path].body) for p in pubs]
    assert all(25_000 <= s <= 40_000 for s in sizes), sizes
    page = res[pubs[0].path].body
    assert page.count(b"global-styles-inline-css") == 1 and page.rstrip().endswith(b"</html>")


def test_mirror_listens_with_a_backlog_for_parallel_clients():
    """128 connections wait for accept: socketserver's default of 5 refuses the 7th."""
    srv = _Server(("127.0.0.1", 0), None, "site")  # bound and listening, never accepting
    socks = []
    try:
        for _ in range(100):
            c = socket.create_connection(srv.server_address, timeout=5)
            socks.append(c)
            c.sendall(b"GET / HTTP/1.1\r\n")
    finally:
        for c in socks:
            c.close()
        srv.server_close()
    assert len(socks) == 100


@pytest.mark.skipif(not bench_run.TIME.exists() or not Path("/proc/self/status").exists(),
                    reason="needs GNU time and Linux /proc")
def test_memory_is_the_measured_process_not_the_driver(tmp_path):
    ballast = bytearray(b"\x01") * 400_000_000  # the driver is large, as run.py's mirror is
    cmd = [sys.executable, "-c",
           "import time; x = bytearray(b'\\x01') * 60_000_000; time.sleep(0.3)"]
    m = bench_run.run_measured(cmd, env={"PATH": "/usr/bin:/bin"}, cwd=tmp_path, out=tmp_path / "m")
    assert ballast[-1] == 1
    assert m["exit"] == 0
    assert 60 <= m["peak_rss_mb"] < 200, m
    assert 60 <= m["gnu_time_maxrss_mb"] < 200, m
    assert abs(m["peak_rss_mb"] - m["gnu_time_maxrss_mb"]) <= 0.1 * m["gnu_time_maxrss_mb"], m
    assert m["user_s"] + m["sys_s"] > 0


def test_what_urlwatch_noticed_is_read_from_its_report():
    pages = ("CHANGED: alpha-00001/report ( http://127.0.0.1:1/publication-html/alpha-00001/ )\n"
             "CHANGED: beta-00002 ( http://127.0.0.1:1/publications/beta-00002/ )\n"
             "CHANGED: alpha-00001 ( http://127.0.0.1:1/publications/alpha-00001/ )\n")
    assert bench_run.noticed("pages", pages) == ["alpha-00001", "beta-00002"]
    sitemap = ("-<url><loc>http://h/publications/gamma-00003/</loc><lastmod>2024-01-01</lastmod></url>\n"
               "+<url><loc>http://h/publications/gamma-00003/</loc><lastmod>2024-01-04</lastmod></url>\n"
               " <url><loc>http://h/publications/delta-00004/</loc><lastmod>2024-01-01</lastmod></url>\n")
    assert bench_run.noticed("sitemap", sitemap) == ["gamma-00003"]


_QUIET_PROBE = """
import atexit, json, sys
HEAVY = ("bs4", "watcher.parse.extract", "watcher.parse.findings", "multiprocessing",
         "rich", "pygments", "pypdf")
atexit.register(lambda: print(json.dumps(sorted(m for m in HEAVY if m in sys.modules)),
                              file=sys.stderr))
from watcher.cli import cli
sys.argv = ["hmicfrs-watch"] + sys.argv[1:]
cli(prog_name="hmicfrs-watch")
"""


def test_a_quiet_days_scan_loads_no_parser_worker_or_rich(tmp_path):
    """Imports are most of a quiet day's CPU (bench/results): the no-change scan must not
    pull in what only reading a page, a worker pool or a progress bar needs."""
    import json
    import subprocess

    from watcher.mirror.server import MirrorServer

    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    with MirrorServer.from_content() as server:
        args = ["--db", str(tmp_path / "w.db"), "--site", server.url, "scan", "--delay", "0",
                "--json"]
        runs = [subprocess.run([sys.executable, "-c", _QUIET_PROBE, *args], env=env,
                               capture_output=True, text=True, timeout=120) for _ in range(2)]
    for r in runs:
        assert r.returncode == 0, r.stderr[-2000:]
    backfill, quiet = (json.loads(r.stderr.strip().splitlines()[-1]) for r in runs)
    assert json.loads(runs[1].stdout)["checked"] == 0  # it was a quiet day
    assert "bs4" in backfill  # the probe sees imports: the backfill read pages
    assert quiet == []
