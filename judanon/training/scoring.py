"""Scoring a tagger on held-out texts, and the model card written beside a trained model."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import AbstractSet, Dict, Iterable, List, Optional, Sequence, Union

import attrs

from judanon.text.tokenize import sentences
from judanon.training.config import TrainingConfig
from judanon.training.reading import DEFAULT_LABELS, AnnotatedText, SpanTuple


def predict_spans(tagger, texts: Sequence[str], batch_size: int = 64,
                  abbreviations: AbstractSet[str] = frozenset()) -> List[List[SpanTuple]]:
    """``(start, end, label)`` per text, with the same code path as :class:`FlairDetector`
    (``abbreviations``: the pack's, for a model that records none)."""
    from judanon.detectors.neural import (
        spans_from_tags,
        tag_token_batches,
        tagger_abbreviations,
        tagger_segmentation,
    )

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
        p: set = {tuple(s[:3]) for s in pred if s[2] in labels}
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
