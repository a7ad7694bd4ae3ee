"""The Romanian pack on sentences written for the project."""

import judanon

ANON = judanon.Anonymizer(profile="ro", neural=False)
TEXT = ("Inculpatul Ion Popescu, născut la 3 martie 1985, CNP 1630615123457, domiciliat în "
        "str. Mihai Eminescu nr. 12, 010011 București, tel. 0721 234 567. Dna Maria Ionescu a declarat "
        "că declarația Mariei este adevărată. Societatea are CUI 18547290 și contul "
        "RO49 AAAA 1B31 0075 9384 0000.")


def test_identifiers_date_address_and_persons_are_replaced():
    result = ANON.anonymize(TEXT)
    for secret in ("1630615123457", "RO49 AAAA", "18547290", "3 martie 1985", "Mihai Eminescu", "București",
                   "234 567", "Ion", "Popescu", "Ionescu", "Mariei"):
        assert secret not in result.text, secret
    by_text = {e.text: e.replacement for e in result.entities}
    assert by_text["Maria"] == by_text["Mariei"]


def test_numbers_failing_their_checksum_stay():
    text = "CNP 1630615123458, CUI 18547291, contul RO49 AAAA 1B31 0075 9384 0001."
    assert ANON.anonymize(text).text == text
