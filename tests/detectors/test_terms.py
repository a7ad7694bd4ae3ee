"""A judge's extra terms for one decision (``also_hide``, ``keep_visible``, ``instructions``;
Label's ``additionalTermsToAnnotate`` / ``additionalTermsToUnAnnotate``): every variant of a
term counts, the terms' mentions are hidden or kept visible whatever the categories say,
and what the instructions leave unread is a doubt."""

import json

import pytest

import judanon
from judanon import cli
from judanon.detectors.terms import TermDetector, is_person_term
from judanon.errors import ArgumentError, ArgumentTypeError
from judanon.packs import load_profile

TEXT = """TRIBUNAL JUDICIAIRE DE DUNKERQUE

JUGEMENT DU 6 FÉVRIER 2024

Monsieur Gaspard Le Floc'h, né à Hazebrouck, demeurant 5 rue des Moulins 59140 Dunkerque, a travaillé
pour la société Ateliers Maritimes Delcourt. Son employeur, les ATELIERS MARITIMES DELCOURT, conteste.
M. LE FLOCH indique que le chantier de dunkerque a fermé. Le Docteur Irène Vasseur-Mallet l'a examiné ;
le docteur VASSEUR MALLET conclut à une inaptitude. M. Le Floc'h habite près du port depuis 2010.

PAR CES MOTIFS

Le tribunal condamne les Ateliers Maritimes Delcourt. Mme Marguerite Oudinot, présidente.
"""


@pytest.fixture(scope="module")
def rules():
    return judanon.Anonymizer(neural=False)


def test_person_like_terms_get_letters_in_every_variant(rules):
    r = rules.anonymize(TEXT, also_hide=["Irène Vasseur-Mallet"])
    assert "Vasseur" not in r.text and "VASSEUR" not in r.text and "Irène" not in r.text
    asked = [e for e in r.entities if any(ev.source == "judge-terms" for ev in e.evidence)]
    assert asked and {e.label for e in asked} == {"personnePhysique"}
    assert {e.replacement for e in asked} <= {e.replacement for e in r.entities if e.label == "personnePhysique"}
    assert all(e.replacement and e.replacement.startswith("[") and len(e.replacement) <= 4 for e in asked)


def test_other_terms_get_the_judge_s_marker_in_every_variant(rules):
    r = rules.anonymize(TEXT, also_hide=["Ateliers Maritimes Delcourt", "Dunkerque", "Hazebrouck"])
    for secret in ("Delcourt", "DELCOURT", "dunkerque", "Hazebrouck"):
        assert secret not in r.text
    # a term no detector found as it stands gets Label's marker of the judge's terms
    assert {e.replacement for e in r.entities if e.text.lower() == "dunkerque"} == {"[Identifiant 1]"}
    # one term, one replacement: a term a detector found keeps that category everywhere
    # (the company's three spellings share its marker, the town is a town)
    company = {(e.label, e.replacement) for e in r.entities if e.text.lower().startswith("ateliers")}
    assert company == {("personneMorale", "[1]")}
    assert {e.label for e in r.entities if e.text == "Hazebrouck"} == {"localite"}


def test_a_term_inside_a_longer_mention_leaves_nothing_of_it_visible(rules):
    # the postal town is a localite anyway: the term marks it, nothing of the address shows
    r = rules.anonymize(TEXT, also_hide=["Dunkerque"])
    assert "59140" not in r.text and "Dunkerque" not in r.text
    # the seat of the court, kept visible by the place policy, is hidden as the judge asked
    assert "TRIBUNAL JUDICIAIRE DE [Identifiant" in r.text


def test_terms_asked_hidden_win_over_categories_left_visible(rules):
    r = rules.anonymize(TEXT, omit=["personnePhysique"], also_hide=["Gaspard Le Floc'h"])
    assert "Gaspard" not in r.text and "Floc'h" not in r.text and "FLOCH" not in r.text
    assert "Irène Vasseur-Mallet" in r.text  # omitted persons that nobody asked for stay visible


def test_kept_terms_stay_visible_with_the_judge_s_reason(rules):
    r = rules.anonymize(TEXT, keep_visible=["Irène Vasseur-Mallet", "Hazebrouck"])
    assert "Irène Vasseur-Mallet" in r.text and "VASSEUR MALLET" in r.text
    kept = [e for e in r.entities if e.visible_reason == "judge-asked"]
    assert {e.text for e in kept} >= {"Irène", "Vasseur-Mallet"}
    records = [rec for rec in r.audit.entities if rec.reason == "judge-asked"]
    assert records and all(rec.decision == "visible" for rec in records)
    # other persons are replaced as usual
    assert "Gaspard" not in r.text


def test_a_term_asked_both_ways_stays_hidden(rules):
    r = rules.anonymize(TEXT, also_hide=["Hazebrouck"], keep_visible=["hazebrouck", "Dunkerque"])
    assert "Hazebrouck" not in r.text
    assert dict(r.audit.configuration)["keep_visible_terms"] == 1


def test_per_call_keep_visible_takes_terms_not_categories(rules):
    with pytest.raises(ArgumentError, match="omit"):
        rules.anonymize(TEXT, keep_visible=["personnePhysique"])
    with pytest.raises(ArgumentTypeError, match="list of terms"):
        rules.anonymize(TEXT, also_hide="Dunkerque")
    # the Anonymizer's keep_visible still takes categories
    assert "Marguerite" in judanon.Anonymizer(neural=False, keep_visible=["professionnelMagistratGreffier"]) \
        .anonymize(TEXT).text


def test_free_text_instructions_and_their_doubts(rules):
    r = rules.anonymize(TEXT, instructions="Occulter les termes « Hazebrouck » et Ateliers Maritimes Delcourt. "
                                          "Ne pas occulter Irène Vasseur-Mallet. Occulter la date de naissance")
    assert "Hazebrouck" not in r.text and "Delcourt" not in r.text and "Irène Vasseur-Mallet" in r.text
    unread = [d for d in r.doubts if d.kind == "instructions-unread"]
    assert len(unread) == 1 and unread[0].detail.startswith("instructions: characters")
    assert "naissance" not in unread[0].detail  # a doubt locates, never quotes
    assert dict(r.audit.configuration)["instructions_failed"] is True
    assert r.audit.label_fields()["additionalTermsParsingFailed"] is True


def test_a_term_never_found_is_a_doubt(rules):
    r = rules.anonymize(TEXT, also_hide=["Dunkerque", "Armentières"])
    [doubt] = [d for d in r.doubts if d.kind == "term-not-found"]
    assert doubt.detail == "term 2 of 2 asked hidden was not found in the text"


def test_the_audit_holds_no_term(rules):
    r = rules.anonymize(TEXT, also_hide=["Hazebrouck", "Irène Vasseur-Mallet"], keep_visible=["Dunkerque"])
    trail = r.audit.to_json()
    assert "Hazebrouck" not in trail and "Vasseur" not in trail
    config = json.loads(trail)["configuration"]
    assert config["also_hide_terms"] == 2 and config["keep_visible_terms"] == 1
    plain = judanon.Anonymizer(neural=False, audit_plaintext=True).anonymize(TEXT, also_hide=["Hazebrouck"])
    assert dict(plain.audit.configuration)["also_hide_terms"] == ("Hazebrouck",)


def test_inflected_forms_of_a_name_through_the_pack_s_declensions():
    text = ("Sąd Rejonowy w Gdańsku. Powód Jan Kowalski wniósł pozew. Sąd wysłuchał Jana Kowalskiego. "
            "Pełnomocnik Kowalskiego wniósł o oddalenie.")
    r = judanon.Anonymizer(profile="pl", neural=False).anonymize(text, also_hide=["Jan Kowalski"])
    assert "Kowalsk" not in r.text and "Jana" not in r.text
    letters = {e.replacement for e in r.entities if e.text.startswith("Kowalsk")}
    assert len(letters) == 1  # one person in every case form


def test_which_terms_read_as_names():
    lexicon = load_profile("fr").lexicon()
    likelihood = lexicon.first_name_likelihood
    particles = load_profile("fr").surname_particles
    assert is_person_term("Marie Curie", likelihood, particles)
    assert is_person_term("Jean de La Fontaine", likelihood, particles)
    assert is_person_term("Kevin", likelihood, particles)
    for other in ("Dunkerque", "Société Générale", "12 rue des Lilas", "rue des Lilas", "Dupont et Fils"):
        assert not is_person_term(other, likelihood, particles), other
    # without a lexicon, two capitalized words read as a name, one word does not
    assert is_person_term("Ugo Brami", None) and not is_person_term("Brami", None)


def test_the_detector_evidence_names_the_term_by_its_place():
    fr = load_profile("fr")
    spans = TermDetector(["Dunkerque", "Gaspard Le Floc'h"], fr.lexicon(), fr.surname_particles,
                         fr.surname_lead_particles).detect(TEXT)
    assert {s.evidence for s in spans} <= {"judge-terms#0", "term:1:first", "term:1:surname"}
    assert {s.label for s in spans} == {"annotationSupplementaire", "personnePhysique"}


def test_batch_records_and_command_line(rules, tmp_path, capsys):
    out = list(rules.anonymize_many([
        {"id": 1, "text": TEXT, "also_hide": ["Hazebrouck"], "keep_visible": ["Irène Vasseur-Mallet"]},
        {"id": 2, "text": TEXT, "instructions": "Occulter Hazebrouck"},
        {"id": 3, "text": TEXT, "also_hide": "Hazebrouck"}]))
    assert "Hazebrouck" not in out[0].text and "Irène Vasseur-Mallet" in out[0].text
    assert "Hazebrouck" not in out[1].text
    assert isinstance(out[2], judanon.DocumentError) and "list of terms" in out[2].reason
    path = tmp_path / "jugement.txt"
    path.write_text(TEXT, encoding="utf-8")
    (tmp_path / "consignes.txt").write_text("Ne pas occulter Irène Vasseur-Mallet", encoding="utf-8")
    code = cli.main(["anonymize", str(path), "--no-neural", "--also-hide", "Hazebrouck", "--also-hide", "Dunkerque",
                     "--instructions", f"@{tmp_path / 'consignes.txt'}"])
    published = capsys.readouterr().out
    assert code == 0 and "Hazebrouck" not in published and "Irène Vasseur-Mallet" in published
    assert cli.main(["anonymize", str(path), "--no-neural", "--keep-term", "Hazebrouck"]) == 0
    assert "Hazebrouck" in capsys.readouterr().out
    code = cli.main(["anonymize", str(path), str(path), "--out", str(tmp_path / "out"), "--no-neural",
                     "--also-hide", "Hazebrouck"])
    err = capsys.readouterr().err
    assert code == 2 and "--also-hide applies to one decision" in err
