"""Persons, magistrates and lawyers found from the words around them.

:class:`PersonContextDetector` needs no name list and no model: it anchors on
context literals (civilities, ``épouse``, ``Maître``, court titles, signature
headings) with a few combined patterns, reads the run of capitalized words
next to each anchor, and decides from the context whether the run names a
party (``personnePhysique``), a member of the court
(``professionnelMagistratGreffier``) or a lawyer (``professionnelAvocat``).

Span style follows the Label annotations: for persons and court members each
name part is its own span (first name, surname; a surname keeps its particles,
``de La Fontaine``); civilities and titles are left out. A lawyer is one span
from the first name to the end of the firm (``Jean DURAND de la SCP DURAND``).

The detector reports every occurrence it finds from context; linking a name
found once to its other occurrences is the job of :mod:`judanon.resolve`.
"""

from __future__ import annotations

import functools
import re
from typing import Callable, Dict, Iterable, List, Tuple

import attrs
import regex

from judanon.entities import AVOCAT, MAGISTRAT_GREFFIER, PERSONNE_PHYSIQUE, Span
from judanon.limits import timed_module_patterns
from judanon.packs.fr import persons as fr
from judanon.textnorm import fold

__all__ = ["PersonContextDetector", "NameRun", "name_parts", "propagation_extras"]

# --- Pattern building blocks --------------------------------------------------------


def _char_class(pred: Callable[[str], bool]) -> str:
    """The Latin characters (up to U+024F) for which ``pred`` holds, as class ranges."""
    chars = [chr(c) for c in range(0x250) if pred(chr(c))]
    out, i = [], 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        out.append(re.escape(chars[i]) + ("-" + re.escape(chars[j]) if j > i else ""))
        i = j + 1
    return "".join(out)


_ACCENTS = {
    "a": "aàâä", "e": "eéèêë", "i": "iîï", "o": "oôö", "u": "uùûü", "c": "cç", "y": "yÿ",
}
_HSPACE = r"[ \t\u00a0\u202f\u2009]"
#: How far past its start an anchored match may look. Without a bound, the regex
#: engine scans the rest of the text for a required literal ("avocat") on every
#: call: quadratic on long decisions. Names and their context fit well within it.
_NEAR = 400
_SEP = _HSPACE + "+"
_APOS = r"['’]"


def _folded_char(ch: str) -> str:
    """Pattern for one character of a folded phrase: accents, spaces, apostrophes."""
    if ch in _ACCENTS:
        return "[" + _ACCENTS[ch] + "]"
    if ch == " ":
        return _SEP
    if ch == "'":
        return _APOS
    if ch == "-":
        return r"[-‐ ]"
    return re.escape(ch)


def _trie(words: Iterable[str], char: Callable[[str], str] = re.escape) -> str:
    """One pattern matching any of ``words``, longest first, factored as a trie.

    A flat alternation of a hundred literals makes the engine try every branch
    at every candidate position; the trie tries one character at a time, which
    makes the full-text scans several times faster.
    """
    root: dict = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [char(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word may end here: the longer words are tried first
            return "(?:" + body + ")?"
        return body

    return "(?:" + build(root) + ")"


def _alternation(words: Iterable[str]) -> str:
    return _trie(words)


def _sentence_case(words: Iterable[str]) -> Tuple[str, ...]:
    """The words and, for those in lowercase, their form at a sentence start."""
    words = tuple(words)
    return tuple(dict.fromkeys(words + tuple(w[:1].upper() + w[1:] for w in words if w[:1].islower())))


def _folded_alternation(phrases: Iterable[str]) -> str:
    """Any of the folded ``phrases``, also in their accented, spaced forms."""
    return _trie(phrases, _folded_char)


# ``¿`` and U+FFFD stand for letters lost to a bad encoding in exported decisions.
_LETTER = r"[\p{L}\p{M}¿\ufffd]"
_UPPER = r"[\p{Lu}¿\ufffd]"
_ELISION = _alternation(fr.ELIDED_PARTICLES)
#: One name word: capitalized or in capitals, hyphenated parts, a glued elision.
# ``c'h`` is one letter of Breton names (``Guivarc'h``, ``Le Floc'h``): the ``'h`` is part of the word.
_WORD = rf"(?:{_ELISION})?{_UPPER}{_LETTER}*(?:[-‐]{_LETTER}+|{_APOS}{_UPPER}{_LETTER}*|(?<=[cC]){_APOS}[hH](?!{_LETTER}))*"
#: An initial: ``J.``, ``J.-P.``, ``J...``.
_INITIAL = r"\p{Lu}(?:\.(?:-?\p{Lu}\.){0,3}|\.\.\.|…)"
_PARTICLE = rf"(?:{_alternation(fr.NAME_PARTICLES)})"
_TOKEN = rf"(?:{_INITIAL}|{_WORD})"
#: A run of name words on one line, particles allowed between and before them.
# Bounded: a name has a handful of parts; unbounded runs over a list of initials
# ("M. J. D. M. J. D. ...") made each civility walk the rest of the text (quadratic).
_RUN = rf"(?:{_PARTICLE}{_SEP}){{0,3}}{_TOKEN}(?:{_SEP}(?:{_PARTICLE}{_SEP}){{0,3}}{_TOKEN}){{0,11}}"

_RUN_RE = regex.compile(_RUN)
_RUN_AT_END_RE = regex.compile(rf"(?:{_RUN})[ \t\u00a0]*\Z")
_TOKEN_RE = regex.compile(
    rf"(?P<part>(?<!\S){_PARTICLE}(?=\s))|(?P<init>{_INITIAL})|(?P<word>{_WORD})"
)
_CIVILITY = _alternation(fr.CIVILITIES_SINGULAR + fr.CIVILITIES_PLURAL + fr.DOCTOR_TITLES)
_CIVILITY_PREFIX_RE = regex.compile(rf"(?:{_CIVILITY}|{_alternation(fr.LAWYER_TITLES)}){_SEP}")

_TITLES = _folded_alternation(fr.MAGISTRATE_TITLES)
_SEATED_TITLES = _folded_alternation(
    t for t in fr.MAGISTRATE_TITLES if not any(t.startswith(p) for p in fr.PARQUET_TITLES)
)
_ORDINAL = r"(?:\d+(?:er|[eè]re|re|e|[eè]me)|premi[eè]re?)"
_AFTER_TITLES = _TITLES + "|" + _folded_alternation(fr.ASSISTED_BY)
_TITLE_AFTER_RE = regex.compile(
    rf"[ \t\u00a0]*(?:,\s*|-|–|\(|:)?[ \t\u00a0]*(?:et{_SEP})?(?:(?:le|la|l['’]){_SEP}?)?"
    rf"(?:{_ORDINAL}{_SEP})?(?P<title>{_AFTER_TITLES})(?:\b|(?<=['’]))(?![-‐])"
    rf"(?P<job>{_SEP}(?:{_folded_alternation(fr.NON_COURT_TITLE_TAILS)})\b)?"
    rf"(?P<head>{_SEP}(?:de{_SEP}la|du|de{_SEP}l['’]|des|d['’]){_HSPACE}*"
    rf"(?!{_folded_alternation(fr.COURT_BODIES)}))?",
    regex.IGNORECASE,
)
_PLURAL_TITLE_RE = regex.compile(
    r"[ \t\u00a0]*,?[ \t\u00a0]*(?:conseill[eè]re?s|greffi[eè]re?s|assesseure?s|juges|magistrats)\b",
    regex.IGNORECASE,
)
#: Another named item in an enumeration: ``, Mme Y`` or ``et M. Z``.
_LIST_ITEM_RE = regex.compile(
    rf"[ \t\u00a0]*(?:,|et|,{_SEP}et){_SEP}(?:(?:{_CIVILITY}){_SEP})?(?P<run>{_RUN})"
)
_LIST_ITEM_NO_CIV_RE = regex.compile(rf"[ \t\u00a0]*(?:,|et|,{_SEP}et){_SEP}(?P<run>{_RUN})")
#: The next name of a civil-status listing: ``Madame DUPONT, Marie, Jeanne``.
_COMMA_ITEM_RE = regex.compile(rf"[ \t\u00a0]*,{_SEP}(?!(?i:saint|sainte|st|ste)\b)(?P<run>{_RUN})")
_AFTER_ANCHOR_RE = regex.compile(rf"(?:{_SEP}|[ \t]*\r?\n[ \t]*)(?P<run>{_RUN})")
#: The rest of a name that a line break cut after its first part (``M. Jean\nDupont``),
#: followed by what ends a name in running text.
_WRAPPED_RUN_RE = regex.compile(
    rf"[ \t\u00a0]*\r?\n[ \t\u00a0]*(?P<run>{_RUN})(?=[ \t\u00a0]*(?:[,;.:()]|\r?\n|\Z|[ \t\u00a0]+\p{{Ll}}))"
)
_LEAD_RE = regex.compile(
    rf"(?:{_folded_alternation(fr.MAGISTRATE_LEADS)})[ \t\u00a0]*\Z", regex.IGNORECASE
)
_LAWYER_AFTER_RE = regex.compile(
    rf"[ \t\u00a0]*,?[ \t\u00a0]*(?:avocat|avocate|avocats)\b(?!{_SEP}g[ée]n[ée]ral)",
    regex.IGNORECASE,
)
_MAGISTRATE_CUE_RE = regex.compile(
    rf"[ \t\u00a0]*,?[ \t\u00a0]*(?:{_folded_alternation(fr.MAGISTRATE_CUES_AFTER)})\b", regex.IGNORECASE
)
_LAWYER_CUE_RE = regex.compile(rf"\b(?:{_folded_alternation(fr.LAWYER_CUES)})", regex.IGNORECASE)
_OFFICER_CUE_RE = regex.compile(
    rf"(?:{_folded_alternation(fr.NON_LAWYER_OFFICER_CUES)})", regex.IGNORECASE
)
_FIRM_FORM = _alternation(fr.LAW_FIRM_FORMS)
#: What may follow a lawyer's name and still be part of the lawyer span
#: (``de la SELARL DURAND ET ASSOCIES``, ``pour le cabinet X``).
_FIRM_TAIL_RE = regex.compile(
    rf",?{_SEP}(?:du|de{_SEP}la|de{_SEP}l['’]|pour{_SEP}le|pour{_SEP}la|de{_SEP}le)"
    rf"{_SEP}(?:{_FIRM_FORM}|scp|selarl|selas|seleurl|selurl|sarl|sas|aarpi|cabinet|société)"
    rf"{_SEP}[^\n,;()]{{1,60}}?(?=[ \t\u00a0]*(?:,|;|\(|\n|$|{_SEP}avocat|{_SEP}substitu|"
    rf"{_SEP}repr[ée]sent))"
)
#: A law firm's name: name words joined by commas, ``et``, ``&`` or hyphens.
_FIRM_NAME = (
    rf"{_WORD}(?:(?:{_SEP}|,{_SEP}|{_SEP}(?:et|&|-|–){_SEP}|{_SEP}(?:{_PARTICLE}){_SEP})"
    # lazy: stop at the first "avocat"; bounded: a firm names a handful of partners
    rf"(?:{_WORD}|et{_SEP}associ[ée]s|associ[ée]s)){{0,15}}?"
)
_FIRM_RE = regex.compile(
    rf"{_SEP}(?P<firm>{_FIRM_NAME})[ \t\u00a0]*,?[ \t\u00a0]*(?:avocats?|avocates?)\b"
    rf"(?!{_SEP}g[ée]n[ée]ral)",
    regex.IGNORECASE,
)

# The stdlib ``re`` scans literal alternations several times faster than
# ``regex``; the full-text scans use it, with the upper-case class spelled out.
_RE_UPPER = "[" + _char_class(str.isupper) + "¿\ufffd]"
_RE_LOWER = "[" + _char_class(str.islower) + "¿\ufffd]"
_ANCHOR_RE = re.compile(
    r"(?<![\w.'’-])(?:"
    rf"(?P<civ>{_CIVILITY})(?=\s)"
    rf"|(?P<civglued>M\.)(?={_RE_UPPER}{_RE_LOWER})"
    rf"|(?P<law>{_alternation(fr.LAWYER_TITLES)})(?=\s)"
    rf"|(?P<firm>{_FIRM_FORM})(?={_HSPACE})"
    rf"|(?P<marital>{_alternation(fr.MARITAL_WORDS)})(?={_SEP}{_RE_UPPER})"
    rf"|(?P<alias>{_alternation(fr.ALIAS_WORDS)})(?={_SEP}{_RE_UPPER})"
    rf"|(?P<noun>{_alternation(_sentence_case(fr.PERSON_NOUNS))})(?={_SEP}{_RE_UPPER})"
    rf"|(?P<role>{_alternation(_sentence_case(fr.PARTY_ROLE_NOUNS))})(?=,{_SEP}{_RE_UPPER})"
    rf"|(?P<elided>(?:{_alternation(fr.ELIDED_PERSON_NOUNS)}){_SEP}d{_APOS})(?={_RE_UPPER})"
    r")"
)
_PLURAL_ANCHORS = frozenset(fr.CIVILITIES_PLURAL) | frozenset(fr.PLURAL_PERSON_NOUNS)
_COMMA_TITLE_RE = re.compile(
    rf",\s*(?:(?:le|la|l['’])[ \t\u00a0]*)?(?:{_ORDINAL}[ \t\u00a0]+)?"
    rf"(?:(?P<court>{_AFTER_TITLES})|(?P<function>{_folded_alternation(fr.PERSON_FUNCTIONS)}))\b",
    re.IGNORECASE,
)
# Lines that name the court: ``Président : M. X``, signature headings, party roles.
_TITLE_COLON_RE = re.compile(
    rf"(?m)^[ \t\u00a0\-–•*]*(?:(?:le|la|les|l['’]){_SEP})?(?:{_TITLES})s?\b[^:\n]{{0,40}}:",
    re.IGNORECASE,
)
_SIGNATURE_LINE_RE = re.compile(
    rf"(?m)^[ \t\u00a0]*(?:(?:(?:le|la|les|l['’])[ \t\u00a0]*)?(?:{_SEATED_TITLES})"
    rf"(?:{_SEP}(?:charg[ée]e?|d[ée]l[ée]gu[ée]e?|plac[ée]e?|lors|faisant)[^\n,]{{0,40}})?"
    rf"[ \t\u00a0,;.]*(?:et[ \t\u00a0]+)?)+$",
    re.IGNORECASE,
)
_ROLE_LINE_RE = re.compile(
    rf"(?m)^[ \t\u00a0\-–•*]*(?:{_folded_alternation(fr.PARTY_ROLES)})s?(?:[ \t\u00a0]*[:/])?"
    rf"[ \t\u00a0]*$",
    re.IGNORECASE,
)
#: One scan finds the lines that may open a court zone or a party; the three
#: patterns above then check the candidate line.
_LINE_HEAD_RE = re.compile(
    rf"(?m)^[ \t\u00a0\-–•*]*(?:(?:le|la|les|l['’])[ \t\u00a0]*)?"
    rf"(?:(?P<title>{_TITLES})|(?P<role>{_folded_alternation(fr.PARTY_ROLES)}))",
    re.IGNORECASE,
)
_NEXT_LINE_RUN_RE = regex.compile(
    rf"\s*?\n[ \t\u00a0\-–•*]*(?:(?:{_CIVILITY}){_SEP})?(?P<run>{_RUN})[ \t\u00a0]*(?:,|\n|$)"
)
_ORG_WORDS_RE = regex.compile(
    r"\b(?:soci[ée]t[ée]|sas|sarl|sa|sci|scp|selarl|eurl|snc|association|syndicat|caisse|"
    r"banque|mutuelle|compagnie|pr[ée]fet|pr[ée]f[eè]te|minist[eè]re|procureur|urssaf|cpam|"
    r"office|agence|commune|ville|d[ée]partement|r[ée]gion|[ée]tat|groupe|holding|tr[ée]sor)\b",
    regex.IGNORECASE,
)
#: What may stand between two names of a court zone (``M. X, Mme Y et Z``).
_ZONE_GAP_RE = regex.compile(
    rf"(?:[\s,:;\-–•*]|et\b|(?:{_CIVILITY})(?=\s))*\Z"
)
#: What may follow a name in a court zone: end of line, a comma, a title.
_ZONE_END_RE = regex.compile(rf"[ \t\u00a0]*(?:,|;|\.|\r?\n|\Z|et\b|(?:{_TITLES})\b)", regex.IGNORECASE)

# "First SURNAME" and "SURNAME First" without any anchor (Latin letters).
_CAP = rf"{_RE_UPPER}{_RE_LOWER}+(?:[-‐]{_RE_UPPER}{_RE_LOWER}+)*"
_CAPS = rf"(?:[DL]{_APOS})?{_RE_UPPER}{_RE_UPPER}+(?:[-‐'’]{_RE_UPPER}+)*"
_CAPS_PARTICLE = r"(?:DE|DU|DES|LE|LA|VAN|VON|DI|DA|DOS|DEL|EL|BEN|DER)"
_BARE_RE = regex.compile(
    # the lookahead lets the engine skip to capitals (the same match, found faster)
    rf"(?=[\p{{Lu}}¿\ufffd])(?<![\w.'’-])(?:"
    rf"{_CAP}(?:{_SEP}{_CAP})?{_SEP}(?:{_CAPS_PARTICLE}{_SEP})?{_CAPS}(?:{_SEP}{_CAPS})?"
    rf"|{_CAPS}(?:{_SEP}{_CAPS})?{_SEP}{_CAP}"
    rf")(?![\w¿])"
)


#: Two initials: ``J.-P. M.``, ``A. B.`` (the second followed by no letter or digit).
_TWO_INITIALS_RE = regex.compile(
    r"(?<![\w.'’\-])(?P<first>\p{Lu}\.(?:-\p{Lu}\.)?)[ \t\u00a0](?P<last>\p{Lu}\.)(?![\w\-]|[ \t\u00a0]?\d)"
)
_NOT_BEFORE_INITIALS_RE = regex.compile(
    rf"\b(?:{_alternation(fr.NOT_BEFORE_INITIALS)})\.?[ \t\u00a0]*\Z", regex.IGNORECASE
)

#: A firm named after its partners: ``la société Anne Morel, Paul Kerbrat et Yves Le Gall``
#: (two or more ``First Last`` items after a company form).
_PARTNER_ITEM = rf"{_CAP}{_SEP}(?:{_CAP}|{_CAPS})(?:{_SEP}(?:{_CAP}|{_CAPS}))?"
_PARTNERS_RE = regex.compile(
    rf"(?<![\w.])(?i:{_folded_alternation(fr.COMPANY_FORMS)}){_SEP}"
    rf"(?P<items>{_PARTNER_ITEM}(?:[ \t\u00a0]*,{_SEP}{_PARTNER_ITEM})*(?:,?{_SEP}et{_SEP}{_PARTNER_ITEM})?)"
    rf"(?=[ \t\u00a0]*[,;.)\n])"
)
#: Three or more ``First Last`` items with no anchor (``arrestation de Anne Morel, Paul
#: Kerbrat et Yves Le Gall``): a list of persons, when no word is a common word.
_NAME_LIST_RE = regex.compile(
    rf"(?<![\w.'’\-])(?P<items>{_PARTNER_ITEM}(?:[ \t\u00a0]*,{_SEP}{_PARTNER_ITEM}){{1,}}"
    rf",?{_SEP}et{_SEP}{_PARTNER_ITEM})(?![\w¿])"
)
#: What closes a name in apposition: a comma or a parenthesis.
_APPOSITION_END_RE = regex.compile(r"[ \t\u00a0]*[,(]")
#: Where a list of names may end: ``, First Last`` or ``et First Last``.
_LIST_TAIL_RE = re.compile(rf"(?:,|\bet)[ \t\u00a0]+{_CAP}[ \t\u00a0]+{_RE_UPPER}")
#: How far around such an item a list is looked for.
_LIST_WINDOW = 200


def _list_around(pattern, text: str, pos: int, start: int, end: int):
    """The match of ``pattern`` in ``text[start:end]`` whose items hold ``pos``."""
    for m in pattern.finditer(text, start, end):
        if m.start("items") <= pos < m.end("items"):
            return m
        if m.start() > pos:
            return None
    return None

#: Words that start town names (``Saint Denis, Saint Ouen et Saint Cloud``), folded.
_TOWN_STARTS = frozenset(fold(w) for w in fr.TOWN_NAME_STARTS)
_PARTICLES_FOLDED = frozenset(fold(p) for p in fr.NAME_PARTICLES)
_PARTNER_SPLIT_RE = regex.compile(rf"[ \t\u00a0]*,{_SEP}|,?{_SEP}et{_SEP}")

#: Company forms written as letters with dots (``S.A.R.L.``), folded without the dots.
_FORM_LETTERS = frozenset(fold(f).replace(".", "") for f in fr.COMPANY_FORMS + fr.LAW_FIRM_FORMS
                          if "." in f or f.isupper())

_COMPANY_BEFORE_RE = regex.compile(
    rf"(?:^|[\s(])(?:{_folded_alternation(fr.COMPANY_FORMS)})[ \t\u00a0]+\Z", regex.IGNORECASE
)


@functools.lru_cache(maxsize=65536)
def _folded_word(word: str) -> str:
    return fold(word).strip(".")


def _is_caps(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def _not_a_name(word: str) -> bool:
    return _folded_word(word) in (fr.NOT_SURNAMES if _is_caps(word) else fr.NOT_NAMES)


@attrs.frozen(slots=True)
class NameRun:
    """The name parts (``(start, end)`` pairs) of one run of name words."""

    parts: Tuple[Tuple[int, int], ...]
    start: int
    end: int


_EMPTY = NameRun((), 0, 0)


def name_parts(text: str, start: int, end: int, *, strip_leading: bool = False) -> NameRun:
    """Split ``text[start:end]`` into name parts, as Label annotates them.

    First names and initials are one part each; from the first particle on, the
    surname is one part (``de La Fontaine``). The run stops before a word that
    is never a name (``Président``, ``Attendu``). With ``strip_leading``, such
    words and prepositions at the start (``Assistée de ...``) are skipped instead.
    """
    civ = _CIVILITY_PREFIX_RE.match(text, start, end)
    if civ:  # "M. Jean" read backwards from a title: the civility is no name
        start = civ.end()
    parts: List[Tuple[int, int]] = []
    group_start = -1  # set once a particle opens the surname
    group_end = start
    pending_particle = -1
    leading = strip_leading
    for m in _TOKEN_RE.finditer(text, start, end):
        kind = m.lastgroup
        if kind == "part":
            if pending_particle < 0:
                pending_particle = m.start()
            continue
        word = m.group()
        w_start, w_end = m.start(), m.end()
        if leading and not parts and group_start < 0 and _CIVILITY_PREFIX_RE.match(text, w_start, end):
            pending_particle = -1  # "rapport de M. Durand": neither "de" nor "M." is a name
            continue
        if kind == "word" and len(word) == 1 and word.isupper() and word not in fr.PLACEHOLDER_LETTERS \
                and not text[w_end:w_end + 1].isalnum():
            kind = "init"  # "le témoin T", "Mme B a déclaré": an initial without its dot
        if kind == "word":
            if len(word) < 2 or _not_a_name(word):
                # a lone capital is a placeholder (M. X), not a name
                if leading and not parts and group_start < 0:
                    pending_particle = -1
                    continue
                break
            if leading and not parts and word[:2].lower() in ("d'", "d’", "l'", "l’"):
                w_start += 2  # "assistée d'Anne": the elision belongs to the sentence
        else:
            if fold(word).replace(".", "").replace("-", "") in _FORM_LETTERS:
                break  # "S.A.R.L.", "S.C.P.": a company form, not initials
            w_end = m.end() - (text[m.end() - 1] == ".")  # an initial: "J.-P", not its last dot
        if group_start >= 0:
            group_end = w_end
            pending_particle = -1
            continue
        if pending_particle >= 0:
            if leading and not parts and text[pending_particle].islower():
                pending_particle = -1  # "de Clémence": a preposition, not a particle
            else:
                group_start, group_end = pending_particle, w_end
                pending_particle = -1
                leading = False
                continue
        leading = False
        parts.append((w_start, w_end))
    if group_start >= 0:
        parts.append((group_start, group_end))
    if not parts:
        return _EMPTY
    return NameRun(tuple(parts), parts[0][0], parts[-1][1])


def propagation_extras(text: str) -> Tuple[Span, ...]:
    """Nothing: propagating a name to its other occurrences is done in ``resolve``."""
    return ()


def _line_bounds(text: str, pos: int) -> Tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _court_zones(text: str, title_lines: Iterable[int]) -> Tuple[Tuple[int, int], ...]:
    """Ranges where any name is a member of the court: after ``Président :`` and
    on the lines next to a signature heading (``Le Greffier    Le Président``)."""
    ranges: List[Tuple[int, int]] = []
    for line_start in title_lines:
        colon = _TITLE_COLON_RE.match(text, line_start, line_start + _NEAR)
        if colon:
            line_end = _line_bounds(text, colon.end())[1]
            if not text[colon.end():line_end].strip():
                # "GREFFIER :" alone on its line: the name is on the next non-empty one
                nxt = _BLANK_LINES_RE.match(text, line_end, line_end + _NEAR)
                if nxt and nxt.end() < len(text):
                    ranges.append((nxt.end(), _line_bounds(text, nxt.end())[1]))
                continue
            ranges.append((colon.end(), line_end))
            continue
        m = _SIGNATURE_LINE_RE.match(text, line_start, line_start + _NEAR)
        if not m or not m.group().strip():
            continue
        # the signatories' names: the next two non-empty lines, or the line above
        pos, found = m.end(), 0
        while found < 2 and pos < len(text):
            line_start, line_end = _line_bounds(text, pos + 1)
            if line_start <= pos:
                break
            if text[line_start:line_end].strip():
                if _SIGNATURE_LINE_RE.match(text, line_start, line_end):
                    break
                ranges.append((line_start, line_end))
                found += 1
            pos = line_end
        line_start = _line_bounds(text, m.start())[0]
        if line_start >= 2 and text[line_start - 1] == "\n":
            above_start, above_end = _line_bounds(text, line_start - 1)
            if text[above_start:above_end].strip():
                ranges.append((above_start, above_end))
    ranges.sort()
    return tuple(ranges)


#: ``X contre Y``: a case caption, whose names are parties.
_CAPTION_RE = re.compile(r"[ \t\u00a0]+(?:contre|c/)[ \t\u00a0]", re.IGNORECASE)
#: ``né le``, ``née à``, ``nés en`` right after a name (the name is before it).
_BORN_AFTER_RE = re.compile(r"(?<=[ \t\u00a0])n[ée]e?s?[ \t\u00a0]+(?:le|à|en)\b")
#: What may stand between the name and ``né``: spaces, one comma.
_BEFORE_BORN_RE = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*$")
#: A party's act, after its name at the start of a sentence (``Paul Kerbrat a formé un
#: pourvoi``): the criminal chamber names the accused without a civility.
_PARTY_VERB_RE = re.compile(
    r"(?<=[ \t\u00a0])(?:a|ont)[ \t\u00a0]+(?:formé|interjeté|relevé|comparu|saisi|assigné|"
    r"été[ \t\u00a0]+(?:poursuivi|condamné|entendu|placé|interpellé|renvoyé|déclaré)e?s?)\b"
)
#: Only a sentence start may come before that name: a line start, a period, a number.
_SENTENCE_START_RE = re.compile(r"(?:\A|[.;:!?]|\n|\b\d+\s*(?:\.|°/?|-))[ \t\u00a0]*\Z")
_BLANK_LINES_RE = re.compile(r"(?:[ \t\u00a0]*\r?\n)+[ \t\u00a0]*")


def _in_ranges(ranges: Tuple[Tuple[int, int], ...], pos: int) -> bool:
    for s, e in ranges:
        if s <= pos < e:
            return True
        if s > pos:
            return False
    return False


class PersonContextDetector:
    """Finds persons, court members and lawyers from the context around names."""

    name = "person-context"
    version = "1.1"

    def __init__(self, lexicon=None):
        #: first names, to read civil-status listings; the shipped lexicon by default
        self._lexicon = lexicon

    @property
    def lexicon(self):
        if self._lexicon is None:
            from judanon.lexicons import default_lexicon

            self._lexicon = default_lexicon()
        return self._lexicon

    def detect(self, text: str) -> List[Span]:
        found: Dict[Tuple[int, int], Span] = {}
        lawyers: List[Tuple[int, int]] = []
        anchored = set()
        title_lines, role_lines = [], []
        for m in _LINE_HEAD_RE.finditer(text):
            (title_lines if m.lastgroup == "title" else role_lines).append(m.start())
        zones = _court_zones(text, title_lines)

        def emit(run: NameRun, label: str, score: float, evidence: str, specificity: int = 2):
            if label == AVOCAT:
                parts = ((run.start, run.end),)
                lawyers.append((run.start, run.end))
            else:
                parts = run.parts
            for s, e in parts:
                span = Span(s, e, label, self.name, score, evidence, specificity)
                old = found.get((s, e))
                # the stronger context wins; at equal strength, the court or bar
                if old is None or (score, label != PERSONNE_PHYSIQUE) > (
                    old.score, old.label != PERSONNE_PHYSIQUE
                ):
                    found[(s, e)] = span
            anchored.add(run.start)

        for m in _ANCHOR_RE.finditer(text):
            kind = m.lastgroup
            if kind in ("civ", "civglued"):
                self._after_civility(text, m, zones, emit)
            elif kind == "law":
                self._after_lawyer_title(text, m, emit)
            elif kind == "firm":
                self._law_firm(text, m, emit)
            elif kind == "role":
                self._after_role_noun(text, m, emit)
            else:
                self._after_person_word(text, m, kind, emit)
        self._names_before_titles(text, emit)
        self._names_before_birth(text, emit)
        self._names_before_party_verbs(text, emit)
        self._zone_names(text, zones, emit)
        self._role_headers(text, role_lines, emit)
        self._bare_names(text, zones, emit, anchored)
        self._bare_initials(text, emit)
        self._partners(text, emit)

        spans = sorted(found.values(), key=lambda s: (s.start, s.end))
        if lawyers:
            # a lawyer's whole span wins over the parts other rules saw in it
            spans = [
                s for s in spans
                if not any(a <= s.start and s.end <= b and (a, b) != (s.start, s.end)
                           for a, b in lawyers)
                and (s.label == AVOCAT or (s.start, s.end) not in lawyers)
            ]
        return spans

    # --- context ----------------------------------------------------------------

    @staticmethod
    def _court_title_at(text: str, pos: int):
        m = _TITLE_AFTER_RE.match(text, pos, pos + _NEAR)
        if m and not m.group("job") and not (
            m.group("head") and m.group("title").lower().startswith("pr")
        ):
            return m
        return None

    def _classify(self, text: str, anchor: int, run: NameRun, zones) -> Tuple[str, str]:
        """Label of a run named at ``anchor`` (its civility, or its own start)."""
        if self._court_title_at(text, run.end):
            return MAGISTRAT_GREFFIER, "title_after"
        if _MAGISTRATE_CUE_RE.match(text, run.end, run.end + _NEAR):
            return MAGISTRAT_GREFFIER, "report_after"
        if _LAWYER_AFTER_RE.match(text, run.end, run.end + _NEAR):
            return AVOCAT, "avocat_after"
        # "M. X, Mme Y, conseillers": a plural title closes the enumeration
        pos = run.end
        for _ in range(4):
            item = _LIST_ITEM_RE.match(text, pos, pos + _NEAR)
            if not item:
                break
            pos = item.end()
            if _PLURAL_TITLE_RE.match(text, pos, pos + _NEAR):
                return MAGISTRAT_GREFFIER, "title_after_list"
            if _TITLE_AFTER_RE.match(text, pos, pos + _NEAR):
                break
        if _CAPTION_RE.match(text, run.end, run.end + _NEAR):
            # "Mme X contre M. LE PREFET": the caption of the case names the parties
            return PERSONNE_PHYSIQUE, "caption"
        if _in_ranges(zones, anchor):
            return MAGISTRAT_GREFFIER, "court_zone"
        if _LEAD_RE.search(text, max(0, anchor - 30), anchor):
            return MAGISTRAT_GREFFIER, "court_lead"
        return PERSONNE_PHYSIQUE, ""

    # --- rules ------------------------------------------------------------------

    def _after_civility(self, text, m, zones, emit):
        civ = m.group()
        if m.lastgroup == "civglued":
            nxt = _RUN_RE.match(text, m.end(), m.end() + _NEAR)
            span = nxt.span() if nxt else None
        else:
            nxt = _AFTER_ANCHOR_RE.match(text, m.end(), m.end() + _NEAR)
            span = nxt.span("run") if nxt else None
        if not span:
            return
        run = name_parts(text, *span)
        if not run.parts:
            return
        label, why = self._classify(text, m.start(), run, zones)
        evidence = ("doctor" if civ in fr.DOCTOR_TITLES else "civility") + ("+" + why if why else "")
        emit(run, label, 0.95, evidence)
        if len(run.parts) == 1 and label != AVOCAT:
            self._wrapped_name(text, run, label, evidence, emit)
        if civ in fr.CIVILITIES_PLURAL:
            self._list_continuation(text, run.end, label, 0.9, evidence + "_list", emit)
        elif label == PERSONNE_PHYSIQUE:
            self._first_name_list(text, run.end, emit)

    def _wrapped_name(self, text, run, label, evidence, emit):
        """``M. Jean\\nDupont``: exported decisions break lines anywhere, also inside a
        name; a one-part name that ends its line goes on with the name words that start
        the next one, when running text follows them (a comma, a lowercase word)."""
        nxt = _WRAPPED_RUN_RE.match(text, run.end, run.end + _NEAR)
        if not nxt or _CIVILITY_PREFIX_RE.match(text, nxt.start("run"), nxt.start("run") + _NEAR):
            return
        more = name_parts(text, nxt.start("run"), nxt.end("run"))
        if more.parts:
            emit(more, label, 0.9, evidence + "+line_break")

    def _first_name_list(self, text, pos, emit):
        """``Madame Hugues, Valérie, Chantal Jacques``: the civil-status way of giving
        every first name, one comma apart. Each item must hold a known first name (a
        town such as ``Saint Dominique`` or a title after the comma ends the listing)."""
        lexicon = self.lexicon
        for _ in range(6):
            item = _COMMA_ITEM_RE.match(text, pos, pos + _NEAR)
            if not item or _CIVILITY_PREFIX_RE.match(text, item.start("run"), item.start("run") + _NEAR):
                return
            more = name_parts(text, item.start("run"), item.end("run"))
            if not any(lexicon.is_first_name(text[a:b]) for a, b in more.parts):
                return
            if self._court_title_at(text, more.end) or _LAWYER_AFTER_RE.match(text, more.end, more.end + _NEAR):
                return
            emit(more, PERSONNE_PHYSIQUE, 0.9, "civility_first_names")
            pos = more.end

    def _list_continuation(self, text, pos, label, score, evidence, emit):
        for _ in range(8):
            item = _LIST_ITEM_NO_CIV_RE.match(text, pos, pos + _NEAR)
            if not item or _CIVILITY_PREFIX_RE.match(text, item.start("run"), item.start("run") + _NEAR):
                return  # a new civility is an anchor of its own
            more = name_parts(text, item.start("run"), item.end("run"))
            if not more.parts:
                return
            emit(more, label, score, evidence)
            pos = more.end

    def _after_lawyer_title(self, text, m, emit):
        nxt = _AFTER_ANCHOR_RE.match(text, m.end(), m.end() + _NEAR)
        if not nxt:
            return
        run = name_parts(text, nxt.start("run"), nxt.end("run"))
        if not run.parts:
            return
        tail = text[run.end:min(_line_bounds(text, run.end)[1], run.end + 160)]
        officer = _OFFICER_CUE_RE.search(tail)
        lawyer = _LAWYER_CUE_RE.search(tail)
        if officer and (not lawyer or officer.start() < lawyer.start()):
            # a judicial agent or a notary acting in the case: a person of the case
            emit(run, PERSONNE_PHYSIQUE, 0.85, "maitre_officer")
            return
        end = run.end
        firm = _FIRM_TAIL_RE.match(text, end, end + _NEAR)
        if firm:
            end = firm.end()
        emit(NameRun(((run.start, end),), run.start, end), AVOCAT, 0.95 if lawyer else 0.8, "maitre")

    def _law_firm(self, text, m, emit):
        fm = _FIRM_RE.match(text, m.end(), m.end() + _NEAR)
        if fm:
            s, e = fm.span("firm")
            emit(NameRun(((s, e),), s, e), AVOCAT, 0.9, "law_firm")
            return
        if m.group() in ("SCP", "S.C.P.", "SELARL", "S.E.L.A.R.L.", "Selarl"):
            # a professional firm named after its partners, not acting as counsel here
            nxt = _AFTER_ANCHOR_RE.match(text, m.end(), m.end() + _NEAR)
            if nxt:
                run = name_parts(text, nxt.start("run"), nxt.end("run"))
                if run.parts and not any(_is_caps(text[s:e]) for s, e in run.parts):
                    emit(run, PERSONNE_PHYSIQUE, 0.6, "firm_partner", 1)

    def _after_role_noun(self, text, m, emit):
        """``le requérant, Ahmet Yılmaz, ...``: a name of two words or more in apposition,
        closed by a comma or a parenthesis."""
        nxt = _AFTER_ANCHOR_RE.match(text, m.end() + 1, m.end() + 1 + _NEAR)  # past the comma
        if not nxt:
            return
        run = name_parts(text, *nxt.span("run"))
        if len(run.parts) < 2 or not _APPOSITION_END_RE.match(text, run.end, run.end + _NEAR):
            return
        emit(run, PERSONNE_PHYSIQUE, 0.85, "role_apposition")

    def _after_person_word(self, text, m, kind, emit):
        if kind == "elided":
            nxt = _RUN_RE.match(text, m.end(), m.end() + _NEAR)
            span = nxt.span() if nxt else None
        else:
            nxt = _AFTER_ANCHOR_RE.match(text, m.end(), m.end() + _NEAR)
            span = nxt.span("run") if nxt else None
        if not span:
            return
        run = name_parts(text, *span)
        if not run.parts:
            return
        emit(run, PERSONNE_PHYSIQUE, 0.9, kind)
        if kind == "marital":
            # "Anne PETIT épouse DURAND": the name before the word is the same person's
            line_start = _line_bounds(text, m.start())[0]
            before = _RUN_AT_END_RE.search(text, max(line_start, m.start() - 80), m.start())
            if before:
                prev = name_parts(text, before.start(), before.end(), strip_leading=True)
                if prev.parts:
                    emit(prev, PERSONNE_PHYSIQUE, 0.85, "marital_before")
        if m.group() in _PLURAL_ANCHORS or m.group().lower() in _PLURAL_ANCHORS:
            self._list_continuation(text, run.end, PERSONNE_PHYSIQUE, 0.85, kind + "_list", emit)

    def _partners(self, text, emit):
        """A firm named after two or more partners: each ``First Last`` is a person; so is
        each item of a list of three or more with no anchor whose words are all names."""
        # both lists end with "et First Last" or ", First Last": tried only near such an
        # item, found by a cheap scan, rather than at every capital of the decision
        last_end = 0
        for hit in _LIST_TAIL_RE.finditer(text):
            if hit.start() < last_end:
                continue
            window = (max(0, hit.start() - _LIST_WINDOW), hit.end() + _LIST_WINDOW)
            for pattern, evidence in ((_PARTNERS_RE, "partners"), (_NAME_LIST_RE, "name_list")):
                m = _list_around(pattern, text, hit.start(), *window)
                if m is None:
                    continue
                last_end = m.end()
                if evidence == "partners" and self._all_names(text, *m.span("items"), common_words=False):
                    self._name_items(text, *m.span("items"), emit, evidence, 2)
                elif evidence == "name_list" and self._all_names(text, *m.span("items"), _TOWN_STARTS):
                    self._name_items(text, *m.span("items"), emit, evidence, 3)
                break

    def _all_names(self, text, a, b, not_first=frozenset(), common_words=True) -> bool:
        """No word of ``text[a:b]`` (but ``et`` and particles) is never a name, a common word
        (``common_words``: when no company form anchors the list), nor, folded, in
        ``not_first`` (words that start towns' names)."""
        lexicon = self.lexicon if common_words else None
        words = [w for w in regex.findall(r"[\w¿\ufffd'’\-]+", text[a:b])
                 if w != "et" and fold(w) not in _PARTICLES_FOLDED]
        return not any(_not_a_name(w) or (lexicon is not None and lexicon.is_common_word(w))
                       or fold(w) in not_first for w in words)

    def _name_items(self, text, a, b, emit, evidence, at_least):
        """Each ``First Last`` item of ``text[a:b]`` (``,``/``et``-separated) is a person,
        when there are at least ``at_least`` items."""
        items, pos = [], a
        for sep in _PARTNER_SPLIT_RE.finditer(text, a, b):
            items.append((pos, sep.start()))
            pos = sep.end()
        items.append((pos, b))
        if len(items) < at_least:
            return
        for s, e in items:
            run = name_parts(text, s, e)
            if len(run.parts) >= 2:
                emit(run, PERSONNE_PHYSIQUE, 0.85, evidence)

    def _bare_initials(self, text, emit):
        """``J.-P. M. a confirmé``: a first name's and a surname's initials together name
        a person, unless a reference word stands before them (``article L. R.``)."""
        for m in _TWO_INITIALS_RE.finditer(text):
            if m.group("first") in fr.CIVILITIES_SINGULAR + fr.CIVILITIES_PLURAL:
                continue  # "M. D.": the civility rule reads it
            if _NOT_BEFORE_INITIALS_RE.search(text, max(0, m.start() - 12), m.start()):
                continue
            emit(NameRun(((m.start("first"), m.end("first") - 1), (m.start("last"), m.end("last") - 1)),
                         m.start(), m.end() - 1), PERSONNE_PHYSIQUE, 0.8, "initials")

    def _names_before_titles(self, text, emit):
        """``Anne DURAND, greffière``: names right before a court title."""
        for m in _COMMA_TITLE_RE.finditer(text):
            court = m.lastgroup == "court"
            if court and not self._court_title_at(text, m.start()):
                continue
            line_start = _line_bounds(text, m.start())[0]
            before = _RUN_AT_END_RE.search(text, max(line_start, m.start() - 80), m.start())
            if not before:
                continue
            run = name_parts(text, before.start(), before.end(), strip_leading=True)
            if court and m.group("court")[:6].lower() == "assist" and len(run.parts) < 2:
                continue  # "tribunal de Meaux, assisté de": a place, not the judge
            if court and run.parts:
                emit(run, MAGISTRAT_GREFFIER, 0.9, "title_after")
            elif len(run.parts) >= 2:
                # "Lucas Morel, interprète": two name words before a function of a person
                emit(run, PERSONNE_PHYSIQUE, 0.85, "function_after")

    def _names_before_birth(self, text, emit):
        """``Laure née le 11 juillet 1999``: a name right before a birth."""
        for m in _BORN_AFTER_RE.finditer(text):
            line_start = _line_bounds(text, m.start())[0]
            window = max(line_start, m.start() - 80)
            end = _BEFORE_BORN_RE.search(text, window, m.start()).start()
            before = _RUN_AT_END_RE.search(text, window, end)
            if not before:
                continue
            run = name_parts(text, before.start(), before.end(), strip_leading=True)
            if run.parts:
                emit(run, PERSONNE_PHYSIQUE, 0.85, "birth_after")

    def _names_before_party_verbs(self, text, emit):
        """``Paul Kerbrat a formé un pourvoi``: two or more name words opening a sentence
        whose verb is a party's act. None may be a common word that is no name
        (``Axa France``); ``Jean`` or ``Rose`` may."""
        lexicon = self.lexicon
        for m in _PARTY_VERB_RE.finditer(text):
            line_start = _line_bounds(text, m.start())[0]
            window = max(line_start, m.start() - 80)
            before = _RUN_AT_END_RE.search(text, window, m.start())
            if not before or not _SENTENCE_START_RE.search(text, max(0, before.start() - 12), before.start()):
                continue
            run = name_parts(text, before.start(), before.end())
            words = [text[a:b] for a, b in run.parts]
            if len(words) < 2 or run.start != before.start() or any(
                lexicon.is_common_word(w) and not lexicon.is_name(w) for w in words
            ):
                continue
            emit(run, PERSONNE_PHYSIQUE, 0.85, "party_verb")

    def _zone_names(self, text, zones, emit):
        """Names that make up a court zone on their own (``Président : X, Y``)."""
        for s, e in zones:
            pos = s
            for m in _RUN_RE.finditer(text, s, e):
                if not _ZONE_GAP_RE.match(text, pos, m.start()):
                    break
                run = name_parts(text, m.start(), m.end())
                if not run.parts or not _ZONE_END_RE.match(text, run.end, run.end + _NEAR):
                    break
                emit(run, MAGISTRAT_GREFFIER, 0.85, "court_zone")
                pos = m.end()

    def _role_headers(self, text, role_lines, emit):
        """``APPELANT :`` then, on the next line, the party's name."""
        for line_start in role_lines:
            m = _ROLE_LINE_RE.match(text, line_start, line_start + _NEAR)
            if not m:
                continue
            nxt = _NEXT_LINE_RUN_RE.match(text, m.end(), m.end() + _NEAR)
            if not nxt:
                continue
            line = text[slice(*_line_bounds(text, nxt.start("run")))]
            if _ORG_WORDS_RE.search(line):
                continue
            run = name_parts(text, nxt.start("run"), nxt.end("run"))
            # a first name in lower case letters tells a person from "BNP PARIBAS"
            if len(run.parts) >= 2 and not all(_is_caps(text[a:b]) for a, b in run.parts):
                emit(run, PERSONNE_PHYSIQUE, 0.8, "party_role_header")

    def _bare_names(self, text, zones, emit, anchored):
        """``Jean-Pierre DURAND`` / ``DURAND Jean-Pierre`` with no anchor."""
        for m in _BARE_RE.finditer(text):
            s, e = m.span()
            if s in anchored or any(_not_a_name(w) for w in m.group().split()):
                continue
            if _COMPANY_BEFORE_RE.search(text, max(0, s - 40), s):
                continue  # "la société BTA Insurance": a company name
            run = name_parts(text, s, e)
            if len(run.parts) < 2:
                continue
            label, why = self._classify(text, s, run, zones)
            if label == AVOCAT:
                continue  # lawyers are taken whole from their own anchors
            if label == PERSONNE_PHYSIQUE:
                emit(run, label, 0.75, "first_name_surname", 1)
            else:
                emit(run, label, 0.85, "first_name_surname+" + why)


# Every regex of this module runs under the decision's time budget (judanon.limits).
# Full-text scans that are literal alternations (no group that could backtrack) keep the
# stdlib engine: the word lists are scanned several times faster there.
timed_module_patterns(globals(), linear=("_ANCHOR_RE", "_LINE_HEAD_RE", "_LIST_TAIL_RE", "_BORN_AFTER_RE",
                                         "_CAPTION_RE"))
