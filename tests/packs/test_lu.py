"""The Luxembourg pack: French rules, German words, the national identification number."""

import pytest

import judanon
from judanon.packs.lu import matricule

ANON = judanon.Anonymizer(profile="lu", neural=False)


def test_national_number_check_digits():
    assert matricule.is_valid("1985030312313")
    assert not matricule.is_valid("1985030312314")  # Verhoeff digit wrong
    assert not matricule.is_valid("1985030312303")  # Luhn digit wrong
    assert not matricule.is_valid("1985133112313")  # no 13th month


def test_french_and_german_sentences():
    text = ("Le prévenu M. Jean Weber, né le 3 mars 1985, matricule 1985030312313, demeurant "
            "12, rue de la Gare, L-1234 Luxembourg, compte LU28 0019 4006 4475 0000. Der Zeuge "
            "Herr Thomas Schmitt, geboren am 12. März 1970, wohnhaft Hauptstraße 7, L-5678 Mondorf, "
            "tel. +352 621 123 456.")
    out = ANON.anonymize(text).text
    for secret in ("Weber", "3 mars", "1985030312313", "rue de la Gare", "LU28", "Thomas", "Schmitt",
                   "12. März 1970", "Hauptstraße", "Mondorf", "621 123 456"):
        assert secret not in out, secret
    assert "[Date naissance 2]" in out  # the French replacement formats


def test_number_failing_its_checksum_stays():
    text = "Matricule 1985030312314, compte LU28 0019 4006 4475 0001."
    assert ANON.anonymize(text).text == text


@pytest.mark.parametrize("code", ["fr", "gr", "lt", "lu", "pl", "ro", "si"])
def test_every_pack_is_a_profile(code):
    assert code in judanon.packs.available_profiles()
    assert judanon.Anonymizer(profile=code, neural=False).anonymize("").text == ""
