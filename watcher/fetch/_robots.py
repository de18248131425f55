"""robots.txt (RFC 9309): fetched once per origin and Fetcher, conditionally when cached.

2xx: parse. 4xx (404 included), or a redirect we will not follow: no usable file, allow
all. 5xx, 429 or a network failure after retries: the host is treated as fully
disallowed *for now* (a transient error), and not asked again for ``max_retry_after``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from protego import Protego

from watcher.fetch._errors import FetchError
from watcher.fetch._redirects import RedirectRefused, follow

if TYPE_CHECKING:
    from watcher.fetch._client import Fetcher

#: RFC 9309 2.5: crawlers must parse at least 500 KiB of robots.txt; we read no more.
ROBOTS_MAX_BYTES = 512 * 1024
#: RFC 9309 2.3.1.2: follow at least five redirects for robots.txt.
ROBOTS_MAX_REDIRECTS = 5


@dataclass
class _Robots:
    parser: Protego | None  # None: no usable robots.txt, so everything is allowed
    sitemaps: list[str] = field(default_factory=list)
    failure: FetchError | None = None  # robots.txt unavailable (5xx/timeout)
    retry_at: float = 0.0


def robots_for(fetcher: Fetcher, origin: str, requested: str) -> _Robots:
    """robots.txt for ``origin`` (see the module docstring for what each answer means)."""
    robots = fetcher._robots.get(origin)
    if robots is not None and robots.failure is None:
        return robots
    if robots is not None and fetcher._clock() < robots.retry_at:
        assert robots.failure is not None
        raise FetchError(requested, robots.failure.message, transient=True)

    first = origin + "/robots.txt"
    # A cache that keeps the file itself (the Store does) lets robots.txt be asked
    # for conditionally, so a day with no change costs it a 304.
    cached = None
    if fetcher.cache is not None and hasattr(fetcher.cache, "robots_cache"):
        cached = fetcher.cache.robots_cache(first)

    def headers(url: str) -> dict[str, str]:
        out: dict[str, str] = {}
        if cached and url == first:
            if cached.get("etag"):
                out["If-None-Match"] = cached["etag"]
            if cached.get("last_modified"):
                out["If-Modified-Since"] = cached["last_modified"]
            if out:
                fetcher.stats.conditional_requests += 1
        return out

    def count(_url: str) -> None:
        fetcher.stats.robots_fetches += 1

    url = first
    try:
        exchange, url = follow(
            fetcher, first, headers=headers, cap=ROBOTS_MAX_BYTES, requested=first,
            max_hops=ROBOTS_MAX_REDIRECTS, before_hop=count, truncate=True,
        )
    except RedirectRefused:
        exchange = None  # unreachable robots.txt counts as unavailable: allow all
    except FetchError as exc:
        if not exc.transient:  # 401/403/other 4xx: "unavailable", allow all
            robots = _Robots(parser=None)
            fetcher._robots[origin] = robots
            return robots
        message = (
            f"robots.txt for {origin} unavailable ({exc.message}); "
            "treating the host as disallowed for now"
        )
        failure = FetchError(requested, message, transient=True, status=exc.status)
        fetcher._robots[origin] = _Robots(
            parser=None,
            failure=failure,
            retry_at=fetcher._clock() + max(fetcher.max_retry_after, exc.retry_after or 0),
        )
        raise failure from None

    if exchange is not None and exchange.status == 304 and cached is not None:
        fetcher.stats.not_modified += 1
        body = cached["body"]
    elif exchange is None or not (200 <= exchange.status < 300):
        body = None
    else:
        body = exchange.body.decode("utf-8-sig", errors="replace")
        if hasattr(fetcher.cache, "remember_robots"):
            fetcher.cache.remember_robots(
                first, body, exchange.headers.get("etag"), exchange.headers.get("last-modified"),
            )
    if body is None:
        robots = _Robots(parser=None)
    else:
        parser = Protego.parse(body)
        # Relative Sitemap: values are resolved against robots.txt's own URL.
        robots = _Robots(parser=parser, sitemaps=[urljoin(url, s) for s in parser.sitemaps])
    fetcher._robots[origin] = robots
    return robots
