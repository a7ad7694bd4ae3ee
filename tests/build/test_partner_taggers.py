"""``python -m judanon.build.partner_taggers``: a pack's shipped tagger, trained only on data
whose licence allows it."""

import json

import pytest
from language_examples import ROMANIAN, write_jsonl

from judanon.build import partner_taggers


@pytest.mark.parametrize("licence", ["CC BY-ND 4.0", "CC BY-NC-SA 4.0", "CC BY-SA 4.0", "non-commercial use"])
def test_the_build_refuses_data_whose_licence_forbids_a_shipped_model(tmp_path, capsys, licence):
    gold = write_jsonl(tmp_path / "gold.jsonl", ROMANIAN)
    assert partner_taggers.main(["--pack", "ro", "--name", "x", "--data", str(gold), "--licence", licence,
                                 "--source", "test", "--out-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "may not train a shipped model" in err and err.strip().count("\n") == 0
    assert list(tmp_path.glob("*.pt")) == []


def test_licences_that_allow_a_derived_model_pass():
    for licence in ("CC BY 4.0", "MIT", "CC0 1.0", "Apache-2.0"):
        assert not partner_taggers.REFUSED_TERMS.search(licence)


def test_the_build_refuses_an_unknown_pack_and_a_missing_file(tmp_path, capsys):
    assert partner_taggers.main(["--pack", "xx", "--name", "x", "--data", str(tmp_path / "a.jsonl"),
                                 "--licence", "MIT", "--source", "test"]) == 2
    assert "unknown pack" in capsys.readouterr().err
    assert partner_taggers.main(["--pack", "ro", "--name", "x", "--data", str(tmp_path / "a.jsonl"),
                                 "--licence", "MIT", "--source", "test"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_the_build_trains_and_writes_the_card_with_data_licence_and_source(tmp_path):
    pytest.importorskip("flair")
    gold = write_jsonl(tmp_path / "gold.jsonl", ROMANIAN * 3)
    folder = tmp_path / "models"
    assert partner_taggers.main(["--pack", "ro", "--name", "ro-test", "--data", str(gold), "--licence", "MIT",
                                 "--source", "sentences written for the tests", "--epochs", "1", "--threads", "1",
                                 "--min-steps", "4", "--name-classes", "0", "--out-dir", str(folder)]) == 0
    card = json.loads((folder / "ro-test.json").read_text(encoding="utf-8"))
    assert card["model"] == "ro-test.pt" and card["config"]["profile"] == "ro"
    assert card["data"][0]["licence"] == "MIT" and card["data"][0]["file"] == "gold.jsonl"
    assert len(card["data"][0]["sha256"]) == 64
    assert card["held_out_documents"] > 0 and card["train_documents"] > 0
    assert not set(card["train_document_numbers"]) & set(card["held_out_document_numbers"])
    assert "--min-steps 4" in card["rebuild"] and "--name-classes 0" in card["rebuild"]
