"""Every spelling variant of a replaced name is caught: first mentions, later mentions
(propagation), names cut by a line break; and the pipeline fails closed."""

import pytest
import regex

import judanon
from judanon.text import limits
import judanon.packs.fr as fr_pack
from judanon.detectors.regex import Pattern, RegexDetector
from judanon.entities import Span
from judanon.text.normalize import fold, normalize

VARIANTS = {
    "zero-width": "Dup\u200bont",
    "soft hyphen": "Du\u00adpont",
    "word joiner and bidi mark": "Du\u2060po\u200ent",
    "decomposed accent": "Dupo\u0302nt",
    "homoglyph": "Dup\u043ent",
    "fullwidth": "\uff24\uff55\uff50\uff4f\uff4e\uff54",
    "capitals": "DUPONT",
    "accent added": "Dupônt",
}


@pytest.fixture(scope="module")
def rules():
    return judanon.Anonymizer(neural=False)


def _left(published: str, name: str = "dupont") -> bool:
    """Whether ``name`` can still be read in ``published`` (after normalization)."""
    return name in fold(normalize(published).text)


@pytest.mark.parametrize("kind", sorted(VARIANTS))
def test_later_mention_in_any_variant_is_replaced(rules, kind):
    text = f"Entre M. Jean Dupont, demeurant à Lyon, et la société X. La cour entend {VARIANTS[kind]} sur ce point."
    r = rules.anonymize(text)
    assert not _left(r.text), kind
    mention = next(e for e in r.entities if e.start > text.index("entend"))
    assert mention.text == VARIANTS[kind] and mention.replacement is not None
    # one referent, one replacement
    first = next(e for e in r.entities if e.text == "Dupont")
    assert mention.replacement == first.replacement


@pytest.mark.parametrize("kind", sorted(VARIANTS))
def test_first_mention_in_any_variant_is_replaced(rules, kind):
    name = VARIANTS[kind]
    text = f"Entre M. Jean {name}, demeurant à Lyon, et la société X. La cour entend Dupont sur ce point."
    r = rules.anonymize(text)
    assert not _left(r.text), kind
    for e in r.entities:
        assert text[e.start:e.end] == e.text


@pytest.mark.parametrize("text", [
    "Entre M. Jean\nDupont, demeurant à Lyon, et la société X.",
    "Entre M. Jean\r\nDupont, demeurant à Lyon, et la société X.",
    "Entre M. Jean Dupon-\nt, demeurant à Lyon, et la société X.",
    "Entre M. Jean Dupon-\r\nt, demeurant à Lyon, et la société X.",
])
def test_names_across_line_breaks_rules_only(rules, text):
    r = rules.anonymize(text)
    assert "Jean" not in r.text and not _left(r.text)
    assert "Dupon" not in r.text and "\nt," not in r.text


def test_line_break_does_not_swallow_the_next_line(rules):
    r = rules.anonymize("Vu la requête de M. Dupont\nAttendu que la cour statue.")
    assert "Attendu que la cour statue." in r.text


def test_offsets_and_published_text_follow_the_original(rules):
    text = "M. Jean Du\u200bpont\r\n, né le 3 mars 1970, et M. DUP\u043eNT."
    r = rules.anonymize(text)
    for e in r.entities:
        assert text[e.start:e.end] == e.text
    assert r.audit.input_length == len(text)
    assert "\r\n" in r.text  # the published text is the original with replacements only


def test_detect_reports_offsets_into_the_original(rules):
    text = "M. Jean Du\u200bpont, né le 3 mars 1970."
    for s in rules.detect(text):
        assert 0 <= s.start < s.end <= len(text)
    assert any(text[s.start:s.end] == "Du\u200bpont" for s in rules.detect(text))


# --- fail closed -----------------------------------------------------------------------


class Exploding:
    name = "exploding"

    def detect(self, text):
        raise KeyError(text)  # the message of the original error quotes the text


def test_a_failing_detector_raises_anonymization_error_without_the_text():
    anon = judanon.Anonymizer(detectors=[fr_pack.regex_detector(), Exploding()])
    with pytest.raises(judanon.AnonymizationError) as exc:
        anon.anonymize("M. Jean Dupont est venu.")
    err = exc.value
    assert isinstance(err, judanon.DetectorError) and err.detector == "exploding"
    assert "exploding" in str(err) and "Dupont" not in str(err)
    assert err.__cause__ is None and err.__suppress_context__  # the traceback does not quote it


def test_catastrophic_pattern_times_out_and_names_the_detector():
    slow = Pattern("slow_pattern", "personnePhysique", regex.compile(r"(?:a|aa)+b"))
    anon = judanon.Anonymizer(detectors=[RegexDetector((slow,), name="hostile-regex")])
    with limits.document_deadline(0, seconds=0.2):
        with pytest.raises(judanon.AnonymizationError) as exc:
            anon.anonymize("a" * 60)
    assert exc.value.detector == "hostile-regex" and "time budget" in str(exc.value)


@pytest.mark.parametrize("detector", [
    fr_pack.regex_detector(),
    judanon.PersonContextDetector(judanon.packs.pack_words("fr").persons, judanon.packs.load_profile("fr").lexicon),
])
def test_every_rule_detector_runs_under_the_time_budget(detector):
    # the patterns that can backtrack (a street line, a name read leftwards from a court
    # title) run under the budget; the linear ones need none
    anon = judanon.Anonymizer(detectors=[detector])
    with limits.document_deadline(0, seconds=0.0):
        with pytest.raises(judanon.AnonymizationError, match="time budget"):
            anon.anonymize("M. Jean Dupont, 12 rue de la Paix 75001 Paris, 06 12 34 56 78. Anne DURAND, greffière.")


def test_a_detector_with_no_pattern_that_backtracks_needs_no_budget():
    # a dictionary splits words and compares gaps with linear patterns only (no timeout)
    anon = judanon.Anonymizer(detectors=[judanon.DictionaryDetector(["Dupont"])])
    with limits.document_deadline(0, seconds=0.0):
        result = anon.anonymize("M. Jean Dupont est venu.")
    assert [e.text for e in result.entities] == ["Dupont"]


def test_unknown_categories_are_refused_with_the_valid_ones():
    anon = judanon.Anonymizer(detectors=[])
    with pytest.raises(ValueError, match="personnePhysiqu") as exc:
        anon.anonymize("x", omit=["personnePhysiqu"])
    assert "personnePhysique" in str(exc.value).split("valid categories:")[1]
    with pytest.raises(ValueError, match="valid categories"):
        judanon.Anonymizer(detectors=[], keep_visible=["magistrat"])


def test_errors_are_importable_from_the_package():
    assert issubclass(judanon.DetectorError, judanon.AnonymizationError)
    assert issubclass(judanon.ModelNotFoundError, FileNotFoundError)
    assert issubclass(judanon.ModelLoadError, judanon.JudanonError)


def test_bad_span_from_a_detector_is_an_anonymization_error():
    class Outside:
        name = "outside"

        def detect(self, text):
            return [Span(0, len(text) + 5, "personnePhysique", "outside")]

    with pytest.raises(judanon.AnonymizationError, match="outside"):
        judanon.Anonymizer(detectors=[Outside()]).anonymize("abc")
