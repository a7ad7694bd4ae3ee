"""judanon.audit.check: a publication verified against its audit trail and original."""

import pytest

import judanon
from judanon.audit.check import check_publication

KEY = b"publication check key, 32 bytes."
TEXT = ("Entre M. Jean Dupont, joignable au 06 12 34 56 78, et la société X.\n"
        "Président : Mme Claire Martin.\nLa cour entend M. Dupont.\n")


@pytest.fixture(scope="module")
def result():
    return judanon.Anonymizer(neural=False, audit_key=KEY).anonymize(TEXT, case_id="1")


def test_a_clean_publication_has_no_problem(result):
    assert check_publication(result.text, result.audit, TEXT, KEY) == []
    assert check_publication(result.text + "\n", result.audit, TEXT, KEY) == []  # as the CLI writes it


@pytest.mark.parametrize("variant", ["Dupont", "DU\u200bPONT", "Dup\u043ent", "\uff24upont", "dupont"])
def test_a_replaced_name_put_back_in_any_spelling_is_a_leak(result, variant):
    published = result.text.replace("la société X", f"la société {variant}")
    problems = check_publication(published, result.audit, TEXT, KEY)
    kinds = [p.kind for p in problems]
    assert "published" in kinds and "leak" in kinds
    assert not any("upont" in str(p).lower() for p in problems)  # offsets, not surfaces


def test_digits_in_another_spacing_are_a_leak(result):
    published = result.text.replace("la société X", "la société 0612345678")
    assert any(p.kind == "leak" and "digits" in p.message for p in check_publication(published, result.audit, TEXT, KEY))


def test_a_visible_mention_is_not_a_leak():
    # the same town, a court's seat (visible by the place policy) and a party's (replaced)
    text = "Arrêt de la cour d'appel de Rennes.\nM. Paul Martin, demeurant à Rennes.\n"
    r = judanon.Anonymizer(neural=False, audit_key=KEY).anonymize(text)
    assert [e.replacement for e in r.entities if e.text == "Rennes"] == ["[Localité 1]"]
    assert "cour d'appel de Rennes" in r.text
    assert check_publication(r.text, r.audit, text, KEY) == []
    # the place policy is asked again: a party's town put back elsewhere is still a leak
    leaked = r.text.replace("à [Localité 1]", "à Rennes")
    assert [p.kind for p in check_publication(leaked, r.audit, text, KEY)] == ["published", "leak"]


def test_another_original_is_refused(result):
    problems = check_publication(result.text, result.audit, TEXT + " ", KEY)
    assert [p.kind for p in problems] == ["original"]
