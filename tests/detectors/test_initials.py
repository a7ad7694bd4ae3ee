"""InitialsDetector: persons named by initials, without a civility, the way translated
judgments of the European Court of Human Rights name agents and witnesses. Every
sentence is written for these tests; the names are invented."""

from __future__ import annotations

import pickle

import pytest

from judanon.detectors.initials import InitialsDetector
from judanon.entities import PERSONNE_PHYSIQUE
from judanon.packs import load_profile, pack_words

WORDS = pack_words("fr")
DETECTOR = InitialsDetector(WORDS.persons, load_profile("fr").lexicon, WORDS.initial_designators)


def names(text):
    return [text[s.start:s.end] for s in DETECTOR.detect(text) if s.label == PERSONNE_PHYSIQUE]


@pytest.mark.parametrize("text, expected", [
    ("Les agents du Gouvernement étaient G. Berry, ministère de la Santé, et A.-M. Dubreuil, ministère de "
     "l'Intérieur.", ["G", "Berry", "A.-M", "Dubreuil"]),
    ("assistée de F. Le Goasguen et P. Guyomard, ministère de l'Intérieur", ["F", "Le Goasguen", "P", "Guyomard"]),
])
def test_an_initial_before_a_surname(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "M. F. Alabrune, directeur des affaires juridiques",        # a civility: the person grammar reads it
    "Me T. Ghali, avocat à Rennes",                                # a lawyer
    "\nC. Appréciation de la Cour",                                # a heading
    "le TJ hors JAF, JEX, JLD, J. EXPRO, JCP de Rennes",          # an abbreviation in capitals
    "Vu l'article L. Dupont-Aignan",                               # a reference word before
    "12 rue V. Hugo",
])
def test_no_person_from_an_initial_in_these(text):
    assert [n for n in names(text) if n not in ("V", "Hugo")] == []


def test_an_initial_in_brackets_is_a_person_a_marker_is_not():
    text = "La mère du requérant, [ L. ], saisit le procureur. [ L. ] affirma que son fils avait été frappé ; [K] aussi."
    assert names(text) == ["L", "L"]


@pytest.mark.parametrize("text, expected", [
    ("Entendu le lendemain, le témoin K déclara l'avoir vu. Selon K., il portait une veste. K. fut entendu "
     "une seconde fois.", ["K", "K", "K"]),
    ("Le 3 septembre, Mme W. fut placée en garde à vue. W. soutint qu'elle ignorait tout.", ["W", "W"]),
    ("Un témoin, T., déclara que le brigadier avait frappé le requérant. T. maintint ses déclarations.",
     ["T", "T"]),
    ("Les policiers mis en cause, R. et S., furent entendus. R. contesta avoir porté des coups.", ["R", "S", "R"]),
])
def test_an_initial_naming_a_person_is_found_where_it_stands_alone(text, expected):
    assert names(text) == expected


def test_designators_references_and_headings_are_no_persons():
    text = ("Le témoin B déclara avoir vu le requérant.\nB. Les faits de l'espèce\nL'annexe B du rapport, le "
            "bâtiment B et l'article B. 12 ; la catégorie B. M. X fut entendu ; X. signa.")
    assert names(text) == ["B"]


def test_the_french_pack_runs_it_and_it_pickles():
    from judanon.packs import detectors_of

    assert any(isinstance(d, InitialsDetector) for d in detectors_of(load_profile("fr"), False, None, False))
    text = "le témoin K déclara ; selon K., il faisait nuit."
    assert [s for s in pickle.loads(pickle.dumps(DETECTOR)).detect(text)] == DETECTOR.detect(text)
