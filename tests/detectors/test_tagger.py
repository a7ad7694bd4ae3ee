"""The tagger run without Flair (judanon.detectors.tagger, judanon.detectors.crf) against
Flair's own code, with the REAL model shipped in judanon/models/."""

import os
import random
import subprocess
import sys

import pytest

torch = pytest.importorskip("torch")
np = pytest.importorskip("numpy")

from judanon.detectors import crf  # noqa: E402
from judanon.detectors.neural import FlairDetector, load_model  # noqa: E402
from judanon.packs import load_profile  # noqa: E402
from judanon.detectors.tagger import (MAX_BATCH_TOKENS, Packing, Tagger, bioes_spans, read_tagger,  # noqa: E402
                                      torch_threads)
from judanon.text.tokenize import sentences  # noqa: E402

FR = load_profile("fr")
#: The tagger the French pack ships.
MODEL = FR.tagger

from support import ROOT  # noqa: E402
SUBPROCESS_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}

TEXTS = [
    "Mme Clémence Varogne, demeurant 14 rue des Tanneurs, 69003 Lyon, a formé un pourvoi.",
    "La cour, présidée par Mme Irène Vautrin, assistée de M. Hugo Ferrand, greffier, statue.",
    "Me Sonia Reyval, avocat au barreau de Grenoble, plaide pour M. Anatole Brissac, né le 12 avril 1961 à Bordeaux.",
    "Vu.",
    "M. Goulven Kerhervé et Mme Maëlys Tréguier-Lannou, son épouse, demeurent 7 allée des Ormes à Quimper ; "
    + "ils exposent que " + " ".join(["la société"] * 40) + " leur doit la somme de 1 200 euros.",
    "DEMANDEUR :\n\nM. Anatole Brissac\ndemeurant 3 avenue du Parc\n38000 Grenoble",
]


@pytest.fixture(scope="module")
def plain():
    model = read_tagger(MODEL)
    assert isinstance(model, Tagger)
    return model


@pytest.fixture(scope="module")
def flair_tagger():
    pytest.importorskip("flair")
    from judanon.detectors.neural import load_tagger

    return load_tagger(MODEL)


def project_sentences(model):
    abbreviations = frozenset({"m", "mme", "me", "art"})
    return [[t.text for t in s] for text in TEXTS for s in sentences(text, 150, True, abbreviations)]


def flair_predict(tagger, batch):
    from flair.data import Sentence

    flair_sentences = [Sentence(list(words)) for words in batch]
    tagger.predict(flair_sentences, mini_batch_size=4, force_token_predictions=True)
    out = []
    for fs in flair_sentences:
        labels = [token.get_label(tagger.tag_type) for token in fs]
        out.append([(label.value or "O", label.score) for label in labels])
    return out


def test_tags_are_those_of_flair(plain, flair_tagger):
    batch = project_sentences(plain)
    ours = plain.tag(batch)
    theirs = flair_predict(flair_tagger, batch)
    assert [[t for t, _ in s] for s in ours] == [[t for t, _ in s] for s in theirs]
    for a, b in zip(ours, theirs):
        # confidences agree up to float rounding (Flair batches the sentences otherwise;
        # it gives "O" tokens no confidence of their own)
        assert [c for t, c in a if t != "O"] == pytest.approx([c for t, c in b if t != "O"], abs=1e-4)
    assert any(t != "O" for s in ours for t, _ in s)


def test_batch_order_and_grouping_do_not_change_the_tags(plain):
    batch = project_sentences(plain)
    together = plain.tag(batch)
    alone = [plain.tag([s])[0] for s in batch]
    reversed_ = plain.tag(batch[::-1])[::-1]
    tags = lambda rows: [[t for t, _ in s] for s in rows]
    assert tags(together) == tags(alone) == tags(reversed_)
    assert plain.tag([]) == []


def test_a_word_s_inputs_do_not_depend_on_the_words_beside_it(plain):
    # the word cache keeps rows computed with other words: they must be the same bits
    words = [w for text in TEXTS for w in text.replace(",", " ,").split()]
    words = list(dict.fromkeys(words))
    assert len(words) > 40
    fresh = read_tagger(MODEL)
    with torch.inference_mode():
        together = fresh._word_inputs(words)
        for n in (1, 2, 3, 5, 17, 40):
            assert torch.equal(fresh._word_inputs(words[-n:]), together[-n:])
    batch = project_sentences(plain)
    first = fresh.tag(batch)
    assert fresh.tag(batch) == first  # second call: every word from the cache


def test_spans_are_the_bioes_spans_of_the_tags(plain):
    batch = project_sentences(plain)
    tags = plain.tag(batch)
    spans = plain.spans(batch)
    for sentence_tags, found in zip(tags, spans):
        expected = bioes_spans([t for t, _ in sentence_tags], [c for _, c in sentence_tags])
        assert found == [(idx[0], idx[-1], label, score) for idx, score, label in expected]


def test_viterbi_is_flair_s_to_the_bit(plain):
    pytest.importorskip("flair")
    from flair.data import Dictionary
    from flair.models.sequence_tagger_utils.viterbi import ViterbiDecoder

    tags = plain.tags
    dictionary = Dictionary(add_unk=False)
    for tag in tags:
        dictionary.add_item(tag)
    transitions = plain.crf.transitions
    generator = torch.Generator().manual_seed(7)
    lengths = sorted([1, 1, 2, 5, 9, 9, 30, 17, 3], reverse=True)
    emissions = [torch.randn(n, len(tags), generator=generator) * 4 for n in lengths]
    padded = torch.nn.utils.rnn.pad_sequence(emissions, batch_first=True)
    features = padded.unsqueeze(-1).expand(*padded.shape, len(tags)) + transitions.unsqueeze(0).unsqueeze(0)
    theirs, _ = ViterbiDecoder(dictionary).decode((features, torch.tensor(lengths), transitions), False, [])

    packing = Packing(lengths)
    packed = torch.cat(emissions)[torch.from_numpy(packing.forward)].numpy()
    path, scores = crf.viterbi(packed, packing.batch_sizes, transitions.numpy(), tags.index("<START>"),
                               tags.index("<STOP>"))
    confidence = crf.confidences(scores)
    starts = np.cumsum([0] + lengths[:-1])
    for b, n in enumerate(lengths):
        rows = packing.to_packed[starts[b]:starts[b] + n]
        assert [(tags[k], c) for k, c in zip(path[rows].tolist(), confidence[rows].tolist())] == theirs[b]


def test_packing_lays_tokens_out_as_torch_does():
    lengths = [6, 4, 4, 1]
    tokens = torch.arange(sum(lengths))
    padded = torch.nn.utils.rnn.pad_sequence(list(tokens.split(lengths)), batch_first=True)
    packed = torch.nn.utils.rnn.pack_padded_sequence(padded, torch.tensor(lengths), batch_first=True)
    packing = Packing(lengths)
    assert packing.forward.tolist() == packed.data.tolist()
    assert packing.batch_sizes == packed.batch_sizes.tolist()
    # the backward pass reads each sentence from its end; mirror finds a token's backward row
    assert sorted(packing.backward.tolist()) == list(range(sum(lengths)))
    assert packing.backward[packing.mirror].tolist() == packing.forward.tolist()
    assert packing.forward[packing.to_packed].tolist() == list(range(sum(lengths)))


def test_bioes_spans_are_flair_s():
    pytest.importorskip("flair")
    from flair.data import get_spans_from_bio

    rng = random.Random(3)
    alphabet = ["O", "", "B-a", "I-a", "E-a", "S-a", "B-b", "I-b", "E-b", "S-b", "I-c"]
    for _ in range(500):
        tags = [rng.choice(alphabet) for _ in range(rng.randint(0, 12))]
        scores = [rng.random() for _ in tags]
        assert bioes_spans(tags, scores) == get_spans_from_bio(list(tags), scores)


def test_the_detector_runs_the_plain_tagger(flair_detector):
    assert isinstance(flair_detector.tagger, Tagger)
    assert isinstance(load_model(MODEL), Tagger)


def test_the_thread_setting_is_honoured_and_put_back():
    seen = []
    detector = FlairDetector(MODEL, abbreviations=FR.abbreviations)
    spans = detector.tagger.spans
    detector.tagger.spans = lambda batch: seen.append(torch.get_num_threads()) or spans(batch)
    before = torch.get_num_threads()
    try:
        torch.set_num_threads(2)
        detector.detect(TEXTS[0])
        detector.threads = 3
        detector.detect(TEXTS[0])
        detector.threads = None
        detector.detect(TEXTS[0])
        assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)
    assert seen == [1, 3, 2]
    with pytest.raises(ValueError, match="threads"):
        FlairDetector(MODEL, threads=0)
    with torch_threads(None):
        assert torch.get_num_threads() == before


def test_long_inputs_are_cut_into_passes():
    detector = FlairDetector(MODEL, abbreviations=FR.abbreviations)
    sizes = []
    spans = detector.tagger.spans
    detector.tagger.spans = lambda batch: sizes.append(sum(map(len, batch))) or spans(batch)
    sentence = ("M. Anatole Brissac, demeurant 3 avenue du Parc à Lyon, expose que "
                + "le contrat signé avec la banque " * 6 + "est nul.")
    text = " ".join([sentence] * 300)
    found = detector.detect(text)
    assert len(sizes) > 1 and max(sizes) <= MAX_BATCH_TOKENS  # 300 sentences of 50 tokens
    assert sum(1 for s in found if text[s.start:s.end] == "Brissac") == 300


def test_neither_import_nor_detector_imports_flair():
    code = (
        "import sys, judanon\n"
        "print('torch' in sys.modules, 'flair' in sys.modules)\n"
        "anon = judanon.Anonymizer()\n"
        "result = anon.anonymize('M. Goulven Kerhervé demeure à Morlaix.')\n"
        "print('Kerhervé' in result.text, 'flair' in sys.modules, 'torch' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=SUBPROCESS_ENV)
    assert out.stdout.split("\n")[:2] == ["False False", "False False True"]


def test_a_model_with_other_embeddings_goes_through_flair(tmp_path):
    pytest.importorskip("flair")
    from flair.data import Dictionary
    from flair.embeddings import OneHotEmbeddings
    from flair.models import SequenceTagger

    vocabulary = Dictionary()
    for word in ("M.", "Brissac", "demeure", "à", "Lyon", "."):
        vocabulary.add_item(word)
    labels = Dictionary(add_unk=False)
    labels.add_item("personnePhysique")
    labels.span_labels = True
    tagger = SequenceTagger(OneHotEmbeddings(vocabulary, embedding_length=8), labels, "ner", hidden_size=8)
    path = tmp_path / "one-hot.pt"
    tagger.save(path)
    assert read_tagger(path) is None  # not judanon's embeddings: Flair loads it
    detector = FlairDetector(path)
    assert not isinstance(detector.tagger, Tagger)
    text = "M. Brissac demeure à Lyon."
    assert all(0 <= s.start < s.end <= len(text) for s in detector.detect(text))
