"""Reading annotated files and cutting them into tagged sentences."""

import json
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest
from training_examples import SENTENCES

from judanon import training
from judanon.errors import GoldFormatError


def test_examples_are_annotated_as_written():
    for text, spans in SENTENCES:
        assert all(text[s:e].strip() == text[s:e] and text[s:e] for s, e, _ in spans)


def test_read_label_jsonl(tmp_path):
    path = tmp_path / "gold.jsonl"
    lines = [
        {"text": t, "documentNumber": n, "entities": [{"start": s, "end": e, "label": lab} for s, e, lab in sp]}
        for n, (t, sp) in enumerate(SENTENCES)
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    docs = training.read_label_jsonl(path)
    assert [d.text for d in docs] == [t for t, _ in SENTENCES]
    assert docs[0].spans[0] == (4, 12, "personnePhysique")
    assert docs[1].group == "1"


def test_read_label_jsonl_rejects_offsets_outside_text(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": "abc", "entities": [{"start": 1, "end": 9, "label": "x"}]}) + "\n")
    with pytest.raises(GoldFormatError, match="outside the text"):
        training.read_label_jsonl(path)


def test_from_pairs_checks_offsets():
    docs = training.from_pairs([("Mme Iris Vallon", [(4, 8, "personnePhysique")])])
    assert docs[0].spans == ((4, 8, "personnePhysique"),)
    with pytest.raises(GoldFormatError):
        training.from_pairs([("court", [(0, 50, "personnePhysique")])])


def test_read_conll_bio_and_bioes():
    lines = [
        "-DOCSTART- O",
        "",
        "Mme O",
        "Iris B-personnePhysique",
        "Vallon S-personnePhysique",
        "habite O",
        "rue B-adresse",
        "Haute I-adresse",
        "",
        "Lyon S-localite",
    ]
    docs = training.read_conll(lines)
    assert len(docs) == 2
    text = docs[0].text
    assert text == "Mme Iris Vallon habite rue Haute"
    assert [(text[s:e], lab) for s, e, lab in docs[0].spans] == [
        ("Iris", "personnePhysique"), ("Vallon", "personnePhysique"), ("rue Haute", "adresse")
    ]
    assert docs[1].spans == ((0, 4, "localite"),)


def test_tag_sentences_bioes_and_bio():
    doc = training.from_pairs([SENTENCES[0]])[0]
    (tokens, tags), = training.tag_sentences(doc)
    assert list(zip([t.text for t in tokens], tags))[:12] == [
        ("Mme", "O"), ("Clarisse", "S-personnePhysique"), ("Fontenoy", "S-personnePhysique"),
        ("demeure", "O"), ("8", "B-adresse"), ("rue", "I-adresse"), ("des", "I-adresse"),
        ("Lilas", "E-adresse"), (",", "O"), ("33000", "B-localite"), ("Bordeaux", "E-localite"), (".", "O"),
    ]
    (_, bio), = training.tag_sentences(doc, scheme="BIO")
    assert bio[1:3] == ["B-personnePhysique", "B-personnePhysique"]
    assert bio[4:8] == ["B-adresse", "I-adresse", "I-adresse", "I-adresse"]


def test_tag_sentences_drops_unlisted_labels():
    doc = training.from_pairs([SENTENCES[0]])[0]
    (_, tags), = training.tag_sentences(doc, labels=["localite"])
    assert {t for t in tags if t != "O"} == {"B-localite", "E-localite"}
