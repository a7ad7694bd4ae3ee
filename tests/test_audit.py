import json

import pytest

import judanon
from judanon.entities import Span
from judanon.errors import AuditFormatError
from word_detector import WordDetector


def KeywordDetector(words):
    return WordDetector(words, name="keywords", evidence="keyword:{label}")


TEXT = "M. Tanguy Rivallan, demeurant 3 rue des Lices, et Me Ombeline Sarrazin, son avocat."
WORDS = {"Tanguy": "personnePhysique", "Rivallan": "personnePhysique",
         "3 rue des Lices": "adresse", "Ombeline Sarrazin": "professionnelAvocat"}


@pytest.fixture
def result():
    anon = judanon.Anonymizer(detectors=[KeywordDetector(WORDS)])
    return anon.anonymize(TEXT, case_id="T-1")


def test_round_trip_exact(result):
    s = result.audit.to_json()
    assert judanon.AuditTrail.from_json(s) == result.audit
    assert judanon.AuditTrail.from_json(s).to_json() == s


def test_audit_content(result):
    d = json.loads(result.audit.to_json())
    assert d["schema_version"] == 1
    assert d["judanon_version"] == judanon.__version__
    assert len(d["input_sha256"]) == 64
    assert d["detectors"] == [{"name": "keywords", "version": "1", "details": {}}]
    assert d["configuration"]["case_id"] == "T-1"
    decisions = {(r["category"], r["decision"]) for r in d["entities"]}
    assert ("professionnelAvocat", "visible") in decisions
    assert ("personnePhysique", "replaced") in decisions
    lawyer = next(r for r in d["entities"] if r["category"] == "professionnelAvocat")
    assert lawyer["reason"] == "always-visible" and lawyer["replacement"] is None
    person = next(r for r in d["entities"] if r["category"] == "personnePhysique")
    assert person["evidence"] == [{"detector": "keywords", "detail": "keyword:personnePhysique", "score": 0.9}]


def test_no_plaintext_personal_data_by_default(result):
    s = result.audit.to_json()
    for word in ("Tanguy", "Rivallan", "Lices", "Ombeline", "Sarrazin"):
        assert word not in s
        assert word.lower() not in s.lower()


def test_surface_hash_links_equal_surfaces_only():
    anon = judanon.Anonymizer(detectors=[KeywordDetector({"Rivallan": "personnePhysique",
                                                          "Tanguy": "personnePhysique"})])
    audit = anon.anonymize("Rivallan, Tanguy et RIVALLAN").audit
    hashes = [r.surface_hash for r in audit.entities]
    assert hashes[0] != hashes[1]


def test_plaintext_on_request():
    anon = judanon.Anonymizer(detectors=[KeywordDetector(WORDS)], audit_plaintext=True)
    s = anon.anonymize(TEXT).audit.to_json()
    assert "Rivallan" in s
    assert judanon.AuditTrail.from_json(s).to_json() == s


def test_list_entry_evidence_is_hashed():
    class ListDetector:
        name = "list"

        def detect(self, text):
            yield Span(0, 8, "personnePhysique", "list", 1.0, "Rivallan", 2)

    s = judanon.Anonymizer(detectors=[ListDetector()]).anonymize("Rivallan est là").audit.to_json()
    assert "Rivallan" not in s and "entry:" in s


def test_summary_has_no_personal_data(result):
    line = result.audit.summary()
    assert "\n" not in line
    assert "personnePhysique 2" in line
    assert "Rivallan" not in line


@pytest.mark.parametrize("bad", ["", "[]", "{}", '{"schema_version": 99}', "not json"])
def test_from_json_rejects_bad_input(bad):
    with pytest.raises(AuditFormatError):
        judanon.AuditTrail.from_json(bad)
