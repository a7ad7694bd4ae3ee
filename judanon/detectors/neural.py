"""Neural detector: a Flair ``SequenceTagger`` (BiLSTM-CRF) over judanon's own tokens.

    detector = FlairDetector("court-model.pt", batch_size=64, min_score=0.5)
    detector = judanon.packs.load_profile("fr").neural(None)   # a pack's shipped model, its settings
    spans = list(detector.detect(text))

Importing this module is cheap: torch and flair load when a detector is constructed.
The text is cut with :mod:`judanon.text.tokenize` (the tokenizer the model was trained with),
sentences are tagged in batches, and every span's offsets are those of the original
text. Nothing is downloaded: the model file holds everything it needs.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from pathlib import Path
from typing import FrozenSet, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import regex

from judanon.entities import GUESS, PERSON_CATEGORIES, PERSONNE_PHYSIQUE, Span
from judanon.errors import (ArgumentError, ArgumentTypeError, ModelLoadError, ModelNotFoundError,
                            NeuralUnavailableError)
from judanon.text.limits import compile as timed_compile, timed_module_patterns
from judanon.text.normalize import fold, folded_words_pattern
from judanon.text.tokenize import MAX_SENTENCE_TOKENS, Token, sentences

#: Labels whose spans are names: a name starts with a capital letter (or with a letter
#: lost to a broken encoding, ``¿ric``).
NAME_LABELS = PERSON_CATEGORIES


def leading_particles(particles: Iterable[str]) -> Optional["regex.Pattern"]:
    """The regex of lowercase particles a name may open with (``de Villepin``,
    ``van Dijk``); a particle ending in an apostrophe is glued (``d'Ornano``)."""
    words = sorted(set(particles), key=len, reverse=True)
    if not words:
        return None
    glued = [regex.escape(w[:-1]) + "['’]" for w in words if w[-1:] in "'’"]
    spaced = [regex.escape(w) + r"[ \t\u00a0]+" for w in words if w[-1:] not in "'’"]
    return regex.compile("(?:" + "|".join(spaced + glued) + ")+")


def _starts_like_a_name(text: str, particles: Optional["regex.Pattern"] = None) -> bool:
    """A capital letter (or a letter lost to a broken encoding) first, particles aside."""
    particles = particles.match(text) if particles is not None else None
    first = text[particles.end() if particles else 0:][:1]
    return first.isupper() or first in ("¿", "\ufffd")


_INSTALL_HINT = 'pip install "judanon[neural]"'



def import_flair():
    """Import flair (offline) or raise :class:`NeuralUnavailableError` saying what to install."""
    # judanon never downloads anything: keep Hugging Face and friends offline.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import flair  # noqa: F401
        import torch  # noqa: F401
        from flair.models import SequenceTagger  # noqa: F401
    except ImportError as exc:
        raise NeuralUnavailableError(
            f"the neural detector needs flair and torch ({exc}); install them with: {_INSTALL_HINT}"
        ) from exc
    # registers judanon's embedding class so that model files can be unpickled
    from judanon.detectors import neural_embeddings  # noqa: F401

    return flair


@contextlib.contextmanager
def quiet_flair():
    """Silence Flair's INFO messages, which its logger prints on stdout (and stdout may
    be the published text or JSON of the command line)."""
    logger = logging.getLogger("flair")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def file_sha256(path: Union[str, Path]) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load_tagger(path: Union[str, Path]):
    """Load a Flair ``SequenceTagger`` from a local file, on CPU, in eval mode."""
    path = Path(path)
    if not path.is_file():
        raise ModelNotFoundError(
            f"no tagger model at {str(path)!r}: pass the path of a .pt file trained with "
            f"`judanon train` (or the model a pack ships: judanon.packs.load_profile(code).tagger)"
        )
    import_flair()
    from flair.models import SequenceTagger

    try:
        with quiet_flair():
            tagger = SequenceTagger.load(path)
    except Exception as exc:  # flair raises ValueError, KeyError, pickle errors...
        raise ModelLoadError(f"{str(path)!r} is not a loadable Flair SequenceTagger: {exc}") from exc
    if not isinstance(tagger, SequenceTagger):
        raise ModelLoadError(f"{str(path)!r} holds a {type(tagger).__name__}, not a SequenceTagger")
    tagger.eval()
    return tagger


def tagger_segmentation(tagger, default_max_tokens: int = MAX_SENTENCE_TOKENS) -> Tuple[int, bool]:
    """``(max_tokens, blank_lines)`` the model was trained with (see :func:`judanon.text.tokenize.sentences`)."""
    segmentation = getattr(tagger.embeddings, "segmentation", None) or {}
    return int(segmentation.get("max_tokens", default_max_tokens)), bool(segmentation.get("blank_lines", True))


def tagger_abbreviations(tagger, fallback: Iterable[str] = ()) -> FrozenSet[str]:
    """The abbreviations the model's training text was cut with (recorded by ``judanon
    train``); for a model that records none (a pack's shipped one), ``fallback`` (the
    caller's: the pack's ``Profile.abbreviations``), lowercased."""
    segmentation = getattr(tagger.embeddings, "segmentation", None) or {}
    recorded = segmentation.get("abbreviations")
    if recorded is not None:
        return frozenset(recorded)
    return frozenset(a.lower() for a in fallback)


def _worth_tagging(sentence: Sequence[Token]) -> bool:
    # Every category the model tags (names, addresses, towns, dates) holds an uppercase
    # letter or a digit; an all-lowercase sentence cannot hold one, skip it.
    return any(t.text[0].isupper() or t.text[0].isdigit() for t in sentence)


def tag_token_batches(tagger, batch: Sequence[Sequence[Token]], vocabulary=None) -> List[List[Tuple[str, float]]]:
    """``(tag, confidence)`` per token for each sentence of ``batch`` (any order);
    ``vocabulary``: rows of the batch's token texts embedded beforehand
    (``LegalTokenEmbeddings.vocabulary``)."""
    import torch
    from judanon.detectors.neural_embeddings import LegalTokenEmbeddings

    if not batch:
        return []
    order = sorted(range(len(batch)), key=lambda i: -len(batch[i]))
    result: List[List[Tuple[str, float]]] = [[] for _ in batch]
    with torch.inference_mode():
        if isinstance(tagger.embeddings, LegalTokenEmbeddings):
            # Fast path: embed the whole batch as one tensor, skip Flair's per-token objects.
            texts = [[t.text for t in batch[i]] for i in order]
            lengths = torch.tensor([len(s) for s in texts], dtype=torch.long)
            x = tagger.embeddings.embed_batch(texts, vocabulary)
            scores = tagger.forward(x, lengths)
            if tagger.use_crf:
                tags = viterbi_tags(tagger, scores)
            else:
                tags = _argmax_tags(tagger, scores, lengths)
        else:
            tags = _tag_with_flair(tagger, [batch[i] for i in order])
    for pos, i in enumerate(order):
        result[i] = tags[pos]
    return result


def viterbi_tags(tagger, scores) -> List[List[Tuple[str, float]]]:
    """Best tag path per sentence, with Flair's confidence (softmax of the Viterbi scores).

    Same result as Flair's ``ViterbiDecoder.decode``, with the batch loop done in
    tensors (Flair's per-step Python lists dominate the run time on CPU).
    ``scores``: ``(features, lengths, transitions)`` from ``SequenceTagger.forward``,
    sentences sorted by decreasing length.
    """
    import torch

    features, lengths, transitions = scores
    dictionary = tagger.label_dictionary
    start_tag = dictionary.get_idx_for_item("<START>")
    stop_tag = dictionary.get_idx_for_item("<STOP>")
    batch, seq_len = features.shape[:2]
    lengths_t = torch.as_tensor(lengths, dtype=torch.long)
    upto = torch.empty(batch, seq_len, features.shape[2], dtype=features.dtype)
    backpointers = torch.zeros(batch, seq_len, features.shape[2], dtype=torch.long)
    upto[:, 0] = features[:, 0, :, start_tag]
    for t in range(1, seq_len):
        upto[:, t], backpointers[:, t] = torch.max(features[:, t] + upto[:, t - 1].unsqueeze(1), dim=2)
    last = upto[torch.arange(batch), lengths_t - 1] + transitions[stop_tag].unsqueeze(0)
    pointer = last.argmax(dim=1)
    path = torch.zeros(batch, seq_len, dtype=torch.long)
    for t in range(seq_len - 1, -1, -1):
        ending = lengths_t - 1 == t
        pointer = torch.where(ending, last.argmax(dim=1), pointer)
        path[:, t] = pointer
        if t > 0:
            pointer = backpointers[:, t].gather(1, pointer.unsqueeze(1)).squeeze(1)
    confidence = torch.softmax(upto, dim=2).max(dim=2).values
    items = dictionary.get_items()
    out = []
    for b, (row, conf) in enumerate(zip(path.tolist(), confidence.tolist())):
        n = int(lengths_t[b])
        out.append([(items[k], c) for k, c in zip(row[:n], conf[:n])])
    return out


def _argmax_tags(tagger, scores, lengths) -> List[List[Tuple[str, float]]]:
    import torch

    probs = torch.softmax(scores, dim=-1)
    conf, idx = probs.max(dim=-1)
    out, offset = [], 0
    for n in lengths.tolist():
        out.append(
            [
                (tagger.label_dictionary.get_item_for_index(int(k)), float(c))
                for k, c in zip(idx[offset : offset + n], conf[offset : offset + n])
            ]
        )
        offset += n
    return out


def _tag_with_flair(tagger, batch: Sequence[Sequence[Token]]) -> List[List[Tuple[str, float]]]:
    # Any other Flair tagger: go through Sentence objects and read token-level tags.
    from flair.data import Sentence

    flair_sentences = [Sentence([t.norm for t in s]) for s in batch]
    tagger.predict(flair_sentences, mini_batch_size=len(flair_sentences), force_token_predictions=True)
    out = []
    for fs in flair_sentences:
        row = []
        for token in fs:
            label = token.get_label(tagger.tag_type)
            row.append((label.value if label.value else "O", label.score))
        out.append(row)
    return out


def spans_from_tags(tokens: Sequence[Token], tags: Sequence[Tuple[str, float]]) -> List[Tuple[int, int, str, float]]:
    """``(start, end, label, score)`` for the BIO/BIOES tags of one sentence."""
    from flair.data import get_spans_from_bio

    found = get_spans_from_bio([t for t, _ in tags], [s for _, s in tags])
    return [(tokens[idx[0]].start, tokens[idx[-1]].end, label, score) for idx, score, label in found]


class FlairDetector:
    """Tags persons, magistrates, lawyers, addresses, towns and birth dates with a Flair model.

    ``model_path``: a ``.pt`` file saved by Flair (a pack's shipped model is
    ``judanon.packs.load_profile(code).tagger``); ``batch_size``: sentences per forward pass; ``min_score``: spans whose model
    confidence is lower are dropped; ``min_scores``: a stricter (or looser) threshold for
    some labels, ``{"personnePhysique": 0.8}``; ``labels``: keep only these categories;
    ``capitalized_names`` (default): a person, magistrate or lawyer span must start with
    a capital letter (the model sometimes tags ``alias`` before a name);
    ``company_forms``: words (``société``, ``SA``) after which a name is a company's
    (``la société Krantz & Cuvelier``, ``SA BNP Paribas``): a person span inside such a
    name must score at least ``company_min_score``, ``company_connectors`` are the
    lowercase words such a name may hold (``&``, ``et``); ``name_particles``: the
    lowercase particles a name may open with (``de``, ``van``, ``d'``), from the pack;
    ``abbreviations``: the pack's words whose period ends no sentence (``art``, ``mme``),
    for a model that records none.

    Raises :class:`NeuralUnavailableError` when flair is not installed and
    :class:`ModelNotFoundError` when the file does not exist.
    """

    name = "flair"
    #: A tagger's spans are guesses for resolution to confirm (``Span.roles``).
    span_roles = frozenset({GUESS})

    def __init__(
        self,
        model_path: Union[str, Path],
        *,
        batch_size: int = 64,
        min_score: float = 0.0,
        min_scores: Optional[Mapping[str, float]] = None,
        labels: Optional[Iterable[str]] = None,
        max_sentence_tokens: int = MAX_SENTENCE_TOKENS,
        capitalized_names: bool = True,
        company_forms: Iterable[str] = (),
        company_min_score: float = 0.8,
        company_connectors: Iterable[str] = ("&",),
        name_particles: Iterable[str] = (),
        abbreviations: Iterable[str] = (),
    ) -> None:
        """``max_sentence_tokens`` applies to models that do not record their own; so do
        ``abbreviations`` (whose period ends no sentence): a model trained with ``judanon
        train`` records those its text was cut with, and is cut the same way."""
        if batch_size < 1:
            raise ArgumentError(f"batch_size must be >= 1, got {batch_size}")
        if not 0.0 <= min_score <= 1.0:
            raise ArgumentError(f"min_score must be within [0, 1], got {min_score}")
        if not 0.0 <= company_min_score <= 1.0:
            raise ArgumentError(f"company_min_score must be within [0, 1], got {company_min_score}")
        min_scores = dict(min_scores or {})
        for label, value in min_scores.items():
            if not 0.0 <= value <= 1.0:
                raise ArgumentError(f"min_scores[{label!r}] must be within [0, 1], got {value}")
        if not isinstance(model_path, (str, os.PathLike)):
            raise ArgumentTypeError(f"model_path must be a path (str or os.PathLike), not {type(model_path).__name__}")
        path = Path(model_path)
        self.model_path = path
        self.tagger = load_tagger(path)
        self.model_sha256 = file_sha256(path)
        self.model_name = path.name
        self.version = f"{path.stem}-{self.model_sha256[:12]}"
        self.batch_size = batch_size
        self.min_score = min_score
        self.min_scores = min_scores
        self.labels = frozenset(labels) if labels is not None else None
        self.capitalized_names = capitalized_names
        self._particles = leading_particles(name_particles)
        self._company_connectors = frozenset(company_connectors)
        forms = folded_words_pattern(company_forms)
        # the form, then at most four words before the span (checked for capitals after)
        self._company_re = (
            timed_compile(forms + r"(?P<between>(?:[ \t\u00a0\-]+[^\s\-]+){0,4}?)[ \t\u00a0\-]*$")
            if forms else None
        )
        self.company_min_score = company_min_score
        # cut texts the way the model's training data was cut
        self.max_sentence_tokens, self.split_blank_lines = tagger_segmentation(self.tagger, max_sentence_tokens)
        self.abbreviations = tagger_abbreviations(self.tagger, abbreviations)
        # one thread per detector call is the caller's choice (torch.set_num_threads)

    def __repr__(self) -> str:
        return f"FlairDetector(model={self.model_name!r}, sha256={self.model_sha256[:12]}...)"

    def audit_details(self) -> dict:
        """What the audit trail records to reproduce a run: the model and its file hash."""
        return {"model": self.model_name, "model_sha256": self.model_sha256, "min_score": self.min_score,
                "min_scores": ",".join(f"{k}={v}" for k, v in sorted(self.min_scores.items())),
                "capitalized_names": self.capitalized_names,
                "company_min_score": self.company_min_score if self._company_re is not None else None}

    def _in_company_name(self, text: str, start: int) -> bool:
        """Whether ``start`` follows a company form and capitalized words only."""
        if self._company_re is None:
            return False
        window = text[max(0, start - 60):start]
        m = self._company_re.search(fold(window))
        if not m:
            return False
        between = window[m.start("between"):m.end("between")].replace("-", " ").split()
        return all(w[:1].isupper() or w in self._company_connectors for w in between)

    def detect(self, text: str) -> List[Span]:
        return self.detect_many([text])[0]

    def _embeds_tokens(self) -> bool:
        from judanon.detectors.neural_embeddings import LegalTokenEmbeddings

        return isinstance(getattr(self.tagger, "embeddings", None), LegalTokenEmbeddings)

    def detect_many(self, texts: Sequence[str]) -> List[List[Span]]:
        """Spans for several texts at once (sentences of all texts share batches)."""
        todo: List[Tuple[int, List[Token]]] = []
        for doc_index, text in enumerate(texts):
            if not isinstance(text, str):
                raise ArgumentTypeError(f"detect expects str, got {type(text).__name__}")
            for sentence in sentences(text, self.max_sentence_tokens, self.split_blank_lines, self.abbreviations):
                if _worth_tagging(sentence):
                    todo.append((doc_index, sentence))
        # similar lengths in one batch: less padding
        todo.sort(key=lambda item: len(item[1]))
        out: List[List[Span]] = [[] for _ in texts]
        vocabulary = None
        if len(todo) > self.batch_size and self._embeds_tokens():
            # several batches: every distinct word of all the texts is embedded once
            import torch

            with torch.inference_mode():
                vocabulary = self.tagger.embeddings.vocabulary(t.text for _, s in todo for t in s)
        for b in range(0, len(todo), self.batch_size):
            chunk = todo[b : b + self.batch_size]
            tags = tag_token_batches(self.tagger, [s for _, s in chunk], vocabulary)
            for (doc_index, sentence), sentence_tags in zip(chunk, tags):
                text = texts[doc_index]
                for start, end, label, score in spans_from_tags(sentence, sentence_tags):
                    if score < self.min_scores.get(label, self.min_score) or (
                        self.labels is not None and label not in self.labels
                    ):
                        continue
                    if self.capitalized_names and label in NAME_LABELS and not _starts_like_a_name(text[start:end], self._particles):
                        continue
                    if label == PERSONNE_PHYSIQUE and score < self.company_min_score and self._in_company_name(text, start):
                        continue
                    out[doc_index].append(
                        Span(
                            start=start,
                            end=end,
                            label=label,
                            source=self.name,
                            score=float(score),
                            evidence=self.model_name,
                            specificity=1,
                            roles=self.span_roles,
                        )
                    )
        for spans in out:
            spans.sort(key=lambda s: (s.start, s.end))
        return out


# Every regex of this module runs under the decision's time budget (judanon.text.limits).
timed_module_patterns(globals())
