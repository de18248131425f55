"""Polite, fault-tolerant HTTP for the watcher.

Everything the scan downloads goes through one :class:`Fetcher`. Its job is to make
sure that the watcher

* stays polite to a public-sector site: one request at a time per host, a delay
  between the starts of consecutive requests to the same host (or robots.txt's
  ``Crawl-delay`` if larger), robots.txt honoured, ``Retry-After`` honoured,
  conditional requests so that unchanged pages cost a 304;
* never concludes anything from a transient fault: timeouts, resets, truncated
  bodies and 5xx become ``FetchError(transient=True)`` after bounded retries, never a
  short or empty :class:`Response` that a caller could mistake for content;
* never wanders off the site or downloads without bound: a host allow-list checked
  on every redirect hop, and a byte cap on the *decoded* body (gzip bombs included).

Only 2xx, 304 and 404/410 come back as a :class:`Response`; everything else raises
:class:`FetchError`. See ``docs/architecture.md`` for the contract.

A Fetcher is not thread-safe: the scan is sequential on purpose (politeness).

The parts, each in its own module (the names below are the public surface):

* ``_client``: the Fetcher, its retries and the byte-capped wire;
* ``_redirects``: the one redirect loop (pages and robots.txt);
* ``_origins``: which hosts may be asked, which origins a redirect may reach;
* ``_robots``: robots.txt;
* ``_decode``: charsets and Content-Encoding;
* ``_response``, ``_errors``, ``_retry_after``: what comes back.
"""

from __future__ import annotations

from watcher.fetch._client import (
    DEFAULT_USER_AGENT,
    RETRY_AFTER_STATUSES,
    RETRY_STATUSES,
    Fetcher,
)
from watcher.fetch._decode import decode_text, detect_encoding
from watcher.fetch._errors import FetchError
from watcher.fetch._redirects import REDIRECT_STATUSES, RedirectRefused
from watcher.fetch._response import GONE_STATUSES, FetchStats, Response, ValidatorCache
from watcher.fetch._retry_after import parse_retry_after
from watcher.fetch._robots import ROBOTS_MAX_BYTES, ROBOTS_MAX_REDIRECTS

__all__ = [
    "DEFAULT_USER_AGENT",
    "GONE_STATUSES",
    "REDIRECT_STATUSES",
    "RETRY_AFTER_STATUSES",
    "RETRY_STATUSES",
    "ROBOTS_MAX_BYTES",
    "ROBOTS_MAX_REDIRECTS",
    "FetchError",
    "FetchStats",
    "Fetcher",
    "RedirectRefused",
    "Response",
    "ValidatorCache",
    "decode_text",
    "detect_encoding",
    "parse_retry_after",
]
