"""The French address grammar: street part (adresse), postal code + town (localite),
towns after context words, and what must stay visible (court seats, citations)."""

import pytest

from judanon.packs.fr import regex_detector
from judanon.detectors.regex import RegexDetector
from judanon.packs.fr import addresses

DETECTOR = regex_detector()


def places(text):
    return [
        (s.label, text[s.start : s.end])
        for s in DETECTOR.detect(text)
        if s.label in ("adresse", "localite")
    ]


@pytest.mark.parametrize(
    "street",
    [
        "12, rue de la République",
        "12 bis, rue de la République",
        "3 ter avenue Jean Jaurès",
        "14-16, boulevard Saint-Michel",
        "7 bd Gambetta",
        "22, chemin des Vignes",
        "5, impasse du Moulin",
        "9, allée des Tilleuls",
        "1, place de l'Hôtel de Ville",
        "31, quai Saint-Vincent",
        "route de Vienne",
        "15, cours Lafayette",
        "2, square Henri Dunant",
        "passage Choiseul",
        "résidence Les Acacias",
        "lieu-dit La Croix Blanche",
        "hameau de Fontaine",
        "chaussée de Bretagne",
        "sentier des Douaniers",
        "cité Jardin",
        "4, rue du 8 Mai 1945",
        "18 RUE DE LA PAIX",
    ],
)
def test_street_forms(street):
    text = f"M. Hugo Ferrand, demeurant {street}, a saisi le tribunal."
    assert places(text) == [("adresse", street)]


def test_street_then_postal_code_and_town_are_two_spans():
    text = "Mme Claire Vasseur, domiciliée 91, boulevard Émile Zola\n69003 Lyon, défenderesse."
    assert places(text) == [("adresse", "91, boulevard Émile Zola"), ("localite", "69003 Lyon")]


def test_address_on_one_line_with_commas():
    text = "demeurant 4, avenue du Général de Gaulle, 33000 Bordeaux."
    assert places(text) == [("adresse", "4, avenue du Général de Gaulle"), ("localite", "33000 Bordeaux")]


def test_postal_box_and_cedex():
    text = "Société Exemple, 4, avenue Foch, BP 123, 75008 PARIS CEDEX 08 ; CS 70011\n13001 Marseille Cedex"
    assert places(text) == [
        ("adresse", "4, avenue Foch, BP 123"),
        ("localite", "75008 PARIS CEDEX 08"),
        ("adresse", "CS 70011"),
        ("localite", "13001 Marseille Cedex"),
    ]


@pytest.mark.parametrize(
    "town",
    ["Saint-Rémy-de-Provence", "L'Isle-Adam", "Le Mesnil-Amelot", "BOULOGNE SUR MER", "Aix-en-Provence"],
)
def test_compound_town_names_after_postal_code(town):
    text = f"Le bien est situé 3, rue Haute\n13210 {town}\nLes parties sont convoquées."
    assert ("localite", f"13210 {town}") in places(text)


def test_second_town_line_is_part_of_the_address_but_not_a_country():
    text = "M. Yves Perret\n8, rue Vincent\n95605 Cergy\nPontoise\n\nreprésenté par Me Carole Lenoir"
    assert places(text) == [
        ("adresse", "8, rue Vincent"),
        ("localite", "95605 Cergy"),
        ("adresse", "Pontoise"),
    ]
    foreign = "M. Yves Perret\n8, rue Vincent\n95605 Cergy\nFrance\n\nreprésenté par Me Carole Lenoir"
    assert ("adresse", "France") not in places(foreign)


@pytest.mark.parametrize(
    "text, town",
    [
        ("M. Omar Bensaïd, né le 2 mai 1990 à Oran (Algérie)", "Oran"),
        ("Mme Inès Collet, née le 1er janvier 1980 à Saint-Étienne, de nationalité française", "Saint-Étienne"),
        ("M. Rémi Texier, né à Aix-en-Provence, sans profession", "Aix-en-Provence"),
        ("Mme Zoé Marchal, demeurant à Villeurbanne, intimée", "Villeurbanne"),
        ("M. Paul Granger, domicilié à Sète, appelant", "Sète"),
        ("Fait à Douai, le 3 mars 2024.", "Douai"),
        ("M. ALI BENALI, NÉ LE 3 MARS 1991 À ORAN (ALGÉRIE)", "ORAN"),
        ("mariage célébré devant l'officier de l'état civil de la ville de Rennes", "Rennes"),
    ],
)
def test_town_after_context_word(text, town):
    assert ("localite", town) in places(text)


def test_birth_date_and_town_are_separate_spans():
    text = "M. Omar Bensaïd, né le 12/03/1975 à Tlemcen (Algérie)"
    labels = [(s.label, text[s.start : s.end]) for s in DETECTOR.detect(text)]
    assert labels == [("dateNaissance", "12/03/1975"), ("localite", "Tlemcen")]


@pytest.mark.parametrize(
    "text",
    [
        "Arrêt de la cour d'appel de Lyon du 3 mars 2023.",
        "Le tribunal judiciaire de Paris, statuant publiquement.",
        "Jugement du conseil de prud'hommes de Nanterre.",
        "Vu l'article 700 du code de procédure civile et l'article L. 743-13 du code de l'entrée.",
        "En application de l'article R. 412-1 du code de la route.",
        "La préfecture de la Seine-Saint-Denis et l'URSSAF Rhône-Alpes.",
        "Décision n° 10868 F, pourvoi n° 23-21.303.",
        "Il reste devoir la somme de 15000 Euros.",
        "La mise en place de la procédure est en cours depuis le 12 mars.",
        "Mise en place le 17 mai 2022 de la commission.",
        "Une assignation à résidence de M. Karim Haddad.",
        "Le véhicule a été rendu à Monsieur Karim Haddad.",
        "Par la voie de l'Appel incident, la société conteste.",
        "La Cité Judiciaire de Bordeaux accueille les audiences.",
        "Le domaine Public de l'État est inaliénable.",
        "En application de l'article 12345 Du code.",
    ],
)
def test_courts_citations_and_institutions_are_not_reported(text):
    assert places(text) == []


def test_nothing_inside_publication_markers():
    text = "M. [K] [R], demeurant [Adresse 1]\n[Localité 2], né le 2 mai 1960 à [Localité 3]."
    assert places(text) == []


def test_crlf_and_nbsp_keep_offsets():
    text = "demeurant\u00a012,\u00a0rue\u00a0des\u00a0Lilas\r\n44000\u00a0Nantes\r\n"
    assert places(text) == [("adresse", "12,\u00a0rue\u00a0des\u00a0Lilas"), ("localite", "44000\u00a0Nantes")]


def test_grammar_is_data():
    # The word lists are plain tuples a reviewer can read and extend.
    assert "impasse" in addresses.STREET_TYPES
    assert "demeurant" in addresses.RESIDENCE_WORDS
    assert all(isinstance(w, str) for w in addresses.NOT_A_TOWN_LINE)


def test_text_whose_lowercase_changes_length_gives_the_same_spans():
    # "İ" lowercases to two characters: the anchored scan on lowercased text cannot be
    # used, the full grammar scans the original text and finds the same spans.
    plain = "M. Selim Aydin, demeurant 5, rue des Acacias\n67000 Strasbourg, né le 2 mai 1990."
    dotted = plain.replace("Selim", "Selİm")
    assert len(dotted.lower()) != len(dotted)
    assert [(s.label, s.start, s.end) for s in DETECTOR.detect(dotted)] == [
        (s.label, s.start, s.end) for s in DETECTOR.detect(plain)
    ]


def test_court_seats_are_opt_in():
    text = "Arrêt de la cour d'appel de Lyon ; jugement du tribunal judiciaire de Nantes."
    assert places(text) == []
    opt_in = regex_detector(institution_places=True)
    got = [(s.label, text[s.start : s.end], s.evidence) for s in opt_in.detect(text)]
    assert got == [("localite", "Lyon", "institution_seat"), ("localite", "Nantes", "institution_seat")]


def test_seats_of_public_bodies_are_not_reported_as_towns():
    # prefectures, detention centres and police stations are public bodies: their town
    # stays visible (the place policy, see test_policy.py)
    text = ("requête du préfet de police de Meaux ; retenu au centre de rétention du Mesnil-Vaudry, "
            "entendu au commissariat de Pontivy.")
    assert places(text) == []


def test_departements_of_prefects_stay_visible():
    text = "Vu la requête du préfet du Nord ; la préfète de l'Ain ; le préfet de la Savoie."
    assert places(text) == []


def test_town_of_a_mayor_or_commune_is_reported():
    text = ("en sa qualité de maire de Plougastel et selon le règlement de la commune de Landerneau "
            "puis un courrier de la ville de Quimperlé.")
    got = [text[s.start:s.end] for s in regex_detector().detect(text) if s.label == "localite"]
    assert got == ["Plougastel", "Landerneau", "Quimperlé"]


def test_departement_with_a_spaced_elision_stays_visible():
    assert places("Mme LA PREFETE DE L' AIN, intimée.") == []


def test_numbered_detention_centre_is_a_visible_seat():
    from judanon.packs.fr.addresses import VISIBLE_PLACE_PATTERNS

    text = "placé au centre de rétention administrative n°3 du Mesnil-Vaudry (77)."
    assert places(text) == []
    seats = RegexDetector(VISIBLE_PLACE_PATTERNS).detect(text)
    assert [text[s.start:s.end] for s in seats] == ["Mesnil-Vaudry"]


# --- postal lines after every street layout ------------------------------------------------


@pytest.mark.parametrize(
    "text, town",
    [
        ("Mme Nadia Kerbrat\n18, rue Victor Hugo\n59000 - LILLE", "59000 - LILLE"),
        ("Mme Nadia Kerbrat, 18, rue Victor Hugo – 59000 Lille", "59000 Lille"),
        ("Mme Nadia Kerbrat, 18 rue Victor Hugo, 59000, Lille", "59000, Lille"),
        ("Mme Nadia Kerbrat\n18, rue Victor Hugo\n59000\nLILLE\n\nDEMANDERESSE", "59000\nLILLE"),
        ("Mme Nadia Kerbrat\n18, rue Victor Hugo\n59 000 Lille", "59 000 Lille"),
        ("M. Yann Morvan, 8 impasse du Moulin\nF-67000 Strasbourg", "67000 Strasbourg"),
        ("M. Yann Morvan, demeurant 5 rue de la Paix, 75002 Paris 2ème, a formé appel", "75002 Paris 2ème"),
        ("M. Yann Morvan, demeurant 5 rue de la Paix\n13008 MARSEILLE 08\n", "13008 MARSEILLE 08"),
    ],
)
def test_postal_lines_in_every_layout(text, town):
    assert ("localite", town) in places(text)


@pytest.mark.parametrize(
    "text, code",
    [
        ("M. Yann Morvan, demeurant 3 rue de Brest (29200), a été convoqué", "29200"),
        ("Mme Nadia Kerbrat demeurant 18 rue Victor Hugo à LILLE (59000)", "59000"),
    ],
)
def test_a_postal_code_in_brackets_after_a_place(text, code):
    assert ("adresse", code) in places(text)


def test_the_street_line_above_a_postal_line():
    text = "M. Yann Morvan\nRoute de Quimper\n29000 Quimper\n\nINTIMÉ"
    assert places(text) == [("adresse", "Route de Quimper"), ("localite", "29000 Quimper")]
    # a house number after a space and a letter belongs to the street
    assert ("adresse", "14 B avenue du Général Leclerc") in places("demeurant 14 B avenue du Général Leclerc, 13001 Marseille")


@pytest.mark.parametrize(
    "text",
    [
        "la somme de 15000, Monsieur Morvan ayant payé",
        "le dossier (12345) a été joint",
        "une indemnité de\n12 500 Euros\net les dépens",
        "Minute n° 12345 - Jugement du 3 mars",
        "Code 12345\nLe tribunal, après en avoir délibéré",
        "la route de Quimper est barrée ; 29000 voitures par jour",
    ],
)
def test_numbers_that_are_no_postal_lines(text):
    assert [p for p in places(text) if p[0] == "localite"] == [] and ("adresse", "route de Quimper") not in places(text)
