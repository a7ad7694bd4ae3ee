"""The neural detector with the REAL model the French pack ships (``judanon/packs/fr/models/``)."""

import hashlib
import os
import subprocess
import sys

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest
import regex

pytest.importorskip("flair")

from judanon.detectors.neural import FlairDetector
from judanon.entities import Span
from judanon.errors import ArgumentTypeError, ModelNotFoundError, NeuralUnavailableError
from judanon.packs import load_profile, pack_words
from support import ROOT

FR = load_profile("fr")
#: The tagger the French pack ships.
MODEL = FR.tagger

PARTY = (
    "Mme Clémence Varogne, demeurant 14 rue des Tanneurs, 69003 Lyon, a formé un pourvoi "
    "contre l'arrêt rendu le 3 mai 2023. M. Anatole Brissac, né le 12 avril 1961, est intimé."
)


# subprocesses import this checkout of judanon
SUBPROCESS_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


ADDRESS = (
    "Mme Clémence Varogne, née le 12 avril 1961 à Bordeaux, demeurant 14, rue des Tanneurs\n"
    "69003 Lyon, a formé un pourvoi."
)


@pytest.fixture(scope="module")
def detector(flair_detector):
    return flair_detector


def by_text(text, spans, label=None):
    return {text[s.start : s.end] for s in spans if label is None or s.label == label}


def test_shipped_model_exists_and_is_small():
    assert MODEL.is_file()
    assert MODEL.stat().st_size <= 50 * 1024 * 1024


def test_detects_invented_persons(detector):
    spans = detector.detect(PARTY)
    persons = by_text(PARTY, spans, "personnePhysique")
    # Label-style spans: first name and surname are separate mentions
    assert {"Varogne", "Brissac"} <= persons
    assert "Clémence" in persons or "Clémence Varogne" in persons


def test_party_sentence_has_no_spurious_spans(detector):
    spans = detector.detect(PARTY)
    assert not by_text(PARTY, spans) & {"pourvoi", "arrêt", "3 mai 2023", "intimé"}


def test_detects_address_and_town(detector):
    spans = detector.detect(ADDRESS)
    found = {(ADDRESS[s.start : s.end], s.label) for s in spans}
    assert ("14, rue des Tanneurs", "adresse") in found
    # the birth town; the model misses the postal line "69003 Lyon" here (the rules
    # find it: test_default_profile), as the Cour de cassation's annotations often skip it
    assert ("Bordeaux", "localite") in found
    assert {"Clémence", "Varogne"} <= by_text(ADDRESS, spans, "personnePhysique")


def test_tells_magistrates_and_lawyers_from_parties(detector):
    text = (
        "Composition de la juridiction : Mme Irène Vautrin, présidente, M. Hugo Ferrand, greffier.\n\n"
        "DEMANDEUR :\n\nM. Anatole Brissac\ndemeurant 3 avenue du Parc\n38000 Grenoble\n\n"
        "représenté par Me Sonia Reyval, avocat au barreau de Grenoble"
    )
    spans = detector.detect(text)
    assert {"Vautrin", "Ferrand"} <= by_text(text, spans, "professionnelMagistratGreffier")
    assert {"Anatole", "Brissac"} <= by_text(text, spans, "personnePhysique")
    assert by_text(text, spans, "professionnelAvocat") & {"Sonia Reyval", "Reyval"}


def test_span_fields(detector):
    spans = detector.detect(PARTY)
    assert spans
    for s in spans:
        assert isinstance(s, Span)
        assert s.source == detector.name == "flair"
        assert s.evidence == detector.model_name == MODEL.name
        assert s.specificity == 1
        assert 0.0 < s.score <= 1.0
    assert spans == sorted(spans, key=lambda s: (s.start, s.end))


def test_audit_attributes(detector):
    expected = hashlib.sha256(MODEL.read_bytes()).hexdigest()
    assert detector.model_sha256 == expected
    assert detector.version.endswith(expected[:12])


@pytest.mark.parametrize(
    "variant",
    [
        PARTY.replace(" ", "\u00a0"),
        PARTY.replace(", ", ",\r\n"),
        PARTY.replace("Varogne", "Var\u200bogne").replace("Brissac", "\u200bBrissac"),
        "\ufeff" + PARTY.replace(". ", ".\r\n\r\n"),
    ],
    ids=["nbsp", "crlf", "zero-width", "bom-blank-lines"],
)
def test_offsets_exact_under_invisible_characters(detector, variant):
    spans = detector.detect(variant)
    persons = {variant[s.start : s.end].replace("\u200b", "") for s in spans if s.label == "personnePhysique"}
    assert {"Varogne", "Brissac"} <= persons
    for s in spans:
        piece = variant[s.start : s.end]
        assert piece == piece.strip(" \u00a0\r\n\u200b\ufeff")  # never starts or ends on filler


def test_zero_width_inside_a_name_is_covered(detector):
    text = "Mme Clémence Var\u200bogne, demeurant 14 rue des Tanneurs, a formé un pourvoi."
    spans = detector.detect(text)
    assert "Var\u200bogne" in by_text(text, spans, "personnePhysique")


def test_empty_and_blank_text(detector):
    assert detector.detect("") == []
    assert detector.detect(" \r\n\u00a0 ") == []
    assert detector.detect_many([]) == []


def spans_key(spans):
    return [(s.start, s.end, s.label) for s in spans]


def test_batches_give_the_same_spans(detector):
    other = "Le conseil de M. Gaspard Ollivier, Me Sonia Reyval, plaide. La cour, présidée par Mme Irène Vautrin, statue."
    together = detector.detect_many([PARTY, other, ""])
    alone = [detector.detect(PARTY), detector.detect(other), []]
    assert [spans_key(s) for s in together] == [spans_key(s) for s in alone]
    # scores agree up to float rounding (batched matrix products sum in another order)
    for a, b in zip(together[0] + together[1], alone[0] + alone[1]):
        assert a.score == pytest.approx(b.score, abs=1e-4)
    one_by_one = FlairDetector(MODEL, batch_size=1)
    assert [spans_key(s) for s in one_by_one.detect_many([PARTY, other])] == [spans_key(s) for s in alone[:2]]


def test_labels_and_min_score_filter(detector):
    only_towns = FlairDetector(MODEL, labels={"localite"})
    spans = only_towns.detect(ADDRESS)
    assert spans and {s.label for s in spans} == {"localite"}
    all_spans = detector.detect(ADDRESS)
    threshold = sorted(s.score for s in all_spans)[len(all_spans) // 2]
    confident = FlairDetector(MODEL, min_score=threshold).detect(ADDRESS)
    assert 0 < len(confident) < len(all_spans) or threshold == max(s.score for s in all_spans)
    assert all(s.score >= threshold for s in confident)


def test_per_label_min_scores(detector):
    all_spans = detector.detect(ADDRESS)
    towns = [s.score for s in all_spans if s.label == "localite"]
    assert towns
    strict = FlairDetector(MODEL, min_scores={"localite": 1.0}).detect(ADDRESS)
    assert [s for s in strict if s.label == "localite"] == [s for s in all_spans if s.label == "localite" and s.score >= 1.0]
    others = lambda spans: [s for s in spans if s.label != "localite"]
    assert others(strict) == others(all_spans)
    assert FlairDetector(MODEL, min_scores={"localite": 0.3}).audit_details()["min_scores"] == "localite=0.3"


@pytest.mark.parametrize("surface, kept", [
    ("Dupont", True), ("ÉLISE", True), ("¿ric", True), ("de Villepin", True), ("d'Ornano", True),
    ("van Dijk", True), ("alias", False), ("alias Paul", False), ("du", False), ("absent", False),
])
def test_name_spans_must_start_like_a_name(surface, kept):
    # the model sometimes tags "alias" in "Jean Dupont alias Paul Martin"
    from judanon.detectors.neural import _starts_like_a_name, leading_particles
    from judanon.packs.fr.persons import LEADING_NAME_PARTICLES

    assert _starts_like_a_name(surface, leading_particles(LEADING_NAME_PARTICLES)) is kept


@pytest.mark.parametrize("text, inside", [
    ("condamne la société Krantz & Cuvelier", True),
    ("condamne la SA BNP Paribas", True),
    ("la société Lyonvergersport-Athletic", True),
    ("La Société Civile Immobilière Martin", True),
    ("la société, représentée par Martin", False),
    ("la société a licencié M. Paribas", False),
    ("Paribas", False),
])
def test_person_guesses_inside_company_names(text, inside):
    from judanon.packs.fr.persons import COMPANY_FORMS
    from judanon.packs.fr.words import NEURAL_COMPANY_CONNECTORS

    detector = FlairDetector(MODEL, company_forms=COMPANY_FORMS, company_connectors=NEURAL_COMPANY_CONNECTORS)
    last = text.rsplit(" ", 1)[-1].rsplit("-", 1)[-1]
    assert detector._in_company_name(text, text.rindex(last)) is inside


def test_company_filter_drops_only_doubtful_person_spans(detector):
    from judanon.packs.fr.persons import COMPANY_FORMS

    text = "La société Dupont Martin a licencié M. Jean Dupont."
    strict = FlairDetector(MODEL, company_forms=COMPANY_FORMS, company_min_score=1.0).detect(text)
    plain = detector.detect(text)
    dropped = [s for s in plain if s not in strict]
    assert all(s.label == "personnePhysique" and s.start < text.index(" a licencié") for s in dropped)
    assert {"Jean", "Dupont"} <= {text[s.start:s.end] for s in strict if s.start > text.index("M.")}


def test_no_lowercase_name_span_from_the_model(detector):
    text = ("M. Jean Dupont alias Paul Martin, dit le grand, a été entendu ; X se disant Éric Amélie, "
            "alias Éric Hugues, né le 3 mai, et Mme Hélène de Villepin, épouse du Pont.")
    spans = [s for s in detector.detect(text) if s.label == "personnePhysique"]
    assert {"Jean", "Dupont", "Paul", "Martin"} <= by_text(text, spans)
    assert all(text[s.start:s.end][:1].isupper() or text[s.start:s.end].startswith(("de ", "du ")) for s in spans)
    assert detector.audit_details()["capitalized_names"] is True


CIVILITY_TEXT = ("Entendue par les gendarmes, Mlle Sandrine Lacombe a maintenu sa version. Mademoiselle "
                 "Lucie Barret et Melle Agathe Royer ont confirmé ; Mlle Barret est mineure.")


def test_the_pack_s_tagger_never_takes_a_civility_for_a_name():
    # "Mlle Sandrine Lacombe" published as "[Z] [G] [C]": the civility is no part of the name
    tagger = FR.neural(None)
    names = by_text(CIVILITY_TEXT, [s for s in tagger.detect(CIVILITY_TEXT) if s.label in ("personnePhysique",)])
    assert {"Sandrine", "Lacombe", "Lucie", "Agathe", "Royer"} <= names
    assert not any(word in name.split() for name in names for word in ("Mlle", "Mademoiselle", "Melle"))


def test_a_civility_before_a_name_stays_published(default_anonymizer):
    # the whole pipeline: each civility stays, the name after it is replaced part by part
    text = CIVILITY_TEXT + "\n\nLe 4 mars 2019, MLLE SANDRINE LACOMBE a saisi le conseil."
    published = default_anonymizer.anonymize(text).text
    for civility in ("Mlle", "Mademoiselle", "Melle", "MLLE"):
        assert regex.search(regex.escape(civility) + r" \[\p{Lu}\] \[\p{Lu}\]", published), civility
    assert not {"Sandrine", "Lacombe", "SANDRINE", "LACOMBE", "Barret", "Royer"} & set(published.split())


def test_not_names_trim_a_name_span_and_drop_one_made_of_them(detector):
    words = ("Mlle", "Mademoiselle", "Melle")
    plain = detector.detect(CIVILITY_TEXT)
    trimmed = FlairDetector(MODEL, not_names=words).detect(CIVILITY_TEXT)
    assert all(CIVILITY_TEXT[s.start:s.end].split()[0] not in words for s in trimmed if s.label == "personnePhysique")
    # the other spans are the plain detector's
    assert [s for s in trimmed if s.label != "personnePhysique"] == [s for s in plain if s.label != "personnePhysique"]


def test_long_text_without_punctuation(detector):
    text = " ".join(["mot"] * 600) + " M. Anatole Brissac comparaît"
    spans = detector.detect(text)
    assert "Brissac" in by_text(text, spans, "personnePhysique")


def test_missing_model_path(tmp_path):
    with pytest.raises(ModelNotFoundError, match="no tagger model"):
        FlairDetector(tmp_path / "absent.pt")
    assert issubclass(ModelNotFoundError, FileNotFoundError)


def test_the_model_comes_from_the_caller():
    with pytest.raises(TypeError):
        FlairDetector()  # no default model: a pack gives its own (judanon.packs.load_profile(code).tagger)
    with pytest.raises(ArgumentTypeError, match="model_path must be a path"):
        FlairDetector(None)
    assert MODEL.is_file() and MODEL.parent.name == "models" and MODEL.parent.parent.name == "fr"


def test_bad_arguments():
    with pytest.raises(ValueError):
        FlairDetector(MODEL, batch_size=0)
    with pytest.raises(ValueError):
        FlairDetector(MODEL, min_score=2.0)
    with pytest.raises(ValueError, match="company_min_score"):
        FlairDetector(MODEL, company_min_score=1.5)
    with pytest.raises(ValueError, match="personnePhysique"):
        FlairDetector(MODEL, min_scores={"personnePhysique": -0.1})


def test_module_import_does_not_import_torch_or_flair():
    code = "import sys, judanon.detectors.neural; print('torch' in sys.modules, 'flair' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=SUBPROCESS_ENV)
    assert out.stdout.split() == ["False", "False"]


def test_missing_torch_raises_a_helpful_import_error():
    code = (
        "import sys; sys.modules['torch'] = None\n"
        "from judanon.detectors.neural import FlairDetector\nfrom judanon.errors import NeuralUnavailableError\n"
        f"try:\n    FlairDetector({str(MODEL)!r})\n"
        "except NeuralUnavailableError as exc:\n    print(isinstance(exc, ImportError)); print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=SUBPROCESS_ENV)
    first, message = out.stdout.split("\n", 1)
    assert first == "True"
    assert 'pip install "judanon[neural]"' in message
    assert issubclass(NeuralUnavailableError, ImportError)


def test_loading_prints_nothing(capfd):
    # stdout may carry the published text: Flair's INFO lines must not reach it
    FlairDetector(MODEL)
    assert capfd.readouterr().out == ""


def test_default_anonymizer_uses_the_model_and_records_it(default_anonymizer):
    import hashlib


    names = [type(d).__name__ for d in default_anonymizer.detectors]
    assert "FlairDetector" in names
    text = "M. Goulven Kerhervé, né le 3 mai 1970, demeure 2 rue de Brest à Morlaix."
    result = default_anonymizer.anonymize(text)
    assert "Goulven" not in result.text and "Kerhervé" not in result.text
    info = next(d for d in result.audit.detectors if d.name == "flair")
    details = dict(info.details)
    digest = hashlib.sha256(open(MODEL, "rb").read()).hexdigest()
    assert details["model_sha256"] == digest
    assert details["model"] == "fr-label-tagger.pt"
    assert any("flair" in e.source for e in result.entities)


def test_anonymizer_with_a_court_s_own_model(tmp_path):
    import shutil

    import judanon
    from judanon.detectors.persons import PersonContextDetector

    ours = tmp_path / "our-court.pt"
    shutil.copyfile(MODEL, ours)
    anon = judanon.Anonymizer(model=ours)
    neural = anon.detectors[-1]
    assert isinstance(neural, FlairDetector) and neural.model_path == ours
    assert neural.min_score == pack_words("fr").neural_min_score == 0.5  # the profile's settings
    assert [type(d).__name__ for d in anon.detectors[:-1]] == \
        [type(d).__name__ for d in judanon.pipeline.default_detectors(neural=False)]
    result = anon.anonymize("M. Goulven Kerhervé a formé un pourvoi.")
    assert "Kerhervé" not in result.text
    info = next(d for d in result.audit.detectors if d.name == "flair")
    assert dict(info.details)["model"] == "our-court.pt"

    explicit = judanon.Anonymizer(detectors=[PersonContextDetector(pack_words("fr").persons, FR.lexicon)],
                                  model=str(ours))
    assert [type(d).__name__ for d in explicit.detectors] == ["PersonContextDetector", "FlairDetector"]
    assert explicit.detectors[-1].model_path == ours


def test_model_argument_errors():
    import judanon

    with pytest.raises(ValueError, match="neural=False"):
        judanon.Anonymizer(model="our-court.pt", neural=False)
    with pytest.raises(TypeError, match="model must be a path"):
        judanon.Anonymizer(model=3)
    with pytest.raises(ModelNotFoundError):
        judanon.Anonymizer(model="absent-court-model.pt")


def test_the_shipped_tagger_runs_without_importing_flair():
    code = ("import sys, judanon; r = judanon.Anonymizer().anonymize('M. Jean Dupont demeure à Lyon.'); "
            "print('[' in r.text, 'torch' in sys.modules, 'flair' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=SUBPROCESS_ENV)
    assert out.stdout.split() == ["True", "True", "False"]
