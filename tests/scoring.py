"""The "no silent miscount" score of one scan of a site (docs/counting-rules.md, "Doubt").

For each report, its expected counts (a careful reader's, under the counting rules) are
compared with the scan's stored row:

- exact: the four counts match and the row carries no warning;
- warned: the counts are wrong and the row carries a warning (a wrong count with a
  warning costs a minute);
- silent: the counts are wrong and the row carries no warning (the failure that costs trust);
- false alarm: the counts match but the row carries a warning.

Acceptance (`acceptable`): no silent miscount, and at most 1 in 30 exactly read reports
carries a warning. Reusable on any site: pass {slug: expected counts} and {slug: row}
(rows as `Store.reports()` returns them), e.g.

    from scoring import score
    s = score({p.slug: p.expected for p in PUBLICATIONS}, {r["slug"]: r for r in store.reports()})
    print(s.line("my site")); assert s.acceptable, s.problems()
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.models import COUNT_FIELDS, warning_text

__all__ = ["Score", "score", "table"]


@dataclass
class Score:
    exact: list[str] = field(default_factory=list)
    warned: list[str] = field(default_factory=list)
    silent: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    details: dict[str, str] = field(default_factory=dict)

    @property
    def reports(self) -> int:
        return len(self.exact) + len(self.warned) + len(self.silent) + len(self.false_alarms)

    @property
    def acceptable(self) -> bool:
        right = len(self.exact) + len(self.false_alarms)
        return not self.silent and len(self.false_alarms) * 30 <= right

    def line(self, name: str) -> str:
        return (f"{name:<12} {self.reports:>7} {len(self.exact):>6} {len(self.warned):>7} "
                f"{len(self.silent):>7} {len(self.false_alarms):>12}")

    def problems(self) -> str:
        return "\n".join(f"{slug}: {self.details[slug]}" for slug in [*self.silent, *self.false_alarms])


def _counts(row: dict | None) -> dict | None:
    return None if row is None else {k: row.get(k) for k in COUNT_FIELDS}


def score(expected: dict[str, dict], rows: dict[str, dict]) -> Score:
    """Score a scan's rows against the expected counts of every report of a site.

    A report missing from the rows is a wrong count with no warning (silent)."""
    s = Score()
    for slug, want in expected.items():
        row = rows.get(slug)
        got = _counts(row)
        warnings = [warning_text(w) for w in ((row or {}).get("warnings") or [])]
        right = got == {k: want.get(k, 0) for k in COUNT_FIELDS}
        bucket = (s.exact if not warnings else s.false_alarms) if right else (s.warned if warnings else s.silent)
        bucket.append(slug)
        s.details[slug] = f"got {got}, expected {want}; warnings {warnings}"
    return s


HEADER = f"{'site':<12} {'reports':>7} {'exact':>6} {'warned':>7} {'silent':>7} {'false alarms':>12}"


def table(scores: dict[str, Score]) -> str:
    """The four columns per site, as the README's table shows them."""
    return "\n".join([HEADER, *(sc.line(name) for name, sc in scores.items())])
