"""Towns named in a list after a context word (``judanon.packs.fr.lists``).

Every sentence is written for these tests; the places are real French towns, the
persons invented.
"""

import pytest

from judanon.packs.fr import regex_detector
from judanon.packs.fr import lists

DETECTOR = regex_detector()


def towns(text):
    return [text[s.start:s.end] for s in DETECTOR.detect(text) if s.label == "localite"]


def test_the_french_detector_runs_the_list_patterns():
    names = {p.name for p in DETECTOR.patterns}
    assert {p.name for p in lists.PATTERNS} <= names
    assert DETECTOR.version.endswith("." + lists.VERSION)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le plan concerne les communes de Bron et de Vénissieux.", ["Bron", "Vénissieux"]),
        ("les communes de Bron, Vénissieux et Saint-Priest ont délibéré",
         ["Bron", "Vénissieux", "Saint-Priest"]),
        ("sur les communes de Saint-Rémy-de-Provence, d'Eygalières et de Maillane",
         ["Saint-Rémy-de-Provence", "Eygalières", "Maillane"]),
        ("les terres situées sur la commune de Plouha et de Lanloup", ["Plouha", "Lanloup"]),
    ],
)
def test_every_town_after_communes_de(text, expected):
    assert towns(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("il effectuait le trajet quotidien entre Rennes et Vitré en voiture", ["Rennes", "Vitré"]),
        ("ses déplacements professionnels entre Lorient et Vannes", ["Lorient", "Vannes"]),
        ("la navette entre Brest et Morlaix", ["Brest", "Morlaix"]),
    ],
)
def test_two_towns_of_a_journey(text, expected):
    assert towns(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("il a résidé à Nantes puis à Angers", ["Nantes", "Angers"]),
        ("elle a vécu successivement à Nantes, à Angers et enfin à Tours.", ["Nantes", "Angers", "Tours"]),
        ("demeurant à Lannion et à Paimpol", ["Lannion", "Paimpol"]),
        ("il s'est installé à Dinan, puis à Saint-Malo", ["Dinan", "Saint-Malo"]),
    ],
)
def test_every_town_where_a_person_lived(text, expected):
    assert towns(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "les parties communes de l'immeuble et les parties communes de Bâtiment A",
        "les relations entre Gaspard et Romane se sont dégradées",  # no journey: persons
        "la distance entre Lyon et Paris",  # may join two persons elsewhere: not read
        "le trajet entre M. Tanguy et Mme Kerjean",
        "Entre Lyon et Paris, le litige",
        "il a joint la victime à 17h25 puis à 18h45",
        "il a été hébergé à l'hôtel puis à la résidence",
    ],
)
def test_no_list_of_towns_without_its_context(text):
    assert towns(text) == []


def test_a_civility_ends_the_list():
    assert towns("les communes de Bron et M. Octave Brunel") == ["Bron"]
    assert towns("il a résidé à Nantes puis à M. Octave Brunel") == ["Nantes"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("les communes de [Localité 1] et de Vénissieux", ["Vénissieux"]),
        ("il a résidé à [Localité 2] puis à Angers", ["Angers"]),
        ("le trajet entre [Localité 3] et Vitré", ["Vitré"]),
    ],
)
def test_a_list_may_start_with_a_town_already_replaced(text, expected):
    assert towns(text) == expected
