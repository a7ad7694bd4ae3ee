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


def test_a_known_first_name_and_a_name_cased_word_are_a_person_without_civility():
    # the first name is in the pack's lexicon (data/first_names.txt.gz); the surname is not
    result = judanon.Anonymizer(profile="lt", neural=False).anonymize("Vakar Mindaugas Gintarauskas atvyko į posėdį.")
    found = [(e.text, e.source) for e in result.entities]
    # the proper-noun detector (first name + a word no dictionary writes in lowercase)
    assert found == [(name, "proper-nouns") for name in ["Mindaugas", "Gintarauskas"]]


def test_common_words_of_the_language_beside_a_capitalized_word_are_no_person():
    text = "Tiesiog Lietuva yra graži. Vilnius Senamiestis."
    assert judanon.Anonymizer(profile="lt", neural=False).anonymize(text).text == text


def test_declension_is_one_person_and_the_wife_shares_the_family_letter():
    result = judanon.Anonymizer(profile="lt", neural=False).anonymize(
        "Ponas Jonas Kazlauskas ir ponia Rasa Kazlauskienė. Atsakovo Kazlausko nebuvo.")
    by_text = {e.text: e for e in result.entities}
    assert by_text["Kazlauskas"].replacement == by_text["Kazlausko"].replacement == by_text["Kazlauskienė"].replacement
    assert by_text["Jonas"].replacement != by_text["Rasa"].replacement
    assert all(e.doubt is None for e in result.entities)


def test_towns_in_the_locative_case_and_their_nominative_are_one_place():
    result = judanon.Anonymizer(profile="lt", neural=False).anonymize(
        "Kaltinamasis gyveno Vilniuje ir dirbo Klaipėdoje, o ne Lietuvoje. Vilnius yra sostinė.")
    places = {e.text: e.replacement for e in result.entities if e.label == "localite" and e.replacement}  # the state stays visible
    assert set(places) == {"Vilniuje", "Klaipėdoje", "Vilnius"}
    assert places["Vilniuje"] == places["Vilnius"] != places["Klaipėdoje"]
    assert "Lietuvoje" in result.text


def test_a_court_named_after_its_town_keeps_it_though_the_town_is_replaced_elsewhere():
    out = judanon.Anonymizer(profile="lt", neural=False).anonymize(
        "Vilniaus apygardos teismas nustatė, kad kaltinamasis gyveno Vilniuje.").text
    assert out == "Vilniaus apygardos teismas nustatė, kad kaltinamasis gyveno [Vietovė 1]."


def test_an_act_or_a_document_in_the_locative_is_no_town():
    out = ANON.anonymize('Kaip nurodyta Kodekse, Direktyvoje ir Ministerijoje, kaltinamasis gyvena Vilniuje.').text
    for word in ('Kodekse', 'Direktyvoje', 'Ministerijoje'):
        assert word in out
    assert 'Vilniuje' not in out
