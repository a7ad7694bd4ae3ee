"""The shipped first-name and surname lexicons (the French pack's) and their queries."""

import gzip
from pathlib import Path

import pytest

from judanon.packs import load_profile, pack_module
from judanon.text.lexicons import LexiconError, NameLexicon, lexicon_of, name_key, read_words

#: The French pack's lexicon folder.
LEXICON_DIR = Path(pack_module("fr").__file__).parent / "data"


@pytest.fixture(scope="module")
def lex():
    return load_profile("fr").lexicon()


def test_lexicon_loads_from_the_pack_data_once(lex):
    assert (LEXICON_DIR / "first_names.txt.gz").is_file()
    assert (LEXICON_DIR / "surnames.txt.gz").is_file()
    assert len(lex.first_names) > 50_000 and len(lex.surnames) > 50_000
    assert load_profile("fr").lexicon() is lex  # cached
    assert lexicon_of(load_profile("fr").lexicon) is lex and lexicon_of(lex) is lex


def test_lexicon_files_are_sorted_key_rank_flag_lines():
    with gzip.open(LEXICON_DIR / "surnames.txt.gz", "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    keys = [line.split("\t")[0] for line in lines[:2000]]
    assert keys == sorted(keys)
    key, rank, flag = lines[0].split("\t")
    assert key == name_key(key) and int(rank) >= 1 and flag in {"0", "1", "2"}


@pytest.mark.parametrize("name", ["Marie", "Nathalie", "Mohamed", "Fatima", "Aurélien", "Inès", "Yannick"])
def test_known_first_names(lex, name):
    assert lex.is_first_name(name)


@pytest.mark.parametrize("name", ["Dupont", "Lefebvre", "Nguyen", "Kowalski", "Fernandes", "Diallo", "Yilmaz", "Haddad"])
def test_known_surnames(lex, name):
    assert lex.is_surname(name)


def test_lookups_ignore_accents_and_capitals_but_not_lowercase(lex):
    assert lex.is_first_name("HÉLÈNE") and lex.is_first_name("Helene") and lex.is_first_name("Hélène")
    assert not lex.is_first_name("hélène")
    assert lex.is_first_name("hélène", ignore_case=True)


@pytest.mark.parametrize("word", ["maison", "article", "cour", "pierre", "rose", "martin", "code"])
def test_lowercase_common_words_are_not_names(lex, word):
    assert not lex.is_name(word)
    assert lex.name_likelihood(word) == 0.0


@pytest.mark.parametrize(
    "word", ["Cour", "Article", "Code", "Vu", "Attendu", "Monsieur", "Tribunal", "Maison", "Janvier", "Rue", "Paris"]
)
def test_capitalized_legal_and_common_words_are_not_names(lex, word):
    assert not lex.is_name(word)
    assert lex.is_common_word(word)


def test_names_that_are_also_words(lex):
    # Pierre and Rose are names when capitalized; Petit and Blanc too, flagged as words
    assert lex.is_first_name("Pierre") and lex.is_first_name("Rose")
    assert lex.is_surname("Petit") and lex.is_common_word("petit")
    assert lex.name_likelihood("Blanc") < lex.name_likelihood("Dupont")
    assert not lex.is_common_word("Dupont")


def test_name_likelihood_ranks_common_names_higher(lex):
    common, rare = lex.name_likelihood("Marie"), lex.name_likelihood("Kerbrat")
    assert 0.0 < rare < common <= 1.0
    assert lex.name_likelihood("Xqzwv") == 0.0
    assert lex.rank("Marie") < lex.rank("Kerbrat")
    assert lex.rank("Xqzwv") is None


def test_not_names_list_is_folded(lex):
    words = read_words(LEXICON_DIR / "not_names.txt")
    assert {"cour", "attendu", "considerant", "decembre"} <= words
    assert lex.stop_words == words  # the pack's stop words


def test_name_key_folds_case_accents_and_invisible_characters():
    assert name_key("Hé\u200blène") == "helene"
    assert name_key("ŁUKASZ") == "lukasz"
    assert name_key("Œdipe") == "oedipe"
    assert name_key("N’Diaye") == "n'diaye"


def test_custom_lexicon_from_names():
    lex = NameLexicon.from_names(first_names=["Gwenaëlle"], surnames=["Kerbrat"])
    assert lex.is_first_name("GWENAELLE") and lex.is_surname("Kerbrat")
    assert not lex.is_surname("Gwenaëlle")


def test_missing_lexicon_directory_raises_helpful_error(tmp_path):
    with pytest.raises(LexiconError, match="judanon.build.lexicons"):
        NameLexicon.load(tmp_path)


def test_a_lexicon_is_given_or_loaded_by_a_function():
    names = NameLexicon.from_names(["Alix"], ["Quernec"])
    assert lexicon_of(lambda: names) is names
    with pytest.raises(TypeError, match="NameLexicon"):
        lexicon_of("fr")
    with pytest.raises(TypeError, match="returned"):
        lexicon_of(lambda: None)
