"""The HTML digest on a phone, in a real browser: headless Chromium at a phone's width.

Skipped where Chromium is not installed (.ci/run installs Debian's). A committee member
opening the digest on a phone must see every count without scrolling sideways.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from watcher.publish.digest import render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PROBE = ("<script>window.addEventListener('load', () => { const t = document.querySelector('table');"
         " document.body.setAttribute('data-right', String(Math.round(t.getBoundingClientRect().right)"
         " - window.innerWidth)); document.body.setAttribute('data-page',"
         " String(document.documentElement.scrollWidth - window.innerWidth)); });</script>")


def _measure(html: bytes, tmp_path, width: int) -> tuple[int, int]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    page = tmp_path / "digest.html"
    page.write_bytes(html.replace(b"</body>", PROBE.encode() + b"</body>"))
    out = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={width},900",
         "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=90,
    )
    right = re.search(r'data-right="(-?\d+)"', out.stdout)
    whole = re.search(r'data-page="(-?\d+)"', out.stdout)
    assert right and whole, out.stderr[-2000:]
    return int(right.group(1)), int(whole.group(1))


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium (a real browser) is not installed")
def test_on_a_phone_every_count_is_on_screen_and_on_a_desk_it_is_a_table(tmp_path):
    from test_digest import paper_digest

    html = render(paper_digest(), "html")
    table_right, page_overflow = _measure(html, tmp_path / "phone", 390)
    assert table_right <= 0 and page_overflow <= 0  # nothing off the right-hand edge
    desk_right, desk_overflow = _measure(html, tmp_path / "desk", 1200)
    assert desk_right <= 0 and desk_overflow <= 0
    assert b"data-label=\"Applicable to chief constables\"" in html  # each count says what it is
