"""Training-time augmentation: names and towns swapped for others, addresses rewritten."""

from __future__ import annotations

import random
from typing import AbstractSet, Dict, List, Sequence, Tuple

from judanon import entities as E
from judanon.text.lexicons import LexiconError, Substitutes, invent_name
from judanon.text.tokenize import Token
from judanon.training.config import TrainingConfig

#: Labels whose capitalized words ``NameSwapper`` replaces.
SWAPPED_LABELS: Tuple[str, ...] = (
    E.PERSONNE_PHYSIQUE, E.MAGISTRAT_GREFFIER, E.AVOCAT, E.LOCALITE,
)


def _lexicon_names(config: "TrainingConfig") -> List[str]:
    """Every first name and surname of the lexicon of the pack the model is trained for
    (folded keys), rare ones included; an empty list when the pack ships none."""
    from judanon.packs import load_profile

    load = load_profile(config.profile).lexicon
    try:
        lexicon = load() if load is not None else None
    except (LexiconError, OSError):  # augmentation then uses invented names only
        return []
    if lexicon is None:
        return []
    return sorted(k for k in set(lexicon.first_names) | set(lexicon.surnames) if k.isalpha() and len(k) > 2)


class NameSwapper:
    """Replaces the capitalized words of names and towns in a training sentence.

    Half of the replacements are names of the pack's lexicon (drawn uniformly, so mostly
    rare ones the word table does not know), half are invented: from the pack's name
    sounds (``Kourazel``) or, when it has none, by joining the start of one lexicon name
    to the end of another (any script: ``Παπα`` + ``κώστας``). One word gets one
    replacement within a sentence; capitals stay capitals (``DUPONT`` -> ``KOURAZEL``).
    """

    def __init__(self, rng: random.Random, names: Sequence[str] = (), sounds: Sequence[Sequence[str]] = ()):
        self.rng = rng
        self.names = list(names)
        self._known = frozenset(self.names)
        #: ``(onsets, vowels, codas)`` of the invented names (the pack's ``name_sounds``)
        self.sounds = tuple(tuple(s) for s in sounds)

    @staticmethod
    def positions(words: Sequence[str], tags: Sequence[str]) -> List[int]:
        """Indices of the capitalized words inside spans of ``SWAPPED_LABELS``."""
        out = []
        for i, (w, tag) in enumerate(zip(words, tags)):
            if tag != "O" and tag[2:] in SWAPPED_LABELS and w[:1].isupper() and w.isalpha() and len(w) > 1:
                out.append(i)
        return out

    def _name(self) -> str:
        if self.names and self.rng.random() < 0.5:
            return self.rng.choice(self.names)
        if not self.sounds and len(self.names) > 1:
            return blend_names(self.rng, self.names, self._known)
        return invent_name(self.rng, self.sounds)

    def swap(self, words: Sequence[str], positions: Sequence[int]) -> List[str]:
        out = list(words)
        substitute = Substitutes(self._name)
        for i in positions:
            out[i] = substitute(words[i])
        return out


def blend_names(rng: random.Random, names: Sequence[str], known: AbstractSet[str] = frozenset(),
                tries: int = 5) -> str:
    """A name of no list, in the script and sounds of ``names``: the start of one joined to
    the end of another (``kowal`` + ``czyk``), not one of ``known`` when ``tries`` draws
    allow."""
    word = ""
    for _ in range(tries):
        a, b = rng.choice(names), rng.choice(names)
        word = a[: rng.randint(2, max(2, len(a) - 1))] + b[rng.randint(1, max(1, len(b) - 2)):]
        if word not in known:
            break
    return word


def _common_words(words: Dict[str, int], limit: int = 20000, skip: int = 300) -> List[str]:
    """Frequent plain words of the word table (kept in frequency order), capitalized,
    past the ``skip`` most frequent ones (function words)."""
    out = []
    for rank, w in enumerate(words):
        if rank >= skip and w.isalpha() and 4 <= len(w) <= 12:
            out.append(w.capitalize())
            if len(out) >= limit:
                break
    return out


def _address_variant(tokens: List[Token], tags: List[str], rng: random.Random, names: Sequence[str],
                     street_types: Sequence[str], name_shapes: Sequence[Sequence[str]]):
    """The sentence with each "12, rue X" address rewritten with another street type and a
    street name made of common words, comma or not; None when there is no such address.
    ``street_types`` (lowercase) and ``name_shapes`` (words, ``{}`` a common word) are the
    pack's (``TRAINING_STREET_TYPES``, ``TRAINING_STREET_NAME_SHAPES``).

    The annotated data's street names are surrogates of one style ("rue de <surname>");
    real decisions have "rue des Tanneurs", "allée du Moulin", "avenue Foch".
    """
    if not names or not street_types or not name_shapes:
        return None
    out_tokens: List[Token] = []
    out_tags: List[str] = []
    changed = False
    i = 0
    while i < len(tokens):
        tag = tags[i]
        if tag.startswith("B-adresse") and tokens[i].text.isdigit():
            end = i
            while end + 1 < len(tokens) and tags[end + 1] in ("I-adresse", "E-adresse"):
                end += 1
            k = i + 1 + (1 if i + 1 <= end and tokens[i + 1].text == "," else 0)
            if k < end and tokens[k].text.lower() in street_types:
                words_ = [tokens[i].text] + ([","] if rng.random() < 0.5 else []) + [rng.choice(street_types)]
                for part in rng.choice(name_shapes):
                    words_.append(part.format(rng.choice(names)) if "{}" in part else part)
                out_tokens.extend(Token(0, len(w), w) for w in words_)
                out_tags.extend(["B-adresse"] + ["I-adresse"] * (len(words_) - 2) + ["E-adresse"])
                changed = True
                i = end + 1
                continue
        out_tokens.append(tokens[i])
        out_tags.append(tag)
        i += 1
    return (out_tokens, out_tags) if changed else None
