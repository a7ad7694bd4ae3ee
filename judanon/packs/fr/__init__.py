"""The French pack: identifiers with checksums, dates in context, addresses and places,
persons from their context, companies, and the Cour de cassation's replacement formats.

``profile()`` is ``Anonymizer(profile="fr")``, the default. The modules hold data only:
``identifiers``, ``addresses``, ``lists`` (patterns for ``RegexDetector``), ``persons``
(context words), ``companies`` (legal forms), ``formats`` (replacements), ``training``
(address augmentation), ``zones`` (headings of a decision's zones), ``instructions``
(the phrasing of a judge's extra terms to hide or keep visible).
"""

from __future__ import annotations

import functools
from typing import Optional

from judanon.packs.fr.training import TRAINING_STREET_NAME_SHAPES, TRAINING_STREET_TYPES

__all__ = ["profile", "regex_detector", "person_grammar", "NEURAL_MIN_SCORE", "NEURAL_COMPANY_MIN_SCORE",
           "TRAINING_STREET_TYPES", "TRAINING_STREET_NAME_SHAPES"]

#: Confidence below which the profile drops the neural detector's spans: below 0.5 the
#: shipped model's lone guesses are wrong more often than right (held-out dev decisions).
NEURAL_MIN_SCORE = 0.5
#: A person guess inside a company's name (``la société Krantz & Cuvelier``) needs this
#: (cross-validated over the dev decisions, docs/neural.md).
NEURAL_COMPANY_MIN_SCORE = 0.95


def regex_detector(name: str = "regex", version: Optional[str] = None,
                   institution_places: bool = False, years_visible: bool = True):
    """The French patterns: identifiers, dates in context, addresses, places and lists of places.

    ``institution_places=True`` also reports the town in the name of a court
    (``cour d'appel de [Localité]``); by default a court's seat stays visible. The
    town of a prefecture, police station or detention centre is always reported.
    ``years_visible`` (default) replaces only the day and month of a written-out
    birth, death or marriage date (``né le [Date naissance 1] 1975``), as published
    decisions do; ``False`` replaces the year too. Numeric dates are replaced whole.

    >>> detector = regex_detector()
    >>> [s.label for s in detector.detect("Écrire à jeanne.martin@exemple.fr.")]
    ['email']
    """
    from judanon.detectors.regex import RegexDetector

    from judanon.packs.fr import addresses, identifiers, lists

    extra = addresses.INSTITUTION_PATTERNS if institution_places else ()
    return RegexDetector(
        identifiers.PATTERNS + identifiers.date_patterns(years_visible) + addresses.PATTERNS + extra
        + lists.PATTERNS,
        name=name,
        version=version or f"fr-{identifiers.VERSION}.{addresses.VERSION}.{lists.VERSION}",
        options=(("institution_places", str(institution_places)), ("years_visible", str(years_visible))),
    )


@functools.lru_cache(maxsize=1)
def person_grammar():
    """The words of ``PersonContextDetector`` in French (``persons.py``), built once."""
    from judanon.detectors.persons import PersonGrammar

    from judanon.packs.fr import persons

    return PersonGrammar.from_module(persons)


def zone_words():
    """The module of the words of ``judanon.zones`` in French (``zones.py``)."""
    from judanon.packs.fr import zones

    return zones


def instruction_words():
    """The module of the French phrasing of a judge's extra terms (``instructions.py``,
    read by ``judanon.text.instructions``)."""
    from judanon.packs.fr import instructions

    return instructions


def neural_detector(model=None):
    """The shipped French tagger (or ``model``) with this pack's settings."""
    from judanon.detectors.neural import FlairDetector

    from judanon.packs.fr import persons

    return FlairDetector(
        model,
        # the tokenizer's abbreviations: those the model records, else this pack's
        profile="fr",
        # one threshold for every label: names the rules do not know are often
        # scored 0.5-0.8 (docs/neural.md)
        min_score=NEURAL_MIN_SCORE,
        company_forms=persons.COMPANY_FORMS, company_min_score=NEURAL_COMPANY_MIN_SCORE,
        company_connectors=persons.COMPANY_NAME_CONNECTORS,
        name_particles=persons.LEADING_NAME_PARTICLES,
    )


def detectors():
    """The rule, list and context detectors of the profile."""
    from judanon.detectors.companies import CompanyDetector
    from judanon.detectors.dictionary import NameLexiconDetector
    from judanon.detectors.persons import PersonContextDetector

    from judanon.packs.fr import companies, persons

    return [
        regex_detector(),
        PersonContextDetector(person_grammar()),
        # Known names standing together ("Gérard Michel a formé un pourvoi"): persons
        # that no context word announces, also inside company names ("la société Jean
        # Dupont"), except trade names in capitals ("la SAS JEAN DUPONT").
        NameLexiconDetector(min_run=2, name="name-pairs", not_after=persons.COMPANY_FORMS),
        CompanyDetector(companies.FORMS_BEFORE, companies.FORMS_AFTER, companies.PUBLIC_BODIES,
                        companies.NAME_CONNECTORS, companies.NAME_STOPS, articles=companies.NAME_ARTICLES),
    ]


def profile():
    """The detectors and settings of ``Anonymizer(profile="fr")``."""
    from judanon.text.lexicons import default_lexicon
    from judanon.packs import Profile
    from judanon.replace.strategies import SurrogateWords

    from judanon.packs.fr import abbreviations, addresses, formats, identifiers, persons

    return Profile(
        code="fr",
        detectors=detectors,
        neural=neural_detector,
        visible_places=addresses.VISIBLE_PLACE_PATTERNS,
        replacement_formats=formats.REPLACEMENT_FORMATS,
        surname_particles=persons.SURNAME_PARTICLES,
        surname_lead_particles=persons.SURNAME_LEAD_PARTICLES,
        identifier_context=identifiers.IDENTIFIER_CONTEXT,
        abbreviations=abbreviations.ABBREVIATIONS,
        name_sounds=formats.NAME_SOUNDS,
        name_frame_words=formats.NAME_FRAME_WORDS,
        surrogate_words=SurrogateWords(
            locale=formats.SURROGATE_LOCALE, male_civilities=formats.MALE_CIVILITIES,
            female_civilities=formats.FEMALE_CIVILITIES, months=formats.MONTHS,
            first_day=formats.FIRST_DAY, name_sounds=formats.NAME_SOUNDS),
        lexicon=default_lexicon,
        zone_words=zone_words,
        instruction_words=instruction_words,
    )
