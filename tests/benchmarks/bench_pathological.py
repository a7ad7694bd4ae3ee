"""Time on pathological inputs at N and 2N characters: with linear time the ratio stays
near 2 (the target is at most 2.5 at every size). Run as a script, not collected as a
test:

    python tests/benchmarks/bench_pathological.py               # rules-only pipeline + tokenizer
    python tests/benchmarks/bench_pathological.py --neural      # also the default pipeline
    python tests/benchmarks/bench_pathological.py --size 100000 200000  # N (default 200000)

Each input is timed through the rules-only pipeline (``Anonymizer(neural=False)``), the
tokenizer's sentence cutting (what the neural detector and training read), and with
``--neural`` the default pipeline. Times are CPU seconds of this process (other work on
a shared machine disturbs them less than wall-clock time); the best of ``--repeat`` runs
is kept.
"""

from __future__ import annotations

import argparse
import gc
import functools
import sys
import time

import judanon
from judanon.packs import load_profile
from judanon.text.tokenize import sentences

#: name -> (unit repeated to the size, "one line": no newline anywhere)
CASES = {
    "initials": "M. J. D. ",
    "capitals": "JEAN PIERRE DUPONT MARTIN ",
    "civilities": "M. Mme MM. Me ",
    "thousands of M.": "M. ",
    "phones": "0612345678 ",
    "addresses": "12 rue de la Paix 75001 Paris, ",
    "law firms": "SCP A, B, C, D, E, F et G, ",
    "no spaces": "A",
    "no sentence end": "a-",
    "words, no period": "attendu que le demandeur soutient ",
    "1 MB line": "M. Jean Dupont, demeurant 3 rue Victor Hugo à Lyon, a saisi la cour ; ",
    "nested brackets": "[(",
    "closing brackets": ")]",
    "invisible chars": "Du\u200bpo\u00adnt ",
    "decomposed": "He\u0301le\u0300ne ",
    "look-alikes": "D\u0443p\u043ent ",
}


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _best(fn, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()  # every run starts from the same heap
        start = time.process_time()
        fn(text)
        best = min(best, time.process_time() - start)
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, nargs="+", default=[200_000],
                        help="N, in characters; several for ratios at several sizes (default: 200000)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--neural", action="store_true", help="also time the default pipeline")
    parser.add_argument("--only", nargs="+", metavar="CASE", help="only these inputs")
    args = parser.parse_args(argv)

    stages = {
        "rules": judanon.Anonymizer(neural=False).anonymize,
        # cut as the French tagger cuts (the pack's abbreviations)
        "tokenizer": functools.partial(sentences, abbreviations=load_profile("fr").abbreviations),
    }
    if args.neural:
        stages["default"] = judanon.Anonymizer().anonymize
    for fn in stages.values():  # load lexicons and models before timing
        fn("M. Jean Dupont, né le 3 mars 1970, demeurant 12 rue de la Paix 75001 Paris.")
    worst = 0.0
    print(f"{'input':<18}{'stage':<11}{'N chars':>10}{'s (N)':>9}{'s (2N)':>9}{'ratio':>7}")
    runs = [(name, unit, n) for name, unit in CASES.items() if not args.only or name in args.only
            for n in sorted({max(n, 500_000) if name == "1 MB line" else n for n in args.size})]
    for name, unit, size in runs:
        for stage, fn in stages.items():
            small = _best(fn, _text(unit, size), args.repeat)
            large = _best(fn, _text(unit, 2 * size), args.repeat)
            ratio = large / small if small > 0 else float("nan")
            worst = max(worst, ratio)
            print(f"{name:<18}{stage:<11}{size:>10}{small:>9.3f}{large:>9.3f}{ratio:>7.2f}", flush=True)
    print(f"worst ratio: {worst:.2f} (target: at most 2.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
