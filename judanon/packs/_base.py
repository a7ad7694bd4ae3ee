"""The machinery the civility-based packs share (gr, lt, pl, ro, si).

Such a pack's ``__init__`` holds its data (``VERSION``, ``patterns()``, the words in
``words``) and binds these functions to its code with ``functools.partial``::

    regex_detector = partial(_base.regex_detector, "pl")
    detectors = partial(_base.detectors, "pl")
    profile = partial(_base.profile, "pl")

The functions find the pack by its code (:func:`judanon.packs.pack_module`), so a
``Profile`` holding ``partial(detectors, "pl")`` pickles by name.
"""

from __future__ import annotations

import functools
from typing import List, Optional

__all__ = ["regex_detector", "detectors", "profile"]


def regex_detector(code: str, name: str = "regex"):
    """The pack's identifier, date and address patterns (``patterns()`` of the pack)."""
    from judanon.detectors.regex import RegexDetector
    from judanon.packs import pack_module

    pack = pack_module(code)
    return RegexDetector(pack.patterns(), name=name, version=f"{code}-{pack.VERSION}")


def detectors(code: str) -> List[object]:
    """The pack's detectors: its patterns, then persons announced by a civility or a role."""
    from judanon.detectors.civility import CivilityDetector
    from judanon.packs import pack_module

    words = pack_module(code).words
    return [regex_detector(code), CivilityDetector(words.CIVILITIES, words.ROLES, words.NOT_NAMES)]


def profile(code: str):
    """The detectors and settings of ``Anonymizer(profile=code)``."""
    from judanon.packs import Profile, pack_module

    words = pack_module(code).words
    return Profile(code=code, detectors=functools.partial(detectors, code),
                   replacement_formats=words.REPLACEMENT_FORMATS,
                   identifier_context=words.IDENTIFIER_CONTEXT,
                   inflections=getattr(words, "INFLECTIONS", ()))
