"""Language and country packs: patterns, context words and validators kept as data.

A pack is a folder ``judanon/packs/<code>/`` whose ``__init__`` defines
``profile() -> Profile``: the detectors and settings of ``Anonymizer(profile=code)``. Its
words keep the pack contract (:class:`judanon.packs.contract.PackWords`), checked when
the pack loads. This module is the registry: :func:`pack_module` is the only place that
imports a pack, by its code; :data:`DEFAULT_PROFILE` is the one default; no other module
names a pack. Adding a country adds a folder here (see ``docs/packs/adding-a-country.md``).
"""

from __future__ import annotations

import functools
import importlib
import os
import pkgutil
from pathlib import Path
from typing import TYPE_CHECKING, Callable, List, Mapping, Optional, Sequence, Tuple, Union

import attrs

from judanon.errors import NoNeuralModelError, PackContractError, ProfileError, UnknownProfileError

if TYPE_CHECKING:
    from judanon.text.lexicons import NameLexicon

__all__ = ["DEFAULT_PROFILE", "Profile", "ProfileError", "UnknownProfileError", "NoNeuralModelError",
           "PackContractError", "available_profiles", "load_profile", "pack_module", "pack_words",
           "visible_places", "detectors_of", "tagger_of"]

#: The profile of ``Anonymizer()``, of the command line and of every function taking a
#: profile when none is given.
DEFAULT_PROFILE = "fr"


def _tuple(value) -> tuple:
    return tuple(value)


def _inflections(value):
    """Paradigms as a tuple of tuples; a ``Declensions`` value stays as it is."""
    return value if hasattr(value, "gender_forms") else tuple(tuple(p) for p in value)


@attrs.frozen(slots=True)
class Profile:
    """What a pack gives the pipeline: its detectors and its language settings, built
    from its words (:func:`judanon.packs._base.profile`).

    ``detectors()`` builds the detectors run on every decision (rules, lists, context);
    ``neural`` builds the pack's neural detector from a model path (``None``: the
    shipped one, :attr:`tagger`), with the pack's settings; the pipeline decides whether
    to call it. Both are module-level functions (an ``Anonymizer`` stays picklable),
    called only when the detectors are wanted.
    """

    code: str
    detectors: Callable[[], Sequence[object]]
    #: ``neural(model_path_or_None) -> detector``; ``None``: a plain ``FlairDetector`` of
    #: the model given, cut with :attr:`abbreviations`.
    neural: Optional[Callable[[Optional[Union[str, os.PathLike]]], object]] = None
    #: The tagger the pack ships (a ``.pt`` file); ``None``: none, a model must be given.
    tagger: Optional[Path] = None
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
    #: surnames (loaded once), for whoever must tell one from the other or a name from a
    #: common word (``Surrogate``, the parties of a case); ``None``: the pack ships none.
    lexicon: Optional[Callable[[], "NameLexicon"]] = None
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


def _import(code: str):
    if not isinstance(code, str) or code not in available_profiles():
        raise UnknownProfileError(
            f"unknown profile {code!r}; available profiles: {', '.join(available_profiles())}")
    return importlib.import_module(f"{__name__}.{code}")


@functools.lru_cache(maxsize=None)
def pack_words(code: str):
    """The words of pack ``code`` (a :class:`judanon.packs.contract.PackWords`), read once
    from its word modules (``words``, or those its ``WORD_MODULES`` lists). Raises
    :class:`PackContractError` when the pack defines a name the contract lacks."""
    from judanon.packs.contract import PackWords

    pack = _import(code)
    modules = [importlib.import_module(f"{pack.__name__}.{name}") for name in getattr(pack, "WORD_MODULES", ("words",))]
    return PackWords.read(code, modules)


def pack_module(code: str):
    """The module of pack ``code`` (``judanon.packs.<code>``), its words checked against
    the pack contract."""
    pack = _import(code)
    pack_words(code)  # an unknown name fails here, when the pack loads
    return pack


def load_profile(code: str) -> Profile:
    """The :class:`Profile` of pack ``code`` (``"fr"``, ``"pl"`` ...)."""
    return pack_module(code).profile()


def visible_places(code: str = DEFAULT_PROFILE):
    """The places the policy of profile ``code`` keeps visible (the seats of public
    bodies), a :class:`judanon.resolve.policy.VisiblePlaces`."""
    from judanon.resolve.policy import VisiblePlaces

    return VisiblePlaces(load_profile(code).visible_places)


def tagger_of(profile: Profile, model: Optional[Union[str, os.PathLike]] = None):
    """A plain ``FlairDetector`` of ``model`` (``None``: the profile's shipped tagger),
    cutting sentences with the profile's abbreviations."""
    from judanon.detectors.neural import FlairDetector

    path = model if model is not None else profile.tagger
    if path is None:
        raise NoNeuralModelError(
            f"profile {profile.code!r} ships no neural model; pass neural=False, or "
            "model=<path of a tagger trained with `judanon train`>")
    return FlairDetector(path, abbreviations=profile.abbreviations)


def detectors_of(profile: Profile, neural: Optional[bool], model, neural_installed: bool) -> List[object]:
    """The profile's detectors, plus its neural one when wanted (``neural=True`` or a
    ``model``) or, with ``neural=None``, when the neural extra is installed and the
    profile ships a tagger."""
    detectors: List[object] = list(profile.detectors())
    wanted = model is not None or neural or (neural is None and neural_installed)
    if not wanted:
        return detectors
    if model is None and profile.tagger is None:
        if neural:
            tagger_of(profile)  # raises NoNeuralModelError
        return detectors
    detectors.append(profile.neural(model) if profile.neural is not None else tagger_of(profile, model))
    return detectors
