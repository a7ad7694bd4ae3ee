"""The Lithuanian pack: asmens kodas (python-stdnum), IBAN, Lithuanian phone numbers,
e-mail, birth and death dates (``gimęs 1985 m. kovo 3 d.``), civilities and roles
before a name, the declension of names (``Kazlauskas``/``Kazlausko``), street
addresses (``Gedimino pr. 9``) and towns after a postal code (``LT-01103 Vilnius``).

``profile()`` is ``Anonymizer(profile="lt")``; the words are in :mod:`.words`.
"""

from __future__ import annotations

from functools import partial

from judanon.packs import _base

from judanon.packs.lt import words

__all__ = ["profile", "detectors", "regex_detector", "patterns"]

VERSION = "1"


def patterns():
    """The pack's patterns (``judanon.detectors.regex.Pattern``), for ``RegexDetector``."""
    from stdnum.lt import asmens

    from judanon import entities as E
    from judanon.detectors import patterns as P

    date = P.date_expression(words.MONTHS, year_first_months=words.MONTHS, day_suffix=r"d\.?",
                             year_suffix=r"m\.?")
    return (
        P.identifier("asmens_kodas", E.NUMERO_IDENTIFIANT, r"\d{11}", P.stdnum_validator(asmens)),
        *_base.shared_patterns("LT", words, date, types_after=words.STREET_TYPES),
    )


regex_detector = partial(_base.regex_detector, "lt")
detectors = partial(_base.detectors, "lt")
#: ``profile()`` is ``Anonymizer(profile="lt")``.
profile = partial(_base.profile, "lt")
