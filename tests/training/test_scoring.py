"""Typed span scores."""

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest

from judanon import training


def test_score_spans():
    gold = training.from_pairs([("Iris Vallon à Lyon", [(0, 4, "personnePhysique"), (5, 11, "personnePhysique"), (14, 18, "localite")])])
    scores = training.score_spans(gold, [[(0, 4, "personnePhysique"), (5, 11, "localite")]], ["personnePhysique", "localite"])
    assert scores["personnePhysique"]["precision"] == 1.0
    assert scores["personnePhysique"]["recall"] == 0.5
    assert scores["localite"]["precision"] == 0.0
    assert scores["micro"]["f1"] == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))
