"""Golden check: every mirror content file's [expected] counts against findings_from_html.

Content files are written by another engineer (watcher/mirror/content/*.html, format in
FORMAT.md). This test never special-cases a file; a mismatch is either a parser bug or a
mistake in the [expected] block, and fails that file's test.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from watcher.parse.findings import findings_from_html

CONTENT = Path(__file__).resolve().parent.parent / "watcher" / "mirror" / "content"
FILES = sorted(CONTENT.glob("*.html")) if CONTENT.is_dir() else []


def load(path: Path) -> tuple[dict, str]:
    raw = path.read_text(encoding="utf-8")
    lines = raw.split("\n")
    if not lines or lines[0].strip() != "+++":
        raise ValueError(f"{path.name}: no +++ front matter")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "+++")
    meta = tomllib.loads("\n".join(lines[1:end]))
    return meta, "\n".join(lines[end + 1 :])


def counts(path: Path) -> tuple[dict, dict]:
    meta, body = load(path)
    forces = tuple(meta.get("forces") or ()) or tuple(meta.get("services") or ())
    r = findings_from_html(body, forces=forces, title=meta.get("title", ""))
    recs = [f for f in r.findings if f.kind == "recommendation"]
    got = {
        "recommendations": len(recs),
        "recommendations_to_chief_constables": sum(1 for f in recs if f.applies_to_chief_constables),
        "areas_for_improvement": sum(1 for f in r.findings if f.kind == "area_for_improvement"),
        "causes_of_concern": sum(1 for f in r.findings if f.kind == "cause_of_concern"),
        "warning": bool(r.warnings),
    }
    exp = meta.get("expected", {})
    want = {k: exp.get(k, 0 if k != "warning" else False) for k in got}
    return want, got


@pytest.mark.skipif(not FILES, reason="no mirror content files yet")
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_golden(path: Path) -> None:
    want, got = counts(path)
    assert got == want
