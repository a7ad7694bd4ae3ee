"""The Slovenian pack: EMŠO and tax number (python-stdnum), IBAN, Slovenian phone numbers,
e-mail, birth and death dates (``rojen 3. marca 1985``), civilities and roles
before a name, the declension of names (``Novak``/``Novaka``), street
addresses (``Slovenska cesta 12``) and towns after a postal code (``1000 Ljubljana``).

``profile()`` is ``Anonymizer(profile="si")``; the words are in :mod:`.words`.
"""

from __future__ import annotations

from functools import partial

from judanon.packs import _base

from judanon.packs.si import words

__all__ = ["profile", "detectors", "regex_detector", "patterns"]

VERSION = "1"


def patterns():
    """The pack's patterns (``judanon.detectors.regex.Pattern``), for ``RegexDetector``."""
    from stdnum.si import ddv, emso

    from judanon import entities as E
    from judanon.detectors import patterns as P

    date = P.date_expression(words.MONTHS)
    return (
        P.identifier("emso", E.NUMERO_IDENTIFIANT, r"\d{13}", P.stdnum_validator(emso)),
        # the tax number is 8 digits: only after its name
        P.identifier("davcna_stevilka", E.NUMERO_IDENTIFIANT, r"(?:SI)?\d{8}", P.stdnum_validator(ddv),
                     context=("davčna številka", "davčne številke", "davčno številko", "ID za DDV", "DDV")),
        *_base.shared_patterns("SI", words, date, types_after=words.STREET_TYPES),
    )


regex_detector = partial(_base.regex_detector, "si")
detectors = partial(_base.detectors, "si")
#: ``profile()`` is ``Anonymizer(profile="si")``.
profile = partial(_base.profile, "si")
