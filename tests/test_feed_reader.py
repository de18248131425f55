"""What a real feed reader makes of the served feeds: newsboat polls them over HTTP.

Skipped where newsboat is not installed (.ci/run installs it from Debian).
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from watcher.publish.feed import render_feed
from watcher.serve import FeedServer

newsboat = shutil.which("newsboat")


@pytest.fixture
def outputs(mirror, store, scan, tmp_path):
    """A scanned mirror's feeds in an output directory."""
    assert scan(mirror.url).ok
    out = tmp_path / "out"
    out.mkdir()
    events = store.changes()
    reports = {r["url"]: r for r in store.reports()}
    for fmt, name in (("rss", "feed.xml"), ("atom", "feed.atom")):
        (out / name).write_bytes(render_feed(events, site_url=mirror.url, fmt=fmt, reports=reports))
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
