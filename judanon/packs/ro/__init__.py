"""The Romanian pack: CNP and CUI (python-stdnum), IBAN, Romanian phone numbers,
e-mail, birth and death dates (``născut la 3 martie 1985``), civilities and roles
before a name, the declension of names of first names (``Maria``/``Mariei``), street
addresses (``str. Mihai Eminescu nr. 12``) and towns after a postal code (``010011 București``).

``profile()`` is ``Anonymizer(profile="ro")``; the words are in :mod:`.words`.
"""

from __future__ import annotations

from . import words

__all__ = ["profile", "regex_detector"]

VERSION = "1"


def _patterns():
    from stdnum.ro import cnp, cui

    from judanon import entities as E
    from judanon import patterns as P

    date = P.date_expression(words.MONTHS)
    return (
        P.identifier("cnp", E.NUMERO_IDENTIFIANT, r"[1-9]\d{12}", P.stdnum_validator(cnp)),
        P.identifier("cui", E.SIREN_SIRET, r"(?:RO)?\d{2,10}", P.stdnum_validator(cui),
                     context=("CUI", "C.U.I.", "CIF", "cod fiscal", "cod unic de înregistrare")),
        P.iban("iban"),
        P.email("email"),
        *P.phone("RO", "phone", context=words.PHONE_WORDS),
        P.dated_event("birth_date", E.DATE_NAISSANCE, words.BIRTH_WORDS, date),
        P.dated_event("death_date", E.DATE_DECES, words.DEATH_WORDS, date),
        P.street_address("street_address", E.ADRESSE, types_before=words.STREET_TYPES,
                         number_words=words.NUMBER_WORDS),
        P.postal_town("postal_town", E.LOCALITE, words.POSTAL_CODE),
    )


def regex_detector():
    from judanon.detectors.regex import RegexDetector

    return RegexDetector(_patterns(), name="regex", version=f"ro-{VERSION}")


def detectors():
    from judanon.detectors.civility import CivilityDetector

    return [regex_detector(), CivilityDetector(words.CIVILITIES, words.ROLES, words.NOT_NAMES)]


def profile():
    """The detectors and settings of ``Anonymizer(profile="ro")``."""
    from judanon.packs import Profile

    return Profile(code="ro", detectors=detectors, replacement_formats=words.REPLACEMENT_FORMATS,
                   identifier_context=words.IDENTIFIER_CONTEXT, inflections=words.INFLECTIONS)
