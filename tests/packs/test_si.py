"""The Slovenian pack on sentences written for the project."""

import judanon

ANON = judanon.Anonymizer(profile="si", neural=False)
TEXT = ("Obdolženi Janez Novak, rojen 3. marca 1985, EMŠO 0101006500006, davčna številka 15012557, "
        "stanujoč Slovenska cesta 12, 1000 Ljubljana, tel. +386 41 123 456, račun SI56 2633 0001 2039 086. "
        "Sodišče je zaslišalo g. Novaka.")


def test_identifiers_date_address_and_persons_are_replaced():
    result = ANON.anonymize(TEXT)
    for secret in ("0101006500006", "SI56 2633", "15012557", "3. marca 1985", "Slovenska cesta", "Ljubljana",
                   "123 456", "Janez", "Novak"):
        assert secret not in result.text, secret
    by_text = {e.text: e.replacement for e in result.entities}
    assert by_text["Novak"] == by_text["Novaka"]


def test_numbers_failing_their_checksum_stay():
    text = "EMŠO 0101006500007, davčna številka 15012558, račun SI56 2633 0001 2039 087."
    assert ANON.anonymize(text).text == text


def test_a_known_first_name_and_a_name_cased_word_are_a_person_without_civility():
    # the first name is in the pack's lexicon (data/first_names.txt.gz); the surname is not
    result = judanon.Anonymizer(profile="si", neural=False).anonymize("Včeraj je Marko Zorkovič prišel na obravnavo.")
    found = [(e.text, e.source) for e in result.entities]
    # the proper-noun detector (first name + a word no dictionary writes in lowercase)
    assert found == [(name, "proper-nouns") for name in ["Marko", "Zorkovič"]]


def test_common_words_of_the_language_beside_a_capitalized_word_are_no_person():
    text = "Slovenija Danes poroča. Hvala Bogu."
    assert judanon.Anonymizer(profile="si", neural=False).anonymize(text).text == text


def test_towns_after_v_and_their_nominative_are_one_place_but_a_court_s_seat_stays():
    result = judanon.Anonymizer(profile="si", neural=False).anonymize(
        "Obdolženec živi v Ljubljani in dela v Mariboru, ne v Sloveniji. Okrožno sodišče v Ljubljani "
        "je odločilo. Ljubljana je lepa.")
    places = [(e.text, e.replacement) for e in result.entities if e.label == "localite"]
    assert places[0] == ("Ljubljani", "[Kraj 1]") and places[1] == ("Mariboru", "[Kraj 2]")
    assert ("Ljubljana", "[Kraj 1]") in places
    assert "ne v Sloveniji" in result.text and "Okrožno sodišče v Ljubljani" in result.text


def test_an_act_or_a_document_in_the_locative_is_no_town():
    out = ANON.anonymize('Kot je določeno v Ustavi in v Prilogi, obdolženi živi v Mariboru.').text
    for word in ('Ustavi', 'Prilogi'):
        assert word in out
    assert 'Mariboru' not in out
