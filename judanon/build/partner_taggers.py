"""Train the tagger a partner pack ships (fixed seed, data given on the command line).

    python -m judanon.build.partner_taggers --pack ro --name ro-ronec-tagger \
        --data ../shared/data/partners/ro/dev-ronec.jsonl --licence MIT \
        --source "RONEC v2 (Dumitrescu et al.), Romanian news" [--held-out 0.3] [--seed 13] [--threads 2] \
        [--name-classes N] [--min-steps N]

The annotated files are not part of the repository: give their paths. Only data whose
licence allows shipping a derived model may train one: a ``--licence`` with
non-derivative (ND), non-commercial (NC) or share-alike (SA) terms is refused. Such data
serves evaluation and the documented recipe (``judanon train --profile``), not a shipped
model.

Steps: the documents are split with ``training.split_held_out`` (whole near-duplicate
groups, ``--held-out`` of them kept out, seeded); the tagger is trained on the rest with
the recipe of ``judanon train --profile`` (``training.config_from_args``: words learned
from the data, the pack's tokenizer and lexicon, the labels the data has; ``--name-classes``
and ``--min-steps`` as there); it is written
to ``judanon/packs/<pack>/models/<name>.pt`` with its card ``<name>.json`` (configuration,
seed, training and held-out documents, data files with their SHA-256, licence and source,
training time and threads, the detector's speed on one thread). Then

    judanon evaluate FILE --profile <pack> --held-out judanon/packs/<pack>/models/<name>.json

scores the pack on what its tagger did not train on. A pack ships one tagger: the
``.pt`` files of its ``models/`` folder are replaced.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from pathlib import Path
from typing import List, Optional, Sequence

#: Licence terms that forbid shipping a model derived from the data (or bind it).
REFUSED_TERMS = re.compile(r"\b(?:ND|NC|SA)\b|no ?deriv|non.?commercial|share.?alike", re.IGNORECASE)


def build_parser() -> argparse.ArgumentParser:
    from judanon import training

    p = argparse.ArgumentParser(prog="python -m judanon.build.partner_taggers",
                                description="Train and store the tagger a partner pack ships.")
    p.add_argument("--pack", required=True, help="the pack's code (judanon/packs/<code>/)")
    p.add_argument("--name", required=True, help="file name of the model, without .pt (e.g. ro-ronec-tagger)")
    p.add_argument("--data", nargs="+", required=True, type=Path, help="annotated JSONL files")
    p.add_argument("--licence", required=True, help="licence of the data (e.g. MIT, CC BY 4.0)")
    p.add_argument("--source", required=True, help="what the data is, for the model card")
    p.add_argument("--held-out", type=float, default=0.3, help="share of documents kept out (default: 0.3)")
    p.add_argument("--seed", type=int, default=training.TrainingConfig().seed)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--epochs", type=int, default=training.TrainingConfig().epochs)
    p.add_argument("--name-classes", type=int, default=None, metavar="N",
                   help="width of the name-lexicon embedding (default: the recipe's; 0: none)")
    p.add_argument("--min-steps", type=int, default=None, metavar="N",
                   help="fewest batches (default: the recipe's)")
    p.add_argument("--out-dir", type=Path, default=None,
                   help="where to write the model and its card (default: the pack's models/ folder)")
    return p


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _options(args) -> List[str]:
    """The recipe options given on the command line (``--name-classes``, ``--min-steps``)."""
    out: List[str] = []
    for option, value in (("--name-classes", args.name_classes), ("--min-steps", args.min_steps)):
        if value is not None:
            out += [option, str(value)]
    return out


def _recipe_args(args):
    """The ``judanon train --profile`` options of the recipe."""
    from judanon import training

    return training.build_parser().parse_args(
        [str(p) for p in args.data] + ["--out", "unused.pt", "--profile", args.pack, "--seed", str(args.seed),
                                       "--epochs", str(args.epochs)] + _options(args))


def _speed(model: Path, pack: str, texts: Sequence[str]) -> int:
    """Characters per second of the pack's detector with this model, one thread."""
    from judanon.detectors.neural import FlairDetector
    from judanon.packs import load_profile

    detector = FlairDetector(model, abbreviations=load_profile(pack).abbreviations, threads=1)
    started = time.time()
    detector.detect_many(list(texts))
    return round(sum(len(t) for t in texts) / max(1e-9, time.time() - started))


def build(args) -> dict:
    """Train, save and describe one pack's tagger; returns its card."""
    import torch

    from judanon import training
    from judanon.packs import pack_module

    docs = [d for path in args.data for d in training.read_label_jsonl(path)]
    train_idx, held_idx = training.split_held_out(docs, args.held_out, args.seed)
    train, held = [docs[i] for i in train_idx], [docs[i] for i in held_idx]
    config = training.config_from_args(_recipe_args(args), train)
    torch.set_num_threads(args.threads)
    started = time.time()
    tagger = training.train_tagger(train, config)
    seconds = time.time() - started
    folder = args.out_dir or Path(pack_module(args.pack).__file__).parent / "models"
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{args.name}.pt"
    for old in folder.glob("*.pt"):
        if old != out:
            old.unlink()
            old.with_suffix(".json").unlink(missing_ok=True)
    tagger.save(out)
    scores = training.score_spans(held, training.predict_spans(tagger, [d.text for d in held]), config.labels)
    print(training.format_scores(scores))
    command = " ".join(["python -m judanon.build.partner_taggers", "--pack", args.pack, "--name", args.name,
                        "--data", *[p.name for p in args.data], "--licence", repr(args.licence),
                        "--source", repr(args.source), "--held-out", str(args.held_out), "--seed", str(args.seed),
                        "--threads", str(args.threads), "--epochs", str(args.epochs)]
                       + _options(args))
    return training.write_model_card(
        out, config, len(train), held, scores,
        train_document_numbers=sorted({d.group for d in train}),
        data=[{"file": p.name, "sha256": _sha256(p), "licence": args.licence, "source": args.source}
              for p in args.data],
        training_seconds=round(seconds), training_threads=args.threads,
        chars_per_second_one_thread=_speed(out, args.pack, [d.text for d in held]),
        rebuild=command,
    )


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    from judanon.packs import available_profiles

    if args.pack not in available_profiles():
        print(f"error: unknown pack {args.pack!r}; available: {', '.join(available_profiles())}", file=sys.stderr)
        return 2
    if REFUSED_TERMS.search(args.licence):
        print(f"error: data under {args.licence!r} may not train a shipped model (ND, NC or SA terms); "
              "use it for evaluation and `judanon train --profile` only", file=sys.stderr)
        return 2
    missing = [str(p) for p in args.data if not p.is_file()]
    if missing:
        print(f"error: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    card = build(args)
    print(f"{card['model']}: {card['size_bytes'] / 1e6:.1f} MB, trained in {card['training_seconds']} s "
          f"on {card['training_threads']} threads", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
