"""The public API type-checks: judanon ships ``py.typed`` and passes mypy."""

import importlib.util
import subprocess
import sys

import pytest
from support import ROOT



def test_package_is_marked_typed():
    assert (ROOT / "judanon" / "py.typed").is_file()


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed (test extra)")
def test_public_api_passes_mypy(tmp_path):
    out = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"),
                          "tests/typing_usage.py"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert "Success" in out.stdout
