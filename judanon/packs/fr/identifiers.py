"""French identifiers and dates in context, as data.

Every identifier with a checksum or a numbering plan is validated by
python-stdnum or phonenumbers (never by hand-written arithmetic): a number
that fails its checksum is not reported. Context rules (a date after ``né le``,
a SIREN after ``RCS``) report only the identifier itself, through a named group.

See ``docs/patterns.md`` for the table of pattern names, labels and validators.
"""

from __future__ import annotations

from typing import Tuple

import phonenumbers
import regex
from stdnum import luhn
from stdnum.fr import nir, siren, siret

from judanon.detectors.regex import Pattern
from judanon.detectors.patterns import compact, email, iban, stdnum_validator
from judanon.entities import (
    CADASTRE,
    COMPTE_BANCAIRE,
    DATE_DECES,
    DATE_MARIAGE,
    DATE_NAISSANCE,
    IMMATRICULATION,
    NUMERO_IDENTIFIANT,
    SIREN_SIRET,
    TELEPHONE,
)
from judanon.errors import PatternError
from judanon.text.limits import linear

__all__ = ["PATTERNS", "VERSION", "DATE", "MONTHS", "date_patterns"]

VERSION = "4"

# --- Grammar pieces (data) ----------------------------------------------------------

#: Month names and the abbreviations decisions use.
MONTHS: Tuple[str, ...] = (
    "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet",
    "août", "aout", "septembre", "octobre", "novembre", "décembre", "decembre",
    "janv.", "févr.", "fevr.", "avr.", "juil.", "sept.", "oct.", "nov.", "déc.", "dec.",
)

#: Separators inside numbers: space, no-break spaces, dot, dash.
_SEP = r"[ \u00a0\u202f.\-]"
_SPACE = r"[ \t\u00a0\u202f]"

_MONTH = "(?i:" + "|".join(regex.escape(m) for m in sorted(MONTHS, key=len, reverse=True)) + ")"
#: A calendar date: ``12 mars 1975``, ``1er janvier 1980``, ``12/03/1975``, ``12.03.75``.
#: The year is optional after a month name (decisions write ``né le 4 février``).
_DAY_MONTH = r"(?:[12]\d|3[01]|0?[1-9])(?i:er|ᵉʳ)?" + _SPACE + r"+" + _MONTH
_YEAR = r"(?:1[89]|20)\d{2}"
_NUMERIC_DATE = r"(?:[12]\d|3[01]|0?[1-9])[/.\-](?:1[0-2]|0?[1-9])[/.\-](?:" + _YEAR + r"|\d{2})"
DATE = (
    r"(?:" + _DAY_MONTH + r"(?:" + _SPACE + r"+" + _YEAR + r")?"
    + r"|" + _NUMERIC_DATE + r")"
    + r"(?![\d/])"
)

# Words announcing each kind of date; ``(?:\(e\))?`` accepts ``né(e)``. Each list
# starts with a few literal prefixes (``n``, ``déc``, ``mort``, ``mari``) so that its
# anchor scans fast; ``date de naissance :`` is found from ``naissance :``, ``contracté
# mariage`` from ``mariage``.
#: Whose birth or death: ``décès de M. Paul Roux``, ``naissance de l'enfant``, a few words
#: at most, with no digit, no punctuation and no ``et``/``ou`` (one event, one person).
_OF_SOMEONE = (
    r"(?:(?:\s+(?:de|du|des)\s+|\s+d['’])"
    r"(?:(?!(?:et|ou|qui|que)\s)[^\s,;:()\d]+\s+){0,4}?[^\s,;:()\d]+)?"
)
#: Between the event and its date: ``décès, le``, ``décès : ``, ``décès survenu le``,
#: ``accident mortel du``, ``décès en date du``.
_EVENT_DATE_LEAD = (
    r"(?:\s*[,:])?(?:\s+(?:survenue?s?|intervenue?s?))?(?:\s+(?:en\s+date\s+)?du(?=\s+\d))?"
)
_BORN = r"(?i:\bn(?:[ée]e?s?(?:\(e\))?|aissance" + _OF_SOMEONE + r")" + _EVENT_DATE_LEAD + r")"
_DEAD = r"(?i:\bd[ée]c(?:[ée]d[ée]e?s?(?:\(e\))?|[èe]s" + _OF_SOMEONE + r")" + _EVENT_DATE_LEAD + r")"
#: ``accident mortel du 4 juin 2016``, ``blessures mortelles``, ``il est mort le``: a rule
#: of its own, so that each anchor keeps one literal prefix.
_MORTAL = r"(?i:\bmort(?:el(?:le)?s?" + _OF_SOMEONE + r"|e?s?)" + _EVENT_DATE_LEAD + r")"
_MARRIED = (
    r"(?i:\bmari(?:[ée]e?s?(?:\(e\)s?)?|age(?:\s+(?:a\s+été\s+)?c[ée]l[ée]br[ée])?\s*:?)"
    r"|\bunis\s+par\s+les\s+liens\s+du\s+mariage)"
)
#: ``né à Lyon le ...``: a place between the context word and ``le``, within the sentence
#: (``né en 1978 et réside à Lyon. Le 12 juin 2010, ...`` names no birth date).
_PLACE_BEFORE = r"(?:\s+(?i:à|au|en)\s+(?:[^\n,;:().]|\.(?!\s)){1,60}?)?"


def _lower_anchor(context: str) -> "regex.Pattern":
    # The same words, matched case-sensitively on the lowercased text: much faster.
    if not (context.startswith("(?i:") and context.endswith(")")):
        raise PatternError(f"a date context must be one (?i:...) group, got {context!r}")
    return regex.compile("(?:" + context[4:-1] + ")")


def _date_rule(context: str, year_visible: bool = False) -> str:
    """``context [à place] [le] date``; the ``date`` group is what gets replaced.

    With ``year_visible`` a written-out date loses only its day and month
    (``né le [Date naissance 1] 1975``), the convention of published decisions; a
    numeric date (``12/03/1975``) is replaced whole either way.
    """
    if year_visible:
        date = (r"(?:(?P<date>" + _DAY_MONTH + r")(?:" + _SPACE + r"+" + _YEAR + r")?"
                r"|(?P<date>" + _NUMERIC_DATE + r"))(?![\d/])")
    else:
        date = r"(?P<date>" + DATE + ")"
    return context + _PLACE_BEFORE + r"(?:\s+(?i:le))?\s+" + date


# --- Validators (python-stdnum / phonenumbers) -----------------------------------------

def is_french_phone(value: str) -> bool:
    """A number of the French numbering plan (phonenumbers' metadata)."""
    try:
        number = phonenumbers.parse(value, "FR")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number)


def is_payment_card(value: str) -> bool:
    """Luhn-valid card number of a card network (first digit 2-6)."""
    digits = compact(value)
    return digits[:1] in "23456" and len(digits) in (15, 16, 19) and luhn.is_valid(digits)


# values, not closures: an Anonymizer holding them stays picklable
is_nir = stdnum_validator(nir)
is_siren = stdnum_validator(siren)
is_siret = stdnum_validator(siret)

# --- Patterns ------------------------------------------------------------------------

# National form: 0X then four pairs, each gap optionally one separator.
# Each regex starts with a plain character class and checks its left edge with a
# lookbehind afterwards: a leading lookbehind stops the engine's fast scan.
_PHONE_FR = regex.compile(
    r"[0+](?<![\d+][0+])"
    r"(?:[1-9](?:" + _SEP + r"?\d{2}){4}"
    # +33 6..., +33 (0)6..., 0033 6...
    r"|(?:(?<=\+)|0)33" + _SEP + r"?(?:\(0\)" + _SEP + r"?)?[1-9](?:" + _SEP + r"?\d{2}){4})(?!\d)"
)

_CARD_SEP = r"[ \u00a0\-]?"
_CARD = regex.compile(
    r"\d{4}(?<!\d\d{4})"
    r"(?:(?:" + _CARD_SEP + r"\d{4}){3}(?:" + _CARD_SEP + r"\d{3})?"  # 16 or 19 digits
    r"|(?<=3[47]\d\d)" + _CARD_SEP + r"\d{6}" + _CARD_SEP + r"\d{5})(?!\d)"  # American Express
)

# Sex, year, month, department (2A/2B for Corsica), commune, order, key.
_NIR = regex.compile(
    r"[12378](?<!\d[12378])[ \u00a0.]?\d{2}[ \u00a0.]?\d{2}[ \u00a0.]?(?:\d{2}|2[ABab])"
    r"[ \u00a0.]?\d{3}[ \u00a0.]?\d{3}[ \u00a0.]?\d{2}(?![\d])"
)

_SIRET = regex.compile(
    r"\d{3}(?<![\d.]\d{3})[ \u00a0.]?\d{3}[ \u00a0.]?\d{3}[ \u00a0.]?\d{5}(?![\d])"
)

# Nine digits are too common to stand alone: a SIREN needs its context word.
_SIREN_CONTEXT = r"\b(?:sire[nt]|r\.?\s?c\.?\s?s\b\.?|immatricul\p{L}*|num[ée]ro\s+unique\s+d.identification)"
_SIREN = regex.compile(
    r"(?i:" + _SIREN_CONTEXT + r")"
    r"[^\n\d]{0,60}?(?P<number>(?<![\d])\d{3}[ \u00a0.]?\d{3}[ \u00a0.]?\d{3})(?![ \u00a0.]?\d)"
)

# SIV plates (since 2009): letters exclude I, O and U.
_PLATE_LETTERS = "[A-HJ-NP-TV-Z]{2}"
# Scanned from the digits (rarer than capitals) and checked backwards: the lookbehind
# runs right to left, so the separator is captured on the right and repeated on the left.
_PLATE = regex.compile(
    r"\d{3}[\- ]" + _PLATE_LETTERS + r"(?![\p{L}\d\-])"
    r"(?<=(?<![\p{L}\d\-])" + _PLATE_LETTERS + r"(?P=sep)\d{3}(?P<sep>[\- ])" + _PLATE_LETTERS + r")"
)
_PLATE_LEFT = linear(regex.compile(_PLATE_LETTERS + r"[\- ]\Z"), name="plate letters before")  # bounded
# Old FNI plates (``1234 AB 56``) and compact SIV plates look like many other things:
# they need a vehicle word before them.
_PLATE_CONTEXT = regex.compile(
    r"(?i:\bimmatricul\p{L}*|\bplaques?|\bv[ée]hicules?)[^\n]{0,60}?"
    r"(?P<plate>(?<![\p{L}\d\-])(?:" + _PLATE_LETTERS + r"\d{3}" + _PLATE_LETTERS
    + r"|\d{1,4}[ \-]?[A-Z]{1,3}[ \-]?(?:\d{2}|2[AB]|97\d))(?![\p{L}\d\-]))"
)

#: One parcel number (``0321``, ``8070``), not an amount or a surface (``12,5``, ``12 ha``).
_PARCEL_NUMBER = (r"\d{1,7}(?![\d/]|[.,]\d)"
                  r"(?!\s*(?i:m2|m²|ha\b|hectares?\b|ares?\b|ca\b|€|euros?\b|%|ans?\b|mois\b))")
_PARCEL_NO = r"(?i:n°s?|nos?\.?|num[ée]ros?)"
#: Parcel numbers in a list: ``112, 113 et 115``, ``323 à 325``, ``350 et n° 351``.
_PARCEL_NUMBERS = (_PARCEL_NUMBER + r"(?:\s*(?:,(?:\s*et\b)?|\bet\b|\bà\b)\s*(?:" + _PARCEL_NO + r"\s*)?"
                   + _PARCEL_NUMBER + r")*")
#: One reference: section letters (capitals, case matters) then the parcel numbers
#: (``AI 628``, ``ZK numéros 112 et 113``, ``C, n° 1532``).
_PARCEL_REF = (r"(?:" + _PARCEL_NO + r"\s*)?[A-Z]{1,2}(?:\s*,?\s*" + _PARCEL_NO + r"\s*|\s*)"
               + _PARCEL_NUMBERS)
#: Parcel numbers without their section (``la parcelle 8070``, ``les parcelles n° 350 et 351``).
_PARCEL_NUMBERED = r"(?:" + _PARCEL_NO + r"\s*)?(?P<ref>" + _PARCEL_NUMBERS + r")"
#: Between two references of a list: ``, ``, `` et ``, `` ; ``, ``, et ``, `` ainsi que ``;
#: a repeated ``section`` or ``parcelle`` may open the next one.
_PARCEL_LIST_SEP = (
    r"\s*(?:,\s*(?:et\s+|ainsi\s+que\s+)?|;\s*|\s(?:et|ainsi\s+que)\s+)"
    r"(?:(?i:(?:la\s+|les\s+)?(?:section|parcelles?))\s+)?"
)
_CADASTRE = regex.compile(
    # section AB n° 123 (the ``n°`` makes it a parcel, not a section of a text)
    r"(?i:\bsection)\s+(?P<ref>[A-Z]{1,2}\s*,?\s*" + _PARCEL_NO + r"\s*" + _PARCEL_NUMBERS + r")"
    # cadastrée AB 123, cadastré section ZA numéro 45, figurant au cadastre sous le n° AB 12
    + r"|(?i:\bcadastr\p{L}*)(?:\s+(?i:sous\s+(?:les?\s+)?(?:r[ée]f[ée]rences?|num[ée]ros?|n°s?)|section))?"
    + r"\s*:?\s+(?P<ref>" + _PARCEL_REF + r")"
    # cadastré sous les numéros 1245 et 1246 (de la section B)
    + r"|(?i:\bcadastr\p{L}*\s+sous\s+(?:les?\s+)?(?:r[ée]f[ée]rences?\s+)?)" + _PARCEL_NUMBERED
    # la parcelle AB 12, les parcelles section ZA n° 7: section letters after the word
    + r"|(?i:\bparcelles?)(?:\s+(?i:cadastr\p{L}*))?(?:\s+(?i:section))?\s+(?P<ref>" + _PARCEL_REF + r")"
    # la parcelle 8070, les parcelles n° 350 et 351: the numbers alone
    + r"|(?i:\bparcelles?)(?:\s+(?i:cadastr\p{L}*))?\s+" + _PARCEL_NUMBERED
    # the next references of a list (``BK 12 et BK 310``, ``AB 12, AC 45 et ZD 310``):
    # ``\G`` continues only from the end of the previous reference, so a list
    # is read only after one of the context words above.
    + r"|\G(?<=\d)" + _PARCEL_LIST_SEP + r"(?P<ref>" + _PARCEL_REF + r")"
)

PATTERNS: Tuple[Pattern, ...] = (
    email("email"),
    Pattern("phone_fr", TELEPHONE, _PHONE_FR, validator=is_french_phone, specificity=3, linear=True),
    iban("iban"),
    Pattern("payment_card", COMPTE_BANCAIRE, _CARD, validator=is_payment_card, specificity=3, linear=True),
    Pattern("nir", NUMERO_IDENTIFIANT, _NIR, validator=is_nir, specificity=3, linear=True),
    Pattern("siret", SIREN_SIRET, _SIRET, validator=is_siret, specificity=3, linear=True),
    Pattern("siren", SIREN_SIRET, _SIREN, validator=is_siren, group="number", specificity=3,
            anchor=regex.compile(_SIREN_CONTEXT), linear=True),
    Pattern("plate", IMMATRICULATION, _PLATE, extend_left=_PLATE_LEFT, specificity=2, linear=True),
    Pattern("plate_in_context", IMMATRICULATION, _PLATE_CONTEXT, group="plate", specificity=2,
            requires=("immatricul", "plaque", "véhicule", "vehicule"), linear=True),
    Pattern("cadastre", CADASTRE, _CADASTRE, group="ref", specificity=2,
            requires=("section", "cadastr", "parcelle"),
            anchor=regex.compile(r"\b(?:section|cadastr|parcelle)"), chain=True, linear=True),
)


def date_patterns(year_visible: bool = True) -> Tuple[Pattern, ...]:
    """Birth, death and marriage dates found from their context words.

    ``year_visible=True`` (the default profile) leaves the year of a written-out date
    visible, as the Cour de cassation publishes it; ``False`` replaces the whole date.
    """
    return tuple(
        Pattern(name, label, regex.compile(_date_rule(context, year_visible)), group="date",
                anchor=_lower_anchor(context), linear=True)
        for name, label, context in (
            ("date_birth", DATE_NAISSANCE, _BORN),
            ("date_death", DATE_DECES, _DEAD),
            ("date_death_mortal", DATE_DECES, _MORTAL),
            ("date_marriage", DATE_MARIAGE, _MARRIED),
        )
    )
