"""A real `hmicfrs-watch schedule` process for tests: started, its stderr read line by line."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path


def start_schedule(cfg: Path, *args: str) -> tuple[subprocess.Popen, queue.Queue]:
    """`hmicfrs-watch --config CFG schedule ARGS` with no HMICFRS_WATCH_* from the caller's
    environment; its stderr lines arrive on the queue, then None when it closes."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HMICFRS_WATCH_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "watcher.cli", "--config", str(cfg), "schedule", *args],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
        cwd=Path(__file__).resolve().parents[1],
    )
    lines: queue.Queue = queue.Queue()

    def pump():
        for line in proc.stderr:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return proc, lines


def wait_for(lines: queue.Queue, text: str, timeout: float = 90) -> list[str]:
    """The stderr lines up to the first containing `text`; AssertionError (with all of
    stderr) if it never comes."""
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        if line is None:
            break
        seen.append(line)
        if text in line:
            return seen
    raise AssertionError(f"never saw {text!r}; stderr was:\n{''.join(seen)}")
