"""The Greek pack on sentences written for the project."""

import judanon
from judanon.text.normalize import fold

ANON = judanon.Anonymizer(profile="gr", neural=False)
TEXT = ("Ο εναγόμενος Γεώργιος Παπαδόπουλος, γεννηθείς στις 1 Μαρτίου 1985, με ΑΜΚΑ 01038512347 και "
        "ΑΦΜ 094259216, κάτοικος οδός Ερμού 25, 105 63 Αθήνα, τηλ. 210 3234567, "
        "email g.papadopoulos@example.gr, IBAN GR16 0110 1250 0000 0001 2300 695. "
        "Ο μάρτυρας κ. Νικόλαος Γεωργίου κατέθεσε ότι ο ΠΑΠΑΔΟΠΟΥΛΟΣ ήταν παρών και ότι "
        "ο Παπαδόπουλου αδελφός έφυγε.")


def test_identifiers_dates_address_and_persons_are_replaced():
    out = ANON.anonymize(TEXT).text
    for secret in ("01038512347", "094259216", "1 Μαρτίου 1985", "Ερμού", "Αθήνα", "3234567",
                   "g.papadopoulos", "GR16", "Γεώργιος", "Παπαδόπουλος", "Νικόλαος", "Γεωργίου",
                   "ΠΑΠΑΔΟΠΟΥΛΟΣ"):
        assert secret not in out, secret
    assert "[Ημερομηνία γέννησης 1]" in out and "[Διεύθυνση 1]" in out


def test_case_accents_and_inflection_link_one_person():
    result = ANON.anonymize(TEXT)
    forms = {e.replacement for e in result.entities if fold(e.text).startswith("παπαδοπουλ")}
    assert len(forms) == 1


def test_numbers_failing_their_checksum_stay():
    text = "ΑΜΚΑ 01038512340 και ΑΦΜ 094259217, IBAN GR16 0110 1250 0000 0001 2300 696."
    assert ANON.anonymize(text).text == text


def test_greek_folding_keeps_offsets_and_final_sigma():
    assert fold("ΠΑΠΑΔΌΠΟΥΛΟΣ") == fold("Παπαδόπουλος") == "παπαδοπουλοσ"
    assert len(fold("Ἀθῆναι")) == len("Ἀθῆναι")


def test_death_date_and_a_civility_in_capitals():
    out = ANON.anonymize("Ο ΚΥΡΙΟΣ ΔΗΜΗΤΡΙΟΣ ΚΩΝΣΤΑΝΤΙΝΟΥ απεβίωσε στις 5 Ιανουαρίου 2019.").text
    assert "ΔΗΜΗΤΡΙΟΣ" not in out and "ΚΩΝΣΤΑΝΤΙΝΟΥ" not in out
    assert "[Ημερομηνία θανάτου 1]" in out


def test_a_known_first_name_and_a_name_cased_word_are_a_person_without_civility():
    # the first name is in the pack's lexicon (data/first_names.txt.gz); the surname is not
    result = judanon.Anonymizer(profile="gr", neural=False).anonymize("Χθες ο Γιώργος Ξυλουργόπουλος ήρθε στο γραφείο.")
    found = [(e.text, e.source) for e in result.entities]
    # the proper-noun detector (first name + a word no dictionary writes in lowercase)
    assert found == [(name, "proper-nouns") for name in ["Γιώργος", "Ξυλουργόπουλος"]]


def test_common_words_of_the_language_beside_a_capitalized_word_are_no_person():
    # the common words stay visible; a word with a surname's ending beside one is taken for a
    # surname (``Λουμίδης``), the state's name stays visible
    text = "Καφές Λουμίδης πωλείται. Η Ελλάδα Σήμερα."
    published = judanon.Anonymizer(profile="gr", neural=False).anonymize(text).text
    assert published.startswith("Καφές ") and published.endswith(" πωλείται. Η Ελλάδα Σήμερα.")


def test_the_wife_s_surname_is_the_genitive_and_shares_the_family_letter():
    result = ANON.anonymize("Ο κ. Γιώργος Παπαδόπουλος και η κα Μαρία Παπαδοπούλου.")
    by_text = {e.text: e for e in result.entities}
    assert by_text["Παπαδόπουλος"].replacement == by_text["Παπαδοπούλου"].replacement
    assert by_text["Γιώργος"].replacement != by_text["Μαρία"].replacement
    assert all(e.doubt is None for e in result.entities)


def test_a_name_in_the_genitive_without_civility_is_found_through_the_lexicon():
    result = ANON.anonymize("Η κατάθεση του Γιώργου Ξυλουργόπουλου ήταν σαφής.")
    assert [e.text for e in result.entities] == ["Γιώργου", "Ξυλουργόπουλου"]
