"""Scoring against annotated decisions (the JSONL format of Label's seed data).

Three figures, per category and overall (and per ``source`` on request):

- **leak recall**: share of gold mentions that must be hidden (label not in the
  decision's ``categoriesToOmit``, not a lawyer) whose every letter and digit lies
  inside some replaced span. This is the privacy figure.
- **mask precision**: share of replaced spans that touch a gold mention that must be
  hidden. Mentions and spans lying wholly inside a publication marker already in the
  text (``[Localité 1]``) count neither way.
- **typed precision/recall/F1**: exact ``(start, end, label)`` matches, all gold labels.
  A category that a decision omits and whose omitted mentions the gold never annotates
  (in any decision) has no truth to score against there: its predictions in that
  decision are counted apart (``unscored``), not as errors.

With a profile that has zone words, the report also gives the share of decisions (those
holding a text) where each zone of the document model is found (``zones``, per group).
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any, Dict, Iterable, List, Optional, Sequence

import attrs
import regex

from judanon import entities as E
from judanon.errors import GoldFormatError
from judanon.text.markers import marker_spans

OVERALL = "ALL"
_LIBRARY_CATEGORIES = frozenset(E.CATEGORIES)


@attrs.frozen(slots=True)
class GoldMention:
    start: int
    end: int
    label: str


@attrs.frozen(slots=True)
class GoldDocument:
    id: str
    text: str
    mentions: tuple
    omit: frozenset
    source: str = ""
    #: The court's document number (``documentNumber``), shared by re-faked copies;
    #: without one, the decision's ``id`` (or ``line N``): model cards list held-out
    #: decisions by it.
    number: str = ""


def read_gold(path: str) -> List[GoldDocument]:
    """Read annotated decisions, one JSON object per line (fields ``text``, ``entities``)."""
    docs = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                text = d["text"]
                mentions = tuple(GoldMention(int(e["start"]), int(e["end"]), str(e["label"])) for e in d["entities"])
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise GoldFormatError(f"{path}:{n}: not an annotated decision ({type(exc).__name__}: {exc})") from None
            for m in mentions:
                if not (0 <= m.start < m.end <= len(text)):
                    raise GoldFormatError(f"{path}:{n}: entity offsets {m.start}-{m.end} outside the text")
            docs.append(GoldDocument(str(d.get("id", n)), text, mentions,
                                     frozenset(d.get("categoriesToOmit") or ()), str(d.get("source", "")),
                                     str(d.get("documentNumber") or d.get("id") or f"line {n}")))
    return docs


@attrs.define
class Counts:
    hide_total: int = 0      # gold mentions that must be hidden
    hide_covered: int = 0    # ... whose every letter/digit is replaced
    masked_total: int = 0    # replaced spans
    masked_touching: int = 0  # ... touching a mention that must be hidden
    gold: int = 0            # typed: gold mentions
    pred: int = 0            # typed: predicted entities
    exact: int = 0           # typed: exact (start, end, label) matches
    unscored: int = 0        # typed: predicted in an omitted category left unannotated
    # Policy-adjusted figures: gold mentions the library's place policy keeps visible
    # (the town of a court or public body) are set apart, neither leaks nor hits.
    policy_kept: int = 0     # must-hide gold mentions the policy keeps visible
    policy_kept_covered: int = 0  # ... masked all the same
    masked_touching_policy: int = 0  # replaced spans touching a must-hide mention not set apart

    def add(self, other: "Counts") -> None:
        for f in attrs.fields(Counts):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @staticmethod
    def _ratio(a: int, b: int) -> Optional[float]:
        return a / b if b else None

    @property
    def leak_recall(self):
        return self._ratio(self.hide_covered, self.hide_total)

    @property
    def mask_precision(self):
        return self._ratio(self.masked_touching, self.masked_total)

    @property
    def policy_leak_recall(self):
        """Leak recall over the mentions the place policy does not keep visible."""
        return self._ratio(self.hide_covered - self.policy_kept_covered, self.hide_total - self.policy_kept)

    @property
    def policy_mask_precision(self):
        """Mask precision where masking a mention the policy keeps visible is a false mask."""
        return self._ratio(self.masked_touching_policy, self.masked_total)

    @property
    def precision(self):
        return self._ratio(self.exact, self.pred)

    @property
    def recall(self):
        return self._ratio(self.exact, self.gold)

    @property
    def f1(self):
        p, r = self.precision, self.recall
        if not p or not r:
            return 0.0 if (self.pred or self.gold) else None
        return 2 * p * r / (p + r)

    def to_dict(self) -> dict:
        d = attrs.asdict(self)
        for name in ("leak_recall", "mask_precision", "policy_leak_recall", "policy_mask_precision",
                     "precision", "recall", "f1"):
            d[name] = getattr(self, name)
        return d


@attrs.define
class Report:
    #: group ("ALL" or a source) -> category ("ALL" or a label) -> counts
    groups: Dict[str, Dict[str, Counts]]
    documents: int
    characters: int
    #: Gold mentions the place policy keeps visible: (decision id, start, end, label, text).
    policy_mentions: List[tuple] = attrs.field(factory=list)
    #: group -> how often each zone is found (``judanon.structure.ZoneShares``); empty
    #: when the profile has no zone words.
    zones: Dict[str, Any] = attrs.field(factory=dict)

    def overall(self, category: str = OVERALL) -> Counts:
        return self.groups.get(OVERALL, {}).get(category, Counts())

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "characters": self.characters,
            "groups": {g: {c: v.to_dict() for c, v in cats.items()} for g, cats in self.groups.items()},
            # where, not what: the surfaces stay in the gold file
            "policy_mentions": [list(m[:4]) for m in self.policy_mentions],
            "zones": {g: z.to_dict() for g, z in self.zones.items()},
        }


def combine(reports: Iterable[Report]) -> Report:
    """One report from several (the folds of a cross-validation): every count adds up."""
    groups: Dict[str, Dict[str, Counts]] = defaultdict(lambda: defaultdict(Counts))
    documents = characters = 0
    policy_mentions: List[tuple] = []
    zones: Dict[str, Any] = {}
    for r in reports:
        documents += r.documents
        characters += r.characters
        policy_mentions += r.policy_mentions
        for g, cats in r.groups.items():
            for c, counts in cats.items():
                groups[g][c].add(counts)
        for g, shares in r.zones.items():
            zones[g] = zones[g] + shares if g in zones else shares
    return Report({g: dict(c) for g, c in groups.items()}, documents, characters, policy_mentions, zones)


def _inside_markers(start: int, end: int, text: str, markers) -> bool:
    chars = [i for i in range(start, end) if text[i].isalnum()]
    return bool(chars) and all(any(a <= i < b for a, b in markers) for i in chars)


def unannotated_omissions(docs: Iterable[GoldDocument]) -> frozenset:
    """Categories that decisions omit and whose mentions the gold leaves unannotated there.

    Label's data annotates magistrates even where a decision omits them, but leaves
    omitted birth dates or towns unannotated: a prediction of those cannot be judged.
    """
    omitted, annotated = set(), set()
    for d in docs:
        omitted |= d.omit
        annotated |= {m.label for m in d.mentions if m.label in d.omit}
    return frozenset(omitted - annotated)


def score_document(doc: GoldDocument, entities: Sequence, unscored: frozenset = frozenset(),
                   kept=None, policy_mentions: Optional[list] = None) -> Dict[str, Counts]:
    """Counts per category for one decision, given the pipeline's entities.

    Typed counts leave out the categories of ``unscored`` that this decision omits
    (see :func:`unannotated_omissions`). ``kept(start, end, label)`` says whether the
    library's place policy keeps a mention visible (policy-adjusted figures); the
    mentions it keeps are appended to ``policy_mentions`` when given.
    """
    text = doc.text
    markers = marker_spans(text)
    per: Dict[str, Counts] = defaultdict(Counts)
    covered = bytearray(len(text))
    replaced = [e for e in entities if e.replacement is not None]
    for e in replaced:
        covered[e.start:e.end] = b"\x01" * (e.end - e.start)

    must_hide = []
    must_hide_adjusted = []
    for m in doc.mentions:
        c = per[m.label]
        c.gold += 1
        if m.label in doc.omit or m.label in E.ALWAYS_VISIBLE:
            continue
        if markers and _inside_markers(m.start, m.end, text, markers):
            continue
        must_hide.append(m)
        c.hide_total += 1
        hidden = all(covered[i] or not text[i].isalnum() for i in range(m.start, m.end))
        c.hide_covered += hidden
        if kept is not None and kept(m.start, m.end, m.label):
            c.policy_kept += 1
            c.policy_kept_covered += hidden
            if policy_mentions is not None:
                policy_mentions.append((doc.id, m.start, m.end, m.label))
        else:
            must_hide_adjusted.append((m.start, m.end))

    gold_keys = {(m.start, m.end, m.label) for m in doc.mentions}
    skip = unscored & doc.omit
    for e in entities:
        c = per[e.label]
        if e.label in skip:
            c.unscored += 1
            continue
        c.pred += 1
        if (e.start, e.end, e.label) in gold_keys:
            c.exact += 1

    hide_sorted = sorted((m.start, m.end) for m in must_hide)
    for e in replaced:
        if markers and _inside_markers(e.start, e.end, text, markers):
            continue
        c = per[e.label]
        c.masked_total += 1
        if any(a < e.end and e.start < b for a, b in hide_sorted):
            c.masked_touching += 1
        if any(a < e.end and e.start < b for a, b in must_hide_adjusted):
            c.masked_touching_policy += 1
    return per


def evaluate(gold, anonymizer=None, *, neural: Optional[bool] = None, by_source: bool = True,
             unscored: Optional[frozenset] = None, progress: bool = False) -> Report:
    """Run ``anonymizer`` (default: ``Anonymizer(neural=neural)``) on annotated decisions.

    ``gold`` is a path to a JSONL file, or an iterable of ``GoldDocument``. ``unscored``:
    the categories left out of typed figures where omitted (default:
    :func:`unannotated_omissions` of these decisions; pass the whole file's when scoring
    a part of it). ``progress=True`` shows a progress bar on stderr when tqdm (the
    ``progress`` extra) is installed.
    """
    from judanon.pipeline import Anonymizer

    docs = read_gold(gold) if isinstance(gold, str) else list(gold)
    if unscored is None:
        unscored = unannotated_omissions(docs)
    anonymizer = anonymizer if anonymizer is not None else Anonymizer(neural=neural)
    groups: Dict[str, Dict[str, Counts]] = defaultdict(lambda: defaultdict(Counts))
    chars = 0
    # the profile's policy, not the anonymizer's settings: masking a seat the library
    # keeps visible is a false mask in the policy-adjusted figures
    from judanon.packs import DEFAULT_PROFILE, visible_places

    policy = visible_places(getattr(anonymizer, "profile", DEFAULT_PROFILE))
    policy_mentions: list = []
    from judanon.structure import ZoneShares, zone_words_or_none

    words = zone_words_or_none(getattr(anonymizer, "profile", DEFAULT_PROFILE))
    zones: Dict[str, Any] = {}
    for doc in _progress(docs, progress):
        if words is not None:
            shares = ZoneShares.of(doc.text, words)
            for group in (OVERALL, doc.source) if by_source and doc.source else (OVERALL,):
                zones[group] = zones[group] + shares if group in zones else shares
        # a gold-only category (``date``) has no detector: the pipeline is not told to omit
        # it, and its mentions, omitted, are neither leaks nor hits
        result = anonymizer.anonymize(doc.text, omit=doc.omit & _LIBRARY_CATEGORIES, case_id=doc.id)
        chars += len(doc.text)
        kept = None
        if policy:
            seats = policy.spans(doc.text)
            kept = (lambda start, end, label, t=doc.text, seats=seats:
                    policy.keeps(t, start, end, label, seats))
        for label, counts in score_document(doc, result.entities, unscored, kept, policy_mentions).items():
            for group in (OVERALL, doc.source) if by_source and doc.source else (OVERALL,):
                groups[group][label].add(counts)
                groups[group][OVERALL].add(counts)
    texts = {d.id: d.text for d in docs}
    shown = [(i, a, b, label, texts[i][a:b]) for i, a, b, label in policy_mentions]
    return Report({g: dict(c) for g, c in groups.items()}, len(docs), chars, shown, zones)


def _progress(docs: Sequence[GoldDocument], enabled: bool):
    """``docs``, with a progress bar on stderr when ``enabled`` and tqdm is installed."""
    if not enabled:
        return docs
    try:
        from tqdm import tqdm
    except ImportError:
        return docs
    import sys

    return tqdm(docs, total=len(docs), unit="decision", file=sys.stderr, leave=False, dynamic_ncols=True)


#: Labels whose mentions :func:`with_unseen_names` rewrites by default.
UNSEEN_LABELS = (E.PERSONNE_PHYSIQUE, E.LOCALITE)


def _capitalized_word(kept: Sequence[str]):
    """Capitalized words, except ``kept`` (the ones names and towns are built with)."""
    unless = r"(?!(?:" + "|".join(regex.escape(w) for w in kept) + r")\b)" if kept else ""
    return regex.compile(unless + r"\p{Lu}[\p{L}\p{M}]+")


def with_unseen_names(docs: Iterable[GoldDocument], seed: int = 0,
                      labels: Sequence[str] = UNSEEN_LABELS, *, sounds: Sequence[Sequence[str]] = (),
                      kept_words: Sequence[str] = ()) -> List[GoldDocument]:
    """The decisions with every capitalized word of their ``labels`` mentions replaced by
    an invented name (:func:`judanon.text.lexicons.invent_name`, from the language's
    ``sounds``), the same word by the same name within a decision, capitals kept
    (``DUPONT`` -> ``KOURAZEL``); ``kept_words`` (``Saint``, ``Le``: a pack's
    ``name_frame_words``) stay.

    Scores on them tell how much a pipeline finds from context and letters rather than
    from names it knows: no list holds the invented names and no model saw them.
    Mentions overlapping a rewritten one keep their text; every offset is moved.
    """
    import random

    rng = random.Random(seed)
    capitalized = _capitalized_word(tuple(kept_words))
    return [_with_invented_names(doc, labels, rng, sounds, capitalized) for doc in docs]


def _with_invented_names(doc: GoldDocument, labels: Sequence[str], rng, sounds, capitalized) -> GoldDocument:
    from judanon.text.lexicons import Substitutes, invent_name

    text = doc.text
    substitute = Substitutes(lambda: invent_name(rng, sounds))  # one name per word, whole decision
    edits = []  # (start, end, replacement): in text order, not overlapping
    last_end = -1
    for m in sorted(doc.mentions, key=lambda m: (m.start, m.end)):
        if m.label not in labels or m.start < last_end:
            continue
        new_surface = capitalized.sub(lambda w: substitute(w.group()), text[m.start:m.end])
        if new_surface != text[m.start:m.end]:
            edits.append((m.start, m.end, new_surface))
        last_end = m.end
    if not edits:
        return doc
    pieces, pos = [], 0
    for start, end, new in edits:
        pieces += [text[pos:start], new]
        pos = end
    pieces.append(text[pos:])
    mentions = (GoldMention(_moved(m.start, edits, False), _moved(m.end, edits, True), m.label) for m in doc.mentions)
    return attrs.evolve(doc, text="".join(pieces), mentions=tuple(m for m in mentions if m.start < m.end))


def _moved(pos: int, edits, is_end: bool) -> int:
    """Where offset ``pos`` lands once ``edits`` are made (inside an edit: on its edge)."""
    shift = 0
    for start, end, new in edits:
        if pos >= end:
            shift += len(new) - (end - start)
        elif pos > start:
            return start + shift + (len(new) if is_end else 0)
        else:
            break
    return pos + shift


def held_out_numbers(model_card: str) -> frozenset:
    """Document numbers a model did not train on, from its card (``held_out_document_numbers``)."""
    try:
        with open(model_card, encoding="utf-8") as fh:
            card = json.load(fh)
        return frozenset(str(n) for n in card["held_out_document_numbers"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise GoldFormatError(f"{model_card}: not a model card with held_out_document_numbers ({exc})") from None


def evaluate_files(paths: Iterable[str], anonymizer=None, *, neural: Optional[bool] = None,
                   only_numbers: Optional[frozenset] = None, unseen_names: bool = False,
                   progress: bool = False) -> Report:
    """Evaluate on every decision of ``paths`` (only those numbered in ``only_numbers`` if
    given; with their names and towns invented if ``unseen_names``; ``progress``: see
    :func:`evaluate`)."""
    docs: List[GoldDocument] = []
    for p in paths:
        docs.extend(read_gold(p))
    unscored = unannotated_omissions(docs)  # a property of the whole files
    if only_numbers is not None:
        docs = [d for d in docs if d.number in only_numbers]
    if unseen_names:
        from judanon.packs import DEFAULT_PROFILE, load_profile

        # the names invented are the language's: the profile of the anonymizer scored
        language = load_profile(getattr(anonymizer, "profile", DEFAULT_PROFILE))
        docs = with_unseen_names(docs, sounds=language.name_sounds, kept_words=language.name_frame_words)
    return evaluate(docs, anonymizer, neural=neural, unscored=unscored, progress=progress)


def _fmt(x: Optional[float]) -> str:
    return "    -" if x is None else f"{x:5.3f}"


def format_report(report: Report, by: Optional[str] = None, show_policy: bool = False) -> str:
    """A readable table: per category, then overall; per source when ``by="source"``.

    Leak recall and mask precision come strict and policy-adjusted (``*``: the gold
    mentions the place policy keeps visible set apart); ``show_policy`` lists those.
    """
    header = (f"{'category':<32}{'leak rec':>9}{'hidden':>12}{'leak rec*':>10}{'mask prec':>10}"
              f"{'mask prec*':>11}{'masked':>12}{'typed P':>9}{'typed R':>9}{'typed F1':>9}{'gold':>7}")

    def rows(cats: Dict[str, Counts]) -> List[str]:
        out = [header, "-" * len(header)]
        names = sorted((c for c in cats if c != OVERALL), key=lambda c: -cats[c].gold)
        for name in names + [OVERALL]:
            c = cats.get(name, Counts())  # no decision scored: a row of zeros, not a KeyError
            out.append(
                f"{name:<32}{_fmt(c.leak_recall):>9}{f'{c.hide_covered}/{c.hide_total}':>12}"
                f"{_fmt(c.policy_leak_recall):>10}{_fmt(c.mask_precision):>10}"
                f"{_fmt(c.policy_mask_precision):>11}{f'{c.masked_touching}/{c.masked_total}':>12}"
                f"{_fmt(c.precision):>9}{_fmt(c.recall):>9}{_fmt(c.f1):>9}{c.gold:>7}"
            )
        return out

    lines = [f"{report.documents} decisions, {report.characters} characters", ""]
    lines += rows(report.groups.get(OVERALL, {}))
    overall = report.overall()
    lines += ["", f"* policy-adjusted: {overall.policy_kept} gold mentions that the place policy keeps "
              f"visible (seats of courts and public bodies) set apart, {overall.policy_kept_covered} "
              "of them masked all the same (false masks in mask prec*)"]
    if overall.unscored:
        lines += [f"{overall.unscored} predicted entities lie in categories their decision omits and "
                  "the gold leaves unannotated: not in the typed figures"]
    if by == "source":
        for group in sorted(g for g in report.groups if g != OVERALL):
            lines += ["", f"source: {group}"] + rows(report.groups[group])
    if report.zones:
        lines += [""] + format_zones(report.zones, by_source=by == "source")
    if show_policy:
        lines += ["", "gold mentions the place policy keeps visible (decision, offsets, label, text):"]
        lines += [f"{i}\t{a}-{b}\t{label}\t{surface}" for i, a, b, label, surface in report.policy_mentions]
    return "\n".join(lines)


def format_zones(zones: Dict[str, Any], by_source: bool = False) -> List[str]:
    """Lines of a table: per group, the share of decisions (those holding a text) where
    each zone and sub-zone is found."""
    from judanon.text.zones import SUBZONE_NAMES, ZONE_NAMES

    names = ZONE_NAMES + SUBZONE_NAMES
    widths = [max(len(n), 5) + 2 for n in names]
    header = f"{'zones found':<16}{'decisions':>10}" + "".join(f"{n:>{w}}" for n, w in zip(names, widths))
    lines = [header, "-" * len(header)]
    groups = [OVERALL] + (sorted(g for g in zones if g != OVERALL) if by_source else [])
    for group in (g for g in groups if g in zones):
        shares = zones[group]
        lines.append(f"{group:<16}{shares.decisions:>10}"
                     + "".join(f"{_fmt(shares.shares[n] if shares.decisions else None):>{w}}"
                               for n, w in zip(names, widths)))
    empty = zones[OVERALL].empty if OVERALL in zones else 0
    if empty:
        lines.append(f"{empty} decisions without a text left out of the zone shares")
    return lines
