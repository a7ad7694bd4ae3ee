"""The shipped first-name and surname lexicons and their queries."""

import gzip

import pytest

from judanon.text.lexicons import LEXICON_DIR, LexiconError, NameLexicon, default_lexicon, name_key, not_names


@pytest.fixture(scope="module")
def lex():
    return default_lexicon()


def test_lexicon_loads_from_package_data_once(lex):
    assert (LEXICON_DIR / "first_names.txt.gz").is_file()
    assert (LEXICON_DIR / "surnames.txt.gz").is_file()
    assert len(lex.first_names) > 50_000 and len(lex.surnames) > 50_000
    assert default_lexicon() is lex  # cached


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


def test_not_names_list_is_folded():
    words = not_names()
    assert {"cour", "attendu", "considerant", "decembre"} <= words


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
