"""Benchmark: cheap at daily cadence, fast at backfill, against what users would use instead.

For each N (synthetic site, see synthetic.py) served on loopback, with --delay 0:

1. backfill: `hmicfrs-watch scan` on an empty database, in a subprocess (wall time,
   publications/s, requests, bytes, peak RSS of that process, database size);
2. no-change rescan: same figures, and whether every request was conditional;
3. rescan after 10 publications changed (lastmod bumped, one finding reworded): same
   figures, and how many publications the scan reported events for;
4. (extra) rescan after the WordPress nonce / "Last updated" footer rotated, which a
   real WordPress site does daily with no publication changing;
5. digest (md/html/docx) and feed (rss) generation, in-process, over the database;
6. the same rescans done by urlwatch watching the N publication page URLs (baseline
   run first), side by side as ratios.

Requests and body bytes for both tools are counted from the mirror server's request
log (bytes: the body length of every 200 served; 304s carry no body).

    .venv/bin/python bench/run.py                  # 500, 2000, 5000
    .venv/bin/python bench/run.py --sizes 500,2000
    .venv/bin/python bench/run.py --quick          # N=200 smoke run, results/quick/

Targets are reported against, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import threading
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

import synthetic  # noqa: E402
from watcher.mirror.server import MirrorServer  # noqa: E402

PY = Path(sys.executable)
CLI = PY.parent / "hmicfrs-watch"
WORKERS: int | None = None  # `--workers`: passed to every scan
URLWATCH_VENV = BENCH / ".venv-urlwatch"
RESULTS = BENCH / "results"
CHANGED = 10

TARGETS = {
    "no_change_requests_max": 4,
    "no_change_seconds_max": 1.0,
    "backfill_pubs_per_s_min": 100,
    "peak_rss_mb_max_at_5000": 300,
    "digest_seconds_max_at_5000": 1.0,
    "feed_seconds_max_at_5000": 1.0,
}


# --- machine ---------------------------------------------------------------------------

def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory_gb": mem,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


# --- subprocesses ----------------------------------------------------------------------

def _tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc), in KiB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
                    break
            for task in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue  # it ended while we looked
    return total


def run_measured(cmd: list[str], *, env: dict, cwd: Path, out: Path) -> dict:
    """Run `cmd`, stdout/stderr to files; wall time, CPU (its worker processes included)
    and peak RSS: of its largest process (wait4) and of it and its workers together
    (sampled from /proc every 50 ms)."""
    with open(out.with_suffix(".out"), "wb") as so, open(out.with_suffix(".err"), "wb") as se:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=so, stderr=se, env=env, cwd=cwd)
        peak_tree = [0]
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(0.05):
                peak_tree[0] = max(peak_tree[0], _tree_rss_kib(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        if Path("/proc/self/task").exists():
            sampler.start()
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        stop.set()
        proc.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall_s": round(wall, 3),
        "exit": proc.returncode,
        "peak_rss_mb": round(ru.ru_maxrss / 1024, 1),  # Linux: KiB
        "peak_rss_tree_mb": round(max(peak_tree[0], ru.ru_maxrss) / 1024, 1),
        "user_s": round(ru.ru_utime, 2),
        "sys_s": round(ru.ru_stime, 2),
        "stdout": out.with_suffix(".out").read_text(errors="replace"),
        "stderr": out.with_suffix(".err").read_text(errors="replace"),
    }


def log_figures(server: MirrorServer, since: int = 0) -> dict:
    """Requests and body bytes served, from the mirror's request log."""
    recs = server.requests[since:]
    res = server.resources
    body = 0
    statuses: dict[str, int] = {}
    for r in recs:
        statuses[str(r.status)] = statuses.get(str(r.status), 0) + 1
        if r.status == 200 and r.method == "GET":
            path = r.path.split("?", 1)[0]
            got = res.get(path)
            body += len(got.body) if got is not None else 0
    unconditional = [r.path for r in recs if not r.conditional]
    return {
        "requests": len(recs),
        "conditional": len(recs) - len(unconditional),
        "all_conditional": not unconditional,
        "unconditional_paths": unconditional[:10],
        "statuses": statuses,
        "body_bytes": body,
    }


def db_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())


class Watcher:
    def __init__(self, work: Path, site: str):
        self.db = work / "watch.db"
        self.site = site
        self.work = work
        home = work / "home"
        home.mkdir(exist_ok=True)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local/share"),
            "LANG": "C.UTF-8",
        }
        self.n = 0

    def scan(self, server: MirrorServer, label: str) -> dict:
        self.n += 1
        start = len(server.requests)
        cmd = [str(CLI), "--db", str(self.db), "--site", self.site, "scan", "--delay", "0", "--json"]
        if WORKERS is not None:
            cmd += ["--workers", str(WORKERS)]
        m = run_measured(cmd, env=self.env, cwd=self.work, out=self.work / f"scan-{self.n}-{label}")
        figs = log_figures(server, start)
        try:
            result = json.loads(m["stdout"])
        except ValueError:
            raise RuntimeError(f"scan {label} printed no JSON: {m['stderr'][-2000:]}") from None
        events = result.get("events", [])
        out = {
            "wall_s": m["wall_s"],
            "exit": m["exit"],
            "peak_rss_mb": m["peak_rss_mb"],
            "peak_rss_tree_mb": m["peak_rss_tree_mb"],
            "workers": result.get("workers", 1),
            "cpu_s": round(m["user_s"] + m["sys_s"], 2),
            "requests": figs["requests"],
            "conditional_requests": figs["conditional"],
            "all_conditional": figs["all_conditional"],
            "unconditional_paths": figs["unconditional_paths"],
            "statuses": figs["statuses"],
            "body_bytes": figs["body_bytes"],
            "scanner_requests": result.get("requests"),
            "scanner_bytes": result.get("bytes"),
            "new": result.get("new"),
            "updated": result.get("updated"),
            "checked": result.get("checked"),
            "events": len(events),
            "event_kinds": _count(e["kind"] for e in events),
            "publications_with_events": len({e["url"] for e in events}),
            "changed_slugs_seen": sorted({e["slug"] for e in events}),
            "errors": result.get("errors", [])[:5],
            "error_count": len(result.get("errors", [])),
            "warning_count": len(result.get("warnings", [])),
        }
        return out


def _count(items) -> dict:
    d: dict[str, int] = {}
    for x in items:
        d[x] = d.get(x, 0) + 1
    return d


# --- urlwatch ---------------------------------------------------------------------------

def ensure_urlwatch() -> tuple[Path | None, str]:
    exe = URLWATCH_VENV / "bin" / "urlwatch"
    if not exe.exists():
        try:
            subprocess.run([str(PY), "-m", "venv", str(URLWATCH_VENV)], check=True)
            subprocess.run([str(URLWATCH_VENV / "bin" / "pip"), "install", "-q", "urlwatch"],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        except (subprocess.CalledProcessError, OSError) as exc:
            return None, f"urlwatch could not be installed: {exc}"
    try:
        v = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
        return exe, v.stdout.strip() or v.stderr.strip()
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"urlwatch does not run: {exc}"


class UrlWatch:
    """urlwatch with its defaults (stdout reporter only), watching every publication page."""

    def __init__(self, exe: Path, work: Path, urls: list[str]):
        self.exe = exe
        self.work = work / "urlwatch"
        self.work.mkdir(exist_ok=True)
        self.urls = self.work / "urls.yaml"
        self.cache = self.work / "cache.db"
        self.config = self.work / "urlwatch.yaml"
        self.hooks = self.work / "hooks.py"  # not created: no hooks
        self.urls.write_text("".join(
            f"name: \"{u.rstrip('/').rsplit('/', 1)[-1]}\"\nurl: \"{u}\"\n---\n" for u in urls
        ))
        # Reporters: everything off except stdout (which is urlwatch's default anyway).
        self.config.write_text(
            "display:\n  new: true\n  error: true\n  unchanged: false\n  empty-diff: true\n"
            "report:\n"
            "  stdout:\n    enabled: true\n    color: false\n"
            "  email:\n    enabled: false\n"
            "  html:\n    diff: unified\n    separate: false\n"
            "  text:\n    details: true\n    footer: true\n    line_length: 75\n"
            "    minimal: false\n    separate: false\n"
            "  markdown:\n    details: true\n    footer: true\n    minimal: false\n    separate: false\n"
        )
        home = self.work / "home"
        home.mkdir(exist_ok=True)
        self.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
                    "LANG": "C.UTF-8", "XDG_CONFIG_HOME": str(home / ".config"),
                    "XDG_CACHE_HOME": str(home / ".cache")}
        self.n = 0

    def run(self, server: MirrorServer, label: str) -> dict:
        self.n += 1
        start = len(server.requests)
        cmd = [str(self.exe), "--urls", str(self.urls), "--cache", str(self.cache),
               "--config", str(self.config), "--hooks", str(self.hooks)]
        m = run_measured(cmd, env=self.env, cwd=self.work, out=self.work / f"run-{self.n}-{label}")
        figs = log_figures(server, start)
        text = m["stdout"]
        return {
            "wall_s": m["wall_s"],
            "exit": m["exit"],
            "peak_rss_mb": m["peak_rss_mb"],
            "cpu_s": round(m["user_s"] + m["sys_s"], 2),
            "requests": figs["requests"],
            "conditional_requests": figs["conditional"],
            "all_conditional": figs["all_conditional"],
            "statuses": figs["statuses"],
            "body_bytes": figs["body_bytes"],
            "reported_changed": len(re.findall(r"^CHANGED: ", text, re.M)),
            "reported_new": len(re.findall(r"^NEW: ", text, re.M)),
            "reported_error": len(re.findall(r"^ERROR: ", text, re.M)),
            "stdout_bytes": len(text.encode()),
        }


# --- in-process: digest and feed ---------------------------------------------------------

def digest_and_feed(db: Path, site: str) -> dict:
    from store.db import Store
    from watcher.publish.digest import render

    try:  # what `hmicfrs-watch digest` calls (moved out of cli.py in later versions)
        from watcher.publish.window import digest_for_window

        def _digest_data(store, start, end, force, committee, last):
            return digest_for_window(store, start, end, force, committee, last)
    except ImportError:
        from watcher.cli import _digest_data
    from watcher.publish.feed import filter_events, render_feed

    out: dict = {}
    today = date.today()
    windows = {
        # a committee cycle: reports published in the last quarter + today's changes
        "quarter": synthetic.NEWEST - timedelta(days=90),
        # worst case: the whole archive in one paper
        "archive": date(2000, 1, 1),
    }
    with Store(db) as store:
        for name, start in windows.items():
            t0 = time.perf_counter()
            data = _digest_data(store, start, today, None, None, None)
            t1 = time.perf_counter()
            times = {"build_s": round(t1 - t0, 3)}
            sizes = {}
            for fmt in ("md", "html", "docx"):
                a = time.perf_counter()
                blob = render(data, fmt)
                times[f"{fmt}_s"] = round(time.perf_counter() - a, 3)
                sizes[fmt] = len(blob)
            times["total_s"] = round(time.perf_counter() - t0, 3)
            out[f"digest_{name}"] = {**times, "reports": len(data.get("reports", [])),
                                     "bytes": sizes}
        # the feed as `hmicfrs-watch feed` builds it: changes of the last 90 days
        t0 = time.perf_counter()
        try:
            from watcher.publish.window import feed_for_store
        except ImportError:  # older versions: the same steps, by hand
            events = store.changes(since=(datetime.now() - timedelta(days=90)).date().isoformat())
            reports_by_url = {r["url"]: r for r in store.reports()}
            events = filter_events(events, force=None, type=None, kinds=None, reports=reports_by_url)
            rss = render_feed(events, site_url=site, fmt="rss", reports=reports_by_url)
            items = len(events)
        else:
            rss, items = feed_for_store(store, site, fmt="rss", days=90)
        t1 = time.perf_counter()
        out["feed_rss"] = {"total_s": round(t1 - t0, 3), "items": items, "bytes": len(rss)}
    return out


# --- one size ----------------------------------------------------------------------------

def ratio(a, b):
    if not b:
        return None
    return round(a / b, 4)


def bench_size(n: int, *, urlwatch: tuple[Path | None, str], keep: bool) -> dict:
    t0 = time.perf_counter()
    pubs = synthetic.make_publications(n)
    server = MirrorServer()
    work = Path(tempfile.mkdtemp(prefix=f"hmicfrs-bench-{n}-"))
    try:
        t1 = time.perf_counter()
        server.update(pubs, nonce=synthetic.NONCE, built_at=synthetic.BUILT_AT)
        gen_s = time.perf_counter() - t0
        build_s = time.perf_counter() - t1
        site_bytes = sum(len(r.body) for r in server.resources.values())
        sitemaps = synthetic.check_sitemaps(server.resources, len(pubs))
        print(f"[{n}] site: {len(server.resources)} resources, {site_bytes / 1e6:.1f} MB, "
              f"built in {build_s:.1f} s; sitemap pagination ok={sitemaps['ok']} "
              f"{sitemaps['urls_per_sitemap']}", flush=True)
        w = Watcher(work, server.url)
        r: dict = {"n": n, "pdf_only": sum(p.pdf == "only" for p in pubs),
                   "html_report": sum(p.html_report for p in pubs),
                   "site": {"resources": len(server.resources), "bytes": site_bytes,
                            "build_s": round(build_s, 2), "generate_s": round(gen_s, 2),
                            "sitemaps": sitemaps}}

        bf = w.scan(server, "backfill")
        bf["publications_per_s"] = round((bf["new"] or 0) / bf["wall_s"], 1) if bf["wall_s"] else None
        bf["db_bytes"] = db_size(w.db)
        r["backfill"] = bf
        print(f"[{n}] backfill: {bf['wall_s']} s, {bf['publications_per_s']} pub/s, "
              f"{bf['requests']} req, {bf['body_bytes'] / 1e6:.1f} MB, RSS {bf['peak_rss_tree_mb']} MB (largest process {bf['peak_rss_mb']} MB), "
              f"db {bf['db_bytes'] / 1e6:.1f} MB, new={bf['new']} errors={bf['error_count']}",
              flush=True)

        uw_exe, uw_version = urlwatch
        uw = UrlWatch(uw_exe, work, [server.url + p.path for p in pubs]) if uw_exe else None
        r["urlwatch"] = {"version": uw_version, "available": uw is not None}
        if uw:
            r["urlwatch"]["baseline"] = uw.run(server, "baseline")
            print(f"[{n}] urlwatch baseline: {r['urlwatch']['baseline']['wall_s']} s, "
                  f"{r['urlwatch']['baseline']['requests']} req", flush=True)

        nc = w.scan(server, "nochange")
        r["no_change"] = nc
        print(f"[{n}] no-change: {nc['wall_s']} s, {nc['requests']} req "
              f"(all conditional: {nc['all_conditional']}, unconditional: {nc['unconditional_paths']}), "
              f"{nc['body_bytes']} B, events={nc['events']}", flush=True)
        if uw:
            u = uw.run(server, "nochange")
            r["urlwatch"]["no_change"] = u
            print(f"[{n}] urlwatch no-change: {u['wall_s']} s, {u['requests']} req, "
                  f"{u['body_bytes']} B, changed={u['reported_changed']}", flush=True)

        changed_pubs, slugs = synthetic.change_publications(pubs, CHANGED)
        server.update(changed_pubs, nonce=synthetic.NONCE, built_at=synthetic.BUILT_AT)
        ch = w.scan(server, "changed")
        ch["changed_slugs"] = sorted(slugs)
        ch["found_exactly_the_changed"] = sorted(slugs) == ch["changed_slugs_seen"]
        r["ten_changed"] = ch
        print(f"[{n}] 10-change: {ch['wall_s']} s, {ch['requests']} req, {ch['body_bytes']} B, "
              f"events={ch['events']} {ch['event_kinds']}, pubs with events="
              f"{ch['publications_with_events']}, exact={ch['found_exactly_the_changed']}", flush=True)
        if uw:
            u = uw.run(server, "changed")
            r["urlwatch"]["ten_changed"] = u
            print(f"[{n}] urlwatch 10-change: {u['wall_s']} s, {u['requests']} req, "
                  f"{u['body_bytes']} B, changed={u['reported_changed']}", flush=True)

        # A real WordPress rotates its nonce (and the footer's "Last updated") with no
        # publication changing: every HTML page's bytes and ETag change.
        server.update(changed_pubs, nonce="r0tat3d", built_at=synthetic.BUILT_AT + timedelta(days=1))
        nr = w.scan(server, "nonce")
        r["nonce_rotated"] = nr
        print(f"[{n}] nonce rotated: {nr['wall_s']} s, {nr['requests']} req, events={nr['events']}",
              flush=True)
        if uw:
            u = uw.run(server, "nonce")
            r["urlwatch"]["nonce_rotated"] = u
            print(f"[{n}] urlwatch nonce rotated: {u['wall_s']} s, {u['requests']} req, "
                  f"{u['body_bytes'] / 1e6:.1f} MB, changed={u['reported_changed']}", flush=True)

        df = digest_and_feed(w.db, server.url)
        r["digest_feed"] = df
        print(f"[{n}] digest quarter {df['digest_quarter']['total_s']} s "
              f"({df['digest_quarter']['reports']} reports), archive {df['digest_archive']['total_s']} s "
              f"({df['digest_archive']['reports']} reports), feed {df['feed_rss']['total_s']} s "
              f"({df['feed_rss']['items']} items)", flush=True)

        if uw:
            cmp = {}
            for key in ("no_change", "ten_changed", "nonce_rotated"):
                ours, theirs = r[key], r["urlwatch"][key]
                cmp[key] = {
                    "requests_ratio": ratio(ours["requests"], theirs["requests"]),
                    "bytes_ratio": ratio(ours["body_bytes"], theirs["body_bytes"]),
                    "wall_ratio": ratio(ours["wall_s"], theirs["wall_s"]),
                }
            r["vs_urlwatch"] = cmp
        r["targets"] = judge(r)
        return r
    finally:
        server.close()
        if keep:
            print(f"[{n}] work dir kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def judge(r: dict) -> dict:
    n = r["n"]
    nc, bf, df = r["no_change"], r["backfill"], r["digest_feed"]
    t = {
        "no_change_requests": {"target": f"<= {TARGETS['no_change_requests_max']}, all conditional",
                               "measured": f"{nc['requests']} ({nc['conditional_requests']} conditional)",
                               "met": nc["requests"] <= TARGETS["no_change_requests_max"]
                               and nc["all_conditional"]},
        "no_change_time": {"target": "< 1 s", "measured": f"{nc['wall_s']} s",
                           "met": nc["wall_s"] < TARGETS["no_change_seconds_max"]},
        "backfill_rate": {"target": ">= 100 pub/s", "measured": f"{bf['publications_per_s']} pub/s",
                          "met": (bf["publications_per_s"] or 0) >= TARGETS["backfill_pubs_per_s_min"]},
    }
    if n >= 5000:
        t["peak_rss"] = {"target": "< 300 MB (scan and its workers together)",
                         "measured": f"{bf['peak_rss_tree_mb']} MB",
                         "met": bf["peak_rss_tree_mb"] < TARGETS["peak_rss_mb_max_at_5000"]}
        d = df["digest_quarter"]
        t["digest_quarter"] = {"target": "< 1 s", "measured": f"{d['total_s']} s",
                               "met": d["total_s"] < TARGETS["digest_seconds_max_at_5000"]}
        # The committee's digest covers the period since the last meeting (a quarter). A
        # digest of all 5000 reports (a 20-year "paper" of thousands of pages) is measured
        # to show how it scales, not judged against the 1 s target.
        d = df["digest_archive"]
        t["digest_archive"] = {"target": "none (informational)", "measured": f"{d['total_s']} s",
                               "met": None}
        t["feed"] = {"target": "< 1 s", "measured": f"{df['feed_rss']['total_s']} s",
                     "met": df["feed_rss"]["total_s"] < 1.0}
    return t


# --- reporting ----------------------------------------------------------------------------

def _mb(b) -> str:
    return f"{b / 1e6:.2f} MB" if b >= 100_000 else f"{b / 1e3:.1f} kB"


def _x(v) -> str:
    return "n/a" if v is None else (f"{v:.3f}" if v < 1 else f"{v:.2f}")


def markdown(results: list[dict], mach: dict, when: str) -> str:
    results = sorted(results, key=lambda r: r["n"])
    cols = [str(r["n"]) for r in results]
    L = [
        "# hmicfrs-watch benchmark",
        "",
        f"Run {when} by `bench/run.py` on {mach['cpu']}, {mach['cores']} cores, "
        f"{mach['memory_gb']} GB RAM, Python {mach['python']} ({mach['platform']}).",
        "Synthetic site (bench/synthetic.py) on loopback, `--delay 0`; requests and body bytes "
        "counted from the mirror server's request log.",
        "",
        "| N publications | " + " | ".join(cols) + " |",
        "|---|" + "---:|" * len(cols),
    ]

    def row(label, f):
        L.append(f"| {label} | " + " | ".join(f(r) for r in results) + " |")

    row("PDF-only publications", lambda r: str(r["pdf_only"]))
    row("**Backfill** wall time", lambda r: f"{r['backfill']['wall_s']:.1f} s")
    row("backfill publications/s", lambda r: f"{r['backfill']['publications_per_s']}")
    row("backfill requests", lambda r: str(r["backfill"]["requests"]))
    row("backfill bytes", lambda r: _mb(r["backfill"]["body_bytes"]))
    row("backfill CPU (user+sys)", lambda r: f"{r['backfill']['cpu_s']} s")
    row("backfill parsing processes", lambda r: f"{r['backfill'].get('workers', 1)}")
    row("backfill peak RSS, scan + workers", lambda r: f"{r['backfill']['peak_rss_tree_mb']} MB")
    row("backfill peak RSS, largest process", lambda r: f"{r['backfill']['peak_rss_mb']} MB")
    row("database size", lambda r: _mb(r["backfill"]["db_bytes"]))
    row("backfill errors", lambda r: str(r["backfill"]["error_count"]))
    row("**No-change rescan** requests", lambda r: f"{r['no_change']['requests']} "
        f"({r['no_change']['conditional_requests']} conditional)")
    row("no-change bytes", lambda r: _mb(r["no_change"]["body_bytes"]))
    row("no-change wall time", lambda r: f"{r['no_change']['wall_s']:.2f} s")
    row("no-change unconditional", lambda r: ", ".join(r["no_change"]["unconditional_paths"]) or "none")
    row("**10-change rescan** requests", lambda r: str(r["ten_changed"]["requests"]))
    row("10-change bytes", lambda r: _mb(r["ten_changed"]["body_bytes"]))
    row("10-change wall time", lambda r: f"{r['ten_changed']['wall_s']:.2f} s")
    row("10-change publications with events", lambda r: f"{r['ten_changed']['publications_with_events']} "
        f"({r['ten_changed']['events']} events; exactly the 10: "
        f"{'yes' if r['ten_changed']['found_exactly_the_changed'] else 'NO'})")
    row("**Nonce rotated** (no real change) requests", lambda r: f"{r['nonce_rotated']['requests']}, "
        f"{r['nonce_rotated']['events']} events")
    row("**Digest**, last quarter (md+html+docx)", lambda r: f"{r['digest_feed']['digest_quarter']['total_s']:.2f} s "
        f"({r['digest_feed']['digest_quarter']['reports']} reports)")
    row("digest, whole archive", lambda r: f"{r['digest_feed']['digest_archive']['total_s']:.2f} s "
        f"({r['digest_feed']['digest_archive']['reports']} reports)")
    row("**Feed** (rss, 90 days of changes)", lambda r: f"{r['digest_feed']['feed_rss']['total_s']:.2f} s "
        f"({r['digest_feed']['feed_rss']['items']} items)")

    uw = [r for r in results if r.get("urlwatch", {}).get("available")]
    if uw:
        L += ["", f"## Against urlwatch ({results[0]['urlwatch']['version']}, default config, "
              "stdout reporter only, watching every publication page)", "",
              "Ratios are hmicfrs-watch / urlwatch (below 1: hmicfrs-watch is cheaper).", "",
              "| N | scenario | hmicfrs-watch req / bytes / s | urlwatch req / bytes / s | "
              "ratio req | ratio bytes | ratio time | urlwatch reported |",
              "|---:|---|---|---|---:|---:|---:|---|"]
        for r in uw:
            for key, name in (("no_change", "no change"), ("ten_changed", "10 changed"),
                              ("nonce_rotated", "nonce rotated")):
                o, t, c = r[key], r["urlwatch"][key], r["vs_urlwatch"][key]
                L.append(
                    f"| {r['n']} | {name} | {o['requests']} / {_mb(o['body_bytes'])} / {o['wall_s']:.2f} "
                    f"| {t['requests']} / {_mb(t['body_bytes'])} / {t['wall_s']:.2f} "
                    f"| {_x(c['requests_ratio'])} | {_x(c['bytes_ratio'])} | {_x(c['wall_ratio'])} "
                    f"| {t['reported_changed']} changed |")
            b = r["urlwatch"]["baseline"]
            L.append(f"| {r['n']} | first run (baseline) | (backfill above) | {b['requests']} / "
                     f"{_mb(b['body_bytes'])} / {b['wall_s']:.2f} | | | | |")
    elif results:
        L += ["", f"urlwatch: not measured ({results[0]['urlwatch']['version']})."]

    L += ["", "## Targets (measured, not asserted)", "",
          "| N | target | measured | met |", "|---:|---|---|---|"]
    for r in results:
        for name, t in r["targets"].items():
            L.append(f"| {r['n']} | {name}: {t['target']} | {t['measured']} | "
                     f"{'n/a' if t['met'] is None else 'yes' if t['met'] else '**no**'} |")
    L.append("")
    return "\n".join(L)


def load_latest(directory: Path) -> list[dict]:
    """The newest result file per N in `directory`."""
    best: dict[int, tuple[str, dict]] = {}
    for f in sorted(directory.glob("*-*.json")):
        m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})-(\d+)\.json", f.name)
        if not m:
            continue
        data = json.loads(f.read_text())
        n = int(m[2])
        if n not in best or m[1] >= best[n][0]:
            best[n] = (m[1], data)
    return [d for _, d in best.values()]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="500,2000,5000", help="comma-separated N (default 500,2000,5000)")
    ap.add_argument("--quick", action="store_true", help="smoke run: N=200, results under results/quick/")
    ap.add_argument("--no-urlwatch", action="store_true", help="skip the urlwatch comparison")
    ap.add_argument("--keep", action="store_true", help="keep the work directories (databases, logs)")
    ap.add_argument("--workers", type=int, default=None,
                    help="pass `scan --workers N` (default: the scan's own choice)")
    args = ap.parse_args(argv)
    global WORKERS
    WORKERS = args.workers
    sizes = [200] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    out_dir = RESULTS / "quick" if args.quick else RESULTS
    out_dir.mkdir(parents=True, exist_ok=True)
    if not CLI.exists():
        print(f"{CLI} not found: install the project into this interpreter's environment",
              file=sys.stderr)
        return 2
    urlwatch = (None, "skipped (--no-urlwatch)") if args.no_urlwatch else ensure_urlwatch()
    print(f"urlwatch: {urlwatch[1]}", flush=True)
    mach = machine()
    today = date.today().isoformat()
    for n in sizes:
        r = bench_size(n, urlwatch=urlwatch, keep=args.keep)
        r["machine"] = mach
        r["date"] = today
        r["at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        (out_dir / f"{today}-{n}.json").write_text(json.dumps(r, indent=2) + "\n")
    md = markdown(load_latest(out_dir), mach, today)
    (out_dir / "latest.md").write_text(md)
    print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
