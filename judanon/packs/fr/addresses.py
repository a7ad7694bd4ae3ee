"""The French postal address grammar and places in context, as data + patterns.

An address block is split the way Label annotates it:

* the street part (``91, boulevard Jean Moulin``, ``BP 123``) is ``adresse``;
* the ``postal code + town`` part (``69003 Lyon``, ``75008 PARIS CEDEX 08``) is
  ``localite``;
* a town alone is ``localite`` only after a context word (``demeurant à``,
  ``né le ... à``, ``né à``, ``Fait à``).

The seat of a court (``cour d'appel de Lyon``), legal citations and public
institutions are left out: every default rule is anchored on a street type, a postal
code or a context word about a person or about where the decision was signed
(``Fait à``). Street types that are also common nouns (``place``, ``cours``, ``voie``,
``cité``) need a house number or an introducer (``demeurant``, ``sis``) before them.
``INSTITUTION_PATTERNS`` (opt-in) report the town in an institution's name.

No town or street name is listed: names are recognized by their shape.
"""

from __future__ import annotations

import re
from typing import Tuple

import regex

from judanon.detectors.regex import Pattern, literal_trie
from judanon.entities import ADRESSE, LOCALITE
from judanon.text.limits import linear
from judanon.packs.fr.identifiers import DATE

__all__ = [
    "PATTERNS",
    "INSTITUTION_PATTERNS",
    "VISIBLE_PLACE_PATTERNS",
    "PUBLIC_SEATS",
    "VERSION",
    "TOWN",
    "STREET_TYPES",
    "STREET_TYPES_NEEDING_CONTEXT",
    "ADDRESS_INTRODUCERS",
    "RESIDENCE_WORDS",
    "SIGNED_AT",
    "INSTITUTIONS",
    "NOT_A_TOWN_LINE",
    "NOT_A_TOWN_AFTER_NUMBER",
]

VERSION = "3"

# --- Grammar (data) -------------------------------------------------------------------

#: Street types, full and abbreviated (matched case-insensitively).
STREET_TYPES: Tuple[str, ...] = (
    "rue", "ruelle", "avenue", "av.", "ave", "boulevard", "bd", "bld", "bvd", "blvd",
    "chemin", "ch.", "impasse", "imp.", "allée", "allées", "quai", "rte", "sq.", "pl.",
    "lieu-dit", "lieudit", "lieu dit", "hameau", "chaussée", "sentier", "faubourg", "fbg",
    "rond-point", "montée", "venelle", "lotissement", "zone industrielle", "zone artisanale",
    "zone d'activités", "zone d'activité", "zone commerciale", "za", "zi", "zac", "grande rue",
    "grand'rue", "chemin rural", "voie communale",
)
#: Street types that are also common nouns (``la voie de l'appel``, ``en cours``, ``la
#: Cité judiciaire``): a street only after a house number or an address introducer.
STREET_TYPES_NEEDING_CONTEXT: Tuple[str, ...] = (
    "place", "route", "cours", "square", "passage", "résidence", "voie", "cité", "esplanade",
    "promenade", "parvis", "villa", "domaine", "mail", "traverse", "rampe", "quartier", "parc",
)
#: Words after which a street type that is also a common noun starts an address.
ADDRESS_INTRODUCERS: Tuple[str, ...] = (
    "demeurant", "demeurante", "domicilié", "domiciliée", "domiciliés", "domiciliées",
    "domicilié(e)", "résidant", "résidante", "sis", "sise", "situé", "située", "situés",
    "situées", "siège", "siège social", "siège est", "siège social est", "adresse :",
    "adresse", "élisant domicile",
)

#: Lowercase words that may sit between the capitalized words of a street or town name.
NAME_CONNECTORS: Tuple[str, ...] = (
    "de la", "de l'", "de", "du", "des", "d'", "la", "le", "les", "l'",
    "et", "sur", "sous", "en", "à", "au", "aux", "lès", "lez",
)

#: Postal box forms: ``BP 123``, ``CS 12345``, ``TSA 70011``, ``Boîte postale 12``.
POSTAL_BOXES: Tuple[str, ...] = ("BP", "B.P.", "CS", "TSA", "boîte postale", "case postale")

#: Words saying where a person lives or was born, before a town alone.
RESIDENCE_WORDS: Tuple[str, ...] = (
    "demeurant", "demeurante", "demeurait", "domicilié", "domiciliée", "domiciliés",
    "domiciliées", "domicilié(e)", "résidant", "résidante", "résidait", "résident", "résidente",
    "habitant", "habitante", "habitait", "né", "née", "nés", "nées", "né(e)",
    "originaire", "décédé", "décédée", "décédé(e)", "situé", "située", "situés", "situées",
    "sis", "sise", "domicile", "résidence",
    # verbs: "la mère demeure à Brest", "ils vivent à Quimper"
    "demeure", "demeurent", "demeuraient", "réside", "résident", "résidaient", "habite", "habitent",
    "habitaient", "vit", "vivent", "vivait", "vivaient", "installé", "installée", "installés", "installées",
)

#: Words before ``à`` + town saying where the decision was signed or delivered.
SIGNED_AT: Tuple[str, ...] = (
    "fait", "fait et jugé", "faite et rendue", "fait et rendu", "jugé", "rendue", "rendu",
    "prononcée publiquement", "prononcé publiquement", "prononcée", "prononcé",
)

#: Courts and judicial offices named after their seat (``cour d'appel de Lyon``).
COURT_SEATS: Tuple[str, ...] = (
    "cour d'appel", "cour administrative d'appel", "cour d'assises", "tribunal judiciaire",
    "tribunal de grande instance", "tribunal d'instance", "tribunal de commerce",
    "tribunal administratif", "tribunal de proximité", "tribunal correctionnel",
    "tribunal de police", "tribunal pour enfants", "tribunal des affaires de sécurité sociale",
    "tribunal paritaire des baux ruraux", "pôle social du tribunal judiciaire",
    "conseil de prud'hommes", "juge des libertés et de la détention", "juge des enfants",
    "juge d'instruction", "juge de l'application des peines", "juge de l'exécution",
    "tj", "tgi", "cph", "jld", "procureur de la république", "parquet",
    "bureau d'aide juridictionnelle", "rcs", "r.c.s.", "registre du commerce et des sociétés",
)
#: Bars: ``avocat au barreau de Lyon``, ``bâtonnier de l'ordre des avocats de Paris``.
BAR_SEATS: Tuple[str, ...] = (
    "barreau", "ordre des avocats", "ordre des avocats au barreau", "bâtonnier", "batonnier",
    "bâtonnier de l'ordre des avocats", "conseil de l'ordre des avocats",
)
#: Prefectures and sub-prefectures (``préfet de police de Paris``, ``PRÉFET DU NORD``).
PREFECTURES: Tuple[str, ...] = (
    "préfet", "préfète", "prefet", "prefete", "préfet de police", "prefet de police",
    "préfecture", "prefecture", "préfecture de police", "prefecture de police",
    "sous-préfet", "sous-préfète", "sous-prefet", "sous-préfecture", "sous-prefecture",
)
#: Detention and retention places (``centre de rétention administrative n°3 du Mesnil-Amelot``).
DETENTION_PLACES: Tuple[str, ...] = (
    "centre de rétention", "centres de rétention", "centre de rétention administrative",
    "centres de rétention administrative", "local de rétention", "local de rétention administrative",
    "cra", "maison d'arrêt", "centre pénitentiaire", "centre de détention", "maison centrale",
    "centre de semi-liberté", "zone d'attente",
)
#: Other public bodies named after their seat or region (``CPAM du Rhône``,
#: ``CARSAT Bretagne``, ``commissariat de Pontivy``, ``agence Pôle emploi de Brest``).
PUBLIC_BODIES: Tuple[str, ...] = (
    "caisse primaire d'assurance maladie", "cpam", "urssaf", "caisse d'allocations familiales",
    "caf", "carsat", "msa", "mutualité sociale agricole", "caisse de mutualité sociale agricole",
    "pôle emploi", "agence pôle emploi", "france travail", "agence france travail",
    "conseil départemental", "conseil régional", "conseil général", "centre hospitalier",
    "centre hospitalier universitaire", "chu", "commissariat", "commissariat de police",
    "commissaire de police", "hôtel de police", "brigade de gendarmerie", "gendarmerie", "compagnie de gendarmerie",
    "direction départementale des finances publiques", "ddfip", "rectorat", "académie",
    "université", "chambre de commerce et d'industrie", "cci", "chambre des métiers",
)
#: The public seats of the default profile's policy: the town in these names is public
#: information and stays visible whatever a detector proposes, as in the Cour de
#: cassation's publications. ``judanon.packs.fr.regex_detector(institution_places=True)`` reports
#: court seats as towns instead, for a policy that masks them
#: (``Anonymizer(visible_places=())``).
PUBLIC_SEATS: Tuple[str, ...] = COURT_SEATS + BAR_SEATS + PREFECTURES + DETENTION_PLACES + PUBLIC_BODIES
#: Acronyms that may take their town or region without ``de`` (``TJ Meaux``, ``CARSAT Bretagne``).
SEAT_ACRONYMS: Tuple[str, ...] = ("tj", "tgi", "cph", "jld", "cra", "cpam", "urssaf", "caf",
                                   "carsat", "msa", "chu", "ddfip", "cci", "rcs", "r.c.s.")

#: Places that locate a person and are masked: the town of a mayor, a commune, a
#: ``ville de X`` (a territory, not the seat of a public body).
ADMINISTRATIVE_PLACES: Tuple[str, ...] = (
    "mairie", "maire", "commune", "ville", "centre ville", "centre-ville",
)

INSTITUTIONS: Tuple[str, ...] = PUBLIC_SEATS + ADMINISTRATIVE_PLACES

#: A capitalized line under ``postal code + town`` that is not a second town line.
NOT_A_TOWN_LINE: Tuple[str, ...] = (
    "france", "algérie", "maroc", "tunisie", "belgique", "suisse", "luxembourg", "allemagne",
    "espagne", "italie", "portugal", "royaume-uni", "sénégal", "mali", "turquie", "roumanie",
    "représenté", "représentée", "représentés", "représentées", "comparant", "comparante",
    "non", "défaillant", "défaillante", "absent", "absente", "assisté", "assistée",
    "appelant", "appelante", "intimé", "intimée", "demandeur", "demanderesse", "défendeur",
    "défenderesse", "contre", "et", "débats", "composition", "ayant", "dossier", "cedex",
    "madame", "monsieur", "mme", "m", "me", "maître", "société", "sas", "sarl", "sa", "sci",
)

#: Capitalized words after five digits that are units or plain words, not towns
#: (``15000 Euros``, ``article 12345 Du code``).
NOT_A_TOWN_AFTER_NUMBER: Tuple[str, ...] = (
    "euro", "euros", "eur", "franc", "francs", "dollar", "dollars", "livres", "habitants",
    "ans", "mois", "jours", "heures", "km", "kilomètres", "mètres", "m2", "ha", "hectares",
    "code", "article", "alinéa", "décret", "loi",
)
#: Small words that start a town only when a capitalized word follows (``De Bary``,
#: but not ``12345 Du code``). ``Le``/``La``/``Les`` start many towns and are not here.
FUNCTION_WORDS: Tuple[str, ...] = ("du", "de", "des", "au", "aux", "et", "ou", "en", "par", "pour")

# --- Building blocks ------------------------------------------------------------------

_SP = r"[ \t\u00a0\u202f]"  # spaces that stay on the line
_APOS = r"['’]"
_APOS_CHAR = regex.compile(r"\\?['’]")  # an apostrophe, escaped or not


def _words(words, flags="i", space: str = _SP + "+") -> str:
    """Alternation of phrases; spaces inside a phrase match any run of line spaces
    (``space``)."""
    escaped = (
        _APOS_CHAR.sub(_APOS, regex.escape(w).replace(r"\ ", space))
        for w in sorted(words, key=len, reverse=True)
    )
    return f"(?{flags}:" + "|".join(escaped) + ")"


# A capitalized word; ``¿`` stands for letters lost to a bad encoding in exported text.
_CAP_WORD = r"[\p{Lu}¿][\p{L}¿'’]*"
#: Civil titles are not street names (``assignation à résidence de M. X``).
_NOT_TITLE = r"(?!(?:M|MM|Mme|Mmes|Mlle|Me|Mr|Dr|Monsieur|Madame|Mademoiselle|Maître)\b)"
_NUMBER_WORD = r"\d{1,4}(?!\d)(?:\p{L}{1,3}\b)?"
_STREET_CONNECTOR = _words(NAME_CONNECTORS, flags="")
# Inside a town name written with spaces, only these connectors (``Boulogne sur Mer``);
# ``en``/``et``/``à`` would run on into a country or the next clause.
_TOWN_SPACE_CONNECTOR = _words(("sur", "sous", "les", "lès", "lez", "la", "le", "de", "du",
                                "des", "d'", "l'"), flags="")
_HYPHEN = _SP + r"*-" + _SP + r"*"


def _join(connector: str, hyphen_connector: str) -> str:
    """Gap between two capitalized words: spaces or a hyphen, optionally with lowercase
    connectors (``Aix-en-Provence``, ``rue de la Paix``), or an elided article."""
    after = r"(?:" + _SP + r"+|" + _HYPHEN + r"|(?<=" + _APOS + r"))"
    return (
        r"(?:" + _HYPHEN + r"(?:" + hyphen_connector + after + r")*"
        + r"|" + _SP + r"+(?:" + connector + after + r")*"
        + r"|(?<=\p{L})" + _APOS + r")"
    )


_STREET_JOIN = _join(_STREET_CONNECTOR, _STREET_CONNECTOR)
_TOWN_JOIN = _join(_TOWN_SPACE_CONNECTOR, _STREET_CONNECTOR)

#: A street name: capitalized words and small numbers (``rue du 8 Mai 1945``); it
#: starts with a capitalized word or a number followed by one (not ``place le 17 mai``).
_STREET_WORD = r"(?:" + _CAP_WORD + r"|" + _NUMBER_WORD + r")"
_STREET_NAME = (
    r"(?:" + _STREET_CONNECTOR + r"(?:" + _SP + r"+|(?<=" + _APOS + r")))?" + _NOT_TITLE
    + r"(?:" + _CAP_WORD + r"|" + _NUMBER_WORD + r"(?=" + _STREET_JOIN + _CAP_WORD + r"))"
    + r"(?:" + _STREET_JOIN + _STREET_WORD + r"){0,6}"
)
#: ``12, ``, ``12 bis ``, ``12-14 ``, ``12/14 ``, ``12B `` before a street type.
# Bounded repeats, then spaces to the end of a window of a few characters: no timeout.
_HOUSE_NUMBER = linear(regex.compile(
    r"(?<![\d.,/\-])\d{1,4}(?:" + _SP + r"?[\-/]" + _SP + r"?\d{1,4})?"
    r"(?:" + _SP + r"?(?i:bis|ter|quater)|" + _SP + r"?[A-D])?" + _SP + r"*,?" + _SP + r"*\Z"
), name="house number before a street")
_POSTAL_BOX = _words(POSTAL_BOXES) + _SP + r"*(?:n°" + _SP + r"*)?\d{1,6}(?!\d)"

# A house number or an introducer must stand before an ambiguous street type.
_BEFORE_AMBIGUOUS_TYPE = (
    r"(?<=(?:\d(?:" + _SP + r"?(?i:bis|ter|quater)|" + _SP + r"?[A-D])?" + _SP + r"*,?|(?<![\p{L}])"
    + _words(ADDRESS_INTRODUCERS) + r")" + _SP + r"*)"
)
#: The street part of an address, with an optional trailing postal box.
_STREET = regex.compile(
    r"(?<![\p{L}\-])(?:" + _words(STREET_TYPES)
    + r"|" + _BEFORE_AMBIGUOUS_TYPE + _words(STREET_TYPES_NEEDING_CONTEXT) + r")(?![\p{L}\-])"
    + _SP + r"+" + _STREET_NAME
    + r"(?:" + _SP + r"*[,\-]?" + _SP + r"*(?<![\p{L}])" + _POSTAL_BOX + r")?"
)
#: A street type that is also a common noun opening the line above a postal line
#: (``Route de Quimper`` then ``29000 Quimper``): the street part of an address block.
_STREET_LINE = regex.compile(
    r"(?:^|(?<=\n))" + _SP + r"*(?P<street>" + _words(STREET_TYPES_NEEDING_CONTEXT) + r"(?![\p{L}\-])" + _SP
    + r"+" + _STREET_NAME + r")(?=" + _SP + r"*,?" + _SP + r"*\r?\n" + _SP + r"*(?:FR?-)?\d{5}(?!\d))"
)
# Tried only at the start of a line that opens with such a type (the stdlib engine scans
# line starts fast).
_STREET_LINE_ANCHOR = re.compile(
    r"(?m)^[ \t\u00a0\u202f]*" + literal_trie(sorted({t.lower() for t in STREET_TYPES_NEEDING_CONTEXT}))
    + r"(?![^\W\d_]|-)"
)
# Street types in lowercase, as a trie: where the street grammar is tried.
_ALL_STREET_TYPES = STREET_TYPES + STREET_TYPES_NEEDING_CONTEXT
_STREET_ANCHOR = regex.compile(
    r"\b"
    + _APOS_CHAR.sub(_APOS, literal_trie(sorted({t.lower() for t in _ALL_STREET_TYPES})))
    + r"(?![\p{L}\-])"
)
#: A postal box alone (``BP 123``) also points at a place.
_BOX_ALONE = regex.compile(r"\b" + _POSTAL_BOX)
_BOX_ANCHOR = regex.compile(r"\b" + literal_trie(sorted({b.lower() for b in POSTAL_BOXES})) + r"\W*\d")

#: A town name: capitalized words joined by spaces, hyphens or connectors,
#: ``Saint-Rémy-de-Provence``, ``L'Isle-Adam``, ``BOULOGNE SUR MER``.
_NOT_CEDEX = r"(?!(?i:cedex)\b)"
TOWN = (
    r"[\p{Lu}¿][\p{L}¿'’]+(?:" + _TOWN_JOIN + _NOT_CEDEX + _CAP_WORD + r"){0,6}"
)
#: What may follow a town: ``CEDEX 08``, an arrondissement (``Paris 2ème``, ``MARSEILLE 08``
#: at the end of a line).
_CEDEX = (r"(?:" + _SP + r"+(?i:cedex)(?:" + _SP + r"+\d{1,3})?(?!\d)"
          r"|" + _SP + r"+(?:\d{1,2}(?i:er|e|è|ème|eme)|\d{2}(?=" + _SP + r"*(?:\r?\n|$|[,;.)])))(?![\p{L}\d]))?")
#: French postal codes (01000-98999); digits first, so the scan is fast, and
#: not a number in a list, a reference or after ``n°``; a country prefix may stand
#: before one (``F-67000``).
_POSTAL_CODE = (
    r"\d{5}(?!\d)(?<=(?:0[1-9]|[1-8]\d|9[0-8])\d{3})(?<![\d/.,\p{L}]\d{5})"
    r"(?<!(?<!(?<![\p{L}])FR?)-\d{5})"
    r"(?<!(?i:n°|no)" + _SP + r"*\d{5})"
)
#: Between a postal code and its town: spaces, a dash (``59000 - LILLE``), or, when the
#: code opens a line or follows a comma, a comma (``59000, Lille``) or a line break
#: (the code alone on its line, the town on the next).
_CODE_TOWN_GAP = (
    r"(?:" + _SP + r"*[\-–]" + _SP + r"*|" + _SP + r"+"
    r"|(?<=(?:^|\n|,)" + _SP + r"*\d{5})(?:" + _SP + r"*," + _SP + r"*"
    r"|" + _SP + r"*\r?\n" + _SP + r"*(?=" + TOWN + _SP + r"*(?:\r?\n|$))))"
)

_NOT_UNIT = (
    r"(?!" + _words(NOT_A_TOWN_AFTER_NUMBER) + r"\b)"
    r"(?!" + _words(FUNCTION_WORDS) + r"\b(?!" + _SP + r"+[\p{Lu}¿]))"
)
_POSTAL_TOWN = regex.compile(_POSTAL_CODE + _CODE_TOWN_GAP + _NOT_UNIT + _NOT_TITLE
                             + r"(?!" + _words(NOT_A_TOWN_LINE) + r"(?![\p{L}]))" + TOWN + _CEDEX)
#: A postal code in brackets after a town or a street (``à LILLE (59000)``, ``rue de
#: Brest (29200)``): a part of the postal address, as Label annotates it.
_BRACKETED_CODE = regex.compile(r"(?<=[\p{Lu}¿][\p{L}¿'’\-]*" + _SP + r"*)\((?P<code>" + _POSTAL_CODE + r")\)")
#: A postal code written with a space (``59 000 Lille``), where a postal line stands: at
#: a line start or after a comma.
_SPACED_POSTAL_TOWN = regex.compile(
    r"(?:0[1-9]|[1-8]\d|9[0-8])" + _SP + r"\d{3}(?!\d)(?<=(?:^|\n|,)" + _SP + r"*\d\d" + _SP + r"\d{3})"
    + _SP + r"+" + _NOT_UNIT + _NOT_TITLE + TOWN + _CEDEX)

#: A second capitalized town line under ``postal code + town`` (Label marks it
#: ``adresse``), unless it is a country or a procedural word.
_EXTRA_TOWN_LINE = regex.compile(
    r"(?m)" + _POSTAL_CODE + _SP + r"+" + _NOT_UNIT + TOWN + _CEDEX + _SP + r"*\r?\n"
    + r"(?!" + _words(NOT_A_TOWN_LINE) + r"(?![\p{L}]))"
    + r"(?P<town>" + TOWN + r")" + _SP + r"*\r?$"
)

_DATE_THEN = r"\s+(?i:le)\s+" + DATE + r"(?:\s+\d{4})?,?"  # a stray year after the date is tolerated
#: What may stand before ``à`` + town.
_TOWN_CONTEXT = (
    r"(?:(?<![\p{L}])(?i:n[ée]e?s?(?:\(e\))?)" + _DATE_THEN   # né le 12 mars 1975 à Lyon
    + r"|(?<![\p{L}])" + _words(RESIDENCE_WORDS)               # demeurant à Lyon, né à Lyon
    + r"|(?<![\p{L}])" + _words(SIGNED_AT)                    # Fait à Paris
    + r"|(?<![\p{L}])(?i:mari[ée]e?s?|mariage|c[ée]l[ée]br[ée]e?)(?:" + _DATE_THEN + r")?"
    + r")"
)
# Anchored on ``à`` (rare), the context is checked looking back from it.
_TOWN_AFTER_CONTEXT = regex.compile(
    r"[àÀ](?<=" + _TOWN_CONTEXT + r"\s+[àÀ])\s+" + _NOT_TITLE + r"(?P<town>" + TOWN + r")"
)
#: Officier de l'état civil de (la ville de) X: where a marriage was celebrated.
_TOWN_CIVIL_REGISTRY = regex.compile(
    r"(?i:[ée]tat[\- ]civil)(?:\s+(?i:de\s+la\s+(?:ville|commune|mairie)))?"
    + r"\s+(?i:de|du|d['’])\s*(?P<town>" + TOWN + r")"
)


def _institution_patterns(name: str, words: Tuple[str, ...], score: float, articles: bool = True) -> Pattern:
    """The town in the name of an institution (``<institution> de <Town>``).

    ``articles=False`` skips names with an article (``préfet du Nord``, ``de la Savoie``,
    ``de l'Ain``): those are départements, public and not a person's whereabouts.
    """
    connector = (r"(?:\s+(?i:de|du|des|d['’])\s*(?i:la\s+|l['’])?|(?<=(?i:tj))\s+)" if articles
                 else r"\s+(?i:de\s+(?!(?i:la\b|l['’]|police\b))|de\s+(?i:police)\s+(?i:de\s+)|d['’]\s*)")
    # "centre de rétention administrative n°3 du X": a number may follow the institution
    seat = regex.compile(r"\b" + _words(words) + r"(?:[ \t\u00a0]+(?i:n[°o])[ \t\u00a0]*\d+)?" + connector
                         + r"(?P<town>" + TOWN + r")")
    anchor = regex.compile(
        r"\b" + _APOS_CHAR.sub(_APOS, literal_trie(sorted({w.lower() for w in words}))) + r"(?![\p{L}])"
    )
    return Pattern(name, LOCALITE, seat, group="town", score=score, anchor=anchor, linear=True)


# A town that stops before a civil title (``cour d'appel de Paris Monsieur X``).
_SEAT_TOWN = r"[\p{Lu}¿][\p{L}¿'’]+(?:" + _TOWN_JOIN + _NOT_CEDEX + _NOT_TITLE + _CAP_WORD + r"){0,6}"


def _seat_pattern(name: str, words: Tuple[str, ...], acronyms: Tuple[str, ...]) -> Pattern:
    """The town or region in the name of a public body (``cour d'appel de Lyon``,
    ``TRIBUNAL JUDICIAIRE\nDE PARIS``, ``préfet de la Seine-Saint-Denis``, ``CARSAT
    Bretagne``): headings may break the name over lines, départements come with their
    article, acronyms may take the town directly."""
    connector = (r"(?:\s+(?i:de|du|des|d['’]|près\s+(?:le|la))\s*(?i:la\s+|l['’]\s*)?"
                 r"|(?<=(?<![\p{L}])" + _words(acronyms) + r")\s+)")
    seat = regex.compile(r"(?<![\p{L}])" + _words(words, space=r"\s+")
                         + r"(?:[ \t\u00a0]+(?i:n[°o])[ \t\u00a0]*\d+)?" + connector
                         + _NOT_TITLE + r"(?!" + _words(words) + r"(?![\p{L}]))(?P<town>" + _SEAT_TOWN + r")")
    # where to try: the first word of each name, in the lowercased text
    firsts = sorted({regex.split(r"[ '’]", w.lower())[0] for w in words})
    # the stdlib engine scans a literal trie several times faster than ``regex``
    anchor = re.compile(r"(?<!\w)" + literal_trie(firsts) + r"(?!\w)")
    return Pattern(name, LOCALITE, seat, group="town", score=0.7, anchor=anchor, linear=True)


#: Opt-in: the town in the name of a court, reported as a town.
INSTITUTION_PATTERNS: Tuple[Pattern, ...] = (_institution_patterns("institution_seat", COURT_SEATS, 0.7),)

#: The default profile's policy: the town in the name of a public body stays visible
#: (``Anonymizer`` keeps every place span inside these matches; the evaluation sets the
#: gold mentions inside them apart).
VISIBLE_PLACE_PATTERNS: Tuple[Pattern, ...] = (_seat_pattern("public_seat", PUBLIC_SEATS, SEAT_ACRONYMS),)

PATTERNS: Tuple[Pattern, ...] = (
    Pattern("street_address", ADRESSE, _STREET, anchor=_STREET_ANCHOR, extend_left=_HOUSE_NUMBER, linear=True),
    Pattern("postal_box", ADRESSE, _BOX_ALONE, anchor=_BOX_ANCHOR, linear=True),
    Pattern("street_line", ADRESSE, _STREET_LINE, group="street", anchor=_STREET_LINE_ANCHOR, score=0.9),
    Pattern("postal_code_town", LOCALITE, _POSTAL_TOWN, linear=True),
    Pattern("bracketed_postal_code", ADRESSE, _BRACKETED_CODE, group="code", score=0.9,
            anchor=regex.compile(r"\(\d{5}\)")),
    Pattern("spaced_postal_code_town", LOCALITE, _SPACED_POSTAL_TOWN, score=0.9,
            anchor=regex.compile(r"(?<!\d)\d\d[ \t\u00a0\u202f]\d{3}(?!\d)")),
    Pattern("extra_town_line", ADRESSE, _EXTRA_TOWN_LINE, group="town", score=0.8, linear=True),
    Pattern("town_in_context", LOCALITE, _TOWN_AFTER_CONTEXT, group="town", linear=True),
    Pattern("town_civil_registry", LOCALITE, _TOWN_CIVIL_REGISTRY, group="town",
            anchor=regex.compile(r"[ée]tat[\- ]civil"), linear=True),
    _institution_patterns("administrative_place", ADMINISTRATIVE_PLACES, 0.7, articles=False),
)
