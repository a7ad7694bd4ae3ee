import itertools

import pytest

from judanon import entities as E
from judanon.packs.fr.words import REPLACEMENT_FORMATS
from judanon.replace.pseudonymize import LETTERS, Pseudonymizer, letter_sequence, seed_for


def test_letters_never_use_q_and_are_all_distinct():
    seq = list(itertools.islice(letter_sequence("case:1"), 25 + 625))
    assert "Q" not in "".join(seq)
    assert len(set(seq)) == len(seq)
    assert sorted(seq[:25]) == sorted(LETTERS)
    assert all(len(s) == 2 for s in seq[25:])


def test_same_case_id_same_letters_other_case_id_other_order():
    a = list(itertools.islice(letter_sequence(seed_for("21-19.704", "x")), 25))
    b = list(itertools.islice(letter_sequence(seed_for("21-19.704", "other text")), 25))
    c = list(itertools.islice(letter_sequence(seed_for("22-10.001", "x")), 25))
    assert a == b
    assert a != c


def test_letters_do_not_follow_initials():
    # Over many cases, the first person's letter is spread over the alphabet,
    # whatever the person's name: it is a shuffle, not an initial.
    firsts = {Pseudonymizer(f"case:{i}").replacement(E.PERSONNE_PHYSIQUE, "dupont") for i in range(200)}
    assert len(firsts) > 15


def test_one_referent_one_replacement():
    p = Pseudonymizer("case:x", formats=REPLACEMENT_FORMATS)
    a = p.replacement(E.PERSONNE_PHYSIQUE, "dupont")
    b = p.replacement(E.PERSONNE_PHYSIQUE, "jean")
    assert a != b
    assert p.replacement(E.PERSONNE_PHYSIQUE, "dupont") == a
    assert p.replacement(E.ADRESSE, "1 rue a") == "[Adresse 1]"
    assert p.replacement(E.ADRESSE, "2 rue b") == "[Adresse 2]"
    assert p.replacement(E.ADRESSE, "1 rue a") == "[Adresse 1]"


@pytest.mark.parametrize("category, expected", [
    (E.LOCALITE, "[Localité 1]"),
    (E.DATE_NAISSANCE, "[Date naissance 1]"),
    (E.DATE_DECES, "[Date décès 1]"),
    (E.DATE_MARIAGE, "[Date mariage 1]"),
    (E.NUMERO_IDENTIFIANT, "[Numéro identifiant 1]"),
    (E.SIREN_SIRET, "[N° SIREN/SIRET 1]"),
    (E.EMAIL, "[Courriel 1]"),
    (E.CADASTRE, "[Cadastre 1]"),
    (E.IMMATRICULATION, "[Immatriculation 1]"),
    (E.TELEPHONE, "[XXXXXXXX01]"),
    (E.COMPTE_BANCAIRE, "[XXXXXXXXXX01]"),
    (E.SITE_WEB, "[01]"),
    (E.PERSONNE_MORALE, "[1]"),
    (E.ETABLISSEMENT, "[1]"),
])
def test_counter_formats(category, expected):
    assert Pseudonymizer("s", formats=REPLACEMENT_FORMATS).replacement(category, "k") == expected


def test_counters_continue_after_markers_already_in_the_text():
    p = Pseudonymizer("s", existing_text="né à [Localité 2], tél. [XXXXXXXX03], M. [B]",
                      formats=REPLACEMENT_FORMATS)
    assert p.replacement(E.LOCALITE, "x") == "[Localité 3]"
    assert p.replacement(E.TELEPHONE, "x") == "[XXXXXXXX04]"
    letters = {p.replacement(E.PERSONNE_PHYSIQUE, str(i)) for i in range(25)}
    assert "[B]" not in letters


def test_legal_entities_and_establishments_share_one_counter():
    p = Pseudonymizer("s", formats=REPLACEMENT_FORMATS)
    assert p.replacement(E.PERSONNE_MORALE, "a") == "[1]"
    assert p.replacement(E.ETABLISSEMENT, "b") == "[2]"


def test_a_category_without_a_format_gets_a_generic_counter():
    p = Pseudonymizer("s", formats={})
    assert p.replacement(E.ADRESSE, "a") == "[adresse 1]"
    assert p.replacement(E.ADRESSE, "b") == "[adresse 2]"
