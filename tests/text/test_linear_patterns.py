"""Patterns that run with no timeout (``judanon.text.limits.linear``) scan the
pathological inputs in linear time, and the others keep the decision's budget.

Work is compared, not limited: each pattern scans every pathological input of
``tests/benchmarks/bench_pathological.py`` at N and 4N characters, and the CPU time of
the longer scan stays far below the 16 times a quadratic scan would take."""

import gc
import importlib.util
import re
import time

import pytest
import regex

import judanon
from judanon.packs import available_profiles
from judanon.text import limits
from support import ROOT

N = 3_000
#: 4N costs 4 times N in linear time, 16 times in quadratic time: between, a margin.
MAX_RATIO = 8.0
#: Below this many CPU seconds at 4N, a scan is too short to compare.
FLOOR = 0.002


def _cases():
    path = ROOT / "tests" / "benchmarks" / "bench_pathological.py"
    spec = importlib.util.spec_from_file_location("bench_pathological", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CASES, module._text


def _untimed_patterns():
    for code in available_profiles():  # every pack registers its patterns as it builds them
        judanon.Anonymizer(neural=False, profile=code).anonymize("M. Jean Dupont, 12 rue de la Paix.")
    return limits.linear_patterns()


CASES, TEXT = _cases()
PATTERNS = _untimed_patterns()


def _cpu(pattern, text: str, repeat: int = 3) -> float:
    best = float("inf")
    gc.disable()  # no collection inside a scan (a collection of the whole heap costs more)
    try:
        for _ in range(repeat):
            start = time.process_time()
            for _ in pattern.finditer(text):
                pass
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def test_every_pack_registers_its_untimed_patterns():
    names = {name for name, _ in PATTERNS}
    assert "pattern email" in names and "person grammar anchor_re" in names
    assert all(isinstance(p, (re.Pattern, regex.Pattern)) for _, p in PATTERNS)


@pytest.mark.parametrize("case", sorted(CASES))
def test_untimed_patterns_scan_pathological_inputs_in_linear_time(case):
    slow = []
    for name, pattern in PATTERNS:
        small, large = TEXT(CASES[case], N), TEXT(CASES[case], 4 * N)
        t_large = _cpu(pattern, large)
        if t_large < FLOOR:
            continue
        t_small = max(_cpu(pattern, small), FLOOR / 4)
        if t_large / t_small > MAX_RATIO:
            t_large, t_small = _cpu(pattern, large, 5), max(_cpu(pattern, small, 5), FLOOR / 4)  # once more
            if t_large / t_small > MAX_RATIO:
                slow.append(f"{name}: {t_large / t_small:.1f}x for 4x the input")
    assert not slow, f"patterns with no timeout that scan {case!r} in more than linear time: {slow}"


def test_a_pattern_that_backtracks_stays_timed():
    assert not limits.TimedPattern(regex.compile(r"(?:a|aa)+b")).linear
    assert not limits.is_linear(regex.compile(r"(?:a|aa)+b"))


def test_linear_keeps_the_engine_that_reads_the_pattern_right():
    assert isinstance(limits.linear(r"(?<!\d)\d{2}(?!\d)", name="test digits"), re.Pattern)
    # \w reads combining marks in regex, not in re: the pattern stays on regex
    assert isinstance(limits.linear(r"\w{1,3}", name="test word"), regex.Pattern)
    assert isinstance(limits.linear(r"\p{Lu}", name="test capital"), regex.Pattern)
    assert limits.is_linear(limits.linear(r"ab", name="test literal"))
