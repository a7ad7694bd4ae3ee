"""One decision per referent, lists of relatives, initials and encoding artefacts
(rules only: sentences written for the project)."""

import pytest

import judanon
from judanon.resolve.candidates import Candidate
from judanon.resolve.masking import masking_wins
from judanon.entities import Evidence
from judanon.text.tokenize import normalize_token, tokenize

RULES = judanon.Anonymizer(neural=False)


def replaced(text, **kw):
    result = RULES.anonymize(text, **kw)
    return {e.text: e.replacement for e in result.entities if e.replacement}, result


# --- one decision per referent -----------------------------------------------------

def test_a_lawyer_who_is_a_party_is_masked_everywhere():
    text = ("Me Yannick LE GOFF, avocat au barreau de Rennes, se constitue pour lui-même. "
            "M. Yannick LE GOFF demande la condamnation de la société.")
    got, result = replaced(text)
    assert "LE GOFF" not in result.text and "Yannick" not in result.text
    letters = {e.replacement for e in result.entities if e.text == "LE GOFF"}
    assert len(letters) == 1  # one referent, one letter
    assert any(e.doubt and "masking wins" in e.doubt and "professionnelAvocat" in e.doubt for e in result.entities)


def test_a_court_member_sharing_only_a_first_name_stays_visible():
    text = ("Composition : Mme Marie DUPUIS, présidente. "
            "Mme Marie Leroy, demanderesse, contre M. Jean Garnier.")
    result = RULES.anonymize(text)
    assert "Marie DUPUIS" in result.text


def _cand(text, word, label):
    start = text.index(word)
    return Candidate(start, start + len(word), label, 2, 0.9, [Evidence("test", "", 0.9)])


def test_masking_wins_turns_the_visible_run_into_person_parts():
    text = "Mme Anne KERBRAT, greffière. Condamne Anne KERBRAT aux dépens."
    second = text.rindex("KERBRAT")
    candidates = [_cand(text, "Anne", "professionnelMagistratGreffier"),
                  _cand(text, "KERBRAT", "professionnelMagistratGreffier"),
                  Candidate(second, second + 7, "personnePhysique", 1, 0.9, [Evidence("test", "", 0.9)])]
    out, changed = masking_wins(text, candidates, lambda label: label == "professionnelMagistratGreffier")
    assert set(changed.values()) == {"professionnelMagistratGreffier"}
    assert {(text[c.start:c.end], c.label) for c in out} == {
        ("Anne", "personnePhysique"), ("KERBRAT", "personnePhysique")}
    assert len(changed) == 2


def test_masking_wins_does_nothing_when_persons_stay_visible():
    text = "Mme Anne KERBRAT, greffière. Condamne KERBRAT."
    candidates = [_cand(text, "KERBRAT", "professionnelMagistratGreffier")]
    out, changed = masking_wins(text, candidates, lambda label: True)
    assert out == candidates and not changed


# --- lists ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, names", [
    ("Mme Sophie Garnier et leurs enfants Léa, Tom et Inès ont saisi le tribunal.", ["Léa", "Tom", "Inès"]),
    ("Leurs enfants Maël et Enzo vivent chez leur mère.", ["Maël", "Enzo"]),
    ("ses héritiers Aurélien, Nolwenn et Gwenaël ont accepté.", ["Aurélien", "Nolwenn", "Gwenaël"]),
])
def test_names_listed_after_a_family_word(text, names):
    got, result = replaced(text)
    for name in names:
        assert name in got, name
        assert name not in result.text


# --- initials ------------------------------------------------------------------------

@pytest.mark.parametrize("text, hidden", [
    ("Le témoin T a déclaré que Mme B. était présente.", ["T", "B"]),
    ("Selon la victime V, l'auteur a fui.", ["V"]),
    ("J.-P. M. a confirmé les faits.", ["J.-P", "M"]),
    ("L'enfant L., née en 2015, vit chez sa mère.", ["L"]),
    ("Le requérant, M. A.B., et Mme C.D. ont saisi la Cour.", ["A.B", "C.D"]),
])
def test_persons_named_by_an_initial(text, hidden):
    got, _ = replaced(text)
    assert sorted(got) == sorted(hidden)


@pytest.mark.parametrize("text", [
    "Selon l'article L. 1234-5 du code du travail et l'article R. 442-1.",
    "M. X se disant Paul est entendu.",  # X is a placeholder, not an initial
    "Vu les articles L. R. du code.",
    "C/ S.C.P. Marie Alexandre, notaires ; la S.A.R.L. Dupont.",
])
def test_references_and_placeholders_are_no_initials(text):
    result = RULES.anonymize(text)
    assert not any(e.text in ("L", "R", "X", "L. R", "S.C.P", "S.A.R.L") for e in result.entities if e.replacement)


# --- encoding artefacts --------------------------------------------------------------

def test_a_lost_letter_is_part_of_the_name_whatever_its_form():
    text = ("M. Hél\ufffdne Dupont est venu. Plus tard, Hél\ufffdne Dupont a signé. "
            "HÉL\ufffdNE DUPONT aussi, et Hél¿ne.")
    got, result = replaced(text)
    assert "Hél" not in result.text and "HÉL" not in result.text
    assert len({e.replacement for e in result.entities if e.text.lower().startswith("hél")}) == 1


def test_the_tokenizer_keeps_a_lost_letter_inside_its_word():
    tokens = [t.text for t in tokenize("Mme Hél¿ne et Hél\ufffdne")]
    assert tokens == ["Mme", "Hél¿ne", "et", "Hél\ufffdne"]
    assert normalize_token("Hél\ufffdne") == "Hél¿ne"


def test_breton_names_keep_their_c_h():
    got, result = replaced("M. Yann Guivarc'h et Mme Anne Le Floc’h ont signé. Guivarc'h a payé.")
    assert "'h" not in result.text and "’h" not in result.text
    assert {"Guivarc'h", "Le Floc’h"} <= set(got)


def test_a_list_of_three_full_names_with_no_anchor_names_persons():
    got, result = replaced("les faits d'enlèvement de Gwenola Trébaol, Erwan Quéméner et Loïc Kergoat "
                           "dont il a été reconnu coupable.")
    assert {"Gwenola", "Trébaol", "Erwan", "Quéméner", "Loïc", "Kergoat"} <= set(got)


def test_lists_of_towns_or_companies_are_no_lists_of_persons():
    result = RULES.anonymize("les villes de Saint Denis, Saint Ouen et Saint Cloud ; "
                             "les banques Crédit Agricole, Caisse Régionale et Banque Populaire.")
    assert not [e for e in result.entities if e.label == "personnePhysique"]


def test_masking_wins_is_a_category_conflict_for_the_reviewer():
    text = ("Me Yannick LE GOFF, avocat au barreau de Rennes, se constitue pour lui-même. "
            "M. Yannick LE GOFF demande la condamnation de la société.")
    result = RULES.anonymize(text)
    conflicts = [d for d in result.doubts if d.kind == "category-conflict"]
    assert conflicts and all("masking wins" in d.detail for d in conflicts)
    assert "LE GOFF" not in result.audit.to_json()


def test_a_bank_word_is_no_name_and_residence_verbs_announce_a_town():
    got, result = replaced("M. Jean Dupont, IBAN FR76 3000 6000 0112 3456 7890 189, demeure à Lorient ; "
                           "sa mère vit à Quimperlé.")
    assert "IBAN" in result.text and "IBAN" not in got
    assert "Lorient" in got and "Quimperlé" in got


def test_a_name_in_apposition_after_a_party_role_is_a_person():
    got, result = replaced("Le requérant, Ahmet Yılmaz, est né en 1970. L'intimée, Oksana Hrytsenko "
                           "(« l'intimée »), conteste. Le demandeur, Pôle emploi, soutient.")
    assert {"Ahmet", "Yılmaz", "Oksana", "Hrytsenko"} <= set(got)
    assert "Pôle emploi" not in {e.text for e in result.entities if e.label == "personnePhysique"}


def test_a_listed_public_body_is_never_a_person():
    result = RULES.anonymize("4°/ à l'UNEDIC, délégation AGS-CGEA de Rennes, dont le siège est à Rennes.",
                             omit={"personneMorale"})
    assert not [e for e in result.entities if e.label == "personnePhysique" and "AGS" in e.text]
