"""A bilingual court's taggers: each paragraph tagged by the tagger of its language."""

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest

pytest.importorskip("flair")

from language_examples import GREEK, ROMANIAN, train

from judanon.detectors.neural import FlairDetector
from judanon.detectors.neural_choice import TaggerChoice
from judanon.errors import ArgumentError

TEXT = ("Domnul Toma Vârlan locuiește în Suceava.\n"
        "Ο κ. Αριστείδης Κοντός κατοικεί στην Πάτρα.\n"
        "Instanța l-a audiat pe domnul Radu Ionescu.\n")


@pytest.fixture(scope="module")
def taggers(tmp_path_factory):
    folder = tmp_path_factory.mktemp("choice")
    romanian, greek = folder / "ro-court.pt", folder / "gr-court.pt"
    train(ROMANIAN, "ro").save(romanian)
    train(GREEK, "gr").save(greek)
    return FlairDetector(romanian), FlairDetector(greek)


def test_each_paragraph_goes_to_the_tagger_whose_words_it_uses(taggers):
    choice = TaggerChoice(list(taggers))
    second, third = TEXT.index("Ο κ."), TEXT.index("Instanța")
    assert choice.blocks(TEXT) == [(0, second, 0), (second, third, 1), (third, len(TEXT), 0)]
    found = {TEXT[s.start:s.end] for s in choice.detect(TEXT)}
    assert {"Αριστείδης Κοντός", "Radu Ionescu"} <= found
    assert choice.detect_many([TEXT, ""])[1] == []
    assert set(choice.audit_details()) >= {"0.model_sha256", "1.model_sha256"}


def test_function_words_choose_when_given_and_a_line_without_any_keeps_the_choice_before(taggers):
    choice = TaggerChoice(list(taggers), languages=[("în", "pe", "și"), ("στην", "ο", "η")])
    text = "Domnul Toma Vârlan locuiește în Suceava.\nDomnul Radu Ionescu Vasile Mocanu\nΟ κ. Πέτρος κατοικεί στην Πάτρα.\n"
    second = text.index("Ο κ.")
    assert choice.blocks(text) == [(0, second, 0), (second, len(text), 1)]


def test_taggers_and_function_words_must_pair():
    with pytest.raises(ArgumentError):
        TaggerChoice([])
    with pytest.raises(ArgumentError, match="function words"):
        TaggerChoice([object()], languages=[("a",), ("b",)])
