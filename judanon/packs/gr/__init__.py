"""The Greek pack: AMKA and AFM (python-stdnum), IBAN, Greek phone numbers, e-mail,
birth and death dates, civilities and roles before a name, the declension of names
(``Παπαδόπουλος``/``Παπαδόπουλου``), street addresses and towns after a postal code.
Greek script is matched whatever its case and accents, final sigma included.

``profile()`` is ``Anonymizer(profile="gr")``; the words are in :mod:`.words`.
"""

from __future__ import annotations

from . import words

__all__ = ["profile", "regex_detector"]

VERSION = "1"


def _patterns():
    from stdnum.gr import amka, vat

    from judanon import entities as E
    from judanon import patterns as P

    date = P.date_expression(words.MONTHS)
    return (
        P.identifier("amka", E.NUMERO_IDENTIFIANT, r"\d{11}", P.stdnum_validator(amka)),
        # the AFM is 9 digits: only after its name, a bare 9-digit number is too common
        P.identifier("afm", E.NUMERO_IDENTIFIANT, r"(?:EL|GR)?\d{9}", P.stdnum_validator(vat),
                     context=("ΑΦΜ", "Α.Φ.Μ.", "αριθμό φορολογικού μητρώου", "αριθμού φορολογικού μητρώου")),
        P.iban("iban"),
        P.email("email"),
        *P.phone("GR", "phone", context=words.PHONE_WORDS),
        P.dated_event("birth_date", E.DATE_NAISSANCE, words.BIRTH_WORDS, date),
        P.dated_event("death_date", E.DATE_DECES, words.DEATH_WORDS, date),
        P.street_address("street_address", E.ADRESSE, types_before=words.STREET_TYPES,
                         number_words=words.NUMBER_WORDS),
        P.postal_town("postal_town", E.LOCALITE, words.POSTAL_CODE),
    )


def regex_detector():
    from judanon.detectors.regex import RegexDetector

    return RegexDetector(_patterns(), name="regex", version=f"gr-{VERSION}")


def detectors():
    from judanon.detectors.civility import CivilityDetector

    return [regex_detector(), CivilityDetector(words.CIVILITIES, words.ROLES, words.NOT_NAMES)]


def profile():
    """The detectors and settings of ``Anonymizer(profile="gr")``."""
    from judanon.packs import Profile

    return Profile(code="gr", detectors=detectors, replacement_formats=words.REPLACEMENT_FORMATS,
                   identifier_context=words.IDENTIFIER_CONTEXT, inflections=words.INFLECTIONS)
