"""The place policy: the seats of courts and public bodies stay visible, whatever a
detector proposes; the evaluation asks the same policy which gold mentions it sets apart."""

import json

import pytest

import judanon
from judanon.detectors.regex import Pattern, RegexDetector
from judanon.evaluation import evaluate, format_report
from judanon.packs.fr.addresses import VISIBLE_PLACE_PATTERNS
from judanon.resolve.policy import VisiblePlaces

import regex

SEATS = RegexDetector(VISIBLE_PLACE_PATTERNS)


def seats(text):
    return [text[s.start:s.end] for s in SEATS.detect(text)]


@pytest.mark.parametrize("text, town", [
    ("arrêt de la cour d'appel de Rennes du 3 mai", "Rennes"),
    ("la cour d’appel de Rennes", "Rennes"),
    ("TRIBUNAL\n JUDICIAIRE\n DE VANNES\n\nJUGEMENT", "VANNES"),
    ("Annexe TJ Lorient - rétentions", "Lorient"),
    ("avocat au barreau de QUIMPER, substituant", "QUIMPER"),
    ("le bâtonnier de l'ordre des avocats de Brest", "Brest"),
    ("requête de M. LE PREFET DU FINISTERE", "FINISTERE"),
    ("le préfet de la Seine-Saint-Denis a pris", "Seine-Saint-Denis"),
    ("PRÉFET DE POLICE DE PARIS", "PARIS"),
    ("la sous-préfète de Morlaix", "Morlaix"),
    ("centre de rétention administrative n°2 du Mesnil-Amelot (77)", "Mesnil-Amelot"),
    ("détenu à la maison d'arrêt de Nantes", "Nantes"),
    ("le bureau d’aide juridictionnelle de Lyon", "Lyon"),
    ("la CARSAT Bretagne a notifié", "Bretagne"),
    ("la CPAM du Morbihan", "Morbihan"),
    ("immatriculée au RCS de Lyon sous le numéro", "Lyon"),
    ("le juge des libertés et de la détention de BOULOGNE SUR MER", "BOULOGNE SUR MER"),
    ("entendu au commissariat de Pontivy", "Pontivy"),
])
def test_seats_of_public_bodies(text, town):
    assert seats(text) == [town]


def test_a_seat_stops_before_a_civility_and_the_next_institution():
    assert seats("la cour d'appel de Paris Monsieur Jean Dupont") == ["Paris"]
    # "greffe de la Cour d'appel de X": the seat is the court's, not "Cour"
    assert seats("au greffe de la Cour d'appel de Paris (Service)") == ["Paris"]


def test_towns_that_locate_a_party_are_no_seats():
    assert seats("demeurant 3 rue des Lilas à Vannes ; la commune de Lannion ; la ville de Brest") == []


def test_anonymizer_keeps_seats_visible_even_when_a_detector_proposes_them():
    text = "Arrêt de la cour d'appel de Rennes. M. Paul Morel demeure à Vannes."
    town_anywhere = RegexDetector([Pattern("any_town", "localite", regex.compile(r"Rennes|Vannes"))])
    result = judanon.Anonymizer(detectors=[town_anywhere]).anonymize(text)
    by_text = {e.text: e for e in result.entities}
    assert by_text["Rennes"].replacement is None
    assert by_text["Rennes"].visible_reason == "public-place"
    assert by_text["Vannes"].replacement == "[Localité 1]"
    assert "cour d'appel de Rennes" in result.text


def test_policy_never_keeps_a_person_visible():
    text = "la cour d'appel de Rennes Paul Morel"
    persons = RegexDetector([Pattern("p", "personnePhysique", regex.compile(r"Paul|Morel"))])
    result = judanon.Anonymizer(detectors=[persons]).anonymize(text)
    assert all(e.replacement for e in result.entities)


def test_policy_can_be_switched_off():
    text = "Arrêt de la cour d'appel de Rennes."
    town = RegexDetector([Pattern("any_town", "localite", regex.compile(r"Rennes"))])
    result = judanon.Anonymizer(detectors=[town], visible_places=()).anonymize(text)
    assert result.text == "Arrêt de la cour d'appel de [Localité 1]."
    assert not judanon.Anonymizer(detectors=[town], visible_places=()).kept_visible_places(text)


def test_kept_visible_places_and_the_audit_say_the_policy():
    anon = judanon.Anonymizer(neural=False)
    text = "Arrêt de la cour d'appel de Rennes."
    (start, end), = anon.kept_visible_places(text)
    assert text[start:end] == "Rennes"
    assert dict(anon.anonymize(text).audit.configuration)["visible_places"] is True


def test_visible_places_checks_containment():
    policy = VisiblePlaces(VISIBLE_PLACE_PATTERNS)
    text = "cour d'appel de Rennes"
    spans = policy.spans(text)
    assert policy.keeps(text, 16, 22, "localite", spans)
    assert not policy.keeps(text, 16, 22, "personnePhysique", spans)
    assert not policy.keeps(text, 0, 4, "localite", spans)


def _gold(tmp_path, text, mentions, omit=()):
    path = tmp_path / "gold.jsonl"
    entities = [{"start": text.index(s), "end": text.index(s) + len(s), "label": label, "text": s}
                for s, label in mentions]
    path.write_text(json.dumps({"id": "d1", "text": text, "entities": entities,
                                "categoriesToOmit": list(omit)}) + "\n", encoding="utf-8")
    return str(path)


def test_evaluation_sets_policy_mentions_apart(tmp_path):
    text = "Arrêt de la cour d'appel de Rennes. M. Paul Morel demeurant 3 rue des Lilas\n56000 Vannes."
    path = _gold(tmp_path, text, [("Rennes", "localite"), ("Paul", "personnePhysique"),
                                  ("Morel", "personnePhysique"), ("3 rue des Lilas", "adresse"),
                                  ("56000 Vannes", "localite")])
    report = evaluate(path, judanon.Anonymizer(neural=False))
    overall = report.overall()
    assert (overall.hide_total, overall.hide_covered) == (5, 4)  # strict: the seat leaks
    assert overall.leak_recall == pytest.approx(0.8)
    assert overall.policy_kept == 1 and overall.policy_kept_covered == 0
    assert overall.policy_leak_recall == 1.0
    assert [m[4] for m in report.policy_mentions] == ["Rennes"]
    shown = format_report(report, show_policy=True)
    assert "leak rec*" in shown and "d1\t28-34\tlocalite\tRennes" in shown
    assert report.to_dict()["policy_mentions"] == [["d1", 28, 34, "localite"]]


def test_masking_a_kept_seat_is_a_false_mask_in_policy_figures(tmp_path):
    text = "Arrêt de la cour d'appel de Rennes."
    path = _gold(tmp_path, text, [("Rennes", "localite")])
    town = RegexDetector([Pattern("any_town", "localite", regex.compile(r"Rennes"))])
    # an anonymizer that masks seats is still scored against its profile's policy
    masking = judanon.Anonymizer(detectors=[town], visible_places=())
    overall = evaluate(path, masking).overall()
    assert overall.mask_precision == 1.0          # strict: the mention was annotated
    assert overall.policy_mask_precision == 0.0   # adjusted: the policy keeps it visible


def test_cli_show_policy(tmp_path, capsys):
    from judanon import cli

    text = "Arrêt de la cour d'appel de Rennes."
    path = _gold(tmp_path, text, [("Rennes", "localite")])
    assert cli.main(["evaluate", path, "--no-neural", "--show", "policy"]) == 0
    out = capsys.readouterr().out
    assert "1 gold mentions that the place policy keeps visible" in out
    assert "localite\tRennes" in out


def test_the_neural_detector_never_overrides_the_place_policy():
    pytest.importorskip("flair")
    text = ("Arrêt de la cour d'appel de Rennes du 3 mai 2022. Vu la requête du préfet du Finistère. "
            "M. Paul Morel, demeurant 3 rue des Lilas 29200 Brest, avocat au barreau de Quimper.")
    result = judanon.Anonymizer(neural=True).anonymize(text)
    for seat in ("Rennes", "Finistère", "Quimper"):
        assert seat in result.text
    assert "Brest" not in result.text and "Morel" not in result.text
