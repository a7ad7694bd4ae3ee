"""Reversibility for authorized users: encrypted, authenticated replacement mappings."""

import os

import pytest

import judanon
from word_detector import WordDetector

TEXT = ("M. Tanguy Rivallan, demeurant 3 rue des Lices, contre Mme Solenn Quéméner; "
        "RIVALLAN et Rivallan ont comparu. Quéméner aussi.")
WORDS = {"Tanguy": "personnePhysique", "Rivallan": "personnePhysique", "RIVALLAN": "personnePhysique",
         "Solenn": "personnePhysique", "Quéméner": "personnePhysique", "3 rue des Lices": "adresse"}
KEY = os.urandom(32)


@pytest.fixture
def result():
    return judanon.Anonymizer(detectors=[WordDetector(WORDS)]).anonymize(TEXT)


def test_round_trip(result):
    mapping = result.export_mapping(KEY)
    assert isinstance(mapping, bytes)
    for surface in ("Rivallan", "Quéméner", "Lices"):
        assert surface.encode("utf-8") not in mapping
    assert judanon.reidentify(result.text, mapping, KEY) == TEXT


def test_each_export_is_freshly_encrypted(result):
    assert result.export_mapping(KEY) != result.export_mapping(KEY)


def test_wrong_key_raises(result):
    mapping = result.export_mapping(KEY)
    with pytest.raises(judanon.AuditError, match="wrong key"):
        judanon.reidentify(result.text, mapping, os.urandom(32))


@pytest.mark.parametrize("position", [0, 14, 30, -1, -20])
def test_any_altered_byte_raises(result, position):
    mapping = bytearray(result.export_mapping(KEY))
    mapping[position] ^= 0x01
    with pytest.raises(judanon.AuditError):
        judanon.reidentify(result.text, bytes(mapping), KEY)


def test_truncated_mapping_raises(result):
    with pytest.raises(judanon.AuditError, match="not a judanon mapping"):
        judanon.reidentify(result.text, result.export_mapping(KEY)[:20], KEY)


def test_mapping_of_another_text_raises(result):
    with pytest.raises(judanon.AuditError, match="another published text"):
        judanon.reidentify(result.text + " ", result.export_mapping(KEY), KEY)


def test_after_review(result):
    reviewed = result.review(reject=[result.entities[0].id], reviewer="A")
    assert judanon.reidentify(reviewed.text, reviewed.export_mapping(KEY), KEY) == TEXT


@pytest.mark.parametrize("key, error", [("a string key of 32 characters..", TypeError), (b"short", ValueError)])
def test_key_must_be_long_bytes(result, key, error):
    with pytest.raises(error):
        result.export_mapping(key)
