"""The Fetcher: one polite HTTP client per site, retries and the byte-capped wire."""

from __future__ import annotations

import random as _random
import re
import time
import zlib
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

import httpx

from watcher import __version__
from watcher.fetch._decode import _Decoder
from watcher.fetch._errors import FetchError, _Retry, _TooLarge
from watcher.fetch._origins import (
    _hostname_of,
    _is_ip,
    _norm_host,
    _origin,
    _origin_of_setting,
    _same_origin_but_scheme,
)
from watcher.fetch._redirects import REDIRECT_STATUSES, _Exchange, follow
from watcher.fetch._response import GONE_STATUSES, FetchStats, Response, ValidatorCache
from watcher.fetch._retry_after import parse_retry_after
from watcher.fetch._robots import _Robots, robots_for

DEFAULT_USER_AGENT = (
    f"hmicfrs-watch/{__version__} "
    "(+https://github.com/hmicfrs-watch/hmicfrs-watch; liaison monitoring)"
)

#: Statuses worth retrying: the server (or something in front of it) is struggling.
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
#: Statuses whose Retry-After we honour (RFC 9110 defines it for 503 and 3xx, RFC 6585 for 429).
RETRY_AFTER_STATUSES = frozenset({429, 503})


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
        self.allowed_hosts: frozenset[str]
        self.trusted_origins: frozenset[str]
        self.allowed_hosts, self.trusted_origins = self._trusted(parts, allowed_hosts or ())

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

    def _trusted(self, parts, allowed_hosts: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
        """The hosts requests may go to (the site, its asset host, the configured ones) and
        the origins (scheme, host and port) redirects may land on: see _origins."""
        hosts = {self.site_host}
        if not _is_ip(self.site_host) and self.site_host != "localhost":
            hosts.add(self.asset_host_for(self.site_host))
        hosts.update(_hostname_of(h) for h in allowed_hosts if _hostname_of(h))
        origins = {self.site_origin}
        if self.asset_host_for(self.site_host) in hosts:
            port = f":{parts.port}" if parts.port else ""
            origins.add(_origin(f"{parts.scheme}://{self.asset_host_for(self.site_host)}{port}/"))
        for value in allowed_hosts:
            origin = _origin_of_setting(value, parts.scheme)
            if origin:
                origins.add(origin)
        return frozenset(hosts), frozenset(origins)

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

    def may_redirect_to(self, url: str) -> bool:
        """True if a redirect to ``url`` may be followed: a trusted origin (scheme, host,
        port), or the site's own host and port on the other scheme (a move to TLS)."""
        if not self.allows(url):
            return False
        origin = _origin(url)
        return origin in self.trusted_origins or any(
            _same_origin_but_scheme(origin, trusted) for trusted in self.trusted_origins
        )

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

        exchange, current = follow(
            self, url, headers=lambda _u: headers, cap=cap, requested=url,
            max_hops=self.max_redirects,
            before_hop=(lambda u: self._check_robots(u, url)) if self.respect_robots else None,
        )

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

    def _check_robots(self, url: str, requested: str) -> None:
        robots = self._robots_for(_origin(url), requested)
        if robots.parser is not None and not robots.parser.can_fetch(url, self.robots_agent):
            raise FetchError(requested, f"disallowed by robots.txt: {url}", transient=False)

    def _robots_for(self, origin: str, requested: str) -> _Robots:
        return robots_for(self, origin, requested)

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
                body = self._read_body(response, cap, started, requested=requested, truncate=truncate)
                return _Exchange(url, status, response.headers, body)
            if 400 <= status < 500:
                raise FetchError(requested, f"HTTP {status}", transient=False, status=status)
            raise FetchError(requested, f"unexpected HTTP {status}", transient=True, status=status)
        finally:
            response.close()

    def _read_body(
        self,
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
