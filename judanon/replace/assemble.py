"""From resolved candidates to entities and their audit records, and the published text.

``assemble`` turns candidates into entities (each with its replacement, or the reason it
stays visible) and audit records; the machine run, a review and a Label import share it.
``splice`` writes the published text.
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from judanon.audit.trail import EntityRecord, EvidenceRecord, keyed_hash
from judanon.entities import Entity, entity_id
from judanon.replace.strategies import Mention
from judanon.resolve.candidates import Candidate
from judanon.resolve.policy import Policy
from judanon.text.normalize import fold_key

#: Characters before a mention that a strategy may look at (civilities).
_BEFORE = 30


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
