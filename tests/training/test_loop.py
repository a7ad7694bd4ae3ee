"""The training loop: the CRF loss, a tiny real training run, determinism."""

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest

pytest.importorskip("flair")

import torch
from training_examples import SENTENCES, TINY, tiny_word_table

from judanon import training
from judanon.detectors.crf import crf_loss
from judanon.training import loop


def test_crf_loss_equals_flair_viterbi_loss():
    docs = training.from_pairs(SENTENCES)
    tagged = sorted((p for d in docs for p in training.tag_sentences(d)), key=lambda p: -len(p[0]))
    words, vectors = tiny_word_table()
    tagger = training.build_tagger(tagged, words, vectors, TINY)
    tagger.eval()
    index = tagger.label_dictionary.get_idx_for_item
    x = tagger.embeddings.embed_batch([[t.norm for t in toks] for toks, _ in tagged])
    lengths = torch.tensor([len(toks) for toks, _ in tagged])
    targets = torch.tensor([index(tag) for _, tags in tagged for tag in tags])
    with torch.no_grad():
        flair_loss = tagger.loss_function(tagger.forward(x, lengths), targets)
        ours = crf_loss(tagger, loop._emissions(tagger, x, lengths), lengths, targets)
    assert float(ours) == pytest.approx(float(flair_loss), rel=1e-4)


def test_train_save_load_predict(tmp_path):
    from judanon.detectors.neural import FlairDetector

    docs = training.from_pairs(SENTENCES)
    tagger = training.train_tagger(docs, TINY, tiny_word_table(), log=lambda msg: None)
    path = tmp_path / "tiny.pt"
    tagger.save(path)
    detector = FlairDetector(path)
    text = "Mme Ninon Castagnac demeure 2 rue Neuve, 35000 Rennes."
    spans = detector.detect(text)
    assert isinstance(spans, list)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.label in training.DEFAULT_LABELS
        assert 0.0 <= s.score <= 1.0
    predicted = training.predict_spans(detector.tagger, [text, "", "Fin."])
    assert len(predicted) == 3 and predicted[1] == []
    # a model trained here runs without Flair, with Flair's tags
    from flair.data import Sentence

    from judanon.detectors.tagger import Tagger
    from judanon.text.tokenize import sentences

    assert isinstance(detector.tagger, Tagger)
    words = [[t.text for t in toks] for toks in sentences(text)]
    flair_sentences = [Sentence(list(w)) for w in words]
    tagger.predict(flair_sentences, force_token_predictions=True)
    theirs = [[tok.get_label(tagger.tag_type).value or "O" for tok in fs] for fs in flair_sentences]
    assert [[tag for tag, _ in row] for row in detector.tagger.tag(words)] == theirs


def test_training_is_deterministic_for_a_seed():
    docs = training.from_pairs(SENTENCES)
    a = training.train_tagger(docs, TINY, tiny_word_table(), log=lambda msg: None)
    b = training.train_tagger(docs, TINY, tiny_word_table(), log=lambda msg: None)
    assert torch.equal(a.linear.weight, b.linear.weight)
