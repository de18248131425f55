"""core.pubtypes: what a publication type means, whatever the page calls it."""

from __future__ import annotations

import pytest

from core.pubtypes import (
    TYPES,
    always_makes_findings,
    canonical_type,
    find_type,
    is_exact_type,
    is_fire_type,
    is_force_specific,
    type_in_text,
)


@pytest.mark.parametrize(("label", "canonical"), [
    ("PEEL assessment", "PEEL inspection"),
    ("PEEL 2025–27", "PEEL inspection"),
    ("Police effectiveness, efficiency and legitimacy", "PEEL inspection"),
    ("Child protection inspection", "National child protection inspection"),
    ("NCPI", "National child protection inspection"),
    ("Crime data integrity", "Crime data integrity inspection"),
    ("Fire & rescue service inspection", "Fire and rescue service inspection"),
    ("Joint thematic inspection", "Joint inspection"),
    ("Criminal Justice Joint Inspection", "Joint inspection"),
    ("Revisit", "Progress report or revisit"),
    ("Inspection progress report", "Progress report or revisit"),
    ("Post-inspection review", "Progress report or revisit"),
    ("Cause of concern revisit", "Cause of concern revisit"),
    ("Accelerated cause of concern letter", "Cause of concern letter"),
    ("Super complaint", "Super-complaint"),
    ("State of Policing", "Annual assessment"),
    ("Inspection programme and framework", "Corporate document"),
    ("Consultation", "Corporate document"),
    ("Thematic", "Thematic inspection"),
    ("Fire and rescue thematic inspection", "Fire and rescue thematic inspection"),
])
def test_variants_mean_one_type(label, canonical):
    assert canonical_type(label) == canonical


@pytest.mark.parametrize(("label", "specific", "findings"), [
    ("PEEL assessment", True, True),
    ("National child protection inspection", True, True),
    ("Crime data integrity inspection", True, True),
    ("Fire and rescue service inspection", True, True),
    ("Cause of concern letter", True, True),
    ("Police custody inspection", True, False),
    ("Force inspection", True, False),
    ("Cause of concern revisit", True, False),
    ("Thematic inspection", False, False),
    ("Joint inspection", False, False),
    ("Progress report", False, False),
    ("Corporate document", False, False),
    ("Super-complaint", False, False),
    (None, False, False),
    ("Something nobody publishes", False, False),
])
def test_force_specific_and_always_makes_findings(label, specific, findings):
    assert is_force_specific(label) is specific
    assert always_makes_findings(label) is findings


@pytest.mark.parametrize(("text", "canonical"), [
    ("PEEL 2025: An inspection of Kent Police", "PEEL inspection"),
    ("West Midlands Police: National child protection inspection", "National child protection inspection"),
    ("Consultation on the PEEL 2025 assessment framework", "Corporate document"),
    ("Cleveland Police: Revisit of the cause of concern about the investigation of crime", "Cause of concern revisit"),
    ("Standards of behaviour: the handling of misconduct in fire and rescue services",
     "Fire and rescue thematic inspection"),
    ("Cornwall Fire and Rescue Service: Effectiveness, efficiency and people 2025",
     "Fire and rescue service inspection"),
    ("peel-2025-an-inspection-of-gwent-police", "PEEL inspection"),
    ("group-based-child-sexual-exploitation-progress", "Progress report or revisit"),
    ("Police response to stalking", None),
])
def test_types_named_in_titles_and_slugs(text, canonical):
    t = type_in_text(text)
    assert (t.name if t else None) == canonical


def test_exact_and_fire():
    assert is_exact_type("PEEL inspections") and not is_exact_type("PEEL 2025: An inspection of Kent")
    assert is_fire_type("Fire and rescue service inspection") and not is_fire_type("PEEL")
    assert find_type("   ") is None
    assert len({t.name for t in TYPES}) == len(TYPES)


@pytest.mark.parametrize(("text", "canonical"), [
    ("PEEL spotlight report: police response to burglary", "Thematic inspection"),
    ("National child protection inspections: 2023 thematic report", "Thematic inspection"),
    ("Crime data integrity: national overview", "Thematic inspection"),
    ("Fire and rescue service inspections 2023-25: summary of findings", "Fire and rescue thematic inspection"),
])
def test_a_national_framing_never_makes_a_force_specific_type(text, canonical):
    assert type_in_text(text).name == canonical
