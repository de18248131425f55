"""Discovery's rules, on the loopback mirror and on plain data: the channel chosen and
remembered, only publication sitemaps read, the rolling re-check's bound, withdrawals
through the listing, and a redirect to a different publication."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner

from watcher.cli import cli
from watcher.config import Config, ConfigError, load_config
from watcher.discover import Policy, discover, due, moved_elsewhere, norm_time
from watcher.mirror.states import later_state
from watcher.scan import ScanResult, make_fetcher

SITE = "https://example.org"


@pytest.mark.parametrize("final", [
    f"{SITE}/publications/peel-kent",  # trailing slash only
    "http://example.org/publications/peel-kent/",  # scheme only
    "https://www.example.org/publications/peel-kent/",  # host only
])
def test_a_redirect_that_changes_only_scheme_host_or_slash_is_the_same_publication(final):
    assert moved_elsewhere(f"{SITE}/publications/peel-kent/", final, SITE) is None


def test_a_redirect_to_another_slug_is_somewhere_else():
    target = f"{SITE}/publications/peel-kent-police/"
    assert moved_elsewhere(f"{SITE}/publications/peel-kent/", target, SITE) == target


def test_times_from_rest_sitemaps_and_store_compare_as_instants():
    assert norm_time("2025-10-24T07:40:00") == norm_time("2025-10-24T07:40:00+00:00")
    assert norm_time("2025-10-24T08:40:00+01:00") == norm_time("2025-10-24T07:40:00Z")
    assert norm_time("2025-10-24T07:40:01Z") != norm_time("2025-10-24T07:40:00Z")


def _known(n_old: int, n_recent: int, today: datetime) -> dict[str, dict]:
    rows = {}
    for i in range(n_old):
        rows[f"old{i}"] = {"status": "active", "published": "2019-01-01", "last_checked": None}
    for i in range(n_recent):
        day = (today - timedelta(days=i)).date().isoformat()
        rows[f"new{i}"] = {"status": "active", "published": day, "last_checked": None}
    rows["gone"] = {"status": "withdrawn", "published": "2019-01-01", "last_checked": None}
    return rows


def test_rolling_recheck_reads_recent_daily_and_every_older_one_within_the_bound():
    policy = Policy(recent_days=90, recheck_days=30)
    today = datetime(2026, 1, 1, 6, 30, tzinfo=UTC)
    known = _known(100, 5, today)
    last_read = {u: None for u in known}
    worst_gap = 0
    for day in range(90):
        now = today + timedelta(days=day)
        picked = due(known, policy, now)
        assert "gone" not in picked
        recent = {u for u, row in known.items() if row["status"] == "active"
                  and (now.date() - datetime.fromisoformat(row["published"]).date()).days <= 90}
        assert recent <= set(picked)  # recent: every day
        assert len(picked) - len(recent) <= -(-(105 - len(recent)) // 30) + 1  # older: a share
        for url in picked:
            if last_read[url] is not None:
                worst_gap = max(worst_gap, day - last_read[url])
            last_read[url] = day
            known[url]["last_checked"] = now.date().isoformat()
    assert all(v is not None for k, v in last_read.items() if k != "gone")
    assert worst_gap <= 30


def _fetcher(mirror, store):
    return make_fetcher(Config(site=mirror.url, db=store.path, delay=0.0), cache=store,
                        retries=1, backoff=0.01)


def test_channel_is_remembered_and_reprobed_after_a_week(mirror, store):
    with _fetcher(mirror, store) as fetcher:
        first = discover(fetcher, mirror.url, known={}, now=datetime(2026, 1, 1, tzinfo=UTC))
        assert first.channel == "sitemaps"  # the mirror's /wp-json/ lists no types
        assert any(r.path.startswith("/wp-json/") for r in mirror.requests)
        mirror.clear_log()
        again = discover(fetcher, mirror.url, known={}, state=first.state,
                         now=datetime(2026, 1, 6, tzinfo=UTC))
        assert again.channel == "sitemaps"
        assert not any(r.path.startswith("/wp-json/") for r in mirror.requests)
        mirror.clear_log()
        week = discover(fetcher, mirror.url, known={}, state=again.state,
                        now=datetime(2026, 1, 8, tzinfo=UTC))
        assert week.channel == "sitemaps" and week.state["probed"].startswith("2026-01-08")
        assert any(r.path.startswith("/wp-json/") for r in mirror.requests)


def test_sitemaps_that_name_no_publication_are_not_read_again(mirror, store, scan):
    scan(mirror.url)
    # As on WordPress, the index is read again in full (no 304): its children are listed,
    # and only the one that names publications is fetched.
    store.forget(f"{mirror.url}/wp-sitemap.xml")
    mirror.clear_log()
    assert scan(mirror.url).ok
    read = {r.path for r in mirror.requests}
    assert "/wp-sitemap-posts-page-1.xml" not in read
    assert "/wp-sitemap-taxonomies-category-1.xml" not in read
    state = store.discovery_state(mirror.url)
    assert state["channel"] == "sitemaps"
    assert f"{mirror.url}/wp-sitemap-posts-page-1.xml" in state["skip"]


def _no_sitemaps(mirror):
    for path in ("/robots.txt", "/wp-sitemap.xml", "/sitemap_index.xml", "/feed/"):
        mirror.set_status(path, 404)


def test_listing_notices_a_withdrawal_without_full(mirror, store, scan):
    """Only a withdrawal: nothing new stops the walk early, but the listing's size does
    not add up, so it is walked whole and the missing publication re-requested."""
    _no_sitemaps(mirror)
    assert scan(mirror.url).ok
    victim = mirror.publications[-1]  # the oldest: on the last listing page
    mirror.update([p.replace(withdrawn=True) if p.slug == victim.slug else p
                   for p in mirror.publications])
    _no_sitemaps(mirror)
    result = scan(mirror.url)
    assert result.ok, result.errors
    assert result.channel == "listing"
    assert [(e.slug, e.kind) for e in result.events] == [(victim.slug, "withdrawn")]


def test_listing_shape_reports_a_later_day_exactly(mirror, store, scan):
    _no_sitemaps(mirror)
    scan(mirror.url)
    later, expected = later_state(mirror.publications)
    mirror.update(later)
    _no_sitemaps(mirror)
    result = scan(mirror.url)
    got = {}
    for e in result.events:
        got.setdefault(e.slug, []).append(e.kind)
    # the edits are seen through the rolling re-check only if they are due: every
    # addition and the withdrawal are seen regardless
    for slug, kinds in expected.items():
        if "new" in kinds or "withdrawn" in kinds:
            assert got.get(slug) == kinds


def test_scan_says_which_channel_and_guarantee(mirror, tmp_path):
    opts = ["--db", str(tmp_path / "a.db"), "--site", mirror.url]
    out = CliRunner().invoke(cli, [*opts, "scan", "--delay", "0"], env={}).output
    assert "via sitemaps: edits noticed the same day" in out
    as_json = json.loads(CliRunner().invoke(cli, [*opts, "scan", "--delay", "0", "--json"], env={}).output)
    assert as_json["channel"] == "sitemaps"
    assert as_json["guarantee"] == "edits noticed the same day"


def test_status_json_carries_the_channel(tmp_path):
    from schedules.jobs import read_status, write_status

    config = Config(site=SITE, db=tmp_path / "w.db", output_dir=tmp_path)
    result = ScanResult(channel="listing", guarantee="edits noticed within 30 days")
    now = datetime.now(UTC)
    write_status(config, result, started=now, finished=now)
    assert read_status(config)["discovery"] == {
        "channel": "listing", "guarantee": "edits noticed within 30 days"}


def test_discovery_config_keys(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('[discovery]\nchannel = "listing"\nrecent_days = 60\nrecheck_days = 14\n')
    cfg = load_config(path, env={})
    assert Policy.from_config(cfg) == Policy(channel="listing", recent_days=60, recheck_days=14)
    path.write_text('[discovery]\nchannel = "gopher"\n')
    with pytest.raises(ConfigError, match="channel"):
        load_config(path, env={})
    path.write_text('[discovery]\nrecheck_days = 0\n')
    with pytest.raises(ConfigError, match="recheck_days"):
        load_config(path, env={})
