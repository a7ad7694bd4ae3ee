"""The real CLI on the bundled example decision: in-process (``cli.main(argv)``), and one
smoke test per command in a process of its own."""

import io
import json
import subprocess
import sys

import pytest

import judanon
from judanon import cli
from judanon.pipeline import neural_available
from support import ROOT

EXAMPLE = ROOT / "examples" / "decision-cour-appel.txt"

PARTIES = ["Gwenaëlle", "KERBRAT", "Kerbrat", "Thibault", "MORVAN", "Morvan", "Yannick", "PRIGENT", "Prigent",
           "LE GOFF"]
ADDRESS = ["14 bis, rue des Tanneurs", "27, avenue du Général Leclerc", "44000 Nantes", "35000 Rennes",
           "29260 Lesneven"]
PROFESSIONALS = ["Hélène VASSEUR", "Olivier FAUCHEUX", "Catherine LEMAÎTRE", "Arnaud DESCHAMPS",
                 "Sophie BRUNELLIÈRE", "Nadia OUERTANI"]

needs_neural = pytest.mark.skipif(not neural_available(), reason="needs the neural extra (flair)")


def run(*args, stdin=None):
    """A separate process, as a user starts it (smoke tests only)."""
    return subprocess.run([sys.executable, "-m", "judanon", *args], capture_output=True, text=True,
                          input=stdin, cwd=ROOT, env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"})


class Out:
    def __init__(self, code, captured):
        self.returncode, self.stdout, self.stderr = code, captured.out, captured.err


@pytest.fixture
def main(capsys):
    """``cli.main(argv)`` in this process; returns exit code, stdout and stderr."""
    def call(*args):
        code = cli.main([str(a) for a in args])
        return Out(code, capsys.readouterr())
    return call


# --- anonymize -----------------------------------------------------------------------


def test_smoke_anonymize_in_a_process():
    out = run("anonymize", str(EXAMPLE), "--case-id", "RG 23/01487")
    assert out.returncode == 0, out.stderr
    assert "KERBRAT" not in out.stdout and "[Adresse 1]" in out.stdout
    line = out.stderr.strip().splitlines()[-1]
    assert line.startswith("judanon ") and "replaced" in line


@pytest.fixture(scope="module")
def published():
    """The example anonymized by the default pipeline, in-process."""
    import contextlib

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = cli.main(["anonymize", str(EXAMPLE), "--case-id", "RG 23/01487"])
    assert code == 0, stderr.getvalue()
    return stdout.getvalue(), stderr.getvalue()


def test_example_parties_are_replaced(published):
    text = published[0]
    for secret in PARTIES + ADDRESS + ["12 mars 1975", "3 juillet 1969", "FR14 2004 1010 0505 0001 3M02 606",
                                       "06 12 34 56 78", "gwenaelle.kerbrat@exemple.fr"]:
        assert secret not in text, secret
    assert "[Adresse 1]" in text and "[Date naissance 1]" in text
    assert "[XXXXXXXXXX01]" in text and "[XXXXXXXX01]" in text


def test_example_professionals_stay_visible(published):
    for name in PROFESSIONALS:
        assert name in published[0], name
    assert "tribunal judiciaire de Nantes" in published[0]
    assert "article 700 du code de procédure civile" in published[0]


def test_summary_line_on_stderr_without_personal_data(published):
    line = published[1].strip().splitlines()[-1]
    assert line.startswith("judanon ") and "replaced" in line
    assert not any(p in published[1] for p in PARTIES)


def test_mask_magistrates_replaces_the_court(main):
    out = main("anonymize", EXAMPLE, "--no-neural", "--mask-magistrates")
    assert out.returncode == 0
    assert "Catherine LEMAÎTRE" not in out.stdout and "DESCHAMPS" not in out.stdout
    assert "Hélène VASSEUR" in out.stdout  # lawyers stay visible always


def test_json_and_audit(main, tmp_path):
    audit = tmp_path / "audit.json"
    out = main("anonymize", EXAMPLE, "--json", "--audit", audit, "--omit", "dateNaissance")
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


def test_unwritable_audit_prints_nothing_on_stdout(main, tmp_path):
    out = main("anonymize", EXAMPLE, "--no-neural", "--audit", tmp_path / "no-such-dir" / "audit.json")
    assert out.returncode == 2
    assert out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1 and "cannot write audit file" in out.stderr
    assert "KERBRAT" not in out.stderr


def test_audit_onto_a_directory_prints_nothing_and_leaves_no_partial_file(main, tmp_path):
    target = tmp_path / "audit.json"
    target.mkdir()
    out = main("anonymize", EXAMPLE, "--no-neural", "--audit", target)
    assert out.returncode == 2 and out.stdout == ""
    assert [p.name for p in tmp_path.iterdir()] == ["audit.json"]


def test_stdin(main, monkeypatch):
    data = "M. Thibault MORVAN, né le 3 juillet 1969.\n".encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    out = main("anonymize", "-", "--no-neural")
    assert out.returncode == 0, out.stderr
    assert "MORVAN" not in out.stdout and "[Date naissance 1]" in out.stdout


def test_missing_file_exits_2_with_one_line(main, tmp_path):
    out = main("anonymize", tmp_path / "absent.txt")
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
    assert "no such file" in out.stderr


def test_non_utf8_file_exits_2_with_one_line(main, tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("M. Hervé Kerbrat, né à Brest".encode("latin-1"))
    out = main("anonymize", bad)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "UTF-8" in out.stderr
    assert "Herv" not in out.stderr


def test_bad_category_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["anonymize", str(EXAMPLE), "--omit", "nonsense"])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and "nonsense" in err
    assert len(err.strip().splitlines()) == 1 and "usage:" not in err


def test_example_script_runs():
    out = subprocess.run([sys.executable, str(ROOT / "examples" / "anonymize_decision.py")],
                         capture_output=True, text=True, cwd=ROOT, env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert "KERBRAT" not in out.stdout and "[XXXXXXXXXX01]" in out.stdout


@needs_neural
def test_model_option_uses_that_model_and_records_it(main, tmp_path):
    import shutil

    from judanon.packs import load_profile

    ours = tmp_path / "our-court.pt"
    shutil.copyfile(load_profile("fr").tagger, ours)
    audit = tmp_path / "audit.json"
    out = main("anonymize", EXAMPLE, "--model", ours, "--audit", audit)
    assert out.returncode == 0, out.stderr
    assert "MORVAN" not in out.stdout
    flair = next(d for d in json.loads(audit.read_text())["detectors"] if d["name"] == "flair")
    assert dict(flair["details"])["model"] == "our-court.pt"


@pytest.mark.parametrize("model, message", [
    ("absent.pt", "no such model file"),
    (".", "is a directory"),
    pytest.param(str(EXAMPLE), "not a loadable", marks=needs_neural),
])
def test_bad_model_option_exits_2_with_one_line(main, model, message):
    out = main("anonymize", EXAMPLE, "--model", model)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and message in out.stderr


def test_model_and_no_neural_exclude_each_other(main, capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["evaluate", str(EXAMPLE), "--model", "ours.pt", "--no-neural"])
    assert exc.value.code == 2 and "not allowed" in capsys.readouterr().err


# --- check ---------------------------------------------------------------------------


@pytest.fixture
def release(main, tmp_path):
    """The example anonymized (rules only) with its audit trail, as files."""
    audit = tmp_path / "audit.json"
    key = tmp_path / "audit.key"
    key.write_bytes(b"the audit key of the check tests")
    out = main("anonymize", EXAMPLE, "--no-neural", "--audit", audit, "--key-file", key)
    assert out.returncode == 0
    published = tmp_path / "published.txt"
    published.write_text(out.stdout, encoding="utf-8")
    return published, audit


def test_smoke_check_in_a_process(release):
    published, audit = release
    out = run("check", str(published), "--audit", str(audit), "--original", str(EXAMPLE),
              "--key-file", str(audit.with_name("audit.key")))
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout == "" and "ok" in out.stderr


def test_check_reports_a_name_put_back_by_offsets_only(main, release):
    published, audit = release
    text = published.read_text(encoding="utf-8")
    # someone "fixes" the published text by hand and a party's name comes back, spelt otherwise
    leaked = text.replace("[Adresse 1]", "chez M. Kerbrat", 1)
    published.write_text(leaked, encoding="utf-8")
    out = main("check", published, "--audit", audit, "--original", EXAMPLE, "--key-file", audit.with_name("audit.key"))
    assert out.returncode == 1
    lines = out.stdout.strip().splitlines()
    assert any(line.startswith("published:") for line in lines)
    assert any(line.startswith("leak:") and "personnePhysique" in line for line in lines)
    assert "Kerbrat" not in out.stdout + out.stderr and "KERBRAT" not in out.stdout + out.stderr


def test_check_rejects_another_original(main, release, tmp_path):
    published, audit = release
    other = tmp_path / "other.txt"
    other.write_text(EXAMPLE.read_text(encoding="utf-8") + " ", encoding="utf-8")
    out = main("check", published, "--audit", audit, "--original", other, "--key-file", audit.with_name("audit.key"))
    assert out.returncode == 1
    assert out.stdout.startswith("original:") and len(out.stdout.strip().splitlines()) == 1


def test_check_with_a_malformed_audit_is_a_usage_error(main, release, tmp_path):
    published, _ = release
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    out = main("check", published, "--audit", bad, "--original", EXAMPLE)
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1


# --- evaluate ------------------------------------------------------------------------


def _gold_line(text, entities, **extra):
    return json.dumps({"text": text, "entities": [{"start": s, "end": e, "label": lab} for s, e, lab in entities],
                       **extra}, ensure_ascii=False) + "\n"


def test_smoke_evaluate_in_a_process(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(_gold_line("M. Jean Dupont est venu.", [(3, 7, "personnePhysique"), (8, 14, "personnePhysique")]),
                    encoding="utf-8")
    out = run("evaluate", str(gold), "--no-neural")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("1 decisions")


def test_evaluate_an_empty_file_is_one_line_exit_2(main, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    out = main("evaluate", empty, "--no-neural")
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "no annotated decision" in out.stderr
    assert "Traceback" not in out.stderr


def test_evaluate_with_a_card_that_holds_out_nothing_is_one_line_exit_2(main, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(_gold_line("M. Jean Dupont est venu.", [(8, 14, "personnePhysique")], id="a"), encoding="utf-8")
    card = tmp_path / "model.json"
    card.write_text(json.dumps({"model": "model.pt", "held_out_document_numbers": []}), encoding="utf-8")
    out = main("evaluate", gold, "--no-neural", "--held-out", card)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "holds out no decision" in out.stderr


def test_evaluate_with_a_card_of_other_decisions_is_one_line_exit_2(main, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(_gold_line("M. Jean Dupont est venu.", [(8, 14, "personnePhysique")], id="a"), encoding="utf-8")
    card = tmp_path / "model.json"
    card.write_text(json.dumps({"held_out_document_numbers": ["zzz"]}), encoding="utf-8")
    out = main("evaluate", gold, "--no-neural", "--held-out", card)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "none of the 1 decisions" in out.stderr


# --- train ---------------------------------------------------------------------------


def test_smoke_train_help_in_a_process():
    out = run("train", "--help")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("usage: judanon train") and "--out" in out.stdout


def test_train_takes_options_before_the_gold_file(main, tmp_path):
    # a missing gold file is reported by train itself: the options before it were accepted
    out = main("train", "--out", tmp_path / "m.pt", "--epochs", "1", tmp_path / "absent.jsonl")
    assert out.returncode == 2
    assert "absent.jsonl" in out.stderr and "unrecognized arguments" not in out.stderr
