"""Profile a backfill in-process (cProfile) against a synthetic site: where does the time go?

    python bench/profile_backfill.py --n 300 [--top 30]

Prints the functions with the most own time and the most cumulative time, and the
share of the scan's total each takes. The mirror server runs in this process too (in
its threads), but cProfile only profiles the main thread, i.e. the scan.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import synthetic  # noqa: E402
from store.db import Store  # noqa: E402
from watcher.config import Config  # noqa: E402
from watcher.mirror.server import MirrorServer  # noqa: E402
from watcher.scan import make_fetcher, run_scan  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("-o", "--output", help="also dump the raw profile here (.prof)")
    args = ap.parse_args(argv)
    pubs = synthetic.make_publications(args.n)
    with MirrorServer() as server, tempfile.TemporaryDirectory() as tmp:
        synthetic.publish(server, pubs)  # the theme furniture too, as run.py serves it
        store = Store(Path(tmp) / "w.db")
        cfg = Config(site=server.url, db=store.path, delay=0.0)
        prof = cProfile.Profile()
        t0 = time.perf_counter()
        with make_fetcher(cfg, cache=store) as fetcher:
            prof.enable()
            res = run_scan(store, fetcher, server.url)
            prof.disable()
        wall = time.perf_counter() - t0
        store.close()
    print(f"N={args.n}: {res.new} new, {len(res.errors)} errors, {wall:.2f} s, "
          f"{res.new / wall:.1f} pub/s (profiler overhead included)")
    if args.output:
        prof.dump_stats(args.output)
    for key in ("tottime", "cumulative"):
        s = io.StringIO()
        st = pstats.Stats(prof, stream=s)
        total = st.total_tt
        st.sort_stats(key).print_stats(args.top)
        print(f"--- by {key} (total {total:.2f} s) ---")
        lines = s.getvalue().splitlines()
        start = next(i for i, l in enumerate(lines) if l.strip().startswith("ncalls"))
        for line in lines[start:start + args.top + 1]:
            parts = line.split(None, 5)
            if len(parts) == 6 and parts[0] != "ncalls":
                t = float(parts[1] if key == "tottime" else parts[3])
                print(f"{100 * t / total:5.1f}%  {line}")
            else:
                print("       " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
