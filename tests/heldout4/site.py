"""Heldout site 4 (built to the site model (rules: docs/counting-rules.md)): resource map for a MirrorServer."""

from __future__ import annotations

from .content import EXPECTED, PUBS, TRIO
from .render import build_site

__all__ = ["PUBS", "EXPECTED", "TRIO", "build_site", "resources"]


def resources(base_url: str, asset_url: str):
    return build_site(PUBS, base_url, asset_url)
