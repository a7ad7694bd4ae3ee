"""judanon evaluate: how often each zone is found (per source too, decisions with a text
only, none for a pack without zone words), and a progress bar only on a terminal."""

import json

import pytest

import judanon
from judanon import cli
from judanon.evaluation import OVERALL, combine, evaluate, format_report

DECISION = ("COUR D'APPEL DE BOURGES\n\nCHAMBRE CIVILE\n\nN° RG 24/00112\n\n"
            "COMPOSITION DE LA COUR :\nMme Blandine Rouzier, présidente\n\n"
            "EXPOSÉ DU LITIGE\n\nM. Léandre Quintard a vendu un tracteur à M. Eudes Morvillier.\n\n"
            "MOTIFS DE LA DÉCISION\n\nLe tracteur était conforme à la commande.\n\n"
            "PAR CES MOTIFS\n\nLa cour confirme le jugement.\n\nLA PRÉSIDENTE\nBlandine Rouzier\n")
ORDER = ("TRIBUNAL JUDICIAIRE DE NEVERS\n\nORDONNANCE DU 2 MAI 2024\n\n"
         "Attendu que M. Léandre Quintard s'est désisté de sa demande contre la commune.\n\n"
         "PAR CES MOTIFS\n\nConstatons le désistement.\n")


def record(i, text, source):
    start = text.find("Quintard")
    return {"id": str(i), "documentNumber": i, "source": source, "text": text,
            "entities": [{"start": start, "end": start + 8, "label": "personnePhysique"}] if start >= 0 else []}


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    lines = [record(1, DECISION, "jurica"), record(2, ORDER, "juritj"), record(3, "undefined", "juritj")]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def rules():
    return judanon.Anonymizer(neural=False)


def test_zone_shares_per_group_over_decisions_with_a_text(gold, rules):
    report = evaluate(str(gold), rules)
    every, appeal, first = report.zones[OVERALL], report.zones["jurica"], report.zones["juritj"]
    assert (every.decisions, every.empty) == (2, 1)
    assert every.shares["motivations"] == 1.0 and every.shares["dispositif"] == 1.0
    assert every.shares["expose du litige"] == 0.5 and appeal.shares["expose du litige"] == 1.0
    assert (first.decisions, first.empty) == (1, 1) and first.shares["expose du litige"] == 0.0
    data = report.to_dict()["zones"]
    assert data[OVERALL]["found"]["composition"] == 1 and data["juritj"]["shares"]["motivations"] == 1.0
    table = format_report(report, by="source")
    assert "zones found" in table and "juritj" in table.split("zones found")[1]
    assert "1 decisions without a text left out" in table
    assert "jurica" not in format_report(report).split("zones found")[1]  # groups only with --by source
    twice = combine([report, report]).zones[OVERALL]
    assert (twice.decisions, twice.found["motivations"]) == (4, 4)


def test_no_zones_for_a_pack_without_zone_words(gold):
    report = evaluate(str(gold), judanon.Anonymizer(profile="pl", neural=False))
    assert report.zones == {} and report.to_dict()["zones"] == {}
    assert "zones found" not in format_report(report)


def test_existing_keys_keep_their_values(gold, rules, capsys):
    assert cli.main(["evaluate", str(gold), "--no-neural", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"documents", "characters", "groups", "policy_mentions", "zones"}
    assert data["documents"] == 3 and data["groups"][OVERALL][OVERALL]["hide_total"] == 2


def test_a_progress_bar_on_request_only(gold, rules, capsys):
    pytest.importorskip("tqdm")
    evaluate(str(gold), rules, progress=True)
    assert "decision" in capsys.readouterr().err
    evaluate(str(gold), rules)
    assert capsys.readouterr().err == ""


def test_no_bar_when_piped_or_with_json(gold, capsys, monkeypatch):
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert cli.main(["evaluate", str(gold), "--no-neural", "--json"]) == 0
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert cli.main(["evaluate", str(gold), "--no-neural"]) == 0
    assert capsys.readouterr().err == ""


def test_a_bar_on_a_terminal(gold, capsys, monkeypatch):
    pytest.importorskip("tqdm")
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert cli.main(["evaluate", str(gold), "--no-neural"]) == 0
    assert "decision" in capsys.readouterr().err


def test_no_bar_without_tqdm(gold, rules, capsys, monkeypatch):
    import builtins

    real = builtins.__import__

    def without_tqdm(name, *args, **kwargs):
        if name == "tqdm" or name.startswith("tqdm."):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_tqdm)
    report = evaluate(str(gold), rules, progress=True)
    assert report.documents == 3 and capsys.readouterr().err == ""
