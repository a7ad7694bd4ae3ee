"""The Romanian pack: CNP and CUI (python-stdnum), IBAN, Romanian phone numbers,
e-mail, birth and death dates (``născut la 3 martie 1985``), civilities and roles
before a name, the declension of names of first names (``Maria``/``Mariei``), street
addresses (``str. Mihai Eminescu nr. 12``) and towns after a postal code (``010011 București``).

``profile()`` is ``Anonymizer(profile="ro")``; the words are in :mod:`.words`.
"""

from __future__ import annotations

from functools import partial

from judanon.packs import _base

from judanon.packs.ro import words

__all__ = ["profile", "detectors", "regex_detector", "patterns"]

VERSION = "1"


def patterns():
    """The pack's patterns (``judanon.detectors.regex.Pattern``), for ``RegexDetector``."""
    from stdnum.ro import cnp, cui

    import regex

    from judanon import entities as E
    from judanon.detectors import patterns as P
    from judanon.detectors.regex import Pattern

    date = P.date_expression(words.MONTHS)
    return (
        P.identifier("cnp", E.NUMERO_IDENTIFIANT, r"[1-9]\d{12}", P.stdnum_validator(cnp)),
        P.identifier("cui", E.SIREN_SIRET, r"(?:RO)?\d{2,10}", P.stdnum_validator(cui),
                     context=("CUI", "C.U.I.", "CIF", "cod fiscal", "cod unic de înregistrare")),
        # a sector of Bucharest (``sectorul 5``): the town's part a decision names
        Pattern("sector", E.LOCALITE, regex.compile(r"(?i)(?<![\p{L}])(?:sectorul|sectorului)\s+[1-6](?!\d)"),
                specificity=2),
        *_base.shared_patterns("RO", words, date, types_before=words.STREET_TYPES, number_words=words.NUMBER_WORDS),
    )


regex_detector = partial(_base.regex_detector, "ro")
detectors = partial(_base.detectors, "ro")
#: ``profile()`` is ``Anonymizer(profile="ro")``.
profile = partial(_base.profile, "ro")
