"""The Polish pack: PESEL, NIP, REGON (python-stdnum), IBAN, Polish phone numbers,
e-mail, birth and death dates, civilities and roles before a name, the declension of
names (``Kowalski``/``Kowalskiego``), street addresses and towns after a postal code.

``profile()`` is ``Anonymizer(profile="pl")``; the words are in :mod:`.words`.
"""

from __future__ import annotations

from functools import partial

from judanon.packs import _base

from judanon.packs.pl import words

__all__ = ["profile", "detectors", "regex_detector", "patterns"]

VERSION = "1"


def patterns():
    """The pack's patterns (``judanon.detectors.regex.Pattern``), for ``RegexDetector``."""
    from stdnum.pl import nip, pesel, regon

    from judanon import entities as E
    from judanon.detectors import patterns as P

    date = P.date_expression(words.MONTHS, year_suffix=words.YEAR_SUFFIX)
    return (
        P.identifier("pesel", E.NUMERO_IDENTIFIANT, r"\d{11}", P.stdnum_validator(pesel)),
        P.identifier("nip", E.NUMERO_IDENTIFIANT, r"\d{3}-?\d{3}-?\d{2}-?\d{2}|\d{3}-\d{2}-\d{2}-\d{3}",
                     P.stdnum_validator(nip)),
        P.identifier("regon", E.SIREN_SIRET, r"\d{9}(?:\d{5})?", P.stdnum_validator(regon), context=("regon",)),
        *_base.shared_patterns("PL", words, date, types_before=words.STREET_TYPES),
    )


regex_detector = partial(_base.regex_detector, "pl")
detectors = partial(_base.detectors, "pl")
#: ``profile()`` is ``Anonymizer(profile="pl")``.
profile = partial(_base.profile, "pl")
