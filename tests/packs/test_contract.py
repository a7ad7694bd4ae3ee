"""The pack contract (``judanon.packs.contract``): every slot a pack may fill has a
default, a name no slot has fails when the pack loads, and every shipped pack keeps it."""

import ast
import os
import subprocess
import sys
import types
from pathlib import Path

import attrs
import pytest

import judanon.packs
from judanon.detectors.person_grammar import PersonGrammar
from judanon.errors import JudanonError, PackContractError, ProfileError
from judanon.packs import (DEFAULT_PROFILE, available_profiles, load_profile, pack_module, pack_words,
                           visible_places)
from judanon.packs.contract import PackWords, defaults, slot_names
from support import ROOT

SUBPROCESS_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def words_module(**names) -> types.ModuleType:
    module = types.ModuleType("judanon.packs.xx.words")
    vars(module).update(names)
    return module


@pytest.fixture
def reloaded():
    """Packs read again after the test has edited one (the words are read once per process)."""
    pack_words.cache_clear()
    yield
    pack_words.cache_clear()


# --- every shipped pack keeps the contract -----------------------------------------------


@pytest.mark.parametrize("code", available_profiles())
def test_every_shipped_pack_loads(code):
    words = pack_words(code)
    assert isinstance(words, PackWords) and isinstance(words.persons, PersonGrammar)
    profile = load_profile(code)
    assert profile.code == code and profile.detectors()


def test_the_one_default_profile():
    assert DEFAULT_PROFILE in available_profiles()
    import judanon

    assert judanon.Anonymizer(neural=False).profile == DEFAULT_PROFILE


def test_the_french_pack_has_the_shape_of_the_others():
    fr, pl = pack_module("fr"), pack_module("pl")
    for name in ("patterns", "regex_detector", "detectors", "profile"):
        assert callable(getattr(fr, name)) and callable(getattr(pl, name))
    # one machinery builds both packs' detectors and settings
    assert fr.detectors.func is pl.detectors.func and fr.profile.func is pl.profile.func
    assert [type(d).__name__ for d in fr.detectors()] == [
        "RegexDetector", "PersonContextDetector", "InitialsDetector", "NameLexiconDetector", "CompanyDetector"]
    assert [type(d).__name__ for d in pl.detectors()] == [
        "RegexDetector", "CivilityDetector", "LocativeDetector", "ProperNounDetector"]


def test_the_french_words_fill_the_grammar_and_the_other_slots():
    words = pack_words("fr")
    assert "M." in words.persons.civilities_singular and "conseiller" in words.persons.magistrate_titles
    assert words.replacement_formats["adresse"] == "[Adresse {n}]" and words.tagger.endswith(".pt")
    assert load_profile("fr").tagger.is_file()
    # a name slot of both: the grammar's words that are never names, the civility detector's
    assert "attendu" in words.persons.not_names and "attendu" in words.not_names


def test_visible_places_come_from_the_registry():
    assert visible_places("fr").spans("Par arrêt de la cour d'appel de Rennes,")
    assert visible_places().spans("la cour d'appel de Rennes") == visible_places("fr").spans("la cour d'appel de Rennes")


# --- slots and their defaults ---------------------------------------------------------------


def test_every_slot_has_a_default_that_turns_its_feature_off():
    empty = PackWords()
    assert empty.persons == PersonGrammar()
    settings = {"name_pair_min_likelihood": 0.2, "name_pair_cased_partners": True, "neural_min_score": 0.0,
                "neural_company_min_score": 0.8, "neural_company_connectors": ("&",)}
    for field in attrs.fields(PackWords):
        value = getattr(empty, field.name)
        if field.name in settings:
            assert value == settings[field.name], field.name
        elif field.name != "persons":
            assert value in ((), frozenset(), {}, "", False), field.name
    for field in attrs.fields(PersonGrammar):
        assert getattr(empty.persons, field.name) in ((), frozenset(), ""), field.name
    # the slots are the fields, in capitals, and the defaults are listed by those names
    listed = defaults()
    assert set(listed) == set(slot_names())
    assert listed["CIVILITIES"] == () and listed["CIVILITIES_SINGULAR"] == () and listed["NEURAL_MIN_SCORE"] == 0.0
    assert "PERSONS" not in listed


def test_a_slot_left_out_keeps_its_default():
    read = PackWords.read("xx", [words_module(CIVILITIES=("pan",), POSTAL_CODE=r"\d{5}", E=types)])
    assert read.civilities == ("pan",) and read.postal_code == r"\d{5}"
    assert read.roles == () and read.surrogate_locale == "" and read.persons == PersonGrammar()
    assert pack_words("gr").seat_connectors == () and pack_words("pl").seat_connectors == ("dla",)


def test_grammar_slots_fill_the_person_grammar():
    read = PackWords.read("xx", [words_module(CIVILITIES_SINGULAR=("Herr",), CONJUNCTIONS=["und"])])
    assert read.persons.civilities_singular == ("Herr",) and read.persons.conjunctions == ("und",)


# --- a name no slot has fails when the pack loads -------------------------------------------


def test_an_unknown_name_fails_with_one_line_naming_the_closest_slot():
    with pytest.raises(PackContractError) as caught:
        PackWords.read("xx", [words_module(CIVILITES=("pan",))])
    message = str(caught.value)
    assert "\n" not in message
    assert "'xx'" in message and "CIVILITES" in message and "did you mean CIVILITIES?" in message
    assert issubclass(PackContractError, ProfileError) and issubclass(PackContractError, JudanonError)


def test_a_misspelt_grammar_slot_names_the_grammar_slot():
    with pytest.raises(PackContractError, match="did you mean CIVILITIES_SINGULAR"):
        PackWords.read("xx", [words_module(CIVILITIES_SINGULER=("Herr",))])
    with pytest.raises(PackContractError, match="no slot is close"):
        PackWords.read("xx", [words_module(QUUX=1)])


def test_a_misspelt_constant_in_a_shipped_pack_fails_when_it_loads(monkeypatch, reloaded):
    monkeypatch.setattr(pack_module("pl").words, "LOCATIVE_PREPOSITION", ("w",), raising=False)
    pack_words.cache_clear()
    with pytest.raises(PackContractError, match=r"pack 'pl': judanon\.packs\.pl\.words defines LOCATIVE_PREPOSITION"
                                                r".*did you mean LOCATIVE_PREPOSITIONS\?"):
        load_profile("pl")


def test_the_french_grammar_module_is_checked_too(monkeypatch, reloaded):
    import judanon.packs.fr.persons as persons

    monkeypatch.setattr(persons, "MAGISTRAT_TITLES", ("juge",), raising=False)
    pack_words.cache_clear()
    with pytest.raises(PackContractError, match="MAGISTRAT_TITLES.*did you mean MAGISTRATE_TITLES"):
        judanon.Anonymizer(neural=False)


def test_a_value_of_the_wrong_kind_or_a_slot_defined_twice_fails():
    with pytest.raises(PackContractError, match="wrong kind"):
        PackWords.read("xx", [words_module(CIVILITIES=5)])
    with pytest.raises(PackContractError, match="defined in .* and in"):
        PackWords.read("xx", [words_module(ROLES=("a",)), words_module(ROLES=("b",))])


# --- generic modules take their words from the caller -----------------------------------------


def test_importing_the_neural_detector_imports_no_pack():
    code = "import sys, judanon.detectors.neural; print(any(m.startswith('judanon.packs') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=SUBPROCESS_ENV)
    assert out.stdout.split() == ["False"]


def test_no_generic_module_names_a_pack():
    """Outside ``judanon/packs/`` (and the offline ``build/`` recipes), no code holds a pack's
    code or folder: the packs come from the registry (docstrings may cite one as an example)."""
    codes = set(available_profiles())
    package = Path(judanon.packs.__file__).resolve().parents[1]
    found = []
    for path in sorted(package.rglob("*.py")):
        if path.relative_to(package).parts[0] in ("packs", "build"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and node.body and isinstance(node.body[0], ast.Expr)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                    and (node.value in codes or "packs/" in node.value)):
                found.append(f"{path.relative_to(package)}:{node.lineno} {node.value!r}")
    assert found == []


def test_no_slot_of_the_pack_is_also_a_slot_of_the_person_grammar():
    # one name, one slot: a constant fills one field (``NOT_NAMES`` aside, which the
    # grammar reads on purpose); the partner packs' judges' titles are the grammar's
    own = {f.name for f in attrs.fields(PackWords)} - {"persons"}
    assert own & {f.name for f in attrs.fields(PersonGrammar)} == {"not_names"}
    assert pack_words("si").persons.magistrate_titles
