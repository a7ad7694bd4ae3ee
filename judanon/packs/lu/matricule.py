"""Luxembourg national identification number (matricule, 13 digits).

``YYYYMMDDXXXCC``: the date of birth, a sequence number, then two check digits computed
over the first eleven digits, the 12th with the Luhn algorithm and the 13th with the
Verhoeff algorithm (loi du 19 juin 2013 relative à l'identification des personnes
physiques; règlement grand-ducal du 28 novembre 2013; Guichet.lu, « Le numéro
d'identification national »). python-stdnum has no module for it (it has ``lu.tva``
only); this one follows its module layout.
"""

from __future__ import annotations

import datetime

from stdnum import luhn, verhoeff
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError
from stdnum.util import clean, isdigits

__all__ = ["compact", "validate", "is_valid", "format"]


def compact(number: str) -> str:
    return clean(number, " -./").strip()


def validate(number: str) -> str:
    number = compact(number)
    if not isdigits(number):
        raise InvalidFormat()
    if len(number) != 13:
        raise InvalidLength()
    try:
        datetime.date(int(number[:4]), int(number[4:6]), int(number[6:8]))
    except ValueError:
        raise InvalidComponent() from None
    if luhn.calc_check_digit(number[:11]) != number[11]:
        raise InvalidChecksum()
    if verhoeff.calc_check_digit(number[:11]) != number[12]:
        raise InvalidChecksum()
    return number


def is_valid(number: str) -> bool:
    try:
        return bool(validate(number))
    except ValidationError:
        return False


def format(number: str) -> str:
    number = compact(number)
    return " ".join((number[:4], number[4:8], number[8:11], number[11:]))
