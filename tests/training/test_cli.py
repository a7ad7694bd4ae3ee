"""``judanon train``: the command line, its model card and its errors."""

import json
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest

pytest.importorskip("flair")

import numpy as np
from training_examples import SENTENCES, tiny_word_table, write_gold

from judanon import training


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
