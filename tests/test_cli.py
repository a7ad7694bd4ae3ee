"""The real CLI, end to end, on the bundled example decision."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import judanon

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "decision-cour-appel.txt"

PARTIES = ["Gwenaëlle", "KERBRAT", "Kerbrat", "Thibault", "MORVAN", "Morvan", "Yannick", "PRIGENT", "Prigent",
           "LE GOFF"]
ADDRESS = ["14 bis, rue des Tanneurs", "27, avenue du Général Leclerc", "44000 Nantes", "35000 Rennes",
           "29260 Lesneven"]
PROFESSIONALS = ["Hélène VASSEUR", "Olivier FAUCHEUX", "Catherine LEMAÎTRE", "Arnaud DESCHAMPS",
                 "Sophie BRUNELLIÈRE", "Nadia OUERTANI"]


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "judanon", *args], capture_output=True, text=True,
                          input=stdin, cwd=ROOT, env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"})


@pytest.fixture(scope="module")
def published():
    out = run("anonymize", str(EXAMPLE), "--case-id", "RG 23/01487")
    assert out.returncode == 0, out.stderr
    return out


def test_example_parties_are_replaced(published):
    text = published.stdout
    for secret in PARTIES + ADDRESS + ["12 mars 1975", "3 juillet 1969", "FR14 2004 1010 0505 0001 3M02 606",
                                       "06 12 34 56 78", "gwenaelle.kerbrat@exemple.fr"]:
        assert secret not in text, secret
    assert "[Adresse 1]" in text and "[Date naissance 1]" in text
    assert "[XXXXXXXXXX01]" in text and "[XXXXXXXX01]" in text


def test_example_professionals_stay_visible(published):
    for name in PROFESSIONALS:
        assert name in published.stdout, name
    assert "tribunal judiciaire de Nantes" in published.stdout
    assert "article 700 du code de procédure civile" in published.stdout


def test_summary_line_on_stderr_without_personal_data(published):
    line = published.stderr.strip().splitlines()[-1]
    assert line.startswith("judanon ") and "replaced" in line
    assert not any(p in published.stderr for p in PARTIES)


def test_json_and_audit(tmp_path):
    audit = tmp_path / "audit.json"
    out = run("anonymize", str(EXAMPLE), "--json", "--audit", str(audit), "--omit", "dateNaissance")
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    assert set(payload) == {"text", "entities"}
    assert "12 mars 1975" in payload["text"]
    original = EXAMPLE.read_text(encoding="utf-8")
    for e in payload["entities"]:
        assert original[e["start"]:e["end"]] == e["text"]
        assert set(e) == {"start", "end", "label", "text", "source", "score", "replacement"}
    trail = judanon.AuditTrail.from_json(audit.read_text(encoding="utf-8"))
    assert trail.input_length == len(original)
    assert "KERBRAT" not in audit.read_text(encoding="utf-8")


def test_stdin():
    out = run("anonymize", "-", "--no-neural", stdin="M. Thibault MORVAN, né le 3 juillet 1969.\n")
    assert out.returncode == 0, out.stderr
    assert "MORVAN" not in out.stdout and "[Date naissance 1]" in out.stdout


def test_missing_file_exits_2_with_one_line(tmp_path):
    out = run("anonymize", str(tmp_path / "absent.txt"))
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
    assert "no such file" in out.stderr


def test_non_utf8_file_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("M. Hervé Kerbrat, né à Brest".encode("latin-1"))
    out = run("anonymize", str(bad))
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "UTF-8" in out.stderr
    assert "Herv" not in out.stderr


def test_bad_category_is_a_usage_error():
    out = run("anonymize", str(EXAMPLE), "--omit", "nonsense")
    assert out.returncode == 2 and "nonsense" in out.stderr


def test_example_script_runs():
    out = subprocess.run([sys.executable, str(ROOT / "examples" / "anonymize_decision.py")],
                         capture_output=True, text=True, cwd=ROOT, env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert "KERBRAT" not in out.stdout and "[XXXXXXXXXX01]" in out.stdout


def test_model_option_uses_that_model_and_records_it(tmp_path):
    import shutil

    ours = tmp_path / "our-court.pt"
    shutil.copyfile(judanon.detectors.neural.DEFAULT_MODEL_PATH, ours)
    audit = tmp_path / "audit.json"
    out = run("anonymize", str(EXAMPLE), "--model", str(ours), "--audit", str(audit))
    assert out.returncode == 0, out.stderr
    assert "MORVAN" not in out.stdout
    flair = next(d for d in json.loads(audit.read_text())["detectors"] if d["name"] == "flair")
    assert dict(flair["details"])["model"] == "our-court.pt"


@pytest.mark.parametrize("model, message", [
    ("absent.pt", "no such model file"),
    (".", "is a directory"),
    (str(EXAMPLE), "not a loadable"),
])
def test_bad_model_option_exits_2_with_one_line(model, message):
    out = run("anonymize", str(EXAMPLE), "--model", model)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and message in out.stderr


def test_model_and_no_neural_exclude_each_other():
    out = run("evaluate", str(EXAMPLE), "--model", "ours.pt", "--no-neural")
    assert out.returncode == 2 and "not allowed" in out.stderr
