"""How French courts write a judge's extra terms to hide or to keep visible
(``additionalTermsToAnnotate`` / ``additionalTermsToUnAnnotate``), read by
:mod:`judanon.text.instructions`: ``Occulter le terme Dunkerque``, ``Ne pas occulter Marie
Curie``, ``Occulter les termes « Dunkerque » et « Lille »``, ``- Dunkerque\\n- Lille``.

Data only. Phrases are matched whatever their accents; those describing a term
(``la ville de``) only where the judge wrote them in lowercase, so that a name starting
with such a word (``La Société Générale``) stays whole.
"""

from __future__ import annotations

from typing import Tuple

from judanon.packs.fr.words import ABBREVIATIONS
from judanon.packs.fr.persons import CIVILITIES_PLURAL, CIVILITIES_SINGULAR, DOCTOR_TITLES, LAWYER_TITLES

#: Verbs and nouns asking that the terms after them be hidden.
HIDE_PHRASES: Tuple[str, ...] = (
    "occulter", "occultez", "occulté", "occultée", "occultés", "occultées", "occultation",
    "occultations", "occultation complémentaire", "occultations complémentaires",
    "occultation supplémentaire", "occultations supplémentaires", "à occulter", "anonymiser",
    "anonymisez", "anonymisation", "à anonymiser", "pseudonymiser", "pseudonymisation",
    "masquer", "masquez", "à masquer", "cacher", "supprimer", "supprimez", "retirer", "effacer",
    "rendre anonyme", "ajouter", "annoter", "à annoter", "termes à occulter", "mots à occulter",
    "maintenir l'occultation de", "conserver l'occultation de", "doivent être occultés",
    "doivent être occultées", "doit être occulté", "doit être occultée", "devront être occultés",
    "sera occulté", "seront occultés",
)

#: Phrases asking that the terms after them stay visible (tried before ``HIDE_PHRASES``:
#: ``ne pas occulter`` holds ``occulter``).
KEEP_PHRASES: Tuple[str, ...] = (
    "ne pas occulter", "ne plus occulter", "n'occulter pas", "ne pas anonymiser",
    "ne pas pseudonymiser", "ne pas masquer", "ne pas cacher", "ne pas supprimer",
    "ne pas annoter", "ne pas occulter les termes", "à ne pas occulter", "à ne pas anonymiser",
    "laisser apparent", "laisser apparente", "laisser apparents", "laisser apparentes",
    "laisser visible", "laisser visibles", "laisser en clair", "maintenir", "maintenir apparent",
    "conserver", "garder", "ne pas toucher", "sauf", "mais pas", "mais non", "à l'exception de",
    "à l'exception du", "à l'exception des", "excepté", "hormis", "non occulté", "non occultés",
    "pas d'occultation de", "pas d'occultation pour", "retirer l'occultation de",
    "lever l'occultation de", "supprimer l'occultation de", "annuler l'occultation de",
    "désocculter", "ne pas anonymiser les termes", "termes à ne pas occulter",
    "ne doit pas être occulté", "ne doit pas être occultée", "ne doivent pas être occultés",
    "ne doivent pas être occultées", "ne pas être occulté", "ne pas être occultés",
    "ne sera pas occulté", "ne seront pas occultés", "pas à occulter",
)

#: Words naming the terms themselves, dropped before them (``le terme Dunkerque``).
TERM_NOUNS: Tuple[str, ...] = (
    "le terme", "les termes", "le mot", "les mots", "l'expression", "les expressions", "la mention",
    "les mentions", "les termes suivants", "les mots suivants", "les éléments suivants",
    "les noms suivants", "le nom", "les noms", "le prénom", "les prénoms", "le nom propre",
    "les noms propres", "la dénomination", "la raison sociale", "le nom commercial",
    "l'enseigne", "suivant", "suivants", "suivante", "suivantes", "termes", "terme", "mots", "mot",
)

#: What a term is, written before it and dropped (``la ville de Dunkerque``): only where
#: the judge wrote it in lowercase apart from a first capital, so that ``La Société
#: Générale`` stays whole. (Lowercase words before a term go anyway: a term starts at its
#: first capital, digit or quote.)
DESCRIPTORS: Tuple[str, ...] = (
    "nom de famille", "nom d'usage", "nom de jeune fille", "la ville", "la commune", "le village",
    "le lieu-dit", "la localité", "le département", "la région", "le pays", "la rue", "l'adresse",
    "le quartier", "la résidence", "la société", "l'entreprise", "l'employeur", "l'établissement",
    "l'association", "le groupe", "la marque", "l'hôpital", "la clinique", "l'école", "le collège",
    "le lycée", "l'enfant", "les enfants", "le mineur", "la mineure", "l'époux", "l'épouse",
    "le témoin", "la victime", "le chien", "le chat", "l'animal", "le navire", "le bateau",
    "la personne", "les personnes", "le dénommé", "la dénommée", "le nommé", "la nommée",
)

#: Civilities and titles before a person's name, dropped: the name is the term (every
#: variant of it counts, as for a party).
CIVILITIES: Tuple[str, ...] = CIVILITIES_SINGULAR + CIVILITIES_PLURAL + DOCTOR_TITLES + LAWYER_TITLES

#: Words carrying no term, dropped wherever they stand in an instruction.
FILLERS: Tuple[str, ...] = (
    "merci de", "merci d'", "prière de", "prière d'", "veuillez", "veuillez bien", "il convient de",
    "il convient d'", "il est demandé de", "il est demandé d'", "il y a lieu de", "il y a lieu d'",
    "je vous remercie de", "je vous remercie d'", "s'il vous plaît", "svp", "s.v.p.", "stp",
    "également", "aussi", "en outre", "de plus", "par ailleurs", "en plus", "partout",
    "dans toute la décision", "dans l'ensemble de la décision", "dans la décision",
    "dans le jugement", "dans l'arrêt", "dans l'ordonnance", "à chaque occurrence",
    "sous toutes ses formes", "et ses variantes", "et ses déclinaisons", "y compris", "demande",
    "demandes", "complémentaire", "complémentaires", "supplémentaire", "supplémentaires",
    "uniquement", "seulement", "svp merci", "merci", "de bien vouloir", "bien vouloir",
    "svp.", "à la demande du juge", "à la demande de la juridiction", "etc.", "etc",
)

#: Words joining two terms (``Dunkerque et Lille``).
CONNECTORS: Tuple[str, ...] = ("et", "ainsi que", "ou", "de même que", "puis")

#: Words that continue a name after ``et`` (``Dupont et Fils``): no second term there.
NAME_CONTINUATIONS: Tuple[str, ...] = (
    "fils", "fille", "filles", "frères", "soeurs", "sœurs", "associés", "associées", "cie",
    "compagnie", "partenaires", "co",
)

#: A whole instruction saying there is no term.
NOTHING: Tuple[str, ...] = (
    "néant", "aucun", "aucune", "aucun terme", "ras", "r.a.s.", "sans objet", "non", "rien",
    "pas d'occultation", "pas d'occultation complémentaire", "aucune occultation",
    "aucune occultation complémentaire", "n/a", "na", "nr", "non renseigné", "-", "/", ".",
)

#: Abbreviations whose period ends no instruction (``M. Jean Dupont``).
ABBREVIATIONS_WITH_PERIOD: Tuple[str, ...] = tuple(sorted(ABBREVIATIONS))
