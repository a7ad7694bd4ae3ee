"""The batch command line: several files, a folder, a JSONL of records."""

import json
import subprocess
import sys

import pytest

import judanon
from judanon import cli
from support import ROOT

EXAMPLE = ROOT / "examples" / "decision-cour-appel.txt"
DATA = ROOT.parent / "shared" / "data" / "fr-label"

PERSON = "M. Thibault MORVAN, né le 3 juillet 1969, demeurant 14 bis, rue des Tanneurs 44000 Nantes.\n"


@pytest.fixture()
def folder(tmp_path):
    src = tmp_path / "in"
    (src / "2024").mkdir(parents=True)
    (src / "a.txt").write_text(PERSON, encoding="utf-8")
    (src / "2024" / "b.txt").write_text("Mme Gwenaëlle KERBRAT, née le 12 mars 1975.\n", encoding="utf-8")
    (src / "notes.md").write_text("not a decision", encoding="utf-8")
    return src


def test_folder_writes_published_texts_beside_audit_trails(folder, tmp_path, capsys):
    out = tmp_path / "out"
    assert cli.main(["anonymize", str(folder), "--out", str(out), "--no-neural"]) == 0
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["2024/b.audit.json", "2024/b.txt", "a.audit.json", "a.txt"]
    a = (out / "a.txt").read_text(encoding="utf-8")
    assert "MORVAN" not in a and "[Date naissance 1]" in a and "[Adresse 1]" in a
    trail = judanon.AuditTrail.from_json((out / "a.audit.json").read_text(encoding="utf-8"))
    assert trail.input_length == len(PERSON)
    err = capsys.readouterr().err
    assert "2 document(s) pseudonymized" in err and "MORVAN" not in err and "KERBRAT" not in err


def test_several_files_and_a_failure_exit_1_listing_it(folder, tmp_path, capsys):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("M. Hervé Kerbrat".encode("latin-1"))
    out = tmp_path / "out"
    code = cli.main(["anonymize", str(folder / "a.txt"), str(bad), str(folder / "2024" / "b.txt"),
                     "--out", str(out), "--no-neural", "--omit", "dateNaissance"])
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == ["a.audit.json", "a.txt", "b.audit.json", "b.txt"]
    assert "3 juillet 1969" in (out / "a.txt").read_text(encoding="utf-8")  # --omit applies to all
    err = capsys.readouterr().err
    assert "1 document(s) failed" in err and f"{bad}: not valid UTF-8" in err and "Herv" not in err


def test_jsonl_records_in_jsonl_results_out(tmp_path, capsys):
    src = tmp_path / "records.jsonl"
    records = [
        {"id": "c1", "text": PERSON, "case_id": "RG 24/1"},
        {"id": "c2", "text": PERSON, "case_id": "RG 24/1", "omit": ["adresse"]},
        {"text": PERSON, "parties": ["Thibault Morvan"]},
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(1, "{not json")
    lines.insert(2, "")
    lines.append(json.dumps({"id": "c4", "text": ["not", "a", "text"]}))
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    assert cli.main(["anonymize", "--jsonl", str(src), "--out", str(out), "--no-neural"]) == 1
    results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in results] == ["c1", "line 2", "c2", "line 5", "c4"]
    assert "MORVAN" not in results[0]["text"] and "rue des Tanneurs" in results[2]["text"]
    assert results[0]["audit"]["configuration"]["case_id"] == "RG 24/1"
    assert set(results[1]) == {"id", "error"} and "not valid JSON" in results[1]["error"]
    assert "list" in results[4]["error"]
    err = capsys.readouterr().err
    assert "2 document(s) failed" in err and "line 2" in err and "c4" in err and "MORVAN" not in err


def test_jobs_run_in_worker_processes(folder, tmp_path, capsys):
    out = tmp_path / "out"
    assert cli.main(["anonymize", str(folder), "--out", str(out), "--no-neural", "--jobs", "2"]) == 0
    assert "MORVAN" not in (out / "a.txt").read_text(encoding="utf-8")
    assert "KERBRAT" not in (out / "2024" / "b.txt").read_text(encoding="utf-8")
    assert "2 document(s) pseudonymized" in capsys.readouterr().err


def test_jsonl_to_stdout(tmp_path, capsys):
    src = tmp_path / "records.jsonl"
    src.write_text(json.dumps({"id": 1, "text": PERSON}) + "\n", encoding="utf-8")
    assert cli.main(["anonymize", "--jsonl", str(src), "--out", "-", "--no-neural"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["id"] == 1 and "MORVAN" not in line


@pytest.mark.parametrize("argv, message", [
    (["a.txt", "b.txt"], "need --out"),
    (["--jsonl", "r.jsonl"], "need --out"),
    (["x.txt", "--jsonl", "r.jsonl", "--out", "o"], "not both"),
    ([], "give a decision file"),
    (["{folder}", "--out", "o", "--case-id", "1"], "--case-id applies to one decision"),
    (["{folder}", "--out", "o", "--audit", "a.json"], "--audit applies to one decision"),
    (["{folder}", "--out", "{folder}"], "would overwrite the input"),
    (["{folder}", "--out", "o", "--jobs", "0"], "--jobs"),
    (["--jsonl", "{folder}/a.txt", "--out", "{folder}/a.txt"], "would overwrite the input"),
    (["{tmp}/absent", "{folder}", "--out", "o"], "no such file or folder"),
    (["{tmp}/empty", "--out", "o"], "no .txt file"),
])
def test_usage_errors_exit_2_with_one_line(argv, message, folder, tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    argv = [a.format(folder=folder, tmp=tmp_path) for a in argv]
    assert cli.main(["anonymize", *argv, "--no-neural"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


def test_cli_smoke_folder_with_the_default_pipeline(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "example.txt").write_bytes(EXAMPLE.read_bytes())
    (src / "short.txt").write_text(PERSON, encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "judanon", "anonymize", str(src), "--out", str(out), "--progress"],
                         capture_output=True, text=True, cwd=ROOT, env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    example = (out / "example.txt").read_text(encoding="utf-8")
    assert "KERBRAT" not in example and "[Adresse 1]" in example and "Hélène VASSEUR" in example
    flair = [d for d in json.loads((out / "example.audit.json").read_text())["detectors"] if d["name"] == "flair"]
    assert flair, "the neural detector ran"
    assert "MORVAN" not in run.stderr and "KERBRAT" not in run.stderr
