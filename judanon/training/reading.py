"""Reading annotated decisions: Label JSONL, (text, spans) pairs, CoNLL columns; sentences and tags.

Every format becomes :class:`AnnotatedText` values; :func:`tag_sentences` cuts them with
:mod:`judanon.text.tokenize` (the tokenizer used at run time) and turns spans into BIOES tags.
"""

from __future__ import annotations

from pathlib import Path
from typing import AbstractSet, Iterable, List, Optional, Sequence, Tuple, Union

import attrs

from judanon import entities as E
from judanon.errors import ArgumentError, GoldFormatError
from judanon.text.tokenize import MAX_SENTENCE_TOKENS, Token, sentences

#: Categories frequent enough in the court's data to be learned; rarer ones are
#: dropped from training (they count as outside) and left to rules.
DEFAULT_LABELS: Tuple[str, ...] = (
    E.PERSONNE_PHYSIQUE,
    E.MAGISTRAT_GREFFIER,
    E.AVOCAT,
    E.ADRESSE,
    E.LOCALITE,
    E.DATE_NAISSANCE,
)

TAG_TYPE = "ner"

SpanTuple = Tuple[int, int, str]


@attrs.frozen(slots=True)
class AnnotatedText:
    """A text and its entity spans (``(start, end, label)``, offsets into ``text``).

    ``group``: texts with the same non-empty group stay on one side of a split.
    """

    text: str
    spans: Tuple[SpanTuple, ...] = ()
    group: str = ""


# --- Reading -------------------------------------------------------------------------


def read_label_jsonl(path: Union[str, Path]) -> List[AnnotatedText]:
    """Decisions in Label's JSONL format (see module docstring), grouped by document number."""
    from judanon.evaluation import (
        read_gold,  # one reader of the format for scoring and training
    )

    return [
        AnnotatedText(d.text, tuple((m.start, m.end, m.label) for m in d.mentions), d.number)
        for d in read_gold(str(path))
    ]


def from_pairs(pairs: Iterable[Tuple[str, Iterable[Sequence]]]) -> List[AnnotatedText]:
    """``[(text, [(start, end, label), ...]), ...]`` -> annotated texts (offsets checked)."""
    docs = []
    for i, (text, spans) in enumerate(pairs):
        checked: Tuple[SpanTuple, ...] = tuple((int(s), int(e), str(lab)) for s, e, lab in spans)
        _check_spans(text, checked, f"pair {i}")
        docs.append(AnnotatedText(text, checked))
    return docs


def read_conll(source: Union[str, Path, Iterable[str]], tag_column: int = -1) -> List[AnnotatedText]:
    """CoNLL-style columns (token first, tag in ``tag_column``) -> one text per sentence."""
    lines = Path(source).read_text(encoding="utf-8").splitlines() if isinstance(source, (str, Path)) else source
    docs: List[AnnotatedText] = []
    words: List[str] = []
    tags: List[str] = []

    def flush():
        if words:
            docs.append(_from_token_tags(words, tags))
            words.clear()
            tags.clear()

    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if not line.strip():
            flush()
            continue
        if line.startswith("-DOCSTART-"):
            continue
        cols = line.split()
        if len(cols) < 2:
            raise GoldFormatError(f"CoNLL line {n}: expected 'token ... tag', got {line!r}")
        words.append(cols[0])
        tags.append(cols[tag_column])
    flush()
    return docs


def _from_token_tags(words: Sequence[str], tags: Sequence[str]) -> AnnotatedText:
    text_parts, offsets, pos = [], [], 0
    for w in words:
        offsets.append((pos, pos + len(w)))
        text_parts.append(w)
        pos += len(w) + 1
    text = " ".join(text_parts)
    spans: List[SpanTuple] = []
    current: Optional[List] = None
    for (s, e), tag in zip(offsets, tags):
        prefix, _, label = tag.partition("-")
        if tag == "O" or not label:
            current = None
            continue
        if prefix in ("B", "S") or current is None or current[2] != label:
            current = [s, e, label]
            spans.append(current)  # type: ignore[arg-type]
        else:
            current[1] = e
        if prefix in ("S", "E"):
            current = None
    return AnnotatedText(text, tuple((s, e, lab) for s, e, lab in spans))


def _check_spans(text: str, spans: Sequence[SpanTuple], where: str) -> None:
    for s, e, _ in spans:
        if not 0 <= s < e <= len(text):
            raise GoldFormatError(f"{where}: entity offsets {s}-{e} outside the text (length {len(text)})")


# --- Tokens and tags -------------------------------------------------------------------


def tag_sentences(
    doc: AnnotatedText,
    labels: Optional[Iterable[str]] = DEFAULT_LABELS,
    scheme: str = "BIOES",
    max_tokens: int = MAX_SENTENCE_TOKENS,
    blank_lines: bool = True,
    abbreviations: AbstractSet[str] = frozenset(),
) -> List[Tuple[List[Token], List[str]]]:
    """Cut ``doc`` into sentences of tokens with one tag per token (``abbreviations``: the
    pack's words whose period ends no sentence, see :func:`judanon.text.tokenize.sentences`).

    A token is inside an entity when at least half of its characters are; spans of
    labels not in ``labels`` are ignored (``labels=None`` keeps all).
    """
    scheme = scheme.upper()
    if scheme not in ("BIO", "BIOES"):
        raise ArgumentError(f"scheme must be BIO or BIOES, got {scheme!r}")
    keep = None if labels is None else frozenset(labels)
    spans = sorted((s for s in doc.spans if keep is None or s[2] in keep), key=lambda s: (s[0], -s[1]))
    out = []
    for sent in sentences(doc.text, max_tokens, blank_lines, abbreviations):
        tags = ["O"] * len(sent)
        # spans overlapping this sentence
        lo, hi = sent[0].start, sent[-1].end
        for s, e, label in spans:
            if e <= lo or s >= hi:
                continue
            inside = [i for i, t in enumerate(sent) if min(t.end, e) - max(t.start, s) >= (t.end - t.start) / 2]
            if not inside or any(tags[i] != "O" for i in inside):
                continue  # unaligned or overlapping annotation: leave it out
            first, last = inside[0], inside[-1]
            for i in range(first, last + 1):
                tags[i] = "I-" + label
            if scheme == "BIOES" and first == last:
                tags[first] = "S-" + label
            else:
                tags[first] = "B-" + label
                if scheme == "BIOES":
                    tags[last] = "E-" + label
        out.append((sent, tags))
    return out


def read_any(path: Union[str, Path]) -> List[AnnotatedText]:
    path = Path(path)
    if path.suffix.lower() in (".conll", ".bio", ".iob", ".txt", ".tsv"):
        return read_conll(path)
    return read_label_jsonl(path)

