"""No silent miscount on any held-out site (docs/counting-rules.md, "Doubt").

Each held-out site is scanned once and scored with tests/scoring.py: every report whose
counts are wrong must carry a warning, and at most 1 in 30 exactly read reports may carry
one (false alarms cost trust too). The table of the four columns is printed (-s).
"""

from __future__ import annotations

import pytest

from scoring import Score, score, table
from sites import HELD_OUT
from store.db import Store
from watcher.config import Config
from watcher.mirror.server import MirrorServer
from watcher.scan import make_fetcher, run_scan

SCORES: dict[str, Score] = {}


def _scan_site(name: str, tmp_path) -> Score:
    with MirrorServer() as server:
        resources, expected = HELD_OUT[name](server.url, server.asset_url)
        server.set_resources(resources)
        with Store(tmp_path / f"{name}.db") as store:
            config = Config(site=server.url, db=store.path, delay=0.0)
            with make_fetcher(config, cache=store, retries=1, backoff=0.01) as fetcher:
                result = run_scan(store, fetcher, server.url)
            assert result.ok, result.errors
            rows = {r["slug"]: r for r in store.reports()}
    return score(expected, rows)


@pytest.mark.parametrize("name", list(HELD_OUT))
def test_every_wrong_count_is_warned_and_false_alarms_are_rare(name, tmp_path):
    s = _scan_site(name, tmp_path)
    SCORES[name] = s
    print("\n" + table({name: s}))
    assert s.acceptable, s.problems()


def test_scorer_buckets():
    # the scorer itself: each of the four outcomes, and a missing report is silent
    want = {"recommendations": 1, "recommendations_to_chief_constables": 0,
            "areas_for_improvement": 0, "causes_of_concern": 0}
    wrong = {**want, "recommendations": 2}
    expected = {"a": want, "b": want, "c": want, "d": want, "e": want}
    rows = {"a": {**want, "warnings": []}, "b": {**wrong, "warnings": [{"kind": "stated_count", "message": "m"}]},
            "c": {**wrong, "warnings": []}, "d": {**want, "warnings": ["old string warning"]}}
    s = score(expected, rows)
    assert (s.exact, s.warned, s.silent, s.false_alarms) == (["a"], ["b"], ["c", "e"], ["d"])
    assert not s.acceptable
    assert score({"a": want}, {"a": {**want, "warnings": []}}).acceptable
