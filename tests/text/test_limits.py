"""The time budget of a decision's regular expressions."""

import re

import pytest
import regex

from judanon.text import limits


def test_one_class_runs_skip_the_timeout_and_others_keep_it():
    assert limits.TimedPattern(re.compile(r"([^\W_]+)")).linear
    assert limits.compile(r"\w+").linear
    assert not limits.compile(r"(?:a|aa)+b").linear
    assert not limits.compile(r"[a-z]+\d").linear


def test_re_patterns_become_regex_patterns_with_their_flags():
    p = limits.TimedPattern(re.compile(r"dupont$", re.IGNORECASE | re.MULTILINE))
    assert isinstance(p.pattern_object, regex.Pattern)
    assert p.search("M.\nDUPONT\nx").group() == "DUPONT"


def test_a_spent_budget_stops_every_call():
    p = limits.compile(r"dupont")
    with limits.document_deadline(10, seconds=0.0):
        with pytest.raises(TimeoutError):
            p.search("M. Dupont")
    assert p.search("M. dupont") is not None  # outside the block, a fresh budget


def test_an_inner_deadline_never_extends_an_outer_one():
    with limits.document_deadline(0, seconds=0.0) as outer:
        with limits.document_deadline(10**9) as inner:
            assert inner == outer
            with pytest.raises(TimeoutError):
                limits.compile(r"x+y").search("xxxy")


def test_catastrophic_backtracking_raises_instead_of_hanging():
    with limits.document_deadline(0, seconds=0.2):
        with pytest.raises(TimeoutError):
            limits.compile(r"(?:a|aa)+b").search("a" * 60)
