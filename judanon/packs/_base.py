"""The machinery every pack shares: its detectors and its profile, built from its words
(the pack contract, :class:`judanon.packs.contract.PackWords`).

A pack's ``__init__`` holds its patterns (``VERSION``, ``patterns()``) and binds these
functions to its code with ``functools.partial``::

    regex_detector = partial(_base.regex_detector, "pl")
    detectors = partial(_base.detectors, "pl")
    profile = partial(_base.profile, "pl")

The functions find the pack by its code (:func:`judanon.packs.pack_module`), so a
``Profile`` holding ``partial(detectors, "pl")`` pickles by name. Which detectors a pack
gets follows from the slots it fills: persons from context when it has a person grammar,
after a civility or a role when it lists those, known names standing together when it
ships name lexicons (and no spelling dictionary), companies when it lists company forms,
towns in the locative when it lists locative prepositions or endings, persons and places
wherever they stand when it ships a spelling dictionary or place names; the state's names
stay visible when it lists them.
"""

from __future__ import annotations

import functools
import importlib
from pathlib import Path
from typing import List, Optional

__all__ = ["regex_detector", "detectors", "profile", "neural_detector", "lexicon", "stop_words",
           "shared_patterns", "tagger_path", "spelling", "places", "proper_noun_detector", "abbreviations"]


def _words(code: str):
    from judanon.packs import pack_words

    return pack_words(code)


def _folder(code: str) -> Path:
    from judanon.packs import pack_module

    return Path(pack_module(code).__file__).parent


def regex_detector(code: str, name: str = "regex", version: Optional[str] = None, **options):
    """The pack's identifier, date and address patterns (``patterns(**options)`` of the
    pack), versioned ``<code>-<VERSION>`` unless ``version`` is given."""
    from judanon.detectors.regex import RegexDetector
    from judanon.packs import pack_module

    pack = pack_module(code)
    return RegexDetector(pack.patterns(**options), name=name, version=version or f"{code}-{pack.VERSION}",
                         options=tuple((key, str(value)) for key, value in options.items()))


def shared_patterns(region: str, words, date, **street) -> tuple:
    """The patterns every pack states the same way, from its ``words``: IBAN, e-mail,
    telephone numbers of ``region`` (after ``PHONE_WORDS``), birth and death dates
    written as ``date`` (after ``BIRTH_WORDS``, ``DEATH_WORDS``), street addresses
    (``STREET_TYPES``; ``street``: the other options of ``patterns.street_address``)
    and towns after a postal code (``POSTAL_CODE``). A pack's ``patterns()`` puts its
    identifiers before them."""
    from judanon import entities as E
    from judanon.detectors import patterns as P

    return (
        P.iban("iban"),
        P.email("email"),
        *P.phone(region, "phone", context=words.PHONE_WORDS),
        P.dated_event("birth_date", E.DATE_NAISSANCE, words.BIRTH_WORDS, date),
        P.dated_event("death_date", E.DATE_DECES, words.DEATH_WORDS, date),
        P.street_address("street_address", E.ADRESSE, **street),
        P.postal_town("postal_town", E.LOCALITE, words.POSTAL_CODE),
    )


def stop_words(code: str) -> frozenset:
    """Keys of the words that are never names for the pack's lexicons: the hand-written
    ``data/not_names.txt`` when the pack ships one, else its ``NOT_NAMES``, civilities,
    roles and the months it writes with a capital (``Μαρτίου``; a lowercase ``maja`` is
    no name anyway, a capitalized ``Maja`` is one). The raw name lists hold some of them."""
    from judanon.text.lexicons import name_key, read_words

    listed = _folder(code) / "data" / "not_names.txt"
    if listed.exists():
        return read_words(listed)
    words = _words(code)
    out = {name_key(w) for w in words.not_names + words.civilities + words.roles}
    out.update(name_key(w) for w in words.months if w[:1].isupper())
    return frozenset(out)


def _has_lexicon(code: str) -> bool:
    return (_folder(code) / "data" / "first_names.txt.gz").exists()


@functools.lru_cache(maxsize=None)
def lexicon(code: str):
    """The pack's name lexicons (``data/first_names.txt.gz``, ``data/surnames.txt.gz``,
    built by ``python -m judanon.build.lexicons --pack <code>``) with the case forms of
    their names (the pack's ``INFLECTIONS``), or ``None`` when the pack ships none.
    Loaded once."""
    from judanon.resolve.inflection import declined_forms
    from judanon.text.lexicons import NameLexicon

    if not _has_lexicon(code):
        return None
    loaded = NameLexicon.load(_folder(code) / "data", stop_words=stop_words(code))
    paradigms = _words(code).inflections
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

    folder = _folder(code) / "data"
    return Spelling.load(folder) if (folder / "spelling.dic.gz").exists() else None


@functools.lru_cache(maxsize=None)
def places(code: str):
    """The pack's place names (``data/places.txt.gz``, built by
    ``python -m judanon.build.places``): ``{folded name: kind}``, empty when the pack ships
    none. Loaded once."""
    from judanon.detectors.place_names import read_places

    path = _folder(code) / "data" / "places.txt.gz"
    return read_places(path) if path.exists() else {}


def _has_proper_nouns(code: str) -> bool:
    """Whether the pack finds persons and places wherever they stand: it ships a spelling
    dictionary or place names."""
    data = _folder(code) / "data"
    return (data / "spelling.dic.gz").exists() or (data / "places.txt.gz").exists()


def detectors(code: str) -> List[object]:
    """The pack's detectors: its patterns, then each detector whose words it gives (see
    the module docstring)."""
    from judanon.packs import ProfileError, pack_module

    words = _words(code)
    names = functools.partial(lexicon, code) if _has_lexicon(code) else None
    found: List[object] = [pack_module(code).regex_detector()]
    if words.persons.civilities_singular:
        from judanon.detectors.persons import PersonContextDetector

        if names is None:
            raise ProfileError(f"pack {code!r} reads persons from context: it needs name lexicons in data/")
        found.append(PersonContextDetector(words.persons, names))
    if words.persons.civilities_singular and words.initial_designators:
        from judanon.detectors.initials import InitialsDetector

        found.append(InitialsDetector(words.persons, names, words.initial_designators))
    if words.civilities or words.roles:
        from judanon.detectors.civility import CivilityDetector

        found.append(CivilityDetector(words.civilities, words.roles, words.not_names))
    proper_nouns = _has_proper_nouns(code)
    if names is not None and not proper_nouns:  # else the proper-noun detector finds them
        from judanon.detectors.name_lexicon import NameLexiconDetector

        # known names standing together ("Gérard Michel a formé un pourvoi"), also inside a
        # company's name, except a trade name in capitals after a company form
        found.append(NameLexiconDetector(names, min_likelihood=words.name_pair_min_likelihood, min_run=2,
                                         name="name-pairs", not_after=words.persons.company_forms,
                                         cased_partners=words.name_pair_cased_partners))
    if words.company_forms_before or words.company_forms_after or words.public_bodies:
        from judanon.detectors.companies import CompanyDetector

        found.append(CompanyDetector(words.company_forms_before, words.company_forms_after, words.public_bodies,
                                     words.company_name_connectors, words.company_name_stops,
                                     articles=words.company_name_articles))
    if words.locative_prepositions or words.locative_endings:
        from judanon.detectors.locative import LocativeDetector

        found.append(LocativeDetector(words.locative_prepositions, words.locative_endings,
                                      not_places=words.not_places + words.not_names,
                                      seat_words=words.seat_words, lexicon=lexicon(code),
                                      common_word=_common_word_test(code)))
    if proper_nouns:
        found.append(proper_noun_detector(code))
    return found


def proper_noun_detector(code: str, name: str = "proper-nouns"):
    """Persons and places wherever they stand, from the pack's spelling dictionary, name
    lexicons, place names and cue words (:class:`judanon.detectors.propernouns.ProperNounDetector`)."""
    from judanon.detectors.propernouns import ProperNounDetector

    words = _words(code)
    return ProperNounDetector(
        spelling=spelling(code), lexicon=lexicon(code), places=places(code),
        person_cues=words.civilities + words.roles + words.person_titles + words.persons.magistrate_titles,
        magistrate_cues=words.persons.magistrate_titles, noun_articles=words.noun_articles,
        place_cues=words.place_words, not_names=words.not_names + words.months,
        prepositions=words.locative_prepositions + words.place_prepositions,
        company_words=words.company_words, surname_endings=words.surname_endings,
        script=words.places_source.get("script") or words.lexicon_source.get("script"),
        lone_guesses=not words.capitalized_nouns, place_paradigms=words.place_inflections,
        chain_words=words.place_chain_words, letter_parties=words.letter_parties,
        person_noun_endings=words.person_noun_endings, citation_marks=words.citation_marks, name=name)


def _common_word_test(code: str):
    """``test(folded word)``: the pack's dictionary writes it in lowercase only; ``None``
    when the pack ships no dictionary."""
    found = spelling(code)
    return None if found is None else functools.partial(_written_lowercase, found)


def _written_lowercase(found, key: str) -> bool:
    from judanon.detectors.spelling import COMMON

    return found.kind(key) == COMMON


def abbreviations(words) -> frozenset:
    """The tokenizer's abbreviations of a pack (``Profile.abbreviations``): its
    ``ABBREVIATIONS`` and its civilities and roles written with a period (``dr.``, ``κ.``),
    lowercase, without the period: the period of such a word ends no sentence, so that a
    tagger reads ``κ. Νικόλαος`` in one sentence."""
    out = {w.lower() for w in words.abbreviations}
    for word in tuple(words.civilities) + tuple(words.roles):
        if word.endswith("."):
            out.add(word.rstrip(".").split(".")[-1].lower())
    return frozenset(out)


def tagger_path(code: str) -> Optional[Path]:
    """The tagger the pack ships (its ``TAGGER``, inside the pack's folder), or ``None``."""
    name = _words(code).tagger
    return _folder(code) / name if name else None


def neural_detector(code: str, model=None):
    """The pack's neural detector: ``model`` (``None``: the tagger the pack ships) with
    the pack's settings (thresholds, company forms, particles, abbreviations)."""
    from judanon.detectors.neural import FlairDetector
    from judanon.packs import NoNeuralModelError

    words = _words(code)
    path = model if model is not None else tagger_path(code)
    if path is None:
        raise NoNeuralModelError(f"profile {code!r} ships no neural model; pass neural=False, or "
                                 "model=<path of a tagger trained with `judanon train`>")
    return FlairDetector(
        path,
        # the tokenizer's abbreviations: those the model records, else this pack's
        abbreviations=abbreviations(words),
        min_score=words.neural_min_score,
        company_forms=words.persons.company_forms, company_min_score=words.neural_company_min_score,
        company_connectors=words.neural_company_connectors,
        name_particles=words.leading_name_particles,
        # civilities and titles are never part of a name (``Mlle Sandrine Lacombe``)
        not_names=(words.persons.civilities_singular + words.persons.civilities_plural
                   + words.persons.doctor_titles + words.persons.lawyer_titles),
    )


def _visible_places(code: str) -> tuple:
    """The pack's own patterns of visible places (its ``visible_places()``), and the
    seats its ``SEAT_WORDS`` open."""
    from judanon.packs import pack_module

    pack, words = pack_module(code), _words(code)
    visible = tuple(pack.visible_places()) if hasattr(pack, "visible_places") else ()
    if words.seat_words or words.seat_words_after:
        from judanon.detectors.locative import seat_patterns

        visible += tuple(seat_patterns(words.seat_words, words.locative_prepositions + words.seat_connectors,
                                       words.seat_words_after))
    if words.state_names:
        from judanon.detectors.place_names import name_patterns

        visible += name_patterns(words.state_names)
    return visible


def _data_module(code: str, name: str):
    """``import_module`` of the pack's data module ``name`` (``zones``, ``instructions``) as a
    loader that pickles, or ``None`` when the pack ships none."""
    if not (_folder(code) / f"{name}.py").is_file():
        return None
    return functools.partial(importlib.import_module, f"judanon.packs.{code}.{name}")


def profile(code: str):
    """The detectors and settings of ``Anonymizer(profile=code)``."""
    from judanon.packs import Profile

    words = _words(code)
    surrogate = None
    if words.surrogate_locale:
        from judanon.replace.strategies import SurrogateWords

        surrogate = SurrogateWords(locale=words.surrogate_locale, male_civilities=words.male_civilities,
                                   female_civilities=words.female_civilities, months=words.date_months,
                                   first_day=words.first_day, name_sounds=words.name_sounds)
    inflections: object = ()
    if words.inflections or words.gender_forms or words.place_inflections:
        from judanon.resolve.inflection import Declensions

        # the proper-noun detector finds towns in every case, with their context
        inflections = Declensions(words.inflections, words.gender_forms, words.place_inflections,
                                  propagate_places=not _has_proper_nouns(code))
    return Profile(
        code=code, detectors=functools.partial(detectors, code), neural=functools.partial(neural_detector, code),
        tagger=tagger_path(code), visible_places=_visible_places(code), replacement_formats=words.replacement_formats,
        surname_particles=words.surname_particles, surname_lead_particles=words.surname_lead_particles,
        identifier_context=words.identifier_context, inflections=inflections, abbreviations=abbreviations(words),
        name_sounds=words.name_sounds, name_frame_words=words.name_frame_words, surrogate_words=surrogate,
        lexicon=functools.partial(lexicon, code) if _has_lexicon(code) else None,
        zone_words=_data_module(code, "zones"), instruction_words=_data_module(code, "instructions"),
    )
