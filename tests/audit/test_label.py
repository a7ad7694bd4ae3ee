"""Label interop: to_label exports annotations, from_label reads documents and treatments."""

import json

import pytest

import judanon
from word_detector import WordDetector

KEY = b"label import audit key, 32 b"
TEXT = ("Arrêt. M. Tanguy Rivallan, demeurant 3 rue des Lices à Vannes, contre Mme Solenn Quéméner, "
        "représentée par Me Hélène Vasseur. Conseiller : Mme Le Goff. RIVALLAN a signé.")


def span(surface, label, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(surface, start + 1)
    return {"start": start, "end": start + len(surface), "label": label, "text": surface}


def label_annotation(surface, category, nth=0, entity_id=None, score=1.0):
    s = span(surface, category, nth)
    return {"category": category, "entityId": entity_id or f"{category}_{surface.lower()}",
            "start": s["start"], "text": surface, "certaintyScore": score}


DOCUMENT = {  # the format of the fr-label data files (final annotations in "entities")
    "id": "x1", "documentNumber": 1, "text": TEXT,
    "categoriesToOmit": ["professionnelMagistratGreffier"],
    "entities": [span("Tanguy", "personnePhysique"), span("Rivallan", "personnePhysique"),
                 span("3 rue des Lices", "adresse"), span("Vannes", "localite"),
                 span("Solenn", "personnePhysique"), span("Quéméner", "personnePhysique"),
                 span("Hélène Vasseur", "professionnelAvocat"), span("Le Goff", "professionnelMagistratGreffier")],
}


def test_from_label_document():
    r = judanon.from_label(DOCUMENT, audit_key=KEY)
    assert [(e.start, e.end, e.label) for e in r.entities] == [
        (a["start"], a["end"], a["label"]) for a in DOCUMENT["entities"]]
    for surface in ("Tanguy", "Rivallan", "Lices", "Vannes", "Solenn", "Quéméner"):
        assert surface not in r.text
    assert "Me Hélène Vasseur" in r.text and "Mme Le Goff" in r.text  # lawyer, omitted category
    assert "RIVALLAN a signé" in r.text  # from_label replaces what Label annotated, nothing more
    assert "[Adresse 1] à [Localité 1]" in r.text
    assert r.audit.verify(KEY) and r.audit.revisions[0].action == "label-import"
    assert "Rivallan" not in r.audit.to_json()
    assert judanon.from_label(json.dumps(DOCUMENT), audit_key=KEY).text == r.text


def test_entity_ids_of_label_decide_the_referents():
    def replacements(second_id):
        doc = {"text": TEXT, "annotations": [
            label_annotation("Rivallan", "personnePhysique", entity_id="personnePhysique_rivallan"),
            label_annotation("Quéméner", "personnePhysique"),
            label_annotation("RIVALLAN", "personnePhysique", entity_id=second_id),
        ]}
        return {e.text: e.replacement for e in judanon.from_label(doc).entities}

    same = replacements("personnePhysique_rivallan")
    assert same["Rivallan"] == same["RIVALLAN"] != same["Quéméner"]
    # the reviewer said the capitalized mention is someone else (a namesake)
    apart = replacements("personnePhysique_rivallan-2")
    assert apart["Rivallan"] != apart["RIVALLAN"]


def test_entity_ids_do_not_leak_into_the_audit():
    doc = {"text": TEXT, "annotations": [
        label_annotation("Rivallan", "personnePhysique", entity_id="personnePhysique_tanguy rivallan"),
        label_annotation("RIVALLAN", "personnePhysique", entity_id="personnePhysique_tanguy rivallan")]}
    s = judanon.from_label(doc).audit.to_json()
    assert "tanguy" not in s.lower() and "rivallan" not in s.lower()


def test_treatments_become_revisions():
    nlp = [label_annotation("Tanguy", "personnePhysique", score=0.98),
           label_annotation("Rivallan", "personnePhysique", score=0.97),
           label_annotation("Vannes", "personnePhysique", score=0.6),      # wrong category
           label_annotation("Conseiller", "personnePhysique", score=0.4)]   # not a name
    review = {"before": [nlp[2], nlp[3]],
              "after": [label_annotation("Vannes", "localite"), label_annotation("RIVALLAN", "personnePhysique")]}
    treatments = [{"annotationsDiff": {"before": [], "after": nlp}, "source": "NLP"},
                  {"annotationsDiff": review, "source": "annotator", "lastUpdateDate": 1700000000000}]
    r = judanon.from_label({"text": TEXT, "categoriesToOmit": []}, treatments, audit_key=KEY)
    assert [rev.action for rev in r.audit.revisions] == ["label-import", "label-treatment", "label-treatment"]
    assert [rev.actor for rev in r.audit.revisions[1:]] == ["NLP", "annotator"]
    assert r.audit.revisions[2].time == "2023-11-14T22:13:20+00:00"
    assert r.audit.verify(KEY)
    assert [(e.text, e.label) for e in r.entities] == [
        ("Tanguy", "personnePhysique"), ("Rivallan", "personnePhysique"),
        ("Vannes", "localite"), ("RIVALLAN", "personnePhysique")]
    assert "Conseiller" in r.text and "[Localité 1]" in r.text
    rivallan = [e.replacement for e in r.entities if e.text.lower() == "rivallan"]
    assert rivallan[0] == rivallan[1]


def test_pre_annotate_review_in_label_and_take_it_back():
    anon = judanon.Anonymizer(detectors=[WordDetector({"Tanguy": "personnePhysique", "Rivallan": "personnePhysique",
                                                       "Arrêt": "personnePhysique"})])
    result = anon.anonymize(TEXT)
    annotations = result.audit.to_label()
    wrong = next(a for a in annotations if a["text"] == "Arrêt")
    document = {"text": TEXT, "annotations": annotations, "categoriesToOmit": []}
    treatment = {"annotationsDiff": {"before": [wrong], "after": [label_annotation("Quéméner", "personnePhysique")]},
                 "source": "annotator"}
    back = judanon.from_label(document, [treatment], audit_key=KEY)
    assert back.text.startswith("Arrêt.") and "Quéméner" not in back.text
    assert back.audit.verify(KEY)


@pytest.mark.parametrize("document, treatments, message", [
    ({"text": TEXT, "entities": [{"start": 0, "end": 5, "label": "localite", "text": "Autre"}]}, None,
     "does not match the text"),
    ({"text": TEXT}, [{"annotationsDiff": {"before": [label_annotation("Vannes", "localite")], "after": []}}],
     "does not hold"),
    ({"text": TEXT}, [{"source": "x"}], "annotationsDiff"),
    ({"texte": TEXT}, None, "'text'"),
    ("{not json", None, "not valid JSON"),
])
def test_bad_label_input(document, treatments, message):
    with pytest.raises(judanon.LabelFormatError, match=message):
        judanon.from_label(document, treatments)


def test_overlapping_annotations_keep_the_longer():
    doc = {"text": TEXT, "entities": [span("Solenn", "personnePhysique"),
                                      span("Solenn Quéméner", "personnePhysique")]}
    r = judanon.from_label(doc)
    assert [e.text for e in r.entities] == ["Solenn Quéméner"]
