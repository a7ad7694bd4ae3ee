"""Word tables: a built ``.npz`` and the table of a model file read back alike."""

import numpy as np
import pytest
from training_examples import tiny_word_table

from judanon.errors import GoldFormatError
from judanon.training import load_word_vectors


def test_an_npz_table_reads_back_as_built(tmp_path):
    words, vectors = tiny_word_table()
    table = tmp_path / "table.npz"
    np.savez(table, words=np.array(list(words)), rows=np.array(list(words.values())), vectors=vectors.numpy())
    read_words, read_vectors = load_word_vectors(table)
    assert read_words == words
    assert np.allclose(read_vectors.numpy(), vectors.numpy())


def test_the_shipped_model_lends_its_table():
    pytest.importorskip("flair")
    words, vectors = load_word_vectors()
    assert len(words) > 1000 and vectors.shape[0] > max(words.values())
    assert "tribunal" in words


def test_a_file_without_a_table_is_refused(tmp_path):
    bad = tmp_path / "other.pt"
    bad.write_bytes(b"not a model")
    with pytest.raises((GoldFormatError, Exception)):
        load_word_vectors(bad)


def test_court_vectors_give_the_frozen_part_and_the_data_the_learned_one():
    import torch
    from language_examples import GREEK, L, P

    from judanon import training

    words, vectors = {"κ.": 1, "δικαστήριο": 2}, torch.arange(6, dtype=torch.float32).reshape(3, 2)
    tagged = [pair for d in training.from_pairs(GREEK) for pair in training.tag_sentences(d, (P, L))]
    table, frozen = training.word_table(tagged, 2, (words, vectors))
    assert table["κ."] == 1 and table["δικαστήριο"] == 2
    assert table["η"] >= 3 and frozen.shape == (len(set(table.values())) + 1, 2)
    assert torch.equal(frozen[:3], vectors) and not frozen[table["η"]].any()
    assert "πάτρα" not in table  # met once: unknown
    # without vectors: the training words only, no frozen part
    alone, none = training.word_table(tagged, 2)
    assert none.shape[1] == 0 and set(alone) == set(training.training_words(tagged, 2))
