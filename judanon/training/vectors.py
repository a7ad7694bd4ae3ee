"""Word tables for the tagger's embedding: a built ``.npz`` or the table of a model file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from judanon.errors import GoldFormatError
from judanon.packs import DEFAULT_PROFILE


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
