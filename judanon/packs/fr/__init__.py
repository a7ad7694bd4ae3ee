"""The French pack: identifiers with checksums, dates in context, addresses and places,
persons from their context, companies, and the Cour de cassation's replacement formats.

``profile()`` is ``Anonymizer(profile="fr")``, the default. The words keep the pack
contract (``judanon.packs.contract``) in three modules: ``words`` (replacements,
identifier context, realistic replacements, invented names, abbreviations, the shipped
tagger and its settings, training), ``persons`` (the person grammar and the particles of
names) and ``companies``. The patterns are in ``identifiers``, ``addresses`` and ``lists``;
the tagger in ``models/``. ``zones`` holds the headings and formulas of a decision's zones
(``judanon.zones``), ``instructions`` the phrasing of a judge's extra terms
(``judanon.parse_instructions``).
"""

from __future__ import annotations

from functools import partial
from typing import Optional

from judanon.packs import _base

__all__ = ["profile", "detectors", "regex_detector", "patterns", "visible_places"]

#: The modules whose names in capitals are the pack's slots.
WORD_MODULES = ("words", "persons", "companies")


def patterns(institution_places: bool = False, years_visible: bool = True) -> tuple:
    """The French patterns (``judanon.detectors.regex.Pattern``): identifiers, dates in
    context, addresses, places and lists of places; see :func:`regex_detector`."""
    from judanon.packs.fr import addresses, identifiers, lists

    extra = addresses.INSTITUTION_PATTERNS if institution_places else ()
    return (identifiers.PATTERNS + identifiers.date_patterns(years_visible) + addresses.PATTERNS + extra
            + lists.PATTERNS)


def regex_detector(name: str = "regex", version: Optional[str] = None,
                   institution_places: bool = False, years_visible: bool = True):
    """The French patterns: identifiers, dates in context, addresses, places and lists of places.

    ``institution_places=True`` also reports the town in the name of a court
    (``cour d'appel de [Localité]``); by default a court's seat stays visible. The
    town of a prefecture, police station or detention centre is always reported.
    ``years_visible`` (default) replaces only the day and month of a written-out
    birth, death or marriage date (``né le [Date naissance 1] 1975``), as published
    decisions do; ``False`` replaces the year too. Numeric dates are replaced whole.

    >>> detector = regex_detector()
    >>> [s.label for s in detector.detect("Écrire à jeanne.martin@exemple.fr.")]
    ['email']
    """
    from judanon.packs.fr import addresses, identifiers, lists

    return _base.regex_detector(
        "fr", name, version or f"fr-{identifiers.VERSION}.{addresses.VERSION}.{lists.VERSION}",
        institution_places=institution_places, years_visible=years_visible)


def visible_places() -> tuple:
    """Patterns of the places the policy keeps visible: the seats of courts and public
    bodies (``cour d'appel de Lyon``, ``préfet du Nord``)."""
    from judanon.packs.fr.addresses import VISIBLE_PLACE_PATTERNS

    return VISIBLE_PLACE_PATTERNS


detectors = partial(_base.detectors, "fr")
#: ``profile()`` is ``Anonymizer(profile="fr")``.
profile = partial(_base.profile, "fr")
