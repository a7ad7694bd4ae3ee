"""Zoning: a decision's zones found from its headings and formulas (judanon.text.zones,
the French words in judanon/packs/fr/zones.py)."""

import json

import pytest

import judanon
from judanon.text import limits
from judanon.structure import NoZoneWordsError, is_empty, zone_shares, zone_words, zones
from judanon.packs import load_profile
from judanon.text.zones import Zone, Zones, ZoneWords, ZoneWordsError, find_zones
from support import SHARED_DATA

DATA = SHARED_DATA / "fr-label"

CASSATION = """CIV. 2

COUR DE CASSATION
______________________

Audience publique du 4 avril 2024

Cassation partielle

Mme LEMAIRE, présidente

Arrêt n° 512 F-D

Pourvoi n° T 22-14.803

R É P U B L I Q U E  F R A N Ç A I S E
_________________________
AU NOM DU PEUPLE FRANÇAIS
_________________________

ARRÊT DE LA COUR DE CASSATION, DEUXIÈME CHAMBRE CIVILE, DU 4 AVRIL 2024

M. Octave Barral, domicilié 3 impasse des Tilleuls, 12000 Rodez, a formé le pourvoi n° T 22-14.803 contre l'arrêt rendu le 9 mars 2022 par la cour d'appel de Montpellier, dans le litige l'opposant à la société Vergers du Causse, défenderesse à la cassation.

Le demandeur invoque, à l'appui de son pourvoi, deux moyens de cassation.

Sur le rapport de M. Quillet, conseiller, les observations de la SCP Arnaud et Pellegrin, avocat de M. Barral, après débats en l'audience publique du 13 février 2024 où étaient présents Mme Lemaire, présidente, M. Quillet, conseiller rapporteur, et Mme Sorel, greffier de chambre,

la deuxième chambre civile de la Cour de cassation, composée des président et conseillers précités, après en avoir délibéré conformément à la loi, a rendu le présent arrêt.

Faits et procédure

1. Selon l'arrêt attaqué (Montpellier, 9 mars 2022), M. Barral a assigné la société en paiement d'une indemnité.

Examen des moyens

Sur le premier moyen

2. En application de l'article 1014, alinéa 2, du code de procédure civile, il n'y a pas lieu de statuer par une décision spécialement motivée sur ce moyen.

Mais sur le second moyen

Enoncé du moyen

3. M. Barral fait grief à l'arrêt de rejeter sa demande, alors « que le juge ne peut dénaturer les écrits qui lui sont soumis ».

Réponse de la Cour

Vu l'obligation pour le juge de ne pas dénaturer l'écrit qui lui est soumis :

4. Pour rejeter la demande, l'arrêt retient que le contrat ne prévoit aucune indemnité.

5. Par ces motifs, qui dénaturent la clause claire et précise du contrat, la cour d'appel a violé le principe susvisé.

Portée et conséquences de la cassation

6. La cassation ne s'étend pas aux autres dispositions de l'arrêt.

PAR CES MOTIFS, la Cour :

CASSE ET ANNULE, mais seulement en ce qu'il rejette la demande d'indemnité, l'arrêt rendu le 9 mars 2022 ;

Ainsi fait et jugé par la Cour de cassation, deuxième chambre civile, et prononcé par le président en son audience publique du quatre avril deux mille vingt-quatre.
"""

NOT_SPECIALLY_REASONED = """SOC.

COUR DE CASSATION

Rejet non spécialement motivé

Décision n° 10412 F

Pourvoi n° K 23-10.551

DÉCISION DE LA COUR DE CASSATION, CHAMBRE SOCIALE, DU 2 MAI 2024

Mme Noémie Ferrand a formé le pourvoi contre l'arrêt rendu le 5 octobre 2022 par la cour d'appel de Nancy.

la chambre sociale de la Cour de cassation, après en avoir délibéré conformément à la loi, a rendu la présente décision.

1. Le moyen de cassation n'est manifestement pas de nature à entraîner la cassation.

2. Il n'y a donc pas lieu de statuer par une décision spécialement motivée sur ce pourvoi.

EN CONSÉQUENCE, la Cour :

REJETTE le pourvoi ;

Ainsi décidé par la Cour de cassation, chambre sociale, et prononcé par le président en son audience publique du deux mai deux mille vingt-quatre.
"""

OLDER_CASSATION = """CIV. 1

COUR DE CASSATION

Audience publique du 15 janvier 2015

Rejet

M. GRIDEL, président

LA COUR DE CASSATION, PREMIÈRE CHAMBRE CIVILE, a rendu l'arrêt suivant :

Statuant sur le pourvoi formé par Mme Albane Peyrot, domiciliée 8 rue Haute, 87000 Limoges,

contre l'arrêt rendu le 2 mai 2013 par la cour d'appel de Limoges ;

La demanderesse invoque, à l'appui de son pourvoi, le moyen unique de cassation annexé au présent arrêt ;

Sur le rapport de Mme Roux, conseiller, les observations de la SCP Marbot, avocat de Mme Peyrot, et après en avoir délibéré conformément à la loi ;

Sur le moyen unique, ci-après annexé :

Attendu, selon l'arrêt attaqué, que Mme Peyrot a sollicité la garde du chien ;

Mais attendu que la cour d'appel a souverainement apprécié les éléments de preuve ; que le moyen n'est pas fondé ;

PAR CES MOTIFS :

REJETTE le pourvoi ;

Ainsi fait et jugé par la Cour de cassation, première chambre civile, et prononcé par le président en son audience publique du quinze janvier deux mille quinze.

MOYEN ANNEXE au présent arrêt

Moyen produit par la SCP Marbot, avocat aux Conseils, pour Mme Peyrot.

Il est fait grief à l'arrêt attaqué d'AVOIR rejeté la demande ;

AUX MOTIFS QUE la preuve n'est pas rapportée ;

ALORS QUE le juge doit examiner toutes les pièces.
"""

APPEAL = """N° RG 23/04417 - N° Portalis DBVX-V-B7H-QX2B

AU NOM DU PEUPLE FRANÇAIS

COUR D'APPEL DE BESANÇON

2ème chambre civile

ARRÊT DU 19 MARS 2024

PROCÉDURE ACCÉLÉRÉE AU FOND

APPELANTE :

Mme Jacinthe Morvan
née le 2 février 1961 à Dole
représentée par Me Aurèle Pichon, avocat au barreau de BESANÇON

INTIMÉE :

SARL LES PRESSOIRS DU DOUBS
représentée par Me Lison Garnier, avocat au barreau de BESANÇON

COMPOSITION DE LA COUR LORS DES DÉBATS ET DU DÉLIBÉRÉ :

- Hélène Vautrin, présidente
- Bastien Colomb, conseiller
- Maud Teyssier, conseillère

GREFFIER : Romane Lagarde

ARRÊT : contradictoire

* * * *

I - EXPOSÉ DU LITIGE ET DES PRÉTENTIONS DES PARTIES

Par jugement du 4 juillet 2023, le tribunal judiciaire de Besançon a rejeté la demande de Mme Morvan.

Dans ses dernières conclusions, l'appelante demande à la cour de :

PAR CES MOTIFS,
- infirmer le jugement.

II - MOTIFS DE LA DÉCISION

Sur la demande principale

La clause du bail est claire ; le premier juge l'a exactement appliquée.

PAR CES MOTIFS

La cour,

Confirme le jugement en toutes ses dispositions ;

Condamne Mme Morvan aux dépens d'appel.

LE GREFFIER LA PRÉSIDENTE
Romane Lagarde Hélène Vautrin
"""

ORDER_WITHOUT_HEADINGS = """COUR D'APPEL DE ROUEN

1ère chambre civile

ORDONNANCE DE RADIATION

N° RG 24/00981

APPELANT :
M. Firmin Leblond, représenté par Me Agathe Roussel, avocat au barreau de ROUEN

INTIMÉE :
SAS CARRIÈRES DE L'EURE

Nous, Clotilde Marchal, conseillère de la mise en état, assistée de Gaspard Renaud, greffier,

Vu la procédure inscrite au répertoire général sous le numéro 24/00981,

Attendu que les parties n'ont pas accompli les actes de la procédure dans les délais ;

PAR CES MOTIFS

Ordonnons la radiation de l'affaire ;

Fait à Rouen, le 8 avril 2024

Le greffier, La conseillère de la mise en état,
"""

FIRST_INSTANCE_HIDDEN_REASONS = """TRIBUNAL JUDICIAIRE DE QUIMPER

Pôle famille

JUGEMENT DU 11 JUIN 2024

N° RG 23/01502

DEMANDERESSE
Mme Léonie Kerbrat

DÉFENDEUR
M. Yann Kerbrat

EXPOSÉ DU LITIGE

Les époux se sont mariés en 2009. Mme Kerbrat a assigné son époux en divorce le 3 mars 2023.

[DÉBATS NON PUBLICS – Motivation de la décision occultée]

PAR CES MOTIFS

Le juge aux affaires familiales, statuant publiquement,

PRONONCE le divorce des époux ;

Fait à Quimper le 11 juin 2024
La greffière
Maëlle Guivarc'h
La juge
Solenn Le Bihan
"""


def text_of(text, zone):
    return text[zone.start:zone.end]


def names(z):
    return [zone.name for zone in z]


# --- The three kinds of decision -------------------------------------------------------

def test_a_cassation_decision_alternates_statements_of_grounds_and_answers():
    z = zones(CASSATION)
    assert z.kind == "cassation"
    assert names(z) == ["introduction", "expose du litige", "motivations", "moyens", "motivations", "dispositif"]
    intro, expose, first_reasons, grounds, answer, dispositif = z.zones
    assert text_of(CASSATION, intro).startswith("CIV. 2")
    assert text_of(CASSATION, intro).endswith("a rendu le présent arrêt.")
    assert text_of(CASSATION, expose).startswith("Faits et procédure")
    assert text_of(CASSATION, first_reasons).startswith("Examen des moyens")
    assert text_of(CASSATION, grounds).startswith("Enoncé du moyen")
    assert text_of(CASSATION, answer).startswith("Réponse de la Cour")
    # "5. Par ces motifs, qui dénaturent ..." is reasoning, not the dispositif
    assert "Portée et conséquences" in text_of(CASSATION, answer)
    assert text_of(CASSATION, dispositif).startswith("PAR CES MOTIFS, la Cour :")
    assert dispositif.end == len(CASSATION.rstrip())


def test_a_cassation_decisions_header_gives_court_number_and_bench():
    z = zones(CASSATION)
    assert text_of(CASSATION, z.first("juridiction")) == "COUR DE CASSATION"
    assert text_of(CASSATION, z.first("chambre")) == "CIV. 2"
    assert "22-14.803" in text_of(CASSATION, z.first("numero"))
    benches = [text_of(CASSATION, b) for b in z.get("composition")]
    assert "Mme LEMAIRE, présidente" in benches
    assert any(b.startswith("Sur le rapport de M. Quillet") for b in benches)
    assert text_of(CASSATION, z.first("signature")).startswith("Ainsi fait et jugé")
    for sub in z.subzones:  # sub-zones lie inside the zones
        assert z.at(sub.start) is not None


def test_a_decision_not_specially_reasoned_has_reasons_right_after_the_introduction():
    z = zones(NOT_SPECIALLY_REASONED)
    assert names(z) == ["introduction", "motivations", "dispositif"]
    assert text_of(NOT_SPECIALLY_REASONED, z.first("motivations")).startswith("1. Le moyen de cassation")
    assert text_of(NOT_SPECIALLY_REASONED, z.first("dispositif")).startswith("EN CONSÉQUENCE, la Cour :")


def test_the_older_cassation_style_ends_the_introduction_after_the_deliberation_and_annexes_grounds():
    z = zones(OLDER_CASSATION)
    assert names(z) == ["introduction", "motivations", "dispositif", "moyens annexes"]
    intro = text_of(OLDER_CASSATION, z.first("introduction"))
    assert "Statuant sur le pourvoi formé par" in intro  # the parties stay in the introduction
    assert intro.endswith("après en avoir délibéré conformément à la loi ;")
    assert text_of(OLDER_CASSATION, z.first("motivations")).startswith("Sur le moyen unique")
    dispositif = text_of(OLDER_CASSATION, z.first("dispositif"))
    assert dispositif.startswith("PAR CES MOTIFS :") and "MOYEN ANNEXE" not in dispositif
    assert text_of(OLDER_CASSATION, z.first("moyens annexes")).startswith("MOYEN ANNEXE au présent arrêt")


def test_an_appeal_decision_with_numbered_headings_and_a_quoted_par_ces_motifs():
    z = zones(APPEAL)
    assert z.kind == "appel"
    assert names(z) == ["introduction", "expose du litige", "motivations", "dispositif"]
    intro = text_of(APPEAL, z.first("introduction"))
    assert "PROCÉDURE ACCÉLÉRÉE AU FOND" in intro  # a header line, not a heading of the facts
    assert text_of(APPEAL, z.first("expose du litige")).startswith("I - EXPOSÉ DU LITIGE")
    # the claims quote "PAR CES MOTIFS," before the reasons: no dispositif there
    assert text_of(APPEAL, z.first("motivations")).startswith("II - MOTIFS DE LA DÉCISION")
    assert text_of(APPEAL, z.first("dispositif")).startswith("PAR CES MOTIFS\n\nLa cour,")
    bench = text_of(APPEAL, z.first("composition"))
    assert bench.startswith("COMPOSITION DE LA COUR") and bench.endswith("GREFFIER : Romane Lagarde")
    signature = text_of(APPEAL, z.first("signature"))
    assert signature == "LE GREFFIER LA PRÉSIDENTE\nRomane Lagarde Hélène Vautrin"
    assert text_of(APPEAL, z.first("juridiction")) == "COUR D'APPEL DE BESANÇON"
    assert text_of(APPEAL, z.first("chambre")) == "2ème chambre civile"


def test_an_order_without_headings_has_its_reasons_from_the_visa():
    z = zones(ORDER_WITHOUT_HEADINGS)
    assert names(z) == ["introduction", "motivations", "dispositif"]
    assert text_of(ORDER_WITHOUT_HEADINGS, z.first("motivations")).startswith("Vu la procédure")
    assert text_of(ORDER_WITHOUT_HEADINGS, z.first("composition")).startswith("Nous, Clotilde Marchal")
    assert text_of(ORDER_WITHOUT_HEADINGS, z.first("signature")).startswith("Fait à Rouen")


def test_facts_without_a_heading_start_after_the_bench_when_the_reasons_have_one():
    text = ORDER_WITHOUT_HEADINGS.replace("Attendu que", "MOTIFS\n\nAttendu que")
    z = zones(text)
    assert names(z) == ["introduction", "expose du litige", "motivations", "dispositif"]
    assert text_of(text, z.first("expose du litige")).startswith("Vu la procédure")
    assert text_of(text, z.first("motivations")).startswith("MOTIFS")


def test_reasons_already_hidden_are_the_reasons_zone():
    z = zones(FIRST_INSTANCE_HIDDEN_REASONS)
    assert z.kind == "premiere_instance"
    assert names(z) == ["introduction", "expose du litige", "motivations", "dispositif"]
    assert text_of(FIRST_INSTANCE_HIDDEN_REASONS, z.first("motivations")).startswith("[DÉBATS NON PUBLICS")
    signature = text_of(FIRST_INSTANCE_HIDDEN_REASONS, z.first("signature"))
    assert signature.startswith("Fait à Quimper") and signature.endswith("Solenn Le Bihan")


# --- Headings as courts write them ----------------------------------------------------

@pytest.mark.parametrize("heading", [
    "MOTIFS DE LA DÉCISION", "Motifs de la décision :", "MOTIFS", "II. MOTIFS", "B/ Discussion",
    "SUR CE, LA COUR :", "M O T I F S  D E  L A  D É C I S I O N", "MOTIVATION", "Motivation",
    "MOTIFS DE L'ARRÊT", "MOTIFS DE L’ARRÊT", "\u00a0MOTIFS\u00a0:",
])
def test_headings_of_the_reasons(heading):
    text = f"COUR D'APPEL DE PAU\n\nEXPOSÉ DU LITIGE\n\nLes faits.\n\n{heading}\n\nLes raisons.\n\nPAR CES MOTIFS\n\nConfirme."
    z = zones(text)
    assert text_of(text, z.first("motivations")).startswith(heading.strip())


@pytest.mark.parametrize("line", [
    "Motifs pris de ce que la société a manqué à ses obligations.",  # a sentence, not a heading
    "DÉCISION DU 3 MAI 2024",
    "La cour statue sur ce point.",
])
def test_lines_that_are_not_headings_of_the_reasons(line):
    text = f"TRIBUNAL JUDICIAIRE DE LAVAL\n\nEXPOSÉ DU LITIGE\n\n{line}\n\nPAR CES MOTIFS\n\nRejette."
    z = zones(text)
    assert "motivations" not in z
    assert line in text_of(text, z.first("expose du litige"))


@pytest.mark.parametrize("heading", [
    "EXPOSÉ DU LITIGE", "FAITS ET PROCÉDURE", "Faits et procédure", "FAITS, PROCÉDURE ET PRÉTENTIONS DES PARTIES",
    "EXPOSÉ DES FAITS ET DE LA PROCÉDURE", "RAPPEL DES FAITS ET DE LA PROCÉDURE", "FAITS ET PROCÉDURE ANTÉRIEURE",
    "1. EXPOSÉ DU LITIGE",
])
def test_headings_of_the_facts(heading):
    text = f"COUR D'APPEL DE PAU\n\nAPPELANT :\nM. X\n\n{heading}\n\nLes faits.\n\nMOTIFS\n\nLes raisons.\n\nPAR CES MOTIFS\n\nConfirme."
    z = zones(text)
    assert text_of(text, z.first("expose du litige")).startswith(heading)


@pytest.mark.parametrize("heading", [
    "PAR CES MOTIFS", "PAR CES MOTIFS :", "Par ces motifs,", "PAR CES MOTIFS, le tribunal, statuant publiquement,",
    "PAR CES MOTIFS, Nous, juge des référés, constatons la résiliation du bail.", "DISPOSITIF",
    "P A R  C E S  M O T I F S",
])
def test_headings_of_the_dispositif(heading):
    text = f"TRIBUNAL JUDICIAIRE DE LAVAL\n\nMOTIFS DE LA DÉCISION\n\nLes raisons.\n\n{heading}\n\nRejette la demande."
    z = zones(text)
    assert text_of(text, z.first("dispositif")).startswith(heading)


def test_offsets_are_those_of_the_original_text_with_invisible_characters_and_crlf():
    text = "COUR D'APPEL DE PAU\r\n\r\nMO\u200bTIFS\r\n\r\nLes rai\u00adsons.\r\n\r\nPAR CES MOTIFS\r\n\r\nConfirme."
    z = zones(text)
    assert text_of(text, z.first("motivations")) == "MO\u200bTIFS\r\n\r\nLes rai\u00adsons."
    assert text_of(text, z.first("dispositif")) == "PAR CES MOTIFS\r\n\r\nConfirme."


# --- The value --------------------------------------------------------------------------

def test_zones_lookups():
    z = zones(CASSATION)
    assert z.get("moyens") == (z.zones[3],)
    assert len(z.get("motivations")) == 2 and z.get("nothing") == ()
    assert z.first("nothing") is None and "dispositif" in z and "nothing" not in z
    offset = CASSATION.index("Réponse de la Cour")
    assert z.at(offset).name == "motivations"
    assert z.at(len(CASSATION) + 10) is None
    assert [zone.name for zone in z.within(CASSATION.index("Mme LEMAIRE"))] == ["introduction", "composition"]
    assert z.spans("moyens") == ((z.zones[3].start, z.zones[3].end),)
    assert z.names == ("introduction", "expose du litige", "motivations", "moyens", "dispositif")
    assert len(z) == 6 and list(z) == list(z.zones)
    data = z.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["kind"] == "cassation" and len(data["zones"]["motivations"]) == 2


def test_zones_never_overlap_and_cover_the_text_in_order():
    for text in (CASSATION, NOT_SPECIALLY_REASONED, OLDER_CASSATION, APPEAL, ORDER_WITHOUT_HEADINGS):
        z = zones(text)
        for a, b in zip(z.zones, z.zones[1:]):
            assert a.end <= b.start and text[a.end:b.start].strip() == ""
        assert z.zones[0].start == 0 and z.zones[-1].end == len(text.rstrip())


def test_a_text_without_headings_has_no_zones():
    assert zones("Le tribunal a statué.") == Zones()
    assert zones("") == Zones()


def test_a_known_kind_can_be_given():
    assert zones(APPEAL, kind="appel").kind == "appel"
    assert zones(APPEAL, kind="cassation").first("juridiction") is None


def test_bad_input_is_refused_in_one_line():
    with pytest.raises(TypeError, match="str"):
        zones(None)
    with pytest.raises(ZoneWordsError, match="sequence of phrases"):
        ZoneWords(expose_headings="EXPOSÉ DU LITIGE")
    with pytest.raises(ZoneWordsError, match="empty"):
        ZoneWords(motivation_headings=("MOTIFS", " "))
    with pytest.raises(TypeError, match="ZoneWords"):
        find_zones("text", {"motivation_headings": ("MOTIFS",)})


# --- Words come from the pack ------------------------------------------------------------

def test_the_french_pack_gives_its_zone_words_through_its_profile():
    profile = load_profile("fr")
    assert hasattr(profile.zone_words(), "EXPOSE_HEADINGS")
    assert isinstance(zone_words("fr"), ZoneWords)
    assert zone_words("fr") is zone_words("fr")  # built once


def test_a_pack_without_zone_words_cannot_zone():
    assert load_profile("pl").zone_words is None
    with pytest.raises(NoZoneWordsError, match="profile 'pl' has no zone words.*fr"):
        zones("SĄD OKRĘGOWY", profile="pl")


def test_words_of_ones_own_can_be_given():
    words = ZoneWords(motivation_headings=("GRÜNDE",), dispositif_headings=("TENOR",))
    z = zones("LANDGERICHT\nGRÜNDE\nDie Klage ist begründet.\nTENOR\nDer Beklagte zahlt.", profile=words)
    assert names(z) == ["introduction", "motivations", "dispositif"]


def test_zoning_is_public_and_lazy():
    assert judanon.zones is zones
    assert judanon.Zone is Zone and judanon.Zones is Zones


def test_every_pattern_runs_under_the_decisions_time_budget():
    with limits.document_deadline(len(CASSATION), seconds=0.0):
        with pytest.raises(TimeoutError):
            zones(CASSATION)
    assert "dispositif" in zones(CASSATION)


# --- Shares of decisions where each zone is found ----------------------------------------

def test_zone_shares_leave_out_empty_texts():
    shares = zone_shares([CASSATION, ORDER_WITHOUT_HEADINGS, "undefined", "   "])
    assert (shares.decisions, shares.empty) == (2, 2)
    assert shares.shares["dispositif"] == 1.0 and shares.shares["moyens"] == 0.5
    assert shares.shares["moyens annexes"] == 0.0
    assert shares.to_dict()["found"]["motivations"] == 2
    assert is_empty("undefined") and is_empty(None) and not is_empty(CASSATION)


def _shared_decisions():
    if not DATA.is_dir():
        pytest.skip(f"the shared decisions are not at {DATA} (set JUDANON_SHARED_DATA to their folder)")
    docs = []
    for name in ("dev.jsonl", "silver.jsonl"):
        with open(DATA / name, encoding="utf-8") as f:
            docs += [json.loads(line) for line in f]
    return docs


@pytest.mark.parametrize("source", ["jurinet", "jurica", "juritj"])
def test_the_reasons_and_dispositif_of_the_shared_decisions_are_found(source):
    texts = [d["text"] for d in _shared_decisions() if d["source"] == source]
    shares = zone_shares(texts).shares
    assert shares["dispositif"] >= 0.95
    assert shares["motivations"] >= 0.95
    assert shares["introduction"] >= 0.95
