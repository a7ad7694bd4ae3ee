"""Companies and public bodies: found from their legal form or name, never taken for
persons elsewhere in the decision unless a person context says so."""

import pytest

import judanon
from judanon.detectors.companies import CompanyDetector
from judanon.entities import ANCHORED, GUESS, Span
from judanon.packs.fr import companies as fr
from judanon.resolve.companies import drop_company_words

DETECTOR = CompanyDetector(fr.COMPANY_FORMS_BEFORE, fr.COMPANY_FORMS_AFTER, fr.PUBLIC_BODIES,
                           fr.COMPANY_NAME_CONNECTORS, fr.COMPANY_NAME_STOPS, articles=fr.COMPANY_NAME_ARTICLES)
RULES = judanon.Anonymizer(neural=False)


def names(text):
    return [text[s.start:s.end] for s in DETECTOR.detect(text)]


@pytest.mark.parametrize("text, expected", [
    ("La SCI Les Terrasses des Alpes a vendu.", ["Les Terrasses des Alpes"]),
    ("la société Vernon Distribution soutient", ["Vernon Distribution"]),
    ("l'association Les Amis du Rail et Monsieur Jean Morel", ["Les Amis du Rail"]),
    ("Vernon Distribution SARL, représentée par son gérant", ["Vernon Distribution"]),
    ("la SELARL KERVELLA CONSEIL, prise en la personne", ["KERVELLA CONSEIL"]),
    ("la société B.D.G. Quimper a consenti", ["B.D.G. Quimper"]),
    ("La S.A.S. KORRIGAN\nboulevard de la Mer", ["KORRIGAN"]),
    ("l'URSSAF et la CARSAT Bretagne", ["URSSAF", "CARSAT"]),
])
def test_company_names(text, expected):
    assert names(text) == expected


def test_lowercase_words_are_no_forms_of_companies():
    # "sa" is a possessive, "la société" alone names nobody, a sentence is no name
    assert names("sa société n'a pas payé ; la société appelante ; mise en liberté d'office. Il fait") == []


def test_a_company_word_alone_is_no_person():
    text = ("La société Kerhervé Distribution soutient que Kerhervé n'a pas payé. "
            "M. Yann Morvan conteste.")
    guess = [Span(text.index("Kerhervé n'"), text.index("Kerhervé n'") + 8, "personnePhysique", "flair", 0.9,
                  roles=frozenset({GUESS}))]
    start = text.index("Kerhervé Distribution")
    company = [Span(start, start + len("Kerhervé Distribution"), "personneMorale", "companies", 0.9, specificity=1)]
    kept, confined = drop_company_words(text, guess + company)
    assert [s.label for s in kept] == ["personneMorale"]


def test_a_person_context_anchors_a_company_word():
    text = "La société Morvan Frères contre M. Morvan."
    civ = Span(text.rindex("Morvan"), text.rindex("Morvan") + 6, "personnePhysique", "person-context", 0.95,
               roles=frozenset({ANCHORED}))
    company = Span(11, 24, "personneMorale", "companies", 0.9, specificity=1)
    kept, _ = drop_company_words(text, [civ, company])
    assert civ in kept


def test_a_guess_inside_a_company_name_stays_but_does_not_spread():
    text = "la société Ouest Training Center puis Training a payé."
    inside = Span(17, 25, "personnePhysique", "flair", 0.97, roles=frozenset({GUESS}))
    company = Span(11, 32, "personneMorale", "companies", 0.9, specificity=1)
    kept, confined = drop_company_words(text, [inside, company])
    assert inside in kept and (17, 25) in confined
    from judanon.resolve.propagation import propagate
    from judanon.resolve.overlaps import resolve_overlaps

    spread = propagate(text, resolve_overlaps(text, kept), confined)
    assert [text[c.start:c.end] for c in spread if c.label == "personnePhysique"] == ["Training"]


def test_a_persons_name_inside_a_company_name_wins():
    # names that the lexicon knows, inside a company's name, stay persons
    result = RULES.anonymize("La société Jean Dupont et M. Paul Morel.")
    persons = [e.text for e in result.entities if e.label == "personnePhysique"]
    assert "Dupont" in persons and "Morel" in persons


def test_company_names_stay_visible_when_omitted():
    text = "La SCI Les Tilleuls a vendu à M. Paul Morel."
    omitted = RULES.anonymize(text, omit={"personneMorale"})
    assert "SCI Les Tilleuls" in omitted.text and "Morel" not in omitted.text
    shown = RULES.anonymize(text)
    assert "SCI [1]" in shown.text


def test_public_bodies_and_their_region():
    result = RULES.anonymize("La CARSAT Bretagne contre Mme Anne Kerbrat.", omit={"personneMorale"})
    assert result.text.startswith("La CARSAT Bretagne contre Mme ")
    assert "Kerbrat" not in result.text


def test_detector_rejects_bad_settings():
    with pytest.raises(ValueError):
        CompanyDetector(max_words=0)


def test_a_guess_the_decision_writes_in_lowercase_is_a_common_word():
    from judanon.resolve.propagation import drop_lowercase_guesses

    text = "Monsieur Yann Morvan\nAbsent\n\nLe prévenu, absent à l'audience, Absent."
    first = text.index("Absent")
    guess = Span(first, first + 6, "personnePhysique", "flair", 0.7, roles=frozenset({GUESS}))
    name = Span(text.index("Morvan"), text.index("Morvan") + 6, "personnePhysique", "flair", 0.9,
                roles=frozenset({GUESS}))
    assert drop_lowercase_guesses(text, [guess, name]) == [name]
    # another detector's span of the same word stays
    ruled = Span(first, first + 6, "personnePhysique", "person-context", 0.9)
    assert len(drop_lowercase_guesses(text, [guess, ruled])) == 2


def test_a_firm_named_after_its_partners_names_persons():
    text = ("La société Maëlys Trébaol, Gurvan Quéméner et Yves Le Gall, notaires associés, "
            "a reçu l'acte. La société Vernon Distribution, Kerhervé Frères et la SCI Les Tilleuls.")
    result = RULES.anonymize(text)
    persons = {e.text for e in result.entities if e.label == "personnePhysique" and e.replacement}
    assert {"Maëlys", "Trébaol", "Gurvan", "Quéméner", "Yves", "Le Gall"} <= persons
    assert not persons & {"Vernon", "Distribution", "Kerhervé", "Frères"}


@pytest.mark.parametrize("text, expected", [
    # a date after the name is no part of it (class: the span swallows what follows)
    ("la société Transports Morvan et Fils SAS le 5 mai 2021 a assigné", ["Transports Morvan et Fils"]),
    ("la société Alpha Bâtiment du 4 juin 2020 a payé", ["Alpha Bâtiment"]),
    ("la SCI Les Tilleuls le 12 octobre a vendu", ["Les Tilleuls"]),
    # a number written in the name stays
    ("la société Studio 54 a été dissoute", ["Studio 54"]),
    # a legal form after or before the name is no part of it
    ("La société KERNEVEZ PAYSAGES SARL a interjeté appel", ["KERNEVEZ PAYSAGES"]),
    ("la société SARL Boulangerie Morvan a conclu", ["Boulangerie Morvan"]),
    ("LES JARDINS DE L'ODET SARL conclut au rejet", ["LES JARDINS DE L'ODET"]),
])
def test_a_company_name_ends_where_its_name_does(text, expected):
    assert sorted(set(names(text))) == expected


def test_a_date_after_a_company_is_published():
    text = "Par acte du 3 mars 2020, la société Transports Morvan et Fils SAS le 5 mai 2021 a assigné Mme Anne Kerbrat."
    assert "SAS le 5 mai 2021 a assigné" in RULES.anonymize(text).text


def test_one_company_one_placeholder_with_or_without_its_form():
    text = ("La société LES JARDINS DE L'ODET SARL a interjeté appel. La société LES JARDINS DE L'ODET "
            "demande la confirmation. LES JARDINS DE L'ODET SARL conclut au rejet ; la SARL Les Jardins "
            "de l'Odet a payé.")
    result = RULES.anonymize(text)
    companies = [e for e in result.entities if e.label == "personneMorale"]
    assert len(companies) == 4 and {e.replacement for e in companies} == {"[1]"}
