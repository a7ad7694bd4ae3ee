"""Word tables for the tagger's embedding: a built ``.npz`` or the table of a model file."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple, Union

from judanon.errors import GoldFormatError
from judanon.packs import DEFAULT_PROFILE
from judanon.text.tokenize import Token, normalize_token


def load_word_vectors(path: Optional[Union[str, Path]] = None):
    """``(words, vectors)``: ``{word: row}`` and a float tensor (row 0 = unknown).

    ``path``: an ``.npz`` from ``judanon/build/embeddings.py`` or a judanon model file
    (``.pt``) whose table is reused; default: the tagger the default profile ships.
    """
    import numpy as np
    import torch

    from judanon.detectors.neural import load_tagger
    from judanon.detectors.neural_embeddings import LegalTokenEmbeddings
    from judanon.packs import NoNeuralModelError, load_profile

    if path is None:
        path = load_profile(DEFAULT_PROFILE).tagger
        if path is None:
            raise NoNeuralModelError(f"profile {DEFAULT_PROFILE!r} ships no tagger: pass the word vectors")
    path = Path(path)
    if path.suffix == ".npz":
        data = np.load(path, allow_pickle=False)
        words = {str(w): int(r) for w, r in zip(data["words"], data["rows"])}
        return words, torch.tensor(data["vectors"], dtype=torch.float32)
    tagger = load_tagger(path)
    emb = tagger.embeddings
    if not isinstance(emb, LegalTokenEmbeddings):
        raise GoldFormatError(f"{str(path)!r} holds no judanon word table; pass an .npz from build_embeddings.py")
    return dict(emb.words), emb.word_vectors.detach().clone()


def training_words(tagged: Sequence[Tuple[List[Token], List[str]]], min_count: int = 2) -> List[str]:
    """The lowercase words of the training sentences met at least ``min_count`` times, most
    frequent first (ties alphabetically): the rows of a learned word table."""
    counts: Counter = Counter(normalize_token(t.text).lower() for toks, _ in tagged for t in toks)
    return sorted((w for w, n in counts.items() if n >= min_count), key=lambda w: (-counts[w], w))


def word_table(tagged: Sequence[Tuple[List[Token], List[str]]], min_count: int = 2, word_vectors=None):
    """``(words, vectors)`` of a tagger that learns its word table: the training words
    (:func:`training_words`), after the words of ``word_vectors`` (``(words, vectors)``,
    e.g. built from the court's own unannotated decisions by
    :mod:`judanon.training.court_vectors`) when given. ``vectors`` is the frozen part: the
    given rows, zero rows for the words they lack (no frozen part without them)."""
    import torch

    words: Dict[str, int] = dict(word_vectors[0]) if word_vectors is not None else {}
    frozen = word_vectors[1] if word_vectors is not None else torch.zeros(1, 0)
    rows = int(frozen.shape[0])
    for w in training_words(tagged, min_count):
        if w not in words:
            words[w] = rows
            rows += 1
    vectors = torch.zeros(rows, int(frozen.shape[1]))
    vectors[: frozen.shape[0]] = frozen
    return words, vectors
