"""The redirect loop, written once: for pages and documents, and for robots.txt.

Redirects are followed by hand so that every hop passes the origin check (scheme, host
and port: see `_origins`) *before* any request goes to the new place, and (for pages)
that host's robots.txt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from watcher.fetch._errors import FetchError

if TYPE_CHECKING:
    from watcher.fetch._client import Fetcher

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass
class _Exchange:
    """One HTTP exchange that needs no retry: status, headers and (capped) body."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes = b""


class RedirectRefused(FetchError):
    """A redirect this Fetcher will not follow (off the trusted origins, a loop, too many)."""


def redirect_target(requested: str, current: str, exchange: _Exchange) -> str:
    """The absolute URL a 3xx points at (fragment dropped), or a transient FetchError."""
    location = exchange.headers.get("location")
    if not location:
        raise FetchError(
            requested, f"HTTP {exchange.status} without a Location header", transient=True,
            status=exchange.status,
        )
    try:
        target = urljoin(current, location.strip())
        parts = urlsplit(target)
        return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))
    except ValueError:
        raise FetchError(requested, f"malformed redirect Location {location!r}", transient=True) from None


def follow(
    fetcher: Fetcher,
    url: str,
    *,
    headers: Callable[[str], Mapping[str, str]],
    cap: int,
    requested: str,
    max_hops: int,
    before_hop: Callable[[str], None] | None = None,
    truncate: bool = False,
) -> tuple[_Exchange, str]:
    """GET ``url`` and follow redirects; return the final exchange and the URL that gave it.

    ``headers(url)`` gives each hop's request headers; ``before_hop(url)`` runs before
    each request (robots.txt). Raises RedirectRefused before asking an untrusted
    origin, on a loop (transient: a misconfigured site, likely fixed soon) and past
    ``max_hops``.
    """
    current = url
    seen = {url}
    hops = 0
    while True:
        if before_hop is not None:
            before_hop(current)
        exchange = fetcher._exchange(current, headers(current), cap, requested=requested,
                                     truncate=truncate)
        if exchange.status not in REDIRECT_STATUSES:
            return exchange, current
        target = redirect_target(requested, current, exchange)
        if not fetcher.may_redirect_to(target):
            raise RedirectRefused(
                requested,
                f"redirect to a host outside the site: {target} (only "
                f"{', '.join(sorted(fetcher.trusted_origins))} are followed)",
                transient=False,
            )
        if target in seen:
            raise RedirectRefused(requested, f"redirect loop at {current} -> {target}", transient=True)
        hops += 1
        if hops > max_hops:
            raise RedirectRefused(requested, f"more than {max_hops} redirects", transient=True)
        fetcher.stats.redirects += 1
        seen.add(target)
        current = target
