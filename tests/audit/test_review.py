"""The review round trip: Result.review re-renders the decision and chains the diff."""

import json

import pytest

import judanon
from judanon.errors import ReviewError
from word_detector import WordDetector

KEY = b"review walkthrough key, 32 bytes"
TEXT = ("M. Tanguy Rivallan, demeurant 3 rue des Lices à Vannes, contre Mme Solenn Quéméner. "
        "Le Tribunal a entendu M. Rivallan. Plus tard, Quéméner et Kervella ont signé; Kervella est partie.")
WORDS = {"Tanguy": "personnePhysique", "Rivallan": "personnePhysique", "Solenn": "personnePhysique",
         "Quéméner": "personnePhysique", "3 rue des Lices": "adresse", "Tribunal": "personnePhysique"}


@pytest.fixture
def result():
    return judanon.Anonymizer(detectors=[WordDetector(WORDS)], audit_key=KEY).anonymize(TEXT, case_id="R-1")


def by_text(result, surface):
    return [e for e in result.entities if e.text == surface]


def test_entity_ids_are_stable_and_recorded(result):
    ids = [e.id for e in result.entities]
    assert len(set(ids)) == len(ids)
    assert [r.id for r in result.audit.entities] == ids
    again = judanon.Anonymizer(detectors=[WordDetector(WORDS)]).anonymize(TEXT, case_id="R-1")
    assert [e.id for e in again.entities] == ids


def test_reject_add_relabel(result):
    wrong = by_text(result, "Tribunal")[0]
    rivallan = by_text(result, "Rivallan")[0].replacement
    solenn = by_text(result, "Solenn")[0].replacement
    first_kervella = TEXT.index("Kervella")
    vannes = TEXT.index("Vannes")
    reviewed = result.review(reject=[wrong.id],
                             add=[(first_kervella, first_kervella + len("Kervella"), "personnePhysique"),
                                  (vannes, vannes + len("Vannes"), "localite")],
                             reviewer="Greffier Le Bihan")
    assert reviewed is not result and result.text.count("Tribunal") == 0  # the original is unchanged
    assert "Le Tribunal a entendu" in reviewed.text
    # every occurrence of the added name is replaced, with one new letter
    assert "Kervella" not in reviewed.text
    kervella = by_text(reviewed, "Kervella")
    assert len(kervella) == 2 and kervella[0].replacement == kervella[1].replacement
    used_before = {e.replacement for e in result.entities}
    assert kervella[0].replacement not in used_before
    assert "[Localité 1]" in reviewed.text
    # unchanged entities keep their replacements
    assert by_text(reviewed, "Rivallan")[0].replacement == rivallan
    assert by_text(reviewed, "Solenn")[0].replacement == solenn
    assert reviewed.text.startswith(f"M. {by_text(result, 'Tanguy')[0].replacement} {rivallan}, demeurant [Adresse 1] à [Localité 1]")


def test_relabel_and_accept(result):
    address = by_text(result, "3 rue des Lices")[0]
    reviewed = result.review(relabel={address.id: "localite"}, accept=True, reviewer="A")
    assert "[Localité 1]" in reviewed.text and "[Adresse 1]" not in reviewed.text
    assert set(reviewed.audit.revisions[-1].accepted) == {e.id for e in result.entities} - {address.id}


def test_diff_chain_and_time(result):
    wrong = by_text(result, "Tribunal")[0]
    reviewed = result.review(reject=[wrong.id], reviewer="Greffier Le Bihan")
    revs = reviewed.audit.revisions
    assert [r.action for r in revs] == ["anonymize", "review"]
    assert revs[1].previous == revs[0].digest
    assert revs[1].actor == "Greffier Le Bihan" and revs[1].time.endswith("+00:00")
    assert [r.id for r in revs[1].before] == [wrong.id] and revs[1].after == ()
    assert reviewed.audit.verify(KEY) is True
    second = reviewed.review(reject=[by_text(reviewed, "Solenn")[0].id], reviewer="B")
    assert second.audit.verify(KEY) is True and len(second.audit.revisions) == 3
    restored = judanon.AuditTrail.from_json(second.audit.to_json())
    assert restored == second.audit and restored.verify(KEY) is True


def test_review_diff_holds_no_surface(result):
    kervella = TEXT.index("Kervella")
    reviewed = result.review(reject=[by_text(result, "Tribunal")[0].id],
                             add=[(kervella, kervella + 8, "personnePhysique")], reviewer="A")
    s = reviewed.audit.to_json()
    for word in ("Tanguy", "Rivallan", "Solenn", "Quéméner", "Kervella", "Lices"):
        assert word not in s and word.lower() not in s.lower()
    revision = json.loads(s)["revisions"][1]
    assert revision["after"] and revision["before"]


def test_review_diff_in_plaintext_on_request():
    anon = judanon.Anonymizer(detectors=[WordDetector(WORDS)], audit_plaintext=True)
    result = anon.anonymize(TEXT)
    kervella = TEXT.index("Kervella")
    s = result.review(add=[(kervella, kervella + 8, "personnePhysique")], reviewer="A").audit.to_json()
    assert "Kervella" in s


def test_added_span_replaces_what_it_overlaps(result):
    start = TEXT.index("Solenn")
    reviewed = result.review(add=[(start, start + len("Solenn Quéméner"), "personnePhysique")], reviewer="A")
    assert [e.text for e in reviewed.entities if e.start == start] == ["Solenn Quéméner"]
    assert not by_text(reviewed, "Solenn")


@pytest.mark.parametrize("kwargs, message", [
    ({"reject": ["e0-1"]}, "no entity with id"),
    ({"reject": "e0-1"}, "list of entity ids"),
    ({"add": [(5, 2, "personnePhysique")]}, "not a span"),
    ({"add": [(0, 2, "nom")]}, "unknown category"),
    ({"add": [(0, 5, "localite"), (3, 8, "localite")]}, "overlap"),
    ({"relabel": {"e0-1": "localite"}}, "no entity with id"),
])
def test_bad_reviews_are_refused(result, kwargs, message):
    with pytest.raises(ReviewError, match=message):
        result.review(reviewer="A", **kwargs)


def test_review_needs_a_reviewer(result):
    with pytest.raises(ReviewError, match="reviewer"):
        result.review(reject=[result.entities[0].id])


def test_a_result_built_by_hand_cannot_be_reviewed(result):
    bare = judanon.Result(result.text, result.entities, result.audit)
    with pytest.raises(ReviewError, match="cannot be reviewed"):
        bare.review(reviewer="A")
