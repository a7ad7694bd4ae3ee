"""The analyses of a decision shared by its readers: the same results as the plain
computations, computed once."""

import pickle

from judanon.text.normalize import fold
from judanon.text.shared import shared, split_words

DECISION = ("M. Jean-Pierre DUPONT, né le 3 mars 1970 à Évreux, demeurant 12 rue de l'Église ; "
            "Mme Hélène d'Artagnan e\u0301pouse Du\u200bpont\r\nSCP Martin & Associés")


def test_analyses_are_those_of_the_text():
    text = shared(DECISION)
    assert text == DECISION and shared(text) is text
    assert text.lowered == DECISION.lower() and text.folded == fold(DECISION)
    raws, cum = text.words
    assert (raws, cum) == split_words(DECISION)
    assert [DECISION[a:b] for a, b in zip(text.word_starts, text.word_ends)] == raws
    assert [raws[k] for k in text.name_cased] == [w for w in raws if w[0].isupper()]
    assert "Jean" in [DECISION[a:b] for a, b in text.capitalized]
    assert "Artagnan" not in [DECISION[a:b] for a, b in text.capitalized]  # inside d'Artagnan


def test_a_slice_or_a_copy_is_plain_text():
    text = shared(DECISION)
    assert type(text[0:5]) is str
    copy = pickle.loads(pickle.dumps(text))
    assert copy == DECISION and type(copy) is str
