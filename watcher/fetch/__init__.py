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
"""

from __future__ import annotations

import codecs
import ipaddress
import random as _random
import re
import time
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import cached_property
from typing import Protocol
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx
from protego import Protego

from watcher import __version__

__all__ = [
    "DEFAULT_USER_AGENT",
    "FetchError",
    "FetchStats",
    "Fetcher",
    "Response",
    "ValidatorCache",
    "decode_text",
]

DEFAULT_USER_AGENT = (
    f"hmicfrs-watch/{__version__} "
    "(+https://github.com/hmicfrs-watch/hmicfrs-watch; liaison monitoring)"
)

#: Statuses worth retrying: the server (or something in front of it) is struggling.
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
#: Statuses whose Retry-After we honour (RFC 9110 defines it for 503 and 3xx, RFC 6585 for 429).
RETRY_AFTER_STATUSES = frozenset({429, 503})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
#: Returned to the caller, who decides whether it means "withdrawn".
GONE_STATUSES = frozenset({404, 410})
#: RFC 9309 2.5: crawlers must parse at least 500 KiB of robots.txt; we read no more.
ROBOTS_MAX_BYTES = 512 * 1024
#: RFC 9309 2.3.1.2: follow at least five redirects for robots.txt.
ROBOTS_MAX_REDIRECTS = 5
_DEFAULT_PORTS = {"http": 80, "https": 443}


class FetchError(Exception):
    """A URL did not yield a usable answer.

    ``transient=True`` means "try again later and conclude nothing" (timeouts, resets,
    truncation, 5xx, rate limiting, robots.txt unavailable). ``transient=False`` means
    this Fetcher will not or cannot fetch it as asked (off-site, robots-disallowed, too
    large, 4xx other than 404/410): retrying soon will not help.
    ``retry_after`` is set (seconds) when the server told us how long to wait.
    """

    def __init__(
        self,
        url: str,
        message: str,
        transient: bool,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url
        self.message = message
        self.transient = transient
        self.status = status
        self.retry_after = retry_after

    def __repr__(self) -> str:
        return f"FetchError({self.url!r}, {self.message!r}, transient={self.transient})"


class ValidatorCache(Protocol):
    """Where conditional-request validators live (the Store implements it)."""

    def validators(self, url: str) -> tuple[str | None, str | None] | None: ...

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None: ...


@dataclass
class FetchStats:
    """Counters for the scan summary and the benchmark (one set per Fetcher).

    ``requests`` counts every HTTP request sent (robots.txt, redirect hops and retries
    included); ``bytes_downloaded`` counts bytes off the wire (before decompression).
    """

    requests: int = 0
    conditional_requests: int = 0
    not_modified: int = 0
    bytes_downloaded: int = 0
    retries: int = 0
    errors: int = 0
    redirects: int = 0
    robots_fetches: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


# --------------------------------------------------------------------------- decoding

_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(
    rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:+-]+)["']""", re.IGNORECASE
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _codec(label: str | None, *, from_markup: bool = False) -> str | None:
    """Python codec name for a charset label, or None if unknown.

    Follows the WHATWG Encoding Standard where it matters for real pages: latin-1 and
    ascii labels mean windows-1252, and a UTF-16 label found *inside* ASCII-compatible
    markup must be wrong, so it means utf-8.
    """
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    if name in {"latin-1", "iso8859-1", "ascii"}:
        return "cp1252"
    if from_markup and name.startswith("utf-16"):
        return "utf-8"
    return name


def _content_type_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def detect_encoding(content: bytes, content_type: str | None) -> str:
    """Pick the codec for ``content``: BOM, Content-Type charset, <meta>/XML declaration, utf-8."""
    for bom, name in _BOMS:
        if content.startswith(bom):
            return name
    declared = _codec(_content_type_charset(content_type))
    if declared:
        return declared
    head = content[:4096]
    match = _XML_DECL.match(head) or _META_CHARSET.search(head)
    if match:
        sniffed = _codec(match.group(1).decode("ascii", "replace"), from_markup=True)
        if sniffed:
            return sniffed
    return "utf-8"


def decode_text(content: bytes, content_type: str | None) -> str:
    """Decode a body to text without ever raising: a wrong charset yields U+FFFD, not a crash."""
    encoding = detect_encoding(content, content_type)
    try:
        return content.decode(encoding, errors="replace")
    except (LookupError, ValueError):  # pragma: no cover - codec found but unusable
        return content.decode("utf-8", errors="replace")


# --------------------------------------------------------------------------- response


@dataclass(frozen=True)
class Response:
    """A usable answer: 2xx content, a 304 (``not_modified``), or a 404/410 (``status``).

    ``url`` is the URL asked for, ``final_url`` the one that answered after redirects.
    ``etag``/``last_modified`` are the validators the caller should store alongside the
    content if it fetched with ``remember=False``.
    """

    url: str
    final_url: str
    status: int
    content: bytes
    headers: Mapping[str, str] = field(default_factory=dict)
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower-cased ("" if the server sent none)."""
        value = self.headers.get("content-type") or ""
        return value.split(";", 1)[0].strip().lower()

    @cached_property
    def encoding(self) -> str:
        return detect_encoding(self.content, self.headers.get("content-type"))

    @cached_property
    def text(self) -> str:
        return decode_text(self.content, self.headers.get("content-type"))

    @property
    def gone(self) -> bool:
        """True for 404/410: the caller may treat the page as withdrawn."""
        return self.status in GONE_STATUSES


# --------------------------------------------------------------------------- internals


class _Retry(Exception):
    """A transient failure of one attempt; the retry loop decides what happens next."""

    def __init__(self, problem: str, *, status: int | None = None, retry_after: float | None = None):
        super().__init__(problem)
        self.problem = problem
        self.status = status
        self.retry_after = retry_after


class _TooLarge(Exception):
    pass


@dataclass
class _Exchange:
    """One HTTP exchange that needs no retry: status, headers and (capped) body."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes = b""


@dataclass
class _Robots:
    parser: Protego | None  # None: no usable robots.txt, so everything is allowed
    sitemaps: list[str] = field(default_factory=list)
    failure: FetchError | None = None  # robots.txt unavailable (5xx/timeout)
    retry_at: float = 0.0


class _Decoder:
    """Streaming Content-Encoding decoder with a hard cap on decoded bytes.

    httpx would decompress for us, but one 64 KiB chunk of a gzip bomb inflates to
    ~64 MB before any cap could be checked; here each zlib call gets ``max_length``.
    """

    def __init__(self, coding: str, cap: int) -> None:
        self.coding = coding
        self.cap = cap
        self.total = 0
        self._fed = False
        self._obj: zlib._Decompress | None = None
        if coding in ("gzip", "x-gzip"):
            self._obj = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif coding == "deflate":
            self._obj = zlib.decompressobj(zlib.MAX_WBITS)
        elif coding not in ("", "identity"):
            raise ValueError(coding)

    def _count(self, out: bytes) -> bytes:
        self.total += len(out)
        if self.total > self.cap:
            raise _TooLarge
        return out

    def feed(self, data: bytes) -> bytes:
        if self._obj is None:
            return self._count(data)
        first = not self._fed
        self._fed = True
        try:
            return self._inflate(data)
        except zlib.error:
            if first and self.coding == "deflate":
                # Some servers send raw deflate without the zlib wrapper.
                self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
                return self._inflate(data)
            raise

    def _inflate(self, data: bytes) -> bytes:
        assert self._obj is not None
        outs: list[bytes] = []
        pending = data
        while pending:
            # max_length: never inflate more than one byte past the cap in one call.
            out = self._obj.decompress(pending, self.cap - self.total + 1)
            outs.append(self._count(out))
            if self._obj.eof:
                leftover = self._obj.unused_data
                if leftover.startswith(b"\x1f\x8b") and self.coding != "deflate":
                    self._obj = zlib.decompressobj(16 + zlib.MAX_WBITS)  # next gzip member
                    pending = leftover
                    continue
                break  # trailing junk after the stream (some servers pad): ignore
            tail = self._obj.unconsumed_tail
            if tail and not out:  # no progress: cannot happen, but never spin
                raise zlib.error("decompressor made no progress")
            pending = tail
        return b"".join(outs)

    def finish(self) -> bytes:
        if self._obj is None:
            return b""
        return self._count(self._obj.flush())

    @property
    def complete(self) -> bool:
        """False if a compressed stream stopped before its end (a truncated body)."""
        return self._obj is None or not self._fed or self._obj.eof


def _norm_host(host: str) -> str:
    return host.strip().rstrip(".").lower()


def _hostname_of(value: str) -> str:
    """Hostname from a URL, "host:port" or bare host (ports are ignored on purpose)."""
    target = value if "://" in value else f"//{value}"
    return _norm_host(urlsplit(target).hostname or "")


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _origin(url: str) -> str:
    """scheme://host[:port] with the default port dropped: the unit of politeness and robots."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = _norm_host(parts.hostname or "")
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    if port is None or port == _DEFAULT_PORTS.get(scheme):
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def parse_retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), else None.

    An HTTP-date is measured against the response's own Date header when present, so
    a skewed local clock does not shorten or stretch the wait.
    """
    value = (headers.get("retry-after") or "").strip()
    if not value:
        return None
    if re.fullmatch(r"[0-9]+", value):  # not str.isdigit(): that accepts "²"
        return float(int(value))
    when = _http_date(value)
    if when is None:
        return None
    reference = _http_date(headers.get("date")) or datetime.now(timezone.utc)
    return max(0.0, (when - reference).total_seconds())


# --------------------------------------------------------------------------- fetcher


class Fetcher:
    """Polite HTTP client for one site (and its asset host). Use as a context manager.

    ``delay`` is the minimum time between the *starts* of consecutive requests to one
    host (robots.txt ``Crawl-delay``/``Request-rate`` win when larger). ``retries``
    is the number of extra attempts after a transient failure; waits are
    ``backoff * 2**n`` plus up to as much again in jitter, or exactly ``Retry-After``.
    A ``Retry-After`` longer than ``max_retry_after`` makes us give up at once (and
    fail fast on that host until then) instead of blocking the scan.
    ``max_duration`` bounds one attempt's wall time so a server dribbling bytes cannot
    pin the scan (default ``10 * timeout``).
    ``sleep``, ``clock`` and ``random`` are injectable so tests need not wait.
    """

    def __init__(
        self,
        site_url: str,
        *,
        delay: float = 1.0,
        cache: ValidatorCache | None = None,
        max_bytes: int = 25_000_000,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 2.0,
        max_retry_after: float = 300,
        user_agent: str | None = None,
        allowed_hosts: Iterable[str] | None = None,
        respect_robots: bool = True,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        transport: httpx.BaseTransport | None = None,
        random: Callable[[], float] = _random.random,
        max_redirects: int = 10,
        max_duration: float | None = None,
    ) -> None:
        parts = urlsplit(site_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"site_url must be an http(s) URL, got {site_url!r}")
        self.site_url = site_url
        self.site_origin = _origin(site_url)
        self.site_host = _norm_host(parts.hostname)
        hosts = {self.site_host}
        if not _is_ip(self.site_host) and self.site_host != "localhost":
            hosts.add(self.asset_host_for(self.site_host))
        hosts.update(_hostname_of(h) for h in (allowed_hosts or ()) if _hostname_of(h))
        self.allowed_hosts: frozenset[str] = frozenset(hosts)

        self.delay = delay
        self.cache = cache
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.max_redirects = max_redirects
        self.max_duration = max_duration if max_duration is not None else timeout * 10
        self.user_agent = user_agent or DEFAULT_USER_AGENT
        # robots.txt groups match the product token (RFC 9309 2.2.1), not the whole
        # header: our header contains "github", which must not pick up a "github" group.
        self.robots_agent = re.split(r"[/\s]", self.user_agent.strip(), maxsplit=1)[0]
        self.respect_robots = respect_robots
        self._sleep = sleep
        self._clock = clock
        self._random = random

        self.stats = FetchStats()
        self._last_start: dict[str, float] = {}
        self._not_before: dict[str, float] = {}
        self._blocked: dict[str, tuple[float, FetchError]] = {}
        self._robots: dict[str, _Robots] = {}

        headers = {
            "User-Agent": self.user_agent,
            "Accept-Encoding": "gzip, deflate",
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,"
            "application/pdf;q=0.9,*/*;q=0.8",
        }
        # Redirects are followed by hand so every hop passes the allow-list and robots.
        self._client = httpx.Client(
            http1=True,
            http2=False,
            headers=headers,
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            transport=transport,
        )
        self.closed = False

    # -- lifecycle -----------------------------------------------------------------

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool (idempotent)."""
        if not self.closed:
            self._client.close()
            self.closed = True

    # -- public helpers --------------------------------------------------------------

    @staticmethod
    def asset_host_for(host: str) -> str:
        """The PDF host that pairs with a site host: H -> assets-H."""
        return f"assets-{_norm_host(host)}"

    def allows(self, url: str) -> bool:
        """True if ``url`` is a well-formed http(s) URL on an allowed host (no request made)."""
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError on a bad port
            return parts.scheme in ("http", "https") and (
                _norm_host(parts.hostname or "") in self.allowed_hosts
            )
        except ValueError:
            return False

    def sitemaps(self, host: str | None = None) -> list[str]:
        """The ``Sitemap:`` URLs from robots.txt of ``host`` (default: the site).

        ``host`` may be a URL, "host:port" or a bare hostname (the site's scheme and,
        for the site's own hostname, its port are assumed). Fetches robots.txt if this
        Fetcher has not yet; raises FetchError(transient=True) if it is unavailable.
        """
        scheme = urlsplit(self.site_url).scheme
        if host is None:
            origin = self.site_origin
        elif "://" in host:
            origin = _origin(host)
        else:
            parts = urlsplit(f"//{host}")
            if parts.port is None and _norm_host(parts.hostname or "") == self.site_host:
                origin = self.site_origin
            else:
                origin = _origin(f"{scheme}://{host}")
        self._check_url(origin + "/", origin + "/")
        return list(self._robots_for(origin, origin + "/robots.txt").sitemaps)

    # -- the one public verb -----------------------------------------------------------

    def get(
        self,
        url: str,
        *,
        conditional: bool = True,
        max_bytes: int | None = None,
        remember: bool = True,
    ) -> Response:
        """GET ``url`` politely; return a Response or raise FetchError.

        ``conditional``: send If-None-Match/If-Modified-Since from ``cache.validators``.
        ``remember``: on a 200, call ``cache.remember`` with the new validators right
        away, keyed by ``url`` as asked (not ``final_url``: the next run asks for the
        same ``url``). The scan passes ``remember=False`` and stores ``Response.etag`` /
        ``.last_modified`` itself, in the same transaction as the parsed content: if
        the process dies between fetch and store, no validator is left behind for
        content that was never stored (which would make every later run get a 304 and
        never see that content).
        """
        try:
            return self._get(url, conditional=conditional, max_bytes=max_bytes, remember=remember)
        except FetchError:
            self.stats.errors += 1
            raise

    def _get(self, url: str, *, conditional: bool, max_bytes: int | None, remember: bool) -> Response:
        cap = self.max_bytes if max_bytes is None else max_bytes
        self._check_url(url, url)
        validators = None
        if conditional and self.cache is not None:
            found = self.cache.validators(url)
            if found and (found[0] or found[1]):
                validators = found
        headers: dict[str, str] = {}
        if validators:
            if validators[0]:
                headers["If-None-Match"] = validators[0]
            if validators[1]:
                headers["If-Modified-Since"] = validators[1]

        current = url
        seen = {url}
        hops = 0
        while True:
            if self.respect_robots:
                self._check_robots(current, url)
            exchange = self._exchange(current, headers, cap, requested=url)
            if exchange.status not in REDIRECT_STATUSES:
                break
            target = self._redirect_target(url, current, exchange)
            if not self.allows(target):
                raise FetchError(
                    url, f"redirect to a host outside the site: {target}", transient=False
                )
            if target in seen:
                # A misconfigured site, likely fixed soon: say "try later", conclude nothing.
                raise FetchError(url, f"redirect loop at {current} -> {target}", transient=True)
            hops += 1
            if hops > self.max_redirects:
                raise FetchError(url, f"more than {self.max_redirects} redirects", transient=True)
            self.stats.redirects += 1
            seen.add(target)
            current = target

        etag = exchange.headers.get("etag")
        last_modified = exchange.headers.get("last-modified")
        if exchange.status == 304:
            if not validators:
                raise FetchError(url, "HTTP 304 to an unconditional request", transient=True, status=304)
            self.stats.not_modified += 1
            return Response(
                url=url,
                final_url=current,
                status=304,
                content=b"",
                headers=exchange.headers,
                not_modified=True,
                etag=etag or validators[0],
                last_modified=last_modified or validators[1],
            )
        if remember and self.cache is not None and 200 <= exchange.status < 300:
            if etag or last_modified:
                self.cache.remember(url, etag, last_modified)
        return Response(
            url=url,
            final_url=current,
            status=exchange.status,
            content=exchange.body,
            headers=exchange.headers,
            etag=etag,
            last_modified=last_modified,
        )

    # -- checks ------------------------------------------------------------------------

    def _check_url(self, url: str, requested: str) -> None:
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError on a bad port
        except ValueError as exc:
            raise FetchError(requested, f"malformed URL {url!r}: {exc}", transient=False) from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(requested, f"not an http(s) URL: {url}", transient=False)
        if _norm_host(parts.hostname) not in self.allowed_hosts:
            raise FetchError(
                requested,
                f"host {parts.hostname} is outside the site (allowed: "
                f"{', '.join(sorted(self.allowed_hosts))})",
                transient=False,
            )

    def _redirect_target(self, requested: str, current: str, exchange: _Exchange) -> str:
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

    def _check_robots(self, url: str, requested: str) -> None:
        robots = self._robots_for(_origin(url), requested)
        if robots.parser is not None and not robots.parser.can_fetch(url, self.robots_agent):
            raise FetchError(requested, f"disallowed by robots.txt: {url}", transient=False)

    def _robots_for(self, origin: str, requested: str) -> _Robots:
        """robots.txt for ``origin``, fetched once per Fetcher (RFC 9309 semantics).

        2xx: parse. 4xx (404 included): no usable file, allow all. 5xx, 429 or network
        failure after retries: the host is treated as fully disallowed *for now*
        (transient error), and we do not ask again before ``max_retry_after`` seconds.
        Asked for conditionally when the cache keeps the file (``robots_cache``).
        """
        robots = self._robots.get(origin)
        if robots is not None and robots.failure is None:
            return robots
        if robots is not None and self._clock() < robots.retry_at:
            assert robots.failure is not None
            raise FetchError(requested, robots.failure.message, transient=True)

        url = origin + "/robots.txt"
        seen = {url}
        # A cache that keeps the file itself (the Store does) lets robots.txt be asked
        # for conditionally, so a day with no change costs it a 304.
        cached = None
        if self.cache is not None and hasattr(self.cache, "robots_cache"):
            cached = self.cache.robots_cache(url)
        try:
            for _ in range(ROBOTS_MAX_REDIRECTS + 1):
                self.stats.robots_fetches += 1
                headers = {}
                if cached and url == origin + "/robots.txt":
                    if cached.get("etag"):
                        headers["If-None-Match"] = cached["etag"]
                    if cached.get("last_modified"):
                        headers["If-Modified-Since"] = cached["last_modified"]
                    if headers:
                        self.stats.conditional_requests += 1
                exchange = self._exchange(
                    url, headers, ROBOTS_MAX_BYTES, requested=url, truncate=True
                )
                if exchange.status == 304 and cached is not None:
                    self.stats.not_modified += 1
                    break
                if exchange.status not in REDIRECT_STATUSES:
                    break
                target = self._redirect_target(url, url, exchange)
                if not self.allows(target) or target in seen:
                    exchange = None  # unreachable robots.txt counts as unavailable: allow all
                    break
                seen.add(target)
                url = target
            else:
                exchange = None
        except FetchError as exc:
            if not exc.transient:  # 401/403/other 4xx: "unavailable", allow all
                robots = _Robots(parser=None)
                self._robots[origin] = robots
                return robots
            message = (
                f"robots.txt for {origin} unavailable ({exc.message}); "
                "treating the host as disallowed for now"
            )
            failure = FetchError(requested, message, transient=True, status=exc.status)
            self._robots[origin] = _Robots(
                parser=None,
                failure=failure,
                retry_at=self._clock() + max(self.max_retry_after, exc.retry_after or 0),
            )
            raise failure from None

        if exchange is not None and exchange.status == 304 and cached is not None:
            body = cached["body"]
        elif exchange is None or not (200 <= exchange.status < 300):
            body = None
        else:
            body = exchange.body.decode("utf-8-sig", errors="replace")
            if hasattr(self.cache, "remember_robots"):
                self.cache.remember_robots(
                    origin + "/robots.txt",
                    body,
                    exchange.headers.get("etag"),
                    exchange.headers.get("last-modified"),
                )
        if body is None:
            robots = _Robots(parser=None)
        else:
            parser = Protego.parse(body)
            # Relative Sitemap: values are resolved against robots.txt's own URL.
            robots = _Robots(parser=parser, sitemaps=[urljoin(url, s) for s in parser.sitemaps])
        self._robots[origin] = robots
        return robots

    def _delay_for(self, origin: str) -> float:
        delay = self.delay
        robots = self._robots.get(origin)
        if robots is not None and robots.parser is not None:
            crawl_delay = robots.parser.crawl_delay(self.robots_agent)
            if crawl_delay:
                delay = max(delay, float(crawl_delay))
            rate = robots.parser.request_rate(self.robots_agent)
            if rate and rate.requests:
                delay = max(delay, rate.seconds / rate.requests)
        return delay

    def _wait_turn(self, origin: str) -> None:
        """Sleep until this host may be asked again, then record the request start."""
        now = self._clock()
        ready = max(
            self._last_start.get(origin, float("-inf")) + self._delay_for(origin),
            self._not_before.get(origin, float("-inf")),
        )
        if ready > now:
            self._sleep(ready - now)
        # max(): an injected sleep that does not advance the clock must not erode the gap.
        self._last_start[origin] = max(self._clock(), ready)

    def _backoff_delay(self, attempt: int) -> float:
        base = self.backoff * (2**attempt)
        return min(float(self.max_retry_after), base + base * self._random())

    # -- the wire ----------------------------------------------------------------------

    def _exchange(
        self,
        url: str,
        headers: Mapping[str, str],
        cap: int,
        *,
        requested: str,
        truncate: bool = False,
    ) -> _Exchange:
        """One logical request with retries; returns a redirect, 304, 2xx or 404/410."""
        origin = _origin(url)
        blocked = self._blocked.get(origin)
        if blocked is not None:
            until, error = blocked
            if self._clock() < until:
                raise FetchError(
                    requested, error.message, transient=True,
                    status=error.status, retry_after=until - self._clock(),
                )
            del self._blocked[origin]

        attempts = self.retries + 1
        last: _Retry | None = None
        for attempt in range(attempts):
            if attempt:
                self.stats.retries += 1
            self._wait_turn(origin)
            try:
                return self._send_once(url, headers, cap, requested=requested, truncate=truncate)
            except _Retry as retry:
                last = retry
            wait = last.retry_after
            if wait is not None and wait > self.max_retry_after:
                when = datetime.now(timezone.utc) + timedelta(seconds=wait)
                error = FetchError(
                    requested,
                    f"{last.problem}; the server asked us to retry after {wait:.0f} s "
                    f"(at {when:%Y-%m-%d %H:%M:%S} UTC), more than max_retry_after="
                    f"{self.max_retry_after:g} s: not retrying in this run",
                    transient=True,
                    status=last.status,
                    retry_after=wait,
                )
                self._blocked[origin] = (self._clock() + wait, error)
                raise error
            if wait is None:
                wait = self._backoff_delay(attempt)
            if attempt + 1 < attempts or last.retry_after is not None:
                # Also after the last attempt when the server said how long to wait, so
                # the next request to this host respects it.
                self._not_before[origin] = max(
                    self._not_before.get(origin, float("-inf")), self._clock() + wait
                )
        assert last is not None
        raise FetchError(
            requested,
            f"{last.problem} (gave up after {attempts} attempt{'s' if attempts > 1 else ''})",
            transient=True,
            status=last.status,
            retry_after=last.retry_after,
        )

    def _send_once(
        self, url: str, headers: Mapping[str, str], cap: int, *, requested: str, truncate: bool
    ) -> _Exchange:
        """One attempt. Raises _Retry for transient failures, FetchError for final ones."""
        try:
            request = self._client.build_request("GET", url, headers=dict(headers))
        except (httpx.InvalidURL, ValueError) as exc:
            raise FetchError(requested, f"malformed URL {url!r}: {exc}", transient=False) from None
        self.stats.requests += 1
        if "If-None-Match" in headers or "If-Modified-Since" in headers:
            self.stats.conditional_requests += 1
        started = time.monotonic()
        try:
            response = self._client.send(request, stream=True)
        except httpx.TimeoutException as exc:
            raise _Retry(f"timed out ({type(exc).__name__})") from None
        except httpx.TransportError as exc:
            raise _Retry(f"connection failed ({type(exc).__name__}: {exc})") from None
        try:
            status = response.status_code
            if status in REDIRECT_STATUSES or status == 304:
                return _Exchange(url, status, response.headers)
            if status in RETRY_STATUSES:
                retry_after = (
                    parse_retry_after(response.headers) if status in RETRY_AFTER_STATUSES else None
                )
                raise _Retry(f"HTTP {status}", status=status, retry_after=retry_after)
            if (200 <= status < 300 and status != 206) or status in GONE_STATUSES:
                body = self._read_body(url, response, cap, started, requested=requested, truncate=truncate)
                return _Exchange(url, status, response.headers, body)
            if 400 <= status < 500:
                raise FetchError(requested, f"HTTP {status}", transient=False, status=status)
            raise FetchError(requested, f"unexpected HTTP {status}", transient=True, status=status)
        finally:
            response.close()

    def _read_body(
        self,
        url: str,
        response: httpx.Response,
        cap: int,
        started: float,
        *,
        requested: str,
        truncate: bool,
    ) -> bytes:
        """Stream the body with a running count of decoded bytes; never return a short one."""
        too_large = FetchError(requested, f"response larger than {cap} bytes", transient=False)
        expected: int | None = None
        declared = response.headers.get("content-length")
        if declared is not None:
            try:
                expected = int(declared.split(",")[0].strip())
            except ValueError:
                raise _Retry(f"malformed Content-Length {declared!r}") from None
            if expected > cap and not truncate:
                raise too_large  # refuse before reading a byte
        coding = (response.headers.get("content-encoding") or "").strip().lower()
        try:
            decoder = _Decoder(coding, cap)
        except ValueError:
            raise FetchError(
                requested, f"unsupported Content-Encoding {coding!r}", transient=False
            ) from None

        parts: list[bytes] = []
        received = 0
        try:
            # No chunk_size: httpx would otherwise buffer until 64 KiB had arrived, and a
            # dribbling server could run past max_duration unnoticed.
            for chunk in response.iter_raw():
                received += len(chunk)
                self.stats.bytes_downloaded += len(chunk)
                if received > cap and not truncate:
                    raise _TooLarge
                parts.append(decoder.feed(chunk))
                if time.monotonic() - started > self.max_duration:
                    raise _Retry(
                        f"body still arriving after {self.max_duration:g} s "
                        f"({received} bytes so far)"
                    )
            parts.append(decoder.finish())
        except _TooLarge:
            if truncate:
                return b"".join(parts)[:cap]
            raise too_large from None
        except httpx.TimeoutException:
            raise _Retry(f"timed out reading the body after {received} bytes") from None
        except httpx.TransportError as exc:
            raise _Retry(
                f"connection broke mid-body after {received} bytes "
                f"({type(exc).__name__}: {exc})"
            ) from None
        except zlib.error as exc:
            raise _Retry(f"corrupt {coding} body ({exc})") from None
        if expected is not None and received != expected:
            raise _Retry(f"truncated body: {received} of {expected} bytes")
        if not decoder.complete:
            raise _Retry(f"truncated {coding} body after {received} bytes")
        return b"".join(parts)
