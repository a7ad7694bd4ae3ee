"""PersonContextDetector: persons, court members and lawyers found from context.

Every sentence is written for these tests; the names are invented.
"""

from __future__ import annotations

import pytest

from judanon.detectors.person_names import name_parts
from judanon.detectors.persons import PersonContextDetector
from judanon.entities import AVOCAT, MAGISTRAT_GREFFIER, PERSONNE_PHYSIQUE, Span
from judanon.packs import load_profile, pack_words

PP, MG, AV = PERSONNE_PHYSIQUE, MAGISTRAT_GREFFIER, AVOCAT
#: The French pack's person grammar, and its name lexicons (loaded on first use).
GRAMMAR = pack_words("fr").persons
LEXICON = load_profile("fr").lexicon


def french() -> PersonContextDetector:
    return PersonContextDetector(GRAMMAR, LEXICON)


@pytest.fixture(scope="module")
def detector():
    return french()


def found(detector, text):
    """(surface, label) of every span, in text order."""
    return [(text[s.start:s.end], s.label) for s in detector.detect(text)]


def labels_of(detector, text, label):
    return [surface for surface, lab in found(detector, text) if lab == label]


# --- the detector protocol ----------------------------------------------------------


def test_detector_identity_and_span_fields(detector):
    text = "Condamne M. Gaspard Vernier aux dépens."
    spans = detector.detect(text)
    assert detector.name == "person-context" and detector.version
    assert all(isinstance(s, Span) for s in spans)
    assert all(s.source == "person-context" and s.specificity == 2 for s in spans)
    assert all(0.0 < s.score <= 1.0 and s.evidence for s in spans)


def test_offsets_refer_to_the_original_text(detector):
    text = "Vu la requête\r\nde\u00a0M.\u00a0Octave\u00a0Brunel, déposée le 2 mai."
    spans = detector.detect(text)
    assert [text[s.start:s.end] for s in spans] == ["Octave", "Brunel"]


# --- civilities ---------------------------------------------------------------------


def test_civility_first_name_and_surname_are_separate_spans(detector):
    assert found(detector, "M. Jean-Baptiste FALCONE a interjeté appel.") == [
        ("Jean-Baptiste", PP), ("FALCONE", PP)]


@pytest.mark.parametrize("civility", ["M.", "Mme", "Mlle", "Melle", "Monsieur", "Madame",
                                      "Mademoiselle", "monsieur", "madame"])
def test_every_civility_form(detector, civility):
    assert labels_of(detector, f"La demande de {civility} Orsini est rejetée.", PP) == ["Orsini"]


def test_civility_is_not_in_the_span(detector):
    text = "Condamne Mme Ravel aux dépens."
    (span,) = detector.detect(text)
    assert text[span.start:span.end] == "Ravel"


def test_plural_civilities_cover_every_name(detector):
    text = "MM. Paul Vasseur et Luc Albrand, Mmes Inès Carrel, Lise Morand et Ada Pujol sont présents."
    assert labels_of(detector, text, PP) == [
        "Paul", "Vasseur", "Luc", "Albrand", "Inès", "Carrel", "Lise", "Morand", "Ada", "Pujol"]


def test_civil_status_listing_of_first_names(detector):
    text = "Madame BERTHIER, Odile, Marguerite Anne, née le 4 mai 1961 à Vannes"
    assert labels_of(detector, text, PP) == ["BERTHIER", "Odile", "Marguerite", "Anne"]


def test_the_first_names_are_the_lexicon_s_given():
    from judanon.text.lexicons import NameLexicon

    text = "Madame BERTHIER, Odile, Marguerite, demeurant à Vannes, a formé un pourvoi."
    assert labels_of(french(), text, PP) == ["BERTHIER", "Odile", "Marguerite"]
    no_names = PersonContextDetector(GRAMMAR, NameLexicon.from_names())
    assert labels_of(no_names, text, PP) == ["BERTHIER"]
    only_odile = PersonContextDetector(GRAMMAR, lambda: NameLexicon.from_names(["Odile"]))
    assert labels_of(only_odile, text, PP) == ["BERTHIER", "Odile"]


@pytest.mark.parametrize("text, names", [
    # a town, a title or a new civility after the comma ends the listing
    ("chez M. et Mme Garnaud, Saint Dominique, a formé un pourvoi", ["Garnaud"]),
    ("M. Paul Vernier, Lyon, le 3 mai 2021", ["Paul", "Vernier"]),
    ("Mme Rosine Texier, Présidente, M. Albin Gros, conseiller", []),
    ("M. Tanguy Brel, Mme Ilse Morin", ["Tanguy", "Brel", "Ilse", "Morin"]),
])
def test_civil_status_listing_stops_at_anything_else(detector, text, names):
    assert labels_of(detector, text, PP) == names


@pytest.mark.parametrize("text, names", [
    ("ARRÊT DU 23 OCTOBRE 2024\n\n   Ewen Kerzoual a formé un pourvoi contre l'arrêt", ["Ewen", "Kerzoual"]),
    ("les débats.    Nolwenn Abgrall a comparu, assistée de son conseil", ["Nolwenn", "Abgrall"]),
    ("2. Jean Tanguy a été poursuivi devant le tribunal correctionnel", ["Jean", "Tanguy"]),
    # companies and words are no party names; one word alone is not enough
    ("Axa France a formé un pourvoi contre l'arrêt", []),
    ("La Poste a formé un pourvoi", []),
    ("Kerzoual a formé un pourvoi", []),
    ("La société Ewen Kerzoual a formé un pourvoi", []),
])
def test_names_opening_a_sentence_with_a_party_act(detector, text, names):
    assert labels_of(detector, text, PP) == names


def test_surname_first_in_capitals(detector):
    assert labels_of(detector, "Monsieur DURVILLE Jean-Marc, demeurant à Lyon", PP) == [
        "DURVILLE", "Jean-Marc"]


def test_particles_stay_with_the_surname(detector):
    text = "M. Pierre de La Tourmente et Mme Ingrid van der Valk ont signé."
    assert labels_of(detector, text, PP) == ["Pierre", "de La Tourmente", "Ingrid", "van der Valk"]


def test_capital_particles(detector):
    assert labels_of(detector, "Mme Rosa DE SOUZA-LIMA comparaît.", PP) == ["Rosa", "DE SOUZA-LIMA"]


def test_initials(detector):
    assert labels_of(detector, "M. J. D. a été entendu, puis M. K... s'est retiré.", PP) == [
        "J", "D", "K"]


def test_civility_glued_to_the_name(detector):
    assert labels_of(detector, "Le conseil de M.Vidal a plaidé.", PP) == ["Vidal"]


def test_a_title_after_the_name_is_not_part_of_it(detector):
    text = "JUGE DE LA MISE EN ÉTAT : Madame Ondine GARRAUD, Vice-Présidente, a entendu"
    assert labels_of(detector, text, "professionnelMagistratGreffier") == ["Ondine", "GARRAUD"]


def test_doctor(detector):
    assert labels_of(detector, "Vu le certificat du Dr Esnault et l'avis du docteur Malric ;", PP) == [
        "Esnault", "Malric"]


# --- no name after the civility -----------------------------------------------------


@pytest.mark.parametrize("text", [
    "M. le Président a ouvert l'audience.",
    "Monsieur le procureur de la République a requis.",
    "Madame la Présidente donne la parole.",
    "M. LE PREFET DE LA GIRONDE est intimé.",
    "Attendu que la Cour de cassation, vu l'article 700 du code de procédure civile,",
    "Sur le moyen unique, pris en sa première branche : Vu l'article 455 ;",
    "PAR CES MOTIFS, la Cour REJETTE le pourvoi.",
    "RÉPUBLIQUE FRANÇAISE AU NOM DU PEUPLE FRANÇAIS",
    "Condamne M. X aux dépens.",
    "N° RG 23/01234 - N° Portalis DBVX-V-B7H-ABCD",
    "en application de l'article L. 743-23 du CESEDA, le premier président peut rejeter",
])
def test_no_person_without_a_name(detector, text):
    assert found(detector, text) == []


# --- other names of the same person -------------------------------------------------


def test_married_and_birth_names(detector):
    text = "Mme Claire Lenoir épouse Morvan, née Kessler, et Mme Ida Roux veuve Texier"
    assert labels_of(detector, text, PP) == [
        "Claire", "Lenoir", "Morvan", "Kessler", "Ida", "Roux", "Texier"]


def test_name_before_marital_word_without_civility(detector):
    assert labels_of(detector, "Noémie EPOUSE Castagne\n\nC/\n\nSA BANQUE", PP) == [
        "Noémie", "Castagne"]


def test_birth_date_is_not_a_name(detector):
    assert found(detector, "née le 3 mars 1980 à Tulle") == []


def test_alias(detector):
    text = "l'étranger se disant Farid Lounes, alias Karim Benali,"
    assert labels_of(detector, text, PP) == ["Farid", "Lounes", "Karim", "Benali"]


def test_children_and_elided_forms(detector):
    text = "l'enfant Léana, les enfants Hugo et Chloé, la rétention d'Ibrahim Sow"
    assert labels_of(detector, text, PP) == ["Léana", "Hugo", "Chloé", "Ibrahim", "Sow"]


def test_relatives_and_persons_held(detector):
    # invented names no lexicon holds: the family word or the act is the evidence
    text = "que soit avisé son beau-frère Zorvec Quillodan ; sa belle-mère Aelis Trovenec"
    assert labels_of(detector, text, PP) == ["Zorvec", "Quillodan", "Aelis", "Trovenec"]
    text = "les garanties de représentation d'Ostrane Kerbizou"
    assert labels_of(detector, text, PP) == ["Ostrane", "Kerbizou"]


def test_who_acts_for_a_company_or_a_procedure(detector):
    text = "la SELARL MJ OUEST, prise en la personne de Maître Klervi Penanros, ès-qualités de liquidateur"
    assert found(detector, text) == [("Klervi", PP), ("Penanros", PP)]
    text = "la SAS BATIROC, prise en la personne de son représentant légal"
    assert found(detector, text) == []


def test_party_role_header(detector):
    text = "APPELANT :\n\nGaëtan ROUSSILLE\nné le 2 mai 1980\n\nINTIMÉE :\n\nSAS BATIROC\n"
    assert found(detector, text) == [("Gaëtan", PP), ("ROUSSILLE", PP)]


def test_first_name_and_surname_in_capitals_without_anchor(detector):
    spans = detector.detect("L'attestation de Josiane PERRIGAULT est produite.")
    assert [(s.label, s.specificity) for s in spans] == [(PP, 1), (PP, 1)]
    assert all(s.score < 0.9 for s in spans)  # capitalization alone: less confident


# --- court members ------------------------------------------------------------------


def test_magistrates_in_a_cassation_header(detector):
    text = ("Composition de la juridiction : M. Solier, président, Mme Ferrandier, conseiller "
            "rapporteur, M. Oudart, Mme Lacaze, conseillers, et Mme Vinet, greffier de chambre.")
    assert found(detector, text) == [
        ("Solier", MG), ("Ferrandier", MG), ("Oudart", MG), ("Lacaze", MG), ("Vinet", MG)]


def test_rapporteur_lead(detector):
    text = "Sur le rapport de Mme Ferrandier, les observations de la SCP Brouchot et Lemaire"
    assert found(detector, text)[0] == ("Ferrandier", MG)


def test_title_colon_lines(detector):
    text = "Président : M. Yves Gaudin\nGreffier : Nadia Fourcade\n"
    assert found(detector, text) == [("Yves", MG), ("Gaudin", MG), ("Nadia", MG), ("Fourcade", MG)]


def test_composition_block_without_civility(detector):
    text = ("COMPOSITION DE LA COUR :\n- Odile VERNAY, présidente\n- Lucas MOREL, conseiller\n"
            "assistés pendant les débats de Elsa PIQUET, greffière\n")
    assert labels_of(detector, text, MG) == ["Odile", "VERNAY", "Lucas", "MOREL", "Elsa", "PIQUET"]
    assert labels_of(detector, text, PP) == []


def test_nous_magistrat(detector):
    text = "Nous, Cyrielle BASTIDE, magistrat du siège au tribunal judiciaire, assistée d'Inès FARGE, greffière"
    assert labels_of(detector, text, MG) == ["Cyrielle", "BASTIDE", "Inès", "FARGE"]


def test_signature_block(detector):
    text = "Fait à Nantes.\n\nLe Greffier                Le Président\n\nSophie MARCHAND            Alain TISSERAND\n"
    assert labels_of(detector, text, MG) == ["Sophie", "MARCHAND", "Alain", "TISSERAND"]


def test_prosecutor_heading_does_not_open_a_signature_block(detector):
    text = "Le procureur de la République\n\nEt\n\nM. Idriss Kanté\n\nné le 2 mai 1990"
    assert found(detector, text) == [("Idriss", PP), ("Kanté", PP)]


def test_company_president_and_job_titles_are_parties(detector):
    text = ("M. Valentin Roche, président de la société Boréal, et M. Hervé Dumas, "
            "conseiller en gestion de patrimoine, ont été entendus.")
    assert labels_of(detector, text, MG) == []
    assert labels_of(detector, text, PP) == ["Valentin", "Roche", "Hervé", "Dumas"]


def test_party_signing_an_act_is_no_magistrate(detector):
    text = "L'acte de cautionnement signé par M. Tanguy Brisset est nul."
    assert labels_of(detector, text, PP) == ["Tanguy", "Brisset"]


# --- lawyers ------------------------------------------------------------------------


def test_maitre_and_me_give_one_lawyer_span(detector):
    text = ("représentée par Me Karim BOUAZZA, avocat au barreau de LYON, substitué par "
            "Maître Léon Ferrat de la SELARL FERRAT ET ASSOCIES, avocat au barreau de PARIS")
    assert found(detector, text) == [
        ("Karim BOUAZZA", AV), ("Léon Ferrat de la SELARL FERRAT ET ASSOCIES", AV)]


def test_law_firms_before_avocat(detector):
    text = ("les observations de la SCP Brouchot et Lemaire, avocat de M. Hubert Lefranc, "
            "de la SARL Delorme, Vidal et Sauret, avocat de Mme Aline Crozet")
    assert found(detector, text) == [
        ("Brouchot et Lemaire", AV), ("Hubert", PP), ("Lefranc", PP),
        ("Delorme, Vidal et Sauret", AV), ("Aline", PP), ("Crozet", PP)]


def test_company_is_not_a_law_firm(detector):
    text = "Régulièrement assignées, la SAS BATIROC et M. Lenoir n'ont pas constitué avocat."
    assert labels_of(detector, text, AV) == []
    assert labels_of(detector, text, PP) == ["Lenoir"]


def test_avocat_general_is_court_not_bar(detector):
    text = "les conclusions de Mme Roussel-Caron, avocat général, après débats"
    assert found(detector, text) == [("Roussel-Caron", MG)]


def test_maitre_acting_as_judicial_agent_is_a_party(detector):
    text = "Me Anatole Guérin, ès qualités de mandataire liquidateur de la société Batiroc"
    assert found(detector, text) == [("Anatole", PP), ("Guérin", PP)]


# --- name_parts ---------------------------------------------------------------------


def test_name_parts_split_and_stop():
    text = "Jean-Paul de La Roche Attendu"
    run = name_parts(GRAMMAR, text, 0, len(text))
    assert [text[s:e] for s, e in run.parts] == ["Jean-Paul", "de La Roche"]


def test_name_parts_strip_leading_words():
    text = "Assistée de Clémence VALLIER"
    run = name_parts(GRAMMAR, text, 0, len(text), strip_leading=True)
    assert [text[s:e] for s, e in run.parts] == ["Clémence", "VALLIER"]


# --- functions, clerks on the next line, company names ------------------------------


def test_name_before_a_function_of_a_person(detector):
    text = "En présence, serment prêté, de Lucas Morvan, interprète en langue arabe ;"
    assert found(detector, text) == [("Lucas", PP), ("Morvan", PP)]


def test_judge_assisted_by_clerk(detector):
    text = "Jugement rendu par Cédric BROCHARD, assisté de Line AMOUSSOU, greffier."
    assert labels_of(detector, text, MG) == ["Cédric", "BROCHARD", "Line", "AMOUSSOU"]


def test_place_before_assisted_by_is_no_judge(detector):
    text = "Nous, magistrat du siège au tribunal judiciaire de Bressuire, assisté de Line AMOUSSOU, greffier"
    assert labels_of(detector, text, MG) == ["Line", "AMOUSSOU"]


def test_ordinal_and_article_before_the_title(detector):
    text = ("COMPOSITION DU TRIBUNAL\n\nSophie GARANCE, 1ère Vice-présidente adjointe\n"
            "La présente décision est signée par Madame Alice VERNOUX, la Présidente.")
    assert labels_of(detector, text, MG) == ["Sophie", "GARANCE", "Alice", "VERNOUX"]


def test_title_alone_on_its_line_names_the_next_line(detector):
    text = "GREFFIER :\n\n\nMadame Julie ROUVIÈRE, lors des débats et du prononcé\n"
    assert labels_of(detector, text, MG) == ["Julie", "ROUVIÈRE"]


def test_company_names_are_not_first_name_surname(detector):
    text = "la société BTA Insurance et la société HD Holding ont conclu un contrat."
    assert found(detector, text) == []


def test_law_firm_span_stops_at_the_first_avocat():
    text = ("les observations de la SCP Kerjean et Touzé, avocat de Mme Plouhinec, "
            "de la SCP Morice et Lannuzel, avocat de M. Goasdoué")
    got = [(text[s.start:s.end], s.label) for s in french().detect(text)]
    assert ("Kerjean et Touzé", "professionnelAvocat") in got
    assert ("Morice et Lannuzel", "professionnelAvocat") in got
    assert ("Plouhinec", "personnePhysique") in got
    assert ("Goasdoué", "personnePhysique") in got


def test_name_right_before_a_birth():
    text = "Deux enfants sont issus de cette union : – Maëlys née le 2 mai 2011 à Lorient, – Titouan né le 3 juin 2014."
    got = [(text[s.start:s.end], s.label) for s in french().detect(text)]
    assert got == [("Maëlys", PERSONNE_PHYSIQUE), ("Titouan", PERSONNE_PHYSIQUE)]


def test_case_caption_names_parties_even_under_a_court_heading():
    text = "LE GREFFIER\nMme Annaïg Le Roux contre M. LE PREFET DU FINISTERE\n"
    got = [(text[s.start:s.end], s.label) for s in french().detect(text)]
    assert ("Annaïg", PERSONNE_PHYSIQUE) in got and ("Le Roux", PERSONNE_PHYSIQUE) in got


def test_long_list_of_initials_is_read_as_many_short_names():
    # A name has a bounded number of parts: each civility starts a short run instead of
    # one run reaching to the end of the text.
    text = "M. J. D. " * 300
    spans = french().detect(text)
    assert sum(text[s.start:s.end] == "J" for s in spans) == 300
    assert sum(text[s.start:s.end] == "D" for s in spans) == 300
    assert max(s.end - s.start for s in spans) == 1


@pytest.mark.parametrize("text, names", [
    ("Elle est née hors mariage de Kerwan Trébaol et n'a pas été reconnue.", ["Kerwan", "Trébaol"]),
    ("Acte de naissance : fille de Yannig Quéméner, cultivateur.", ["Yannig", "Quéméner"]),
    ("Il est le fils de Gwenolé Abgrall, décédé en 2001.", ["Gwenolé", "Abgrall"]),
    ("Elle est la veuve de Per-Jakez Hélias.", ["Per-Jakez", "Hélias"]),
])
def test_parentage_announces_a_person(detector, text, names):
    assert labels_of(detector, text, PP) == names


def test_parentage_words_before_lowercase_words_name_nobody(detector):
    assert found(detector, "L'enfant est né de parents inconnus ; la fille de la victime a témoigné.") == []
