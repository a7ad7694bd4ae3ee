"""One referent, one decision: a name replaced as a person is replaced wherever it
stands as a visible court member or lawyer too."""

from __future__ import annotations

from typing import Dict, List, Tuple

from judanon import entities as E
from judanon.entities import Evidence
from judanon.resolve.candidates import LOST_CAPITALS, PERSON_LIKE, Candidate, words_of
from judanon.text import limits
from judanon.text.normalize import fold_key

#: What separates two parts of one name in a run of spans: spaces on one line (bounded: no timeout).
_PART_GAP = limits.linear(r"[ \t\u00a0\u202f]{1,3}", name="name part gap")
MASKING_WINS = "masking wins"


def masking_wins(text: str, candidates: List[Candidate], visible, hidden_label: str = E.PERSONNE_PHYSIQUE,
                 min_letters: int = 3) -> Tuple[List[Candidate], Dict[Tuple[int, int], str]]:
    """One referent, one decision: a name replaced as a person somewhere is replaced
    wherever it stands as a visible court member or lawyer too.

    ``visible(label)`` says whether a category stays visible. A run of visible
    person-like spans (``Yannick LE GOFF``, or a lawyer's one span) whose words include
    the surname of a replaced person becomes person spans, one per capitalized word of
    its name (up to the first lowercase word: ``Jean DURAND de la SCP X`` gives
    ``Jean``, ``DURAND``). The first word of a run of several is a first name and does
    not trigger this alone. Returns the candidates and, for each span that changed, the
    label it had (a doubt for the reviewer: the name had two labels).
    """
    if visible(hidden_label):
        return candidates, {}
    names, surfaces = set(), set()
    for c in candidates:
        if c.label == hidden_label:
            surfaces.add(fold_key(text[c.start:c.end]))
            for _, _, w in words_of(text, c.start, c.end):
                if len(w) >= min_letters:
                    names.add(w)
    if not names:
        return candidates, {}
    runs: List[List[Candidate]] = []
    for c in candidates:
        if c.label == hidden_label or c.label not in PERSON_LIKE or not visible(c.label):
            continue
        if runs and runs[-1][-1].label == c.label and _PART_GAP.fullmatch(text, runs[-1][-1].end, c.start):
            runs[-1].append(c)
        else:
            runs.append([c])
    changed: List[Candidate] = []
    was: Dict[Tuple[int, int], str] = {}
    removed = set()
    for run in runs:
        words = []
        for c in run:
            for ws, we, w in words_of(text, c.start, c.end):
                if not text[ws:we][:1].isupper() and text[ws:we][:1] not in LOST_CAPITALS:
                    break  # "de la SCP ...": the rest names a firm, not the person
                words.append((ws, we, w))
            else:
                continue
            break
        # the surname: the last word, or the words after the first name
        if not words or not (words[-1][2] in names or fold_key(text[words[min(1, len(words) - 1)][0]:words[-1][1]])
                             in surfaces):
            continue
        removed.update(id(c) for c in run)
        k = 0
        while k < len(words):
            # the longest run of words that is a replaced person's name (``LE GOFF``)
            m = next((m for m in range(len(words) - 1, k, -1)
                      if fold_key(text[words[k][0]:words[m][1]]) in surfaces), k)
            changed.append(Candidate(words[k][0], words[m][1], hidden_label, 2, 1.0, [Evidence(
                MASKING_WINS, "replaced as a person elsewhere in the decision", 1.0)]))
            was[(words[k][0], words[m][1])] = run[0].label
            k = m + 1
    if not changed:
        return candidates, {}
    out = [c for c in candidates if id(c) not in removed] + changed
    out.sort(key=lambda c: (c.start, c.end))
    return out, was
