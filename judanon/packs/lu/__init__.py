"""The Luxembourg pack: decisions are written mostly in French and partly in German.

The French rules (the fr pack's detectors, formats and particles), plus the national
identification number (:mod:`.matricule`, 13 digits), Luxembourg IBAN and phone numbers,
German civilities and roles before a name, German birth and death dates, and towns
after a ``L-1234`` postal code, German street addresses (``Hauptstraße 12``).

``profile()`` is ``Anonymizer(profile="lu")``; the German words are in :mod:`.words`.
"""

from __future__ import annotations

from functools import partial

from judanon.packs import _base

from judanon.packs.lu import words

__all__ = ["profile", "detectors", "regex_detector", "patterns", "neural"]

VERSION = "1"


def _french():
    from judanon.packs import pack_module

    return pack_module("fr")


def patterns():
    """The Luxembourg and German patterns added to the French ones."""
    import regex

    from judanon import entities as E
    from judanon.detectors import patterns as P
    from judanon.detectors.regex import Pattern

    from judanon.packs.lu import matricule

    date = P.date_expression(words.MONTHS)
    street = regex.compile(r"(?<![\p{L}\p{Mn}-])\p{Lu}[\p{L}\p{Mn}-]*?(?i:" + "|".join(
        regex.escape(s) for s in words.STREET_SUFFIXES) + r")" + P.SPACE + r"+\d{1,4}[a-z]?(?![\w/])")
    return (
        Pattern("street_address_de", E.ADRESSE, street, specificity=2),
        P.identifier("matricule", E.NUMERO_IDENTIFIANT, r"\d{4}[ .]?\d{4}[ .]?\d{3}[ .]?\d{2}",
                     P.stdnum_validator(matricule)),
        P.iban("iban_lu", countries="LU"),
        *P.phone("LU", "phone_lu", context=words.PHONE_WORDS),
        P.dated_event("birth_date_de", E.DATE_NAISSANCE, words.BIRTH_WORDS, date),
        P.dated_event("death_date_de", E.DATE_DECES, words.DEATH_WORDS, date),
        P.postal_town("postal_town_lu", E.LOCALITE, words.POSTAL_CODE),
    )


regex_detector = partial(_base.regex_detector, "lu", name="regex-lu")


def german_detectors():
    """The detectors of a German paragraph: persons and places wherever they stand, after a
    civility or a role too (``judanon.detectors.propernouns``, German words: it tells a
    name from a capitalized German noun, which a bare civility rule cannot)."""
    return [_base.proper_noun_detector("lu", name="proper-nouns-de")]


def detectors():
    """Luxembourg identifiers everywhere; each paragraph read by the French or the German
    detectors, by its language (:class:`judanon.detectors.languages.LanguageRouter`)."""
    from judanon.detectors.languages import LanguageRouter
    from judanon.packs import pack_words

    languages = pack_words("lu").language_words
    return [regex_detector(), LanguageRouter((
        ("fr", languages["fr"], _french().detectors()),
        ("de", languages["de"], german_detectors()),
    ))]


def neural(model=None):
    """The neural detector of ``profile="lu"``: each paragraph tagged by the French tagger or
    the German one (``models/``, the pack's ``TAGGER``), by the function words it holds, as
    the rules choose (``LANGUAGE_WORDS``, :class:`judanon.detectors.neural_choice.TaggerChoice`).
    A ``model`` of the court's own is used alone, with the French settings."""
    french = _french().profile().neural
    if model is not None:
        return french(model)
    if _base.tagger_path("lu") is None:
        return french(None)
    from judanon.detectors.neural_choice import TaggerChoice
    from judanon.packs import pack_words

    languages = pack_words("lu").language_words
    return TaggerChoice([french(None), _base.neural_detector("lu")], languages=[languages["fr"], languages["de"]])


def profile():
    """The detectors and settings of ``Anonymizer(profile="lu")``."""
    import attrs

    from judanon.detectors.locative import seat_patterns
    from judanon.detectors.place_names import name_patterns
    from judanon.packs import pack_words

    german_words = pack_words("lu")
    french = _french().profile()
    german = seat_patterns(german_words.seat_words, name="public_seat_de") + name_patterns(german_words.state_names)
    return attrs.evolve(french, code="lu", detectors=detectors, neural=neural,
                        identifier_context=french.identifier_context + german_words.identifier_context,
                        visible_places=french.visible_places + german,
                        # German civilities written with a period (Hr., Fr.) end no sentence
                        abbreviations=french.abbreviations | _base.abbreviations(german_words))
