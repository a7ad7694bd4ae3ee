"""Training a tagger: formats, BIOES conversion, grouping, and a tiny real training run."""

import json
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest

pytest.importorskip("flair")

import numpy as np
import torch

from judanon import training
from judanon.errors import GoldFormatError

SENTENCES = [
    ("Mme Clarisse Fontenoy demeure 8 rue des Lilas, 33000 Bordeaux.",
     [(4, 12, "personnePhysique"), (13, 21, "personnePhysique"), (30, 45, "adresse"), (47, 61, "localite")]),
    ("M. Octave Rambert, assisté de Me Lise Dorval, avocat.",
     [(3, 9, "personnePhysique"), (10, 17, "personnePhysique"), (33, 44, "professionnelAvocat")]),
    ("Le tribunal, présidé par Mme Hortense Guiral, statue.",
     [(29, 37, "professionnelMagistratGreffier"), (38, 44, "professionnelMagistratGreffier")]),
    ("M. Bastien Quérel, né le 4 mars 1971 à Nantes, comparaît.",
     [(3, 10, "personnePhysique"), (11, 17, "personnePhysique"), (25, 36, "dateNaissance"), (39, 45, "localite")]),
]


def tiny_word_table():
    words = ["le", "la", "de", "des", "rue", "demeure", "tribunal", "par", "avocat", "mme", "m.", "né", "à"]
    gen = torch.Generator().manual_seed(0)
    return {w: i + 1 for i, w in enumerate(words)}, torch.randn(len(words) + 1, 8, generator=gen)


def write_gold(path):
    """The project's example sentences as a Label-format JSONL file."""
    path.write_text(
        "\n".join(
            json.dumps({"text": t, "entities": [{"start": s, "end": e, "label": lab} for s, e, lab in sp]},
                       ensure_ascii=False)
            for t, sp in SENTENCES
        ) + "\n",
        encoding="utf-8",
    )


TINY = training.TrainingConfig(epochs=1, hidden_size=8, char_filters=8, shape_dim=4, batch_size=2)


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


def test_refaked_copies_are_grouped_and_split_together():
    a = "Mme Iris Vallon demeure 3 rue Basse à Lyon et sollicite la réformation du jugement entrepris."
    b = "Mme Paul Ferrat demeure 9 rue Haute à Metz et sollicite la réformation du jugement entrepris."
    c = "Le conseil de prud'hommes a statué sans audience publique après renvoi de l'affaire au fond."
    docs = training.from_pairs([
        (a, [(4, 8, "p"), (9, 15, "p"), (24, 35, "adresse"), (38, 42, "localite")]),
        (b, [(4, 8, "p"), (9, 15, "p"), (24, 35, "adresse"), (38, 42, "localite")]),
        (c, []),
    ])
    groups = training.group_documents(docs)
    assert groups[0] == groups[1] != groups[2]
    for seed in range(5):
        train, held = training.split_held_out(docs, 0.3, seed)
        assert (0 in held) == (1 in held)
        assert not set(train) & set(held)


def test_cross_validation_folds_keep_groups_together():
    a = "Mme Iris Vallon demeure 3 rue Basse à Lyon et sollicite la réformation du jugement entrepris."
    b = "Mme Paul Ferrat demeure 9 rue Haute à Metz et sollicite la réformation du jugement entrepris."
    others = ["Le conseil de prud'hommes a statué sans audience publique après renvoi.",
              "La cour confirme le jugement en toutes ses dispositions et condamne l'appelant.",
              "Le tribunal rejette la demande d'expertise formée par la société défenderesse.",
              "Vu les articles 700 et 696 du code de procédure civile, statuant publiquement.",
              "Le premier président ordonne la prolongation de la rétention pour vingt-huit jours."]
    entities = [(4, 8, "p"), (9, 15, "p"), (24, 35, "adresse"), (38, 42, "localite")]
    docs = training.from_pairs([(a, entities), (b, entities)] + [(t, []) for t in others])
    eligible = [True, False] + [True] * 5  # b: a silver copy of a
    folds = training.split_folds(docs, 3, seed=13, eligible=eligible)
    assert folds == training.split_folds(docs, 3, seed=13, eligible=eligible)
    held = [i for _, h in folds for i in h]
    assert sorted(held) == [0, 2, 3, 4, 5, 6]  # every eligible document once, the copy never
    for train, h in folds:
        assert not set(train) & set(h)
        assert (0 in h) == (1 not in train)  # a held-out decision's copy is not trained on
        assert len(h) == 2
    with pytest.raises(ValueError, match="folds"):
        training.split_folds(docs, 1, seed=0)


def test_score_spans():
    gold = training.from_pairs([("Iris Vallon à Lyon", [(0, 4, "personnePhysique"), (5, 11, "personnePhysique"), (14, 18, "localite")])])
    scores = training.score_spans(gold, [[(0, 4, "personnePhysique"), (5, 11, "localite")]], ["personnePhysique", "localite"])
    assert scores["personnePhysique"]["precision"] == 1.0
    assert scores["personnePhysique"]["recall"] == 0.5
    assert scores["localite"]["precision"] == 0.0
    assert scores["micro"]["f1"] == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))


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
        ours = training.crf_loss(tagger, training._emissions(tagger, x, lengths), lengths, targets)
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


def test_main_trains_from_jsonl(tmp_path):
    gold = tmp_path / "gold.jsonl"
    write_gold(gold)
    words, vectors = tiny_word_table()
    table = tmp_path / "table.npz"
    np.savez(table, words=np.array(list(words)), rows=np.array(list(words.values())), vectors=vectors.numpy())
    out = tmp_path / "model" / "court.pt"
    code = training.main([str(gold), "--out", str(out), "--epochs", "1", "--hidden", "8", "--vectors", str(table),
                          "--dev-fraction", "0.4"])
    assert code == 0
    assert out.is_file() and out.stat().st_size > 0
    # the model card: what `judanon evaluate --model court.pt --held-out court.json` reads
    import hashlib

    from judanon.evaluation import held_out_numbers, read_gold

    card = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert card["model"] == "court.pt"
    assert card["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert card["config"]["hidden_size"] == 8 and card["config"]["epochs"] == 1
    assert card["held_out_documents"] >= 1 and set(card["held_out_scores"]) >= {"micro"}
    assert card["train_documents"] + card["held_out_documents"] == len(SENTENCES)
    numbers = held_out_numbers(str(out.with_suffix(".json")))
    # decisions without a documentNumber are known by their line: exactly the held-out ones match
    assert len([d for d in read_gold(str(gold)) if d.number in numbers]) == card["held_out_documents"]


def test_main_rejects_a_bad_name_swap_share(tmp_path, capsys):
    code = training.main([str(tmp_path / "any.jsonl"), "--out", str(tmp_path / "m.pt"), "--name-swap", "1.5"])
    assert code == 2
    assert "--name-swap" in capsys.readouterr().err


def test_main_reports_missing_file(tmp_path, capsys):
    code = training.main([str(tmp_path / "absent.jsonl"), "--out", str(tmp_path / "m.pt")])
    assert code == 2
    assert "error" in capsys.readouterr().err


def test_address_variant_rewrites_street_and_keeps_the_rest():
    import random

    doc = training.from_pairs([SENTENCES[0]])[0]
    (tokens, tags), = training.tag_sentences(doc)
    names = ["Moulin", "Tanneurs", "Gare"]
    from judanon.packs.fr.words import TRAINING_STREET_NAME_SHAPES, TRAINING_STREET_TYPES

    variant_tokens, variant_tags = training._address_variant(tokens, tags, random.Random(3), names,
                                                             TRAINING_STREET_TYPES, TRAINING_STREET_NAME_SHAPES)
    assert len(variant_tokens) == len(variant_tags)
    address = [t.text for t, g in zip(variant_tokens, variant_tags) if g.endswith("adresse")]
    assert address[0] == "8" and any(w in TRAINING_STREET_TYPES for w in address[1:3])
    assert any(n in w for w in address for n in names)
    assert [g for g in variant_tags if g.endswith("adresse")][0] == "B-adresse"
    assert [g for g in variant_tags if g.endswith("adresse")][-1] == "E-adresse"
    # the person and town annotations are untouched
    assert [t.text for t, g in zip(variant_tokens, variant_tags) if "personne" in g] == ["Clarisse", "Fontenoy"]
    assert [t.text for t, g in zip(variant_tokens, variant_tags) if "localite" in g] == ["33000", "Bordeaux"]


def test_address_variant_none_without_numbered_address():
    import random

    doc = training.from_pairs([SENTENCES[1]])[0]
    (tokens, tags), = training.tag_sentences(doc)
    from judanon.packs.fr.words import TRAINING_STREET_NAME_SHAPES, TRAINING_STREET_TYPES

    assert training._address_variant(tokens, tags, random.Random(0), ["Moulin"],
                                     TRAINING_STREET_TYPES, TRAINING_STREET_NAME_SHAPES) is None


def test_name_swapper_replaces_names_and_towns_consistently():
    import random

    doc = training.from_pairs([SENTENCES[0]])[0]
    (tokens, tags), = training.tag_sentences(doc)
    words = [t.norm for t in tokens]
    positions = training.NameSwapper.positions(words, tags)
    assert [words[i] for i in positions] == ["Clarisse", "Fontenoy", "Bordeaux"]
    swapper = training.NameSwapper(random.Random(5), names=["kerbrat", "ollivro"])
    seen = set()
    for _ in range(20):
        new = swapper.swap(words, positions)
        assert len(new) == len(words)
        assert [w for i, w in enumerate(new) if i not in positions] == [w for i, w in enumerate(words) if i not in positions]
        assert all(new[i] != words[i] and new[i][:1].isupper() for i in positions)
        seen.update(new[i] for i in positions)
    assert {"Kerbrat", "Ollivro"} & seen  # lexicon names
    assert seen - {"Kerbrat", "Ollivro"}  # and invented ones


def test_name_swapper_keeps_capitals_and_repeats():
    import random

    words = ["M.", "Yves", "LE", "GALL", "et", "Mme", "Gall"]
    tags = ["O", "B-personnePhysique", "I-personnePhysique", "E-personnePhysique", "O", "O", "S-personnePhysique"]
    positions = training.NameSwapper.positions(words, tags)
    new = training.NameSwapper(random.Random(1)).swap(words, positions)
    assert new[2].isupper() and new[3].isupper()
    assert new[3].lower() == new[6].lower() and new[6][1:].islower()


def test_cli_train_then_detect_with_the_new_model(tmp_path):
    from judanon import cli
    from judanon.detectors.neural import FlairDetector

    gold = tmp_path / "gold.jsonl"
    write_gold(gold)
    out = tmp_path / "court.pt"
    # the word table defaults to the shipped model's: no spaCy, no download; options
    # may come before the gold file
    assert cli.main(["train", "--out", str(out), "--epochs", "1", "--hidden", "8", str(gold)]) == 0
    detector = FlairDetector(out)
    spans = detector.detect(SENTENCES[0][0])
    assert all(0 <= s.start < s.end <= len(SENTENCES[0][0]) for s in spans)
    assert detector.model_name == "court.pt" and len(detector.model_sha256) == 64
