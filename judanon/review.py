"""From resolved candidates to a ``Result``, and the review round trip.

``assemble`` turns candidates into entities and audit records (the machine run, a
review and a Label import share it); ``review`` re-renders a result after a person's
decisions and chains the change into its audit trail.
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Tuple

import attrs

from . import entities as E
from .audit import EntityRecord, EvidenceRecord, Revision, keyed_hash
from .entities import Entity, Evidence, entity_id
from .errors import ReviewError
from .resolve import Candidate, link, propagate
from .strategies import Mention
from .textnorm import fold_key

#: Source recorded for what a reviewer added or relabeled.
REVIEW = "review"
#: Characters before a mention that a strategy may look at (civilities).
_BEFORE = 30


@attrs.frozen(slots=True)
class Policy:
    """Which categories stay visible, and why."""

    omit: FrozenSet[str] = frozenset()
    keep_visible: FrozenSet[str] = E.VISIBLE_BY_DEFAULT
    #: ``(start, end)`` of the detected places that the place policy keeps visible
    #: (the seat of a court or public body); a reviewer's own additions are not in it.
    public_places: FrozenSet[Tuple[int, int]] = frozenset()

    def reason(self, label: str, span: Optional[Tuple[int, int]] = None) -> Optional[str]:
        if label in E.ALWAYS_VISIBLE:
            return "always-visible"
        if label in self.omit:
            return "omitted"
        if label in self.keep_visible:
            return "visible-by-default"
        if span is not None and span in self.public_places:
            return "public-place"
        return None


@attrs.frozen(slots=True)
class ReviewContext:
    """What a result needs to be reviewed later; held in memory only."""

    original: str
    policy: Policy
    audit_key: bytes
    audit_plaintext: bool
    propagate_names: bool
    #: The replacer's state after this result (a clone: reviewing never changes it).
    replacer: Any
    parties: Tuple[str, ...] = ()
    #: The profile's words announcing an identifier (doubts after a review).
    identifier_context: Tuple[str, ...] = ()
    #: The profile's declension paradigms (inflected forms of a name stay one person).
    inflections: Tuple[Tuple[str, ...], ...] = ()


def utc_now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def safe_detail(detail: str, surface_key: str, audit_key: bytes, plaintext: bool) -> str:
    """Evidence must not become a plaintext copy of the surface (e.g. a list entry)."""
    if plaintext or not detail:
        return detail
    d, s = fold_key(detail), surface_key
    if s and (s in d or (len(d) >= 3 and d in s)):
        return "entry:" + keyed_hash(audit_key, d)
    return detail


def assemble(text: str, candidates: Sequence[Candidate], links: Sequence[Tuple[str, Optional[str]]],
             policy: Policy, replacer, audit_key: bytes, plaintext: bool,
             kept: Optional[Mapping[str, Entity]] = None,
             previous_groups: Iterable[str] = ()) -> Tuple[List[Entity], List[EntityRecord]]:
    """Entities and audit records of ``candidates`` (sorted by offset).

    ``kept`` maps ids of entities a review left unchanged to their previous version:
    they keep their replacement and referent group; ``previous_groups`` are group ids
    of the previous version, never given to a new referent.
    """
    kept = kept or {}
    entities: List[Entity] = []
    records: List[EntityRecord] = []
    group_ids: Dict[Tuple[str, str], str] = {}
    used_groups = set(previous_groups)
    for c, (key, _) in zip(candidates, links):
        old = kept.get(entity_id(c.start, c.end))
        if old is not None:
            group_ids.setdefault((c.label, key), old.link)
            used_groups.add(old.link)
    next_group = 1
    hashed: dict = {}  # surface -> (folded key, keyed hash): names repeat in a decision
    for c, (key, doubt) in zip(candidates, links):
        reason = policy.reason(c.label, (c.start, c.end))
        surface = text[c.start:c.end]
        old = kept.get(entity_id(c.start, c.end))
        if reason:
            replacement = None
        elif old is not None and old.replacement is not None:
            replacement = old.replacement
            replacer.reserve(Mention(c.label, key, surface), replacement)
        else:
            before = text[max(0, c.start - _BEFORE):c.start]
            replacement = replacer.replacement(Mention(c.label, key, surface, before, text[c.end:c.end + _BEFORE]))
        known = hashed.get(surface)
        if known is None:
            folded = fold_key(surface)
            known = hashed[surface] = (folded, keyed_hash(audit_key, folded))
        surface_key, surface_hash = known
        sources = "+".join(sorted({e.source for e in c.evidence}))
        score = max(e.score for e in c.evidence)
        if old is not None:
            gid = old.link
        else:
            found = group_ids.get((c.label, key))
            gid = found if found is not None else ""
            if found is None:
                while f"g{next_group}" in used_groups:
                    next_group += 1
                gid = group_ids[(c.label, key)] = f"g{next_group}"
                used_groups.add(gid)
        entities.append(Entity(c.start, c.end, c.label, surface, sources, score, replacement,
                               tuple(c.evidence), reason, gid, doubt))
        records.append(EntityRecord(
            category=c.label, start=c.start, end=c.end,
            evidence=tuple(EvidenceRecord(e.source, safe_detail(e.detail, surface_key, audit_key, plaintext),
                                          e.score) for e in c.evidence),
            decision="visible" if reason else "replaced", reason=reason, replacement=replacement,
            surface_hash=surface_hash, link=gid, doubt=doubt,
            text=surface if plaintext else None, id=entity_id(c.start, c.end),
        ))
    return entities, records


def splice(text: str, entities: Sequence[Entity]) -> str:
    """``text`` with every replaced entity's replacement in place of its surface."""
    out = []
    pos = 0
    for e in sorted(entities, key=lambda e: e.start):
        if e.replacement is None:
            continue
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


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
    the entities they overlap; their other occurrences are found by propagation)."""
    from .doubts import find_doubts
    from .pipeline import Result

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
    if added and propagate_added:
        taken = sorted([(c.start, c.end) for c in candidates] + removed_spans)
        found = [c for c in propagate(text, added) if c not in added]
        for c in found:
            if any(a < c.end and c.start < b for a, b in taken):
                continue
            taken.append((c.start, c.end))
            added.append(c)
    candidates = sorted(candidates + added, key=lambda c: (c.start, c.end))
    links = link(text, candidates)
    if ctx.inflections:
        from .inflection import link_inflections

        links = link_inflections(text, candidates, links, ctx.inflections)
    replacer = ctx.replacer.clone()
    entities, records = assemble(text, candidates, links, ctx.policy, replacer,
                                 ctx.audit_key, ctx.audit_plaintext, kept=kept,
                                 previous_groups={e.link for e in result.entities})
    still = {e.id for e in entities}
    all_accepted = (accepted_so_far(result.audit.revisions) | set(accepted)) & still
    doubts = find_doubts(text, entities, ctx.parties, all_accepted, ctx.identifier_context)
    removed, added_records = diff(result.audit.entities, records)
    revision = Revision(number=0, action=action, actor=actor, time=time or utc_now(),
                        before=removed, after=added_records, accepted=tuple(sorted(accepted)),
                        entities_sha256="", doubts_sha256="", previous="")
    audit = result.audit.with_revision(revision, tuple(records), tuple(doubts))
    return Result(splice(text, entities), entities, audit, attrs.evolve(ctx, replacer=replacer.clone()))


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
