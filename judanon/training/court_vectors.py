"""Word vectors from a court's own unannotated decisions, for ``judanon train --vectors``.

    python -m judanon.training.court_vectors decisions/ more.jsonl --profile ro --out court-vectors.npz \
        [--words 20000] [--dim 64] [--window 5] [--min-count 3]

Reads plain UTF-8 text files (a folder: its ``*.txt`` files) and JSONL files (the
``text`` of each line), cuts words with the pack's tokenizer (its abbreviations),
counts which words stand within ``--window`` words of each other (nearer ones weigh
more), weighs the counts by positive pointwise mutual information and keeps the
``--dim`` strongest directions of a truncated SVD (``torch.svd_lowrank``). Words used
in the same places get near vectors, in any language: nothing is downloaded, and no
other package than numpy and torch is needed.

Output: an ``.npz`` with ``words`` (lowercase), ``rows`` (row of each word) and
``vectors`` (float32, row 0 = unknown, all zeros), the format of
``judanon/build/embeddings.py``; :func:`judanon.training.vectors.load_word_vectors` reads it.
Only the words of ``--words`` (the most frequent) get a vector, so a rare name met in a
few decisions stays unknown.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import AbstractSet, Dict, Iterable, Iterator, List, Optional, Sequence

from judanon.errors import JudanonError
from judanon.packs import DEFAULT_PROFILE

__all__ = ["read_texts", "text_words", "cooccurrences", "ppmi_svd", "build_vectors", "main"]


class VectorsInputError(JudanonError, ValueError):
    """The unannotated texts cannot be read or hold too few words."""


def read_texts(paths: Sequence[str]) -> Iterator[str]:
    """The texts of ``paths``: ``.jsonl`` files (field ``text`` of each line), folders
    (their ``*.txt`` files, sorted) and other files (read whole)."""
    for name in paths:
        path = Path(name)
        files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
        for file in files:
            try:
                content = file.read_text(encoding="utf-8-sig")
            except UnicodeDecodeError as exc:
                raise VectorsInputError(f"{file} is not valid UTF-8 (byte {exc.start}); convert it first") from None
            except OSError as exc:
                raise VectorsInputError(f"cannot read {file}: {exc.strerror}") from None
            if file.suffix.lower() != ".jsonl":
                yield content
                continue
            for n, line in enumerate(content.splitlines(), 1):
                if line.strip():
                    try:
                        yield str(json.loads(line)["text"])
                    except (json.JSONDecodeError, KeyError, TypeError) as exc:
                        raise VectorsInputError(f"{file}:{n}: no JSON object with a text ({exc})") from None


def text_words(text: str, abbreviations: AbstractSet[str] = frozenset()) -> List[str]:
    """The lowercase words of ``text`` as the tagger's embedding reads them (punctuation
    kept: it is context too)."""
    from judanon.text.tokenize import normalize_token, tokenize

    return [normalize_token(t.text).lower() for t in tokenize(text, abbreviations)]


def cooccurrences(documents: Iterable[Sequence[str]], vocabulary: Dict[str, int], window: int):
    """``(rows, cols, weights)`` numpy arrays: every pair of vocabulary words at most
    ``window`` words apart in a document, weighted 1/distance, summed per pair (both
    directions)."""
    import numpy as np

    size = len(vocabulary)
    codes: List["np.ndarray"] = []
    weights: List["np.ndarray"] = []
    for words in documents:
        ids = np.array([vocabulary.get(w, -1) for w in words], dtype=np.int64)
        for d in range(1, window + 1):
            a, b = ids[:-d], ids[d:]
            keep = (a >= 0) & (b >= 0)
            pair = a[keep] * size + b[keep]
            codes += [pair, b[keep] * size + a[keep]]
            weights += [np.full(pair.shape, 1.0 / d)] * 2
    if not codes:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    code = np.concatenate(codes)
    unique, inverse = np.unique(code, return_inverse=True)
    summed = np.bincount(inverse, weights=np.concatenate(weights))
    return unique // size, unique % size, summed


def ppmi_svd(rows, cols, weights, size: int, dim: int, seed: int = 13, smoothing: float = 0.75):
    """``(size, dim)`` float32 vectors: positive PMI of the co-occurrence counts (context
    counts raised to ``smoothing``), its truncated SVD, rows scaled by the square root of
    the singular values and normalized to unit length."""
    import numpy as np
    import torch

    row_sum = np.bincount(rows, weights=weights, minlength=size)
    col_sum = np.bincount(cols, weights=weights, minlength=size) ** smoothing
    pmi = np.log(weights * col_sum.sum() / (row_sum[rows] * col_sum[cols]))
    keep = pmi > 0
    matrix = torch.sparse_coo_tensor(np.vstack([rows[keep], cols[keep]]), torch.tensor(pmi[keep], dtype=torch.float32),
                                     (size, size), check_invariants=False).coalesce()
    torch.manual_seed(seed)
    dim = min(dim, size - 1)
    u, s, _ = torch.svd_lowrank(matrix, q=min(size, dim + 10), niter=6)
    vectors = (u[:, :dim] * s[:dim].sqrt()).numpy()
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms > 0, norms, 1.0)).astype(np.float32)


def build_vectors(texts: Iterable[str], abbreviations: AbstractSet[str] = frozenset(), words: int = 20000,
                  dim: int = 64, window: int = 5, min_count: int = 3, seed: int = 13):
    """``(vocabulary, vectors)``: the ``words`` most frequent words met ``min_count``
    times or more (``{word: row}``, rows from 1) and their vectors (row 0 = unknown)."""
    import numpy as np

    documents = [text_words(t, abbreviations) for t in texts]
    counts = Counter(w for doc in documents for w in doc)
    kept = sorted((w for w, n in counts.items() if n >= min_count), key=lambda w: (-counts[w], w))[:words]
    if len(kept) < 2 * dim:
        raise VectorsInputError(f"only {len(kept)} words are met {min_count} times or more: too few for "
                                f"{dim}-dimensional vectors; give more decisions, or a smaller --dim or --min-count")
    vocabulary = {w: i for i, w in enumerate(kept)}
    rows, cols, weights = cooccurrences(documents, vocabulary, window)
    vectors = ppmi_svd(rows, cols, weights, len(kept), dim, seed)
    table = np.vstack([np.zeros((1, vectors.shape[1]), np.float32), vectors])
    return {w: i + 1 for w, i in vocabulary.items()}, table


def save_vectors(path: str, vocabulary: Dict[str, int], vectors) -> None:
    """Write the ``.npz`` that :func:`judanon.training.vectors.load_word_vectors` reads."""
    import numpy as np

    words = list(vocabulary)
    np.savez_compressed(path, words=np.array(words), rows=np.array([vocabulary[w] for w in words]),
                        vectors=vectors)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m judanon.training.court_vectors",
                                description="Word vectors from a court's unannotated decisions (for judanon train --vectors).")
    p.add_argument("texts", nargs="+", help="UTF-8 text files, folders of *.txt files, or .jsonl files (field text)")
    p.add_argument("--out", required=True, help="the .npz to write")
    p.add_argument("--profile", default=DEFAULT_PROFILE,
                   help="the pack whose tokenizer cuts the words (default: %(default)s)")
    p.add_argument("--words", type=int, default=20000, help="vocabulary size (most frequent words)")
    p.add_argument("--dim", type=int, default=64, help="vector width")
    p.add_argument("--window", type=int, default=5, help="words either side that count as context")
    p.add_argument("--min-count", type=int, default=3, help="a word needs this many occurrences")
    p.add_argument("--seed", type=int, default=13)
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    from judanon.packs import ProfileError, load_profile

    try:
        if min(args.words, args.dim, args.window, args.min_count) < 1:
            raise VectorsInputError("--words, --dim, --window and --min-count must be 1 or more")
        abbreviations = load_profile(args.profile).abbreviations
        vocabulary, vectors = build_vectors(read_texts(args.texts), abbreviations, args.words, args.dim,
                                            args.window, args.min_count, args.seed)
        save_vectors(args.out, vocabulary, vectors)
    except (VectorsInputError, ProfileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 2
    print(f"saved {len(vocabulary)} words x {vectors.shape[1]} dimensions to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
