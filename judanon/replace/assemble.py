"""From resolved candidates to entities and their audit records, and the published text.

``assemble`` turns candidates into entities (each with its replacement, or the reason it
stays visible) and audit records; the machine run, a review and a Label import share it.
``splice`` writes the published text.

The replacement strategy is called here, wrapped like the detectors: a strategy that
raises fails the decision with an :class:`~judanon.errors.AnonymizationError` that
names the stage, never the text (the exception raised, which may quote a name, is kept
in the error's ``original`` attribute, not chained).
"""

from __future__ import annotations

from typing import AbstractSet, Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from judanon.audit.trail import EntityRecord, EvidenceRecord, keyed_hash
from judanon.entities import PERSON_CATEGORIES, Entity, entity_id
from judanon.errors import AnonymizationError, JudanonError
from judanon.replace.strategies import Mention
from judanon.resolve.candidates import Candidate
from judanon.resolve.policy import Policy
from judanon.text.normalize import fold_key

#: Characters before a mention that a strategy may look at (civilities).
_BEFORE = 30


#: Prefix of evidence replaced by its keyed hash.
HASHED_EVIDENCE = "entry:"
#: What fails a decision whose replacement strategy raised.
STRATEGY_STAGE = "strategy"
#: Characters a person's name may hold between two of its words (``M. Jean\nDupont``).
_NAME_GAP = 3


def safe_detail(detail: str, surface_key: str, audit_key: bytes, plaintext: bool, listed: bool = False) -> str:
    """Evidence must not become a plaintext copy of the surface or of a list entry.

    ``listed``: the detail is an entry of a list of names (a dictionary detector's
    ``evidence="entry"``): it is always hashed, since a variant spelling of the surface
    (``Dupontel`` for ``Dupontell``, ``Jean Pierre`` for ``Jean-Pierre``) would otherwise
    put the entry in clear. Other evidence is hashed when it holds the surface or is
    part of it."""
    if plaintext or not detail or detail.startswith(HASHED_EVIDENCE):
        return detail
    d, s = fold_key(detail), surface_key
    if listed or (s and (s in d or (len(d) >= 3 and d in s))):
        return HASHED_EVIDENCE + keyed_hash(audit_key, d)
    return detail


def strategy_call(function: Callable[..., Any], *args: Any) -> Any:
    """``function(*args)``, a call into the replacement strategy: anything it raises but
    judanon's own errors fails the decision without quoting it."""
    try:
        return function(*args)
    except JudanonError:
        raise
    except Exception as exc:
        error = AnonymizationError(f"the replacement strategy failed ({type(exc).__name__}); the decision "
                                   "was not pseudonymized", detector=STRATEGY_STAGE)
        error.original = exc  # type: ignore[attr-defined]
        raise error from None


def person_keys(text: str, candidates: Sequence[Candidate], links: Sequence[Tuple[str, Optional[str]]]) -> List[str]:
    """The key of the person each mention of a person names ("" for other categories).

    The words of one name are mentions of one category next to each other (``Jean``
    ``Dupont``): their link keys, joined, key the person. A lone word that belongs to
    exactly one such name in the decision (``M. Dupont`` after ``Jean Dupont``) names
    that person; one shared by two names (two Dupont) stays a person of its own.
    """
    runs: List[List[int]] = []
    for i, c in enumerate(candidates):
        if c.label not in PERSON_CATEGORIES:
            continue
        prev = candidates[i - 1] if i else None
        if runs and runs[-1][-1] == i - 1 and prev is not None and prev.label == c.label \
                and c.start - prev.end <= _NAME_GAP and not text[prev.end:c.start].strip():
            runs[-1].append(i)
        else:
            runs.append([i])
    words = [tuple(links[i][0] for i in run) for run in runs]
    owners: Dict[Tuple[str, str], set] = {}
    for run, name in zip(runs, words):
        if len(name) > 1:
            for word in set(name):  # each word once: hashing a long run's name costs its length
                owners.setdefault((candidates[run[0]].label, word), set()).add(name)
    out = [""] * len(candidates)
    joined: Dict[int, str] = {}  # one string per name (by identity): a run may be a whole decision of names
    for run, name in zip(runs, words):
        if len(name) == 1:
            found = owners.get((candidates[run[0]].label, name[0]), ())
            if len(found) == 1:
                name = next(iter(found))
        key = joined.get(id(name))
        if key is None:
            key = joined[id(name)] = " ".join(name)
        for i in run:
            out[i] = key
    return out


def assemble(text: str, candidates: Sequence[Candidate], links: Sequence[Tuple[str, Optional[str]]],
             policy: Policy, replacer, audit_key: bytes, plaintext: bool,
             kept: Optional[Mapping[str, Entity]] = None,
             previous_groups: Iterable[str] = (),
             listed: AbstractSet[str] = frozenset()) -> Tuple[List[Entity], List[EntityRecord]]:
    """Entities and audit records of ``candidates`` (sorted by offset).

    ``kept`` maps ids of entities a review left unchanged to their previous version:
    they keep their replacement and referent group; ``previous_groups`` are group ids
    of the previous version, never given to a new referent. ``listed`` names the
    detectors whose evidence is a list entry (always hashed, see :func:`safe_detail`).
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
    persons = person_keys(text, candidates, links)
    hashed: dict = {}  # surface -> (folded key, keyed hash): names repeat in a decision
    for c, (key, doubt), person in zip(candidates, links, persons):
        reason = policy.reason(c.label, (c.start, c.end))
        surface = text[c.start:c.end]
        old = kept.get(entity_id(c.start, c.end))
        if reason:
            replacement = None
        elif old is not None and old.replacement is not None:
            replacement = old.replacement
            strategy_call(replacer.reserve, Mention(c.label, key, surface, person=person), replacement)
        else:
            before = text[max(0, c.start - _BEFORE):c.start]
            mention = Mention(c.label, key, surface, before, text[c.end:c.end + _BEFORE], person)
            replacement = strategy_call(replacer.replacement, mention)
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
            evidence=tuple(EvidenceRecord(e.source, safe_detail(e.detail, surface_key, audit_key, plaintext,
                                                                e.source in listed), e.score)
                           for e in c.evidence),
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
