"""Label interop of a decision's requests: to_label(document=True) writes Label's
motivationOccultation and additional terms, from_label reads and applies them."""

import pytest

import judanon
from judanon.errors import AuditError, LabelFormatError

MARKER = "[Motifs de la décision occultés]"
TEXT = ("COUR D'APPEL DE COLMAR\n\nCHAMBRE DE LA FAMILLE\n\nAPPELANT :\nM. Anatole Wetterwald, demeurant à Sélestat\n\n"
        "COMPOSITION DE LA COUR :\nMme Adèle Hirtz, présidente\n\nEXPOSÉ DU LITIGE\n\nM. Wetterwald élève seul sa "
        "fille Lison à Sélestat.\n\nMOTIFS DE LA DÉCISION\n\nL'intérêt de Lison commande de rejeter l'appel.\n\n"
        "PAR CES MOTIFS\n\nLa cour rejette l'appel de M. Wetterwald, domicilié à Sélestat.\n")


@pytest.fixture(scope="module")
def result():
    return judanon.Anonymizer(neural=False).anonymize(
        TEXT, case_id="RG 24/00311", hide_motivations=True, also_hide=["Sélestat"], keep_visible=["Adèle Hirtz"],
        instructions="Occulter Wetterwald. Occulter la date de naissance")


def test_to_label_document_carries_the_requests(result):
    doc = result.audit.to_label(document=True)
    assert doc["text"] == TEXT and doc["motivationOccultation"] is True
    assert doc["additionalTermsToAnnotate"] == ["Sélestat", "Wetterwald"]
    assert doc["additionalTermsToUnAnnotate"] == ["Adèle Hirtz"]
    assert doc["additionalTermsParsingFailed"] is True
    assert doc["categoriesToOmit"] == ["professionnelMagistratGreffier"]
    assert {a["category"] for a in doc["annotations"]} >= {"motivations", "personnePhysique"}
    # annotations alone, as before
    assert result.audit.to_label() == doc["annotations"]


def test_from_label_applies_them_and_comes_back_the_same(result):
    again = judanon.from_label(result.audit.to_label(document=True), case_id="RG 24/00311")
    assert again.text == result.text and again.text.count(MARKER) == 1
    assert "Sélestat" not in again.text and "Adèle Hirtz" in again.text
    assert [d.kind for d in again.doubts if d.kind == "instructions-unread"] == ["instructions-unread"]
    assert again.audit.label_fields() == result.audit.label_fields()


def test_from_label_reads_decision_metadata_and_free_text():
    document = {"text": TEXT, "annotations": [], "decisionMetadata": {
        "motivationOccultation": True, "additionalTermsToAnnotate": "Occulter le terme Sélestat",
        "categoriesToOmit": []}}
    r = judanon.from_label(document)
    assert r.text.count(MARKER) == 1 and "Sélestat" not in r.text and "Wetterwald" in r.text
    # the court's own reading of its free text, when Label gives it, is taken as it is
    document["decisionMetadata"]["computedAdditionalTerms"] = {
        "additionalTermsToAnnotate": ["Wetterwald"], "additionalTermsToUnAnnotate": []}
    r = judanon.from_label(document)
    assert "Wetterwald" not in r.text and "Sélestat" in r.text
    document["decisionMetadata"]["additionalTermsParsingFailed"] = True
    assert any(d.kind == "instructions-unread" for d in judanon.from_label(document).doubts)


def test_bad_requests_in_a_label_document():
    with pytest.raises(LabelFormatError, match="requests"):
        judanon.from_label({"text": TEXT, "annotations": [], "additionalTermsToUnAnnotate": ["personnePhysique"]})


def test_a_trail_read_back_holds_the_terms_only_in_plaintext(result):
    back = judanon.AuditTrail.from_json(result.audit.to_json())
    with pytest.raises(AuditError, match="audit_plaintext"):
        back.to_label(TEXT, document=True)
    plain = judanon.Anonymizer(neural=False, audit_plaintext=True).anonymize(TEXT, also_hide=["Sélestat"])
    back = judanon.AuditTrail.from_json(plain.audit.to_json())
    assert back.to_label(TEXT, document=True)["additionalTermsToAnnotate"] == ["Sélestat"]
    # a run that asked nothing exports empty fields
    bare = judanon.Anonymizer(neural=False).anonymize(TEXT)
    assert judanon.AuditTrail.from_json(bare.audit.to_json()).label_fields() == {
        "motivationOccultation": False, "additionalTermsToAnnotate": [], "additionalTermsToUnAnnotate": [],
        "additionalTermsParsingFailed": False}
