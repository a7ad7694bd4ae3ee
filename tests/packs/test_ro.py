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


def test_a_known_first_name_and_a_name_cased_word_are_a_person_without_civility():
    # the first name is in the pack's lexicon (data/first_names.txt.gz); the surname is not
    result = judanon.Anonymizer(profile="ro", neural=False).anonymize("Ieri Ion Zgârcibabă a venit la instanță.")
    found = [(e.text, e.source) for e in result.entities]
    # the proper-noun detector (first name + a word no dictionary writes in lowercase)
    assert found == [(name, "proper-nouns") for name in ["Ion", "Zgârcibabă"]]


def test_common_words_of_the_language_beside_a_capitalized_word_are_no_person():
    text = "Moldova Agroindbank a plătit. Biserica Sfântul Gheorghe."
    assert judanon.Anonymizer(profile="ro", neural=False).anonymize(text).text == text


def test_towns_after_in_and_din_are_found_but_a_court_s_seat_stays():
    result = judanon.Anonymizer(profile="ro", neural=False).anonymize(
        "Inculpatul locuiește în București și s-a născut în Cluj-Napoca, nu în România. "
        "Judecătoria din Iași a judecat cauza.")
    places = [e.text for e in result.entities if e.label == "localite" and e.replacement]
    assert places == ["București", "Cluj-Napoca"]
    assert "nu în România" in result.text and "Judecătoria din Iași" in result.text


def test_court_names_keep_their_seat_though_the_town_is_replaced_elsewhere():
    out = judanon.Anonymizer(profile="ro", neural=False).anonymize(
        "Curtea de Apel București și Judecătoria Sectorului 1 București au judecat cauza "
        "inculpatului domiciliat în București.").text
    assert out.startswith("Curtea de Apel București și Judecătoria Sectorului 1 București au judecat")
    assert out.endswith("domiciliat în [Localitate 1].")


def test_an_act_or_a_document_in_the_locative_is_no_town():
    out = ANON.anonymize('Potrivit celor prevăzute în Regulamentul UE și în Directiva 2016/680, inculpatul locuiește în Cluj-Napoca.').text
    for word in ('Regulamentul', 'Directiva'):
        assert word in out
    assert 'Cluj' not in out
