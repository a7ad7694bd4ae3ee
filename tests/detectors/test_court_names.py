"""A court member named with a title is that court member where the decision names it
again without one (``judanon.detectors.court_names``): court staff are not masked as
parties. Every sentence is written for these tests; the names are invented."""

from __future__ import annotations

import pytest

import judanon
from judanon.detectors.court_names import court_names_win
from judanon.detectors.persons import PersonContextDetector
from judanon.entities import MAGISTRAT_GREFFIER, PERSONNE_PHYSIQUE, Span
from judanon.packs import load_profile, pack_words

DETECTOR = PersonContextDetector(pack_words("fr").persons, load_profile("fr").lexicon)
RULES = judanon.Anonymizer(neural=False)


def labels(text):
    return [(text[s.start:s.end], s.label) for s in DETECTOR.detect(text)]


@pytest.mark.parametrize("text", [
    "Jugement rendu par Mme Garnier, présidente, assistée de Mme Roussel, greffière, Mme Roussel ayant signé la minute.",
    "Nous, Sophie Garnier, vice-présidente, assistée de Mme Inès Roussel, greffier, avons rendu l'ordonnance "
    "suivante. Mme Inès Roussel a procédé aux notifications.",
    "La minute a été signée par Inès Roussel, greffière, et par la présidente. Inès Roussel a ensuite notifié la "
    "décision aux parties.",
])
def test_a_clerk_named_again_without_title_stays_a_clerk(text):
    found = labels(text)
    assert ("Roussel", MAGISTRAT_GREFFIER) in found and ("Roussel", PERSONNE_PHYSIQUE) not in found
    assert RULES.anonymize(text).text.count("Roussel") == text.count("Roussel") == 2


@pytest.mark.parametrize("title", [
    "greffière principale", "secrétaire-greffière", "agent administratif faisant fonction de greffier",
    "greffière placée", "greffière des services judiciaires",
])
def test_titles_of_court_staff(title):
    text = f"Jugement rendu par Mme Garnier, présidente, assistée de Mme Inès Roussel, {title}."
    assert ("Roussel", MAGISTRAT_GREFFIER) in labels(text)
    assert "Inès Roussel" in RULES.anonymize(text).text


def test_a_clerk_in_the_quality_of():
    text = "Jugement rendu par Mme Garnier, présidente, assistée de Mme Inès Roussel en qualité de greffière."
    assert "Inès Roussel" in RULES.anonymize(text).text


def test_a_party_named_by_a_context_of_its_own_stays_a_party():
    # the party's own context (épouse, a role header) outweighs the clerk's surname
    text = ("Mme Léa Martin épouse Roussel a interjeté appel. Arrêt rendu par Mme Garnier, présidente, "
            "assistée de Mme Inès Roussel, greffière.")
    found = labels(text)
    assert ("Léa", PERSONNE_PHYSIQUE) in found and ("Martin", PERSONNE_PHYSIQUE) in found


def test_the_function_reads_labels_and_evidence_only():
    text = "Mme Inès Roussel, greffière. Mme Inès Roussel a signé. Mme Anne Morel a signé."
    spans = [Span(4, 8, MAGISTRAT_GREFFIER, "x", 0.9, "title"), Span(9, 16, MAGISTRAT_GREFFIER, "x", 0.9, "title"),
             Span(33, 37, PERSONNE_PHYSIQUE, "x", 0.9, "civility"), Span(38, 45, PERSONNE_PHYSIQUE, "x", 0.9, "civility"),
             Span(59, 63, PERSONNE_PHYSIQUE, "x", 0.9, "civility"), Span(64, 69, PERSONNE_PHYSIQUE, "x", 0.9, "civility")]
    out = court_names_win(text, spans, weak=("civility",))
    assert [(text[s.start:s.end], s.label) for s in out] == [
        ("Inès", MAGISTRAT_GREFFIER), ("Roussel", MAGISTRAT_GREFFIER), ("Inès", MAGISTRAT_GREFFIER),
        ("Roussel", MAGISTRAT_GREFFIER), ("Anne", PERSONNE_PHYSIQUE), ("Morel", PERSONNE_PHYSIQUE)]
    # evidence the caller does not call weak keeps the person
    assert court_names_win(text, spans, weak=()) == spans
