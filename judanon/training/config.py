"""The training hyper-parameters (:class:`TrainingConfig`)."""

from __future__ import annotations

from typing import Tuple

import attrs

from judanon.packs import DEFAULT_PROFILE
from judanon.text.tokenize import MAX_SENTENCE_TOKENS
from judanon.training.reading import DEFAULT_LABELS


@attrs.frozen(slots=True)
class TrainingConfig:
    """Hyper-parameters; the defaults built the shipped model."""

    epochs: int = 25
    seed: int = 13
    batch_size: int = 32
    learning_rate: float = 2e-3
    hidden_size: int = 128
    char_filters: int = 64
    shape_dim: int = 16
    word_unk_rate: float = 0.15
    locked_dropout: float = 0.3
    word_dropout: float = 0.05
    #: share of entity-free sentences used per epoch (they are the large majority)
    empty_sentence_rate: float = 0.4
    labels: Tuple[str, ...] = DEFAULT_LABELS
    #: sentence cutting, stored in the model so that the detector cuts the same way
    max_sentence_tokens: int = MAX_SENTENCE_TOKENS
    split_blank_lines: bool = True
    #: also train on copies of sentences whose "12, rue X" addresses get another street
    #: type and a street name made of common words (see ``_address_variant``); the street
    #: types and name shapes come from the pack of ``profile``
    augment_addresses: bool = True
    #: the pack whose language data the augmentation uses (``judanon.packs.<profile>``)
    profile: str = DEFAULT_PROFILE
    #: each epoch, this share of the sentences with names or towns sees them replaced by
    #: other names (rare names of the pack's lexicon, or invented ones): the model must
    #: read the context and the letters, not remember the training names (``NameSwapper``)
    augment_names: float = 0.5
    #: width of a word table learned from the training data (``TokenEmbedder.word_dim``);
    #: 0: the frozen vectors only (the French model)
    word_dim: int = 0
    #: a word enters the learned table when the training sentences hold it this often
    min_word_count: int = 2
    #: ``TokenEmbedder.shape_scheme``: ``"script"`` for any script
    shape_scheme: str = "cased"
    #: at least this many batches in all: a small corpus gets more epochs than ``epochs``
    min_steps: int = 0
    #: width of the embedding of what the pack's name lexicon says of a word (first name,
    #: surname, common word: ``TokenEmbedder.name_classes``); 0: none
    name_class_dim: int = 0
