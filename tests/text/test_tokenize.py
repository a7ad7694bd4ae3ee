"""The tokenizer shared by the neural detector and its training."""

from judanon.packs import load_profile
from judanon.text.tokenize import MAX_SENTENCE_TOKENS, Token, normalize_token, sentences, tokenize

FR = load_profile("fr").abbreviations


def texts(tokens):
    return [t.text for t in tokens]


def assert_exact(text, tokens):
    for t in tokens:
        assert text[t.start : t.end] == t.text


def test_words_punctuation_and_abbreviations():
    text = "M. Dupont, art. 700 du C. civ., n° 12."
    tokens = tokenize(text, FR)
    assert texts(tokens) == ["M.", "Dupont", ",", "art.", "700", "du", "C.", "civ.", ",", "n°", "12", "."]
    assert_exact(text, tokens)


def test_hyphens_and_apostrophes_are_tokens_of_their_own():
    text = "Mme Anne-Sophie d'Orvilliers, à Saint-Ouen-l’Aumône"
    assert texts(tokenize(text)) == [
        "Mme", "Anne", "-", "Sophie", "d", "'", "Orvilliers", ",", "à",
        "Saint", "-", "Ouen", "-", "l", "’", "Aumône",
    ]


def test_runs_of_one_punctuation_character_are_one_token():
    assert texts(tokenize("____ ... ---")) == ["____", "...", "---"]


def test_offsets_exact_with_crlf_nbsp_and_zero_width_characters():
    text = "Mme\u00a0Paule\u200bFerrandi\r\ndemeurant\u202f12 rue\u2060 Haute\r\n\r\nFin."
    tokens = tokenize(text)
    assert_exact(text, tokens)
    assert texts(tokens) == ["Mme", "Paule\u200bFerrandi", "demeurant", "12", "rue", "Haute", "Fin", "."]
    # the model sees the word without the zero-width space
    assert tokens[1].norm == "PauleFerrandi"


def test_zero_width_character_alone_is_not_a_token():
    text = "a \u200b b"
    assert texts(tokenize(text)) == ["a", "b"]


def test_normalize_token():
    assert normalize_token("l’") == "l'"
    assert normalize_token("Du\u00adpont") == "Dupont"
    assert normalize_token("plain") == "plain"


def test_abbreviations_do_not_end_sentences():
    text = (
        "Vu l'art. 1240 du C. civ. et Cass. 1re civ., 3 mai 2000, n° 98-11.381, al. 2, etc. "
        "M. Ravel et Mme Lune, assistés de Me Soult, MM. Arnaud et Bastide. La cour statue."
    )
    result = sentences(text, abbreviations=FR)
    assert len(result) == 2
    assert texts(result[0])[-1] == "."
    assert texts(result[1]) == ["La", "cour", "statue", "."]


def test_the_abbreviations_come_from_the_caller():
    text = "Vu l'art. 1240 du code. M. Ravel statue."
    # no language given: only initials keep their period ("M." here)
    assert texts(tokenize(text))[3:5] == ["art", "."]
    assert [texts(s)[0] for s in sentences(text)] == ["Vu", "1240", "M."]
    # the French pack's list: "art." is one token and ends no sentence
    assert "art." in texts(tokenize(text, FR))
    assert [texts(s)[0] for s in sentences(text, abbreviations=FR)] == ["Vu", "M."]
    # another language's list cuts another way: "Vu." is an abbreviation there
    assert len(sentences("Vu. Ravel statue.", abbreviations=frozenset({"vu"}))) == 1
    assert len(sentences("Vu. Ravel statue.")) == 2


def test_sentence_ends_at_period_before_capital_and_at_blank_lines():
    text = "Le juge statue. Il rejette la demande\n\nPAR CES MOTIFS\nLa cour confirme"
    result = [texts(s) for s in sentences(text)]
    assert result == [
        ["Le", "juge", "statue", "."],
        ["Il", "rejette", "la", "demande"],
        ["PAR", "CES", "MOTIFS", "La", "cour", "confirme"],
    ]


def test_period_followed_by_lowercase_or_digit_glued_does_not_split():
    result = sentences("le pourvoi n° 23-16.925 est rejeté. et encore")
    assert len(result) == 1


def test_initials_keep_their_period():
    result = sentences("J. Valmont et P. Ormesson sont présents.")
    assert len(result) == 1
    assert texts(result[0])[:2] == ["J.", "Valmont"]


def test_long_runs_are_bounded():
    text = " ".join(["mot"] * 1000)
    result = sentences(text)
    assert all(len(s) <= MAX_SENTENCE_TOKENS for s in result)
    assert sum(len(s) for s in result) == 1000


def test_long_runs_cut_preferably_after_a_comma():
    text = ", ".join(" ".join(["mot"] * 9) for _ in range(40))
    result = sentences(text, max_tokens=50)
    assert all(len(s) <= 50 for s in result)
    assert all(s[-1].text == "," for s in result[:-1])


def test_sentences_cover_every_token_in_order():
    text = "M. Valmont, né le 3 mai 1970. Domicilié 4 rue Haute\r\n75001 Paris.\n\n Fin"
    flat = [t for s in sentences(text, abbreviations=FR) for t in s]
    assert flat == tokenize(text, FR)


def test_empty_and_blank_text():
    assert tokenize("") == []
    assert sentences("") == []
    assert sentences(" \r\n\u00a0\u200b ") == []


def test_token_is_a_value():
    assert Token(0, 2, "Le") == Token(0, 2, "Le")
