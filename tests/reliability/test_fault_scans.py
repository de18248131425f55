"""Scan-level faults: real HTTP misbehaviour in front of the mirror.

For every fault on every place it matters (a publication page, an HTML report, a PDF,
the sitemap, the feed) the scan

* returns (a ScanResult; nothing raises), and when it could not do its work it says so:
  ``ok`` is False and the error names the URL;
* stores nothing partial: after the faulted scan every stored report is either absent,
  exactly as it was before, or exactly what a fault-free scan stores -- never a third
  thing (no lost findings, no counts from half a document);
* records no false change: only events a fault-free scan records (a transient error is
  never ``withdrawn``, a truncated report never ``findings_changed``);
* converges: the next clean (ordinary, non-full) scan leaves the SAME normalised
  database as a scan that never saw a fault, events included.

Two scenarios: a backfill of an empty database, and an update of a stored state-1
database to the later state (a title fix, a gained recommendation, a new document, a
withdrawal, and a lastmod-only bump of a PDF-only publication).
"""

from __future__ import annotations

import zlib

import pytest
from conftest import SLUGS, dump, scan_into
from faultserver import MALFORMED, Fault, gzip_bomb, huge_body

from store.db import Store

# --------------------------------------------------------------------------- the faults


def _pdf_bomb(inflated: int = 300_000_000) -> bytes:
    """A one-page PDF whose content stream inflates to `inflated` bytes of spaces."""
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = [comp.compress(chunk) for _ in range(inflated // len(chunk))]
    stream = b"".join(parts) + comp.flush()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


# name -> (how to apply it, kind). kind "transient": the URL must be named in an error.
# "content": the server answered 200 with something unusable or odd.
def _faults(elsewhere):
    return {
        "timeout": (lambda s, p: s.fault(p, Fault.timeout(n=None, hang=0.8)), "transient"),
        "reset": (lambda s, p: s.fault(p, Fault.reset(n=None)), "transient"),
        "reset-mid-body": (lambda s, p: s.fault(p, Fault.reset(n=None, after_bytes=200)), "transient"),
        "500-burst": (lambda s, p: s.fault(p, Fault.burst(500, n=2)), "transient"),
        "502-burst": (lambda s, p: s.fault(p, Fault.burst(502, n=2)), "transient"),
        "503-always": (lambda s, p: s.fault(p, Fault.status_code(503)), "transient"),
        "429-retry-after-5s": (lambda s, p: s.fault(p, Fault.rate_limited(5, n=None)), "transient"),
        "truncated": (lambda s, p: s.fault(p, Fault.truncate(n=None)), "transient"),
        "slow-dribble": (
            lambda s, p: s.fault(p, Fault.dribble(n=None, chunk=16, interval=0.05)), "transient"),
        "redirect-loop": (lambda s, p: s.fault(p, Fault.redirect(p, n=None)), "transient"),
        "off-site-redirect": (
            lambda s, p: s.fault(p, Fault.redirect(elsewhere.url("/trap/", host="localhost"), n=None)),
            "refused"),
        # the same host on another port is another server: never asked, never the content
        "other-port-redirect": (
            lambda s, p: s.fault(p, Fault.redirect(elsewhere.url("/trap/"), status=301, n=None)),
            "transient"),
        # a page that starts answering 301 to the home page is not that page
        "redirect-to-home": (lambda s, p: s.fault(p, Fault.redirect("/", status=301, n=None)), "transient"),
        "50MB-body": (lambda s, p: _replace_same(s, p, huge_body(50_000_000)), "refused"),
        "gzip-bomb": (
            lambda s, p: _replace_same(s, p, gzip_bomb(64 * 1024 * 1024), content_encoding="gzip"),
            "refused"),
        "wrong-content-type": (
            lambda s, p: s.fault(p, Fault.with_headers({"Content-Type": "application/octet-stream"})),
            "harmless"),
        "wrong-charset": (
            lambda s, p: s.fault(p, Fault.with_headers({"Content-Type": "text/html; charset=iso-8859-1"})),
            "harmless"),
    }


def _replace_same(site, path, body, **kw):
    route = site.server_for(path)._routes[path]
    site.replace(path, body, content_type=route.content_type, etag=None, last_modified=None,
                 conditional=False, **kw)


def _malformed(site, path, kind):
    route = site.server_for(path)._routes[path]
    site.replace(path, MALFORMED[kind], content_type=route.content_type)


CONTENT_FAULTS = {
    # target -> {name: apply}
    "page": {"malformed-html": lambda s, p: _malformed(s, p, "html")},
    "report": {"malformed-html": lambda s, p: _malformed(s, p, "html")},
    "pdf": {
        "malformed-pdf": lambda s, p: _malformed(s, p, "pdf"),
        "pdf-decompression-bomb": lambda s, p: s.replace(p, _pdf_bomb(), content_type="application/pdf"),
    },
    "sitemap": {"malformed-xml": lambda s, p: _malformed(s, p, "xml")},
    "feed": {"malformed-xml": lambda s, p: _malformed(s, p, "xml")},
}

TARGETS = ("page", "report", "pdf", "sitemap", "feed")
TRANSPORT = tuple(_faults(None))


def _path(site, target: str, scenario: str) -> str:
    if target == "page":  # the publication whose findings change in the later state
        return site.page("html")
    if target == "report":
        return site.report("html")
    if target == "pdf":  # PDF-only: its findings come from the PDF alone
        return site.pdf("pdf")
    if target == "sitemap":
        return "/wp-sitemap-posts-publication-1.xml"
    return "/feed/"


def _cases():
    for target in TARGETS:
        for name in TRANSPORT:
            if name in SKIP.get(target, ()):
                continue
            yield target, name
        for name in CONTENT_FAULTS[target]:
            yield target, name


# Faults whose effect on this target is the same as on another already covered (slow
# ones are kept to the targets where they matter).
SKIP = {
    "page": ("502-burst",),
    "report": ("502-burst", "slow-dribble", "reset-mid-body"),
    "pdf": ("502-burst", "500-burst"),
    "sitemap": ("502-burst", "500-burst", "slow-dribble", "reset-mid-body", "wrong-charset", "429-retry-after-5s",
                "other-port-redirect", "redirect-to-home"),
    "feed": ("502-burst", "500-burst", "slow-dribble", "reset-mid-body", "wrong-charset", "429-retry-after-5s", "gzip-bomb", "redirect-loop",
             "other-port-redirect", "redirect-to-home"),
}
CASES = list(_cases())
# The update scenario on what a changed publication fetches; discovery faults are
# covered by the backfill scenario and a smaller update set.
UPDATE_FAULTS = {"timeout", "reset", "503-always", "429-retry-after-5s", "truncated", "redirect-loop",
                 "off-site-redirect", "other-port-redirect", "redirect-to-home", "50MB-body", "wrong-charset", *(n for f in CONTENT_FAULTS.values() for n in f)}
UPDATE_CASES = [c for c in CASES if c[0] in ("page", "report", "pdf") and c[1] in UPDATE_FAULTS] + [
    (t, n) for t in ("sitemap", "feed") for n in ("timeout", "503-always", "truncated", "malformed-xml")
]


@pytest.fixture(scope="module")
def elsewhere():
    """A loopback listener on another port (and, as "localhost", under another hostname):
    nothing may ever reach it."""
    from conftest import QuickFaultServer

    srv = QuickFaultServer().start()
    srv.route("/trap/", "<html><body><h1>Not the inspectorate</h1></body></html>")
    yield srv
    srv.stop()


def _apply(site, elsewhere, target, name, scenario):
    path = _path(site, target, scenario)
    if name in CONTENT_FAULTS[target]:
        CONTENT_FAULTS[target][name](site, path)
        return path, "content"
    apply, kind = _faults(elsewhere)[name]
    apply(site, path)
    return path, kind


def _check_no_partial(after: dict, allowed: list[dict]) -> None:
    """Every stored report is exactly one of the allowed versions (or not stored)."""
    for slug, row in after["reports"].items():
        # lastmod is discovery's bookkeeping (None when only the feed answered), not content
        row = {k: v for k, v in row.items() if k != "lastmod"}
        versions = [{k: v for k, v in a["reports"][slug].items() if k != "lastmod"}
                    for a in allowed if slug in a["reports"]]
        assert row in versions, f"{slug}: stored a version no fault-free scan stores: " + str(
            {k: v for k, v in row.items() if all(k not in vv or vv[k] != v for vv in versions)}
        )


def _check_errors_name_urls(result, site, path, kind, target) -> None:
    for e in result.errors:
        assert "http://" in e, f"error names no URL: {e}"
    if kind == "transient" and target in ("page", "report", "pdf"):
        url = (site.asset_url if path.startswith("/uploads/") else site.url) + path
        assert not result.ok
        assert any(url in e for e in result.errors), result.errors


#: (scenario, target, fault) -> why it fails today. Real gaps, reported; each xfails while
#: it reproduces and fails loudly once fixed, so the list stays honest. (The gaps first
#: found here -- unreadable reports stored with page-only counts, pages without a
#: publication's structure stored, a broken sitemap read as an empty one -- are fixed:
#: scan.py stores a publication whole or not at all, discover.py parses sitemaps strictly.)
KNOWN_GAPS: dict[tuple[str, str, str], str] = {}


def _known_gap(scenario, target, name, run) -> None:
    """Run the checks; a known gap must still fail them (then it xfails), others must pass."""
    reason = KNOWN_GAPS.get((scenario, target, name)) or KNOWN_GAPS.get(("*", target, name))
    if reason is None:
        run()
        return
    try:
        run()
    except AssertionError as exc:
        first = str(exc).splitlines()[0][:300]
        pytest.xfail(f"known gap: {reason} -- {first}")
    pytest.fail(f"known gap {scenario}/{target}/{name} no longer reproduces: remove it from KNOWN_GAPS")


@pytest.mark.parametrize("target,name", CASES, ids=[f"{t}-{n}" for t, n in CASES])
def test_backfill_under_fault(site, reference, elsewhere, tmp_path, target, name):
    _known_gap("backfill", target, name, lambda: _backfill(site, reference, elsewhere, tmp_path, target, name))


def _backfill(site, reference, elsewhere, tmp_path, target, name):
    path, kind = _apply(site, elsewhere, target, name, "backfill")
    origins = (site.url, site.asset_url)
    with Store(tmp_path / "w.db") as store:
        result = scan_into(store, site.url, max_duration=1.0)
        faulted = dump(store, *origins)
        _check_errors_name_urls(result, site, path, kind, target)
        # only "new" events, and only for what is stored
        assert {k for _, k in faulted["events"]} <= {"new"}
        assert {s for s, _ in faulted["events"]} == set(faulted["reports"])
        _check_no_partial(faulted, [reference["backfill"]])
        if result.ok:
            assert faulted == reference["backfill"]
        site.load(site.pubs)  # the fault clears
        again = scan_into(store, site.url)
        assert again.ok, again.errors
        assert dump(store, *origins) == reference["backfill"]
        assert store.integrity_ok()
    assert elsewhere.hits() == 0


@pytest.mark.parametrize("target,name", UPDATE_CASES, ids=[f"{t}-{n}" for t, n in UPDATE_CASES])
def test_update_under_fault(site, reference, elsewhere, tmp_path, target, name):
    _known_gap("update", target, name, lambda: _update(site, reference, elsewhere, tmp_path, target, name))


def _update(site, reference, elsewhere, tmp_path, target, name):
    from conftest import _copy_db

    db = tmp_path / "w.db"
    _copy_db(reference["base_db"], db)
    site.load(reference["later"])
    path, kind = _apply(site, elsewhere, target, name, "update")
    origins = (site.url, site.asset_url)
    with Store(db) as store:
        result = scan_into(store, site.url, max_duration=1.0)
        faulted = dump(store, *origins)
        _check_errors_name_urls(result, site, path, kind, target)
        # no false events: only what the fault-free update records
        assert set(faulted["events"]) <= set(reference["updated"]["events"])
        assert ("withdrawn" not in {k for s, k in faulted["events"] if s != SLUGS["gone"]})
        _check_no_partial(faulted, [reference["backfill"], reference["updated"]])
        if result.ok:
            assert faulted == reference["updated"]
        site.load(site.pubs)  # the fault clears
        again = scan_into(store, site.url)
        assert again.ok, again.errors
        assert dump(store, *origins) == reference["updated"]
        assert store.integrity_ok()
    assert elsewhere.hits() == 0
