"""The tagger's token embedding: word shapes of any script, name classes of a lexicon, a
learned word table run by the plain tagger."""

import torch

from judanon.detectors.neural_embeddings import TokenEmbedder, lexicon_classes, word_shape
from judanon.text.lexicons import NameLexicon


def test_word_shape_reads_any_cased_script_and_folds_caseless_letters():
    assert word_shape("Σταματόπουλος") == word_shape("Dupont") == "Xxxxx"
    assert word_shape("ΚΟΝΤΟΣ") == word_shape("DUPONT") == "XXXX"
    assert word_shape("Đặng") == "Xxxx"
    assert word_shape("قاضي", "script") == "aaaa"  # no case: one class, not each letter
    assert word_shape("قاضي") == "قاضي"  # the French model's scheme is unchanged


def test_lexicon_classes_tell_first_names_surnames_and_common_words():
    lexicon = NameLexicon.from_names(["Ελένη", "Rose"], ["Κοντός", "Rose"])
    assert lexicon_classes(lexicon) == {"ελενη": 1, "κοντοσ": 2, "rose": 3}
    assert len(lexicon_classes(lexicon, limit=1)) == 1


def test_a_learned_word_table_and_name_classes_widen_the_rows_and_travel_in_the_params():
    words = {"κ.": 1, "στην": 2}
    embedder = TokenEmbedder(words, {"κ": 2}, {"Xxxx": 1}, vectors=torch.zeros(3, 0), word_dim=6,
                             shape_scheme="script", name_classes={"ελενη": 1}, name_class_dim=4,
                             char_filters=8, shape_dim=4)
    assert embedder.embedding_length == 6 + 4 + 4 + 8
    rows = embedder.embed_words(["κ.", "Ελένη", "στην"])
    assert rows.shape == (3, embedder.embedding_length)
    # the learned rows start at zero: a word never trained on adds nothing
    assert not rows[:, :6].any()
    params = embedder.to_params()
    assert params["word_dim"] == 6 and params["shape_scheme"] == "script" and params["name_class_dim"] == 4
    again = TokenEmbedder.from_params(params)
    again.load_state_dict(embedder.state_dict())
    assert torch.equal(again.embed_words(["κ.", "Ελένη"]), embedder.embed_words(["κ.", "Ελένη"]))


def test_the_french_model_records_none_of_the_new_parameters():
    embedder = TokenEmbedder({"rue": 1}, {}, {}, vectors=torch.zeros(2, 3))
    assert not {"word_dim", "shape_scheme", "name_classes", "name_class_dim"} & set(embedder.to_params())
