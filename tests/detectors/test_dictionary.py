"""DictionaryDetector, PartyListDetector and NameLexiconDetector on invented sentences."""

import gzip
import itertools

import pytest

from judanon.detectors.dictionary import DictionaryDetector
from judanon.detectors.matching import DictionaryError, default_max_edits, word_tokens
from judanon.detectors.name_lexicon import NameLexiconDetector
from judanon.detectors.parties import Party, PartyListDetector
from judanon.entities import PERSONNE_PHYSIQUE, Span
from judanon.packs import load_profile
from judanon.packs.fr.persons import SURNAME_LEAD_PARTICLES, SURNAME_PARTICLES
from judanon.text.lexicons import COMMON_WORD, NameLexicon

#: The French pack's name lexicons, loaded on first use (what the pipeline hands the detectors).
FR_LEXICON = load_profile("fr").lexicon


def _texts(text, spans):
    return [text[s.start : s.end] for s in spans]


# --- DictionaryDetector: exact --------------------------------------------------------


def test_exact_match_reports_entry_offsets_and_specificity():
    det = DictionaryDetector(["Gwenaëlle Kerbrat", "Dumoulin"])
    text = "Mme Gwenaëlle Kerbrat a cédé ses parts à M. Dumoulin."
    spans = det.detect(text)
    assert _texts(text, spans) == ["Gwenaëlle Kerbrat", "Dumoulin"]
    first = spans[0]
    assert first.label == PERSONNE_PHYSIQUE
    assert first.source == "dictionary"
    assert first.evidence == "Gwenaëlle Kerbrat"
    assert (first.specificity, first.score) == (2, 1.0)
    assert all(isinstance(s, Span) for s in spans)


def test_exact_match_ignores_case_and_accents():
    det = DictionaryDetector(["Lefèvre"])
    text = "M. LEFEVRE, puis m. lefèvre, enfin Mme Lefevre."
    spans = det.detect(text)
    assert _texts(text, spans) == ["LEFEVRE", "lefèvre", "Lefevre"]
    assert {s.evidence for s in spans} == {"Lefèvre"}


def test_entry_accents_missing_in_list_still_match_accented_text():
    det = DictionaryDetector(["Helene Mercadier"])
    text = "Hélène MERCADIER était présente."
    assert _texts(text, det.detect(text)) == ["Hélène MERCADIER"]


def test_whole_words_only():
    det = DictionaryDetector(["Martel"])
    text = "Les Martello et Martelière ont vu M. Martel."
    assert _texts(text, det.detect(text)) == ["Martel"]


def test_multi_token_entries_match_across_spacing_and_hyphens_leftmost_longest():
    det = DictionaryDetector(
        [
            "Jean Pierre",
            "Jean-Pierre Dumoulin",
            ("Cour d'appel de Rennes", "etablissement"),
        ]
    )
    text = "JEAN PIERRE DUMOULIN a saisi la cour d’appel de\nRennes ; Jean-Pierre signe."
    spans = det.detect(text)
    assert _texts(text, spans) == ["JEAN PIERRE DUMOULIN", "cour d’appel de\nRennes", "Jean-Pierre"]
    assert [s.label for s in spans] == [PERSONNE_PHYSIQUE, "etablissement", PERSONNE_PHYSIQUE]


def test_multi_token_entry_does_not_match_across_punctuation():
    det = DictionaryDetector(["Anne Morvan"])
    text = "Anne, Morvan et les autres."
    assert det.detect(text) == []


def test_label_pairs_and_default_label():
    det = DictionaryDetector([("Clinique des Tilleuls", "etablissement"), "Morvan"], label="personnePhysique")
    text = "Morvan a été soigné à la Clinique des Tilleuls."
    assert [(text[s.start : s.end], s.label) for s in det.detect(text)] == [
        ("Morvan", "personnePhysique"),
        ("Clinique des Tilleuls", "etablissement"),
    ]


def test_offsets_are_exact_under_crlf_nbsp_and_zero_width_characters():
    det = DictionaryDetector(["Jean Dumoulin", "Kerbrat"])
    text = "Vu\r\nM.\u00a0Jean\u00a0Dumoulin\r\net Mme Ker\u200bbrat\u200b, Jean\r\nDumoulin."
    spans = det.detect(text)
    assert _texts(text, spans) == ["Jean\u00a0Dumoulin", "Ker\u200bbrat", "Jean\r\nDumoulin"]
    assert spans[0].start == text.index("Jean")


def test_decomposed_accents_are_one_token():
    det = DictionaryDetector(["Lefèvre"])
    text = "M. Lefe\u0300vre est venu."  # "è" written as e + combining grave accent
    assert _texts(text, det.detect(text)) == ["Lefe\u0300vre"]


def test_evidence_index_keeps_plaintext_out_of_the_audit_trail():
    det = DictionaryDetector(["Gwenaëlle Kerbrat", "Dumoulin"], evidence="index", name="parties")
    text = "Mme Gwenaëlle Kerbrat contre M. Dumoulin."
    spans = det.detect(text)
    assert [s.evidence for s in spans] == ["parties#0", "parties#1"]
    assert all("Kerbrat" not in s.evidence and "Dumoulin" not in s.evidence for s in spans)


def test_bad_options_raise_helpful_errors():
    with pytest.raises(DictionaryError, match="evidence must be one of"):
        DictionaryDetector(["Morvan"], evidence="plaintext")
    with pytest.raises(DictionaryError, match="entry #1"):
        DictionaryDetector(["Morvan", " -- "])


def test_from_file_reads_entries_and_labels(tmp_path):
    path = tmp_path / "noms.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("# liste de test\nMorvan\nClinique des Tilleuls\tetablissement\n\n")
    det = DictionaryDetector.from_file(path)
    assert det.name == "noms"
    text = "Morvan, Clinique des Tilleuls"
    assert [s.label for s in det.detect(text)] == [PERSONNE_PHYSIQUE, "etablissement"]


def test_word_tokens_offsets():
    text = "Du\u200bpont\u00a0et\r\nN'Diaye"
    tokens = word_tokens(text)
    assert [t for _, _, t in tokens] == ["Du\u200bpont", "et", "N", "Diaye"]
    assert all(text[s:e] == t for s, e, t in tokens)


# --- DictionaryDetector: fuzzy --------------------------------------------------------


def test_fuzzy_off_by_default():
    det = DictionaryDetector(["Lefèvre"])
    assert det.detect("M. Lefébvre est venu.") == []


def test_fuzzy_match_records_entry_and_lower_specificity():
    det = DictionaryDetector(["Lefèvre", "Kerbrat"], fuzzy=True)
    text = "M. Lefébvre et Mme Kerbart sont venus."  # an insertion and a transposition
    spans = det.detect(text)
    assert _texts(text, spans) == ["Lefébvre", "Kerbart"]
    assert [s.evidence for s in spans] == ["Lefèvre", "Kerbrat"]
    assert all(s.specificity == 1 and 0.5 < s.score < 1.0 for s in spans)


def test_fuzzy_respects_edit_budget_and_filters():
    det = DictionaryDetector(["Morvan", "Kerbrat", "Vasseur-Klein"], fuzzy=True)
    # two edits on a 6-letter name, a lowercase token, a token under 4 letters
    text = "M. Marven, le morvaan, Mme Kerb et M. Morvan."
    assert _texts(text, det.detect(text)) == ["Morvan"]
    assert [default_max_edits(n) for n in (3, 4, 7, 8, 12)] == [0, 1, 1, 2, 2]


def test_fuzzy_two_edits_for_long_names():
    det = DictionaryDetector(["Vandenberghe"], fuzzy=True)
    text = "M. Vandenbergue et M. Vanderberge."  # one edit, then two
    assert _texts(text, det.detect(text)) == ["Vandenbergue", "Vanderberge"]


def test_fuzzy_skips_words_written_in_lowercase_elsewhere():
    det = DictionaryDetector(["Vasseau"], fuzzy=True)
    # alone, "Vaisseau" is one insertion away from the entry...
    assert len(det.detect("Vaisseau amiral.")) == 1
    # ...but the same text also writes it in lowercase: a word, not a misspelt name
    assert det.detect("Vaisseau amiral : le vaisseau est parti.") == []


def test_fuzzy_refuses_the_common_words_of_the_lexicon_given():
    # "Maison" is one substitution away from the entry; the lexicon says it is a common word
    lexicon = NameLexicon({"maison": 1000 * 4 + COMMON_WORD}, {})
    text = "La Maison a brûlé."
    assert _texts(text, DictionaryDetector(["Maisan"], fuzzy=True).detect(text)) == ["Maison"]
    assert DictionaryDetector(["Maisan"], fuzzy=True, lexicon=lexicon).detect(text) == []
    assert DictionaryDetector(["Maisan"], fuzzy=True, lexicon=lambda: lexicon).detect(text) == []


def test_fuzzy_multi_token_entry():
    det = DictionaryDetector(["Gwenaëlle Kerbrat"], fuzzy=True)
    text = "Gwenaelle Kerbrrat a signé."
    spans = det.detect(text)
    assert _texts(text, spans) == ["Gwenaelle Kerbrrat"]
    assert spans[0].specificity == 1


# --- Large lists ---------------------------------------------------------------------


def _synthetic_names(count):
    syllables = ["ba", "cor", "dil", "fen", "gra", "hul", "jo", "kel", "lam", "mor", "nev",
                 "pra", "quin", "ros", "sil", "tur", "vel", "wen", "xan", "zor"]
    names = ("".join(p).capitalize() for p in itertools.product(syllables, repeat=4))
    return list(itertools.islice(names, count))


def test_hundred_thousand_entries_exact_and_fuzzy():
    names = _synthetic_names(100_000)
    assert len(set(names)) == 100_000
    det = DictionaryDetector(names, evidence="index", name="big", fuzzy=True)
    target, other = names[54_321], names[99_999]
    typo = target[:-1] + ("x" if target[-1] != "x" else "y")
    text = f"Entre {target} et {other.upper()}, puis {typo}."
    spans = det.detect(text)
    assert _texts(text, spans) == [target, other.upper(), typo]
    assert [s.specificity for s in spans] == [2, 2, 1]
    assert spans[0].evidence == "big#54321"
    # a longer text keeps working: the same sentence many times
    long_text = " ".join([text] * 2000)
    assert len(det.detect(long_text)) == 3 * 2000


# --- PartyListDetector ------------------------------------------------------------------


def test_party_parse():
    assert Party.parse("Jean-Pierre Dumoulin") == Party(("Jean-Pierre",), ("Dumoulin",))
    assert Party.parse("DUMOULIN Jean-Pierre") == Party(("Jean-Pierre",), ("DUMOULIN",))
    assert Party.parse("Anne Marie de La Vasselais", SURNAME_PARTICLES) == \
        Party(("Anne", "Marie"), ("de", "La", "Vasselais"))
    # without the pack's particles the surname is the last word
    assert Party.parse("Anne Marie de La Vasselais") == Party(("Anne", "Marie", "de", "La"), ("Vasselais",))
    assert Party.parse("Kerbrat") == Party((), ("Kerbrat",))
    with pytest.raises(DictionaryError):
        Party.parse("   ")


def _party_matches(text, parties=("Jean-Pierre Dumoulin", "Gwenaëlle Kerbrat"), **kw):
    kw.setdefault("lexicon", FR_LEXICON)  # as the pipeline gives it: the profile's
    det = PartyListDetector(list(parties), **kw)
    return [(text[s.start : s.end], s.evidence, s.specificity) for s in det.detect(text)]


def test_party_first_name_and_surname_are_separate_spans():
    text = "M. Jean-Pierre Dumoulin et Mme Gwenaëlle Kerbrat."
    assert _party_matches(text) == [
        ("Jean-Pierre", "party:0:first", 2),
        ("Dumoulin", "party:0:surname", 2),
        ("Gwenaëlle", "party:1:first", 2),
        ("Kerbrat", "party:1:surname", 2),
    ]


def test_party_variants_capitals_accents_typos():
    text = "JEAN-PIERRE DUMOULIN ; Gwenaelle KERBRAT ; M. Dumoulain ; Mme Kerbrta ; Jean Pierre."
    found = _party_matches(text)
    assert found == [
        ("JEAN-PIERRE", "party:0:first", 2),
        ("DUMOULIN", "party:0:surname", 2),
        ("Gwenaelle", "party:1:first", 2),
        ("KERBRAT", "party:1:surname", 2),
        ("Dumoulain", "party:0:surname", 1),
        ("Kerbrta", "party:1:surname", 1),
        ("Jean Pierre", "party:0:first", 2),
    ]


def test_party_surname_alone_after_civility_and_in_lowercase():
    text = "Attendu que M. Dumoulin soutient que dumoulin est de bonne foi."
    assert [t for t, _, _ in _party_matches(text)] == ["Dumoulin", "dumoulin"]


def test_party_first_name_alone_only_when_capitalized():
    text = "Gwenaëlle a déclaré ; la gwenaëlle du jardin."
    assert [t for t, _, _ in _party_matches(text)] == ["Gwenaëlle"]


def test_party_surname_that_is_a_common_word_needs_a_capital():
    text = "Le petit montant a été versé à M. Petit, dit PETIT."
    found = [t for t, _, _ in _party_matches(text, parties=["Anne Petit"])]
    assert found == ["Petit", "PETIT"]
    # a pack that ships no lexicon cannot tell: the word is taken too
    assert [t for t, _, _ in _party_matches(text, parties=["Anne Petit"], lexicon=None)] == ["petit", "Petit", "PETIT"]


def test_party_compound_surname_and_its_last_word():
    text = "Mme de La Vasselais, dite Mme Vasselais."
    found = [t for t, _, _ in _party_matches(text, parties=["Anne de La Vasselais"], particles=SURNAME_PARTICLES,
                                             lead_particles=SURNAME_LEAD_PARTICLES)]
    assert found == ["La Vasselais", "Vasselais"]


def test_party_evidence_is_plaintext_only_when_asked():
    text = "M. Dumoulin"
    assert _party_matches(text)[0][1] == "party:0:surname"
    assert _party_matches(text, evidence="entry")[0][1] == "Dumoulin"


def test_party_tuples_and_party_values():
    det = PartyListDetector([("Gwenaëlle", "Kerbrat"), Party(("Yannick",), ("Le Goff",))])
    text = "Yannick Le Goff et Gwenaëlle Kerbrat ; M. Le Goff."
    assert _texts(text, det.detect(text)) == ["Yannick", "Le Goff", "Gwenaëlle", "Kerbrat", "Le Goff"]


# --- NameLexiconDetector ----------------------------------------------------------------


def test_name_lexicon_detector_flags_known_names_with_low_specificity():
    det = NameLexiconDetector(FR_LEXICON)
    text = "Attendu que Mme Nathalie Girard et M. Jean-Pierre Rossi, devant la Cour de cassation,"
    spans = det.detect(text)
    assert _texts(text, spans) == ["Nathalie", "Girard", "Jean-Pierre", "Rossi"]
    assert all(s.specificity == 1 and 0 < s.score <= 1 for s in spans)
    assert spans[0].evidence in {"first_name", "first_name+surname"}


def test_name_lexicon_detector_ignores_lowercase_and_compounds_with_words():
    det = NameLexiconDetector(FR_LEXICON)
    text = "la pierre et la rose, à Saint-Denis, Article 700, Vu la Maison."
    assert det.detect(text) == []


def test_name_runs_and_trade_names_in_capitals():
    lex = NameLexicon.from_names(first_names=["Gérard", "Maëlle"], surnames=["Michel", "Kerjean"])
    det = NameLexiconDetector(lexicon=lex, min_run=2, not_after=["société", "sas"])
    text = "Gérard Michel a formé un pourvoi ; Kerjean seul ; la SAS MAËLLE KERJEAN ; la société Maëlle Kerjean."
    got = [text[s.start:s.end] for s in det.detect(text)]
    assert got == ["Gérard", "Michel", "Maëlle", "Kerjean"]
    assert det.detect(text)[-1].start > text.index("société")


def test_cased_partners_take_an_unknown_word_beside_a_known_name():
    from judanon.text.lexicons import NameLexicon

    lexicon = NameLexicon.from_names(["Alix"], ["Durandal"])
    detector = NameLexiconDetector(lexicon, min_run=2, cased_partners=True)
    text = "Hier Alix Quernec est venue. Ensuite Yvon Durandal aussi. Prenez Alix. Vendredi Durandal."
    found = [(text[s.start:s.end], s.evidence) for s in detector.detect(text)]
    assert found == [("Alix", "first_name"), ("Quernec", "cased"), ("Yvon", "cased"), ("Durandal", "surname")]
    # at a sentence start the word before a surname is no first name; without the option nothing pairs
    assert detector.detect("Vendredi Durandal vint.") == []
    # before a word that may be a first name, an unknown word is rather a title
    both = NameLexiconDetector(NameLexicon.from_names(["Claude"], ["Claude"]), min_run=2, cased_partners=True)
    assert both.detect("devant le Président Claude") == []
    assert NameLexiconDetector(lexicon, min_run=2).detect(text) == []
