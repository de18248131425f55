"""Quiet-day cost of each discovery channel: requests and bytes, against a real WordPress
(Debian's, as tests/test_wordpress.py runs it) and against the loopback mirror.

    .venv/bin/python bench/discovery.py [--out bench/results/discovery.md]

For each channel: backfill, then scan again with nothing changed. "discovery" is what
finding out cost (robots.txt included); "with re-check" adds the rolling re-check of the
default policy (90 days daily, older within 30) where the channel dates no edit.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from store.db import Store  # noqa: E402
from watcher.config import Config  # noqa: E402
from watcher.discover import Policy  # noqa: E402
from watcher.mirror.content import load_publications  # noqa: E402
from watcher.mirror.render import XML, Resource  # noqa: E402
from watcher.mirror.server import MirrorServer  # noqa: E402
from watcher.scan import make_fetcher, run_scan  # noqa: E402

CHANNELS = ("REST API", "sitemaps with lastmod", "sitemaps without lastmod", "listing")
WP_SHAPES = {  # channel -> (shape, REST on)
    "REST API": ("lastmod", True),
    "sitemaps with lastmod": ("lastmod", False),
    "sitemaps without lastmod": ("no-lastmod", False),
    "listing": ("no-sitemaps", False),
}


def quiet_day(site: str, before_second=None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "w.db")
        cfg = Config(site=site, db=store.path, delay=0.0)
        with make_fetcher(cfg, cache=store) as fetcher:
            first = run_scan(store, fetcher, site, policy=Policy())
        if before_second:
            before_second()
        with make_fetcher(cfg, cache=store) as fetcher:  # a new day, a new process
            quiet = run_scan(store, fetcher, site, policy=Policy())
        store.close()
    assert first.ok and quiet.ok and not quiet.events, (first.errors, quiet.errors)
    return {"channel": quiet.channel, "requests": quiet.discovery_requests,
            "bytes": quiet.discovery_bytes, "all_requests": quiet.requests,
            "all_bytes": quiet.bytes, "rechecked": quiet.rechecked, "stored": quiet.stored}


def on_wordpress() -> dict[str, dict]:
    sys.path.insert(0, str(BENCH.parent / "tests"))
    from wordpress.site import WordPress, unavailable

    why = unavailable()
    if why:
        print(f"real WordPress skipped: {why}", file=sys.stderr)
        return {}
    out = {}
    pubs = load_publications()
    with MirrorServer.from_content() as assets, WordPress() as wp:
        wp.load(pubs, assets.asset_url)
        for channel, (shape, rest) in WP_SHAPES.items():
            wp.shape(shape, rest=rest)
            out[channel] = quiet_day(wp.url)
    return out


def _strip_lastmod(mirror: MirrorServer) -> None:
    res = dict(mirror.resources)
    for path, r in res.items():
        if path.startswith("/wp-sitemap") and path.endswith(".xml"):
            body = re.sub(rb"<lastmod>[^<]*</lastmod>", b"", r.body)
            res[path] = Resource(body, XML, r.last_modified)
    mirror.set_resources(res)


def _no_sitemaps(mirror: MirrorServer) -> None:
    for path in ("/robots.txt", "/wp-sitemap.xml", "/sitemap_index.xml", "/feed/"):
        mirror.set_status(path, 404)


def on_mirror() -> dict[str, dict]:
    out = {}
    with MirrorServer.from_content() as m:
        out["sitemaps with lastmod"] = quiet_day(m.url)
    with MirrorServer.from_content() as m:
        _strip_lastmod(m)
        out["sitemaps without lastmod"] = quiet_day(m.url)
    with MirrorServer.from_content() as m:
        _no_sitemaps(m)
        out["listing"] = quiet_day(m.url)
    return out


def table(results: dict[str, dict[str, dict]]) -> str:
    lines = [
        "| site | channel | quiet-day discovery requests | discovery bytes"
        " | with re-check: requests | bytes | pages re-checked |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for site, rows in results.items():
        for channel in CHANNELS:
            r = rows.get(channel)
            if r is None:
                lines.append(f"| {site} | {channel} | n/a | | | | |")
                continue
            lines.append(
                f"| {site} | {channel} (chose: {r['channel']}) | {r['requests']} | {r['bytes']:,}"
                f" | {r['all_requests']} | {r['all_bytes']:,} | {r['rechecked']} of {r['stored']} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(BENCH / "results" / "discovery.md"))
    args = ap.parse_args(argv)
    results = {"real WordPress 6.1 (Debian)": on_wordpress(), "mirror": on_mirror()}
    text = ("# Discovery: a quiet day's cost per channel\n\n"
            "Measured by `bench/discovery.py` (backfill, then a scan with nothing changed;"
            " default policy). The mirror has no REST API.\n\n" + table(results))
    Path(args.out).write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
