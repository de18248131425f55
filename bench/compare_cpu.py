"""Backfill CPU per publication of two checkouts of this project, on one realistic site.

    python bench/compare_cpu.py OLD_CHECKOUT NEW_CHECKOUT [--n 100] [--repeat 3]

Serves the synthetic site (bench/synthetic.py: reports of 5k-25k words, PDFs of 40-150
pages) once, then runs `hmicfrs-watch scan --delay 0 --workers 1` from each checkout in
turn (alternating, so load on the machine falls on both alike) and reports the scan
process's own CPU (user+sys from wait4, imports included) per publication. Used to hold
the reading engine to "no more than 20% above the parser it replaced".
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    import synthetic
    from watcher.mirror.server import MirrorServer

    pubs = synthetic.make_publications(args.n)
    server = MirrorServer()
    synthetic.publish(server, pubs)
    cpu: dict[str, list[float]] = {args.old: [], args.new: []}
    try:
        for _ in range(args.repeat):
            for tree in (args.old, args.new):
                home = tempfile.mkdtemp()
                env = dict(os.environ, PYTHONPATH=str(Path(tree).resolve()), HOME=home)
                proc = subprocess.Popen(
                    [sys.executable, "-m", "watcher.cli", "--db", f"{home}/w.db", "--site", server.url,
                     "-q", "scan", "--delay", "0", "--workers", "1"], env=env, cwd=home)
                _, status, usage = os.wait4(proc.pid, 0)
                if status:
                    print(f"{tree}: scan exited {status}", file=sys.stderr)
                    return 1
                cpu[tree].append((usage.ru_utime + usage.ru_stime) / args.n)
    finally:
        server.close()
    old, new = (statistics.median(cpu[t]) for t in (args.old, args.new))
    print(f"{args.n} publications, median of {args.repeat}: old {old * 1000:.1f} ms, "
          f"new {new * 1000:.1f} ms per publication ({(new / old - 1) * 100:+.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
