"""Train/held-out splits and cross-validation folds that keep near-duplicate decisions together."""

from __future__ import annotations

import random
import re
from collections import defaultdict
from typing import Dict, List, Optional, Sequence, Tuple

from judanon.errors import ArgumentError
from judanon.training.reading import AnnotatedText


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
