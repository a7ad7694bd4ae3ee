"""Replacement strategies: what a detected mention becomes in the published text.

A strategy is given as ``Anonymizer(strategy=...)``, for every category or as a dict
``{category: strategy}`` (categories it leaves out keep ``LabelStyle``):

- ``LabelStyle()``: the Cour de cassation's conventions (``M. [K] [R]``, ``[Adresse 1]``),
  the default.
- ``Surrogate()``: realistic invented values (``M. Bernard Lemoine``), one per referent,
  keeping gender (from the civility) and form (capitals, initials); never a word of the
  decision itself. Its words (civilities, months, Faker locale) are a pack's
  (``Surrogate(profile=code)``; the default profile's by default). Needs the ``surrogate``
  extra (Faker).
- ``KeyedToken(secret)``: ``[personnePhysique-3f9a1c0b2d4e5f60]``, an HMAC-SHA256 of the
  person (every word of the name) or value under the caller's secret: one person, one
  token across a whole corpus, with no state shared between runs.
- ``Mask()``: every letter and digit becomes ``X`` (length and punctuation kept).
- ``Redact()``: every mention becomes ``[...]``.

A strategy's ``start(seed)`` gives a *replacer* for one decision (or one case): it keeps
the per-referent consistency. Replacers have ``begin(text)`` (a new decision),
``replacement(mention)``, ``reserve(mention, value)`` (a reviewed result keeps a value)
and ``clone()``.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import random
import re
from typing import Dict, Mapping, Optional, Tuple, Union

import attrs

from judanon import entities as E
from judanon.text import limits
from judanon.errors import ArgumentError, ArgumentTypeError, ExtraNotInstalledError
from judanon.keys import check_key
from judanon.replace.pseudonymize import Pseudonymizer
from judanon.text.normalize import fold, fold_key

__all__ = ["Mention", "LabelStyle", "Surrogate", "SurrogateWords", "KeyedToken", "Mask", "Redact",
           "FixedText", "replacer_for"]


@attrs.frozen(slots=True)
class Mention:
    """What a strategy may know of one mention."""

    category: str
    #: Link key of the referent: mentions with one key are one referent.
    key: str
    surface: str
    #: A few characters of text before the mention (a civility tells the gender).
    before: str = ""
    #: A few characters after it (a capitalized word after a one-word name: a first name).
    after: str = ""
    #: For a person's name, the key of the person it names: the link keys of every word
    #: of the name (``jean dupont`` for both ``Jean`` and ``Dupont``); "" otherwise.
    person: str = ""


# --- Label conventions -------------------------------------------------------------

class LabelStyle:
    """Letters for persons (``[K]``), counters for the rest (``[Adresse 1]``).

    ``formats`` maps categories to counter formats; ``None`` takes the profile's (the
    ``Anonymizer`` fills them in from its pack, see :func:`with_formats`)."""

    def __init__(self, formats: Optional[Mapping[str, str]] = None):
        self.formats = dict(formats) if formats is not None else None

    def start(self, seed: str) -> "_LabelReplacer":
        return _LabelReplacer(Pseudonymizer(seed, formats=self.formats))

    def __repr__(self) -> str:
        return "LabelStyle()"


class _LabelReplacer:
    def __init__(self, pseudo: Pseudonymizer):
        self._pseudo = pseudo

    def begin(self, text: str) -> None:
        self._pseudo.begin(text)

    def replacement(self, m: Mention) -> str:
        return self._pseudo.replacement(m.category, m.key)

    def reserve(self, m: Mention, value: str) -> None:
        self._pseudo.reserve(m.category, m.key, value)

    def clone(self) -> "_LabelReplacer":
        return _LabelReplacer(self._pseudo.clone())


# --- keyed tokens ------------------------------------------------------------------

class KeyedToken:
    """``[category-token]`` where the token is HMAC-SHA256(secret, category, referent).

    A person is one referent: every word of ``Jean Dupont`` (and a later ``M. Dupont``
    that names no one else in the decision) gets the person's token, so two people who
    share a first name do not share a token. Other categories are one referent per
    value (a date, a town). The same referent gets the same token in every decision
    processed with the same secret, with nothing stored between runs; without the
    secret the token says nothing about the name.

    Frequency is not hidden: across a corpus, the most frequent ``localite`` token is
    the most frequent town, and a person named in many decisions is the same token in
    each. Use it where linking across decisions is the point, never as a stronger
    protection than the Label conventions. ``length`` is the token's hex digits (16 or
    more: 64 bits, so that no two referents of a court's corpus share a token).
    """

    def __init__(self, secret: Union[bytes, str], length: int = 16,
                 template: str = "[{category}-{token}]"):
        self._secret = check_key(secret, "the secret of KeyedToken", allow_str=True)
        if isinstance(length, bool) or not isinstance(length, int) or not 16 <= length <= 64:
            raise ArgumentError(f"length must be between 16 and 64 hex digits, got {length!r}")
        self.length = length
        self.template = template

    def token(self, category: str, key: str) -> str:
        msg = (category + "\x00" + key).encode("utf-8", "surrogatepass")
        return hmac.new(self._secret, msg, hashlib.sha256).hexdigest()[: self.length]

    def start(self, seed: str) -> "_StatelessReplacer":
        return _StatelessReplacer(lambda m: self.template.format(
            category=m.category, token=self.token(m.category, m.person or m.key)))

    def __repr__(self) -> str:  # never shows the secret
        return f"KeyedToken(<secret>, length={self.length})"


class Mask:
    """Every letter and digit becomes ``char``; spaces and punctuation stay."""

    def __init__(self, char: str = "X"):
        if not isinstance(char, str) or len(char) != 1:
            raise ArgumentError(f"char must be one character, got {char!r}")
        self.char = char

    def start(self, seed: str) -> "_StatelessReplacer":
        return _StatelessReplacer(lambda m: "".join(self.char if ch.isalnum() else ch for ch in m.surface))

    def __repr__(self) -> str:
        return f"Mask({self.char!r})"


class Redact:
    """Every mention becomes ``marker``."""

    def __init__(self, marker: str = "[...]"):
        if not isinstance(marker, str):
            raise ArgumentTypeError(f"marker must be str, not {type(marker).__name__}")
        self.marker = marker

    def start(self, seed: str) -> "_StatelessReplacer":
        return _StatelessReplacer(lambda m: self.marker)

    def __repr__(self) -> str:
        return f"Redact({self.marker!r})"


class _StatelessReplacer:
    def __init__(self, make):
        self._make = make

    def begin(self, text: str) -> None:
        pass

    def replacement(self, m: Mention) -> str:
        return self._make(m)

    def reserve(self, m: Mention, value: str) -> None:
        pass

    def clone(self) -> "_StatelessReplacer":
        return self


# --- surrogates --------------------------------------------------------------------

_INITIAL = re.compile(r"^\w\.$")
#: A capitalized word right after a one-word name (any script): a first name then a surname.
_NAME_FOLLOWS = limits.compile(r"[ \t\u00a0]+\p{Lu}")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})$")
_DATE_CATEGORIES = frozenset({E.DATE_NAISSANCE, E.DATE_DECES, E.DATE_MARIAGE})


@attrs.frozen(slots=True)
class SurrogateWords:
    """A language's words for :class:`Surrogate`, given by its pack (``Profile.surrogate_words``)."""

    #: Faker locale of the invented names, streets, towns and companies.
    locale: str = "en_US"
    #: Civilities right before a person's name telling a man, or a woman (case matters).
    male_civilities: Tuple[str, ...] = attrs.field(default=(), converter=tuple)
    female_civilities: Tuple[str, ...] = attrs.field(default=(), converter=tuple)
    #: The twelve month names of written-out dates, January first; empty: such dates
    #: keep their shape only (letters and digits drawn anew).
    months: Tuple[str, ...] = attrs.field(default=(), converter=tuple)
    #: How day 1 is written in a date (``1er``); ``""``: as a number.
    first_day: str = ""
    #: ``(onsets, vowels, codas)`` of names invented when Faker runs out of names.
    name_sounds: Tuple[Tuple[str, ...], ...] = attrs.field(
        default=(), converter=lambda ss: tuple(tuple(s) for s in ss))

    @months.validator
    def _twelve(self, attribute, value):
        if value and len(value) != 12:
            raise ArgumentError(f"months must hold the 12 month names, got {len(value)}")


class Surrogate:
    """Realistic invented values (Faker, in the locale of the pack), one per referent.

    Persons keep their gender (from a civility before the mention, ``M.``/``Mme``, else
    drawn) and their form (``DUPONT`` -> ``LEMOINE``, ``J.`` -> ``P.``); a value that is a
    word of the decision itself is never used, so no real party's name moves to another
    person. The values are drawn from ``seed``, a secret (16 bytes or more), and the case
    (or the decision): without the secret, nobody can draw them again to test a guess of
    the name, phone number or date they replace. Without ``seed`` a random one is drawn
    for this strategy, so its values differ from run to run; pass your own (kept secret)
    for values that stay the same across runs. The audit's configuration says which
    (``Surrogate(seed=secret)`` or ``Surrogate(seed=random)``), never the seed.
    The words (civilities, months, locale) are those of pack ``profile`` (default: the
    default profile, ``judanon.packs.DEFAULT_PROFILE``), or ``words`` (a
    :class:`SurrogateWords`); ``locale`` overrides the Faker locale.
    """

    def __init__(self, seed: Optional[Union[bytes, str]] = None, locale: Optional[str] = None, *,
                 profile: Optional[str] = None, words: Optional[SurrogateWords] = None):
        self.seed_kind = "random" if seed is None else "secret"
        self._seed = os.urandom(32) if seed is None else check_key(seed, "the seed of Surrogate", allow_str=True)
        from judanon.packs import DEFAULT_PROFILE, load_profile

        pack = load_profile(DEFAULT_PROFILE if profile is None else profile)
        # the pack's names, loaded by the first decision: is a lone name a first name?
        self._names = pack.lexicon
        if words is None:
            given = pack.surrogate_words
            words = given if isinstance(given, SurrogateWords) else SurrogateWords()
        if not isinstance(words, SurrogateWords):
            raise ArgumentTypeError(f"words must be a SurrogateWords, not {type(words).__name__}")
        self.words = words
        self.locale = locale or words.locale

    def start(self, seed: str) -> "_SurrogateReplacer":
        try:
            from faker import Faker
        except ImportError:
            raise ExtraNotInstalledError(
                "the Surrogate strategy needs Faker: pip install 'judanon[surrogate]'") from None
        return _SurrogateReplacer(Faker(self.locale), self._seed + b"\x00" + seed.encode("utf-8"),
                                  _SurrogateLanguage.of(self.words), self._names() if self._names is not None else None)

    def __repr__(self) -> str:  # never shows the seed
        return f"Surrogate(seed={self.seed_kind}, locale={self.locale!r})"


class _SurrogateLanguage:
    """The patterns of a :class:`SurrogateWords`, compiled once."""

    def __init__(self, words: SurrogateWords):
        self.words = words
        self.male = _civility_re(words.male_civilities)
        self.female = _civility_re(words.female_civilities)
        day = r"\d{1,2}" + ("|" + re.escape(words.first_day) if words.first_day else "")
        # ``3 mai 1990``, ``3. maja 1990``, ``3 maja 1990 r.``, ``1er mai`` (the year left
        # visible): the day's period and what follows stay as written
        self.month_keys = frozenset(fold_key(w) for w in words.months)
        self.wordy_date = re.compile(rf"^({day})(\.?)\s+(\w+)(?:\s+(\d{{4}}))?(\W.*)?$", re.IGNORECASE | re.DOTALL)

    @staticmethod
    @functools.lru_cache(maxsize=8)
    def of(words: SurrogateWords) -> "_SurrogateLanguage":
        return _SurrogateLanguage(words)


def _civility_re(words) -> "re.Pattern":
    """One of ``words`` (whole words) ending the text before a name."""
    if not words:
        return re.compile(r"(?!)")
    return re.compile(r"(?:" + "|".join(r"\b" + re.escape(w) for w in words) + r")\s*$")


class _SurrogateReplacer:
    def __init__(self, faker, seed: bytes, language: _SurrogateLanguage, lexicon=None):
        self._faker = faker
        self._seed = seed
        self._language = language
        self._lexicon = lexicon  # the pack's names: is a lone name a first name?
        self._values: Dict[Tuple[str, str, int], str] = {}  # (category, key, word index) -> value
        self._genders: Dict[Tuple[str, str], str] = {}
        self._taken: set = set()   # folded values handed out
        self._words: set = set()   # folded words of the decisions: never handed out

    def begin(self, text: str) -> None:
        self._words.update(re.findall(r"\w+", fold(text)))

    def clone(self) -> "_SurrogateReplacer":
        other = _SurrogateReplacer(self._faker, self._seed, self._language, self._lexicon)
        other._values, other._genders = dict(self._values), dict(self._genders)
        other._taken, other._words = set(self._taken), set(self._words)
        return other

    def reserve(self, m: Mention, value: str) -> None:
        self._taken.add(fold_key(value))

    def _rng(self, *parts: str) -> random.Random:
        digest = hmac.new(self._seed, "\x00".join(parts).encode("utf-8", "surrogatepass"), hashlib.sha256)
        return random.Random(int.from_bytes(digest.digest()[:8], "big"))

    def _fresh(self, rng: random.Random, draw, keep: frozenset = frozenset()) -> str:
        """A value that is no word of the decision and not yet given to another referent
        (``keep``: folded words the value keeps from the mention, like the ``r.`` after a
        Polish year)."""
        for _ in range(200):
            self._faker.seed_instance(rng.getrandbits(32))
            value = draw()
            if self._free(value, keep):
                break
        else:
            # Faker's lists are exhausted by this decision: an invented word names nobody
            from judanon.text.lexicons import invent_name

            sounds = self._language.words.name_sounds
            value = invent_name(rng, sounds).capitalize()
            while not self._free(value):
                value = invent_name(rng, sounds).capitalize()
        self._taken.add(fold_key(value))
        return value

    def _free(self, value: str, keep: frozenset = frozenset()) -> bool:
        folded = fold_key(value)
        return folded not in self._taken and not any(
            w in self._words and w not in keep for w in re.findall(r"\w+", folded))

    def replacement(self, m: Mention) -> str:
        if m.category in E.PERSON_CATEGORIES:
            return self._person(m)
        key = (m.category, m.key, 0)
        value = self._values.get(key)
        if value is None:
            rng = self._rng(m.category, m.key)
            keep: frozenset = frozenset()
            if m.category in _DATE_CATEGORIES:
                # what a date keeps of its mention: words that are no number and no month
                keep = frozenset(w for w in re.findall(r"\w+", fold_key(m.surface))
                                 if not w.isdigit() and w not in self._language.month_keys)
            value = self._values[key] = self._fresh(rng, lambda: self._other(m, rng), keep)
        return _same_form(m.surface, value)

    def _person(self, m: Mention) -> str:
        gender = self._genders.get((m.category, m.key))
        if gender is None:
            if self._language.male.search(m.before):
                gender = "m"
            elif self._language.female.search(m.before):
                gender = "f"
            else:
                gender = self._rng("gender", m.category, m.key).choice("mf")
            self._genders[(m.category, m.key)] = gender
        words = m.surface.split()
        out = []
        for i, word in enumerate(words):
            # Several words: the last is the surname. One word: a first name when another
            # name follows it (``Tanguy Rivallan``), or alone when the lexicon knows it
            # better as a first name than as a surname.
            first_name = i < len(words) - 1 or (len(words) == 1 and (
                _NAME_FOLLOWS.match(m.after) is not None or _looks_first_name(word, self._lexicon)))
            key = (m.category, m.key, i)
            value = self._values.get(key)
            if value is None:
                rng = self._rng(m.category, m.key, str(i))
                if first_name:
                    draw = self._faker.first_name_male if gender == "m" else self._faker.first_name_female
                else:
                    draw = self._faker.last_name
                value = self._values[key] = self._fresh(rng, draw)
            if _INITIAL.match(word):
                out.append(value[:1].upper() + ".")
            else:
                out.append(_same_form(word, value))
        return " ".join(out)

    def _other(self, m: Mention, rng: random.Random) -> str:
        f = self._faker
        s = m.surface.strip()
        if m.category == E.LOCALITE:
            return f.city()
        if m.category == E.ADRESSE:
            street = f.street_address()
            return f"{street}, {f.postcode()} {f.city()}" if re.search(r"\b\d{5}\b", s) else street
        if m.category in (E.PERSONNE_MORALE, E.ETABLISSEMENT):
            return f.company()
        if m.category == E.EMAIL:
            return f.email()
        if m.category in _DATE_CATEGORIES:
            return _surrogate_date(s, rng, self._language)
        return _same_shape(s, rng)


def _looks_first_name(word: str, lexicon) -> bool:
    """Whether the pack's lexicon knows ``word`` better as a first name than as a surname."""
    if lexicon is None:
        return False
    return lexicon.first_name_likelihood(word, ignore_case=True) > lexicon.surname_likelihood(word, ignore_case=True)


def _same_form(original: str, value: str) -> str:
    if original.isupper() and any(ch.isalpha() for ch in original):
        return value.upper()
    if original.islower():
        return value.lower()
    return value


def _same_shape(surface: str, rng: random.Random) -> str:
    """Digits to random digits, letters to random letters of the same case."""
    out = []
    for ch in surface:
        if ch.isdigit():
            out.append(str(rng.randrange(10)))
        elif ch.isalpha():
            letter = chr(ord("a") + rng.randrange(26))
            out.append(letter.upper() if ch.isupper() else letter)
        else:
            out.append(ch)
    return "".join(out)


def _surrogate_date(surface: str, rng: random.Random, language: _SurrogateLanguage) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1940, 2005)
    m = _NUMERIC_DATE.match(surface)
    if m:
        y = f"{year:04d}" if len(m.group(4)) == 4 else f"{year % 100:02d}"
        return f"{day:0{len(m.group(1))}d}{m.group(2)}{month:0{len(m.group(3))}d}{m.group(2)}{y}"
    m = language.wordy_date.match(surface) if language.words.months else None
    if m:
        name = language.words.months[month - 1]
        if m.group(3).isupper():
            name = name.upper()
        first = language.words.first_day if day == 1 and language.words.first_day else day
        return f"{first}{m.group(2)} {name}{f' {year}' if m.group(4) else ''}{m.group(5) or ''}"
    return _same_shape(surface, rng)


# --- choosing a strategy per category ----------------------------------------------

StrategySpec = Union[object, Mapping[str, object], None]


def check_strategy(strategy: StrategySpec):
    """Validate ``Anonymizer(strategy=...)``: one strategy, or a dict category -> strategy."""
    if strategy is None:
        return LabelStyle()
    if isinstance(strategy, Mapping):
        bad = [c for c in strategy if c not in E.CATEGORIES]
        if bad:
            raise ArgumentError(f"unknown category {bad[0]!r} in strategy; categories are: "
                             + ", ".join(E.CATEGORIES))
        for s in strategy.values():
            _check_one(s)
        return dict(strategy)
    _check_one(strategy)
    return strategy


def _check_one(s) -> None:
    if isinstance(s, type):
        raise ArgumentTypeError(f"strategy {s.__name__} is a class: pass an instance, e.g. {s.__name__}()")
    if not callable(getattr(s, "start", None)):
        raise ArgumentTypeError(f"{s!r} is not a strategy (it has no start(seed) method); use one of "
                        "judanon.replace.strategies.LabelStyle, Surrogate, KeyedToken, Mask, Redact")


class _PerCategory:
    """Dispatch to one replacer per strategy object (a strategy given for several
    categories keeps one state, so LabelStyle counters are shared as usual)."""

    def __init__(self, by_category: Dict[str, object], default):
        self._by_category = by_category
        self._default = default

    def _all(self):
        seen = {}
        for r in list(self._by_category.values()) + [self._default]:
            seen[id(r)] = r
        return seen.values()

    def begin(self, text: str) -> None:
        for r in self._all():
            r.begin(text)

    def _for(self, category: str):
        return self._by_category.get(category, self._default)

    def replacement(self, m: Mention) -> str:
        return self._for(m.category).replacement(m)

    def reserve(self, m: Mention, value: str) -> None:
        self._for(m.category).reserve(m, value)

    def clone(self) -> "_PerCategory":
        copies = {id(r): r.clone() for r in self._all()}
        return _PerCategory({c: copies[id(r)] for c, r in self._by_category.items()},
                            copies[id(self._default)])


class FixedText:
    """Every mention becomes ``text``: the replacement of a category whose format in the
    pack has no counter (reasons hidden whole: ``[Motifs de la décision occultés]``),
    whatever the strategy chosen for the others."""

    def __init__(self, text: str):
        self.text = text

    def start(self, seed: str) -> "_StatelessReplacer":
        return _StatelessReplacer(lambda m: self.text)

    def __repr__(self) -> str:
        return f"FixedText({self.text!r})"


def with_formats(strategy, formats: Mapping[str, str]):
    """A checked strategy whose ``LabelStyle`` parts without formats take ``formats`` (the
    profile's); a dict gets a ``LabelStyle`` for the categories it leaves out too. A
    format without a counter (no ``{``) is a fixed text: that category becomes it whatever
    the strategy (:class:`FixedText`)."""
    def bind(s):
        return LabelStyle(formats) if isinstance(s, LabelStyle) and s.formats is None else s

    fixed = {c: FixedText(f) for c, f in formats.items() if "{" not in f}
    if isinstance(strategy, dict):
        bound = {id(s): bind(s) for s in strategy.values()}
        out = {c: bound[id(s)] for c, s in strategy.items()}
        out[_DEFAULT] = LabelStyle(formats)
        out.update(fixed)
        return out
    strategy = bind(strategy)
    if fixed and not isinstance(strategy, LabelStyle):
        return {**fixed, _DEFAULT: strategy}
    return strategy


#: Key of the strategy of the categories a dict leaves out (set by ``with_formats``).
_DEFAULT = ""


def replacer_for(strategy, seed: str):
    """The replacer of a checked strategy (see ``check_strategy``) for one decision or case."""
    if not isinstance(strategy, dict):
        return strategy.start(seed)
    started: Dict[int, object] = {}
    by_category = {}
    for category, s in strategy.items():
        if id(s) not in started:
            started[id(s)] = s.start(seed)
        by_category[category] = started[id(s)]
    default = by_category.pop(_DEFAULT, None)
    return _PerCategory(by_category, default if default is not None else LabelStyle().start(seed))


def describe(strategy) -> Optional[str]:
    """What the audit's configuration records of the strategy (no secret)."""
    if isinstance(strategy, dict):
        chosen = {c: s for c, s in strategy.items() if c != _DEFAULT and not isinstance(s, FixedText)}
        if not chosen and _DEFAULT in strategy:
            return describe(strategy[_DEFAULT])
        return ", ".join(f"{c}={_name(s)}" for c, s in sorted(chosen.items()))
    return _name(strategy)


def _name(strategy) -> str:
    """A strategy's name; a Surrogate's says whether its seed is the caller's secret or random."""
    if isinstance(strategy, Surrogate):
        return f"Surrogate(seed={strategy.seed_kind})"
    return type(strategy).__name__
