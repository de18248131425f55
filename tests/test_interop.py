"""What real client programs make of our outputs: a feed reader and an office suite.

newsboat (a real feed reader) polls the served feeds; LibreOffice opens the Word digest.
Each test is skipped where the program is not installed (.ci/run installs both).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date

import pytest

from watcher.publish.digest import render
from watcher.publish.feed import render_feed
from watcher.serve import FeedServer
from watcher.publish.window import digest_for_window

newsboat = shutil.which("newsboat")
soffice = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture
def outputs(mirror, store, scan, tmp_path):
    """A scanned mirror's feeds and digest in an output directory."""
    assert scan(mirror.url).ok
    out = tmp_path / "out"
    out.mkdir()
    events = store.changes()
    reports = {r["url"]: r for r in store.reports()}
    for fmt, name in (("rss", "feed.xml"), ("atom", "feed.atom")):
        (out / name).write_bytes(render_feed(events, site_url=mirror.url, fmt=fmt, reports=reports))
    data = digest_for_window(
        store, date(2025, 9, 18), date(2025, 12, 11), "West Midlands Police", "JAC",
        date(2025, 9, 18),
    )
    (out / "digest-latest.docx").write_bytes(render(data, "docx"))
    return {"dir": out, "events": events, "store": store, "site": mirror.url}


def _newsboat(home, urls, *commands):
    env = {**os.environ, "HOME": str(home)}
    return subprocess.run(
        [newsboat, "-u", str(urls), "-c", str(home / "cache.db"), "-C", str(home / "config"),
         "-d", str(home / "newsboat.log"), "-l", "6", "-x", *commands],
        capture_output=True, text=True, timeout=120, env=env,
    )


@pytest.mark.skipif(not newsboat, reason="newsboat (a real feed reader) is not installed")
@pytest.mark.parametrize("name", ["feed.xml", "feed.atom"])
def test_a_real_feed_reader_reads_the_served_feed_and_sees_nothing_new_on_regeneration(
    outputs, tmp_path, name
):
    home = tmp_path / "reader"
    home.mkdir()
    (home / "config").write_text("")
    urls = home / "urls"
    with FeedServer(outputs["dir"], "127.0.0.1", 0).start() as server:
        urls.write_text(f"{server.url}/{name}\n")
        first = _newsboat(home, urls, "reload", "print-unread")
        assert first.returncode == 0, first.stderr
        assert f"{len(outputs['events'])} unread articles" in first.stdout
        # regenerate the feed from the same events: a reader must see nothing new
        store = outputs["store"]
        reports = {r["url"]: r for r in store.reports()}
        fmt = "atom" if name.endswith("atom") else "rss"
        (outputs["dir"] / name).write_bytes(
            render_feed(store.changes(), site_url=outputs["site"], fmt=fmt, reports=reports)
        )
        again = _newsboat(home, urls, "reload", "print-unread")
    assert again.returncode == 0
    assert f"{len(outputs['events'])} unread articles" in again.stdout
    log = (home / "newsboat.log").read_text(errors="replace")
    assert "ERROR" not in log


@pytest.mark.skipif(not soffice, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_word_digest(outputs, tmp_path):
    target = tmp_path / "lo"
    result = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
         "--convert-to", "txt:Text", "--outdir", str(target),
         str(outputs["dir"] / "digest-latest.docx")],
        capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 0, result.stderr
    text = (target / "digest-latest.txt").read_text(encoding="utf-8-sig", errors="replace")
    assert "Since the last JAC on 18 September 2025 there have been 3 reports published" in text
    assert "18 recommendations were made in total, of which 1 is applicable to chief constables" in text
    assert "6 recommendations were made in total, of which 4 are applicable to chief constables" in text
