"""The review walkthrough example runs as users run it, and does what it says."""

import json
import subprocess
import sys

import judanon
from support import ROOT



def test_review_walkthrough_example(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "examples" / "review_walkthrough.py"), str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "audit verified: True" in out.stdout
    assert "re-identified the original: True" in out.stdout
    assert "with another key: the mapping does not decrypt" in out.stdout
    published = (tmp_path / "published.txt").read_text(encoding="utf-8")
    assert "Selon Victor Hugo" in published  # rejected by the reviewer
    assert "Tanguy" not in published and "Morvan" not in published and "MORVAN" not in published
    audit_text = (tmp_path / "audit.json").read_text(encoding="utf-8")
    trail = judanon.AuditTrail.from_json(audit_text)
    assert trail.verify((tmp_path / "audit.key").read_bytes()) and [r.action for r in trail.revisions] == ["anonymize", "review"]
    assert trail.revisions[1].actor == "greffière de la chambre sociale"
    for name in ("Tanguy", "Morvan", "Loïc", "Rozenn", "Victor", "Hugo"):
        assert name.lower() not in audit_text.lower()
    assert json.loads(audit_text)["doubts"] == []
    assert (tmp_path / "mapping.bin").read_bytes().startswith(b"JUDANON-MAP2")
