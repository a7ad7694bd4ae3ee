"""A judge's extra terms read from free text (judanon.text.instructions and judanon.structure, the French phrasing in
judanon/packs/fr/instructions.py)."""

import re

import pytest

from judanon.text import limits
from judanon.structure import NoInstructionWordsError, instruction_words, parse_instructions
from judanon.text.instructions import Instructions, InstructionWords
from judanon.packs import load_profile

# (instructions as a court might send them, terms to hide, terms to keep visible)
READABLE = [
    ("Occulter le terme Dunkerque", ["Dunkerque"], []),
    ('Occulter les termes "Dunkerque" et "Lille"', ["Dunkerque", "Lille"], []),
    ("Occulter les termes « Dunkerque » et « Lille ».", ["Dunkerque", "Lille"], []),
    ("Occulter les termes “Dunkerque” et “Lille”", ["Dunkerque", "Lille"], []),
    ("Ne pas occulter Marie Curie", [], ["Marie Curie"]),
    ("Dunkerque, Lille", ["Dunkerque", "Lille"], []),
    ("Dunkerque", ["Dunkerque"], []),
    ("- Dunkerque\n- Lille", ["Dunkerque", "Lille"], []),
    ("• Dunkerque\n• Lille\n• Roubaix", ["Dunkerque", "Lille", "Roubaix"], []),
    ("1) Dunkerque 2) Lille", ["Dunkerque", "Lille"], []),
    ("1. Dunkerque\n2. Lille", ["Dunkerque", "Lille"], []),
    ("Dunkerque ; Lille ; Roubaix", ["Dunkerque", "Lille", "Roubaix"], []),
    ("Occultation complémentaire : Dunkerque / Lille / Roubaix", ["Dunkerque", "Lille", "Roubaix"], []),
    ("Occulter les termes suivants : Dunkerque - Lille - Roubaix", ["Dunkerque", "Lille", "Roubaix"], []),
    ("Occulter :\n- Dunkerque\n- Lille\nNe pas occulter :\n- Paris", ["Dunkerque", "Lille"], ["Paris"]),
    ("Occulter Dunkerque. Ne pas occulter Lille.", ["Dunkerque"], ["Lille"]),
    ("Occulter Dunkerque, ne pas occulter Lille", ["Dunkerque"], ["Lille"]),
    ("Occulter Dunkerque mais pas Lille", ["Dunkerque"], ["Lille"]),
    ("Occulter Dunkerque et ne pas occulter Lille", ["Dunkerque"], ["Lille"]),
    ("Merci d'occulter également la ville de Dunkerque", ["Dunkerque"], []),
    ("Il convient d'anonymiser le nom de l'employeur (SARL Boulangerie Martin)", ["SARL Boulangerie Martin"], []),
    ("Prière d'occulter les noms suivants : Dunkerque ; Lille.", ["Dunkerque", "Lille"], []),
    ("Veuillez occulter la commune de Saint-Omer s'il vous plaît", ["Saint-Omer"], []),
    ("OCCULTER DUNKERQUE", ["DUNKERQUE"], []),
    ("occulter Dunkerque", ["Dunkerque"], []),
    ("Anonymiser : Dunkerque", ["Dunkerque"], []),
    ("Masquer le nom du village Saint-Pierre-des-Champs", ["Saint-Pierre-des-Champs"], []),
    ("Dunkerque, Lille : à occulter", ["Dunkerque", "Lille"], []),
    ("Lille (ne pas occulter)", [], ["Lille"]),
    ("Les termes Dunkerque et Lille doivent être occultés", ["Dunkerque", "Lille"], []),
    ("Les termes Lille et Roubaix ne doivent pas être occultés", [], ["Lille", "Roubaix"]),
    ("Maintenir l'occultation de Dunkerque", ["Dunkerque"], []),
    ("Laisser apparent le nom de la société Alpha", [], ["Alpha"]),
    ("Ne pas anonymiser la commune de Lille", [], ["Lille"]),
    ("Termes à ne pas occulter : Marie Curie, Institut Pasteur", [], ["Marie Curie", "Institut Pasteur"]),
    ("Occulter l'Institut Pasteur ; ne pas occulter l'hôpital Necker", ["Institut Pasteur"], ["Necker"]),
    ("Occulter le nom de M. Jean Dupont", ["Jean Dupont"], []),
    ("Occulter Mme Sandrine Lacombe et Me Paul Durand", ["Sandrine Lacombe", "Paul Durand"], []),
    ("Occulter le nom de l'ex-époux M. Jean DUPONT", ["Jean DUPONT"], []),
    ("Occulter Jean de La Fontaine et Marie Curie", ["Jean de La Fontaine", "Marie Curie"], []),
    ("Occulter la société Dupont et Fils ainsi que la commune de Saint-Omer", ["Dupont et Fils", "Saint-Omer"], []),
    ("Occulter La Rochelle et La Société Générale", ["La Rochelle", "La Société Générale"], []),
    ("Occulter les noms des enfants Léa et Hugo", ["Léa", "Hugo"], []),
    ("Occulter le prénom de l'enfant : Léa", ["Léa"], []),
    ("Occulter « La Ferme du Moulin » et le chien (Rex)", ["La Ferme du Moulin", "Rex"], []),
    ("Occulter 'Jeanne d'Arc' et Lille", ["Jeanne d'Arc", "Lille"], []),
    ("Occulter Dunkerque (lieu de résidence de l'enfant)", ["Dunkerque"], []),
    ("occulter DURAND et ses variantes", ["DURAND"], []),
    ("Occulter Dunkerque, Lille, etc.", ["Dunkerque", "Lille"], []),
    ("Occulter le numéro de téléphone 06 12 34 56 78", ["06 12 34 56 78"], []),
    ("Occulter l'adresse 12 rue des Lilas 59000 Lille", ["12 rue des Lilas 59000 Lille"], []),
    ("Occulter la parcelle cadastrée AB 123", ["AB 123"], []),
    ("Occulter Dunkerque\nOcculter DUNKERQUE", ["Dunkerque"], []),
    ("Occulter Dunkerque ou Lille", ["Dunkerque", "Lille"], []),
    ("Occulter le terme « ferme des 3 chênes »", ["ferme des 3 chênes"], []),
    ("Conserver Lille", [], ["Lille"]),
    ("Occulter\u00a0: Dunkerque", ["Dunkerque"], []),
    ("Occulter Dunkerque\r\nNe pas occulter Lille", ["Dunkerque"], ["Lille"]),
]


@pytest.mark.parametrize("text, hide, keep", READABLE)
def test_readable_instructions(text, hide, keep):
    result = parse_instructions(text)
    assert list(result.also_hide) == hide
    assert list(result.keep_visible) == keep
    assert result.doubts == () and not result.failed


@pytest.mark.parametrize("text", ["", "   \n  ", "Néant", "RAS", "Aucune", "Aucune occultation complémentaire",
                                  "Ne pas occulter : néant", "-", None])
def test_instructions_asking_nothing(text):
    assert parse_instructions(text) == Instructions()


# (instructions, terms to hide still read, how many doubts)
DOUBTFUL = [
    ("Occulter la date de naissance", [], 1),
    ("Occulter toutes les mentions relatives à la santé", [], 1),
    ("Occulter l'adresse du chantier et Dunkerque", ["Dunkerque"], 1),
    ("Occulter Dunkerque où réside actuellement la mère", ["Dunkerque"], 1),
    ("Occulter", [], 1),
    ("Occulter « Dunkerque", ["Dunkerque"], 1),
    ("Occulter Dunkerque\nNe pas occulter Dunkerque", ["Dunkerque"], 1),
    ("Occulter Jean Pierre Paul Jacques Marie Louise Anne Claire Sophie", [], 1),
    ("occulter dunkerque", [], 1),
    ("Occulter tous les noms sauf Lille", [], 1),
]


@pytest.mark.parametrize("text, hide, doubts", DOUBTFUL)
def test_what_cannot_be_read_is_a_doubt(text, hide, doubts):
    result = parse_instructions(text)
    assert list(result.also_hide) == hide
    assert len(result.doubts) == doubts and result.failed


def test_a_term_asked_both_ways_stays_hidden():
    result = parse_instructions("Occulter Dunkerque\nNe pas occulter Dunkerque")
    assert result.also_hide == ("Dunkerque",) and result.keep_visible == ()
    assert "stays hidden" in result.doubts[0]


def test_doubts_locate_the_unread_part_without_quoting_it():
    text = "Occulter Dunkerque\nOcculter l'adresse de Mme Lacombe à la campagne"
    result = parse_instructions(text)
    assert result.also_hide == ("Dunkerque", "Lacombe")
    (doubt,) = result.doubts
    assert "Lacombe" not in doubt and "campagne" not in doubt
    start, end = map(int, re.search(r"characters (\d+)-(\d+) \(line 2\)", doubt).groups())
    assert text[start:end] == "à la campagne"


def test_doubts_quote_the_unread_part_when_asked():
    (doubt,) = parse_instructions("Occulter la date de naissance", quote=True).doubts
    assert doubt.endswith(": 'la date de naissance'")


def test_doubt_offsets_are_those_of_the_original_text():
    text = "Ne pas\u200b occulter : Lille\nOcculter la date de naissance"
    (doubt,) = parse_instructions(text).doubts
    start, end = map(int, re.search(r"characters (\d+)-(\d+)", doubt).groups())
    assert text[start:end] == "la date de naissance"
    assert parse_instructions(text).keep_visible == ("Lille",)


def test_the_value():
    result = parse_instructions("Occulter Dunkerque ; ne pas occulter Lille")
    assert result.to_dict() == {"also_hide": ["Dunkerque"], "keep_visible": ["Lille"], "doubts": []}


def test_bad_input_is_refused_in_one_line():
    with pytest.raises(TypeError, match="free text"):
        parse_instructions(["Dunkerque"])
    with pytest.raises(TypeError, match="sequence of phrases"):
        InstructionWords(hide_phrases="occulter")


def test_the_french_pack_gives_its_phrasing_through_its_profile():
    assert load_profile("fr").instruction_words is not None
    assert instruction_words("fr") is instruction_words("fr")  # built once


def test_a_pack_without_phrasing_cannot_read_instructions():
    assert load_profile("ro").instruction_words is None
    with pytest.raises(NoInstructionWordsError, match="profile 'ro'.*also_hide"):
        parse_instructions("Dunkerque", profile="ro")


def test_words_of_ones_own_can_be_given():
    words = InstructionWords(hide_phrases=("redact",), keep_phrases=("do not redact",), connectors=("and",))
    result = parse_instructions("Redact Dover and Calais. Do not redact London", profile=words)
    assert result.also_hide == ("Dover", "Calais") and result.keep_visible == ("London",)


def test_every_pattern_runs_under_the_decisions_time_budget():
    with limits.document_deadline(10, seconds=0.0):
        with pytest.raises(TimeoutError):
            parse_instructions("Occulter le terme Dunkerque")
