"""German words of Luxembourg decisions (the French ones are the fr pack's), data only."""

from __future__ import annotations

from typing import Tuple

CIVILITIES: Tuple[str, ...] = ("Herr", "Herrn", "Frau", "Fräulein", "Hr.", "Fr.", "Dr.")
ROLES: Tuple[str, ...] = (
    "Angeklagte", "Angeklagten", "Angeklagter", "Kläger", "Klägers", "Klägerin", "Beklagte",
    "Beklagten", "Beklagter", "Zeuge", "Zeugen", "Zeugin", "Beschuldigte", "Beschuldigten",
)
NOT_NAMES: Tuple[str, ...] = ("Gericht", "Gerichts", "Staat", "Staates", "Großherzogtum", "Luxemburg",
                              "Staatsanwaltschaft", "Bezirksgericht", "Gemeinde")
MONTHS: Tuple[str, ...] = (
    "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember", "Jan.", "Feb.", "Febr.", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.",
)
BIRTH_WORDS: Tuple[str, ...] = ("geboren", "geb.", "geboren am", "Geburtsdatum")
DEATH_WORDS: Tuple[str, ...] = ("gestorben", "verstorben", "gest.", "Sterbedatum")
PHONE_WORDS: Tuple[str, ...] = ("tél.", "tel.", "téléphone", "Telefon", "GSM")
#: Folded words announcing an identifier (with the fr pack's).
IDENTIFIER_CONTEXT: Tuple[str, ...] = ("matricule", "numero d'identification", "identifikationsnummer",
                                       "sozialversicherungsnummer", "konto")
#: Endings of German street names written as one word (``Hauptstraße 12``).
STREET_SUFFIXES: Tuple[str, ...] = ("straße", "strasse", "str.", "weg", "platz", "gasse", "allee", "ring")
POSTAL_CODE = r"L-?\d{4}"
