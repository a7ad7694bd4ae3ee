"""Firms after ``SCP``, ``SELARL`` or ``cabinet``: a law firm named as counsel stays
counsel wherever the decision names it again (``judanon.detectors.firm_names``), and a
trade name is no person's name. Every sentence is written for these tests; the names
are invented."""

from __future__ import annotations

import pytest

import judanon
from judanon.detectors.firm_names import counsel_firms_win
from judanon.entities import AVOCAT, PERSONNE_PHYSIQUE, Span

RULES = judanon.Anonymizer(neural=False)

COUNSEL = ("Sur le rapport de Mme Sommé, conseiller, les observations de la SCP Le Guerec, Vexin-Brochard, "
           "avocat de M. Édouard Lamy, et après débats.\nEn application de l'article 700 du code de procédure "
           "civile, condamne la société Presse Morvan à payer à la SCP Le Guerec, Vexin-Brochard la somme de 3 000 "
           "euros. Rejette la demande de la SCP Le Guerec, Vexin-Brochard pour le surplus.")


def persons(result):
    return [e.text for e in result.entities if e.label == "personnePhysique" and e.replacement]


def test_a_law_firm_named_as_counsel_stays_counsel_when_named_again(default_anonymizer):
    for anonymizer in (RULES, default_anonymizer):
        result = anonymizer.anonymize(COUNSEL)
        assert result.text.count("SCP Le Guerec, Vexin-Brochard") == 3
        assert persons(result) == ["Édouard", "Lamy"]


@pytest.mark.parametrize("text", [
    # a word that is no name after the partners' names: a trade name
    "La SELARL Arvalis Conseil a déclaré la créance. Selon la SELARL Arvalis Conseil, la créance est fondée.",
    # a company form before a name and a function after it: the company is the mandataire
    "La SELARL MJ SYNERGIE, mandataire judiciaire, a régularisé la déclaration. La SELARL MJ SYNERGIE "
    "a été désignée.",
    "Le cabinet Morvan Expertises a été désigné. Selon le rapport du cabinet Morvan Expertises, les "
    "désordres sont apparus en 2019.",
])
def test_trade_names_after_firm_forms_are_no_persons(text, default_anonymizer):
    assert persons(RULES.anonymize(text)) == []
    assert persons(default_anonymizer.anonymize(text)) == []


def test_a_firm_named_after_its_partners_still_names_persons():
    text = ("La SCP Bernardin Lagarde, commissaires de justice associés, a signifié l'acte à M. Paul Kerbrat. "
            "La SCP Bernardin Lagarde a dressé un procès-verbal.")
    assert {"Bernardin", "Lagarde"} <= set(persons(RULES.anonymize(text)))


@pytest.mark.parametrize("text", [
    "C/\n\nS.C.P. Kerzoual Abhanic NOTAIRE ASSOCIE\n\nRÉPUBLIQUE FRANÇAISE",
    "L'acte a été reçu par la SCP Kerzoual Abhanic Notaire, à Quimper.",
    "L'acte a été reçu par la S.C.P. Kerzoual Abhanic Notaires Associés, à Quimper.",
])
def test_partners_followed_by_their_function_are_persons(text):
    # names no list knows: only the firm form and the function after them tell partners
    assert persons(RULES.anonymize(text)) == ["Kerzoual", "Abhanic"]


def test_the_function_reads_labels_and_evidence_only():
    text = "de la SCP Vexin et Morvan, avocat de M. X ; payer à la SCP Vexin et Morvan la somme"
    firm = text.index("Vexin")
    again = text.index("Vexin", firm + 1)
    spans = [Span(firm, firm + 15, AVOCAT, "x", 0.9, "law_firm"),
             Span(again, again + 5, PERSONNE_PHYSIQUE, "x", 0.6, "firm_partner", 1),
             Span(again + 9, again + 15, PERSONNE_PHYSIQUE, "x", 0.6, "firm_partner", 1)]
    out = counsel_firms_win(text, spans, "law_firm", "firm_partner")
    assert [(text[s.start:s.end], s.label, s.evidence) for s in out] == [
        ("Vexin et Morvan", AVOCAT, "law_firm"), ("Vexin et Morvan", AVOCAT, "law_firm_again")]


@pytest.mark.parametrize("text", [
    "La SELARL Kerzoual Gestion a déclaré la créance.",
    "La SCP Kerzoual Expertise a déposé son rapport.",
])
def test_a_common_word_among_a_firm_s_names_makes_a_trade_name(text):
    assert persons(RULES.anonymize(text)) == []
