"""The review round trip: ``review`` re-renders a result after a person's decisions
and chains the change into its audit trail (``revise`` also serves Label imports)."""

from __future__ import annotations

from typing import Any, Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Tuple

import attrs

from judanon import entities as E
from judanon.audit.trail import EntityRecord, Revision, utc_now
from judanon.entities import Entity, Evidence
from judanon.errors import ReviewError
from judanon.resolve import resolve
from judanon.resolve.candidates import Candidate
from judanon.replace.assemble import assemble, splice
from judanon.resolve.policy import Policy

#: Source recorded for what a reviewer added or relabeled.
REVIEW = "review"


@attrs.frozen(slots=True)
class ReviewContext:
    """What a result needs to be reviewed later; held in memory only. Its repr leaves out
    the original text, the audit key, the parties and the replacer's state."""

    original: str = attrs.field(repr=False)
    policy: Policy
    audit_key: bytes = attrs.field(repr=False)
    audit_plaintext: bool
    propagate_names: bool
    #: The replacer's state after this result (a clone: reviewing never changes it).
    replacer: Any = attrs.field(repr=False)
    parties: Tuple[str, ...] = attrs.field(default=(), repr=False)
    #: The profile's words announcing an identifier (doubts after a review).
    identifier_context: Tuple[str, ...] = ()
    #: The profile's declensions (``Profile.inflections``): inflected forms of a name
    #: stay one person.
    inflections: Any = ()
    #: Detectors whose evidence is a list entry (hashed in the trail).
    listed: FrozenSet[str] = frozenset()
    #: Doubts on what the decision asked (its reasons hidden, the judge's terms): they
    #: name no entity, and stay through reviews.
    request_doubts: Tuple[Any, ...] = ()


def diff(before: Sequence[EntityRecord], after: Sequence[EntityRecord]):
    """Records only in ``before`` (removed) and only in ``after`` (added)."""
    rest = list(after)
    removed = []
    for r in before:
        try:
            rest.remove(r)
        except ValueError:
            removed.append(r)
    remaining = list(before)
    added = []
    for r in after:
        try:
            remaining.remove(r)
        except ValueError:
            added.append(r)
    return tuple(removed), tuple(added)


def accepted_so_far(revisions: Iterable[Revision]) -> FrozenSet[str]:
    out: set = set()
    for rev in revisions:
        out.update(rev.accepted)
    return frozenset(out)


# --- review --------------------------------------------------------------------------

def review(result, accept=None, reject: Iterable[str] = (), add: Iterable[Tuple[int, int, str]] = (),
           relabel: Optional[Mapping[str, str]] = None, reviewer: Optional[str] = None):
    """See ``Result.review``."""
    if not isinstance(reviewer, str) or not reviewer.strip():
        raise ReviewError("a review must name its reviewer: result.review(..., reviewer='name')")
    ctx = _context(result)
    by_id = {e.id: e for e in result.entities}
    reject = _ids("reject", reject, by_id)
    relabel = dict(relabel or {})
    _ids("relabel", relabel, by_id)
    for eid, label in relabel.items():
        if label not in E.CATEGORIES:
            raise ReviewError(f"relabel of {eid}: unknown category {label!r}; categories are: "
                              + ", ".join(E.CATEGORIES))
    both = set(reject) & set(relabel)
    if both:
        raise ReviewError(f"entity {sorted(both)[0]} is both rejected and relabeled; choose one")
    if accept is True:
        accepted = tuple(e.id for e in result.entities if e.id not in reject and e.id not in relabel)
    elif accept is None or accept is False:
        accepted = ()
    else:
        accepted = tuple(_ids("accept", accept, by_id))
    spans = _spans(add, ctx.original)
    return revise(result, set(reject), spans, relabel, actor=reviewer.strip(), action="review",
                  accepted=accepted, propagate_added=ctx.propagate_names)


def revise(result, reject: set, add: Sequence[Tuple[int, int, str]], relabel: Mapping[str, str], *,
           actor: str, action: str, accepted: Sequence[str] = (), propagate_added: bool = True,
           time: Optional[str] = None):
    """The result after removing ``reject`` ids, relabeling, and adding spans (which replace
    the entities they overlap; with ``propagate_added``, their other occurrences and case
    forms are found by propagation). The entities kept and the spans added are resolved
    by :func:`judanon.resolve.resolve`, as the machine run's spans are."""
    from judanon.audit.doubts import find_doubts

    ctx = _context(result)
    text = ctx.original
    removed_spans = []
    kept: Dict[str, Entity] = {}
    candidates: List[Candidate] = []
    for e in result.entities:
        if e.id in reject or any(a < e.end and e.start < b for a, b, _ in add):
            removed_spans.append((e.start, e.end))
            continue
        evidence = list(e.evidence)
        if e.id in relabel and relabel[e.id] != e.label:
            evidence.append(Evidence(REVIEW, f"relabeled from {e.label}", 1.0))
            candidates.append(Candidate(e.start, e.end, relabel[e.id], 3, 1.0, evidence))
            continue
        kept[e.id] = e
        candidates.append(Candidate(e.start, e.end, e.label, 3, e.score, evidence))
    added = [Candidate(a, b, label, 3, 1.0, [Evidence(REVIEW, "added by a reviewer", 1.0)])
             for a, b, label in sorted(add)]
    resolution = resolve(text, accepted=candidates, added=added, blocked=removed_spans,
                         propagate_names=propagate_added, inflections=ctx.inflections)
    candidates, links = resolution.candidates, resolution.links
    replacer = ctx.replacer.clone()
    entities, records = assemble(text, candidates, links, ctx.policy, replacer,
                                 ctx.audit_key, ctx.audit_plaintext, kept=kept,
                                 previous_groups={e.link for e in result.entities}, listed=ctx.listed)
    still = {e.id for e in entities}
    all_accepted = (accepted_so_far(result.audit.revisions) | set(accepted)) & still
    doubts = find_doubts(text, entities, ctx.parties, all_accepted, ctx.identifier_context) + list(ctx.request_doubts)
    removed, added_records = diff(result.audit.entities, records)
    revision = Revision(number=0, action=action, actor=actor, time=time or utc_now(),
                        before=removed, after=added_records, accepted=tuple(sorted(accepted)),
                        entities_sha256="", doubts_sha256="", previous="")
    audit = result.audit.with_revision(revision, tuple(records), tuple(doubts), ctx.audit_key)
    # a value of the result's own class (this module does not import the engine's modules)
    return attrs.evolve(result, text=splice(text, entities), entities=entities, audit=audit,
                        context=attrs.evolve(ctx, replacer=replacer.clone()))


def _context(result) -> ReviewContext:
    ctx = getattr(result, "_context", None)
    if ctx is None:
        raise ReviewError("this result cannot be reviewed: it was not made by Anonymizer.anonymize, "
                          "Result.review or judanon.from_label in this process")
    return ctx


def _ids(what: str, ids, by_id) -> List[str]:
    if isinstance(ids, str):
        raise ReviewError(f"{what} takes a list of entity ids, not one string: {what}=[{ids!r}]")
    out = list(ids)
    for eid in out:
        if eid not in by_id:
            raise ReviewError(f"{what}: no entity with id {eid!r} in this result (ids are Entity.id, "
                              "e.g. 'e120-126')")
    return out


def _spans(add, text: str) -> List[Tuple[int, int, str]]:
    spans = []
    for item in add:
        try:
            start, end, label = item
        except (TypeError, ValueError):
            raise ReviewError(f"add takes (start, end, label) triples, got {item!r}") from None
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise ReviewError(f"add: ({start!r}, {end!r}) is not a span of the text (0 <= start < end <= "
                              f"{len(text)})")
        if label not in E.CATEGORIES:
            raise ReviewError(f"add: unknown category {label!r}; categories are: " + ", ".join(E.CATEGORIES))
        spans.append((start, end, label))
    spans.sort()
    for (a1, b1, _), (a2, b2, _) in zip(spans, spans[1:]):
        if a2 < b1:
            raise ReviewError(f"add: spans ({a1}, {b1}) and ({a2}, {b2}) overlap; add one of them")
    return spans
