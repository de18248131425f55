"""Every fixture site, served the same way: its resources and its expected counts.

Used by the tests that run over all sites at once (tests/test_no_silent_miscount.py,
tests/test_perturbation.py). Expected counts are the dicts of core.models.COUNT_FIELDS.
"""

from __future__ import annotations

from core.models import COUNT_FIELDS


def _dict(expected) -> dict:
    return dict(zip(COUNT_FIELDS, expected, strict=True)) if isinstance(expected, tuple) else dict(expected)


def unseen(url: str, asset: str):
    from unseen.content import PUBLICATIONS
    from unseen.site import build_site

    return build_site(url, asset), {p.slug: _dict(p.expected) for p in PUBLICATIONS}


def heldout2(url: str, asset: str):
    from heldout2.content import PUBLICATIONS
    from heldout2.site import build_site

    return (build_site(PUBLICATIONS, base_url=url, asset_url=asset, date_label="Published"),
            {p.slug: _dict(p.expected) for p in PUBLICATIONS})


def heldout3(url: str, asset: str):
    from heldout3.content import PUBLICATIONS
    from heldout3.site import build_resources

    return build_resources(url, asset), {p.slug: _dict(p.expected) for p in PUBLICATIONS}


def heldout4(url: str, asset: str):
    from heldout4.site import EXPECTED, resources

    return resources(url, asset), {k: _dict(v) for k, v in EXPECTED.items()}


def heldout5(url: str, asset: str):
    from heldout5.site import EXPECTED, resources

    return resources(url, asset), {k: _dict(v) for k, v in EXPECTED.items()}


def heldout6(url: str, asset: str):
    from heldout6.content import EXPECTED
    from heldout6.site import resources

    return resources(url, asset), {k: _dict(v) for k, v in EXPECTED.items()}


HELD_OUT = {"unseen": unseen, "heldout2": heldout2, "heldout3": heldout3, "heldout4": heldout4,
            "heldout5": heldout5, "heldout6": heldout6}
