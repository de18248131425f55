"""Parsing in worker processes (`run_scan(workers=N)`) changes speed, nothing else.

The same mirror scanned with one process and with worker processes must store the same
reports, findings, snapshots and events, make the same requests, report the same errors,
and stop as cleanly when interrupted. A worker that dies is replaced by parsing in the
scan's own process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from pathlib import Path

import pytest

from store.db import Store
from watcher.config import Config
from watcher.mirror.render import Resource
from watcher.mirror.states import later_state
from watcher.scan import POOL_MIN, _Pool, make_fetcher, run_scan, workers_for


def _scan(store: Store, site: str, workers: int | None, **kw):
    config = Config(site=site, db=store.path, delay=0.0)
    with make_fetcher(config, cache=store, retries=1, backoff=0.01) as fetcher:
        return run_scan(store, fetcher, site, workers=workers, **kw)


def _stored(store: Store, site: str) -> dict:
    """Everything a scan stores, with what differs by run (ids, times, ports) left out."""

    def strip(row: dict) -> dict:
        drop = {"id", "publication_id", "at", "first_seen", "last_changed", "last_checked", "scan_id", "fetched_at"}
        return {k: v for k, v in row.items() if k not in drop}

    reports = sorted((strip(r) for r in store.reports()), key=lambda r: r["url"])
    findings = sorted(
        (repr(sorted(strip(f).items())) for f in store.findings()),
    )
    events = sorted(
        (e["slug"], e["kind"], repr(sorted((e.get("details") or {}).items())))
        for e in store.changes(include_backfill=True)
    )
    snapshots = {r["url"]: [s["text"] for s in store.snapshots(r["slug"])] for r in reports}
    return {"reports": reports, "findings": findings, "events": events, "snapshots": snapshots}


def _paths(mirror) -> Counter:
    return Counter((r.host, r.method, r.path, r.status, r.conditional) for r in mirror.requests)


@pytest.fixture
def two_stores(tmp_path):
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "pool.db") as pool:
        yield one, pool


def test_workers_store_the_same_as_one_process_backfill_and_update(mirror, two_stores):
    one, pooled = two_stores
    mirror.clear_log()
    r1 = _scan(one, mirror.url, workers=1)
    inline_requests = _paths(mirror)
    mirror.clear_log()
    r2 = _scan(pooled, mirror.url, workers=2)
    assert r1.ok and r2.ok
    assert r1.new == r2.new == len([p for p in mirror.publications if not p.withdrawn])
    assert _paths(mirror) == inline_requests  # the same requests, each as often
    assert _stored(one, mirror.url) == _stored(pooled, mirror.url)
    assert r1.warnings == r2.warnings

    # The site's later state: the same events, found the same way.
    later, _ = later_state(mirror.publications)
    mirror.update(later)
    u1 = _scan(one, mirror.url, workers=1)
    u2 = _scan(pooled, mirror.url, workers=2)
    assert u1.ok and u2.ok and u1.events
    assert [(e.slug, e.kind) for e in u1.events] == [(e.slug, e.kind) for e in u2.events]
    assert _stored(one, mirror.url) == _stored(pooled, mirror.url)


def test_workers_report_unreadable_publications_like_one_process(mirror, two_stores):
    """A page that is not a publication (raised in a worker) and a dead report link
    (raised while fetching) are errors naming the publication; nothing of either is stored."""
    pubs = [p for p in mirror.publications if not p.withdrawn]
    not_a_page, dead_report = pubs[1], next(p for p in pubs[2:] if p.html_report)
    res = dict(mirror.resources)
    path = f"/publications/{not_a_page.slug}/"
    old = res[path]
    res[path] = Resource(b"<html><body><p>Site maintenance</p></body></html>",
                         old.content_type, old.last_modified)
    mirror.set_resources(res)
    mirror.set_status(f"/publication-html/{dead_report.slug}/", 500)
    results = [_scan(store, mirror.url, workers=w) for store, w in zip(two_stores, (1, 2), strict=True)]
    for result, store in zip(results, two_stores, strict=True):
        assert not result.ok
        assert len(result.errors) == 2
        assert any(not_a_page.slug in e and "does not look like a publication" in e
                   for e in result.errors)
        assert any(dead_report.slug in e and "HTTP 500" in e for e in result.errors)
        stored = {r["slug"] for r in store.reports()}
        assert not_a_page.slug not in stored and dead_report.slug not in stored
        assert len(stored) == len([p for p in pubs]) - 2
    assert sorted(results[0].errors) == sorted(results[1].errors)
    assert _stored(two_stores[0], mirror.url) == _stored(two_stores[1], mirror.url)


def test_interrupted_pooled_backfill_keeps_what_was_stored_and_resumes(mirror, store):
    def stop_after_seven(description, done, total):
        if description.startswith("Checking") and done == 7:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _scan(store, mirror.url, workers=2, progress=stop_after_seven)
    assert len(store.reports()) == 7  # the bar counts stored publications, not fetched
    assert store.integrity_ok()
    result = _scan(store, mirror.url, workers=2)
    assert result.ok
    assert len(store.reports()) == len([p for p in mirror.publications if not p.withdrawn])
    kinds = Counter((e["slug"], e["kind"]) for e in store.changes(include_backfill=True))
    assert all(n == 1 for n in kinds.values())


def test_progress_counts_every_publication_once_in_order(mirror, store):
    seen = []

    def progress(description, done, total):
        if description.startswith("Checking"):
            seen.append((done, total))

    _scan(store, mirror.url, workers=2, progress=progress)
    dones = [d for d, _ in seen]
    assert dones == sorted(dones) and dones[0] == 0 and dones[-1] == seen[-1][1]
    assert set(range(seen[-1][1] + 1)) <= set(dones)


def _die_in_a_worker(x: int) -> int:
    if multiprocessing.parent_process() is not None:
        os._exit(3)  # a worker killed mid-task (out of memory, a crash in C)
    return 2 * x


def test_a_dead_worker_is_replaced_by_parsing_here(caplog):
    with _Pool(1) as pool:
        first = pool.submit(_die_in_a_worker, 21)
        assert pool.result(first) == 42  # redone in this process
        assert pool.broken
        later = pool.submit(_die_in_a_worker, 5)
        assert pool.result(later) == 10
    assert "parsing in the scan's own process" in caplog.text


class _F:
    def __init__(self, delay):
        self.delay = delay


def test_workers_are_used_only_where_parsing_is_what_waits():
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert workers_for(None, _F(1.0), 5000) == 1  # polite delay: the site sets the pace
    assert workers_for(None, _F(0.0), POOL_MIN - 1) == 1  # too little to be worth a start
    assert workers_for(None, _F(0.0), 5000) == max(1, min(4, cores))
    assert workers_for(3, _F(1.0), 5000) == 3  # asked for: given
    assert workers_for(3, _F(0.0), 1) == 1  # one page: nothing to share


def test_cli_scan_takes_workers(mirror, tmp_path):
    from click.testing import CliRunner

    from watcher.cli import cli

    db = tmp_path / "cli.db"
    runner = CliRunner()
    out = runner.invoke(cli, ["--db", str(db), "--site", mirror.url, "scan", "--delay", "0",
                              "--workers", "2", "--json"])
    assert out.exit_code == 0, out.output
    with Store(db) as store:
        assert len(store.reports()) == len([p for p in mirror.publications if not p.withdrawn])
    bad = runner.invoke(cli, ["--db", str(db), "--site", mirror.url, "scan", "--workers", "0"])
    assert bad.exit_code == 2
    helptext = runner.invoke(cli, ["scan", "--help"]).output
    assert "--workers" in helptext and "delay" in helptext



def test_pages_no_worker_started_are_read_here_with_the_same_result(mirror, two_stores, monkeypatch):
    """While workers start up the scan reads queued pages itself (cancelling them in the
    pool): those publications come out the same as a one-process scan's."""
    import watcher.scan as scan_module

    stolen = []
    real = scan_module._Scan._steal

    def counting(self, pending):
        took = real(self, pending)
        stolen.append(took)
        return took

    monkeypatch.setattr(scan_module._Scan, "_steal", counting)
    one, pooled = two_stores
    _scan(one, mirror.url, workers=1)
    assert not stolen  # one process: nothing to steal from
    result = _scan(pooled, mirror.url, workers=2)
    assert result.ok
    assert any(stolen)  # worker start-up takes far longer than fetching a window of pages
    assert _stored(one, mirror.url) == _stored(pooled, mirror.url)


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            out |= {int(c) for c in (task / "children").read_text().split()}
    except OSError:
        pass
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_exit_when_their_scan_is_killed(mirror, tmp_path):
    """SIGKILL (the OOM killer, a service manager's timeout) gives the scan no chance to
    stop its workers: they must notice and exit, not wait for work forever."""
    import signal
    import subprocess
    import sys
    import time

    cli = Path(sys.executable).parent / "hmicfrs-watch"
    cmd = [str(cli), "--db", str(tmp_path / "k.db"), "--site", mirror.url, "scan",
           "--delay", "0.05", "--workers", "2"]  # slow enough to be caught mid-scan
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        workers: set[int] = set()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(workers) < 2:
            workers = {c for c in _children(proc.pid)
                       if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()}
            time.sleep(0.02)
        assert len(workers) >= 2, "the scan never started its workers"
        assert proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.05)
        assert not any(_alive(w) for w in workers)
    finally:
        if proc.poll() is None:
            proc.kill()
    # and the database is usable: a clean scan completes it
    with Store(tmp_path / "k.db") as store:
        assert store.integrity_ok()
        result = _scan(store, mirror.url, workers=1)
        assert result.ok
        assert len(store.reports()) == len([p for p in mirror.publications if not p.withdrawn])
