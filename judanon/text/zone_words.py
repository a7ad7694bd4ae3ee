"""A language's words for zoning decisions (:class:`ZoneWords`, a pack's ``zones.py``)
and the patterns built from them, which :mod:`judanon.text.zones` runs on the folded
lines of a decision.
"""

from __future__ import annotations

from typing import Dict, Iterable, Mapping, Tuple

import attrs
import regex

from judanon.errors import ArgumentError
from judanon.text import limits
from judanon.text.normalize import fold

__all__ = ["ZoneWords", "ZoneWordsError", "NUMBERING", "HEADING_TAIL"]


class ZoneWordsError(ArgumentError):
    """A pack's zone words are malformed (an unknown zone, an empty phrase)."""


def _phrases(value) -> Tuple[str, ...]:
    if isinstance(value, str):
        raise ZoneWordsError(f"expected a sequence of phrases, got the string {value!r}")
    out = tuple(value)
    for phrase in out:
        if not isinstance(phrase, str) or not phrase.strip():
            raise ZoneWordsError(f"zone words hold an empty or non-string phrase: {phrase!r}")
    return out


def _courts(value) -> Tuple[Tuple[str, Tuple[str, ...]], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((str(kind), _phrases(phrases)) for kind, phrases in items)


@attrs.frozen(slots=True)
class ZoneWords:
    """A language's words for zoning (a pack's ``zones.py``; see ``docs/zones.md``).

    Phrases are written as decisions write them (``MOTIFS DE LA DÉCISION``); they are
    folded (case, accents) and match with any spacing and either apostrophe. Headings
    match a whole line (after a numbering such as ``I -`` or ``2.``), or a line that
    goes on in capitals after a punctuation or one of ``heading_links``
    (``EXPOSÉ DU LITIGE ET DES PRÉTENTIONS``, ``PAR CES MOTIFS, Nous ...``) or ends with ``:`` or
    ``,`` (``PAR CES MOTIFS, la Cour :``). Every field is optional: an empty one turns
    its rule off.
    """

    #: Headings opening the ``expose du litige`` (``EXPOSÉ DU LITIGE``, ``Faits et procédure``).
    expose_headings: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Headings opening the reasons (``MOTIFS DE LA DÉCISION``, ``Examen du moyen``).
    motivation_headings: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Headings opening the ``dispositif`` (``PAR CES MOTIFS``); never after a numbering.
    dispositif_headings: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Headings opening the ``moyens annexes`` (``MOYENS ANNEXES``), after the dispositif.
    annex_headings: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Words by which a heading in capitals goes on (``EXPOSÉ DU LITIGE ET DES ...``).
    heading_links: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Inside the reasons, headings opening a statement of grounds (``Énoncé du moyen``,
    #: a ``moyens`` part) and those returning to the court's answer (``Réponse de la Cour``).
    grounds_headings: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    answer_headings: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Phrases on the last line of the introduction (``a rendu le présent arrêt``).
    introduction_ends: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Line openers of reasons written without a heading (``Attendu``, ``Vu``).
    unheaded_reasons: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Kind of decision -> line openers naming the court (``COUR D'APPEL``); the first
    #: kind whose court opens a line of the introduction is the decision's kind.
    courts: Tuple[Tuple[str, Tuple[str, ...]], ...] = attrs.field(default=(), converter=_courts)
    #: Words naming a chamber on a short line of the introduction (``chambre``, ``pôle``).
    chamber_words: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Phrases before a case number (``Pourvoi n°``, ``N° RG``).
    number_words: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Titles of court members (``président``, ``greffière``): a line naming one belongs
    #: to the bench (introduction) or to the signatures (dispositif).
    court_titles: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Articles before a title opening a line (``LE GREFFIER``, ``La présidente``).
    title_articles: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Line openers of the bench (``COMPOSITION DE LA COUR``, ``Nous,``) and of the
    #: signatures (``Ainsi fait et jugé``, ``Fait à``).
    composition_openers: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    signature_openers: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Phrases right before a court member's name in the bench (``assistée de``, ``en
    #: présence de``): with a title beside a name, or an opener before it, they tell a
    #: court member's name there (``judanon.resolve.court``).
    member_leads: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    _patterns: Dict[str, object] = attrs.field(init=False, repr=False, eq=False, factory=dict)

    def __attrs_post_init__(self):
        self._patterns.update(_build_patterns(self))

    def pattern(self, key: str):
        """The compiled pattern ``key`` (``None`` when its words are empty)."""
        return self._patterns.get(key)

    @classmethod
    def from_module(cls, module) -> "ZoneWords":
        """The words whose fields are ``module``'s names in capitals (``EXPOSE_HEADINGS``
        ...); names the module lacks keep their defaults."""
        values = {}
        for field in attrs.fields(cls):
            if field.init and hasattr(module, field.name.upper()):
                values[field.name] = getattr(module, field.name.upper())
        return cls(**values)


# --- Patterns built from the words ---------------------------------------------------

#: A numbering before a heading: ``I -``, ``2.``, ``B/``, ``1°)``, a dash or a bullet.
NUMBERING = r"(?:(?:[ivx]{1,5}|\d{1,2}|[a-h])[ \t]*[-.)/°:]+[ \t]*\)?[ \t]*|[-*•][ \t]*)?"
HEADING_TAIL = r"[ \t]*[:.,;\-]*[ \t]*"


def _alternation(phrases: Iterable[str], spaced: bool = False) -> str:
    """Folded ``phrases``, longest first, any run of spaces for a space, either
    apostrophe (folded to ``'``) followed by optional spaces; with ``spaced``, also
    written letter by letter (``P A R  C E S  M O T I F S``)."""
    keys = sorted({" ".join(fold(p).split()) for p in phrases}, key=len, reverse=True)
    parts = [regex.escape(k).replace(r"\ ", " ").replace(" ", r"[ \t]+").replace("'", r"'[ \t]*") for k in keys]
    if spaced:
        parts += [r"[ \t]+".join(r"[ \t]?".join(regex.escape(ch) for ch in word) for word in k.split())
                  for k in keys if len(k) > 3]
    return "(?:" + "|".join(parts) + ")"


def _build_patterns(words: ZoneWords) -> Dict[str, object]:
    """Compiled patterns of ``words``, run on folded lines with ``match(text, pos, endpos)``.

    ``<zone>``: the heading opens the line (group ``rest``: what follows it);
    ``ends``/``titles``/``chambers``/``numbers``: found anywhere in a line."""
    out: Dict[str, object] = {}
    headed = (("expose", words.expose_headings, True), ("motivations", words.motivation_headings, True),
              ("dispositif", words.dispositif_headings, False), ("annex", words.annex_headings, True),
              ("grounds", words.grounds_headings, True), ("answer", words.answer_headings, True))
    for key, phrases, numbered in headed:
        if phrases:
            lead = NUMBERING if numbered else ""
            out[key] = limits.compile(r"[ \t]*" + lead + "(?P<phrase>" + _alternation(phrases, spaced=True)
                                      + r")(?![\w'])(?P<rest>[^\n]*)")
    openers = (("reasons", words.unheaded_reasons), ("composition", words.composition_openers),
               ("signature", words.signature_openers))
    for key, phrases in openers:
        if phrases:
            out[key] = limits.compile(r"[ \t]*" + NUMBERING + _alternation(phrases) + r"(?![\w])")
    if words.heading_links:
        out["links"] = limits.compile(r"[ \t]+" + _alternation(words.heading_links) + r"(?![\w])")
    if words.title_articles:
        out["title_head"] = limits.compile(r"[ \t]*(?:[-*\u2022\u2013][ \t]*)?" + _alternation(words.title_articles)
                                           + r"[ \t]*")
    anywhere = (("ends", words.introduction_ends), ("titles", words.court_titles),
                ("chambers", words.chamber_words), ("numbers", words.number_words))
    for key, phrases in anywhere:
        if phrases:
            out[key] = limits.compile(r"(?<![\w])" + _alternation(phrases) + r"(?![\w])")
    for kind, phrases in words.courts:
        out["court:" + kind] = limits.compile(r"[ \t]*" + _alternation(phrases) + r"(?![\w])")
    out.update(_member_patterns(words))
    return out


def _member_patterns(words: ZoneWords) -> Dict[str, object]:
    """``member_before``: what ends right before a court member's name (a lead, a title
    and a colon, a title); ``member_opener``: a line from its start to the name (an
    opener of the bench or the signatures); ``member_after``: what opens right after it
    (a title, after a comma or an article). Run on folded text."""
    out: Dict[str, object] = {}
    if not words.court_titles:
        return out
    titles = _alternation(words.court_titles)
    before = [r"(?<![\w])" + titles + r"(?:[ \t]+[^\n:;,]{0,30})?[ \t]*:", r"(?<![\w])" + titles + r"[ \t]*,?"]
    if words.member_leads:
        before.insert(0, r"(?<![\w])" + _alternation(words.member_leads))
    # matched backwards from the name (``(?r)``): one anchored attempt, not one per character
    out["member_before"] = limits.compile(r"(?r)(?:" + "|".join(before) + r")[ \t]*\Z")
    openers = words.composition_openers + words.signature_openers
    if openers:
        out["member_opener"] = limits.compile(r"[ \t]*" + NUMBERING + _alternation(openers) + r"[ \t,:]*\Z")
    article = r"(?:" + _alternation(words.title_articles) + r"[ \t]+)?" if words.title_articles else ""
    out["member_after"] = limits.compile(r"[ \t]*,?[ \t]*" + article + titles + r"(?![\w])")
    return out

