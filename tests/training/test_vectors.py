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
