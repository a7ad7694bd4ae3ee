"""Language and country packs: patterns, context words and validators kept as data.

A pack is a folder ``judanon/packs/<code>/`` whose ``__init__`` defines
``profile(neural=None, model=None) -> Profile``: the detectors and settings of
``Anonymizer(profile=code)``. :func:`load_profile` is the only place that imports a pack,
by its code; no other module names one. Adding a country adds a folder here (see
``docs/packs/adding-a-country.md``).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from typing import Callable, List, Mapping, Optional, Sequence, Tuple, Union

import attrs

from judanon.errors import JudanonError

__all__ = ["DEFAULT_PROFILE", "Profile", "ProfileError", "UnknownProfileError", "NoNeuralModelError", "available_profiles",
           "load_profile", "pack_module"]


#: The profile of ``Anonymizer()`` and of the command line when none is named.
DEFAULT_PROFILE = "fr"


class ProfileError(JudanonError, ValueError):
    """A profile cannot be built as asked."""


class UnknownProfileError(ProfileError):
    """No pack has this code."""


class NoNeuralModelError(ProfileError):
    """The neural detector was asked of a pack that ships no tagger."""


def _tuple(value) -> tuple:
    return tuple(value)


def _inflections(value):
    """Paradigms as a tuple of tuples; a ``Declensions`` value stays as it is."""
    return value if hasattr(value, "gender_forms") else tuple(tuple(p) for p in value)


@attrs.frozen(slots=True)
class Profile:
    """What a pack gives the pipeline: its detectors and its language settings.

    ``detectors()`` builds the detectors run on every decision (rules, lists, context);
    ``neural`` builds the pack's neural detector from a model path (``None``: the
    shipped model), or is ``None`` when the pack has no tagger; the pipeline decides
    whether to call it. Both are module-level functions of the pack (an ``Anonymizer``
    stays picklable), called only when the detectors are wanted.
    """

    code: str
    detectors: Callable[[], Sequence[object]]
    #: ``neural(model_path_or_None) -> detector``; ``None`` when the pack ships no tagger.
    neural: Optional[Callable[[Optional[Union[str, os.PathLike]]], object]] = None
    #: Patterns (``judanon.detectors.regex.Pattern``) of places the policy keeps visible.
    visible_places: Tuple[object, ...] = attrs.field(default=(), converter=_tuple)
    #: Category -> counter format of the ``LabelStyle`` replacements (``{n}`` the counter).
    replacement_formats: Mapping[str, str] = attrs.field(factory=dict, converter=dict)
    #: Lowercase particles inside a surname (``de``, ``van``): a party's surname starts there.
    surname_particles: frozenset = attrs.field(default=frozenset(), converter=frozenset)
    #: Lowercase particles that open a surname and may be dropped (``de La Fontaine``).
    surname_lead_particles: frozenset = attrs.field(default=frozenset(), converter=frozenset)
    #: Folded words announcing a personal identifier (doubts: a number left visible after one).
    identifier_context: Tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    #: Declension paradigms of names, each a tuple of folded endings (``judanon.resolve.inflection``):
    #: the forms of one name are found and linked to one person. Empty: names do not inflect.
    #: A ``judanon.resolve.inflection.Declensions`` also gives gender forms and town paradigms.
    inflections: Tuple[Tuple[str, ...], ...] = attrs.field(default=(), converter=_inflections)
    #: Lowercase abbreviations whose period ends no sentence (``art``, ``mme``): the
    #: tokenizer's (``judanon.text.tokenize``), for the neural detector and its training.
    abbreviations: frozenset = attrs.field(default=frozenset(), converter=frozenset)
    #: ``(onsets, vowels, codas)`` of invented names (``judanon.text.lexicons.invent_name``:
    #: ``--unseen-names``, training's name swaps); empty: plain Latin syllables.
    name_sounds: Tuple[Tuple[str, ...], ...] = attrs.field(
        default=(), converter=lambda ss: tuple(tuple(s) for s in ss))
    #: The words of realistic replacements (a ``judanon.replace.strategies.SurrogateWords``);
    #: ``None``: Faker's ``en_US`` names, no civility read, dates in digits only.
    surrogate_words: Optional[object] = None
    #: ``lexicon() -> judanon.text.lexicons.NameLexicon`` of the pack's first names and
    #: surnames (loaded once), for whoever must tell one from the other (``Surrogate``);
    #: ``None``: the pack ships none.
    lexicon: Optional[Callable[[], object]] = None
    #: Capitalized words that build names and towns without being names (``Saint``, ``Le``):
    #: kept when ``--unseen-names`` invents the rest.
    name_frame_words: Tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    #: ``zone_words()``: the pack's module of zone words (``EXPOSE_HEADINGS`` ..., read by
    #: ``judanon.text.zones.ZoneWords.from_module``): the headings and formulas opening each
    #: zone of a decision (``judanon.zones``). ``None``: the pack ships none.
    zone_words: Optional[Callable[[], object]] = None
    #: ``instruction_words()``: the pack's module of the phrasing of a judge's extra terms
    #: (``HIDE_PHRASES`` ..., read by ``judanon.text.instructions``). ``None``: the pack ships none.
    instruction_words: Optional[Callable[[], object]] = None


def available_profiles() -> Tuple[str, ...]:
    """The codes of the packs installed with judanon."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if m.ispkg))


def pack_module(code: str):
    """The module of pack ``code`` (its data: ``judanon.packs.<code>``)."""
    if not isinstance(code, str) or code not in available_profiles():
        raise UnknownProfileError(
            f"unknown profile {code!r}; available profiles: {', '.join(available_profiles())}")
    return importlib.import_module(f"{__name__}.{code}")


def load_profile(code: str) -> Profile:
    """The :class:`Profile` of pack ``code`` (``"fr"``, ``"pl"`` ...)."""
    return pack_module(code).profile()


def detectors_of(profile: Profile, neural: Optional[bool], model, neural_installed: bool) -> List[object]:
    """The profile's detectors, plus its neural one when wanted (``neural=True`` or a
    ``model``) or, with ``neural=None``, when the neural extra is installed."""
    detectors: List[object] = list(profile.detectors())
    wanted = model is not None or neural or (neural is None and neural_installed)
    if wanted:
        if profile.neural is not None:
            detectors.append(profile.neural(model))
        elif model is not None or neural:
            from judanon.detectors.neural import FlairDetector

            if model is None:
                raise NoNeuralModelError(
                    f"profile {profile.code!r} ships no neural model; pass neural=False, or "
                    "model=<path of a tagger trained with `judanon train`>")
            detectors.append(FlairDetector(model, profile=profile.code))
    return detectors
