"""French words for zoning decisions (:mod:`judanon.text.zones`): the headings and formulas
that open each zone of the Cour de cassation's document model, in decisions of the
Cour de cassation, of the cours d'appel and of first instance courts.

Data only. Phrases are written as decisions write them; matching ignores case and
accents (see :class:`judanon.text.zones.ZoneWords` for how a heading matches a line).
"""

from __future__ import annotations

from typing import Dict, Tuple

from judanon.packs.fr.persons import ASSISTED_BY, LINE_TITLE_ARTICLES, MAGISTRATE_TITLES, PARQUET_TITLES

#: Headings of the facts, the procedure and the parties' claims.
EXPOSE_HEADINGS: Tuple[str, ...] = (
    "Exposé du litige", "Exposé des faits", "Exposé des faits et de la procédure",
    "Exposé de la procédure", "Exposé de l'affaire", "Exposé des prétentions",
    "Exposé des prétentions et moyens des parties", "Exposé des prétentions des parties",
    "Exposé des demandes", "Exposé", "Rappel des faits", "Rappel de la procédure",
    "Rappel des faits et de la procédure", "Faits et procédure", "Faits et procédures",
    "Faits, procédure", "Faits et prétentions", "Faits constants", "Faits", "Les faits",
    "La procédure", "Procédure", "Procédure et prétentions", "Prétentions des parties",
    "Prétentions et moyens des parties", "Moyens et prétentions des parties",
    "Demandes et moyens des parties", "Objet du litige", "Objet de la demande",
    "Éléments du litige", "Présentation du litige", "Le litige", "Rappel du litige",
)

#: Headings of the court's reasons. ``Examen du moyen`` opens the reasons of a decision
#: of the Cour de cassation: statements of grounds and answers alternate after it.
MOTIVATION_HEADINGS: Tuple[str, ...] = (
    "Motifs de la décision", "Motifs de l'arrêt", "Motifs du jugement", "Motifs de l'ordonnance",
    "Motifs", "Motivation", "Motivation de la décision", "Motifs et décision", "Discussion",
    "Discussion et motifs", "Motifs et discussion", "Sur ce", "Sur ce, la cour", "Sur quoi",
    "Sur quoi, la cour", "Sur ce, le tribunal", "En droit", "Les motifs", "Motivations",
    "Examen du moyen", "Examen des moyens", "Examen du pourvoi", "Examen des pourvois",
    "Examen de la recevabilité du pourvoi", "Recevabilité du pourvoi",
    "Examen de la demande", "Sur la recevabilité du pourvoi", "Examen du moyen relevé d'office",
    # reasons already hidden: the marker stands where they were
    "[Débats non publics", "[Motifs de la décision occultés", "[Motivation de la décision occultée",
    "[Motifs occultés",
)

#: Headings of what the court decides. ``EN CONSÉQUENCE, la Cour`` closes the reasons
#: of a decision of the Cour de cassation that is not specially reasoned.
DISPOSITIF_HEADINGS: Tuple[str, ...] = (
    "Par ces motifs", "En conséquence, la Cour", "Dispositif",
)

#: Words by which a heading in capitals goes on (``EXPOSÉ DU LITIGE ET DES PRÉTENTIONS``).
HEADING_LINKS: Tuple[str, ...] = ("et", "de", "des", "du", "de la", "de l'", "sur", "en")

#: Headings of the grounds annexed after a decision of the Cour de cassation.
ANNEX_HEADINGS: Tuple[str, ...] = (
    "Moyens annexes", "Moyen annexe", "Moyens annexés", "Moyen annexé",
    "Moyens produits par", "Moyen produit par", "Moyens annexes au présent arrêt",
    "Moyen annexé au présent arrêt",
)

#: Inside the reasons of the Cour de cassation: a statement of grounds opens ...
GROUNDS_HEADINGS: Tuple[str, ...] = (
    "Énoncé du moyen", "Énoncé des moyens", "Exposé du moyen", "Exposé des moyens",
    "Énoncé du grief", "Énoncé des griefs",
)
#: ... and the court's answer returns to the reasons.
ANSWER_HEADINGS: Tuple[str, ...] = (
    "Réponse de la Cour", "Réponse de la cour", "Portée et conséquences de la cassation",
    "Portée et conséquence de la cassation", "Examen de la demande de renvoi", "Moyen relevé d'office",
    "Sur le moyen relevé d'office",
)

#: The formula closing the introduction of a decision of the Cour de cassation.
INTRODUCTION_ENDS: Tuple[str, ...] = (
    "a rendu le présent arrêt", "a rendu la présente décision", "a rendu l'arrêt suivant",
    "a rendu la décision suivante", "a rendu le présent avis",
    # the older style's last line: "Sur le rapport de ..., et après en avoir délibéré conformément à la loi ;"
    "après en avoir délibéré conformément à la loi",
)

#: How reasons without a heading open (short orders: ``Attendu que ...``).
UNHEADED_REASONS: Tuple[str, ...] = (
    "Attendu", "Considérant", "Vu", "Sur ce", "Il convient",
)

#: The court's name opening a line of the header, per kind of decision (the first kind
#: found wins: a court of appeal quoting a first instance court stays a court of appeal).
COURTS: Dict[str, Tuple[str, ...]] = {
    "cassation": ("Cour de cassation", "Arrêt de la Cour de cassation", "Décision de la Cour de cassation"),
    "appel": ("Cour d'appel", "Cour d'appel de", "Juridiction du premier président"),
    "premiere_instance": (
        "Tribunal judiciaire", "Tribunal de grande instance", "Tribunal d'instance",
        "Tribunal de commerce", "Tribunal de proximité", "Tribunal", "Conseil de prud'hommes",
        "Tribunal pour enfants", "Tribunal paritaire des baux ruraux", "Pôle social",
    ),
}

#: Words naming the chamber on a header line (``3ème chambre A``, ``Pôle 4 - Chambre 5``,
#: ``SOC.``).
CHAMBER_WORDS: Tuple[str, ...] = (
    "chambre", "pôle", "section", "soc", "civ", "crim", "comm", "formation",
)

#: Words before a case number (the line must hold a digit).
NUMBER_WORDS: Tuple[str, ...] = (
    "pourvoi n°", "pourvoi no", "pourvois n°", "n° RG", "RG n°", "R.G", "RG", "N° de RG",
    "répertoire général", "dossier n°", "N° Portalis", "affaire n°", "n° minute", "minute n°",
)

#: Titles of the bench and its clerks (the person detector's, ``persons.py``), without
#: the prosecution's: a prosecutor is often a party (``LE PROCUREUR DE LA RÉPUBLIQUE C/ ...``).
COURT_TITLES: Tuple[str, ...] = tuple(
    t for t in MAGISTRATE_TITLES if not any(t == p or t.startswith(p + " ") for p in PARQUET_TITLES))
#: Articles before a title opening a line (``LE GREFFIER``).
TITLE_ARTICLES: Tuple[str, ...] = LINE_TITLE_ARTICLES

#: Lines opening the bench's composition.
COMPOSITION_OPENERS: Tuple[str, ...] = (
    "Composition de la cour", "Composition du tribunal", "Composition de la juridiction",
    "Composition", "Lors des débats", "Lors du délibéré", "Nous,", "Audience tenue par",
    "Présidée par", "Présidé par", "Sur le rapport de", "Magistrat", "Magistrate",
    "Débats tenus", "Greffier", "Greffière", "Siégeant", "La Cour, en l'audience publique",
)

#: Lines opening the signatures at the end of the dispositif (lines naming a court member
#: by title, ``Le greffier``, are signatures too).
SIGNATURE_OPENERS: Tuple[str, ...] = (
    "Ainsi fait et jugé", "Ainsi jugé", "Ainsi décidé", "Ainsi fait", "Fait et jugé", "Fait à",
    "Prononcé publiquement", "Prononcée publiquement", "Prononcé par", "Prononcée par", "Signé par", "Arrêt signé", "Jugement signé", "Ordonnance signée",
    "Ordonnance rendue par",
)

#: Phrases right before a court member's name in the bench or the signatures
#: (``assistée de Mme X``, ``Présidée par X``).
MEMBER_LEADS: Tuple[str, ...] = ASSISTED_BY + (
    "assisté lors des débats de", "assistée lors des débats de", "assistés lors des débats de",
    "assistées lors des débats de", "avec l'assistance de", "présidé par", "présidée par",
)
