"""Cross-validate the shipped recipe over the dev decisions.

    python -m judanon.build.cross_validate --folds 3 --out-dir cv           # about 45 min on two cores
    python -m judanon.build.cross_validate --folds 3 --out-dir cv --reuse   # score again, no training

Steps:
1. split: dev + silver decisions are grouped as for the shipped model
   (``judanon.training.split_folds``: whole groups of near-duplicates go to one fold,
   every member of a held-out group, silver copies included, stays out of that fold's
   training); every dev decision is held out in exactly one fold;
2. training (unless ``--reuse``): the recipe of ``judanon.build.default_model``, once per
   fold -> ``OUT_DIR/fold-K.pt`` and its model card ``OUT_DIR/fold-K.json``;
3. scores, pooled over every dev decision, each scored by the fold model that never saw
   it: the neural detector alone (typed P/R/F1, ``training.score_spans``), then the default
   pipeline with that model (``judanon.evaluate`` per fold, pooled with
   ``judanon.evaluation.combine``), with the data's names and with invented ones
   (``--unseen-seeds``); the rules-only pipeline over all of dev is printed beside them.

``--reuse`` checks that each saved card holds out the decisions its fold holds out
(same data and ``--seed``), so that figures are never computed on trained-on decisions.
Needs the ``train`` extra to train; ``--reuse`` needs only the ``neural`` one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Sequence, Tuple

from judanon.build.default_model import REPO, build, recipe, recipe_parser
from judanon.errors import JudanonError

Split = Tuple[List[int], List[int]]


def fold_paths(out_dir: Path, k: int) -> Tuple[Path, Path]:
    """The model of fold ``k`` (from 1) and its card."""
    model = Path(out_dir) / f"fold-{k}.pt"
    return model, model.with_suffix(".json")


class FoldMismatchError(JudanonError):
    """A saved fold model was not trained on this fold's split (other data or seed)."""


def check_reusable(out_dir: Path, docs: Sequence, splits: Sequence[Split]) -> None:
    """Raise :class:`FoldMismatchError` unless every fold's model and card are there and
    the card holds out exactly the fold's held-out decisions."""
    for k, (_, held_idx) in enumerate(splits, 1):
        model, card_path = fold_paths(out_dir, k)
        if not model.is_file() or not card_path.is_file():
            raise FoldMismatchError(f"{model} or its card is missing: run without --reuse to train it")
        card = json.loads(card_path.read_text(encoding="utf-8"))
        expected = sorted({docs[i].group for i in held_idx})
        if sorted(card.get("held_out_document_numbers", ())) != expected:
            raise FoldMismatchError(
                f"{card_path} holds out other decisions than fold {k} of this split "
                "(other data or --seed): run without --reuse to train the folds again"
            )


def neural_scores(docs: Sequence, splits: Sequence[Split], out_dir: Path, labels) -> dict:
    """The neural detector alone, each decision scored by its fold's model, pooled
    (exact ``(start, end, label)`` matches, every span whatever its score)."""
    from judanon import training
    from judanon.detectors.neural import FlairDetector
    from judanon.packs import DEFAULT_PROFILE, load_profile

    abbreviations = load_profile(DEFAULT_PROFILE).abbreviations  # for a model that records none
    gold, predicted = [], []
    for k, (_, held_idx) in enumerate(splits, 1):
        detector = FlairDetector(fold_paths(out_dir, k)[0], abbreviations=abbreviations)  # as the cards score it
        held = [docs[i] for i in held_idx]
        spans = detector.detect_many([d.text for d in held])
        gold.extend(held)
        predicted.extend([(s.start, s.end, s.label) for s in found] for found in spans)
    return training.score_spans(gold, predicted, labels)


def pipeline_report(gold_docs: Sequence, splits: Sequence[Split], out_dir: Path, unseen_seed=None):
    """The default pipeline with each fold's model on that fold's held-out decisions,
    pooled; ``gold_docs[i]`` is the ``judanon.evaluation.GoldDocument`` of ``docs[i]``.
    With ``unseen_seed``, the held-out decisions' names and towns are invented first."""
    from judanon.evaluation import combine, evaluate, unannotated_omissions, with_unseen_names
    from judanon.pipeline import Anonymizer

    unscored = unannotated_omissions(gold_docs)  # a property of the whole file
    reports = []
    for k, (_, held_idx) in enumerate(splits, 1):
        held = [gold_docs[i] for i in held_idx]
        if unseen_seed is not None:
            held = with_unseen_names(held, seed=unseen_seed)
        reports.append(evaluate(held, Anonymizer(model=fold_paths(out_dir, k)[0]), unscored=unscored))
    return combine(reports)


def main(argv=None) -> int:
    parser = recipe_parser("Cross-validate judanon's shipped recipe over the dev decisions.")
    parser.add_argument("--folds", type=int, default=3, help="number of folds (default: %(default)s)")
    parser.add_argument("--out-dir", type=Path, default=REPO / "cv",
                        help="where the fold models and cards go (default: %(default)s)")
    parser.add_argument("--reuse", action="store_true", help="score the saved fold models again, no training")
    parser.add_argument("--unseen-seeds", type=int, nargs="*", default=[0], metavar="SEED",
                        help="also score with invented names, one run per seed (default: 0)")
    args = parser.parse_args(argv)

    from judanon import training
    from judanon.evaluation import evaluate, format_report, read_gold
    from judanon.pipeline import Anonymizer

    config, word_vectors, docs, eligible = recipe(args, with_vectors=not args.reuse)
    splits = training.split_folds(docs, args.folds, args.seed, eligible)
    sizes = ", ".join(str(len(held)) for _, held in splits)
    print(f"{args.folds} folds holding out {sizes} dev decisions", file=sys.stderr)
    if args.reuse:
        try:
            check_reusable(args.out_dir, docs, splits)
        except FoldMismatchError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    else:
        for k, (train_idx, held_idx) in enumerate(splits, 1):
            build(docs, eligible, train_idx, held_idx, config, word_vectors, fold_paths(args.out_dir, k)[0], args)

    print("Neural detector alone, pooled over the folds:")
    print(training.format_scores(neural_scores(docs, splits, args.out_dir, config.labels)))
    dev_gold = read_gold(str(args.data / "dev.jsonl"))  # the first len(dev) of docs, same order
    print("\nRules only (no model to hold anything out from):")
    print(format_report(evaluate(dev_gold, Anonymizer(neural=False))))
    print("\nDefault pipeline, cross-validated:")
    print(format_report(pipeline_report(dev_gold, splits, args.out_dir), by="source"))
    for seed in args.unseen_seeds or ():
        print(f"\nDefault pipeline, cross-validated, invented names (seed {seed}):")
        print(format_report(pipeline_report(dev_gold, splits, args.out_dir, unseen_seed=seed)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
