"""Profile digest rendering (md, html, docx) and the feed over a backfilled synthetic site.

    python bench/profile_digest.py --n 500 [--top 25]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
from datetime import date
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import synthetic  # noqa: E402
from store.db import Store  # noqa: E402
from watcher.config import Config  # noqa: E402
from watcher.publish.digest import render  # noqa: E402
from watcher.mirror.server import MirrorServer  # noqa: E402
from watcher.scan import make_fetcher, run_scan  # noqa: E402
from watcher.publish.window import digest_for_window  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args(argv)
    pubs = synthetic.make_publications(args.n)
    with MirrorServer() as server, tempfile.TemporaryDirectory() as tmp:
        synthetic.publish(server, pubs)  # the theme furniture too, as run.py serves it
        store = Store(Path(tmp) / "w.db")
        cfg = Config(site=server.url, db=store.path, delay=0.0)
        with make_fetcher(cfg, cache=store) as fetcher:
            run_scan(store, fetcher, server.url)
        prof = cProfile.Profile()
        prof.enable()
        data = digest_for_window(store, date(2000, 1, 1), date.today(), None, None, None)
        for fmt in ("md", "html", "docx"):
            render(data, fmt)
        prof.disable()
        store.close()
    s = io.StringIO()
    st = pstats.Stats(prof, stream=s)
    total = st.total_tt
    rows = []
    for (f, line, fn), (_, nc, tt, ct, _) in st.stats.items():
        rows.append((ct, tt, nc, f"{f.replace(str(BENCH.parent) + '/', '')}:{line}({fn})"))
    print(f"N={args.n}, whole-archive digest, md+html+docx: {total:.2f} s profiled")
    for title, key in (("cumulative", 0), ("own time", 1)):
        print(f"--- by {title} ---")
        for r in sorted(rows, key=lambda r: r[key], reverse=True)[: args.top]:
            print(f"{100 * r[0] / total:5.1f}% cum {100 * r[1] / total:5.1f}% own {r[2]:>9}  {r[3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
