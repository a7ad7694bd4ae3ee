"""``judanon train``: the command line of the training loop.

``--profile CODE`` chooses the recipe of any language: the pack's tokenizer (its
abbreviations), lexicon and name sounds, words learned from the data (no pretrained
vectors unless ``--vectors``), word shapes of any script, what the pack's name lexicon
says of each word, the labels the data has, and at least ``--min-steps`` batches.
Without it, the French recipe: the shipped model's word table, the default labels.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Iterable, List, Optional, Sequence, Tuple

import attrs

from judanon.argparsing import OneLineParser
from judanon.errors import GoldFormatError, JudanonError
from judanon.training.config import TrainingConfig
from judanon.training.loop import train_tagger
from judanon.training.reading import DEFAULT_LABELS, AnnotatedText, read_any
from judanon.training.scoring import format_scores, predict_spans, score_spans, write_model_card
from judanon.training.splits import split_held_out
from judanon.training.vectors import load_word_vectors

_DEFAULTS = TrainingConfig()

#: Width of the learned word table of ``judanon train --profile``.
PROFILE_WORD_DIM = 64
#: Fewest batches of ``judanon train --profile``: a court's first few hundred annotated
#: sentences need many epochs.
PROFILE_MIN_STEPS = 1500
#: Width of the name-lexicon embedding of ``judanon train --profile`` (when the pack has
#: a lexicon).
PROFILE_NAME_CLASS_DIM = 8


def build_parser() -> argparse.ArgumentParser:
    p = OneLineParser(
        prog="judanon train",
        description="Train a neural tagger (BiLSTM-CRF) on decisions annotated in Label's JSONL format.",
    )
    p.add_argument("gold", nargs="+", help="annotated decisions (.jsonl); .conll/.bio/.txt files are read as CoNLL")
    p.add_argument("--out", required=True, help="where to save the model (.pt)")
    p.add_argument(
        "--profile", default=None, metavar="CODE",
        help="the country pack whose tokenizer, lexicon and language the model is for; with it, the words "
             "are learned from the data (no pretrained vectors unless --vectors) and the labels are those "
             "of the data (default: fr, with the shipped model's French word table)",
    )
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
        "--labels", nargs="+", default=None,
        help=f"categories to learn (default: {' '.join(DEFAULT_LABELS)}; with --profile, those of them the data has)",
    )
    p.add_argument(
        "--vectors", default=None,
        help="word table: .npz from `python -m judanon.training.court_vectors` or judanon/build/embeddings.py, "
             "or a judanon .pt model (default: the shipped model's; with --profile: none)",
    )
    p.add_argument(
        "--word-dim", type=int, default=None, metavar="N",
        help=f"width of a word table learned from the data (default: {PROFILE_WORD_DIM} with --profile, else 0)",
    )
    p.add_argument(
        "--min-steps", type=int, default=None, metavar="N",
        help=f"train on at least N batches, more epochs for a small corpus (default: {PROFILE_MIN_STEPS} "
             "with --profile, else 0)",
    )
    p.add_argument(
        "--name-classes", type=int, default=None, metavar="N",
        help="width of the embedding of what the pack's name lexicon says of a word (default: "
             f"{PROFILE_NAME_CLASS_DIM} with --profile, else 0: none)",
    )
    p.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's)")
    return p


def labels_in(docs: Sequence[AnnotatedText], labels: Iterable[str] = DEFAULT_LABELS) -> Tuple[str, ...]:
    """The ``labels`` (in their order) that some span of ``docs`` has."""
    present = {s[2] for d in docs for s in d.spans}
    return tuple(label for label in labels if label in present)


def _check_args(args) -> Optional[str]:
    """What is wrong with the command line, in one line, or ``None``."""
    if not 0.0 <= args.dev_fraction < 1.0:
        return "--dev-fraction must be within [0, 1)"
    if not 0.0 <= args.name_swap <= 1.0:
        return "--name-swap must be within [0, 1]"
    for option, value in (("--word-dim", args.word_dim), ("--min-steps", args.min_steps),
                          ("--name-classes", args.name_classes)):
        if value is not None and value < 0:
            return f"{option} must be 0 or more"
    if args.word_dim == 0 and args.profile is not None and args.vectors is None:
        return "--word-dim 0 with --profile needs --vectors (the model would have no word table)"
    if args.profile is not None:
        from judanon.packs import available_profiles

        if args.profile not in available_profiles():
            return f"unknown profile {args.profile!r}; available profiles: {', '.join(available_profiles())}"
    return None


def _read_docs(paths: Sequence[str]) -> List[AnnotatedText]:
    try:
        return [d for path in paths for d in read_any(path)]
    except UnicodeDecodeError as exc:
        raise GoldFormatError(f"a training file is not valid UTF-8 (byte {exc.start}); convert it first") from None
    except OSError as exc:
        raise GoldFormatError(f"cannot read {exc.filename}: {exc.strerror}") from None


def config_from_args(args, docs: Sequence[AnnotatedText]) -> TrainingConfig:
    """The :class:`TrainingConfig` of a ``judanon train`` command line (see the module
    docstring for what ``--profile`` chooses)."""
    config = TrainingConfig(epochs=args.epochs, seed=args.seed, hidden_size=args.hidden, augment_names=args.name_swap)
    if args.profile is not None:
        labels = tuple(args.labels) if args.labels else labels_in(docs)
        word_dim = PROFILE_WORD_DIM if args.word_dim is None else args.word_dim
        min_steps = PROFILE_MIN_STEPS if args.min_steps is None else args.min_steps
        name_classes = PROFILE_NAME_CLASS_DIM if args.name_classes is None else args.name_classes
        return attrs.evolve(config, profile=args.profile, labels=labels, word_dim=word_dim, shape_scheme="script",
                            min_steps=min_steps, name_class_dim=name_classes)
    return attrs.evolve(config, labels=tuple(args.labels or DEFAULT_LABELS), word_dim=args.word_dim or 0,
                        min_steps=args.min_steps or 0, name_class_dim=args.name_classes or 0)


def _documents(args) -> Tuple[List[AnnotatedText], List[AnnotatedText]]:
    """``(train, held out)`` of the command line's files; raises ``GoldFormatError``."""
    docs = _read_docs(args.gold)
    if args.max_docs is not None:
        docs = docs[: args.max_docs]
    if args.dev_fraction <= 0:
        return docs, []
    train_idx, held_idx = split_held_out(docs, args.dev_fraction, args.seed)
    return [docs[i] for i in train_idx], [docs[i] for i in held_idx]


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``judanon train`` entry point; returns the exit code."""
    args = build_parser().parse_args(argv)
    problem = _check_args(args)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    try:
        docs, held = _documents(args)
    except GoldFormatError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    config = config_from_args(args, docs)
    if not config.labels or not any(s[2] in config.labels for d in docs for s in d.spans):
        print(f"error: no annotated mention of {', '.join(config.labels) or 'any label'} to learn in "
              f"{', '.join(args.gold)}", file=sys.stderr)
        return 2
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    try:
        vectors = load_word_vectors(args.vectors) if args.vectors or args.profile is None else None
    except (OSError, ValueError, KeyError, JudanonError) as exc:
        print(f"error: cannot read the word table {args.vectors}: {exc}", file=sys.stderr)
        return 2
    started = time.time()
    tagger = train_tagger(docs, config, vectors)
    seconds = round(time.time() - started)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tagger.save(out)
    scores = None
    if held:
        scores = score_spans(held, predict_spans(tagger, [d.text for d in held]), config.labels)
        print(format_scores(scores))
    write_model_card(out, config, len(docs), held, scores, training_seconds=seconds)
    print(f"saved {out} and its card {out.with_suffix('.json')}", file=sys.stderr)
    return 0
