"""Train judanon's neural tagger on annotated decisions (partner courts train their own).

Command line (wired as ``judanon train``)::

    judanon train gold.jsonl [more.jsonl ...] --out my-court.pt [--epochs 15] [--seed 13]
                  [--dev-fraction 0.2] [--max-docs N] [--vectors table.npz] [--hidden 128]

Python::

    from judanon import training
    docs = training.read_label_jsonl("gold.jsonl")          # or from_pairs(...), read_conll(...)
    tagger = training.train_tagger(docs, epochs=15, seed=13)
    tagger.save("my-court.pt")
    judanon.FlairDetector("my-court.pt")

Input formats
-------------
* **Label JSONL** (:func:`read_label_jsonl`): one decision per line,
  ``{"text": ..., "entities": [{"start", "end", "label"}, ...]}``; offsets are Python
  string indices into ``text``. ``documentNumber`` (optional) groups re-faked copies
  of one decision so that they stay on one side of a train/held-out split.
* **(text, spans) pairs** (:func:`from_pairs`): ``[(text, [(start, end, label), ...]), ...]``
  — the way to bring any other annotation format.
* **CoNLL / BIO columns** (:func:`read_conll`): one token per line, the tag in the last
  column (``B-X``/``I-X``/``O``, also ``S-``/``E-`` and IOB1), blank line between
  sentences, ``-DOCSTART-`` lines ignored; tokens are re-joined with single spaces.

Every format becomes :class:`AnnotatedText` values; :func:`tag_sentences` cuts them with
:mod:`judanon.text.tokenize` (the tokenizer used at run time) and turns spans into BIOES tags.

Word vectors: by default the table stored in the model shipped with judanon is reused
(no download, no spaCy needed); ``--vectors`` takes a table built by
``judanon/build/embeddings.py``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import AbstractSet, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import attrs

from judanon import entities as E
from judanon.detectors.crf import crf_loss  # the CRF's loss lives with its decoder
from judanon.errors import ArgumentError, GoldFormatError
from judanon.packs import DEFAULT_PROFILE
from judanon.text.lexicons import LexiconError, Substitutes, invent_name
from judanon.text.tokenize import MAX_SENTENCE_TOKENS, Token, sentences

#: Categories frequent enough in the court's data to be learned; rarer ones are
#: dropped from training (they count as outside) and left to rules.
DEFAULT_LABELS: Tuple[str, ...] = (
    E.PERSONNE_PHYSIQUE,
    E.MAGISTRAT_GREFFIER,
    E.AVOCAT,
    E.ADRESSE,
    E.LOCALITE,
    E.DATE_NAISSANCE,
)

TAG_TYPE = "ner"

SpanTuple = Tuple[int, int, str]


@attrs.frozen(slots=True)
class AnnotatedText:
    """A text and its entity spans (``(start, end, label)``, offsets into ``text``).

    ``group``: texts with the same non-empty group stay on one side of a split.
    """

    text: str
    spans: Tuple[SpanTuple, ...] = ()
    group: str = ""


# --- Reading -------------------------------------------------------------------------


def read_label_jsonl(path: Union[str, Path]) -> List[AnnotatedText]:
    """Decisions in Label's JSONL format (see module docstring), grouped by document number."""
    from judanon.evaluation import read_gold  # one reader of the format for scoring and training

    return [
        AnnotatedText(d.text, tuple((m.start, m.end, m.label) for m in d.mentions), d.number)
        for d in read_gold(str(path))
    ]


def from_pairs(pairs: Iterable[Tuple[str, Iterable[Sequence]]]) -> List[AnnotatedText]:
    """``[(text, [(start, end, label), ...]), ...]`` -> annotated texts (offsets checked)."""
    docs = []
    for i, (text, spans) in enumerate(pairs):
        spans = tuple((int(s), int(e), str(lab)) for s, e, lab in spans)
        _check_spans(text, spans, f"pair {i}")
        docs.append(AnnotatedText(text, spans))
    return docs


def read_conll(source: Union[str, Path, Iterable[str]], tag_column: int = -1) -> List[AnnotatedText]:
    """CoNLL-style columns (token first, tag in ``tag_column``) -> one text per sentence."""
    lines = Path(source).read_text(encoding="utf-8").splitlines() if isinstance(source, (str, Path)) else source
    docs: List[AnnotatedText] = []
    words: List[str] = []
    tags: List[str] = []

    def flush():
        if words:
            docs.append(_from_token_tags(words, tags))
            words.clear()
            tags.clear()

    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if not line.strip():
            flush()
            continue
        if line.startswith("-DOCSTART-"):
            continue
        cols = line.split()
        if len(cols) < 2:
            raise GoldFormatError(f"CoNLL line {n}: expected 'token ... tag', got {line!r}")
        words.append(cols[0])
        tags.append(cols[tag_column])
    flush()
    return docs


def _from_token_tags(words: Sequence[str], tags: Sequence[str]) -> AnnotatedText:
    text_parts, offsets, pos = [], [], 0
    for w in words:
        offsets.append((pos, pos + len(w)))
        text_parts.append(w)
        pos += len(w) + 1
    text = " ".join(text_parts)
    spans: List[SpanTuple] = []
    current: Optional[List] = None
    for (s, e), tag in zip(offsets, tags):
        prefix, _, label = tag.partition("-")
        if tag == "O" or not label:
            current = None
            continue
        if prefix in ("B", "S") or current is None or current[2] != label:
            current = [s, e, label]
            spans.append(current)  # type: ignore[arg-type]
        else:
            current[1] = e
        if prefix in ("S", "E"):
            current = None
    return AnnotatedText(text, tuple((s, e, lab) for s, e, lab in spans))


def _check_spans(text: str, spans: Sequence[SpanTuple], where: str) -> None:
    for s, e, _ in spans:
        if not 0 <= s < e <= len(text):
            raise GoldFormatError(f"{where}: entity offsets {s}-{e} outside the text (length {len(text)})")


# --- Tokens and tags -------------------------------------------------------------------


def tag_sentences(
    doc: AnnotatedText,
    labels: Optional[Iterable[str]] = DEFAULT_LABELS,
    scheme: str = "BIOES",
    max_tokens: int = MAX_SENTENCE_TOKENS,
    blank_lines: bool = True,
    abbreviations: AbstractSet[str] = frozenset(),
) -> List[Tuple[List[Token], List[str]]]:
    """Cut ``doc`` into sentences of tokens with one tag per token (``abbreviations``: the
    pack's words whose period ends no sentence, see :func:`judanon.text.tokenize.sentences`).

    A token is inside an entity when at least half of its characters are; spans of
    labels not in ``labels`` are ignored (``labels=None`` keeps all).
    """
    scheme = scheme.upper()
    if scheme not in ("BIO", "BIOES"):
        raise ArgumentError(f"scheme must be BIO or BIOES, got {scheme!r}")
    keep = None if labels is None else frozenset(labels)
    spans = sorted((s for s in doc.spans if keep is None or s[2] in keep), key=lambda s: (s[0], -s[1]))
    out = []
    for sent in sentences(doc.text, max_tokens, blank_lines, abbreviations):
        tags = ["O"] * len(sent)
        # spans overlapping this sentence
        lo, hi = sent[0].start, sent[-1].end
        for s, e, label in spans:
            if e <= lo or s >= hi:
                continue
            inside = [i for i, t in enumerate(sent) if min(t.end, e) - max(t.start, s) >= (t.end - t.start) / 2]
            if not inside or any(tags[i] != "O" for i in inside):
                continue  # unaligned or overlapping annotation: leave it out
            first, last = inside[0], inside[-1]
            for i in range(first, last + 1):
                tags[i] = "I-" + label
            if scheme == "BIOES" and first == last:
                tags[first] = "S-" + label
            else:
                tags[first] = "B-" + label
                if scheme == "BIOES":
                    tags[last] = "E-" + label
        out.append((sent, tags))
    return out


# --- Splits ----------------------------------------------------------------------------


def _blanked_shingles(doc: AnnotatedText, n: int = 5) -> set:
    parts, last = [], 0
    for s, e, _ in sorted(doc.spans):
        if s >= last:
            parts.append(doc.text[last:s])
            parts.append(" ENT ")
            last = e
    parts.append(doc.text[last:])
    words = re.findall(r"\w+", "".join(parts).lower())
    return {" ".join(words[i : i + n]) for i in range(max(0, len(words) - n + 1))}


def group_documents(docs: Sequence[AnnotatedText], threshold: float = 0.3) -> List[int]:
    """A group id per document: same ``group`` field, or near-duplicate text once every
    entity is blanked (Jaccard of word 5-grams >= ``threshold``): re-faked copies of one
    decision and decisions filled from one template end up together.
    """
    parent = list(range(len(docs)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    by_name: Dict[str, int] = {}
    for i, d in enumerate(docs):
        if d.group:
            if d.group in by_name:
                union(i, by_name[d.group])
            by_name[d.group] = i
    shingles = [_blanked_shingles(d) for d in docs]
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            a, b = shingles[i], shingles[j]
            if a and b and len(a & b) >= threshold * len(a | b):
                union(i, j)
    return [find(i) for i in range(len(docs))]


def _shuffled_groups(docs: Sequence[AnnotatedText], seed: int, eligible: Optional[Sequence[bool]]):
    """``(groups, eligible, size, order)``: the group of each document, the eligibility
    flags, the number of eligible documents per group, and the groups holding any, in
    a seeded order."""
    eligible = list(eligible) if eligible is not None else [True] * len(docs)
    groups = group_documents(docs)
    size: Dict[int, int] = defaultdict(int)
    for i, g in enumerate(groups):
        size[g] += eligible[i]
    order = sorted(g for g in size if size[g])
    random.Random(seed).shuffle(order)
    return groups, eligible, size, order


def _split(groups: Sequence[int], eligible: Sequence[bool], held_groups) -> Tuple[List[int], List[int]]:
    """``(train, held_out)``: members of ``held_groups`` stay out of training; only the
    eligible ones are held out."""
    train = [i for i, g in enumerate(groups) if g not in held_groups]
    held_out = [i for i, g in enumerate(groups) if g in held_groups and eligible[i]]
    return train, held_out


def split_held_out(
    docs: Sequence[AnnotatedText],
    fraction: float,
    seed: int,
    eligible: Optional[Sequence[bool]] = None,
) -> Tuple[List[int], List[int]]:
    """Indices ``(train, held_out)``, whole groups (:func:`group_documents`) at a time.

    About ``fraction`` of the ``eligible`` documents (default: all) are held out; every
    member of a held-out group is kept out of training, and only its eligible members
    are returned as held out (e.g. held-out human-reviewed decisions whose silver
    copies must not be trained on).
    """
    groups, eligible, size, order = _shuffled_groups(docs, seed, eligible)
    target = fraction * sum(eligible)
    held_groups, held = set(), 0
    for g in order:
        if held >= target:
            break
        held_groups.add(g)
        held += size[g]
    return _split(groups, eligible, held_groups)


def split_folds(
    docs: Sequence[AnnotatedText],
    folds: int,
    seed: int,
    eligible: Optional[Sequence[bool]] = None,
) -> List[Tuple[List[int], List[int]]]:
    """``(train, held_out)`` index lists for each of ``folds`` cross-validation folds.

    Whole groups (:func:`group_documents`) go to one fold, larger groups first, each to
    the fold with the fewest ``eligible`` documents so far (ties: seeded order). Every
    eligible document is held out in exactly one fold; a fold's training set leaves out
    every member of its held-out groups (silver copies of a held-out decision included).
    """
    if folds < 2:
        raise ArgumentError(f"folds must be >= 2, got {folds}")
    groups, eligible, size, order = _shuffled_groups(docs, seed, eligible)
    if len(order) < folds:
        raise ArgumentError(f"{len(order)} groups of eligible documents cannot fill {folds} folds")
    order.sort(key=lambda g: -size[g])  # stable: the seeded order breaks ties
    members: List[set] = [set() for _ in range(folds)]
    load = [0] * folds
    for g in order:
        k = min(range(folds), key=lambda f: (load[f], f))
        members[k].add(g)
        load[k] += size[g]
    return [_split(groups, eligible, held_groups) for held_groups in members]


# --- Word vectors ----------------------------------------------------------------------


def load_word_vectors(path: Optional[Union[str, Path]] = None):
    """``(words, vectors)``: ``{word: row}`` and a float tensor (row 0 = unknown).

    ``path``: an ``.npz`` from ``judanon/build/embeddings.py`` or a judanon model file
    (``.pt``) whose table is reused; default: the tagger the default profile ships.
    """
    import numpy as np
    import torch

    from judanon.detectors.neural import load_tagger
    from judanon.detectors.neural_embeddings import LegalTokenEmbeddings
    from judanon.packs import NoNeuralModelError, load_profile

    if path is None:
        path = load_profile(DEFAULT_PROFILE).tagger
        if path is None:
            raise NoNeuralModelError(f"profile {DEFAULT_PROFILE!r} ships no tagger: pass the word vectors")
    path = Path(path)
    if path.suffix == ".npz":
        data = np.load(path, allow_pickle=False)
        words = {str(w): int(r) for w, r in zip(data["words"], data["rows"])}
        return words, torch.tensor(data["vectors"], dtype=torch.float32)
    tagger = load_tagger(path)
    emb = tagger.embeddings
    if not isinstance(emb, LegalTokenEmbeddings):
        raise GoldFormatError(f"{str(path)!r} holds no judanon word table; pass an .npz from build_embeddings.py")
    return dict(emb.words), emb.word_vectors.detach().clone()


# --- Training --------------------------------------------------------------------------


@attrs.frozen(slots=True)
class TrainingConfig:
    """Hyper-parameters; the defaults built the shipped model."""

    epochs: int = 25
    seed: int = 13
    batch_size: int = 32
    learning_rate: float = 2e-3
    hidden_size: int = 128
    char_filters: int = 64
    shape_dim: int = 16
    word_unk_rate: float = 0.15
    locked_dropout: float = 0.3
    word_dropout: float = 0.05
    #: share of entity-free sentences used per epoch (they are the large majority)
    empty_sentence_rate: float = 0.4
    labels: Tuple[str, ...] = DEFAULT_LABELS
    #: sentence cutting, stored in the model so that the detector cuts the same way
    max_sentence_tokens: int = MAX_SENTENCE_TOKENS
    split_blank_lines: bool = True
    #: also train on copies of sentences whose "12, rue X" addresses get another street
    #: type and a street name made of common words (see ``_address_variant``); the street
    #: types and name shapes come from the pack of ``profile``
    augment_addresses: bool = True
    #: the pack whose language data the augmentation uses (``judanon.packs.<profile>``)
    profile: str = DEFAULT_PROFILE
    #: each epoch, this share of the sentences with names or towns sees them replaced by
    #: other names (rare names of the pack's lexicon, or invented ones): the model must
    #: read the context and the letters, not remember the training names (``NameSwapper``)
    augment_names: float = 0.5


def _abbreviations(config: "TrainingConfig") -> AbstractSet[str]:
    """The tokenizer's abbreviations of the pack the model is trained for."""
    from judanon.packs import load_profile

    return load_profile(config.profile).abbreviations


def _name_sounds(config: "TrainingConfig"):
    """The sounds of names invented for the pack the model is trained for."""
    from judanon.packs import load_profile

    return load_profile(config.profile).name_sounds


def build_tagger(
    train_sentences: Sequence[Tuple[List[Token], List[str]]],
    words: Dict[str, int],
    vectors,
    config: TrainingConfig = TrainingConfig(),
):
    """A fresh (untrained) SequenceTagger whose vocabularies come from ``train_sentences``."""
    from judanon.detectors.neural import import_flair, quiet_flair

    import_flair()
    from flair.data import Dictionary
    from flair.models import SequenceTagger

    from judanon.detectors.neural_embeddings import LegalTokenEmbeddings, build_vocabularies

    chars, shapes = build_vocabularies([t.text for toks, _ in train_sentences for t in toks])
    embeddings = LegalTokenEmbeddings(
        words=words,
        chars=chars,
        shapes=shapes,
        vectors=vectors,
        char_filters=config.char_filters,
        shape_dim=config.shape_dim,
        word_unk_rate=config.word_unk_rate,
        segmentation={"max_tokens": config.max_sentence_tokens, "blank_lines": config.split_blank_lines,
                      "abbreviations": sorted(_abbreviations(config))},
    )
    tag_dictionary = Dictionary(add_unk=False)
    for label in config.labels:
        tag_dictionary.add_item(label)
    tag_dictionary.span_labels = True
    with quiet_flair():
        return SequenceTagger(
            embeddings=embeddings,
            tag_dictionary=tag_dictionary,
            tag_type=TAG_TYPE,
            tag_format="BIOES",
            hidden_size=config.hidden_size,
            use_crf=True,
            use_rnn=True,
            reproject_embeddings=True,
            dropout=0.0,
            word_dropout=config.word_dropout,
            locked_dropout=config.locked_dropout,
        )


def train_tagger(
    docs: Sequence[AnnotatedText],
    config: TrainingConfig = TrainingConfig(),
    word_vectors=None,
    evaluate_on: Optional[Sequence[AnnotatedText]] = None,
    log: Callable[[str], None] = lambda msg: print(msg, file=sys.stderr, flush=True),
):
    """Train a BiLSTM-CRF tagger on ``docs``; returns the Flair ``SequenceTagger``.

    ``word_vectors``: ``(words, vectors)`` from :func:`load_word_vectors` (default: the
    shipped model's table). ``evaluate_on``: texts scored after each epoch (logged only;
    the model returned is always the last epoch's, so scores on them stay honest).
    Deterministic for a given seed on one machine.
    """
    import torch

    from judanon.detectors.neural import import_flair

    import_flair()
    random.seed(config.seed)
    torch.manual_seed(config.seed)
    if word_vectors is None:
        word_vectors = load_word_vectors()
    words, vectors = word_vectors

    tagged = [
        pair
        for d in docs
        for pair in tag_sentences(d, config.labels, max_tokens=config.max_sentence_tokens,
                                  blank_lines=config.split_blank_lines, abbreviations=_abbreviations(config))
    ]
    if config.augment_addresses:
        aug_rng = random.Random(config.seed)
        common = _common_words(words)
        from judanon.packs import pack_words

        pack = pack_words(config.profile)
        street_types, shapes = pack.training_street_types, pack.training_street_name_shapes
        tagged += [v for toks, tags in tagged
                   for v in [_address_variant(toks, tags, aug_rng, common, street_types, shapes)] if v is not None]
    if not tagged:
        raise ArgumentError("no training sentence: the documents are empty")
    tagger = build_tagger(tagged, words, vectors, config)
    tag_index = tagger.label_dictionary.get_idx_for_item
    examples = [([t.norm for t in toks], [tag_index(tag) for tag in tags]) for toks, tags in tagged]
    with_entities = [ex for ex, (_, tags) in zip(examples, tagged) if any(t != "O" for t in tags)]
    without = [ex for ex, (_, tags) in zip(examples, tagged) if all(t == "O" for t in tags)]
    swapper = (NameSwapper(random.Random(config.seed + 1), names=_lexicon_names(config), sounds=_name_sounds(config))
               if config.augment_names else None)
    swappable = {
        id(ex): positions
        for ex, (_, tags) in zip(examples, tagged)
        for positions in [NameSwapper.positions(ex[0], tags)]
        if positions
    } if swapper is not None else {}
    log(
        f"training on {len(docs)} texts: {len(with_entities)} sentences with entities, "
        f"{len(without)} without; {sum(len(ex[0]) for ex in examples)} tokens"
    )
    optimizer = torch.optim.Adam([p for p in tagger.parameters() if p.requires_grad], lr=config.learning_rate)
    total_steps = config.epochs * (
        (len(with_entities) + int(len(without) * config.empty_sentence_rate)) // config.batch_size + 1
    )
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: max(0.05, 1.0 - step / max(1, total_steps)))
    rng = random.Random(config.seed)
    for epoch in range(1, config.epochs + 1):
        tagger.train()
        started = time.time()
        epoch_data = with_entities + rng.sample(without, int(len(without) * config.empty_sentence_rate))
        rng.shuffle(epoch_data)
        if swapper is not None:
            epoch_data = [
                (swapper.swap(ex[0], swappable[id(ex)]), ex[1])
                if id(ex) in swappable and swapper.rng.random() < config.augment_names else ex
                for ex in epoch_data
            ]
        total_loss, n_batches = 0.0, 0
        for b in range(0, len(epoch_data), config.batch_size):
            # the same forward pass as SequenceTagger.forward_loss, without Flair's
            # per-token objects (the embedding works on whole batches)
            batch = sorted(epoch_data[b : b + config.batch_size], key=lambda ex: -len(ex[0]))
            lengths = torch.tensor([len(ex[0]) for ex in batch], dtype=torch.long)
            targets = torch.tensor([k for ex in batch for k in ex[1]], dtype=torch.long)
            optimizer.zero_grad()
            emissions = _emissions(tagger, tagger.embeddings.embed_batch([ex[0] for ex in batch]), lengths)
            loss = crf_loss(tagger, emissions, lengths, targets) / len(batch)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(tagger.parameters(), 5.0)
            optimizer.step()
            scheduler.step()
            total_loss += loss.item()
            n_batches += 1
        msg = f"epoch {epoch}/{config.epochs}: loss {total_loss / max(1, n_batches):.3f} ({time.time() - started:.0f}s)"
        if evaluate_on:
            tagger.eval()
            scores = score_spans(evaluate_on, predict_spans(tagger, [d.text for d in evaluate_on]), config.labels)
            msg += f"; held-out micro F1 {scores['micro']['f1']:.3f}"
        log(msg)
    tagger.eval()
    return tagger


#: Labels whose capitalized words ``NameSwapper`` replaces.
SWAPPED_LABELS: Tuple[str, ...] = (
    E.PERSONNE_PHYSIQUE, E.MAGISTRAT_GREFFIER, E.AVOCAT, E.LOCALITE,
)


def _lexicon_names(config: "TrainingConfig") -> List[str]:
    """Every first name and surname of the lexicon of the pack the model is trained for
    (folded keys), rare ones included; an empty list when the pack ships none."""
    from judanon.packs import load_profile

    load = load_profile(config.profile).lexicon
    try:
        lexicon = load() if load is not None else None
    except (LexiconError, OSError):  # augmentation then uses invented names only
        return []
    if lexicon is None:
        return []
    return sorted(k for k in set(lexicon.first_names) | set(lexicon.surnames) if k.isalpha() and len(k) > 2)


class NameSwapper:
    """Replaces the capitalized words of names and towns in a training sentence.

    Half of the replacements are names of the pack's lexicon (drawn uniformly, so mostly
    rare ones the word table does not know), half are invented (``Kourazel``). One word
    gets one replacement within a sentence; capitals stay capitals (``DUPONT`` ->
    ``KOURAZEL``).
    """

    def __init__(self, rng: random.Random, names: Sequence[str] = (), sounds: Sequence[Sequence[str]] = ()):
        self.rng = rng
        self.names = list(names)
        #: ``(onsets, vowels, codas)`` of the invented names (the pack's ``name_sounds``)
        self.sounds = tuple(tuple(s) for s in sounds)

    @staticmethod
    def positions(words: Sequence[str], tags: Sequence[str]) -> List[int]:
        """Indices of the capitalized words inside spans of ``SWAPPED_LABELS``."""
        out = []
        for i, (w, tag) in enumerate(zip(words, tags)):
            if tag != "O" and tag[2:] in SWAPPED_LABELS and w[:1].isupper() and w.isalpha() and len(w) > 1:
                out.append(i)
        return out

    def _name(self) -> str:
        if self.names and self.rng.random() < 0.5:
            return self.rng.choice(self.names)
        return invent_name(self.rng, self.sounds)

    def swap(self, words: Sequence[str], positions: Sequence[int]) -> List[str]:
        out = list(words)
        substitute = Substitutes(self._name)
        for i in positions:
            out[i] = substitute(words[i])
        return out


def _common_words(words: Dict[str, int], limit: int = 20000, skip: int = 300) -> List[str]:
    """Frequent plain words of the word table (kept in frequency order), capitalized,
    past the ``skip`` most frequent ones (function words)."""
    out = []
    for rank, w in enumerate(words):
        if rank >= skip and w.isalpha() and 4 <= len(w) <= 12:
            out.append(w.capitalize())
            if len(out) >= limit:
                break
    return out


def _address_variant(tokens: List[Token], tags: List[str], rng: random.Random, names: Sequence[str],
                     street_types: Sequence[str], name_shapes: Sequence[Sequence[str]]):
    """The sentence with each "12, rue X" address rewritten with another street type and a
    street name made of common words, comma or not; None when there is no such address.
    ``street_types`` (lowercase) and ``name_shapes`` (words, ``{}`` a common word) are the
    pack's (``TRAINING_STREET_TYPES``, ``TRAINING_STREET_NAME_SHAPES``).

    The annotated data's street names are surrogates of one style ("rue de <surname>");
    real decisions have "rue des Tanneurs", "allée du Moulin", "avenue Foch".
    """
    if not names or not street_types or not name_shapes:
        return None
    out_tokens: List[Token] = []
    out_tags: List[str] = []
    changed = False
    i = 0
    while i < len(tokens):
        tag = tags[i]
        if tag.startswith("B-adresse") and tokens[i].text.isdigit():
            end = i
            while end + 1 < len(tokens) and tags[end + 1] in ("I-adresse", "E-adresse"):
                end += 1
            k = i + 1 + (1 if i + 1 <= end and tokens[i + 1].text == "," else 0)
            if k < end and tokens[k].text.lower() in street_types:
                words_ = [tokens[i].text] + ([","] if rng.random() < 0.5 else []) + [rng.choice(street_types)]
                for part in rng.choice(name_shapes):
                    words_.append(part.format(rng.choice(names)) if "{}" in part else part)
                out_tokens.extend(Token(0, len(w), w) for w in words_)
                out_tags.extend(["B-adresse"] + ["I-adresse"] * (len(words_) - 2) + ["E-adresse"])
                changed = True
                i = end + 1
                continue
        out_tokens.append(tokens[i])
        out_tags.append(tag)
        i += 1
    return (out_tokens, out_tags) if changed else None


def _emissions(tagger, sentence_tensor, lengths):
    """``SequenceTagger.forward`` up to the tag scores, before the CRF expands them."""
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    if tagger.use_dropout:
        sentence_tensor = tagger.dropout(sentence_tensor)
    if tagger.use_word_dropout:
        sentence_tensor = tagger.word_dropout(sentence_tensor)
    if tagger.use_locked_dropout:
        sentence_tensor = tagger.locked_dropout(sentence_tensor)
    if tagger.reproject_embeddings:
        sentence_tensor = tagger.embedding2nn(sentence_tensor)
    packed = pack_padded_sequence(sentence_tensor, lengths, batch_first=True)
    rnn_output, _ = tagger.rnn(packed)
    sentence_tensor, _ = pad_packed_sequence(rnn_output, batch_first=True)
    if tagger.use_dropout:
        sentence_tensor = tagger.dropout(sentence_tensor)
    if tagger.use_locked_dropout:
        sentence_tensor = tagger.locked_dropout(sentence_tensor)
    return tagger.linear(sentence_tensor)


def predict_spans(tagger, texts: Sequence[str], batch_size: int = 64,
                  abbreviations: AbstractSet[str] = frozenset()) -> List[List[SpanTuple]]:
    """``(start, end, label)`` per text, with the same code path as :class:`FlairDetector`
    (``abbreviations``: the pack's, for a model that records none)."""
    from judanon.detectors.neural import (spans_from_tags, tag_token_batches, tagger_abbreviations,
                                          tagger_segmentation)

    max_tokens, blank_lines = tagger_segmentation(tagger)
    abbreviations = tagger_abbreviations(tagger, abbreviations)
    todo = [(i, s) for i, text in enumerate(texts) for s in sentences(text, max_tokens, blank_lines, abbreviations)]
    todo.sort(key=lambda item: len(item[1]))
    out: List[List[SpanTuple]] = [[] for _ in texts]
    for b in range(0, len(todo), batch_size):
        chunk = todo[b : b + batch_size]
        tags = tag_token_batches(tagger, [s for _, s in chunk])
        for (i, sent), sent_tags in zip(chunk, tags):
            out[i].extend((s, e, lab) for s, e, lab, _ in spans_from_tags(sent, sent_tags))
    return out


def score_spans(
    gold: Sequence[AnnotatedText], predicted: Sequence[Iterable[SpanTuple]], labels: Iterable[str] = DEFAULT_LABELS
) -> Dict[str, Dict[str, float]]:
    """Typed precision/recall/F1 on exact ``(start, end, label)`` matches, per label and micro."""
    labels = tuple(labels)
    tp: Counter = Counter()
    n_gold: Counter = Counter()
    n_pred: Counter = Counter()
    for doc, pred in zip(gold, predicted):
        g = {s for s in doc.spans if s[2] in labels}
        p = {tuple(s[:3]) for s in pred if s[2] in labels}
        for s in g:
            n_gold[s[2]] += 1
        for s in p:
            n_pred[s[2]] += 1
        for s in g & p:
            tp[s[2]] += 1

    def prf(t: int, np_: int, ng: int) -> Dict[str, float]:
        p = t / np_ if np_ else 0.0
        r = t / ng if ng else 0.0
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": ng, "predicted": np_}

    out = {label: prf(tp[label], n_pred[label], n_gold[label]) for label in labels}
    out["micro"] = prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return out


def format_scores(scores: Dict[str, Dict[str, float]]) -> str:
    lines = [f"{'label':32} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for label, s in scores.items():
        lines.append(f"{label:32} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {int(s['gold']):6d}")
    return "\n".join(lines)


def write_model_card(model_path: Union[str, Path], config: TrainingConfig, train_documents: int,
                     held_out: Sequence[AnnotatedText] = (), scores: Optional[Dict] = None, **extra) -> dict:
    """Write the model card next to a saved tagger (``model.pt`` -> ``model.json``).

    It records the file's SHA-256, the training configuration and, when documents were
    held out, their numbers (``group``) and scores: ``judanon evaluate --model model.pt
    --held-out model.json`` then scores only what the model did not train on.
    """
    from judanon.detectors.neural import file_sha256

    path = Path(model_path)
    card = {
        "model": path.name,
        "sha256": file_sha256(path),
        "size_bytes": path.stat().st_size,
        "seed": config.seed,
        "config": {k: (list(v) if isinstance(v, tuple) else v) for k, v in attrs.asdict(config).items()},
        "train_documents": train_documents,
        "held_out_documents": len(held_out),
        "held_out_document_numbers": sorted({d.group for d in held_out}),
    }
    if scores is not None:
        card["held_out_scores"] = scores
    card.update(extra)
    path.with_suffix(".json").write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return card


# --- Command line ----------------------------------------------------------------------


_DEFAULTS = TrainingConfig()


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="judanon train",
        description="Train a neural tagger (BiLSTM-CRF) on decisions annotated in Label's JSONL format.",
    )
    p.add_argument("gold", nargs="+", help="annotated decisions (.jsonl); .conll/.bio/.txt files are read as CoNLL")
    p.add_argument("--out", required=True, help="where to save the model (.pt)")
    p.add_argument("--epochs", type=int, default=_DEFAULTS.epochs)
    p.add_argument("--seed", type=int, default=_DEFAULTS.seed)
    p.add_argument("--hidden", type=int, default=_DEFAULTS.hidden_size, help="LSTM hidden size")
    p.add_argument(
        "--dev-fraction", type=float, default=0.0,
        help="hold out this share of the documents (whole near-duplicate groups) and report scores on them",
    )
    p.add_argument(
        "--name-swap", type=float, default=_DEFAULTS.augment_names, metavar="SHARE",
        help="share of sentences whose names and towns are swapped each epoch (default: %(default)s; 0: none)",
    )
    p.add_argument("--max-docs", type=int, default=None, help="use at most this many documents (quick trials)")
    p.add_argument(
        "--labels", nargs="+", default=list(DEFAULT_LABELS), help="categories to learn (default: %(default)s)"
    )
    p.add_argument(
        "--vectors", default=None,
        help="word table: .npz from judanon/build/embeddings.py or a judanon .pt model (default: the shipped model's)",
    )
    return p


def read_any(path: Union[str, Path]) -> List[AnnotatedText]:
    path = Path(path)
    if path.suffix.lower() in (".conll", ".bio", ".iob", ".txt", ".tsv"):
        return read_conll(path)
    return read_label_jsonl(path)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``judanon train`` entry point; returns the exit code."""
    args = build_parser().parse_args(argv)
    if not 0.0 <= args.dev_fraction < 1.0:
        print("error: --dev-fraction must be within [0, 1)", file=sys.stderr)
        return 2
    if not 0.0 <= args.name_swap <= 1.0:
        print("error: --name-swap must be within [0, 1]", file=sys.stderr)
        return 2
    try:
        docs = [d for path in args.gold for d in read_any(path)]
    except (OSError, GoldFormatError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.max_docs is not None:
        docs = docs[: args.max_docs]
    held: List[AnnotatedText] = []
    if args.dev_fraction > 0:
        train_idx, held_idx = split_held_out(docs, args.dev_fraction, args.seed)
        held = [docs[i] for i in held_idx]
        docs = [docs[i] for i in train_idx]
    config = TrainingConfig(epochs=args.epochs, seed=args.seed, hidden_size=args.hidden, labels=tuple(args.labels),
                            augment_names=args.name_swap)
    vectors = load_word_vectors(args.vectors)
    tagger = train_tagger(docs, config, vectors)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tagger.save(out)
    scores = None
    if held:
        scores = score_spans(held, predict_spans(tagger, [d.text for d in held]), config.labels)
        print(format_scores(scores))
    write_model_card(out, config, len(docs), held, scores)
    print(f"saved {out} and its card {out.with_suffix('.json')}", file=sys.stderr)
    return 0


train_from_args = main
