"""A later state of the mirrored site, for change-detection tests and the demo.

`later_state(pubs)` takes the initial publications and returns the site as it stands a
day or so later, and the change events a correct watcher reports for it:

- two new publications (the content files with `state = 2`, see FORMAT.md);
- a corrected title (`metadata_changed`);
- a report that gains a recommendation (`findings_changed`; its [expected] counts go up);
- a publication that gains a document (`document_added`);
- a withdrawn publication (its pages answer 410 Gone: `withdrawn`).

Every changed publication gets a later `lastmod`, so the sitemap shows it changed.
A change whose target publication is missing from `pubs` is skipped (and not expected).
"""

from __future__ import annotations

import re
from datetime import timedelta

from .content import MirrorPublication, load_publications, sort_newest_first

TITLE_FIX = {
    # the original title has a typo ("respnse"), corrected a day later
    "an-inspection-of-the-police-response-to-hate-crime": (
        "An inspection of the police response to hate crime"
    ),
}

GAIN_RECOMMENDATION = {
    "an-inspection-of-police-use-of-domestic-abuse-protection-orders": {
        "html": (
            "<li>By 31 December 2025, the Crown Prosecution Service should make sure that "
            "prosecutors ask the court to consider a domestic abuse protection order in "
            "every relevant domestic abuse case they prosecute.</li>"
        ),
        "to_chief_constables": False,
    },
}

NEW_DOCUMENT = {
    "peel-2023-25-northumbria-police": {
        "title": "PEEL 2023-25: Northumbria Police - force data summary",
        "file": "peel-2023-25-northumbria-police-data-summary.pdf",
        "text": (
            "This document summarises the data we used in our assessment of Northumbria "
            "Police.\n\nIt contains no new judgments, recommendations or areas for "
            "improvement.\n\n999 calls answered within 10 seconds: 91 percent.\n\n"
            "Crimes recorded per 1,000 population: 68."
        ),
    },
}

WITHDRAW = ("hmicfrs-business-plan-2024-25",)


def add_recommendation(body: str, li_html: str) -> str:
    """Append an <li> to the top-level list under the "Recommendations" h2 of `body`."""
    heading = re.search(r"<h2[^>]*>\s*Recommendations\s*</h2>", body, re.I)
    if not heading:
        raise ValueError("no <h2>Recommendations</h2> in the body")
    nxt = re.search(r"<h2[\s>]", body[heading.end():])
    end = heading.end() + (nxt.start() if nxt else len(body[heading.end():]))
    close = body.rfind("</ol>", heading.end(), end)
    if close < 0:
        raise ValueError("no <ol> under the Recommendations heading")
    return body[:close] + li_html + "\n" + body[close:]


def later_state(
    pubs: list[MirrorPublication], *, directory=None, new: list[MirrorPublication] | None = None
) -> tuple[list[MirrorPublication], dict[str, list[str]]]:
    """The later site and {slug: [event kinds]} a correct watcher reports for it.

    `new` defaults to the content files with `state = 2` in `directory` (default: the
    bundled content). The input list and its publications are not modified.
    """
    if new is None:
        new = load_publications(directory, state=2, exact=True)
    by_slug = {p.slug: p for p in pubs}
    latest = max((p.lastmod for p in pubs), default=None)
    expected: dict[str, list[str]] = {}
    out: dict[str, MirrorPublication] = {p.slug: p.replace() for p in pubs}
    tick = 0

    def bump(slug: str, kind: str, **changes) -> None:
        nonlocal tick
        tick += 1
        stamp = latest + timedelta(days=1, hours=tick)
        out[slug] = out[slug].replace(lastmod=max(stamp, out[slug].lastmod), **changes)
        expected.setdefault(slug, []).append(kind)

    for slug, title in TITLE_FIX.items():
        if slug in by_slug:
            bump(slug, "metadata_changed", title=title)
    for slug, change in GAIN_RECOMMENDATION.items():
        if slug in by_slug:
            pub = out[slug]
            exp = dict(pub.expected)
            exp["recommendations"] += 1
            if change["to_chief_constables"]:
                exp["recommendations_to_chief_constables"] += 1
            bump(slug, "findings_changed", body=add_recommendation(pub.body, change["html"]),
                 expected=exp)
    for slug, doc in NEW_DOCUMENT.items():
        if slug in by_slug:
            bump(slug, "document_added",
                 extra_documents=[*out[slug].extra_documents, dict(doc)])
    for slug in WITHDRAW:
        if slug in by_slug:
            bump(slug, "withdrawn", withdrawn=True)
    for pub in new:
        if pub.slug in out:
            raise ValueError(f"state-2 publication {pub.slug} already exists in the site")
        out[pub.slug] = pub.replace()
        expected[pub.slug] = ["new"]
    return sort_newest_first(list(out.values())), expected
