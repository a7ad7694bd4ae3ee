"""What a decision says about its own structure, read with a pack's words: its zones
(``judanon.zones``) and its judge's extra terms (``judanon.parse_instructions``).

The machinery is language-free (:mod:`judanon.text.zones`, :mod:`judanon.text.instructions`);
a pack gives its words through the ``zone_words`` and ``instruction_words`` slots of its
profile. A pack without zone words cannot zone: asking raises :class:`NoZoneWordsError`
rather than returning no zones, so that whoever relies on zones (hiding the reasons of a
decision) never goes on as if a decision had none.
"""

from __future__ import annotations

import functools
from typing import Dict, Iterable, Mapping, Optional, Union

import attrs

from judanon.packs import DEFAULT_PROFILE, ProfileError, available_profiles, load_profile
from judanon.text.instructions import Instructions, InstructionWords, read_instructions
from judanon.text.zones import MIN_DECISION_CHARS, SUBZONE_NAMES, ZONE_NAMES, Zones, ZoneWords, find_zones

__all__ = ["zones", "zone_words", "zone_words_or_none", "zone_shares", "ZoneShares", "is_empty",
           "NoZoneWordsError", "parse_instructions", "instruction_words", "NoInstructionWordsError"]


class NoZoneWordsError(ProfileError):
    """The pack has no zone words."""


class NoInstructionWordsError(ProfileError):
    """The pack has no words for a judge's instructions."""


@functools.lru_cache(maxsize=None)
def _pack_zone_words(code: str) -> Optional[ZoneWords]:
    """The zone words of pack ``code``, or ``None`` (cached either way: the pipeline asks
    for every decision)."""
    profile = load_profile(code)
    return None if profile.zone_words is None else ZoneWords.from_module(profile.zone_words())


def _no_zone_words(code: str) -> NoZoneWordsError:
    with_words = [c for c in available_profiles() if _pack_zone_words(c) is not None]
    return NoZoneWordsError(
        f"profile {code!r} has no zone words, so its decisions cannot be zoned; "
        f"profiles with zone words: {', '.join(with_words) or 'none'}")


def zone_words(profile: Union[str, ZoneWords, None] = None) -> ZoneWords:
    """The zone words of pack ``profile`` (default: the default profile; a
    :class:`~judanon.text.zones.ZoneWords` passes through); raises :class:`NoZoneWordsError`
    when the pack has none."""
    if isinstance(profile, ZoneWords):
        return profile
    code = profile or DEFAULT_PROFILE
    words = _pack_zone_words(code)
    if words is None:
        raise _no_zone_words(code)
    return words


def zone_words_or_none(profile: Union[str, ZoneWords, None] = None) -> Optional[ZoneWords]:
    """:func:`zone_words`, or ``None`` when the pack has none (or ``profile`` names no pack)."""
    if isinstance(profile, ZoneWords):
        return profile
    try:
        return _pack_zone_words(profile or DEFAULT_PROFILE)
    except ProfileError:
        return None


def zones(text: str, profile: Union[str, ZoneWords, None] = None, kind: Optional[str] = None) -> Zones:
    """The zones of ``text`` (:class:`~judanon.text.zones.Zones`), read with the words of
    pack ``profile``. ``kind`` (``"cassation"``, ``"appel"``, ``"premiere_instance"`` in
    the French pack) says what kind of decision it is when known; by default the court
    named in the introduction tells it.

    >>> z = zones("COUR D'APPEL DE DOUAI\\nMOTIFS\\nLe juge a bien jugé.\\nPAR CES MOTIFS\\nConfirme.")
    >>> [zone.name for zone in z], z.kind
    (['introduction', 'motivations', 'dispositif'], 'appel')
    """
    return find_zones(text, zone_words(profile), kind=kind)


# --- How often the zones are found -------------------------------------------------


def is_empty(text: object) -> bool:
    """Whether ``text`` holds no decision: not a string, or fewer than
    :data:`MIN_DECISION_CHARS` non-space characters (an export that wrote ``undefined``)."""
    return not isinstance(text, str) or len("".join(text.split())) < MIN_DECISION_CHARS


def _counts(value: Mapping[str, int]) -> Dict[str, int]:
    return {str(name): int(count) for name, count in value.items()}


@attrs.frozen(slots=True)
class ZoneShares:
    """How many of ``decisions`` texts (empty ones left out, counted in ``empty``)
    show each zone and sub-zone (``found``)."""

    decisions: int
    empty: int
    found: Mapping[str, int] = attrs.field(converter=_counts)

    @property
    def shares(self) -> Dict[str, float]:
        """Zone or sub-zone name -> share of the non-empty decisions where it was found."""
        return {name: (self.found.get(name, 0) / self.decisions if self.decisions else 0.0)
                for name in ZONE_NAMES + SUBZONE_NAMES}

    def to_dict(self) -> Dict[str, object]:
        return {"decisions": self.decisions, "empty": self.empty,
                "found": {name: self.found.get(name, 0) for name in ZONE_NAMES + SUBZONE_NAMES},
                "shares": {name: round(share, 4) for name, share in self.shares.items()}}

    def __add__(self, other: "ZoneShares") -> "ZoneShares":
        found = dict(self.found)
        for name, count in other.found.items():
            found[name] = found.get(name, 0) + count
        return ZoneShares(self.decisions + other.decisions, self.empty + other.empty, found)

    @classmethod
    def of(cls, text: object, words: ZoneWords, kind: Optional[str] = None) -> "ZoneShares":
        """The shares of one text: the zones and sub-zones it shows, or an empty one."""
        if is_empty(text):
            return cls(0, 1, {})
        zones = find_zones(text, words, kind=kind)  # type: ignore[arg-type]
        return cls(1, 0, {name: 1 for name in {z.name for z in zones.zones + zones.subzones}})


def zone_shares(texts: Iterable[str], profile: Union[str, ZoneWords, None] = None,
                kinds: Optional[Iterable[Optional[str]]] = None) -> ZoneShares:
    """The share of ``texts`` where each zone is found (:class:`ZoneShares`); texts that
    hold no decision (:func:`is_empty`) are left out. ``kinds``, one per text, passes
    each text's kind to :func:`find_zones` when known."""
    words = zone_words(profile)
    total = ZoneShares(0, 0, {})
    kind_list = list(kinds) if kinds is not None else None
    for k, text in enumerate(texts):
        total += ZoneShares.of(text, words, kind_list[k] if kind_list is not None else None)
    return total


@functools.lru_cache(maxsize=None)
def _pack_instruction_words(code: str) -> InstructionWords:
    profile = load_profile(code)
    if profile.instruction_words is None:
        raise NoInstructionWordsError(
            f"profile {code!r} has no words for a judge's instructions; pass the terms themselves "
            "(also_hide=..., keep_visible=...) or InstructionWords of your own")
    return InstructionWords.from_module(profile.instruction_words())


def instruction_words(profile: Union[str, InstructionWords, None] = None) -> InstructionWords:
    """The instruction words of pack ``profile`` (an :class:`InstructionWords` passes through)."""
    if isinstance(profile, InstructionWords):
        return profile
    return _pack_instruction_words(profile or DEFAULT_PROFILE)


def parse_instructions(text: Optional[str], profile: Union[str, InstructionWords, None] = None,
                       quote: bool = False) -> Instructions:
    """The terms a judge's free-text ``text`` asks to hide or to keep visible, read with
    the words of pack ``profile`` (see :mod:`judanon.text.instructions`). ``quote=True``
    puts the unread text in the doubts; by default they only locate it.

    >>> parse_instructions("Occulter les termes « Dunkerque » et « Lille ». Ne pas occulter Marie Curie")
    Instructions(also_hide=('Dunkerque', 'Lille'), keep_visible=('Marie Curie',), doubts=())
    """
    return read_instructions(text, instruction_words(profile), quote)
