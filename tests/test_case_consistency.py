"""Decisions of one case given the same case_id share letters: the same person keeps one."""

import pytest

import judanon
from word_detector import WordDetector

# The appeal decision and, later, the cassation ruling that reviews it: persons appear in
# another order, and the ruling names a person the appeal did not.
APPEAL = ("Cour d'appel. M. Tanguy Rivallan, appelant, contre Mme Solenn Quéméner, intimée, "
          "demeurant 3 rue des Lices. Témoin : M. Erwan Kervella.")
RULING = ("Cour de cassation. Mme Solenn Quéméner, demanderesse, contre M. Tanguy Rivallan, défendeur; "
          "M. Yann Le Bihan, intervenant. Adresse de Mme Quéméner : 3 rue des Lices.")
WORDS = {w: "personnePhysique" for w in ("Tanguy", "Rivallan", "Solenn", "Quéméner", "Erwan", "Kervella",
                                         "Yann", "Le Bihan")}
WORDS["3 rue des Lices"] = "adresse"


def letters(result):
    return {e.text: e.replacement for e in result.entities}


def test_same_case_id_shares_letters_across_two_texts():
    anon = judanon.Anonymizer(detectors=[WordDetector(WORDS)])
    appeal = letters(anon.anonymize(APPEAL, case_id="21-19.704"))
    ruling = letters(anon.anonymize(RULING, case_id="21-19.704"))
    for person in ("Tanguy", "Rivallan", "Solenn", "Quéméner"):
        assert appeal[person] == ruling[person], person
    assert ruling["3 rue des Lices"] == appeal["3 rue des Lices"] == "[Adresse 1]"
    # a person only the ruling names gets a letter nobody in the case has
    assert ruling["Le Bihan"] not in appeal.values() and ruling["Yann"] not in appeal.values()
    assert len(set(ruling.values())) == len(ruling)


def test_without_the_same_case_id_letters_follow_each_text():
    anon = judanon.Anonymizer(detectors=[WordDetector(WORDS)])
    appeal = letters(anon.anonymize(APPEAL, case_id="A"))
    ruling = letters(anon.anonymize(RULING, case_id="B"))
    assert [appeal[p] for p in ("Tanguy", "Rivallan")] != [ruling[p] for p in ("Tanguy", "Rivallan")]


def test_first_decision_of_a_case_is_as_before_and_repeatable():
    anon = judanon.Anonymizer(detectors=[WordDetector(WORDS)])
    first = anon.anonymize(APPEAL, case_id="C").text
    assert judanon.Anonymizer(detectors=[WordDetector(WORDS)]).anonymize(APPEAL, case_id="C").text == first
    anon.anonymize(RULING, case_id="C")
    assert anon.anonymize(APPEAL, case_id="C").text == first


def test_anonymizer_and_results_survive_pickling_with_their_case_letters():
    import pickle

    anon = judanon.Anonymizer(detectors=[WordDetector(WORDS)])
    appeal = anon.anonymize(APPEAL, case_id="K")
    copy = pickle.loads(pickle.dumps(anon))
    assert letters(copy.anonymize(RULING, case_id="K")) == letters(anon.anonymize(RULING, case_id="K"))
    # a pickled result is its values: it leaves out its review context (the original
    # text, the audit key), so it is reviewed in the process that made it
    restored = pickle.loads(pickle.dumps(appeal))
    assert (restored.text, restored.entities, restored.audit) == (appeal.text, appeal.entities, appeal.audit)
    with pytest.raises(judanon.ReviewError, match="cannot be reviewed"):
        restored.review(reject=[appeal.entities[0].id], reviewer="A")
    reviewed = appeal.review(reject=[appeal.entities[0].id], reviewer="A")
    assert reviewed.text != appeal.text
