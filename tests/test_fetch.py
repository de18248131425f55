"""The Fetcher against real loopback servers: politeness, safety and fault handling.

Every test talks HTTP to a FaultServer on 127.0.0.1; none touches another network.
Nothing asserts a duration: waits go through an injected clock/sleep (FakeClock), and
the few real-time faults (timeouts, dribble) only need the client to give up at all.
"""

from __future__ import annotations

import gzip
import zlib
from email.utils import formatdate

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from watcher import __version__
from watcher.fetch import (
    DEFAULT_USER_AGENT,
    FetchError,
    Fetcher,
    decode_text,
    parse_retry_after,
)

try:
    from tests.faultserver import MALFORMED, Fault, FaultServer, gzip_bomb, huge_body
except ImportError:  # tests/ is not a package: pytest puts it on sys.path
    from faultserver import MALFORMED, Fault, FaultServer, gzip_bomb, huge_body

PAGE = "<!DOCTYPE html><html><head><title>Report</title></head><body><h1>Report</h1></body></html>"


# --------------------------------------------------------------------------- fixtures


class FakeClock:
    """Injected clock + sleep: sleeping advances time instantly and is recorded."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class DictCache:
    """A ValidatorCache in memory, recording what was remembered."""

    def __init__(self) -> None:
        self.store: dict[str, tuple[str | None, str | None]] = {}
        self.remembered: list[tuple[str, str | None, str | None]] = []

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        return self.store.get(url)

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.remembered.append((url, etag, last_modified))
        self.store[url] = (etag, last_modified)


@pytest.fixture
def server():
    with FaultServer() as srv:
        yield srv


@pytest.fixture
def assets():
    """A second loopback server standing in for the asset host (same hostname, other port)."""
    with FaultServer() as srv:
        yield srv


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_fetcher(server, clock):
    """Fetcher factory bound to ``server``: fake time, small timeouts, no jitter."""
    made: list[Fetcher] = []

    def make(**kwargs) -> Fetcher:
        kwargs.setdefault("delay", 0.0)
        kwargs.setdefault("timeout", 0.5)
        kwargs.setdefault("sleep", clock.sleep)
        kwargs.setdefault("clock", clock.clock)
        kwargs.setdefault("random", lambda: 0.0)
        f = Fetcher(kwargs.pop("site_url", server.url("/")), **kwargs)
        made.append(f)
        return f

    yield make
    for f in made:
        f.close()


def paths(srv: FaultServer) -> list[str]:
    return [r.path for r in srv.log]


# --------------------------------------------------------------------------- basics


def test_get_returns_content_headers_and_validators(server, make_fetcher):
    server.route("/publications/x/", PAGE)
    with make_fetcher() as f:
        r = f.get(server.url("/publications/x/"))
    assert r.status == 200 and r.text == PAGE and r.content == PAGE.encode()
    assert r.content_type == "text/html"
    assert r.url == r.final_url == server.url("/publications/x/")
    assert r.etag and r.last_modified and not r.not_modified
    assert f.closed


def test_request_identifies_itself_and_speaks_http11_with_compression(server, make_fetcher):
    server.route("/", PAGE)
    make_fetcher().get(server.url("/"))
    req = server.requests("/")[0]
    assert req.version == "HTTP/1.1"
    assert req.headers["user-agent"] == DEFAULT_USER_AGENT
    assert f"hmicfrs-watch/{__version__} (+https://" in DEFAULT_USER_AGENT
    assert req.headers["accept-encoding"] == "gzip, deflate"


def test_custom_user_agent_is_sent_and_used_for_robots(server, make_fetcher):
    server.robots("User-agent: otherbot\nDisallow: /\n")
    server.route("/", PAGE)
    with pytest.raises(FetchError, match="robots"):
        make_fetcher(user_agent="otherbot/2.0").get(server.url("/"))
    assert server.requests("/robots.txt")[0].headers["user-agent"] == "otherbot/2.0"


def test_404_and_410_are_responses_not_errors(server, make_fetcher):
    server.route("/gone/", "Gone", status=410)
    f = make_fetcher()
    missing = f.get(server.url("/missing/"))
    gone = f.get(server.url("/gone/"))
    assert (missing.status, missing.gone) == (404, True)
    assert (gone.status, gone.gone) == (410, True)
    assert f.stats.errors == 0


@pytest.mark.parametrize("status", [400, 401, 403, 405, 451])
def test_other_4xx_is_a_permanent_error_without_retries(server, make_fetcher, status):
    server.route("/x/", PAGE, faults=[Fault.status_code(status)])
    f = make_fetcher(retries=3)
    with pytest.raises(FetchError) as info:
        f.get(server.url("/x/"))
    assert info.value.transient is False and info.value.status == status
    assert server.hits("/x/") == 1 and f.stats.retries == 0


def test_gzip_and_deflate_bodies_are_decoded(server, make_fetcher):
    server.route("/gz/", PAGE, gzip=True)
    raw = zlib.compress(PAGE.encode())
    server.route("/deflate/", raw, content_encoding="deflate")
    server.route("/rawdeflate/", zlib.compress(PAGE.encode())[2:-4], content_encoding="deflate")
    f = make_fetcher()
    assert f.get(server.url("/gz/")).text == PAGE
    assert f.get(server.url("/deflate/")).text == PAGE
    assert f.get(server.url("/rawdeflate/")).text == PAGE
    gz_req = server.requests("/gz/")[0]
    assert gz_req.bytes_sent == len(gzip.compress(PAGE.encode(), mtime=0))


def test_multi_member_gzip_and_trailing_junk_are_tolerated(server, make_fetcher):
    body = gzip.compress(b"<p>one</p>") + gzip.compress(b"<p>two</p>")
    server.route("/multi/", body, content_encoding="gzip")
    server.route("/junk/", gzip.compress(PAGE.encode()) + b"\0\0\0\0", content_encoding="gzip")
    f = make_fetcher(respect_robots=False)
    assert f.get(server.url("/multi/")).text == "<p>one</p><p>two</p>"
    assert f.get(server.url("/junk/")).text == PAGE


def test_corrupt_gzip_is_transient(server, make_fetcher):
    server.route("/bad/", b"\x1f\x8b\x08\x00" + b"\xff" * 200, content_encoding="gzip")
    with pytest.raises(FetchError, match="corrupt gzip") as info:
        make_fetcher(retries=0, respect_robots=False).get(server.url("/bad/"))
    assert info.value.transient


def test_unsupported_content_encoding_is_refused(server, make_fetcher):
    server.route("/br/", b"\x1b\x00\x00", content_encoding="br")
    with pytest.raises(FetchError, match="Content-Encoding") as info:
        make_fetcher().get(server.url("/br/"))
    assert info.value.transient is False


@pytest.mark.parametrize("kind", ["html", "xml", "pdf"])
def test_malformed_documents_are_passed_through_byte_for_byte(server, make_fetcher, kind):
    ctype = {"html": "text/html", "xml": "application/xml", "pdf": "application/pdf"}[kind]
    server.route(f"/bad.{kind}", MALFORMED[kind], content_type=ctype)
    r = make_fetcher().get(server.url(f"/bad.{kind}"))
    assert r.content == MALFORMED[kind] and r.content_type == ctype
    assert isinstance(r.text, str)  # decoding never raises, whatever the bytes


# --------------------------------------------------------------------------- conditional


def test_conditional_request_sends_validators_and_304_is_not_modified(server, make_fetcher):
    server.route("/p/", PAGE)
    cache = DictCache()
    f = make_fetcher(cache=cache)
    first = f.get(server.url("/p/"))
    assert cache.remembered == [(server.url("/p/"), first.etag, first.last_modified)]
    second = f.get(server.url("/p/"))
    req = server.requests("/p/")[1]
    assert req.headers["if-none-match"] == first.etag
    assert req.headers["if-modified-since"] == first.last_modified
    assert second.not_modified and second.status == 304 and second.content == b""
    assert second.etag == first.etag
    assert f.stats.conditional_requests == 1 and f.stats.not_modified == 1


def test_if_modified_since_alone_gets_304(server, make_fetcher):
    server.route("/p/", PAGE, etag=None)
    cache = DictCache()
    cache.store[server.url("/p/")] = (None, "Tue, 07 Oct 2025 10:00:00 GMT")
    r = make_fetcher(cache=cache).get(server.url("/p/"))
    assert r.not_modified and "if-none-match" not in server.requests("/p/")[0].headers


def test_changed_content_returns_200_with_new_validators(server, make_fetcher):
    server.route("/p/", PAGE)
    cache = DictCache()
    f = make_fetcher(cache=cache)
    old = f.get(server.url("/p/"))
    server.route("/p/", PAGE.replace("Report", "Revised"), last_modified="Wed, 08 Oct 2025 09:00:00 GMT")
    new = f.get(server.url("/p/"))
    assert new.status == 200 and "Revised" in new.text and new.etag != old.etag
    assert cache.store[server.url("/p/")] == (new.etag, new.last_modified)


def test_remember_false_leaves_validators_to_the_caller(server, make_fetcher):
    server.route("/p/", PAGE)
    cache = DictCache()
    r = make_fetcher(cache=cache).get(server.url("/p/"), remember=False)
    assert cache.remembered == [] and r.etag and r.last_modified


def test_conditional_false_sends_no_validators(server, make_fetcher):
    server.route("/p/", PAGE)
    cache = DictCache()
    cache.store[server.url("/p/")] = ('"abc"', "Tue, 07 Oct 2025 10:00:00 GMT")
    r = make_fetcher(cache=cache).get(server.url("/p/"), conditional=False)
    headers = server.requests("/p/")[0].headers
    assert r.status == 200 and "if-none-match" not in headers and "if-modified-since" not in headers


def test_unsolicited_304_is_a_transient_error_not_empty_content(server, make_fetcher):
    server.route("/p/", PAGE, faults=[Fault.status_code(304)])
    with pytest.raises(FetchError, match="304") as info:
        make_fetcher().get(server.url("/p/"))
    assert info.value.transient


# --------------------------------------------------------------------------- hosts and redirects


def test_redirect_within_site_is_followed(server, make_fetcher):
    server.route("/publications/new/", PAGE)
    server.redirect("/publications/old/", "/publications/new/")
    f = make_fetcher()
    r = f.get(server.url("/publications/old/"))
    assert r.url == server.url("/publications/old/")
    assert r.final_url == server.url("/publications/new/") and r.text == PAGE
    assert f.stats.redirects == 1


def test_redirect_to_a_configured_asset_origin_on_other_port_is_followed(server, assets, make_fetcher):
    assets.route("/uploads/r.pdf", MALFORMED["pdf"], content_type="application/pdf")
    server.redirect("/download/r/", assets.url("/uploads/r.pdf"), status=302)
    r = make_fetcher(allowed_hosts=[assets.url("")]).get(server.url("/download/r/"))
    assert r.final_url == assets.url("/uploads/r.pdf") and r.content_type == "application/pdf"
    assert paths(assets) == ["/robots.txt", "/uploads/r.pdf"]  # robots of the new host first


def test_redirect_to_the_same_host_on_another_port_is_refused_unasked(server, assets, make_fetcher):
    """Origins are compared by port too: the other server sees no request, not even robots.txt."""
    assets.route("/publication-html/r/", PAGE)
    server.redirect("/publication-html/r/", assets.url("/publication-html/r/"), status=301)
    f = make_fetcher()
    with pytest.raises(FetchError, match="outside the site") as info:
        f.get(server.url("/publication-html/r/"))
    assert info.value.transient is False
    assert assets.log == []
    # a link to that port (the site naming where its files are) is still fetchable
    assert f.allows(assets.url("/publication-html/r/"))
    assert not f.may_redirect_to(assets.url("/publication-html/r/"))


def test_robots_redirect_to_another_port_is_not_followed(server, assets, make_fetcher):
    assets.route("/robots.txt", "User-agent: *\nDisallow: /\n", content_type="text/plain")
    server.redirect("/robots.txt", assets.url("/robots.txt"), status=301)
    server.route("/p/", PAGE)
    assert make_fetcher().get(server.url("/p/")).text == PAGE  # unavailable robots: allow all
    assert assets.log == []


def test_off_site_redirect_is_refused_without_contacting_the_other_host(server, assets, make_fetcher):
    offsite = assets.url("/evil/", host="localhost")  # a different hostname
    server.redirect("/go/", offsite, status=302)
    f = make_fetcher()
    with pytest.raises(FetchError, match="redirect to a host outside the site") as info:
        f.get(server.url("/go/"))
    assert info.value.transient is False
    assert assets.log == []


def test_off_site_url_is_refused_without_any_request(server, assets, make_fetcher):
    f = make_fetcher()
    for url in (assets.url("/x", host="localhost"), "ftp://127.0.0.1/x", "file:///etc/passwd"):
        with pytest.raises(FetchError) as info:
            f.get(url)
        assert info.value.transient is False
    assert server.log == [] and assets.log == [] and f.stats.requests == 0


def test_allowed_hosts_for_the_real_site_include_the_asset_host():
    def refuse(request: httpx.Request) -> httpx.Response:  # never reached
        raise AssertionError(f"no request expected, got {request.url}")

    with Fetcher(
        "https://hmicfrs.justiceinspectorates.gov.uk",
        allowed_hosts=["https://www.justiceinspectorates.gov.uk/hmicfrs/"],
        transport=httpx.MockTransport(refuse),
    ) as f:
        assert f.allows("https://hmicfrs.justiceinspectorates.gov.uk/publications/")
        assert f.allows("https://assets-hmicfrs.justiceinspectorates.gov.uk/uploads/r.pdf")
        assert f.allows("https://HMICFRS.justiceinspectorates.gov.uk.:8443/x")
        assert f.allows("https://www.justiceinspectorates.gov.uk/hmicfrs/old/")
        assert not f.allows("https://hmiprobation.justiceinspectorates.gov.uk/document/x/")
        assert not f.allows("https://evil.example/hmicfrs.justiceinspectorates.gov.uk")
        with pytest.raises(FetchError, match="outside the site"):
            f.get("https://evil.example/")
        assert f.stats.requests == 0


def test_redirect_to_malformed_url_is_refused(server, make_fetcher):
    server.redirect("/bad/", "http://127.0.0.1:99999/x")
    with pytest.raises(FetchError, match="outside the site") as info:
        make_fetcher().get(server.url("/bad/"))
    assert info.value.transient is False


def test_redirect_loop_is_an_error(server, make_fetcher):
    server.redirect("/a/", "/b/")
    server.redirect("/b/", "/a/")
    with pytest.raises(FetchError, match="redirect loop") as info:
        make_fetcher().get(server.url("/a/"))
    assert info.value.transient  # a misconfiguration: try later, conclude nothing
    assert server.hits("/a/") == 1 and server.hits("/b/") == 1


def test_endless_redirect_chain_is_cut_off(server, make_fetcher):
    for i in range(20):
        server.redirect(f"/r{i}/", f"/r{i + 1}/")
    with pytest.raises(FetchError, match="more than 5 redirects"):
        make_fetcher(max_redirects=5).get(server.url("/r0/"))
    assert server.hits("/r6/") == 0


# --------------------------------------------------------------------------- robots.txt


def test_robots_disallow_is_honoured_and_robots_fetched_once(server, make_fetcher):
    server.robots("User-agent: *\nDisallow: /private/\n")
    server.route("/private/x/", PAGE)
    server.route("/public/", PAGE)
    f = make_fetcher()
    with pytest.raises(FetchError, match="disallowed by robots.txt") as info:
        f.get(server.url("/private/x/"))
    assert info.value.transient is False
    f.get(server.url("/public/"))
    f.get(server.url("/public/"))
    assert server.hits("/private/x/") == 0
    assert server.hits("/robots.txt") == 1


def test_robots_group_matches_product_token_only(server, make_fetcher):
    # Our User-Agent contains "github"; a group for "github" must not apply to us,
    # while a group for "hmicfrs-watch" must.
    server.robots("User-agent: github\nDisallow: /\n\nUser-agent: hmicfrs-watch\nDisallow: /drafts/\n")
    server.route("/ok/", PAGE)
    f = make_fetcher(user_agent=None)
    assert f.get(server.url("/ok/")).status == 200
    with pytest.raises(FetchError, match="robots"):
        f.get(server.url("/drafts/x/"))


def test_robots_disallow_applies_to_redirect_targets(server, make_fetcher):
    server.robots("User-agent: *\nDisallow: /private/\n")
    server.redirect("/short/", "/private/doc/")
    with pytest.raises(FetchError, match="disallowed by robots.txt"):
        make_fetcher().get(server.url("/short/"))
    assert server.hits("/private/doc/") == 0


def test_respect_robots_false_skips_the_check(server, make_fetcher):
    server.robots("User-agent: *\nDisallow: /\n")
    server.route("/x/", PAGE)
    assert make_fetcher(respect_robots=False).get(server.url("/x/")).status == 200
    assert server.hits("/robots.txt") == 0


@pytest.mark.parametrize("status", [404, 410, 403])
def test_robots_4xx_means_allow_all(server, make_fetcher, status):
    if status != 404:
        server.route("/robots.txt", "no", status=status)
    server.route("/x/", PAGE)
    assert make_fetcher().get(server.url("/x/")).status == 200


def test_robots_5xx_makes_host_unavailable_for_now(server, make_fetcher, clock):
    server.route("/robots.txt", "", faults=[Fault.status_code(503, n=None)])
    server.route("/x/", PAGE)
    f = make_fetcher(retries=1, max_retry_after=300)
    with pytest.raises(FetchError, match="robots.txt .* unavailable") as info:
        f.get(server.url("/x/"))
    assert info.value.transient
    robots_hits = server.hits("/robots.txt")
    assert robots_hits == 2  # one retry, then give up
    with pytest.raises(FetchError, match="unavailable"):  # fails fast: no hammering
        f.get(server.url("/x/"))
    assert server.hits("/robots.txt") == robots_hits and server.hits("/x/") == 0
    # Once the cool-down has passed and the server has recovered, robots.txt is retried.
    server.robots("User-agent: *\nAllow: /\n")
    clock.now += 301
    assert f.get(server.url("/x/")).status == 200


def test_robots_timeout_is_transient(server, make_fetcher):
    server.route("/robots.txt", "", faults=[Fault.timeout(n=None)])
    server.route("/x/", PAGE)
    with pytest.raises(FetchError) as info:
        make_fetcher(retries=0).get(server.url("/x/"))
    assert info.value.transient and server.hits("/x/") == 0


def test_robots_with_bom_and_oversize_is_parsed_up_to_the_limit(server, make_fetcher):
    body = "\ufeffUser-agent: *\nDisallow: /private/\n" + "# padding\n" * 80_000
    server.robots(body)
    f = make_fetcher()
    with pytest.raises(FetchError, match="robots"):
        f.get(server.url("/private/"))


def test_sitemaps_come_from_robots(server, make_fetcher):
    server.robots(
        "User-agent: *\nDisallow: /wp-admin/\n"
        f"Sitemap: {server.url('/sitemap_index.xml')}\nSitemap: /wp-sitemap.xml\n"
    )
    f = make_fetcher()
    expected = [server.url("/sitemap_index.xml"), server.url("/wp-sitemap.xml")]
    assert f.sitemaps() == expected
    assert f.sitemaps("127.0.0.1") == expected
    assert f.sitemaps(server.url("/")) == expected
    assert server.hits("/robots.txt") == 1


def test_crawl_delay_larger_than_delay_is_honoured(server, make_fetcher, clock):
    server.robots("User-agent: *\nCrawl-delay: 5\n")
    server.route("/a/", PAGE)
    f = make_fetcher(delay=1.0)
    f.get(server.url("/a/"))
    f.get(server.url("/a/"))
    # robots.txt is read first, so even the first page waits the Crawl-delay after it.
    assert clock.sleeps == [5.0, 5.0]


# --------------------------------------------------------------------------- politeness


def test_politeness_delay_is_per_host_between_request_starts(server, assets, make_fetcher, clock):
    server.route("/a/", PAGE)
    server.route("/b/", PAGE)
    server.route("/c/", PAGE)
    assets.route("/x.pdf", "x", content_type="application/pdf")
    assets.route("/y.pdf", "y", content_type="application/pdf")
    f = make_fetcher(delay=2.0, respect_robots=False)
    starts = []

    def get(url):
        f.get(url)
        starts.append((url.rsplit("/", 2)[0], clock.now))

    get(server.url("/a/"))  # t=1000, no wait
    get(server.url("/b/"))  # same host: wait 2 -> 1002
    get(assets.url("/x.pdf"))  # other host: no wait
    get(assets.url("/y.pdf"))  # wait 2 -> 1004
    get(server.url("/c/"))  # site last started at 1002: already 2 s ago
    assert clock.sleeps == [2.0, 2.0]
    clock.now += 10  # time that passed on its own counts too
    get(server.url("/a/"))
    assert clock.sleeps == [2.0, 2.0]


def test_politeness_survives_a_sleep_that_does_not_advance_the_clock(server, make_fetcher, clock):
    server.route("/a/", PAGE)
    recorded: list[float] = []
    f = make_fetcher(delay=3.0, respect_robots=False, sleep=recorded.append)
    for _ in range(3):
        f.get(server.url("/a/"))
    assert recorded == [3.0, 6.0]  # each start is scheduled 3 s after the previous one


# --------------------------------------------------------------------------- retries


def test_burst_of_503_is_recovered_with_exponential_backoff_and_jitter(server, make_fetcher, clock):
    server.route("/x/", PAGE, faults=[Fault.burst(503, n=2)])
    f = make_fetcher(retries=3, backoff=2.0, random=lambda: 0.5)
    r = f.get(server.url("/x/"))
    assert r.status == 200 and r.text == PAGE
    assert server.hits("/x/") == 3
    assert clock.sleeps == [3.0, 6.0]  # 2*2**0*(1+0.5), 2*2**1*(1+0.5)
    assert f.stats.retries == 2 and f.stats.errors == 0


@pytest.mark.parametrize("status", [500, 502, 503, 504, 408])
def test_persistent_server_error_becomes_transient_error_naming_it(server, make_fetcher, status):
    server.route("/x/", PAGE, faults=[Fault.status_code(status)])
    server.add_faults("/x/", Fault.status_code(status, n=None))
    f = make_fetcher(retries=2)
    with pytest.raises(FetchError) as info:
        f.get(server.url("/x/"))
    assert info.value.transient and info.value.status == status
    assert f"HTTP {status}" in info.value.message and "3 attempts" in info.value.message
    assert server.hits("/x/") == 3 and f.stats.errors == 1 and f.stats.retries == 2


def test_unretryable_5xx_is_transient_without_retry(server, make_fetcher):
    server.route("/x/", PAGE, faults=[Fault.status_code(501, n=None)])
    with pytest.raises(FetchError) as info:
        make_fetcher(retries=3).get(server.url("/x/"))
    assert info.value.transient and server.hits("/x/") == 1


def test_retry_after_seconds_on_429_is_honoured(server, make_fetcher, clock):
    server.route("/x/", PAGE, faults=[Fault.rate_limited(7)])
    f = make_fetcher(retries=3, delay=1.0, respect_robots=False)
    assert f.get(server.url("/x/")).status == 200
    assert clock.sleeps == [7.0] and f.stats.retries == 1


def test_retry_after_http_date_on_503_is_honoured(server, make_fetcher, clock):
    server.route("/x/", PAGE, faults=[Fault.rate_limited(30, status=503, http_date=True)])
    f = make_fetcher(respect_robots=False)
    assert f.get(server.url("/x/")).status == 200
    assert clock.sleeps == [30.0]


def test_retry_after_beyond_cap_gives_up_at_once_and_says_when(server, make_fetcher, clock):
    server.route("/x/", PAGE, faults=[Fault.rate_limited(3600)])
    server.route("/y/", PAGE)
    f = make_fetcher(retries=3, max_retry_after=300, respect_robots=False)
    with pytest.raises(FetchError, match="retry after 3600 s") as info:
        f.get(server.url("/x/"))
    assert info.value.transient and info.value.retry_after == 3600 and info.value.status == 429
    assert clock.sleeps == [] and server.hits("/x/") == 1
    # The host asked for an hour's rest: the rest of this run leaves it alone.
    with pytest.raises(FetchError, match="retry after") as again:
        f.get(server.url("/y/"))
    assert again.value.transient and server.hits("/y/") == 0
    clock.now += 3601
    assert f.get(server.url("/y/")).status == 200


def test_retry_after_on_last_attempt_still_spaces_the_next_request(server, make_fetcher, clock):
    server.route("/x/", PAGE, faults=[Fault.rate_limited(20, n=None)])
    server.route("/y/", PAGE)
    f = make_fetcher(retries=0, respect_robots=False)
    with pytest.raises(FetchError):
        f.get(server.url("/x/"))
    f.get(server.url("/y/"))
    assert clock.sleeps == [20.0]


def test_timeout_is_retried_then_succeeds(server, make_fetcher):
    server.route("/x/", PAGE, faults=[Fault.timeout(n=1)])
    f = make_fetcher(retries=1, timeout=0.5, respect_robots=False)
    assert f.get(server.url("/x/")).text == PAGE
    assert f.stats.retries == 1


def test_persistent_timeout_is_transient(server, make_fetcher):
    server.route("/x/", PAGE, faults=[Fault.timeout(n=None)])
    with pytest.raises(FetchError, match="timed out") as info:
        make_fetcher(retries=0, timeout=0.5, respect_robots=False).get(server.url("/x/"))
    assert info.value.transient


@pytest.mark.parametrize("after_bytes", [None, 40], ids=["before-response", "mid-body"])
def test_connection_reset_is_transient(server, make_fetcher, after_bytes):
    server.route("/x/", PAGE * 20, faults=[Fault.reset(n=None, after_bytes=after_bytes)])
    f = make_fetcher(retries=1, respect_robots=False)
    with pytest.raises(FetchError) as info:
        f.get(server.url("/x/"))
    assert info.value.transient and server.hits("/x/") == 2


def test_connection_refused_is_transient(make_fetcher):
    with FaultServer() as gone:
        url = gone.url("/x/")
    f = make_fetcher(site_url=url, retries=0, respect_robots=False)
    with pytest.raises(FetchError, match="connection failed") as info:
        f.get(url)
    assert info.value.transient


def test_truncated_body_is_a_transient_error_never_short_data(server, make_fetcher):
    server.route("/x/", PAGE, faults=[Fault.truncate(n=None, keep=10)])
    f = make_fetcher(retries=1, respect_robots=False)
    with pytest.raises(FetchError) as info:
        f.get(server.url("/x/"))
    assert info.value.transient
    assert server.requests("/x/")[0].bytes_sent == 10


def test_truncated_body_once_then_complete(server, make_fetcher):
    server.route("/x/", PAGE, faults=[Fault.truncate(keep=10)])
    r = make_fetcher(retries=1, respect_robots=False).get(server.url("/x/"))
    assert r.content == PAGE.encode()


def test_truncated_gzip_stream_is_transient(server, make_fetcher):
    whole = gzip.compress(PAGE.encode() * 50)
    server.route("/x/", whole[: len(whole) // 2], content_encoding="gzip")  # length is honest
    with pytest.raises(FetchError, match="truncated gzip") as info:
        make_fetcher(retries=0, respect_robots=False).get(server.url("/x/"))
    assert info.value.transient


def test_slow_dribble_is_cut_off(server, make_fetcher):
    server.route("/x/", PAGE, faults=[Fault.dribble(chunk=1, interval=0.05)])
    f = make_fetcher(retries=0, timeout=0.5, max_duration=0.3, respect_robots=False)
    with pytest.raises(FetchError, match="still arriving") as info:
        f.get(server.url("/x/"))
    assert info.value.transient
    server.wait_idle()
    # The client gave up mid-dribble, not after the whole body had trickled in.
    assert server.requests("/x/")[0].bytes_sent < len(PAGE) // 2


# --------------------------------------------------------------------------- size caps


def test_50mb_streamed_body_is_aborted_at_the_cap(server, make_fetcher):
    server.route("/huge/", huge_body(50_000_000))  # chunked: no Content-Length to warn us
    f = make_fetcher(max_bytes=1_000_000, respect_robots=False)
    with pytest.raises(FetchError, match="larger than 1000000 bytes") as info:
        f.get(server.url("/huge/"))
    assert info.value.transient is False
    assert f.stats.bytes_downloaded < 1_200_000
    server.wait_idle()
    assert server.requests("/huge/")[0].bytes_sent < 25_000_000  # well below 50 MB


def test_declared_content_length_over_cap_is_refused_before_reading(server, make_fetcher):
    server.route("/huge/", huge_body(50_000_000, declare_length=True))
    f = make_fetcher(max_bytes=1_000_000, respect_robots=False)
    with pytest.raises(FetchError, match="larger than"):
        f.get(server.url("/huge/"))
    assert f.stats.bytes_downloaded == 0 and f.stats.retries == 0


def test_per_call_max_bytes_overrides_the_default(server, make_fetcher):
    server.route("/page/", "x" * 5000)
    f = make_fetcher(max_bytes=10_000_000, respect_robots=False)
    with pytest.raises(FetchError, match="larger than 4000 bytes"):
        f.get(server.url("/page/"), max_bytes=4000)
    assert len(f.get(server.url("/page/"), max_bytes=5000).content) == 5000


def test_gzip_bomb_is_aborted_on_decompressed_size(server, make_fetcher):
    bomb = gzip_bomb(64 * 1024 * 1024)
    assert len(bomb) < 100_000
    server.route("/bomb/", bomb, content_encoding="gzip")
    f = make_fetcher(max_bytes=2_000_000, respect_robots=False)
    with pytest.raises(FetchError, match="larger than 2000000 bytes") as info:
        f.get(server.url("/bomb/"))
    assert info.value.transient is False
    assert f.stats.bytes_downloaded <= len(bomb)


# --------------------------------------------------------------------------- decoding


def test_wrong_declared_charset_decodes_without_crashing(server, make_fetcher):
    latin = "Café — Chief Constable’s report".encode("cp1252")
    server.route("/wrong/", latin, content_type="text/html; charset=utf-8")
    server.route("/bogus/", b'<meta charset="windows-1252">' + latin, content_type="text/html; charset=no-such-charset")
    server.route("/none/", latin, content_type="text/html")
    f = make_fetcher(respect_robots=False)
    wrong = f.get(server.url("/wrong/")).text
    assert "\ufffd" in wrong and "Chief Constable" in wrong
    assert "Café — Chief Constable’s" in f.get(server.url("/bogus/")).text
    server.route("/meta/", b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">' + latin, content_type="text/html")
    assert "Café — Chief Constable’s" in f.get(server.url("/meta/")).text
    assert "Chief Constable" in f.get(server.url("/none/")).text


def test_xml_declaration_and_bom_pick_the_encoding(server, make_fetcher):
    xml = '<?xml version="1.0" encoding="ISO-8859-1"?><urlset><loc>é</loc></urlset>'
    server.route("/s.xml", xml.encode("latin-1"), content_type="application/xml")
    server.route("/bom/", "Hello é".encode("utf-16"), content_type="text/plain")  # utf-16 starts with a BOM
    f = make_fetcher(respect_robots=False)
    assert "<loc>é</loc>" in f.get(server.url("/s.xml")).text
    assert f.get(server.url("/bom/")).text == "Hello é"


def test_wrong_content_type_header_fault(server, make_fetcher):
    server.route("/doc.pdf", MALFORMED["pdf"], content_type="application/pdf",
                 faults=[Fault.with_headers({"Content-Type": "text/html; charset=klingon"})])
    r = make_fetcher(respect_robots=False).get(server.url("/doc.pdf"))
    assert r.content_type == "text/html" and r.text.startswith("%PDF")


@settings(max_examples=200, deadline=None)
@given(
    body=st.binary(max_size=300),
    ctype=st.one_of(
        st.none(),
        st.sampled_from(["text/html", "text/html; charset=utf-16", "text/xml; charset=bogus",
                         'text/html; charset="utf-8"', "text/html;charset=", "application/pdf"]),
        st.text(max_size=40),
    ),
    prefix=st.sampled_from([b"", b'<meta charset="utf-16">', b'<?xml version="1.0" encoding="x"?>',
                            b"\xef\xbb\xbf", b"\xff\xfe"]),
)
def test_decode_text_never_raises(body, ctype, prefix):
    assert isinstance(decode_text(prefix + body, ctype), str)


def test_parse_retry_after_forms():
    assert parse_retry_after({"retry-after": "120"}) == 120.0
    date = formatdate(1_700_000_000, usegmt=True)
    later = formatdate(1_700_000_045, usegmt=True)
    assert parse_retry_after({"retry-after": later, "date": date}) == 45.0
    assert parse_retry_after({"retry-after": date, "date": later}) == 0.0  # in the past
    assert parse_retry_after({"retry-after": "soon"}) is None
    assert parse_retry_after({"retry-after": "-5"}) is None
    assert parse_retry_after({"retry-after": "\u00b2"}) is None
    assert parse_retry_after({}) is None


# --------------------------------------------------------------------------- stats & server


def test_stats_count_what_happened(server, make_fetcher):
    server.route("/p/", PAGE, faults=[Fault.burst(502, n=1)])
    cache = DictCache()
    f = make_fetcher(cache=cache)
    f.get(server.url("/p/"))
    f.get(server.url("/p/"))
    with pytest.raises(FetchError):
        f.get(server.url("/p/x", host="localhost"))
    s = f.stats.as_dict()
    assert s["requests"] == 4  # robots + 502 + 200 + 304
    assert s["robots_fetches"] == 1
    assert s["retries"] == 1 and s["conditional_requests"] == 1 and s["not_modified"] == 1
    assert s["errors"] == 1
    assert s["bytes_downloaded"] == sum(r.bytes_sent for r in server.log if r.status in (200, 404))


def test_faultserver_chaos_is_reproducible_by_seed():
    def run(seed: int) -> list[str | None]:
        with FaultServer() as srv:
            srv.route("/x/", PAGE)
            srv.chaos(0.5, seed=seed, kinds=["500", "503", "429"])
            with httpx.Client() as c:
                for _ in range(20):
                    c.get(srv.url("/x/"))
            return [r.fault and str(r.status) for r in srv.log]

    first = run(7)
    assert first == run(7)
    assert any(first) and not all(first)


def test_chaos_never_yields_wrong_data(server, make_fetcher):
    """Under random faults every get either returns the exact page or a transient error."""
    server.route("/x/", PAGE * 30)
    server.chaos(0.4, seed=3)
    f = make_fetcher(retries=2, timeout=0.3, respect_robots=False)
    outcomes = []
    for _ in range(12):
        try:
            outcomes.append(f.get(server.url("/x/"), conditional=False).content == (PAGE * 30).encode())
        except FetchError as exc:
            assert exc.transient
            outcomes.append("transient")
    assert all(o is True or o == "transient" for o in outcomes)
    assert True in outcomes


def test_redirects_may_reach_only_trusted_origins_by_scheme_host_and_port():
    def refuse(request: httpx.Request) -> httpx.Response:  # never reached
        raise AssertionError(f"no request expected, got {request.url}")

    with Fetcher("https://hmicfrs.justiceinspectorates.gov.uk",
                 transport=httpx.MockTransport(refuse)) as f:
        assert f.may_redirect_to("https://hmicfrs.justiceinspectorates.gov.uk/publications/x/")
        assert f.may_redirect_to("http://hmicfrs.justiceinspectorates.gov.uk/x")  # TLS twin
        assert f.may_redirect_to("https://assets-hmicfrs.justiceinspectorates.gov.uk/uploads/r.pdf")
        assert not f.may_redirect_to("https://hmicfrs.justiceinspectorates.gov.uk:8443/x")
        assert not f.may_redirect_to("https://example.org/x")
    with Fetcher("http://127.0.0.1:8000", allowed_hosts=["127.0.0.1:8001"],
                 transport=httpx.MockTransport(refuse)) as f:
        assert f.may_redirect_to("http://127.0.0.1:8001/uploads/r.pdf")  # configured
        assert not f.may_redirect_to("http://127.0.0.1:8002/uploads/r.pdf")
        assert not f.may_redirect_to("https://127.0.0.1:8000/x")  # another port's scheme
