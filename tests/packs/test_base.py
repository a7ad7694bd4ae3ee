"""A pack's words reach the machinery: detectors, tokenizer and strategies take them as
arguments, and change what they do when a pack gives other words."""

import pickle
import types

import attrs
import pytest

import judanon
from judanon.detectors.neural import FlairDetector
from judanon.detectors.person_grammar import PersonGrammar
from judanon.detectors.persons import PersonContextDetector
from judanon.packs import Profile, detectors_of, load_profile, pack_words
from judanon.replace.strategies import Surrogate, SurrogateWords
from judanon.text.lexicons import NameLexicon
from judanon.text.tokenize import sentences

GERMAN = PersonGrammar(
    civilities_singular=("Herr", "Frau"), civilities_plural=("Herren",), conjunctions=("und",),
    name_particles=("von", "zu"), not_names={"gericht", "klage"}, lawyer_titles=("Rechtsanwalt",),
    lawyer_words=("Rechtsanwalt", "Rechtsanwältin"),
)
TEXT = "Herr Hans Müller und Frau Erika von Stein erheben Klage."
#: A language whose pack ships no names.
NO_NAMES = NameLexicon.from_names()


def surfaces(text, spans):
    return [(text[s.start:s.end], s.label) for s in spans]


def test_a_small_grammar_drives_the_person_detector():
    got = surfaces(TEXT, PersonContextDetector(GERMAN, NO_NAMES).detect(TEXT))
    assert got == [("Hans", "personnePhysique"), ("Müller", "personnePhysique"),
                   ("Erika", "personnePhysique"), ("von Stein", "personnePhysique")]
    # the French words know neither civility
    assert PersonContextDetector(pack_words("fr").persons, load_profile("fr").lexicon).detect(TEXT) == []


def test_the_french_grammar_is_the_packs_read_once():
    assert pack_words("fr").persons is pack_words("fr").persons
    french = PersonContextDetector(pack_words("fr").persons, load_profile("fr").lexicon)
    assert french.grammar.civilities_singular[0] == "M."
    assert french.lexicon is load_profile("fr").lexicon()  # loaded on first use, once


def test_person_detector_pickles_as_its_words():
    detector = PersonContextDetector(GERMAN, NO_NAMES)
    copy = pickle.loads(pickle.dumps(detector))
    assert copy.grammar == GERMAN
    assert copy.detect(TEXT) == detector.detect(TEXT)


def test_a_grammar_must_be_one():
    with pytest.raises(TypeError, match="PersonGrammar"):
        PersonContextDetector(["Herr"], NO_NAMES)
    with pytest.raises(TypeError):
        PersonContextDetector(GERMAN)  # the names come from the pack too
    with pytest.raises(TypeError, match="NameLexicon"):
        PersonContextDetector(GERMAN, "fr")


def test_profile_abbreviations_cut_the_neural_detectors_sentences(flair_detector):
    fr = load_profile("fr")
    assert flair_detector.abbreviations == fr.abbreviations  # the shipped model: French
    # the pipeline's tagger for a model path: the profile's words when the model records none
    detector, = [d for d in detectors_of(attrs.evolve(fr, neural=None), None, flair_detector.model_path, True)
                 if type(d).__name__ == "FlairDetector"]
    assert detector.abbreviations == fr.abbreviations
    # a model that records none is cut with the caller's words
    other = FlairDetector(flair_detector.model_path, abbreviations={"Vu"})
    assert other.abbreviations == frozenset({"vu"})
    assert len(sentences("Vu. Ravel statue.", abbreviations=other.abbreviations)) == 1


def test_a_model_records_the_abbreviations_it_was_trained_with():
    from judanon.detectors.neural import tagger_abbreviations

    # stand-ins for a Flair tagger: only its embeddings' segmentation record is read
    trained = types.SimpleNamespace(embeddings=types.SimpleNamespace(segmentation={"abbreviations": ["vu"]}))
    shipped = types.SimpleNamespace(embeddings=types.SimpleNamespace(segmentation={"max_tokens": 150}))
    assert tagger_abbreviations(trained, load_profile("fr").abbreviations) == frozenset({"vu"})
    assert tagger_abbreviations(shipped, load_profile("fr").abbreviations) == load_profile("fr").abbreviations
    assert tagger_abbreviations(shipped, load_profile("pl").abbreviations) == load_profile("pl").abbreviations
    assert tagger_abbreviations(shipped) == frozenset()


def test_surrogate_takes_its_words_from_the_pack_or_the_caller():
    assert Surrogate().words == load_profile("fr").surrogate_words
    assert Surrogate().locale == "fr_FR"
    german = SurrogateWords(locale="de_DE", male_civilities=("Herr",), female_civilities=("Frau",),
                            months=("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                                    "September", "Oktober", "November", "Dezember"))
    from word_detector import WordDetector

    text = "Frau Erika Stein, geboren am 3 juillet 1975."
    anon = judanon.Anonymizer(detectors=[WordDetector({"Erika": "personnePhysique",
                                                       "3 juillet 1975": "dateNaissance"})],
                              strategy=Surrogate(words=german))
    out = anon.anonymize(text).text
    assert "juillet" not in out and any(m.lower() in out for m in german.months)  # lowercase kept
    with pytest.raises(ValueError, match="12 month names"):
        SurrogateWords(months=("Januar",))


def test_invented_names_use_the_packs_sounds():
    import random

    from judanon.text.lexicons import invent_name

    sounds = (("k",), ("a",), ("",))
    assert invent_name(random.Random(1), sounds) in ("kaka", "kakaka")
    fr = load_profile("fr")
    assert any(v in invent_name(random.Random(2), fr.name_sounds) for v in "aeiouéy")


def test_a_profile_without_words_is_language_free():
    bare = Profile(code="xx", detectors=lambda: [])
    assert bare.abbreviations == frozenset() and bare.name_sounds == () and bare.surrogate_words is None
