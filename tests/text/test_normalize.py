"""The normalized view and its offset map; the one folding key; the one zero-width set."""

import pytest

from judanon.text import lexicons, tokenize
from judanon.text.normalize import ZERO_WIDTH, fold, fold_key, normalize


@pytest.mark.parametrize("original, view", [
    ("Du\u200bpont", "Dupont"),
    ("Du\u00adpont", "Dupont"),
    ("Du\u2060p\u200eont", "Dupont"),
    ("Dupe\u0301", "Dupé"),                        # decomposed accent
    ("\uff24\uff55\uff50\uff4f\uff4e\uff54", "Dupont"),  # fullwidth
    ("D\u0443p\u043ent", "Dypont"),                # Cyrillic у (y), о inside a Latin word
    ("M. \u0421\u043e\u0435 a dit", "M. Coe a dit"),  # a word made of look-alikes only, in Latin text
    ("M.\u00a0Dupont", "M. Dupont"),
    ("M.\r\nDupont", "M.\nDupont"),
    ("Dupon-\nt", "Dupont"),
    ("Saint-\nDenis", "Saint-\nDenis"),          # a hyphen before a capital stays
])
def test_view(original, view):
    assert normalize(original).text == view


def test_cyrillic_words_stay_cyrillic():
    assert normalize("Иван Петров").text == "Иван Петров"


def test_greek_text_keeps_its_look_alike_words():
    # in a Greek decision, "κ." (a civility) and "ΤΟ" are Greek words, not spoofed Latin ones
    text = "Ο μάρτυρας κ. Νικόλαος Παπαδόπουλος κατέθεσε ΤΟ ΑΚΟΛΟΥΘΟ."
    assert normalize(text).text == text


def test_identity_when_nothing_to_undo():
    v = normalize("M. Jean Dupont, né à Paris.")
    assert v.identical and v.text == v.original


@pytest.mark.parametrize("original", [
    "M. Jean Du\u200bpont, né le 3 mars.",
    "Mme He\u0301le\u0300ne \u200b\u200bMARTIN\u00ad et M. \uff24upont",
    "Entre M. Jean\r\nDupon-\r\nt et Mme Durand.\r\n",
    "\u200bA\u200b",
])
def test_every_view_span_maps_back_to_the_same_letters(original):
    view = normalize(original)
    for a in range(len(view.text)):
        for b in range(a + 1, len(view.text) + 1):
            s, e = view.span(a, b)
            assert 0 <= s < e <= len(original)
            # the original slice, normalized, is the view slice (edges never cut an edit)
            assert normalize(original[s:e]).text == view.text[a:b], (a, b)


def test_span_edges_leave_invisible_characters_outside():
    original = "M. \u200bDupont\u200b, venu"
    view = normalize(original)
    a = view.text.index("Dupont")
    assert original[slice(*view.span(a, a + 6))] == "Dupont"


def test_fold_keeps_length_and_folds_case_and_accents():
    for text in ("Hélène ŁUKASZ Çà", "x\u00a0y’z"):
        assert len(fold(text)) == len(text)
    assert fold("Hélène ŁUKASZ") == "helene lukasz"


@pytest.mark.parametrize("variant", ["Hélène", "HELENE", "He\u0301le\u0300ne", "Hé\u200blène", "\uff28élène",
                                     "H\u0435l\u0435ne"])
def test_fold_key_of_every_variant_is_one_key(variant):
    assert fold_key(variant) == "helene"


def test_fold_key_ligatures_and_spaces():
    assert fold_key("  Œdipe   Roi ") == "oedipe roi"


def test_one_zero_width_set_in_the_package():
    assert tokenize.ZERO_WIDTH is ZERO_WIDTH
    assert "\u00ad" in ZERO_WIDTH and "\u200b" in ZERO_WIDTH


def test_name_key_is_fold_key():
    for word in ("Hélène", "N’Diaye", "ŁUKASZ", "Œdipe"):
        assert lexicons.name_key(word) == fold_key(word)
