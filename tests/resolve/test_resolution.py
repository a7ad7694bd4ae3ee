"""The resolve stage: one entry point for the machine run, a review and a Label import,
driven by what spans declare (``Span.roles``), never by which detector made them."""

import ast
import re
from pathlib import Path

import pytest

import judanon
from judanon.detectors.companies import CompanyDetector
from judanon.entities import ANCHORED, GUESS, PARTY, PUBLIC_BODY, ROLES, Evidence, Span
from judanon.errors import ArgumentError
from judanon.packs.fr import companies as fr_companies
from judanon.resolve import Resolution, resolve
from judanon.resolve.candidates import Candidate

RULES = judanon.Anonymizer(neural=False)
COMPANIES = CompanyDetector(fr_companies.COMPANY_FORMS_BEFORE, fr_companies.COMPANY_FORMS_AFTER,
                            fr_companies.PUBLIC_BODIES, fr_companies.COMPANY_NAME_CONNECTORS,
                            fr_companies.COMPANY_NAME_STOPS, articles=fr_companies.COMPANY_NAME_ARTICLES)
LETTER = re.compile(r"\[[A-Z]{1,2}\]")


class Declaring:
    """A user's detector: ``surface`` at its ``nth`` occurrence, with the given roles."""

    name, version = "declaring", "1"

    def __init__(self, surface, label="personnePhysique", nth=-1, roles=frozenset(), specificity=2):
        self.surface, self.label, self.nth = surface, label, nth
        self.roles, self.specificity = frozenset(roles), specificity

    def detect(self, text):
        starts = [m.start() for m in re.finditer(re.escape(self.surface), text)]
        start = starts[self.nth]
        return [Span(start, start + len(self.surface), self.label, self.name, 0.9, "test", self.specificity,
                     self.roles)]


def entity_at(result, text, surface, nth=0):
    start = [m.start() for m in re.finditer(re.escape(surface), text)][nth]
    return next(e for e in result.entities if e.start == start)


# --- the party list -------------------------------------------------------------------

PARTY_TEXT = ("Mme Agnès ARS a saisi le tribunal. La demande de Mme ARS contre l'ARS Bretagne "
              "est rejetée.")


def test_a_partys_surname_is_a_person_beside_a_public_body_of_that_name():
    result = RULES.anonymize(PARTY_TEXT, parties=["Agnès ARS"])
    first, second, body = (entity_at(result, PARTY_TEXT, "ARS", n) for n in range(3))
    assert first.label == second.label == "personnePhysique"
    assert first.replacement == second.replacement and LETTER.fullmatch(first.replacement)
    assert "party_list" in first.source and "party_list" in second.source
    assert body.label == "personneMorale" and body.replacement != first.replacement
    assert result.text.startswith(f"Mme {entity_at(result, PARTY_TEXT, 'Agnès').replacement} "
                                  f"{first.replacement} a saisi")
    assert f"de Mme {first.replacement} contre l'{body.replacement} Bretagne" in result.text


def test_without_the_party_list_a_civility_alone_does_not_make_a_public_body_a_person():
    result = RULES.anonymize(PARTY_TEXT)
    assert {e.label for e in result.entities if e.text == "ARS"} == {"personneMorale"}


def test_the_party_list_alone_does_not_make_a_public_body_a_person():
    text = "La demande contre l'ARS Bretagne est rejetée."
    result = RULES.anonymize(text, parties=["Agnès ARS"])
    assert entity_at(result, text, "ARS").label == "personneMorale"


def test_the_party_list_declares_its_spans():
    from judanon.detectors.parties import PartyListDetector

    spans = PartyListDetector(["Agnès ARS"]).detect(PARTY_TEXT)
    assert spans and all(s.roles == {PARTY} for s in spans)


# --- declarations drive resolution ------------------------------------------------------

COMPANY_TEXT = "La société Morvan Frères a assigné Morvan en paiement."


@pytest.mark.parametrize("roles, kept", [((), False), ({ANCHORED}, True), ({PARTY}, True)])
def test_a_declared_anchor_keeps_a_company_word_as_a_person(roles, kept):
    anonymizer = judanon.Anonymizer([COMPANIES, Declaring("Morvan", roles=roles)], neural=False)
    result = anonymizer.anonymize(COMPANY_TEXT)
    last = [e for e in result.entities if e.text == "Morvan"]
    assert bool(last) == kept
    if kept:
        assert last[0].label == "personnePhysique" and LETTER.fullmatch(last[0].replacement)
        assert "a assigné Morvan" not in result.text
    else:
        assert "a assigné Morvan" in result.text  # a word of the company's name, not a person


@pytest.mark.parametrize("roles, kept", [({GUESS}, False), ((), True)])
def test_a_declared_guess_is_dropped_where_the_decision_writes_it_in_lowercase(roles, kept):
    text = "Absent\nLe prévenu, absent à l'audience, est jugé."
    anonymizer = judanon.Anonymizer([Declaring("Absent", nth=0, roles=roles, specificity=1)], neural=False)
    assert bool(anonymizer.anonymize(text).entities) == kept


@pytest.mark.parametrize("roles, label", [({PUBLIC_BODY}, "personneMorale"), ((), "personnePhysique")])
def test_a_declared_public_body_keeps_no_person_inside(roles, label):
    text = "L'office Kerbrat Conseil a payé."
    body = Declaring("Kerbrat Conseil", label="personneMorale", roles=roles, specificity=1)
    person = Declaring("Kerbrat", roles={ANCHORED})
    result = judanon.Anonymizer([body, person], neural=False).anonymize(text)
    assert entity_at(result, text, "Kerbrat").label == label


def test_shipped_detectors_declare_their_roles():
    from judanon.detectors.civility import CivilityDetector
    from judanon.detectors.persons import PersonContextDetector
    from judanon.packs import load_profile, pack_words

    persons = PersonContextDetector(pack_words("fr").persons, load_profile("fr").lexicon)
    assert all(s.roles == {ANCHORED} for s in persons.detect("M. Yann Morvan a payé."))
    assert all(s.roles == {ANCHORED} for s in CivilityDetector(["pan"]).detect("pan Kowalski"))
    bodies = [s for s in COMPANIES.detect("L'URSSAF contre la SARL Vernon.") if s.roles]
    assert [s.roles for s in bodies] == [{PUBLIC_BODY}]


def test_a_span_declares_no_role_by_default_and_refuses_unknown_ones():
    span = Span(0, 4, "personnePhysique", "mine", 0.9, "rule", 2)  # positional, as before
    assert span.roles == frozenset() and ROLES == {ANCHORED, GUESS, PARTY, PUBLIC_BODY}
    with pytest.raises(ArgumentError, match="unknown span role 'anchord'"):
        Span(0, 4, "personnePhysique", "mine", roles=frozenset({"anchord"}))
    with pytest.raises(ArgumentError, match="frozenset"):
        Span(0, 4, "personnePhysique", "mine", roles=(ANCHORED,))


def _detector_names():
    from judanon.detectors.parties import PartyListDetector
    from judanon.detectors.neural import FlairDetector
    from judanon.packs import available_profiles, detectors_of, load_profile

    names = {FlairDetector.name, PartyListDetector([]).name, CompanyDetector.name}
    for code in available_profiles():
        names.update(getattr(d, "name", "") for d in detectors_of(load_profile(code), False, None, False))
    return names - {""}


def test_resolution_names_no_detector():
    names = _detector_names()
    assert {"person-context", "party_list", "flair", "companies"} <= names
    folder = Path(judanon.__file__).parent / "resolve"
    for path in folder.glob("*.py"):
        strings = {node.value for node in ast.walk(ast.parse(path.read_text("utf-8")))
                   if isinstance(node, ast.Constant) and isinstance(node.value, str)}
        assert not strings & names, f"{path.name} names a detector: {sorted(strings & names)}"


# --- one entry point ----------------------------------------------------------------------


def candidate(text, surface, label="personnePhysique", nth=0, source="review"):
    start = [m.start() for m in re.finditer(re.escape(surface), text)][nth]
    return Candidate(start, start + len(surface), label, 3, 1.0, [Evidence(source, "", 1.0)])


def test_resolve_spreads_added_names_not_accepted_ones_and_never_over_blocked_places():
    text = "Le Goff contre Tanguy. Le Goff et Tanguy signent. Tanguy part."
    accepted = [candidate(text, "Le Goff")]
    added = [candidate(text, "Tanguy")]
    blocked = [(text.index("Tanguy signent"), text.index("Tanguy signent") + 6)]
    out = resolve(text, accepted=accepted, added=added, blocked=blocked)
    assert isinstance(out, Resolution) and not out.two_labels
    assert [text[c.start:c.end] for c in out.candidates] == ["Le Goff", "Tanguy", "Tanguy"]
    assert out.candidates[-1].start == text.rindex("Tanguy")
    assert len({key for key, _ in out.links[1:]}) == 1
    quiet = resolve(text, accepted=accepted, added=added, propagate_names=False)
    assert [text[c.start:c.end] for c in quiet.candidates] == ["Le Goff", "Tanguy"]


def test_resolve_keeps_decided_keys_and_masking_doubts():
    text = "Me Yann Morvan plaide. M. Morvan paie. Me Morvan signe."
    spans = [Span(3, 7, "professionnelAvocat", "mine", 1.0, "", 2, frozenset({ANCHORED})),
             Span(3, 14, "professionnelAvocat", "mine", 1.0, "", 2, frozenset({ANCHORED})),
             Span(text.index("Morvan paie"), text.index("Morvan paie") + 6, "personnePhysique", "mine", 1.0, "", 2)]
    out = resolve(text, spans, visible=lambda label: label == "professionnelAvocat")
    doubts = [doubt for _, doubt in out.links if doubt]
    assert out.two_labels and all("masking wins" in d for d in doubts) and doubts
    keyed = resolve(text, accepted=[candidate(text, "Morvan", nth=1), candidate(text, "Morvan", nth=2)],
                    propagate_names=False, keys={(text.index("Morvan paie"), text.index("Morvan paie") + 6): "x"})
    assert keyed.links[0] == ("x", None) and keyed.links[1][0] != "x"


# --- Label import and review: the same sequence -------------------------------------------

PL_TEXT = "Oskarżony Jan Kowalski nie stawił się. Sąd ustalił, że Kowalskiego widziano w domu."


def pl_document(**ids):
    entities = []
    for surface in ("Kowalski", "Kowalskiego"):
        start = PL_TEXT.index(surface + " " if surface == "Kowalski" else surface)
        entity = {"start": start, "end": start + len(surface), "label": "personnePhysique", "text": surface}
        if surface in ids:
            entity = {"category": "personnePhysique", "entityId": ids[surface], "start": start, "text": surface}
        entities.append(entity)
    key = "annotations" if ids else "entities"
    return {"text": PL_TEXT, key: entities}


def test_from_label_links_the_case_forms_of_a_name():
    result = judanon.from_label(pl_document(), profile="pl")
    nominative, genitive = result.entities
    assert nominative.replacement == genitive.replacement and nominative.link == genitive.link
    assert nominative.doubt is None and genitive.doubt is None
    # French declines no names: two surfaces, two persons
    french = judanon.from_label(pl_document(), profile="fr").entities
    assert french[0].replacement != french[1].replacement


def test_from_label_keeps_the_referents_label_decided():
    apart = judanon.from_label(pl_document(Kowalski="personnePhysique_a", Kowalskiego="personnePhysique_b"),
                               profile="pl").entities
    assert apart[0].replacement != apart[1].replacement


def test_a_review_finds_the_case_forms_of_an_added_name():
    text = "Sprawę wniósł Brzęczak z domu. Sąd wysłuchał Brzęczaka i oddalił wniosek."
    result = judanon.Anonymizer(profile="pl", neural=False).anonymize(text)
    assert "Brzęczak" not in {e.text for e in result.entities}
    start = text.index("Brzęczak")
    reviewed = result.review(add=[(start, start + 8, "personnePhysique")], reviewer="A")
    forms = [e for e in reviewed.entities if e.text.startswith("Brzęczak")]
    assert [e.text for e in forms] == ["Brzęczak", "Brzęczaka"]
    assert forms[0].replacement == forms[1].replacement
    assert "Brzęcz" not in reviewed.text
