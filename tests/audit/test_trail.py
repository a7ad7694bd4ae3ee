import hashlib
import json
import os

import pytest

import judanon
from judanon.entities import Span
from judanon.errors import AuditFormatError
from word_detector import WordDetector


def KeywordDetector(words):
    return WordDetector(words, name="keywords", evidence="keyword:{label}")


KEY = os.urandom(32)
TEXT = "M. Tanguy Rivallan, demeurant 3 rue des Lices, et Me Ombeline Sarrazin, son avocat."
WORDS = {"Tanguy": "personnePhysique", "Rivallan": "personnePhysique",
         "3 rue des Lices": "adresse", "Ombeline Sarrazin": "professionnelAvocat"}


@pytest.fixture
def result():
    anon = judanon.Anonymizer(detectors=[KeywordDetector(WORDS)], audit_key=KEY)
    return anon.anonymize(TEXT, case_id="T-1")


def test_round_trip_exact(result):
    s = result.audit.to_json()
    assert judanon.AuditTrail.from_json(s) == result.audit
    assert judanon.AuditTrail.from_json(s).to_json() == s


def test_audit_content(result):
    d = json.loads(result.audit.to_json())
    assert d["schema_version"] == 3
    assert d["judanon_version"] == judanon.__version__
    # the original is represented by a keyed digest only
    assert len(d["input_hmac"]) == 64 and "input_sha256" not in d
    assert d["input_hmac"] != hashlib.sha256(TEXT.encode()).hexdigest() and len(d["key_id"]) == 16
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


# --- hash chain ---------------------------------------------------------------------

@pytest.fixture
def reviewed(result):
    first = result.review(reject=[result.entities[0].id], reviewer="Greffier A")
    return first.review(relabel={first.entities[0].id: "localite"}, reviewer="Greffier B")


def edited(trail, change):
    d = json.loads(trail.to_json())
    change(d)
    return judanon.AuditTrail.from_json(json.dumps(d))


def test_fresh_and_reviewed_trails_verify(result, reviewed):
    assert result.audit.verify(KEY) is True
    assert reviewed.audit.verify(KEY) is True
    assert judanon.AuditTrail.from_json(reviewed.audit.to_json()).verify(KEY) is True
    assert reviewed.audit.head == reviewed.audit.revisions[-1].digest


@pytest.mark.parametrize("change, message", [
    # an earlier version edited: its digest no longer matches
    (lambda d: d["revisions"][1]["before"][0].update(replacement="[Z]"), "revision 1 .*edited"),
    (lambda d: d["revisions"][0].update(actor="someone else"), "revision 0 .*edited"),
    (lambda d: d["revisions"][1].update(time="2020-01-01T00:00:00+00:00"), "revision 1 .*edited"),
    # the header (input digest, configuration) is covered by the first revision
    (lambda d: d["configuration"].update(omit=["adresse"]), "revision 0 .*edited"),
    (lambda d: d.update(input_hmac="0" * 64), "revision 0"),
    # revisions reordered or removed
    (lambda d: d["revisions"].reverse(), "revision 0 .*numbered"),
    (lambda d: d["revisions"].pop(1), "revision 1 .*numbered"),
    # current entities edited or reordered
    (lambda d: d["entities"][0].update(replacement="[Z]"), "revision 2 .*current entities"),
    (lambda d: d["entities"].reverse(), "revision 2 .*current entities"),
    (lambda d: d["entities"].pop(), "revision 2"),
    (lambda d: d["doubts"].append({"kind": "low-score", "entities": [], "detail": ""}), "doubts"),
])
def test_any_edit_breaks_the_chain(reviewed, change, message):
    with pytest.raises(judanon.AuditError, match=message):
        edited(reviewed.audit, change).verify(KEY)


def test_renumbered_revision_still_breaks(reviewed):
    def swap(d):
        d["revisions"][1], d["revisions"][2] = d["revisions"][2], d["revisions"][1]
        d["revisions"][1]["number"], d["revisions"][2]["number"] = 1, 2
    with pytest.raises(judanon.AuditError, match="revision 1 .*does not follow"):
        edited(reviewed.audit, swap).verify(KEY)


def test_schema_1_trail_reads_but_does_not_verify(result):
    d = json.loads(result.audit.to_json())
    d["schema_version"] = 1
    for key in ("doubts", "revisions", "input_hmac", "key_id"):
        del d[key]
    d["input_sha256"] = hashlib.sha256(TEXT.encode()).hexdigest()
    for r in d["entities"]:
        del r["id"]
    old = judanon.AuditTrail.from_json(json.dumps(d))
    assert [r.id for r in old.entities] == [e.id for e in result.entities]
    with pytest.raises(judanon.AuditError, match="no hash chain"):
        old.verify()


# --- Label export ------------------------------------------------------------------

def test_to_label_gives_label_annotations(result):
    annotations = result.audit.to_label()
    assert {tuple(sorted(a)) for a in annotations} == {("category", "certaintyScore", "entityId", "start", "text")}
    first = annotations[0]
    assert TEXT[first["start"]:first["start"] + len(first["text"])] == first["text"]
    assert first["entityId"].startswith(first["category"] + "_")
    assert [a["start"] for a in annotations] == [e.start for e in result.entities]


def test_to_label_after_json_needs_the_text(result):
    restored = judanon.AuditTrail.from_json(result.audit.to_json())
    with pytest.raises(judanon.AuditError, match="pass the decision's original text"):
        restored.to_label()
    assert restored.to_label(TEXT) == result.audit.to_label()
    with pytest.raises(judanon.AuditError, match="not the decision"):
        restored.to_label(TEXT + " ")
