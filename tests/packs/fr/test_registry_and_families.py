"""End to end, with and without the model: a company's registration (``RCS Lyon
732 829 320``) names no person, and a family named by its surname (``les consorts
Le Goff``) is one person name, replaced once.

Every sentence is written for these tests; the names are invented, the registry
towns are real seats of commercial courts.
"""

import pytest

import judanon

SIREN = "732 829 320"  # Luhn-valid
OTHER_SIREN = "552 100 554"


@pytest.fixture(scope="module")
def rules():
    return judanon.Anonymizer(neural=False)


@pytest.fixture(params=["rules", "default"])
def anonymizer(request, rules):
    if request.param == "rules":
        return rules
    return request.getfixturevalue("default_anonymizer")


REGISTRATIONS = [
    (f"La société Menuiseries Ardoin, RCS Lyon {SIREN}, est appelante.", "Lyon", SIREN),
    (f"La SARL Bâtiments Kervella, RCS de Nanterre B {SIREN}, représentée par son gérant.",
     "Nanterre", SIREN),
    (f"La SAS Horizon Ouest, R.C.S. Paris {OTHER_SIREN}, intimée.", "Paris", OTHER_SIREN),
    (f"La société Vertigo, immatriculée au RCS de LYON sous le n° {SIREN}, conclut.", "LYON", SIREN),
]


@pytest.mark.parametrize("text, town, number", REGISTRATIONS)
def test_registration_number_is_replaced_and_no_person_is_found(anonymizer, text, town, number):
    r = anonymizer.anonymize(text)
    assert number not in r.text
    assert any(e.label == "numeroSiretSiren" and e.text == number and e.replacement for e in r.entities)
    assert not [e for e in r.entities if e.label == "personnePhysique"]
    assert "RCS" in r.text or "R.C.S." in r.text


@pytest.mark.parametrize("text, town, number", REGISTRATIONS[:3])
def test_registry_seat_without_de_stays_visible(rules, text, town, number):
    # The registry's town is a public seat: rules alone never hide it.
    r = rules.anonymize(text)
    assert town in r.text


@pytest.mark.parametrize(
    "text, surname",
    [
        ("Les consorts Le Goff sont appelants. Les consorts Le Goff ont conclu le 3 mai.", "Le Goff"),
        ("les époux Le Bihan demandent la confirmation. Les époux Le Bihan font valoir que.", "Le Bihan"),
        ("les consorts Kowalski-Dubois ont interjeté appel contre les consorts Kowalski-Dubois.",
         "Kowalski-Dubois"),
    ],
)
def test_a_family_surname_with_its_particle_is_one_name_replaced_once(anonymizer, text, surname):
    r = anonymizer.anonymize(text)
    masked = [e for e in r.entities if e.replacement]
    assert [(e.text, e.label) for e in masked] == [(surname, "personnePhysique")] * 2
    assert len({e.replacement for e in masked}) == 1
    # the particle goes with the surname: nothing of it is left beside the replacement
    assert surname.split()[-1] not in r.text and surname.split("-")[0] not in r.text
    assert (masked[0].replacement + " ") in r.text or (masked[0].replacement + ".") in r.text
    assert " Le [" not in r.text
