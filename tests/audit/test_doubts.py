"""Doubts for reviewers: each of a named kind, with the entities concerned, in the audit."""

import pytest

import judanon
from judanon.entities import Span
from word_detector import WordDetector


class ScoredDetector:
    """Marks fixed (word, label, score) triples, as a statistical tagger would."""

    name, version = "scored", "1"

    def __init__(self, items):
        self.items = items

    def detect(self, text):
        for word, label, score in self.items:
            i = text.find(word)
            while i != -1:
                yield Span(i, i + len(word), label, self.name, score, "model", 1)
                i = text.find(word, i + 1)


KEY = b"the audit key of the doubt tests"


def doubts_of(text, words=None, scored=(), **kw):
    detectors = [WordDetector(words or {})] + ([ScoredDetector(scored)] if scored else [])
    result = judanon.Anonymizer(detectors=detectors, audit_key=KEY).anonymize(text, **kw)
    return result, {d.kind: d for d in result.doubts}


def ids(result, surface):
    return tuple(e.id for e in result.entities if e.text == surface)


def test_variant_link():
    r, d = doubts_of("M. Dupont et M. Dupond.", {"Dupont": "personnePhysique", "Dupond": "personnePhysique"})
    assert set(d["variant-link"].entities) == set(ids(r, "Dupont") + ids(r, "Dupond"))


def test_one_surface_two_categories():
    r, d = doubts_of("Mme Lorient, puis LORIENT (ville).", {"Lorient": "personnePhysique", "LORIENT": "localite"})
    assert set(d["category-conflict"].entities) == set(ids(r, "Lorient") + ids(r, "LORIENT"))
    assert "Lorient" not in d["category-conflict"].detail


def test_short_entity():
    r, d = doubts_of("M. X a signé.", {"X": "personnePhysique"})
    assert d["short-entity"].entities == ids(r, "X")


def test_name_replaced_and_visible_elsewhere():
    # the lawyers' firm carries the party's name and stays visible
    r, d = doubts_of("M. Kerbrat signe. Copie: KERBRAT Associés, avocats.",
                     {"Kerbrat": "personnePhysique", "KERBRAT Associés": "professionnelAvocat"})
    doubt = d["replaced-name-visible"]
    assert doubt.entities == ids(r, "Kerbrat") and doubt.start == r.entities[1].start
    assert "Kerbrat" not in doubt.detail and "KERBRAT" not in doubt.detail


def test_name_replaced_everywhere_is_no_doubt():
    r, d = doubts_of("M. Kerbrat signe. KERBRAT est présent; kerbrat en minuscules.",
                     {"Kerbrat": "personnePhysique", "KERBRAT": "personnePhysique"})
    assert "replaced-name-visible" not in d


def test_low_score():
    r, d = doubts_of("Le témoin Ferrand est venu, Mme Kerbrat aussi.",
                     scored=[("Ferrand", "personnePhysique", 0.55), ("Kerbrat", "personnePhysique", 0.99)])
    assert d["low-score"].entities == ids(r, "Ferrand")
    assert len([x for x in r.doubts if x.kind == "low-score"]) == 1


def test_party_never_found():
    r, d = doubts_of("M. Kerbrat a signé.", {"Kerbrat": "personnePhysique"}, parties=["Yannick Le Gall"])
    assert d["party-not-found"].entities == ()
    assert "Gall" not in d["party-not-found"].detail and "party 1 of 1" in d["party-not-found"].detail


@pytest.mark.parametrize("text", [
    "Son IBAN FR76 3000 6000 0112 3456 7890 189 figure au dossier.",
    "n° de sécurité sociale 1 85 05 78 006 084 36, affilié.",
])
def test_identifier_left_visible_near_a_context_word(text):
    r, d = doubts_of(text)
    doubt = d["identifier-visible"]
    assert doubt.entities == () and text[doubt.start].isalnum()
    digits = "".join(ch for ch in text[doubt.start:doubt.end] if ch.isdigit())
    assert digits not in doubt.detail


def test_number_without_context_is_no_doubt():
    r, d = doubts_of("Le pourvoi n° 21-19.704 est rejeté; arrêt du 12.03.2024.")
    assert "identifier-visible" not in d


def test_doubts_in_audit_summary_and_json_without_surfaces():
    r, d = doubts_of("M. Dupont et M. Dupond; IBAN FR76 3000 6000 0112 3456 7890 189.",
                     {"Dupont": "personnePhysique", "Dupond": "personnePhysique"})
    assert r.audit.doubts == tuple(r.doubts)
    s = r.audit.to_json()
    assert "variant-link" in s and "Dupon" not in s and "3000 6000" not in s
    assert "2 doubt(s) for review (variant-link 1, identifier-visible 1)" in r.audit.summary()


def test_accepting_clears_a_doubt():
    r, d = doubts_of("Le témoin Ferrand est venu.", scored=[("Ferrand", "personnePhysique", 0.55)])
    assert "low-score" in d
    reviewed = r.review(accept=ids(r, "Ferrand"), reviewer="A")
    assert not [x for x in reviewed.doubts if x.kind == "low-score"]
    assert reviewed.audit.verify(KEY)


def test_party_found_by_part_of_its_name():
    r, d = doubts_of("M. Kerbrat contre Ewen Le Gall.", {"Kerbrat": "personnePhysique"},
                     parties=["Yannick Le Gall"])
    assert "party-not-found" not in d


def test_party_doubt_stays_until_its_name_is_annotated():
    text = "M. Kerbrat contre Maëlys, sa voisine."
    r, d = doubts_of(text, {"Kerbrat": "personnePhysique"}, parties=["Trémel"])
    assert "party-not-found" in d
    start = text.index("Maëlys")
    # a first name added by a reviewer is not the party's name: the doubt stays
    reviewed = r.review(add=[(start, start + 6, "personnePhysique")], reviewer="A")
    assert "party-not-found" in {x.kind for x in reviewed.doubts}  # still not the party's name


def test_cli_prints_the_doubt_count(tmp_path, capsys):
    from judanon import cli

    path = tmp_path / "d.txt"
    # a social security number the rules do not take (its key does not check) stays visible
    path.write_text("M. Yannick Kerbrat, n° de sécurité sociale 1 85 05 78 006 084 36, demeure ici.\n",
                    encoding="utf-8")
    assert cli.main(["anonymize", str(path), "--no-neural"]) == 0
    err = capsys.readouterr().err
    assert "doubt(s) for review (" in err and "identifier-visible 1" in err
    assert "Kerbrat" not in err and "084 36" not in err
