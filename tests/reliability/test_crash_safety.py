"""Crash safety: `hmicfrs-watch scan` SIGKILLed at random points never corrupts anything.

The mirror runs in this process (threads); the scan runs in a subprocess that is killed
with SIGKILL after a seeded random delay, eight times in a row on the same database.
After every kill the database passes `PRAGMA integrity_check`; after the last one an
ordinary scan converges to exactly what a scan that was never killed stores.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import dump

from store.db import Store
from watcher.config import Config
from watcher.scan import make_fetcher, run_scan

CLI = Path(sys.executable).with_name("hmicfrs-watch")
KILLS = 8


def _scan_clean(db: Path, site: str):
    with Store(db) as store:
        config = Config(site=site, db=db, delay=0.0)
        with make_fetcher(config, cache=store, retries=1, backoff=0.01) as fetcher:
            return run_scan(store, fetcher, site), dump(store, site)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_at_random_points_never_corrupts_and_next_scan_converges(mirror, tmp_path):
    origins = (mirror.url, mirror.asset_url)
    ref_result, _ = _scan_clean(tmp_path / "reference.db", mirror.url)
    assert ref_result.ok, ref_result.errors
    reference = dump(tmp_path / "reference.db", *origins)

    db = tmp_path / "killed.db"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    for var in ("HMICFRS_WATCH_CONFIG", "HMICFRS_WATCH_DB", "HMICFRS_WATCH_SITE"):
        env.pop(var, None)
    rng = random.Random(20251006)
    finished = 0
    for _ in range(KILLS):
        delay = rng.uniform(0.3, 2.5)  # interpreter start-up is ~0.5 s of this
        proc = subprocess.Popen(
            [str(CLI), "--db", str(db), "--site", mirror.url, "-q", "scan", "--delay", "0"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        try:
            proc.wait(timeout=delay)
            finished += 1  # the scan won the race: fine, it must simply have succeeded
            assert proc.returncode == 0, proc.stderr.read().decode(errors="replace")
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            assert proc.returncode == -signal.SIGKILL
        finally:
            if proc.stderr:
                proc.stderr.close()
        if db.exists():
            with Store(db) as store:
                assert store.integrity_ok()
                # whatever was stored is a complete record, never half of one
                for slug, row in dump(store, *origins)["reports"].items():
                    if row["status"] == "active":
                        assert row == reference["reports"][slug], slug
    assert finished < KILLS, "no run was killed mid-scan: the delays are too long for this machine"

    result, _ = _scan_clean(db, mirror.url)
    assert result.ok, result.errors
    assert dump(db, *origins) == reference
    with Store(db) as store:
        assert store.integrity_ok()
        # each publication announced exactly once, however often the scan was killed
        keys = [(e["slug"], e["kind"]) for e in store.changes()]
        assert len(keys) == len(set(keys))
