"""Time on pathological inputs, at two sizes: the ratio should stay near the size ratio
(linear time). Run as a script, not collected as a test:

    python tests/benchmarks/bench_pathological.py
"""

from __future__ import annotations

import sys
import time

import judanon

CASES = {
    "initials": "M. J. D. ",
    "capitals": "JEAN PIERRE DUPONT MARTIN ",
    "civilities": "M. Mme MM. Me ",
    "phones": "0612345678 ",
    "addresses": "12 rue de la Paix 75001 Paris, ",
    "law firms": "SCP A, B, C, D, E, F et G, ",
    "no spaces": "A",
}


def main() -> int:
    anonymizer = judanon.Anonymizer(neural=False)
    print(f"{'input':<12}{'chars (x1)':>12}{'s (x1)':>9}{'s (x4)':>9}{'ratio':>7}")
    for name, unit in CASES.items():
        times = []
        for repeat in (4000, 16000):
            text = unit * (repeat if len(unit) > 1 else repeat * 10)
            start = time.perf_counter()
            anonymizer.anonymize(text)
            times.append(time.perf_counter() - start)
        size = len(unit) * (4000 if len(unit) > 1 else 40000)
        print(f"{name:<12}{size:>12}{times[0]:>9.3f}{times[1]:>9.3f}{times[1] / times[0]:>7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
