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


def test_cli_train_with_a_profile_then_anonymize_with_the_model(tmp_path, capsys):
    from language_examples import GREEK, L, P, write_jsonl

    from judanon import cli

    gold = write_jsonl(tmp_path / "gold.jsonl", GREEK)
    out = tmp_path / "models" / "gr-court.pt"
    assert cli.main(["train", str(gold), "--profile", "gr", "--out", str(out), "--epochs", "2", "--min-steps", "0",
                     "--hidden", "8", "--word-dim", "8", "--dev-fraction", "0.3"]) == 0
    card = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert card["config"]["profile"] == "gr" and card["config"]["word_dim"] == 8
    assert card["config"]["shape_scheme"] == "script" and card["config"]["min_steps"] == 0
    # the labels of the data, not the French default set
    assert set(card["config"]["labels"]) <= {P, L}
    decision = tmp_path / "decision.txt"
    decision.write_text("Ο κ. Νικόλαος Σταματόπουλος κατοικεί στην Πάτρα.\n", encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["anonymize", str(decision), "--profile", "gr", "--model", str(out)]) == 0
    assert "κατοικεί στην" in capsys.readouterr().out  # a two-epoch model: what it hides is not the point
    assert cli.main(["evaluate", str(gold), "--profile", "gr", "--model", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("argv, message", [
    (["--profile", "xx"], "unknown profile 'xx'"),
    (["--word-dim", "-1"], "--word-dim"),
    (["--profile", "gr", "--word-dim", "0"], "needs --vectors"),
])
def test_cli_train_refuses_bad_options_in_one_line(tmp_path, capsys, argv, message):
    from language_examples import GREEK, write_jsonl

    gold = write_jsonl(tmp_path / "gold.jsonl", GREEK)
    assert training.main([str(gold), "--out", str(tmp_path / "m.pt"), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.strip().count("\n") == 0
    assert not (tmp_path / "m.pt").exists()


@pytest.mark.parametrize("content", [
    "this is no annotated decision\n",
    '{"text": "Ο κ. Πέτρος.", "entities": [{"start": 4, "end": 90, "label": "personnePhysique"}]}\n',
    '{"text": "Η αίτηση απορρίπτεται.", "entities": []}\n',
])
def test_cli_train_refuses_a_bad_file_in_one_line(tmp_path, capsys, content):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(content, encoding="utf-8")
    assert training.main([str(gold), "--profile", "gr", "--out", str(tmp_path / "m.pt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.strip().count("\n") == 0


def test_cli_train_refuses_a_file_that_is_not_utf8(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes('{"text": "Ο κ."}'.encode("utf-16"))
    assert training.main([str(gold), "--profile", "gr", "--out", str(tmp_path / "m.pt")]) == 2
    assert "UTF-8" in capsys.readouterr().err


def test_a_bad_option_is_one_line_without_the_usage_block(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        training.main([str(tmp_path / "gold.jsonl"), "--out", str(tmp_path / "m.pt"), "--epochs", "many"])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and "--epochs" in err
    assert len(err.strip().splitlines()) == 1 and "usage:" not in err
