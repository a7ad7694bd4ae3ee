"""Paths the tests share: the repository root and the shared annotated data beside it
(``../shared/data`` from the repository root, or ``$JUDANON_SHARED_DATA``)."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("JUDANON_SHARED_DATA", ROOT.parent / "shared" / "data"))
