"""Towns named in a list after a context word, as data + patterns.

``addresses`` finds one town after its context word (``demeurant à Lyon``); a
decision often names several in a row, and each of them is a place of the case:

* ``les communes de Bron, de Vénissieux et de Saint-Priest``;
* ``le trajet entre Rennes et Vitré`` (only after a word of travel);
* ``il a résidé à Nantes, puis à Angers``.

The first town needs its context word; each next one continues from the end of the
previous match (``\\G``), one separator away (a comma, ``et``, ``puis``), so a list
is read only where its context is. Towns are recognized by their shape
(``addresses.TOWN``): no town is listed. A civility after the separator
(``et M. Roux``) ends the list.
"""

from __future__ import annotations

from typing import Tuple

import regex

from judanon.detectors.regex import MARKER, Pattern, literal_trie
from judanon.entities import LOCALITE
from judanon.packs.fr.addresses import TOWN

__all__ = ["PATTERNS", "VERSION", "TRAVEL_WORDS", "RESIDED_WORDS"]

VERSION = "1"

# --- Words (data) ---------------------------------------------------------------------

#: Nouns of a journey after which ``entre X et Y`` joins two places (``la distance
#: entre`` or ``les relations entre`` may join two persons: not here).
TRAVEL_WORDS: Tuple[str, ...] = (
    "trajet", "trajets", "navette", "navettes", "déplacement", "déplacements",
    "aller-retour", "allers-retours", "aller et retour", "allers et retours", "voyage",
    "voyages", "itinéraire", "itinéraires",
)

#: Words saying where a person lived, before ``à`` + town (``a résidé à X puis à Y``).
RESIDED_WORDS: Tuple[str, ...] = (
    "résidé", "résidant", "résidante", "résidait", "résidaient", "vécu", "vivant", "vivait",
    "vivaient", "habité", "habitant", "habitante", "habitait", "habitaient", "demeuré",
    "demeurant", "demeurante", "demeurait", "demeuraient", "séjourné", "installé", "installée",
    "installés", "installées", "domicilié", "domiciliée", "domiciliés", "domiciliées",
    "hébergé", "hébergée", "hébergés", "hébergées", "déménagé",
)

#: Words after a town that take the list on to the next one (``, puis à``).
NEXT_PLACE_WORDS: Tuple[str, ...] = ("puis", "et", "ensuite", "et enfin", "puis enfin", "et ensuite")

# --- Patterns -------------------------------------------------------------------------

_SP = r"[ \t\u00a0\u202f]"
#: A civility or title is a person, not a town (``communes de Bron et M. Roux``).
_NOT_TITLE = r"(?!(?:M|MM|Mme|Mmes|Mlle|Me|Mr|Dr|Monsieur|Madame|Mademoiselle|Maître)\b)"
_TOWN = _NOT_TITLE + r"(?P<town>" + TOWN + r")"
#: A town already replaced (``[Localité 1]``) may open a list: the match reports nothing
#: (the group does not take part) and the next town continues from it.
_MARKER = MARKER
_FIRST = r"(?:" + _TOWN + r"|" + _MARKER + r")"
#: Only right after the previous town of the same list (a match ends on a letter or on
#: a marker's bracket).
_CONTINUE = r"\G(?<=[\p{L}¿\]])"


def _words(words) -> str:
    """Alternation of phrases, longest first; a space matches any run of line spaces."""
    return "(?i:" + "|".join(
        regex.escape(w).replace(r"\ ", _SP + "+") for w in sorted(words, key=len, reverse=True)
    ) + ")"


# les communes de Bron, de Vénissieux et de Saint-Priest; la commune de X et de Y.
# ``les parties communes de l'immeuble`` is no list of towns.
_COMMUNES = regex.compile(
    r"(?<!(?i:parties)" + _SP + r"+)(?i:\bcommunes?)" + _SP + r"+(?i:de" + _SP + r"+|d['’]" + _SP + r"*)"
    + _FIRST
    + r"|" + _CONTINUE + r"(?:" + _SP + r"*," + _SP + r"*(?:(?i:et|ou)" + _SP + r"+)?|" + _SP
    + r"+(?i:et|ou)" + _SP + r"+)(?:(?i:de|d['’])" + _SP + r"*(?<=\s|['’]))?" + _TOWN
)

# le trajet (quotidien) entre Rennes et Vitré: two towns, the second right after ``et``.
# Read from ``entre`` (one literal, fast to scan), the journey checked looking back.
_BETWEEN = regex.compile(
    r"(?i:entre)(?<=\b" + _words(TRAVEL_WORDS) + r"(?:" + _SP + r"+[\p{Ll}\-]+){0,3}" + _SP + r"+(?i:entre))"
    + _SP + r"+" + _FIRST + r"(?=" + _SP + r"+(?i:et)" + _SP + r"+" + _NOT_TITLE + TOWN + r")"
    + r"|" + _CONTINUE + r"(?<=(?i:\bentre)" + _SP + r"+(?:" + TOWN + r"|" + _MARKER + r"))"
    + _SP + r"+(?i:et)" + _SP + r"+" + _TOWN
)

# il a résidé à Nantes, puis à Angers; demeurant successivement à X, à Y et enfin à Z.
# Read from ``à`` followed by a capital, the residence word checked looking back.
_RESIDED = regex.compile(
    r"[àÀ]" + _SP + r"+(?=[\p{Lu}¿\[])(?<=\b" + _words(RESIDED_WORDS) + r"(?:" + _SP + r"+\p{Ll}+ment)?"
    + _SP + r"+[àÀ]" + _SP + r"+)"
    + _FIRST
    + r"|" + _CONTINUE + _SP + r"*,?" + _SP + r"*(?:" + _words(NEXT_PLACE_WORDS) + _SP + r"+)?"
    + r"(?i:à)" + _SP + r"+" + _TOWN
)


def _anchor(words) -> "regex.Pattern":
    """Where a list may start, as a lowercase trie (fast to scan); ``Pattern(chain=True)``
    then reads the list on from each match."""
    return regex.compile(r"\b" + literal_trie(sorted({w.lower() for w in words})) + r"(?![\p{L}\-])")


PATTERNS: Tuple[Pattern, ...] = (
    Pattern("town_list_communes", LOCALITE, _COMMUNES, group="town", chain=True,
            anchor=_anchor(("commune", "communes")), linear=True),
    Pattern("town_list_between", LOCALITE, _BETWEEN, group="town", score=0.9, chain=True,
            anchor=regex.compile(r"entre\b"), linear=True),
    Pattern("town_list_resided", LOCALITE, _RESIDED, group="town", chain=True,
            anchor=regex.compile(r"à"), linear=True),
)
