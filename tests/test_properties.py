"""Properties of the pipeline on generated decisions (hypothesis).

Each decision names parties of varied origins after a civility, gives a birth date, an
address, a phone number and an e-mail address, then mentions the parties again in
spellings that hide them from a naive match (invisible characters, decomposed accents,
look-alike or fullwidth letters, capitals). Examples are few and derandomized, so the
suite stays fast and every run checks the same decisions.
"""

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import judanon
from judanon.audit.check import check_publication
from judanon.pipeline import neural_available
from judanon.text.normalize import fold, normalize

FIRST_NAMES = ["Jean", "Hélène", "François", "Mamadou", "Łukasz", "João", "Fatima", "Anh", "Jean-Pierre",
               "Aïcha", "Giuseppe", "Ioana", "Björn", "Noémie"]
SURNAMES = ["Dupont", "Lefèvre", "Diallo", "Wójcik", "Gonçalves", "Benali", "Nguyen", "Kerbrat", "Okonkwo",
            "Popescu", "Rossi", "Castaño", "Brunellière", "Moreau"]
CIVILITIES = ["M.", "Mme", "Monsieur", "Madame"]
STREETS = ["rue des Tanneurs", "avenue du Général Leclerc", "boulevard Voltaire", "chemin des Vignes"]
TOWNS = [("44000", "Nantes"), ("35000", "Rennes"), ("69003", "Lyon"), ("13001", "Marseille")]
MONTHS = ["janvier", "mars", "juillet", "octobre"]

_HOMOGLYPHS = str.maketrans({"o": "\u043e", "a": "\u0430", "e": "\u0435", "c": "\u0441", "p": "\u0440"})


def _fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


@st.composite
def spelling(draw, name: str) -> str:
    """``name`` as a later mention may write it."""
    kind = draw(st.sampled_from(["plain", "capitals", "zero-width", "soft-hyphen", "decomposed", "homoglyph",
                                 "fullwidth", "joiner"]))
    cut = draw(st.integers(1, len(name) - 1))
    if kind == "capitals":
        return name.upper()
    if kind == "zero-width":
        return name[:cut] + "\u200b" + name[cut:]
    if kind == "soft-hyphen":
        return name[:cut] + "\u00ad" + name[cut:]
    if kind == "joiner":
        return name[:cut] + "\u2060\u200e" + name[cut:]
    if kind == "decomposed":
        return unicodedata.normalize("NFD", name)
    if kind == "homoglyph":
        return name[0] + name[1:].translate(_HOMOGLYPHS)
    if kind == "fullwidth":
        return _fullwidth(name)
    return name


@st.composite
def decisions(draw):
    people = draw(st.lists(st.tuples(st.sampled_from(FIRST_NAMES), st.sampled_from(SURNAMES)),
                           min_size=1, max_size=3, unique_by=lambda p: p[1]))
    lines = ["COUR D'APPEL", "", "ENTRE :", ""]
    for i, (first, last) in enumerate(people):
        civ = draw(st.sampled_from(CIVILITIES))
        surname = last.upper() if draw(st.booleans()) else last
        line = f"{civ} {first} {surname}"
        if i == 0:
            day, month, year = draw(st.integers(1, 28)), draw(st.sampled_from(MONTHS)), draw(st.integers(1940, 2000))
            number, street = draw(st.integers(1, 99)), draw(st.sampled_from(STREETS))
            postcode, town = draw(st.sampled_from(TOWNS))
            line += (f", né le {day} {month} {year}, demeurant {number} {street} {postcode} {town}, "
                     f"joignable au 06 {draw(st.integers(10, 99))} {draw(st.integers(10, 99))} "
                     f"{draw(st.integers(10, 99))} {draw(st.integers(10, 99))}")
        lines.append(line + ",")
    lines += ["", "ARRÊT :", ""]
    for first, last in people:
        mention = draw(spelling(last))
        civ = draw(st.sampled_from(CIVILITIES))
        lines.append(f"Attendu que {civ} {mention} a formé un recours ; que la cour entend {draw(spelling(last))}.")
    lines.append("Par ces motifs, la cour statue publiquement.")
    separator = draw(st.sampled_from(["\n", "\r\n"]))
    return separator.join(lines) + separator, people


KEY = b"the audit key of property tests."
RULES = judanon.Anonymizer(neural=False, audit_key=KEY)
FEW = settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def _words(text: str) -> set:
    return set(fold(normalize(text).text).replace("-", " ").split())


def _assert_properties(anon, text, people, case_id):
    # a fresh instance: an Anonymizer remembers the letters of the cases it has seen
    anon = type(anon)(detectors=anon.detectors, audit_key=KEY)
    r = anon.anonymize(text, case_id=case_id)
    # offsets lie in the text; replaced spans never overlap
    previous_end = 0
    for e in sorted(r.entities, key=lambda e: e.start):
        assert 0 <= e.start < e.end <= len(text) and text[e.start:e.end] == e.text
        if e.replacement is not None:
            assert e.start >= previous_end
            previous_end = e.end
    # no surface of a replaced entity anywhere in the published text, after normalization
    assert check_publication(r.text, r.audit, text, KEY) == []
    # the parties themselves are gone, whatever the spelling of each mention
    left = _words(r.text)
    for first, last in people:
        assert fold(last) not in left, last
    # deterministic for a case_id (another fresh instance), and the audit trail round-trips
    again = type(anon)(detectors=anon.detectors, audit_key=KEY).anonymize(text, case_id=case_id)
    assert again.text == r.text
    assert [(e.start, e.end, e.label, e.replacement) for e in again.entities] == \
        [(e.start, e.end, e.label, e.replacement) for e in r.entities]
    assert judanon.AuditTrail.from_json(r.audit.to_json()) == r.audit
    return r


@FEW
@given(decisions(), st.text(alphabet="0123456789-/", min_size=1, max_size=8))
def test_properties_rules_only(decision, case_id):
    text, people = decision
    _assert_properties(RULES, text, people, case_id)


@pytest.mark.skipif(not neural_available(), reason="needs the neural extra (flair)")
@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(decision=decisions())
def test_properties_default_pipeline(default_anonymizer, decision):
    text, people = decision
    _assert_properties(default_anonymizer, text, people, "21-19.704")


@FEW
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200))
def test_any_text_gives_a_consistent_publication(text):
    r = RULES.anonymize(text)
    for e in r.entities:
        assert text[e.start:e.end] == e.text
    assert check_publication(r.text, r.audit, text, KEY) == []
