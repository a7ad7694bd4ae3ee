"""The Greek pack: AMKA and AFM (python-stdnum), IBAN, Greek phone numbers, e-mail,
birth and death dates, civilities and roles before a name, the declension of names
(``Παπαδόπουλος``/``Παπαδόπουλου``), street addresses and towns after a postal code.
Greek script is matched whatever its case and accents, final sigma included.

``profile()`` is ``Anonymizer(profile="gr")``; the words are in :mod:`.words`.
"""

from __future__ import annotations

from functools import partial

from judanon.packs import _base

from judanon.packs.gr import words

__all__ = ["profile", "detectors", "regex_detector", "patterns"]

VERSION = "1"


def patterns():
    """The pack's patterns (``judanon.detectors.regex.Pattern``), for ``RegexDetector``."""
    from stdnum.gr import amka, vat

    from judanon import entities as E
    from judanon.detectors import patterns as P

    date = P.date_expression(words.MONTHS)
    return (
        P.identifier("amka", E.NUMERO_IDENTIFIANT, r"\d{11}", P.stdnum_validator(amka)),
        # the AFM is 9 digits: only after its name, a bare 9-digit number is too common
        P.identifier("afm", E.NUMERO_IDENTIFIANT, r"(?:EL|GR)?\d{9}", P.stdnum_validator(vat),
                     context=("ΑΦΜ", "Α.Φ.Μ.", "αριθμό φορολογικού μητρώου", "αριθμού φορολογικού μητρώου")),
        *_base.shared_patterns("GR", words, date, types_before=words.STREET_TYPES, number_words=words.NUMBER_WORDS),
    )


regex_detector = partial(_base.regex_detector, "gr")
detectors = partial(_base.detectors, "gr")
#: ``profile()`` is ``Anonymizer(profile="gr")``.
profile = partial(_base.profile, "gr")
