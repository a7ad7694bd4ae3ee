"""The documentation site builds with ``mkdocs build --strict`` (API reference included)."""

import importlib.util
import subprocess
import sys

import pytest
from support import ROOT



@pytest.mark.skipif(importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("mkdocstrings") is None,
                    reason="mkdocs and mkdocstrings are not installed (pip install -e '.[docs]')")
def test_site_builds_strict(tmp_path):
    site = tmp_path / "site"
    out = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                         cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-4000:]
    for page in ("quickstart", "concepts", "patterns", "persons", "dictionaries", "neural", "packs/fr",
                 "scaling", "security", "evaluation", "api"):
        assert (site / page / "index.html").is_file(), page
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    # the reference is generated from the docstrings
    assert "anonymize_many" in api and "Pseudonymize many decisions" in api and "DocumentError" in api
    # every pack's page is in the navigation, with no list of packs in mkdocs.yml
    from judanon.packs import available_profiles

    home = (site / "index.html").read_text(encoding="utf-8")
    for code in available_profiles():
        assert (site / "packs" / code / "index.html").is_file(), code
        assert f'href="packs/{code}/"' in home, code
