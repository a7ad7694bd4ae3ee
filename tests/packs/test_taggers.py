"""The taggers partner packs ship (the pack's ``TAGGER`` in ``judanon/packs/<code>/models/``):
their cards, their data's licence, and what they find."""

import hashlib
import json
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest

pytest.importorskip("flair")

from language_examples import tagger_spans

import judanon
from judanon.build.partner_taggers import REFUSED_TERMS
from judanon.packs import _base, available_profiles, load_profile

SHIPPED = [code for code in available_profiles() if code != "fr" and _base.tagger_path(code) is not None]


def test_the_partner_packs_whose_data_allows_it_ship_a_tagger():
    assert set(SHIPPED) == {"ro", "pl", "lu"}
    # no annotated data under a licence that allows a shipped model for these
    assert load_profile("gr").tagger is None and load_profile("si").tagger is None


@pytest.mark.parametrize("code", SHIPPED)
def test_a_shipped_tagger_has_its_card_and_data_whose_licence_allows_it(code):
    model = _base.tagger_path(code)
    card = json.loads(model.with_suffix(".json").read_text(encoding="utf-8"))
    assert card["model"] == model.name
    assert card["sha256"] == hashlib.sha256(model.read_bytes()).hexdigest()
    assert model.stat().st_size < 5_000_000
    assert card["config"]["profile"] == code and card["seed"] == card["config"]["seed"]
    assert card["train_documents"] > 0 and card["held_out_document_numbers"]
    assert not set(card["train_document_numbers"]) & set(card["held_out_document_numbers"])
    for data in card["data"]:
        assert data["licence"] and not REFUSED_TERMS.search(data["licence"])
        assert len(data["sha256"]) == 64 and data["source"]


@pytest.mark.parametrize("code", ["ro", "pl"])
def test_a_shipped_tagger_runs_by_default_with_the_packs_settings(code):
    from judanon.detectors.tagger import Tagger

    anonymizer = judanon.Anonymizer(profile=code)
    tagger, = [d for d in anonymizer.detectors if type(d).__name__ == "FlairDetector"]
    assert isinstance(tagger.tagger, Tagger)  # the plain tagger, without Flair
    assert tagger.min_score == 0.3 and tagger.model_path == _base.tagger_path(code)
    # rules only on request
    assert all(type(d).__name__ != "FlairDetector" for d in judanon.Anonymizer(profile=code, neural=False).detectors)


def test_the_romanian_tagger_finds_a_name_after_a_civility():
    anonymizer = judanon.Anonymizer(profile="ro")
    text = "Domnul Mihai Vasilescu a declarat joi că ancheta continuă."
    assert any("Vasilescu" in found for found in tagger_spans(anonymizer, text))
    assert "Vasilescu" not in anonymizer.anonymize(text).text


def test_luxembourg_tags_german_paragraphs_with_its_german_tagger_and_french_ones_with_the_french():
    anonymizer = judanon.Anonymizer(profile="lu")
    choice, = [d for d in anonymizer.detectors if type(d).__name__ == "TaggerChoice"]
    text = ("Der Kläger wohnt seit dem Jahr 2010 in der Stadt und hat die Klage fristgerecht erhoben.\n"
            "Le demandeur a interjeté appel du jugement rendu par le tribunal le 3 mars.\n")
    french, german = choice.detectors
    assert german.model_name == "de-ler-tagger.pt" and french.model_name == "fr-label-tagger.pt"
    second = text.index("Le demandeur")
    assert choice.blocks(text) == [(0, second, 1), (second, len(text), 0)]
    # German civilities written with a period end no sentence
    assert {"hr", "fr"} <= load_profile("lu").abbreviations
    # a court's own model replaces both, with the French settings
    assert type(load_profile("lu").neural(_base.tagger_path("lu"))).__name__ == "FlairDetector"
