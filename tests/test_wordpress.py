"""Discovery against a real WordPress (Debian's), in every shape the watcher must cope with.

One WordPress for the session (tests/wordpress/site.py); each test switches its shape with
options read by a mu-plugin: core sitemaps with <lastmod>, without it (WordPress before
6.5), or none at all; and the REST API on or off. The content is the mirror's, loaded
through WordPress's own functions; PDFs stay on the mirror's asset server.

Where the packages are missing the tests skip with the reason; with CI=true they fail.
"""

from __future__ import annotations

import os

import pytest

from store.db import Store
from wordpress.site import SHAPES, WordPress, unavailable
from watcher.config import Config
from watcher.discover import Policy
from watcher.mirror.content import EXPECTED_COUNTS, load_publications
from watcher.mirror.server import MirrorServer
from watcher.mirror.states import later_state
from watcher.scan import make_fetcher, run_scan

# A publication whose slug starts another's: trashed later, WordPress answers its URL with
# a 301 to the other (redirect_guess_404_permalink). It must be a withdrawal, not a merge.
PREFIX_OF = "peel-2023-25-northumbria-police"
PREFIX = "peel-2023-25-northumbria"
# Re-read every stored page each scan where nothing dates edits, so a day's edits are
# seen that day in every shape (the default spreads older ones over 30 days).
EVERY_DAY = Policy(recent_days=36500)


@pytest.fixture(scope="session")
def wordpress():
    why = unavailable()
    if why:
        if os.environ.get("CI") == "true":
            pytest.fail(f"a real WordPress is required in CI: {why}")
        pytest.skip(why)
    with MirrorServer.from_content() as assets, WordPress() as wp:
        wp.assets = assets
        yield wp


def day_one(assets):
    pubs = load_publications()
    base = next(p for p in pubs if p.slug == PREFIX_OF)
    return [*pubs, base.replace(slug=PREFIX, title=base.title.replace(" Police", ""), post_id=0)]


def put(wp, pubs):
    wp.load(pubs, wp.assets.asset_url)
    wp.assets.update(pubs)


def scan(wp, store, *, policy=EVERY_DAY, full=False):
    config = Config(site=wp.url, db=store.path, delay=0.0)
    with make_fetcher(config, cache=store, retries=1, backoff=0.01) as fetcher:
        return run_scan(store, fetcher, wp.url, full=full, policy=policy)


def kinds(result):
    got: dict[str, list[str]] = {}
    for e in result.events:
        got.setdefault(e.slug, []).append(e.kind)
    return {k: sorted(v) for k, v in got.items()}


CHANNEL = {("lastmod", True): "rest", ("no-lastmod", True): "rest", ("no-sitemaps", True): "rest",
           ("lastmod", False): "sitemaps", ("no-lastmod", False): "sitemaps",
           ("no-sitemaps", False): "listing"}


@pytest.mark.parametrize("rest", [True, False], ids=["rest", "no-rest"])
@pytest.mark.parametrize("shape", list(SHAPES))
def test_real_wordpress_counts_changes_quiet_day_and_guessed_redirect(wordpress, tmp_path, shape, rest):
    wp = wordpress
    wp.shape(shape, rest=rest)
    first = day_one(wp.assets)
    put(wp, first)
    with Store(tmp_path / "watch.db") as store:
        # Backfill: every publication, every count exact.
        result = scan(wp, store)
        assert result.ok, result.errors
        assert result.channel == CHANNEL[shape, rest]
        live = {p.slug: p for p in first if not p.withdrawn}
        rows = {r["slug"]: r for r in store.reports()}
        assert set(rows) == set(live)
        for slug, pub in live.items():
            assert {k: rows[slug][k] for k in EXPECTED_COUNTS} == {
                k: pub.expected[k] for k in EXPECTED_COUNTS}, slug

        # A quiet day: nothing reported; discovery costs at most 2 requests through the
        # REST API, 4 otherwise (robots.txt included).
        quiet = scan(wp, store)
        assert quiet.ok, quiet.errors
        assert quiet.events == []
        assert quiet.discovery_requests <= (2 if rest else 4), quiet.to_dict()
        dated = rest or shape == "lastmod"
        assert (quiet.rechecked == 0) == dated
        assert quiet.requests == quiet.discovery_requests or not dated

        # A later day: exactly its changes, with no --full.
        later, expected = later_state(first)
        later = [p.replace(withdrawn=True) if p.slug == PREFIX else p for p in later]
        expected[PREFIX] = ["withdrawn"]
        put(wp, later)
        day = scan(wp, store)
        assert day.ok, day.errors
        assert kinds(day) == {k: sorted(v) for k, v in expected.items()}
        moved = next(e for e in day.events if e.slug == PREFIX)
        assert moved.details["moved_to"] == f"{wp.url}/publications/{PREFIX_OF}/"
        # The two records stay apart: the one redirected to is untouched and active.
        other = store.publication_row(f"{wp.url}/publications/{PREFIX_OF}/")
        gone = store.publication_row(f"{wp.url}/publications/{PREFIX}/")
        assert other["status"] == "active" and gone["status"] == "withdrawn"
        assert other["id"] != gone["id"]
        assert scan(wp, store).events == []


def test_rest_quiet_day_is_one_request_after_robots(wordpress, tmp_path):
    """The API's newest-modified page names what changed; an unchanged site costs it one."""
    wp = wordpress
    wp.shape("lastmod", rest=True)
    put(wp, day_one(wp.assets))
    with Store(tmp_path / "watch.db") as store:
        assert scan(wp, store, policy=Policy()).ok
        quiet = scan(wp, store, policy=Policy())
        assert quiet.channel == "rest" and quiet.guarantee == "edits noticed the same day"
        assert quiet.discovery_requests == 2 and quiet.requests == 2


def test_undated_channel_rechecks_within_the_stated_bound(wordpress, tmp_path):
    """No lastmod, no API: the default policy re-reads a 1/30 share of older pages a day."""
    wp = wordpress
    wp.shape("no-lastmod", rest=False)
    pubs = day_one(wp.assets)
    put(wp, pubs)
    with Store(tmp_path / "watch.db") as store:
        assert scan(wp, store, policy=Policy()).ok
        quiet = scan(wp, store, policy=Policy())
        assert quiet.channel == "sitemaps"
        assert "within 30 days" in quiet.guarantee
        # every publication here is older than 90 days: ceil(43 / 30) of them a day
        active = len([p for p in pubs if not p.withdrawn])
        assert quiet.rechecked == -(-active // 30)
        assert quiet.discovery_requests <= 4
