"""``judanon train``: the command line of the training loop."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import List, Optional, Sequence

from judanon.errors import GoldFormatError
from judanon.training.config import TrainingConfig
from judanon.training.loop import train_tagger
from judanon.training.reading import DEFAULT_LABELS, AnnotatedText, read_any
from judanon.training.scoring import (
    format_scores,
    predict_spans,
    score_spans,
    write_model_card,
)
from judanon.training.splits import split_held_out
from judanon.training.vectors import load_word_vectors

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
