"""The default French profile without the neural detector, end to end on sentences
written for the project."""

import pytest

import judanon


@pytest.fixture(scope="module")
def rules():
    return judanon.Anonymizer(neural=False)


def masked(result):
    return [(e.text, e.label) for e in result.entities if e.replacement]


def test_parties_from_case_metadata_are_found_in_every_variant(rules):
    text = ("Le requérant, JEAN-PIERRE LEBRETON, expose que Lebreton n'a rien signé. "
            "Jean-Pierre Lebretton (sic) ajoute que Jean-Pierre était absent, M. Lebreton aussi.")
    r = rules.anonymize(text, parties=["Jean-Pierre Lebreton"])
    assert "Lebreton" not in r.text and "LEBRETON" not in r.text and "Lebretton" not in r.text
    assert "Jean-Pierre" not in r.text and "JEAN-PIERRE" not in r.text
    party_sources = {e.source for e in r.entities if e.replacement}
    assert any("party" in s for s in party_sources)
    # the audit trail names no party in clear
    assert "Lebreton" not in r.audit.to_json()


def test_parties_must_be_strings(rules):
    with pytest.raises(TypeError):
        rules.anonymize("texte", parties="Jean Dupont")
    with pytest.raises(TypeError):
        rules.anonymize("texte", parties=[3])


def test_person_found_once_is_replaced_everywhere(rules):
    text = "Mme Soazig KERDRAON, demanderesse. Plus loin, KERDRAON et Kerdraon sont cités."
    r = rules.anonymize(text)
    assert "KERDRAON" not in r.text and "Kerdraon" not in r.text
    letters = {e.replacement for e in r.entities if e.text.lower() == "kerdraon"}
    assert len(letters) == 1


def test_magistrates_and_lawyers_stay_visible_parties_do_not(rules):
    text = ("Composition de la cour : Mme Anne LE DANTEC, présidente, M. Yves QUÉRÉ, conseiller.\n"
            "Représenté par Me Loïc TANGUY, avocat au barreau de Brest.\n"
            "M. Erwan GUILLOU, appelant, demeurant 5 rue de Siam, 29200 Brest.")
    r = rules.anonymize(text)
    for visible in ("Anne LE DANTEC", "Yves QUÉRÉ", "Loïc TANGUY"):
        assert visible in r.text
    for hidden in ("Erwan", "GUILLOU", "5 rue de Siam", "29200 Brest"):
        assert hidden not in r.text
    assert "[Adresse 1]" in r.text and "[Localité 1]" in r.text


def test_court_seats_and_citations_stay_visible(rules):
    text = ("Vu l'arrêt de la cour d'appel de Rennes et le jugement du tribunal judiciaire de Quimper, "
            "l'article 700 du code de procédure civile s'applique.")
    r = rules.anonymize(text)
    assert r.text == text


def test_identifiers_are_replaced(rules):
    text = ("Mme Nolwenn Caradec, née le 1er janvier 1980, joignable au +33 6 12 34 56 78 "
            "ou nolwenn.caradec@exemple.fr, IBAN FR76 3000 6000 0112 3456 7890 189.")
    r = rules.anonymize(text)
    for secret in ("Nolwenn", "Caradec", "1er janvier 1980", "+33 6 12 34 56 78", "nolwenn.caradec@exemple.fr",
                   "FR76 3000 6000 0112 3456 7890 189"):
        assert secret not in r.text
    assert "[Date naissance 1]" in r.text and "[XXXXXXXX01]" in r.text and "[Courriel 1]" in r.text


def test_bad_checksum_is_not_an_iban(rules):
    r = rules.anonymize("IBAN FR76 3000 6000 0112 3456 7890 188.")
    assert not any(e.label == "compteBancaire" for e in r.entities)
