"""Building blocks for a pack's patterns: identifiers validated by a checksum, IBAN,
e-mail, telephone numbers of a region, dates announced by context words.

Language-free: every word (context words, month names) comes from the pack that calls
these builders; the result is a :class:`judanon.detectors.regex.Pattern` the pack hands
to a :class:`judanon.detectors.regex.RegexDetector`.
"""

from __future__ import annotations

import importlib
from typing import Callable, Iterable, Sequence, Tuple

import attrs
import phonenumbers
import regex
from stdnum import iban as _iban

from judanon.detectors.regex import Pattern
from judanon.entities import COMPTE_BANCAIRE, EMAIL, TELEPHONE
from judanon.text.normalize import fold, letters_by_fold
from judanon.errors import ArgumentError

__all__ = ["compact", "stdnum_validator", "identifier", "email", "iban", "phone", "words",
           "dated_event", "date_expression", "insensitive"]

_NOT_ALNUM = regex.compile(r"[^0-9A-Za-z]+")
#: Spaces inside a line.
SPACE = r"[ \t\u00a0\u202f]"


def compact(value: str) -> str:
    """The letters and digits of ``value`` (separators dropped)."""
    return _NOT_ALNUM.sub("", value)


@attrs.frozen(slots=True)
class _IsValid:
    """``is_valid`` of a module named ``module``, on the compacted value (a value, not a
    closure: an Anonymizer holding it stays picklable)."""

    module: str

    def __call__(self, value: str) -> bool:
        return bool(importlib.import_module(self.module).is_valid(compact(value)))


def stdnum_validator(module) -> Callable[[str], bool]:
    """``is_valid`` of a python-stdnum module (or any module with ``is_valid``), on the
    compacted value."""
    return _IsValid(module.__name__)


def insensitive(word: str) -> str:
    """A regex source matching ``word`` whatever its case and accents (Greek tonos and
    final sigma included): ``Γεννήθηκε`` matches ``ΓΕΝΝΗΘΗΚΕ`` and ``γεννηθηκε``. The
    letters are those :func:`judanon.text.normalize.fold` makes equal."""
    table = letters_by_fold()
    out = []
    for ch in word:
        if not ch.isalpha():
            out.append(regex.escape(ch))
            continue
        base = fold(ch)
        letters = {base, base.upper(), ch} | set(table.get(base, ""))
        out.append("[" + "".join(regex.escape(c) for c in sorted(letters)) + r"]\p{Mn}*")
    return "".join(out)


def words(items: Iterable[str]) -> str:
    """A regex source of ``items`` as whole words, case- and accent-insensitive, longest
    first; an item ending in ``.`` needs no word end after it."""
    alts = []
    for w in sorted(set(items), key=len, reverse=True):
        body = r"\s+".join(insensitive(part) for part in w.split())
        alts.append(body + ("" if not w[-1:].isalnum() else r"(?![\p{L}\p{Mn}])"))
    return r"(?<![\p{L}\p{Mn}])(?:" + "|".join(alts) + ")"


def identifier(name: str, label: str, pattern: str, validator: Callable[[str], bool],
               context: Sequence[str] = (), specificity: int = 3) -> Pattern:
    """A number shape (``pattern``, a regex source) reported when ``validator`` accepts
    it; with ``context`` words, only after one of them (within a few words)."""
    body = r"(?<![\w/-])(?P<id>" + pattern + r")(?![\w/-])"
    if context:
        body = words(context) + r"[^\n\d]{0,40}?" + body
    return Pattern(name, label, regex.compile(body), validator=validator, group="id", specificity=specificity)


def email(name: str = "email") -> Pattern:
    """An e-mail address (the top-level domain in any script's letters)."""
    return Pattern(name, EMAIL, regex.compile(
        r"(?<![\w.+\-])[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63})*\.\p{L}{2,24}(?![\w\-])"),
        specificity=3, requires=("@",))


def iban(name: str = "iban", countries: str = r"[A-Z]{2}") -> Pattern:
    """An IBAN of ``countries`` (a regex source of two capitals), checksum validated.

    The left edge is checked after the country letters (a leading lookbehind stops the
    engine's fast scan); a short last group must hold a digit, so that a word after the
    number (``BIC``) stays out of it."""
    return Pattern(name, COMPTE_BANCAIRE, regex.compile(
        countries + r"(?<!\w" + countries + r")\d{2}(?:[ \u00a0]?[A-Z0-9]{4}){2,7}"
        r"(?:[ \u00a0]?(?=[A-Z]{0,2}\d)[A-Z0-9]{1,3})?(?![\w])"),
        validator=_IsValid(_iban.__name__), specificity=3)


def phone(region: str, name: str = "phone", context: Sequence[str] = ()) -> Tuple[Pattern, ...]:
    """Telephone numbers valid in ``region`` (phonenumbers): an international form
    (``+48 ...``, ``0030 ...``) or a number written in groups (``601 234 567``); with
    ``context`` words (``tel.``), also a plain run of digits after one of them."""
    grouped = r"(?:\(?\d{2,5}\)?[ .\-/\u00a0]){1,5}\d{2,8}"
    international = r"(?:\+|00)\d{1,3}[ .\-\u00a0]?" + r"(?:\(?\d{1,5}\)?[ .\-/\u00a0]?){1,6}\d{1,5}"
    shaped = r"(?<![\w+/.-])(?P<phone>" + international + "|" + grouped + r")(?![\w/-]|[.,]\d)"

    valid = _PhoneOf(region)
    out = [Pattern(name, TELEPHONE, regex.compile(shaped), validator=valid, group="phone", specificity=2)]
    if context:
        plain = words(context) + r"[^\n\d+]{0,20}?(?<!\d)(?P<phone>\d{6,15})(?!\d)"
        out.append(Pattern(name + "_in_context", TELEPHONE, regex.compile(plain), validator=valid,
                           group="phone", specificity=2))
    return tuple(out)


_SEPARATOR = regex.compile(r"[ .\-/\u00a0]+")


@attrs.frozen(slots=True)
class _PhoneOf:
    """Whether a text is a telephone number valid in ``region`` (or international)."""

    region: str

    def __call__(self, value: str) -> bool:
        value = value.strip()
        if not value.startswith(("0", "+", "(")) and ("/" in value or _SEPARATOR.findall(value) == ["."]):
            # a file, act or volume number (``3365/14``, ``VO 881/2002``, ``406.403``): no
            # trunk prefix, a slash, or two groups joined by a period
            return False
        if value.startswith("00"):
            value = "+" + value[2:]
        if len(compact(value)) < 6:
            return False
        try:
            number = phonenumbers.parse(value, self.region)
        except phonenumbers.NumberParseException:
            return False
        return phonenumbers.is_valid_number(number) and (
            value.startswith("+") or phonenumbers.region_code_for_number(number) == self.region)


def date_expression(months: Sequence[str], year_first_months: Sequence[str] = (),
                    day_suffix: str = r"\.?", year_suffix: str = "") -> str:
    """A date written with digits (``12.03.1985``, ``12/03/1985``, ``1985-03-12``) or
    with one of the ``months`` (every grammatical case the pack lists: ``12 marca 1985``,
    ``12 Μαρτίου 1985``), day first; ``year_first_months`` also allows
    ``1985 m. kovo 12 d.`` (year, month, day) with ``year_suffix``/``day_suffix`` words."""
    day = r"(?:[12]\d|3[01]|0?[1-9])"
    month_num = r"(?:1[0-2]|0?[1-9])"
    year = r"(?:1[89]|20)\d{2}"
    numeric = (day + r"\s?[./\-]\s?" + month_num + r"\s?[./\-]\s?" + year
               + r"|" + year + r"-" + month_num + r"-" + day)
    alts = [numeric]
    if months:
        month = r"(?:" + "|".join(insensitive(m) for m in sorted(set(months), key=len, reverse=True)) + r")"
        alts.append(day + day_suffix + SPACE + r"+" + month + r"(?![\p{L}\p{Mn}])\.?(?:" + SPACE + r"+" + year
                    + r"(?:" + SPACE + r"*" + (year_suffix or r"(?!)") + r")?)?")
    if year_first_months:
        month = r"(?:" + "|".join(insensitive(m) for m in sorted(set(year_first_months), key=len, reverse=True)) + r")"
        alts.append(year + SPACE + r"*" + year_suffix + SPACE + r"+" + month + r"(?![\p{L}\p{Mn}])" + SPACE + r"+"
                    + day + r"(?:" + SPACE + r"*" + day_suffix + r")?")
    return r"(?:" + "|".join(alts) + r")"


def dated_event(name: str, label: str, context: Sequence[str], date: str,
                between: int = 30) -> Pattern:
    """A date (``date``, a regex source from :func:`date_expression`) after one of the
    ``context`` words (``urodzony``, ``γεννήθηκε``) within ``between`` characters of
    the same sentence; the date alone is reported."""
    source = words(context) + r"[^\n.;:!?\d]{0,%d}?(?<![\p{L}\d])(?P<date>%s)(?![\p{L}\d])" % (between, date)
    return Pattern(name, label, regex.compile(source), group="date", specificity=2)


#: A capitalized word of a street or town name, in any script (``Marszałkowska``, ``Ερμού``).
CAP_WORD = r"\p{Lu}[\p{L}\p{Mn}'’]*(?:-\p{Lu}?[\p{L}\p{Mn}'’]+)*"
#: A number-like word in a street name (``3 Maja``, ``25ης Μαρτίου``).
_NUM_WORD = r"\d{1,4}(?:\p{Ll}{1,3})?"


def street_address(name: str, label: str, types_before: Sequence[str] = (), types_after: Sequence[str] = (),
                   number_words: Sequence[str] = (), max_words: int = 4) -> Pattern:
    """A street address: a street type before (``ul.``, ``οδός``, ``str.``) or after
    (``g.``, ``cesta``, ``Straße`` as a separate word) one to ``max_words`` capitalized
    words, then a house number (``12``, ``12a``, ``12/4``; after one of ``number_words``
    such as ``nr`` when given). Types are matched whatever their case and accents."""
    number = r"\d{1,4}[\p{L}]?(?:\s?[/\-]\s?\d{1,4}[\p{L}]?)?(?![\d\p{L}])"
    if number_words:
        number = r"(?:" + words(number_words) + SPACE + r"*)?" + number
    name_words = (r"(?:" + _NUM_WORD + SPACE + r"+)?" + CAP_WORD + r"(?:" + SPACE + r"+" + CAP_WORD
                  + r"){0,%d}" % (max_words - 1))
    alts = []
    if types_before:
        alts.append(words(types_before) + SPACE + r"*" + name_words + r",?" + SPACE + r"+" + number)
    if types_after:
        alts.append(r"(?<![\p{L}\p{Mn}])" + name_words + SPACE + r"+" + words(types_after) + r",?" + SPACE
                    + r"*" + number)
    if not alts:
        raise ArgumentError("street_address needs street types before or after the name")
    return Pattern(name, label, regex.compile(r"(?:" + "|".join(alts) + r")"), specificity=2)


def postal_town(name: str, label: str, postal_code: str, town_words: int = 3) -> Pattern:
    """A town after its postal code (``00-950 Warszawa``, ``105 63 Αθήνα``,
    ``L-1234 Luxembourg``): the town alone is reported. ``postal_code`` is a regex source."""
    source = (r"(?<![\w-])" + postal_code + r"(?!\d)" + SPACE + r"+(?P<town>" + CAP_WORD + r"(?:(?:" + SPACE
              + r"+|" + SPACE + r"*-" + SPACE + r"*)" + CAP_WORD + r"){0,%d})" % (town_words - 1))
    return Pattern(name, label, regex.compile(source), group="town", specificity=2)
