"""The Lithuanian pack: asmens kodas (python-stdnum), IBAN, Lithuanian phone numbers,
e-mail, birth and death dates (``gimęs 1985 m. kovo 3 d.``), civilities and roles
before a name, the declension of names (``Kazlauskas``/``Kazlausko``), street
addresses (``Gedimino pr. 9``) and towns after a postal code (``LT-01103 Vilnius``).

``profile()`` is ``Anonymizer(profile="lt")``; the words are in :mod:`.words`.
"""

from __future__ import annotations

from . import words

__all__ = ["profile", "regex_detector"]

VERSION = "1"


def _patterns():
    from stdnum.lt import asmens

    from judanon import entities as E
    from judanon import patterns as P

    date = P.date_expression(words.MONTHS, year_first_months=words.MONTHS, day_suffix=r"d\.?",
                             year_suffix=r"m\.?")
    return (
        P.identifier("asmens_kodas", E.NUMERO_IDENTIFIANT, r"\d{11}", P.stdnum_validator(asmens)),
        P.iban("iban"),
        P.email("email"),
        *P.phone("LT", "phone", context=words.PHONE_WORDS),
        P.dated_event("birth_date", E.DATE_NAISSANCE, words.BIRTH_WORDS, date),
        P.dated_event("death_date", E.DATE_DECES, words.DEATH_WORDS, date),
        P.street_address("street_address", E.ADRESSE, types_after=words.STREET_TYPES),
        P.postal_town("postal_town", E.LOCALITE, words.POSTAL_CODE),
    )


def regex_detector():
    from judanon.detectors.regex import RegexDetector

    return RegexDetector(_patterns(), name="regex", version=f"lt-{VERSION}")


def detectors():
    from judanon.detectors.civility import CivilityDetector

    return [regex_detector(), CivilityDetector(words.CIVILITIES, words.ROLES, words.NOT_NAMES)]


def profile():
    """The detectors and settings of ``Anonymizer(profile="lt")``."""
    from judanon.packs import Profile

    return Profile(code="lt", detectors=detectors, replacement_formats=words.REPLACEMENT_FORMATS,
                   identifier_context=words.IDENTIFIER_CONTEXT, inflections=words.INFLECTIONS)
