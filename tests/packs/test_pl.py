"""The Polish pack on sentences written for the project."""

import judanon

ANON = judanon.Anonymizer(profile="pl", neural=False)
TEXT = ("Oskarżony Jan Kowalski, urodzony 12 marca 1985 r. w Krakowie, PESEL 44051401359, "
        "zamieszkały przy ul. Marszałkowskiej 12/4, 00-950 Warszawa, tel. +48 601 234 567, "
        "e-mail jan.kowalski@example.pl, NIP 123-456-32-18, REGON 123456785, "
        "rachunek PL61 1090 1014 0000 0712 1981 2874. Sąd ustalił, że Kowalskiego widziano "
        "z panią Anną Nowak, a świadek Kowalska nie stawiła się.")


def test_identifiers_dates_address_and_persons_are_replaced():
    out = ANON.anonymize(TEXT).text
    for secret in ("44051401359", "123-456-32-18", "123456785", "PL61 1090", "601 234 567",
                   "jan.kowalski@example.pl", "12 marca 1985", "Marszałkowskiej", "Warszawa",
                   "Jan", "Kowalski", "Kowalskiego", "Anną", "Nowak"):
        assert secret not in out, secret
    assert "[Data urodzenia 1]" in out and "[Adres 1]" in out and "[Miejscowość 1]" in out


def test_inflected_surname_is_one_person():
    result = ANON.anonymize(TEXT)
    by_text = {e.text: e.replacement for e in result.entities}
    assert by_text["Kowalski"] == by_text["Kowalskiego"]


def test_feminine_form_is_not_an_inflection_of_the_masculine():
    from judanon.resolve.inflection import forms_key
    from judanon.packs.pl.words import INFLECTIONS

    assert forms_key("kowalski", INFLECTIONS) & forms_key("kowalskiego", INFLECTIONS)
    assert not forms_key("kowalski", INFLECTIONS) & forms_key("kowalska", INFLECTIONS)


def test_numbers_failing_their_checksum_stay():
    text = ("PESEL 44051401358, NIP 123-456-32-19, REGON 123456786, "
            "rachunek PL61 1090 1014 0000 0712 1981 2875.")
    assert ANON.anonymize(text).text == text


def test_death_date_in_the_genitive():
    out = ANON.anonymize("Spadkodawca zmarł 3 stycznia 2020 r. w Łodzi.").text
    assert "3 stycznia 2020" not in out and "[Data śmierci 1]" in out


def test_a_known_first_name_and_a_name_cased_word_are_a_person_without_civility():
    # the first name is in the pack's lexicon (data/first_names.txt.gz); the surname is not
    result = judanon.Anonymizer(profile="pl", neural=False).anonymize("Wczoraj Jan Zbigniewicz przyszedł do biura.")
    found = [(e.text, e.source) for e in result.entities]
    # the proper-noun detector (first name + a word no dictionary writes in lowercase)
    assert found == [(name, "proper-nouns") for name in ["Jan", "Zbigniewicz"]]


def test_common_words_of_the_language_beside_a_capitalized_word_are_no_person():
    text = "Firma Budex zatrudnia. Praca Domowa czeka. Polska Grupa Energetyczna."
    assert judanon.Anonymizer(profile="pl", neural=False).anonymize(text).text == text


def test_declension_is_one_person_and_spouses_share_the_family_letter():
    result = ANON.anonymize("Oskarżony Jan Kowalski wyszedł. Sąd przesłuchał pana Kowalskiego i panią "
                            "Annę Kowalską. Pan Nowak i pana Nowaka.")
    by_text = {e.text: e for e in result.entities}
    assert by_text["Kowalski"].replacement == by_text["Kowalskiego"].replacement == by_text["Kowalską"].replacement
    assert by_text["Jan"].replacement != by_text["Annę"].replacement  # two persons, two first names
    assert by_text["Nowak"].replacement == by_text["Nowaka"].replacement
    assert all(e.doubt is None for e in result.entities)
    assert not [d for d in result.audit.doubts if d.kind == "variant-link"]


def test_towns_after_the_locative_preposition_and_their_nominative_are_one_place():
    result = ANON.anonymize("Oskarżony mieszka we Wrocławiu, a pracuje w Krakowie i w Zielonej Górze. "
                            "Kraków to jego miasto. Mieszkał też w Polsce i w Sprawie nic nie zmieniono.")
    places = {e.text: e.replacement for e in result.entities if e.label == "localite" and e.replacement}  # the state stays visible
    assert set(places) == {"Wrocławiu", "Krakowie", "Zielonej Górze", "Kraków"}
    assert places["Krakowie"] == places["Kraków"] != places["Wrocławiu"]
    assert "w Polsce" in result.text and "w Sprawie" in result.text


def test_the_town_of_a_court_s_seat_stays_visible():
    out = ANON.anonymize("Sąd Okręgowy w Krakowie ustalił, że oskarżony mieszka w Krakowie.").text
    assert out.startswith("Sąd Okręgowy w Krakowie ustalił") and out.endswith("mieszka w [Miejscowość 1].")


def test_declined_names_without_civility_are_found_through_the_lexicon():
    # the lexicon holds nominatives (Tomasz, Wiśniewski); the pack's paradigms give their cases
    result = ANON.anonymize("Widziano go z Tomaszem Wiśniewskim przed sklepem.")
    assert [e.text for e in result.entities] == ["Tomaszem", "Wiśniewskim"]


def test_an_act_or_a_document_in_the_locative_is_no_town():
    out = ANON.anonymize('Jak wskazano w Uchwale Sądu Najwyższego, w Konstytucji, w Decyzji Prezydenta i w Załączniku nr 2, oskarżony mieszka w Krakowie.').text
    for word in ('Uchwale', 'Konstytucji', 'Decyzji', 'Załączniku'):
        assert word in out
    assert 'Krakowie' not in out
