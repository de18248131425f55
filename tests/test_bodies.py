"""core.bodies: one register of forces, other bodies and fire and rescue services.

Every reader of a force name (page metadata, titles, slugs, --force, the config) asks
here, so the variants below must each land on one canonical body, and near-misses on
other bodies must not.
"""

from __future__ import annotations

import pytest

from core.bodies import (
    BODIES,
    FIRE_SERVICES,
    FORCES,
    OTHER_BODIES,
    bodies_in_text,
    canonical_force,
    find_body,
    suggest,
)
from core.forces import force_key, names_force


def test_register_sizes_and_unique_names():
    assert len(FORCES) == 43  # the territorial forces of England and Wales
    assert len(FIRE_SERVICES) == 44  # England's fire and rescue services
    assert {"British Transport Police", "Civil Nuclear Constabulary", "Ministry of Defence Police",
            "National Crime Agency"} <= {b.name for b in OTHER_BODIES}
    names = [b.name for b in BODIES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("spelling", "canonical"), [
    ("Avon & Somerset", "Avon and Somerset Constabulary"),
    ("avon-and-somerset-constabulary", "Avon and Somerset Constabulary"),
    ("Avon and Somerset Police", "Avon and Somerset Constabulary"),
    ("the Met", "Metropolitan Police Service"),
    ("MPS", "Metropolitan Police Service"),
    ("Metropolitan Police", "Metropolitan Police Service"),
    ("Hampshire", "Hampshire and Isle of Wight Constabulary"),
    ("Dyfed Powys Police", "Dyfed-Powys Police"),
    ("Heddlu Gogledd Cymru", "North Wales Police"),
    ("Kent", "Kent Police"),
    ("Kent Constabulary", "Kent Police"),
    ("BTP", "British Transport Police"),
    ("Dorset and Wiltshire Fire and Rescue Service", "Dorset & Wiltshire Fire and Rescue Service"),
    ("West Midlands Fire and Rescue Service", "West Midlands Fire Service"),
    ("Essex FRS", "Essex County Fire and Rescue Service"),
    ("london-fire-brigade", "London Fire Brigade"),
])
def test_variants_find_one_body(spelling, canonical):
    assert find_body(spelling).name == canonical


@pytest.mark.parametrize("name", ["Kent County Council", "Hampshire County Council", "Police Scotland",
                                  "West Midlands Combined Authority", "", "Police"])
def test_names_that_are_not_bodies(name):
    assert find_body(name) is None


def test_kinds_keep_police_and_fire_apart():
    assert canonical_force("West Midlands") == "West Midlands Police"
    assert canonical_force("West Midlands Fire Service") is None
    assert find_body("Cornwall", ("fire",)) is None  # a bare place is a police area, never a service
    assert find_body("Kent Fire and Rescue Service").kind == "fire"


def test_suggest_a_misspelling():
    assert suggest("West Midlnds Police") == "West Midlands Police"
    assert suggest("Cumbria Constabulary") == "Cumbria Constabulary"


def test_bodies_in_text_full_names_and_acronyms_only():
    text = ("Kent County Council worked with Essex Police, the Met, GMP and "
            "Avon & Somerset Constabulary; gmp (lower case) and Kent alone are not names.")
    assert [b.name for b in bodies_in_text(text)] == [
        "Essex Police", "Metropolitan Police Service", "Greater Manchester Police",
        "Avon and Somerset Constabulary"]
    assert [b.name for b in bodies_in_text("London Fire Brigade and the City of London Police", ("fire",))] == [
        "London Fire Brigade"]


@pytest.mark.parametrize(("a", "b"), [
    ("Avon & Somerset", "avon-and-somerset-constabulary"),
    ("Avon and Somerset Police", "Avon and Somerset Constabulary"),
    ("the Met", "Metropolitan Police Service"),
    ("Metropolitan", "The Metropolitan Police Service"),
    ("Hampshire Constabulary", "Hampshire and Isle of Wight Constabulary"),
])
def test_force_key_makes_variants_one_force(a, b):
    assert force_key(a) == force_key(b)
    assert names_force({"forces": [a]}, b)


def test_force_key_keeps_different_bodies_apart():
    assert force_key("West Midlands Police") != force_key("West Mercia Police")
    assert force_key("Kent Police") != force_key("Kent Fire and Rescue Service")
    assert force_key("City of London Police") != force_key("Metropolitan Police Service")


def test_partner_inspectorates_by_name_acronym_and_host():
    from core.bodies import find_inspectorate, inspectorate_of_host, inspectorates_in_text

    assert find_inspectorate("HMCPSI").name == "HM Crown Prosecution Service Inspectorate"
    assert find_inspectorate("HMI Probation").name == "HM Inspectorate of Probation"
    assert find_inspectorate("Kent Police") is None
    assert inspectorate_of_host("hmiprisons.justiceinspectorates.gov.uk").name == "HM Inspectorate of Prisons"
    assert inspectorate_of_host("hmicfrs.justiceinspectorates.gov.uk") is None
    text = "A joint inspection by HMICFRS, Ofsted, the CQC and HMI Probation (not cqc in lower case)."
    assert [i.name for i in inspectorates_in_text(text)] == [
        "Ofsted", "Care Quality Commission", "HM Inspectorate of Probation"]
