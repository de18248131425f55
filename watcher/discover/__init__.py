"""Which publications to look at, from the site's own signals.

Channels, best first, chosen automatically, remembered, re-probed weekly:
- the WordPress REST API (`_rest`): dates every edit, counts the whole list, 1 request
  on a quiet day;
- the sitemaps named in robots.txt (`_sitemaps`), with the RSS feed (`_feed`) for the
  newest items: with <lastmod> they say exactly what changed;
- the paginated /publications/ listing (`_listing`): the fallback when there is no
  sitemap, and the backfill path with --full.
Where the channel dates no edit (no lastmod, the listing), the rolling re-check
(`_recheck`) re-reads stored pages on a schedule, so an edit is noticed within a stated
time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from watcher.fetch import Fetcher

from ._common import (
    PUBLICATION_RE,
    REPORT_RE,
    Candidate,
    Discovery,
    canonical,
    is_publication_page,
    moved_elsewhere,
    norm_time,
)
from ._feed import from_feed
from ._listing import MAX_LISTING_PAGES, from_listing
from ._recheck import CHANNELS, SAME_DAY, Policy, due, guarantee
from ._rest import from_rest, probe
from ._sitemaps import GUESSED_ROOTS, MAX_SITEMAPS, from_sitemaps

__all__ = [
    "CHANNELS", "GUESSED_ROOTS", "MAX_LISTING_PAGES", "MAX_SITEMAPS", "PUBLICATION_RE",
    "REPORT_RE", "SAME_DAY", "Candidate", "Discovery", "Policy", "canonical", "discover",
    "due", "guarantee", "is_publication_page", "moved_elsewhere", "norm_time",
]


def _stamp(now: datetime) -> str:
    return now.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _reprobe_due(state: dict, policy: Policy, now: datetime) -> bool:
    probed = state.get("probed")
    if not probed or not state.get("channel"):
        return True
    try:
        when = datetime.fromisoformat(probed.replace("Z", "+00:00"))
    except ValueError:
        return True
    return now - when >= timedelta(days=policy.reprobe_days)


def discover(
    fetcher: Fetcher,
    site: str,
    *,
    known: dict[str, dict],
    sitemap_children: list[str] | None = None,
    full: bool = False,
    use_listing: bool | None = None,
    state: dict | None = None,
    policy: Policy | None = None,
    now: datetime | None = None,
) -> Discovery:
    """Find publication URLs. `known` is url -> stored row (lastmod, status, published,
    last_checked). `state` is what the last scan left in `Discovery.state` (the channel,
    when it was probed, the API route, the sitemaps that name no publication).

    With `full`, the channel is re-probed, every sitemap is fetched without validators
    and the whole list (API or listing) is read.
    """
    policy = policy or Policy()
    now = now or datetime.now(UTC)
    state = dict(state or {})
    site = site.rstrip("/")
    reprobe = full or _reprobe_due(state, policy, now)
    if policy.channel != "auto":
        order = [policy.channel]
    elif reprobe or state.get("channel") not in CHANNELS[1:]:
        order = list(CHANNELS[1:])
    else:
        order = list(CHANNELS[CHANNELS.index(state["channel"]):])
    disc = Discovery()
    for channel in order:
        if channel == "rest":
            api = None if reprobe else state.get("api")
            if api is None:
                api = probe(fetcher, site)
                state["api"] = api
            if api is None:
                continue
            trial = Discovery()
            if from_rest(fetcher, site, api, trial, known, full):
                disc = trial
                disc.channel = "rest"
                break
            state["api"] = None  # it stopped answering: probe again next time
            continue
        if channel == "sitemaps":
            skip = set() if reprobe else set(state.get("skip", []))
            without, dated = from_sitemaps(fetcher, site, disc, sitemap_children or [], full, skip)
            from_feed(fetcher, site, disc, full)
            if disc.complete:
                disc.channel = "sitemaps"
                state["skip"] = sorted(without | skip)  # an index answered 304 names none
                disc.dated = state.get("dated", False) if dated is None else dated
                state["dated"] = disc.dated
                if use_listing or (use_listing is None and full):
                    from_listing(fetcher, site, disc, known, full)
                break
            if len(order) > 1:
                continue
        # The listing: the last resort (also what a forced "sitemaps" falls back to).
        if "sitemaps" not in order:
            from_feed(fetcher, site, disc, full)
        from_listing(fetcher, site, disc, known, full)
        disc.channel = "listing"
        disc.dated = False
        break
    if reprobe:
        state["probed"] = _stamp(now)
    state["channel"] = disc.channel
    disc.state = state
    disc.guarantee = guarantee(policy, disc.dated)
    if not disc.dated and not full:
        disc.recheck = due(known, policy, now)
    return disc
