"""The Greek pack on sentences written for the project."""

import judanon
from judanon.textnorm import fold

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
