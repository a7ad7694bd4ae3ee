"""The pack machinery: profile loading, language-free building blocks, inflection linking."""

import re
import warnings

import pytest
import regex

import judanon
from judanon import cli
from judanon import entities as E
from judanon.detectors.civility import CivilityDetector
from judanon.resolve.inflection import forms_key, link_inflections
from judanon.packs import NoNeuralModelError, UnknownProfileError, available_profiles, pack_module
from judanon.detectors.patterns import date_expression, dated_event, insensitive, words
from judanon.resolve.candidates import Candidate
from judanon.resolve.linking import link
from judanon.replace.strategies import Mask
from support import ROOT



def test_every_pack_folder_is_a_profile():
    assert set(available_profiles()) >= {"fr", "gr", "lt", "lu", "pl", "ro", "si"}


def test_unknown_profile_says_which_exist():
    with pytest.raises(UnknownProfileError, match="available profiles: .*pl"):
        judanon.Anonymizer(profile="xx")
    assert issubclass(UnknownProfileError, ValueError)


def test_a_pack_without_a_tagger_refuses_neural_true():
    # gr ships no tagger: its annotated data's licence (NC) allows none
    with pytest.raises(NoNeuralModelError, match="model="):
        judanon.Anonymizer(profile="gr", neural=True)
    # neural=None quietly runs the rules only
    assert all(type(d).__name__ != "FlairDetector" for d in judanon.Anonymizer(profile="gr").detectors)


def test_generic_modules_import_no_pack_by_name():
    # machinery takes its words from a pack by its code (judanon.packs.pack_module), never by
    # an import of one pack
    offenders = []
    for path in sorted((ROOT / "judanon").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("judanon/packs/"):
            continue
        if re.search(r"packs\.(?!__)[a-z]{2}\b|from \.?\.?packs import [a-z]{2}\b", path.read_text("utf-8")):
            offenders.append(rel)
    assert offenders == []


def test_label_style_takes_the_formats_of_the_profile():
    text = "Pozwany Jan Nowak, zamieszkały przy ul. Długiej 5, 80-831 Gdańsk."
    anon = judanon.Anonymizer(profile="pl", neural=False, strategy={E.LOCALITE: Mask()})
    out = anon.anonymize(text).text
    assert "[Adres 1]" in out and "XXXXXX" in out and "Gdańsk" not in out


def test_identifier_doubts_use_the_pack_context_words():
    result = judanon.Anonymizer(profile="pl", neural=False).anonymize("PESEL 44051401358 (błędny).")
    assert [d.kind for d in result.doubts] == ["identifier-visible"]


def test_review_keeps_inflected_forms_together():
    text = "Oskarżony Jan Kowalski przyznał się. Sąd uznał Kowalskiego za winnego."
    result = judanon.Anonymizer(profile="pl", neural=False).anonymize(text)
    first = next(e for e in result.entities if e.text == "Jan")
    reviewed = result.review(reject=[first.id], reviewer="clerk")
    by_text = {e.text: e.replacement for e in reviewed.entities}
    assert by_text["Kowalski"] == by_text["Kowalskiego"] and "Jan" not in by_text


def test_cli_profile_option(tmp_path, capsys):
    decision = tmp_path / "wyrok.txt"
    decision.write_text("Świadek Anna Zielińska, urodzona 2 lutego 1990 r., zeznała.", encoding="utf-8")
    assert cli.main(["anonymize", str(decision), "--profile", "pl", "--no-neural"]) == 0
    out = capsys.readouterr().out
    assert "Zielińska" not in out and "[Data urodzenia 1]" in out
    assert cli.main(["anonymize", str(decision), "--profile", "xx", "--no-neural"]) == 2


# --- building blocks -----------------------------------------------------------------

def test_insensitive_matches_case_accents_and_final_sigma():
    pattern = regex.compile(insensitive("Παπαδόπουλος"))
    for form in ("ΠΑΠΑΔΟΠΟΥΛΟΣ", "Παπαδοπουλος", "παπαδόπουλοσ"):
        assert pattern.fullmatch(form), form
    assert regex.compile(words(["Sąd"])).search("SĄD Okręgowy")
    assert not regex.compile(words(["pan"])).search("panorama")


def test_dated_event_reports_the_date_only():
    pattern = dated_event("birth", E.DATE_NAISSANCE, ["urodzony"], date_expression(["marca"], year_suffix=r"r\."))
    text = "urodzony w dniu 12 marca 1985 r. w Łodzi"
    (span,) = list(pattern.spans(text, "test"))
    assert text[span.start:span.end] == "12 marca 1985 r."


def test_civility_detector_one_span_per_name_word_and_stops():
    det = CivilityDetector(["Herr", "κ."], roles=["Zeuge"], not_names=["Gericht"])
    text = "Der Zeuge Herr Thomas Schmitt sagte, dass Herr Gericht und ο κ. ΝΙΚΟΛΑΟΥ kamen."
    assert [text[s.start:s.end] for s in det.detect(text)] == ["Thomas", "Schmitt", "ΝΙΚΟΛΑΟΥ"]
    with pytest.raises(ValueError):
        CivilityDetector([])


def test_forms_of_one_paradigm_link_and_of_two_do_not():
    paradigms = (("ski", "skiego"), ("ska", "skiej"))
    assert forms_key("kowalski", paradigms) & forms_key("kowalskiego", paradigms)
    assert not forms_key("kowalski", paradigms) & forms_key("kowalskiej", paradigms)
    assert forms_key("ski", paradigms) == frozenset()  # no stem, no link


def test_link_inflections_gives_the_first_form_key():
    text = "Kowalskiego i Kowalski"
    cands = [Candidate(0, 11, E.PERSONNE_PHYSIQUE, 2, 1.0, []), Candidate(14, 22, E.PERSONNE_PHYSIQUE, 2, 1.0, [])]
    links = link_inflections(text, cands, link(text, cands), (("ski", "skiego"),))
    assert links[0][0] == links[1][0] == "kowalskiego"
    assert links[1][1] is None  # a declension is no guess: no doubt
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert link_inflections(text, cands, link(text, cands), ()) == link(text, cands)


@pytest.mark.parametrize("code", ["fr", "gr", "pl"])
def test_a_profile_anonymizer_pickles(code):
    import pickle

    anon = judanon.Anonymizer(profile=code, neural=False)
    text = {"fr": "M. Jean Dupont, né le 3 mars 1985.", "gr": "Ο κ. Νίκος Γεωργίου.",
            "pl": "Pan Jan Nowak, PESEL 44051401359."}[code]
    copy = pickle.loads(pickle.dumps(anon))
    assert copy.anonymize(text, case_id="1").text == anon.anonymize(text, case_id="1").text


@pytest.mark.parametrize("code", ["gr", "lt", "lu", "pl", "ro", "si"])
def test_partner_profiles_pickle_and_build_the_same_detectors(code):
    import pickle

    profile = pack_module(code).profile()
    again = pickle.loads(pickle.dumps(profile))
    assert again.code == code
    assert [type(d).__name__ for d in again.detectors()] == [type(d).__name__ for d in profile.detectors()]


@pytest.mark.parametrize("code", ["gr", "lt", "pl", "ro", "si"])
def test_partner_packs_ship_small_name_lexicons_with_their_source(code):
    from judanon.packs import _base

    folder = ROOT / "judanon" / "packs" / code / "data"
    assert sum(p.stat().st_size for p in folder.glob("*names.txt.gz")) < 1_000_000
    # with the spelling dictionary and the place names, a pack stays within a few megabytes
    assert sum(p.stat().st_size for p in folder.iterdir()) < 4_000_000
    for part in ("spelling", "places"):
        if any(folder.glob(part + ".*")):
            notes = (folder / f"{part}.README.md").read_text("utf-8")
            assert "icence" in notes and f"--pack {code}" in notes
    readme = (folder / "README.md").read_text("utf-8")
    assert "names-dataset" in readme and "MIT" in readme and f"--pack {code}" in readme
    lexicon = _base.lexicon(code)
    assert len(lexicon.first_names) > 1000 and len(lexicon.surnames) > 1000
    # the pack's own words are never names, whatever the raw lists hold
    words = pack_module(code).words
    assert not any(lexicon.is_name(w[:1].upper() + w[1:]) for w in words.NOT_NAMES + words.CIVILITIES)


def test_gender_forms_share_a_family_key_and_towns_their_cases():
    from judanon.resolve.inflection import Declensions

    decl = Declensions([("ski", "skiego"), ("ska", "skiej"), ("", "a")], gender_forms=[("ski", "ska")],
                       places=[("", "ie")])
    text = "Kowalski, Kowalskiej, Nowak, Nowaka, Kraków, Krakowie"
    spans = [(0, 8, E.PERSONNE_PHYSIQUE), (10, 20, E.PERSONNE_PHYSIQUE), (22, 27, E.PERSONNE_PHYSIQUE),
             (29, 35, E.PERSONNE_PHYSIQUE), (37, 43, E.LOCALITE), (45, 53, E.LOCALITE)]
    cands = [Candidate(a, b, label, 2, 1.0, []) for a, b, label in spans]
    plain = link(text, cands)
    assert plain[3] == ("nowak", "variant linked by edit distance")
    links = link_inflections(text, cands, plain, decl)
    assert [k for k, _ in links] == ["kowalski", "kowalski", "nowak", "nowak", "krakow", "krakow"]
    assert all(doubt is None for _, doubt in links)
    # without gender forms the masculine and feminine stay apart
    assert link_inflections(text, cands, plain, Declensions(decl.paradigms))[1][0] != "kowalski"


def test_locative_detector_prepositions_endings_and_refusals():
    from judanon.detectors.locative import LocativeDetector
    from judanon.text.lexicons import NameLexicon

    det = LocativeDetector(["w"], ["uje"], not_places=["Polsce"], seat_words=["Sąd"],
                           lexicon=NameLexicon.from_names(["Janina"]))
    text = ("Byl w Krakowie, w Polsce, w Janina i w Zielonej Górze; Sąd w Gdańsku; żył Vilniuje. "
            "Vilniuje. Mówił w Sprawie, bo sprawie nadano bieg.")
    assert [text[s.start:s.end] for s in det.detect(text)] == ["Krakowie", "Zielonej Górze", "Vilniuje"]
    with pytest.raises(ValueError):
        LocativeDetector()


def test_declined_forms_add_the_cases_of_each_nominative_and_keep_known_keys():
    from judanon.resolve.inflection import declined_forms

    table = {"tomasz": "10\t0", "kowalski": "5\t0", "tomaszem": "99\t2"}
    out = declined_forms(table, [("", "a", "em"), ("ski", "skiego")])
    assert out["tomasza"] == "10\t0" and out["kowalskiego"] == "5\t0"
    assert out["tomaszem"] == "99\t2"  # the table's own entry wins
