"""Neural detector: a BiLSTM-CRF tagger trained with Flair, over judanon's own tokens.

    detector = FlairDetector("court-model.pt", min_score=0.5, threads=2)
    detector = judanon.packs.load_profile("fr").neural(None)   # a pack's shipped model, its settings
    spans = list(detector.detect(text))

Importing this module is cheap: torch loads when a detector is constructed. A model
trained by ``judanon train`` runs without Flair (:mod:`judanon.detectors.tagger`); a model
with other embeddings goes through Flair. The text is cut with :mod:`judanon.text.tokenize`
(the tokenizer the model was trained with), sentences of similar lengths are tagged
together, and every span's offsets are those of the original text. Nothing is
downloaded: the model file holds everything it needs.
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
    from judanon.detectors.neural_embeddings import LegalTokenEmbeddings  # noqa: F401

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


def load_model(path: Union[str, Path]):
    """The tagger of a model file, for inference: a :class:`~judanon.detectors.tagger.Tagger`
    (no Flair) when the file holds judanon's embeddings and network, else Flair's
    ``SequenceTagger`` (:func:`load_tagger`)."""
    path = Path(path)
    if not path.is_file():
        return load_tagger(path)  # the one message for a missing file
    try:
        from judanon.detectors.tagger import ForeignModelError, Tagger, read_state
    except ImportError as exc:
        raise NeuralUnavailableError(
            f"the neural detector needs torch ({exc}); install it with: {_INSTALL_HINT}") from exc
    try:
        state = read_state(path)
    except ForeignModelError:  # objects only Flair (and its unpickler) rebuild
        return load_tagger(path)
    except Exception:  # not a model file at all: Flair's loader says what it is
        return load_tagger(path)
    tagger = Tagger.from_state(state)
    return tagger if tagger is not None else load_tagger(path)


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


def tag_token_batches(tagger, batch: Sequence[Sequence[Token]]) -> List[List[Tuple[str, float]]]:
    """``(tag, confidence)`` per token for each sentence of ``batch`` (any order).

    ``tagger``: from :func:`load_model`, or a Flair ``SequenceTagger`` (training scores
    its held-out text here: one whose embeddings are judanon's runs through the same
    code as the detector).
    """
    from judanon.detectors.tagger import Tagger

    if not batch:
        return []
    model = tagger
    if not isinstance(model, Tagger):
        try:
            model = Tagger.from_flair(tagger)
        except (AttributeError, TypeError, ValueError):  # other embeddings or network
            return _tag_with_flair(tagger, batch)
    return model.tag([[t.text for t in sentence] for sentence in batch])


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


def token_spans(tagger, batch: Sequence[Sequence[Token]]) -> List[List[Tuple[int, int, str, float]]]:
    """``(first token, last token, label, score)`` of the spans of each sentence of ``batch``."""
    from judanon.detectors.tagger import Tagger, bioes_spans

    if isinstance(tagger, Tagger):
        return tagger.spans([[t.text for t in sentence] for sentence in batch])
    out = []
    for tags in tag_token_batches(tagger, batch):
        found = bioes_spans([t for t, _ in tags], [s for _, s in tags])
        out.append([(idx[0], idx[-1], label, score) for idx, score, label in found])
    return out


def spans_from_tags(tokens: Sequence[Token], tags: Sequence[Tuple[str, float]]) -> List[Tuple[int, int, str, float]]:
    """``(start, end, label, score)`` for the BIO/BIOES tags of one sentence."""
    from judanon.detectors.tagger import bioes_spans

    found = bioes_spans([t for t, _ in tags], [s for _, s in tags])
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
    ``not_names``: words that never belong to a name however the model tags them
    (civilities and titles, ``Mlle``, ``Maître``; compared folded, a final period aside):
    a name span loses those it opens with, and one made only of them is dropped;
    ``abbreviations``: the pack's words whose period ends no sentence (``art``, ``mme``),
    for a model that records none; ``threads``: how many threads torch runs the model on
    during a call (one by default, so that processes side by side on a busy server never
    compete for more cores than they hold; torch's own setting is put back after each
    call; ``None``: torch's setting as the caller left it); ``batch_size``: sentences per
    forward pass at most (a pass also holds at most
    ``judanon.detectors.tagger.MAX_BATCH_TOKENS`` tokens).

    Raises :class:`NeuralUnavailableError` when torch (or, for a model that needs it,
    flair) is not installed and :class:`ModelNotFoundError` when the file does not exist.
    """

    name = "flair"
    #: A tagger's spans are guesses for resolution to confirm (``Span.roles``).
    span_roles = frozenset({GUESS})

    def __init__(
        self,
        model_path: Union[str, Path],
        *,
        batch_size: int = 1024,
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
        threads: Optional[int] = 1,
        not_names: Iterable[str] = (),
    ) -> None:
        """``max_sentence_tokens`` applies to models that do not record their own; so do
        ``abbreviations`` (whose period ends no sentence): a model trained with ``judanon
        train`` records those its text was cut with, and is cut the same way."""
        if batch_size < 1:
            raise ArgumentError(f"batch_size must be >= 1, got {batch_size}")
        if threads is not None and (isinstance(threads, bool) or not isinstance(threads, int) or threads < 1):
            raise ArgumentError(f"threads must be a positive number of threads or None, got {threads!r}")
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
        self.threads = threads
        self.tagger = load_model(path)
        self.model_sha256 = file_sha256(path)
        self.model_name = path.name
        self.version = f"{path.stem}-{self.model_sha256[:12]}"
        self.batch_size = batch_size
        self.min_score = min_score
        self.min_scores = min_scores
        self.labels = frozenset(labels) if labels is not None else None
        self.capitalized_names = capitalized_names
        self._particles = leading_particles(name_particles)
        self._not_names = frozenset(fold(w).strip(".") for w in not_names)
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

    def _batches(self, todo: List[Tuple[int, List[Token]]]) -> List[List[Tuple[int, List[Token]]]]:
        """Sentences sorted by length, cut into passes of at most ``batch_size``
        sentences and ``MAX_BATCH_TOKENS`` tokens: a pass computes no padding, and
        fewer, longer passes take fewer LSTM steps."""
        from judanon.detectors.tagger import MAX_BATCH_TOKENS

        todo.sort(key=lambda item: len(item[1]))
        batches: List[List[Tuple[int, List[Token]]]] = []
        current: List[Tuple[int, List[Token]]] = []
        size = 0
        for item in todo:
            if current and (len(current) >= self.batch_size or size + len(item[1]) > MAX_BATCH_TOKENS):
                batches.append(current)
                current, size = [], 0
            current.append(item)
            size += len(item[1])
        if current:
            batches.append(current)
        return batches

    def detect_many(self, texts: Sequence[str]) -> List[List[Span]]:
        """Spans for several texts at once (sentences of all texts share batches)."""
        from judanon.detectors.tagger import torch_threads

        todo: List[Tuple[int, List[Token]]] = []
        for doc_index, text in enumerate(texts):
            if not isinstance(text, str):
                raise ArgumentTypeError(f"detect expects str, got {type(text).__name__}")
            for sentence in sentences(text, self.max_sentence_tokens, self.split_blank_lines, self.abbreviations):
                if _worth_tagging(sentence):
                    todo.append((doc_index, sentence))
        batches = self._batches(todo)
        out: List[List[Span]] = [[] for _ in texts]
        with torch_threads(self.threads):
            for chunk in batches:
                for (doc_index, sentence), found in zip(chunk, token_spans(self.tagger, [s for _, s in chunk])):
                    out[doc_index].extend(self._spans(texts[doc_index], sentence, found))
        for spans in out:
            spans.sort(key=lambda s: (s.start, s.end))
        return out

    def _spans(self, text: str, sentence: Sequence[Token], found: Sequence[Tuple[int, int, str, float]]) -> Iterable[Span]:
        """The spans the model found in one sentence (``(first token, last token, label,
        score)``) that pass the detector's filters."""
        for first, last, label, score in found:
            if label in NAME_LABELS and self._not_names:
                # "Mlle Sandrine": the model may take a civility for a part of the name
                while first <= last and fold(text[sentence[first].start:sentence[first].end]).strip(".") \
                        in self._not_names:
                    first += 1
                if first > last:
                    continue
            start, end = sentence[first].start, sentence[last].end
            if score < self.min_scores.get(label, self.min_score) or (
                self.labels is not None and label not in self.labels
            ):
                continue
            if self.capitalized_names and label in NAME_LABELS and not _starts_like_a_name(text[start:end], self._particles):
                continue
            if label == PERSONNE_PHYSIQUE and score < self.company_min_score and self._in_company_name(text, start):
                continue
            yield Span(start=start, end=end, label=label, source=self.name, score=float(score),
                       evidence=self.model_name, specificity=1, roles=self.span_roles)


# Every regex of this module runs under the decision's time budget (judanon.text.limits).
timed_module_patterns(globals())
