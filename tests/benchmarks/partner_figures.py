"""Figures of the partner packs on the annotated partner corpora, rules only, on two halves
of each file: the even lines and the odd lines (0-based), with the corpus's own names and
with invented ones (``--unseen-names``).

Run as a script, not collected as a test:

    python tests/benchmarks/partner_figures.py [--data DIR] [--files ro/dev.jsonl ...] [--json]

``DIR`` defaults to ``../shared/data/partners`` beside the repository. Each row gives the
persons hidden, the places hidden (the gold places the profile's policy keeps visible, the
state's own names and court seats, set apart), the mask precision (a mask touching no
must-hide gold mention is false; a mask on a place the policy keeps visible counts false
too) and the speed in characters per second.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "partners"
#: File -> profile.
FILES = {
    "ro/dev.jsonl": "ro", "ro/dev-ronec.jsonl": "ro", "el/dev.jsonl": "gr", "el/dev-glamdev.jsonl": "gr",
    "el/dev-elner.jsonl": "gr", "pl/dev.jsonl": "pl", "sl/dev.jsonl": "si", "de/dev.jsonl": "lu",
}


def figures(path: Path, profile: str, half: str, unseen: bool) -> dict:
    import judanon
    from judanon.evaluation import read_gold, unannotated_omissions, evaluate, with_unseen_names
    from judanon.packs import load_profile

    docs = read_gold(str(path))
    unscored = unannotated_omissions(docs)
    if half in ("even", "odd"):
        docs = docs[half == "odd"::2]
    if unseen:
        language = load_profile(profile)
        docs = with_unseen_names(docs, sounds=language.name_sounds, kept_words=language.name_frame_words)
    anonymizer = judanon.Anonymizer(profile=profile, neural=False)
    anonymizer.anonymize("x")  # load the detectors outside the timed part
    began = time.perf_counter()
    report = evaluate(docs, anonymizer, unscored=unscored, by_source=False)
    seconds = time.perf_counter() - began
    persons, places, overall = (report.overall(c) for c in ("personnePhysique", "localite", "ALL"))
    return {"file": str(path.relative_to(path.parents[1])), "profile": profile, "half": half, "unseen": unseen,
            "persons": persons.leak_recall, "persons_gold": persons.hide_total,
            "places": places.policy_leak_recall, "places_gold": places.hide_total - places.policy_kept,
            "places_raw": places.leak_recall, "precision": overall.policy_mask_precision,
            "precision_raw": overall.mask_precision, "masks": overall.masked_total,
            "chars_per_s": report.characters / seconds if seconds else None}


def _fmt(x) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("JUDANON_PARTNER_DATA", DEFAULT_DATA)))
    ap.add_argument("--files", nargs="*", default=list(FILES))
    ap.add_argument("--halves", nargs="*", default=["even", "odd"], choices=["even", "odd", "all"])
    ap.add_argument("--unseen", nargs="*", default=["no", "yes"], choices=["no", "yes"])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rows = []
    if not args.json:
        print(f"{'file':22} {'half':5} {'unseen':6} {'persons':>7} {'places':>7} {'prec':>7} "
              f"{'prec(raw)':>9} {'masks':>6} {'k char/s':>8}")
    for name in args.files:
        for half in args.halves:
            for unseen in args.unseen:
                row = figures(args.data / name, FILES[name], half, unseen == "yes")
                rows.append(row)
                if not args.json:
                    print(f"{name:22} {half:5} {unseen:6} {_fmt(row['persons'])}  {_fmt(row['places'])}  "
                          f"{_fmt(row['precision'])}  {_fmt(row['precision_raw'])}    {row['masks']:6d} "
                          f"{row['chars_per_s'] / 1000:8.0f}", flush=True)
    if args.json:
        json.dump(rows, sys.stdout, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
