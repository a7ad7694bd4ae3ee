"""A court trains its own tagger in its own language and script: words learned from its
data, no French table, the pack's tokenizer; the model runs through the Anonymizer."""

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest

pytest.importorskip("flair")

from language_examples import GREEK, ROMANIAN, tagger_spans, train

import judanon
from judanon.detectors.neural_embeddings import TokenEmbedder
from judanon.detectors.tagger import Tagger


@pytest.fixture(scope="module")
def greek_model(tmp_path_factory):
    path = tmp_path_factory.mktemp("gr") / "gr-court.pt"
    train(GREEK, "gr").save(path)
    return path


def test_a_greek_tagger_learns_its_words_from_the_data(greek_model):
    from judanon.detectors.neural import load_model

    tagger = load_model(greek_model)
    # the plain tagger runs it: the learned table needs no Flair at run time
    assert isinstance(tagger, Tagger)
    embeddings = tagger.embeddings
    assert isinstance(embeddings, TokenEmbedder)
    # no pretrained vectors: every word part is learned, from the training sentences
    assert embeddings.vector_dim == 0 and embeddings.word_dim == 16
    assert {"κ.", "κα", "στην"} <= set(embeddings.words)
    assert "rue" not in embeddings.words
    # the pack's tokenizer: its abbreviations (civilities written with a period) travel with the model
    assert "κ" in embeddings.segmentation["abbreviations"]
    # what the pack's name lexicon says of a word travels with it too
    assert embeddings.name_class_dim == 4 and embeddings.name_classes["ελενη"] & 1


def test_a_greek_tagger_loads_through_the_anonymizer_and_finds_a_name_after_a_civility(greek_model):
    anonymizer = judanon.Anonymizer(profile="gr", model=greek_model)
    text = "Ο κ. Αριστείδης Κοντός κατοικεί στην Πάτρα."
    assert "Αριστείδης Κοντός" in tagger_spans(anonymizer, text)
    result = anonymizer.anonymize(text)
    assert "Κοντός" not in result.text


def test_a_romanian_tagger_loads_through_the_anonymizer_and_finds_a_name_after_a_civility(tmp_path):
    path = tmp_path / "ro-court.pt"
    train(ROMANIAN, "ro").save(path)
    anonymizer = judanon.Anonymizer(profile="ro", model=path)
    text = "Domnul Toma Vârlan locuiește în Suceava."
    assert "Toma Vârlan" in tagger_spans(anonymizer, text)
    assert "Vârlan" not in anonymizer.anonymize(text).text


def test_the_plain_tagger_gives_flairs_tags_for_a_learned_word_table(greek_model):
    from flair.data import Sentence

    from judanon.detectors.neural import load_tagger
    from judanon.detectors.tagger import read_tagger

    words = [t for t, _ in GREEK]
    batch = [w.replace(".", " .").split() for w in words]
    flair_tagger = load_tagger(greek_model)
    sentences = [Sentence(list(b)) for b in batch]
    flair_tagger.predict(sentences, force_token_predictions=True)
    theirs = [[tok.get_label(flair_tagger.tag_type).value or "O" for tok in s] for s in sentences]
    ours = [[tag for tag, _ in row] for row in read_tagger(greek_model).tag(batch)]
    assert ours == theirs


def test_a_small_corpus_trains_at_least_min_steps_batches():
    logged = []
    from judanon import training
    from language_examples import P, L, TINY

    config = training.TrainingConfig(profile="ro", labels=(P, L), **{**TINY, "min_steps": 12})
    training.train_tagger(training.from_pairs(ROMANIAN), config, log=logged.append)
    # 5 sentences in batches of 4: 2 batches an epoch, so 6 epochs for 12 batches
    assert logged[-1].startswith("epoch 6/6")
