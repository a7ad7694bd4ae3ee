"""Interop with Label, the Cour de cassation's review tool.

``AuditTrail.to_label()`` exports entities as Label annotations (``category``,
``entityId``, ``start``, ``text``, ``certaintyScore``) so judanon can pre-annotate for
that tool; ``from_label(document, treatments)`` reads a Label document and its
treatments (``annotationsDiff``: ``before``/``after`` lists of annotations) back into a
``Result``, each treatment becoming a revision of its audit trail.
"""

from __future__ import annotations

import datetime
import json
from typing import Dict, List, Optional, Sequence, Tuple, Union

import attrs

from judanon._version import __version__
from judanon import entities as E
from judanon.audit import SCHEMA_VERSION, AuditTrail, DetectorInfo, Revision, freeze, input_fields
from judanon.entities import Evidence, entity_id
from judanon.errors import LabelFormatError
from judanon.keys import REPLACEMENT_SEED, check_key, keyed_digest
from judanon.text.intervals import select_disjoint
from judanon.replace.pseudonymize import seed_for
from judanon.resolve import resolve
from judanon.resolve.candidates import Candidate
from judanon.resolve.policy import Policy
from judanon.resolve.requests import Requests, asked_spans, hide_parts, hide_terms
from judanon.audit.review import ReviewContext, revise
from judanon.replace.assemble import assemble, splice
from judanon.audit.trail import utc_now
from judanon.replace.strategies import check_strategy, describe, replacer_for, with_formats

#: Source recorded for annotations read from Label.
LABEL = "label"

_Key = Tuple[str, int, int]  # (category, start, end)


def from_label(document: Union[dict, str], treatments: Optional[Sequence[dict]] = None, *,
               strategy=None, case_id: Optional[str] = None, audit_key: Optional[bytes] = None,
               audit_plaintext: bool = False, profile: Optional[str] = None):
    """A ``Result`` from a Label document and, optionally, its treatments.

    ``document`` is a dict (or its JSON) with ``text``, its annotations (``annotations``
    in Label's form, or ``entities`` ``{start, end, label, text}`` as in judanon's data
    files) and ``categoriesToOmit``. ``treatments`` are applied in order: each removes
    its ``annotationsDiff.before`` and adds its ``after``, and becomes a revision of the
    audit trail (actor: the treatment's ``source``). Replacements follow ``strategy``
    (default ``LabelStyle``, in the formats of ``profile``'s pack, the default profile's
    when ``None``); mentions Label gives one ``entityId`` share one. Mentions with no
    ``entityId`` (judanon's ``entities``) are linked as in a machine run: spelling
    variants, and the case forms of one name (``profile``'s declensions: ``Kowalski``,
    ``Kowalskiego``). Annotations are resolved by :func:`judanon.resolve.resolve` as
    accepted candidates, with no propagation.

    The document's requests are applied (at its top level or in ``decisionMetadata``):
    ``motivationOccultation`` hides the reasons whole, ``additionalTermsToAnnotate`` (a
    list of terms, or the court's free text, read as ``instructions``; its
    ``computedAdditionalTerms`` when given) and ``additionalTermsToUnAnnotate`` are the
    judge's terms to hide and to keep visible, as ``Anonymizer.anonymize`` applies them;
    ``additionalTermsParsingFailed`` becomes a doubt.
    """
    from judanon.packs import DEFAULT_PROFILE, load_profile

    import os

    if isinstance(document, str):
        try:
            document = json.loads(document)
        except json.JSONDecodeError as exc:
            raise LabelFormatError(f"the Label document is not valid JSON: {exc}") from None
    if not isinstance(document, dict) or not isinstance(document.get("text"), str):
        raise LabelFormatError("a Label document is an object with a 'text' string")
    text = document["text"]
    base = document.get("annotations")
    if base is None:
        base = document.get("entities", [])
    state: Dict[_Key, Tuple[float, Optional[str]]] = {}
    for i, a in enumerate(base):
        span_key, score, eid = _annotation(a, text, f"annotation {i}")
        state[span_key] = (score, eid)

    if "categoriesToOmit" in document:
        policy = Policy(frozenset(document["categoriesToOmit"]), frozenset())
    else:
        policy = Policy(frozenset(), E.VISIBLE_BY_DEFAULT)
    loaded = load_profile(DEFAULT_PROFILE if profile is None else profile)
    strategy = with_formats(check_strategy(strategy), loaded.replacement_formats)
    key = check_key(audit_key, "audit_key") if audit_key is not None else os.urandom(32)
    seed = seed_for(case_id, text) if case_id is not None else "text:" + keyed_digest(key, REPLACEMENT_SEED, text)
    replacer = replacer_for(strategy, seed)
    replacer.begin(text)
    accepted = _without_overlaps(state)
    # Label's entityId says which mentions are one referent; it holds the name, so the
    # evidence keeps only the word "entityId" (the link itself is the group id)
    entity_ids = {(c.start, c.end): state[(c.label, c.start, c.end)][1] for c in accepted}
    asked, prepared, accepted = _requests(document, text, accepted, policy, loaded.code, loaded)
    resolution = resolve(text, accepted=accepted, propagate_names=False, inflections=loaded.inflections,
                         keys=entity_ids, requests=Requests(keep=prepared.requests.keep))
    candidates, links = resolution.candidates, resolution.links
    asked_hidden, asked_visible = asked_spans(candidates)
    policy = attrs.evolve(policy, asked_hidden=asked_hidden, asked_visible=asked_visible)
    entities, records = assemble(text, candidates, links, policy, replacer, key, audit_plaintext)
    from judanon.audit.doubts import find_doubts
    from judanon.result import Result

    audit = _trail(text, key, base, policy, case_id, audit_plaintext, strategy, asked, records,
                   tuple(find_doubts(text, entities, (), (), loaded.identifier_context)) + prepared.doubts)
    ctx = ReviewContext(text, policy, key, audit_plaintext, True, replacer.clone(), (), loaded.identifier_context,
                        loaded.inflections, request_doubts=prepared.doubts)
    result = Result(splice(text, entities), entities, audit, ctx)

    for n, treatment in enumerate(treatments or ()):
        result = _apply(result, treatment, n, text)
    return result


def _trail(text: str, key: bytes, base, policy: Policy, case_id, audit_plaintext: bool, strategy, asked, records,
           doubts):
    """The audit trail of a Label import: its header and the first revision."""
    from judanon.requested import label_terms

    audit = AuditTrail(
        schema_version=SCHEMA_VERSION, judanon_version=__version__,
        **input_fields(key, text),
        detectors=(DetectorInfo(LABEL, "1", (("annotations", str(len(base))),)),),
        configuration=tuple((k, freeze(v)) for k, v in (
            ("profile", None), ("omit", sorted(policy.omit)), ("keep_visible", sorted(policy.keep_visible)),
            ("always_visible", sorted(E.ALWAYS_VISIBLE)), ("case_id", case_id), ("propagate_names", False),
            ("audit_plaintext", audit_plaintext), ("strategy", describe(strategy)),
        ) + asked.configuration(audit_plaintext)),
        entities=(), source=text, terms=label_terms(asked),
    )
    return audit.with_revision(Revision(0, "label-import", LABEL, utc_now(), (), (), (), "", "", ""),
                               tuple(records), tuple(doubts), key)


#: Label's document fields of a decision's requests.
_REQUEST_FIELDS = ("motivationOccultation", "additionalTermsToAnnotate", "additionalTermsToUnAnnotate",
                   "computedAdditionalTerms", "additionalTermsParsingFailed")


def _label_requests(document: dict, profile: str):
    """The decision's requests from Label's fields (see :func:`from_label`)."""
    from judanon.errors import JudanonError
    from judanon.requested import read_requests

    meta = document.get("decisionMetadata")
    fields = {k: v for k, v in (meta.items() if isinstance(meta, dict) else ()) if k in _REQUEST_FIELDS}
    fields.update((k, document[k]) for k in _REQUEST_FIELDS if k in document)
    to_hide, to_keep = fields.get("additionalTermsToAnnotate"), fields.get("additionalTermsToUnAnnotate")
    computed = fields.get("computedAdditionalTerms")
    instructions = None
    if isinstance(to_hide, str):
        if isinstance(computed, dict):  # the court's own reading of its free text
            to_hide = computed.get("additionalTermsToAnnotate")
            to_keep = to_keep or computed.get("additionalTermsToUnAnnotate")
        else:
            instructions, to_hide = to_hide, None
    try:
        asked = read_requests(bool(fields.get("motivationOccultation") or False), to_hide, to_keep or None,
                              instructions, profile)
    except JudanonError as exc:
        raise LabelFormatError(f"the Label document's requests cannot be read: {exc}") from None
    if fields.get("additionalTermsParsingFailed") and not asked.failed:
        asked = attrs.evolve(asked, unread=("the court's reading of the terms failed "
                                            "(additionalTermsParsingFailed)",))
    return asked


def _requests(document: dict, text: str, accepted: List[Candidate], policy: Policy, profile: str, loaded):
    """The document's requests, what they find in ``text``, and ``accepted`` with the
    terms to hide and the parts hidden whole resolved into it."""
    from judanon.requested import Prepared, prepare

    asked = _label_requests(document, profile)
    if not asked:
        return asked, Prepared(), accepted
    lexicon = loaded.lexicon() if loaded.lexicon is not None else None
    prepared = prepare(text, asked, profile, lexicon, loaded.surname_particles, loaded.surname_lead_particles)
    found = prepared.requests
    if found.hide:
        accepted = hide_terms(text, accepted, found.hide, lambda label: policy.reason(label) is not None)
    if found.hidden:
        accepted, parts = hide_parts(accepted, found.hidden)
        accepted = sorted(accepted + parts, key=lambda c: (c.start, c.end))
    return asked, prepared, accepted


def _apply(result, treatment: dict, n: int, text: str):
    if not isinstance(treatment, dict):
        raise LabelFormatError(f"treatment {n} must be an object with 'annotationsDiff'")
    diff = treatment.get("annotationsDiff", treatment)
    if not isinstance(diff, dict) or "before" not in diff or "after" not in diff:
        raise LabelFormatError(f"treatment {n} has no annotationsDiff {{before: [...], after: [...]}}")
    current = {(e.label, e.start, e.end) for e in result.entities}
    target = set(current)
    for i, a in enumerate(diff["before"]):
        key, _, _ = _annotation(a, text, f"treatment {n}, before[{i}]")
        if key not in target:
            raise LabelFormatError(f"treatment {n} removes annotation before[{i}] that the document does not "
                                   "hold at that point; pass the treatments in their order")
        target.discard(key)
    for i, a in enumerate(diff["after"]):
        key, _, _ = _annotation(a, text, f"treatment {n}, after[{i}]")
        target.add(key)
    reject = {entity_id(s, e) for (c, s, e) in current - target}
    add = sorted(((s, e, c) for (c, s, e) in target - current), key=lambda t: t[:2])
    for (a1, b1, _), (a2, b2, _) in zip(add, add[1:]):
        if a2 < b1:
            raise LabelFormatError(f"treatment {n} leaves overlapping annotations at {a1}-{b1} and {a2}-{b2}")
    actor = str(treatment.get("source") or treatment.get("userId") or LABEL)
    return revise(result, reject, add, {}, actor=actor, action="label-treatment",
                  propagate_added=False, time=_time(treatment.get("lastUpdateDate")))


def _annotation(a, text: str, where: str) -> Tuple[_Key, float, Optional[str]]:
    if not isinstance(a, dict):
        raise LabelFormatError(f"{where} must be an object")
    try:
        category = a.get("category", a.get("label"))
        start = int(a["start"])
        surface = a["text"]
    except (KeyError, TypeError, ValueError):
        raise LabelFormatError(f"{where} needs 'category' (or 'label'), 'start' and 'text'") from None
    end = int(a.get("end", start + len(surface)))
    if not isinstance(category, str) or text[start:end] != surface or start >= end:
        raise LabelFormatError(f"{where} does not match the text at offset {start}; "
                               "is it an annotation of this document?")
    return (category, start, end), float(a.get("certaintyScore", 1.0)), a.get("entityId")


def _without_overlaps(state: Dict[_Key, Tuple[float, Optional[str]]]) -> List[Candidate]:
    """Label's annotations as candidates, taken as they are (also over a publication
    marker); of overlapping ones the longer, then the earlier, is kept."""
    candidates = [Candidate(start, end, category, 2, score, [Evidence(LABEL, "entityId" if eid else "", score)])
                  for (category, start, end), (score, eid) in state.items()]
    return select_disjoint(candidates, lambda c: (c.start - c.end, c.start, c.label))[0]


def _time(value) -> Optional[str]:
    if isinstance(value, (int, float)):
        moment = datetime.datetime.fromtimestamp(value / 1000, datetime.timezone.utc)
        return moment.isoformat(timespec="seconds")
    return None
