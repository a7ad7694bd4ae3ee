"""The machinery the civility-based packs share (gr, lt, pl, ro, si).

Such a pack's ``__init__`` holds its data (``VERSION``, ``patterns()``, the words in
``words``) and binds these functions to its code with ``functools.partial``::

    regex_detector = partial(_base.regex_detector, "pl")
    detectors = partial(_base.detectors, "pl")
    profile = partial(_base.profile, "pl")

The functions find the pack by its code (:func:`judanon.packs.pack_module`), so a
``Profile`` holding ``partial(detectors, "pl")`` pickles by name.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import List

__all__ = ["regex_detector", "detectors", "profile", "lexicon", "stop_words", "shared_patterns"]


def regex_detector(code: str, name: str = "regex"):
    """The pack's identifier, date and address patterns (``patterns()`` of the pack)."""
    from judanon.detectors.regex import RegexDetector
    from judanon.packs import pack_module

    pack = pack_module(code)
    return RegexDetector(pack.patterns(), name=name, version=f"{code}-{pack.VERSION}")


def shared_patterns(region: str, words, date, **street) -> tuple:
    """The patterns every pack states the same way, from its ``words``: IBAN, e-mail,
    telephone numbers of ``region`` (after ``PHONE_WORDS``), birth and death dates
    written as ``date`` (after ``BIRTH_WORDS``, ``DEATH_WORDS``), street addresses
    (``STREET_TYPES``; ``street``: the other options of ``patterns.street_address``)
    and towns after a postal code (``POSTAL_CODE``). A pack's ``patterns()`` puts its
    identifiers before them."""
    from judanon import entities as E
    from judanon import patterns as P

    return (
        P.iban("iban"),
        P.email("email"),
        *P.phone(region, "phone", context=words.PHONE_WORDS),
        P.dated_event("birth_date", E.DATE_NAISSANCE, words.BIRTH_WORDS, date),
        P.dated_event("death_date", E.DATE_DECES, words.DEATH_WORDS, date),
        P.street_address("street_address", E.ADRESSE, **street),
        P.postal_town("postal_town", E.LOCALITE, words.POSTAL_CODE),
    )


def stop_words(words) -> frozenset:
    """Keys of a pack's words that are never names: its ``NOT_NAMES``, civilities, roles
    and the months it writes with a capital (``Μαρτίου``; a lowercase ``maja`` is no
    name anyway, a capitalized ``Maja`` is one). The raw name lists hold some of them."""
    from judanon.lexicons import name_key

    out = set()
    for attr in ("NOT_NAMES", "CIVILITIES", "ROLES"):
        out.update(name_key(w) for w in getattr(words, attr, ()))
    out.update(name_key(w) for w in getattr(words, "MONTHS", ()) if w[:1].isupper())
    return frozenset(out)


@functools.lru_cache(maxsize=None)
def lexicon(code: str):
    """The pack's name lexicons (``data/first_names.txt.gz``, ``data/surnames.txt.gz``,
    built by ``python -m judanon.build.lexicons --pack <code>``) with the case forms of
    their names (the pack's ``INFLECTIONS``), or ``None`` when the pack ships none.
    Loaded once."""
    from judanon.inflection import declined_forms
    from judanon.lexicons import NameLexicon
    from judanon.packs import pack_module

    pack = pack_module(code)
    folder = Path(pack.__file__).parent / "data"
    if not (folder / "first_names.txt.gz").exists():
        return None
    loaded = NameLexicon.load(folder, stop_words=stop_words(pack.words))
    paradigms = getattr(pack.words, "INFLECTIONS", ())
    if not paradigms:
        return loaded
    # the lists hold nominatives: their case forms are names too (Tomaszem, Kazlausko)
    return NameLexicon(declined_forms(loaded.first_names, paradigms), declined_forms(loaded.surnames, paradigms),
                       loaded.stop_words)


@functools.lru_cache(maxsize=None)
def spelling(code: str):
    """The pack's spelling dictionary (``data/spelling.*``, built by
    ``python -m judanon.build.spelling``: :class:`judanon.detectors.spelling.Spelling`),
    or ``None`` when the pack ships none. Loaded once."""
    from judanon.detectors.spelling import Spelling
    from judanon.packs import pack_module

    folder = Path(pack_module(code).__file__).parent / "data"
    return Spelling.load(folder) if (folder / "spelling.dic.gz").exists() else None


@functools.lru_cache(maxsize=None)
def places(code: str):
    """The pack's place names (``data/places.txt.gz``, built by
    ``python -m judanon.build.places``): ``{folded name: kind}``, empty when the pack ships
    none. Loaded once."""
    from judanon.detectors.propernouns import read_places
    from judanon.packs import pack_module

    path = Path(pack_module(code).__file__).parent / "data" / "places.txt.gz"
    return read_places(path) if path.exists() else {}


#: A known name's likelihood (``NameLexicon.name_likelihood``) below which it is no
#: evidence: lower than the French pack's, as a pack lexicon is small and ranks by country.
MIN_LIKELIHOOD = 0.2


def detectors(code: str) -> List[object]:
    """The pack's detectors: its patterns, persons announced by a civility or a role,
    when the pack ships name lexicons, a known first name or surname beside another
    name-cased word (``Jan Zbigniewicz``, ``Anna Kowalska``), and towns in the locative
    when the pack lists ``LOCATIVE_PREPOSITIONS`` or ``LOCATIVE_ENDINGS``."""
    from judanon.detectors.civility import CivilityDetector
    from judanon.detectors.dictionary import NameLexiconDetector
    from judanon.packs import pack_module

    words = pack_module(code).words
    found: List[object] = [regex_detector(code), CivilityDetector(words.CIVILITIES, words.ROLES, words.NOT_NAMES)]
    names = lexicon(code)
    if names is not None and spelling(code) is None:  # else the proper-noun detector finds them
        found.append(NameLexiconDetector(names, min_likelihood=MIN_LIKELIHOOD, min_run=2, name="name-pairs",
                                         cased_partners=True))
    found.append(proper_noun_detector(code))
    prepositions = getattr(words, "LOCATIVE_PREPOSITIONS", ())
    endings = getattr(words, "LOCATIVE_ENDINGS", ())
    if prepositions or endings:
        from judanon.detectors.locative import LocativeDetector

        found.append(LocativeDetector(prepositions, endings,
                                      not_places=tuple(getattr(words, "NOT_PLACES", ())) + tuple(words.NOT_NAMES),
                                      seat_words=getattr(words, "SEAT_WORDS", ()), lexicon=names,
                                      common_word=_common_word_test(code)))
    return found


def proper_noun_detector(code: str, name: str = "proper-nouns"):
    """Persons and places wherever they stand, from the pack's spelling dictionary, name
    lexicons, place names and cue words (:class:`judanon.detectors.propernouns.ProperNounDetector`)."""
    from judanon.detectors.propernouns import ProperNounDetector
    from judanon.packs import pack_module

    words = pack_module(code).words
    cues = tuple(words.CIVILITIES) + tuple(words.ROLES) + tuple(getattr(words, "PERSON_TITLES", ()))
    not_names = tuple(words.NOT_NAMES) + tuple(getattr(words, "MONTHS", ()))
    return ProperNounDetector(
        spelling=spelling(code), lexicon=lexicon(code), places=places(code), person_cues=cues,
        place_cues=getattr(words, "PLACE_WORDS", ()), not_names=not_names,
        prepositions=tuple(getattr(words, "LOCATIVE_PREPOSITIONS", ())) + tuple(getattr(words, "PLACE_PREPOSITIONS", ())),
        company_words=getattr(words, "COMPANY_WORDS", ()),
        surname_endings=getattr(words, "SURNAME_ENDINGS", ()),
        script=getattr(words, "LEXICON_SOURCE", {}).get("script"),
        lone_guesses=getattr(words, "GUESS_LONE_PROPER_NOUNS", True),
        place_paradigms=getattr(words, "PLACE_INFLECTIONS", ()), name=name)


def _common_word_test(code: str):
    """``test(folded word)``: the pack's dictionary writes it in lowercase only; ``None``
    when the pack ships no dictionary."""
    found = spelling(code)
    return None if found is None else functools.partial(_written_lowercase, found)


def _written_lowercase(found, key: str) -> bool:
    from judanon.detectors.spelling import COMMON

    return found.kind(key) == COMMON


def profile(code: str):
    """The detectors and settings of ``Anonymizer(profile=code)``."""
    from judanon.inflection import Declensions
    from judanon.packs import Profile, pack_module

    words = pack_module(code).words
    seats, seats_after = getattr(words, "SEAT_WORDS", ()), getattr(words, "SEAT_WORDS_AFTER", ())
    visible: tuple = ()
    if seats or seats_after:
        from judanon.detectors.locative import seat_patterns

        connectors = tuple(getattr(words, "LOCATIVE_PREPOSITIONS", ())) + tuple(getattr(words, "SEAT_CONNECTORS", ()))
        visible = seat_patterns(seats, connectors, seats_after)
    if getattr(words, "STATE_NAMES", ()):
        from judanon.detectors.propernouns import name_patterns

        visible += name_patterns(words.STATE_NAMES)
    surrogate = None
    if hasattr(words, "SURROGATE_LOCALE"):
        from judanon.strategies import SurrogateWords

        surrogate = SurrogateWords(locale=words.SURROGATE_LOCALE, male_civilities=words.MALE_CIVILITIES,
                                   female_civilities=words.FEMALE_CIVILITIES, months=words.DATE_MONTHS)
    return Profile(code=code, detectors=functools.partial(detectors, code), visible_places=visible,
                   surrogate_words=surrogate, lexicon=functools.partial(lexicon, code),
                   replacement_formats=words.REPLACEMENT_FORMATS,
                   identifier_context=words.IDENTIFIER_CONTEXT,
                   name_sounds=getattr(words, "NAME_SOUNDS", ()),
                   inflections=Declensions(getattr(words, "INFLECTIONS", ()), getattr(words, "GENDER_FORMS", ()),
                                           getattr(words, "PLACE_INFLECTIONS", ())))
