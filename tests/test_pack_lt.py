"""The Lithuanian pack on sentences written for the project."""

import judanon

ANON = judanon.Anonymizer(profile="lt", neural=False)
TEXT = ("Kaltinamasis Jonas Kazlauskas, gimęs 1985 m. kovo 3 d., asmens kodas 33309240064, "
        "gyvenantis Vilniaus g. 12, LT-01103 Vilnius, tel. +370 612 34567, "
        "sąskaita LT12 1000 0111 0100 1000. "
        "Teismas nustatė, kad Kazlausko parodymai nuoseklūs.")


def test_identifier_date_address_and_persons_are_replaced():
    result = ANON.anonymize(TEXT)
    for secret in ("33309240064", "LT12 1000", "1985 m. kovo 3 d", "Vilniaus g. 12", "612 34567", "Jonas", "Kazlausk"):
        assert secret not in result.text, secret
    by_text = {e.text: e.replacement for e in result.entities}
    assert by_text["Kazlauskas"] == by_text["Kazlausko"]


def test_number_failing_its_checksum_stays():
    text = "Asmens kodas 33309240065, sąskaita LT12 1000 0111 0100 1001."
    assert ANON.anonymize(text).text == text
