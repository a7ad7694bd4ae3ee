"""The audit trail: what was found, by which detector, with what evidence, what was
replaced by what, and which software and model versions did it.

By default it holds no plaintext personal data: surfaces are represented by a keyed
hash (HMAC-SHA256) that links mentions without revealing them.

Every version of a result (the machine run, then each review) is a ``Revision`` chained
by SHA-256 to the one before: ``verify()`` recomputes the chain and replays the diffs
back to the machine run, so editing an earlier version or reordering entries shows.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
from typing import Any, Dict, Iterable, List, Optional, Tuple

import attrs

from judanon.entities import entity_id
from judanon.errors import AuditError, AuditFormatError
from judanon.text.normalize import fold_key

SCHEMA_VERSION = 2
#: Older schemas this version still reads (without ids, doubts or revisions).
READABLE_SCHEMAS = (1, 2)


def utc_now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def keyed_hash(key: bytes, surface: str) -> str:
    """HMAC-SHA256 of a normalized surface: equal surfaces link, nothing is revealed."""
    return hmac.new(key, surface.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()[:32]


@attrs.frozen(slots=True)
class DetectorInfo:
    name: str
    version: str
    #: Extra facts a reviewer needs to reproduce a run (model file hash, pattern count ...).
    details: Tuple[Tuple[str, str], ...] = ()


@attrs.frozen(slots=True)
class EvidenceRecord:
    detector: str
    detail: str
    score: float


@attrs.frozen(slots=True)
class EntityRecord:
    category: str
    start: int
    end: int
    evidence: Tuple[EvidenceRecord, ...]
    #: ``"replaced"`` or ``"visible"``.
    decision: str
    #: Why it stays visible (``always-visible``, ``visible-by-default``, ``omitted``) or ``None``.
    reason: Optional[str]
    replacement: Optional[str]
    #: Keyed hash of the normalized surface; equal hashes = same surface.
    surface_hash: str
    #: Identifier of the referent group (mentions sharing one replacement).
    link: str
    #: Why a reviewer should look at the link (uncertain variant), or ``None``.
    doubt: Optional[str] = None
    #: The surface itself, only when the caller asked for plaintext in the audit.
    text: Optional[str] = None
    #: ``Entity.id`` of the mention.
    id: str = ""

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "evidence": [attrs.asdict(e) for e in self.evidence],
            "decision": self.decision,
            "reason": self.reason,
            "replacement": self.replacement,
            "surface_hash": self.surface_hash,
            "link": self.link,
            "doubt": self.doubt,
            **({"text": self.text} if self.text is not None else {}),
        }

    @classmethod
    def from_dict(cls, r: dict) -> "EntityRecord":
        return cls(
            category=r["category"],
            start=r["start"],
            end=r["end"],
            evidence=tuple(EvidenceRecord(**e) for e in r["evidence"]),
            decision=r["decision"],
            reason=r["reason"],
            replacement=r["replacement"],
            surface_hash=r["surface_hash"],
            link=r["link"],
            doubt=r.get("doubt"),
            text=r.get("text"),
            id=r.get("id") or entity_id(r["start"], r["end"]),
        )


#: Kinds of doubt, in the order reviewers see them (docs/audit.md explains each).
DOUBT_KINDS = (
    "variant-link",            # similar spellings linked to one person
    "category-conflict",       # one surface given two categories
    "short-entity",            # an entity of fewer than two letters
    "replaced-name-visible",   # a name replaced somewhere and visible elsewhere
    "low-score",               # a statistical guess with a low score
    "party-not-found",         # a party from the case metadata never found
    "identifier-visible",      # an identifier-like number left visible near a context word
    "hidden-zone",             # reasons hidden whole: a part may stay visible, or more was hidden
    "term-not-found",          # a term the judge asked to hide never found
    "instructions-unread",     # part of the judge's free-text instructions could not be read
)


@attrs.frozen(slots=True)
class DoubtRecord:
    """Something a reviewer should look at; ``detail`` never holds a surface."""

    kind: str
    #: Ids of the entities concerned (may be empty: a party never found, a visible number).
    entities: Tuple[str, ...] = ()
    detail: str = ""
    #: Offsets of the text concerned when no entity covers it (a visible number).
    start: Optional[int] = None
    end: Optional[int] = None

    def to_dict(self) -> dict:
        return {"kind": self.kind, "entities": list(self.entities), "detail": self.detail,
                "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict) -> "DoubtRecord":
        return cls(d["kind"], tuple(d["entities"]), d.get("detail", ""), d.get("start"), d.get("end"))


@attrs.frozen(slots=True)
class Revision:
    """One version of the result: the machine run (``number`` 0) or a review.

    ``before``/``after`` are the diff from the previous version (records, so no surface
    unless the trail is in plaintext); ``entities_sha256`` and ``doubts_sha256`` digest
    the state after it; ``previous`` is the digest of the revision before; ``digest``
    covers all of this (and, for the first revision, the trail's header).
    """

    number: int
    #: ``anonymize``, ``review`` or ``label-import``.
    action: str
    #: Who did it: ``judanon <version>`` for the machine, the reviewer's name for a review.
    actor: str
    #: ISO 8601, UTC.
    time: str
    #: Records of the previous version that this one no longer holds, as they were.
    before: Tuple[EntityRecord, ...]
    #: Records this version holds that the previous one did not.
    after: Tuple[EntityRecord, ...]
    #: Ids the reviewer confirmed as they are.
    accepted: Tuple[str, ...]
    entities_sha256: str
    doubts_sha256: str
    previous: str
    digest: str = ""

    def to_dict(self, with_digest: bool = True) -> dict:
        d = {
            "number": self.number,
            "action": self.action,
            "actor": self.actor,
            "time": self.time,
            "before": [r.to_dict() for r in self.before],
            "after": [r.to_dict() for r in self.after],
            "accepted": list(self.accepted),
            "entities_sha256": self.entities_sha256,
            "doubts_sha256": self.doubts_sha256,
            "previous": self.previous,
        }
        if with_digest:
            d["digest"] = self.digest
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Revision":
        return cls(
            number=d["number"], action=d["action"], actor=d["actor"], time=d["time"],
            before=tuple(EntityRecord.from_dict(r) for r in d["before"]),
            after=tuple(EntityRecord.from_dict(r) for r in d["after"]),
            accepted=tuple(d["accepted"]),
            entities_sha256=d["entities_sha256"], doubts_sha256=d["doubts_sha256"],
            previous=d["previous"], digest=d["digest"],
        )


def _canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8", "surrogatepass")


def records_sha256(records: Iterable[EntityRecord]) -> str:
    return hashlib.sha256(_canonical([r.to_dict() for r in records])).hexdigest()


def doubts_sha256(doubts: Iterable[DoubtRecord]) -> str:
    return hashlib.sha256(_canonical([d.to_dict() for d in doubts])).hexdigest()


def _record_order(r: EntityRecord):
    return (r.start, r.end, r.category)


@attrs.frozen(slots=True)
class AuditTrail:
    schema_version: int
    judanon_version: str
    input_sha256: str
    input_length: int
    detectors: Tuple[DetectorInfo, ...]
    configuration: Tuple[Tuple[str, Any], ...]
    entities: Tuple[EntityRecord, ...]
    doubts: Tuple[DoubtRecord, ...] = ()
    revisions: Tuple[Revision, ...] = ()
    #: The original text, in memory only (never serialized): lets ``to_label`` export
    #: surfaces from a fresh result.
    _source: Optional[str] = attrs.field(default=None, eq=False, repr=False)
    #: The judge's terms (Label's ``additionalTermsToAnnotate`` and
    #: ``additionalTermsToUnAnnotate``), in memory only, like ``_source``.
    _terms: Optional[Dict[str, Tuple[str, ...]]] = attrs.field(default=None, eq=False, repr=False)

    # --- hash chain ----------------------------------------------------------------
    def _header(self) -> dict:
        d = self.to_dict()
        for k in ("entities", "doubts", "revisions"):
            d.pop(k, None)
        return d

    def revision_digest(self, revision: Revision) -> str:
        """The digest ``revision`` must carry in this trail."""
        payload = {"revision": revision.to_dict(with_digest=False)}
        if revision.number == 0:
            payload["header"] = self._header()
        return hashlib.sha256(_canonical(payload)).hexdigest()

    def with_revision(self, revision: Revision, entities: Tuple[EntityRecord, ...],
                      doubts: Tuple[DoubtRecord, ...]) -> "AuditTrail":
        """A new trail whose state is ``entities``/``doubts``, ``revision`` chained at its end
        (its hashes and digest are filled in here)."""
        previous = self.revisions[-1].digest if self.revisions else ""
        revision = attrs.evolve(
            revision, number=len(self.revisions), previous=previous,
            entities_sha256=records_sha256(entities), doubts_sha256=doubts_sha256(doubts), digest="")
        trail = attrs.evolve(self, entities=tuple(entities), doubts=tuple(doubts))
        revision = attrs.evolve(revision, digest=trail.revision_digest(revision))
        return attrs.evolve(trail, revisions=self.revisions + (revision,))

    @property
    def head(self) -> str:
        """Digest of the last revision: keep it apart (with the publication) to detect a
        trail rewritten from the start."""
        if not self.revisions:
            raise AuditError("this audit trail has no revisions (schema 1): nothing to chain")
        return self.revisions[-1].digest

    def verify(self) -> bool:
        """``True`` when every revision's digest matches its content and the one before,
        and replaying the diffs backwards from the current entities meets each recorded
        state; otherwise ``AuditError`` naming the first broken link."""
        if not self.revisions:
            raise AuditError("this audit trail has no hash chain (written by an older judanon "
                             "or built by hand); anonymize the decision again to get one")
        previous = ""
        for i, rev in enumerate(self.revisions):
            where = f"revision {i} ({rev.action} by {rev.actor or 'unknown'})"
            if rev.number != i:
                raise AuditError(f"{where} is numbered {rev.number}: revisions were reordered or removed")
            if rev.previous != previous:
                raise AuditError(f"{where} does not follow revision {i - 1}: the chain was reordered, "
                                 "or a revision was removed or inserted")
            if self.revision_digest(rev) != rev.digest:
                raise AuditError(f"{where}: its content does not match its digest; it was edited "
                                 "after it was written")
            previous = rev.digest
        last = self.revisions[-1]
        if doubts_sha256(self.doubts) != last.doubts_sha256:
            raise AuditError(f"the current doubts do not match revision {last.number}: they were edited")
        state: List[EntityRecord] = list(self.entities)
        for rev in reversed(self.revisions):
            if records_sha256(state) != rev.entities_sha256:
                what = "the current entities do not" if rev is last else "the entities replayed back to it do not"
                raise AuditError(f"revision {rev.number} ({rev.action} by {rev.actor}): {what} match its "
                                 "recorded state; entities or a later diff were edited or reordered")
            for rec in rev.after:
                try:
                    state.remove(rec)
                except ValueError:
                    raise AuditError(f"revision {rev.number} ({rev.action} by {rev.actor}) added an entity "
                                     "that the next state does not hold; the diff was edited") from None
            state.extend(rev.before)
            state.sort(key=_record_order)
        return True

    # --- Label ---------------------------------------------------------------------
    def to_label(self, text: Optional[str] = None, *, document: bool = False):
        """The entities as Label annotations (``category``, ``entityId``, ``start``,
        ``text``, ``certaintyScore``). An explicit export: it holds surfaces. ``text`` is
        the decision's original text, needed for a trail read back from JSON without
        plaintext.

        ``document=True`` returns a Label document instead, which ``judanon.from_label``
        reads back: ``text``, ``annotations``, ``categoriesToOmit`` (every category left
        visible) and the fields of the decision's requests (:meth:`label_fields`)."""
        annotations = self._label_annotations(text)
        if not document:
            return annotations
        source = text if text is not None else self._source
        config = dict(self.configuration)
        visible = sorted(set(config.get("omit", ())) | set(config.get("keep_visible", ())))
        return {"text": source, "annotations": annotations, "categoriesToOmit": visible, **self.label_fields()}

    def label_fields(self) -> Dict[str, Any]:
        """Label's document fields of the decision's requests: ``motivationOccultation``,
        ``additionalTermsToAnnotate``, ``additionalTermsToUnAnnotate`` (the judge's terms:
        held by a plaintext trail or a fresh result only) and ``additionalTermsParsingFailed``."""
        config = dict(self.configuration)
        fields: Dict[str, Any] = {"motivationOccultation": bool(config.get("hide_motivations", False))}
        for key, name in (("also_hide_terms", "additionalTermsToAnnotate"),
                          ("keep_visible_terms", "additionalTermsToUnAnnotate")):
            value = config.get(key, 0)
            if isinstance(value, tuple):
                fields[name] = list(value)
            elif self._terms is not None:
                fields[name] = list(self._terms.get(name, ()))
            elif value:
                raise AuditError(f"this audit trail holds the number of the judge's terms ({name}), not the "
                                 "terms (audit_plaintext was off): export from the result that made it")
            else:
                fields[name] = []
        fields["additionalTermsParsingFailed"] = bool(config.get("instructions_failed", False))
        return fields

    def _label_annotations(self, text: Optional[str]) -> List[dict]:
        if text is not None and sha256_text(text) != self.input_sha256:
            raise AuditError("this text is not the decision the audit trail was made for (sha256 differs)")
        source = text if text is not None else self._source
        surfaces = []
        for r in self.entities:
            if r.text is not None:
                surfaces.append(r.text)
            elif source is not None:
                surfaces.append(source[r.start:r.end])
            else:
                raise AuditError("this audit trail holds no surfaces (audit_plaintext was off): pass the "
                                 "decision's original text, audit.to_label(text)")
        group_names: Dict[Tuple[str, str], str] = {}
        out = []
        for r, surface in zip(self.entities, surfaces):
            name = group_names.setdefault((r.category, r.link), fold_key(surface))
            out.append({
                "category": r.category,
                "entityId": f"{r.category}_{name}",
                "start": r.start,
                "text": surface,
                "certaintyScore": max((e.score for e in r.evidence), default=1.0),
            })
        return out

    # --- summaries -----------------------------------------------------------------
    def summary(self) -> str:
        """One line, no personal data: counts per decision and category."""
        replaced: Dict[str, int] = {}
        visible = 0
        for record in self.entities:
            if record.decision == "replaced":
                replaced[record.category] = replaced.get(record.category, 0) + 1
            else:
                visible += 1
        parts = ", ".join(f"{cat} {n}" for cat, n in sorted(replaced.items()))
        if self.revisions:
            kinds: Dict[str, int] = {}
            for d in self.doubts:
                kinds[d.kind] = kinds.get(d.kind, 0) + 1
            doubts = f"{len(self.doubts)} doubt(s) for review"
            if kinds:
                doubts += " (" + ", ".join(f"{k} {n}" for k, n in kinds.items()) + ")"
        else:
            doubts = f"{sum(1 for r in self.entities if r.doubt)} doubt(s) for review"
        return (
            f"judanon {self.judanon_version}: {sum(replaced.values())} replaced ({parts or 'none'}), "
            f"{visible} left visible, {doubts}; input sha256 {self.input_sha256[:12]}"
        )

    def _repr_html_(self) -> str:
        """Jupyter: counts per category and detector, and doubts (see :mod:`judanon.audit.display`)."""
        from judanon.audit.display import audit_html

        return audit_html(self)

    # --- JSON ----------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "schema_version": self.schema_version,
            "judanon_version": self.judanon_version,
            "input_sha256": self.input_sha256,
            "input_length": self.input_length,
            "detectors": [
                {"name": d.name, "version": d.version, "details": dict(d.details)} for d in self.detectors
            ],
            "configuration": dict(self.configuration),
            "entities": [r.to_dict() for r in self.entities],
            "doubts": [d.to_dict() for d in self.doubts],
            "revisions": [r.to_dict() for r in self.revisions],
        }

    def to_json(self, indent: Optional[int] = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, sort_keys=False)

    @classmethod
    def from_dict(cls, data: dict) -> "AuditTrail":
        try:
            version = data["schema_version"]
            if version not in READABLE_SCHEMAS:
                raise AuditFormatError(
                    f"audit schema version {version!r} is not supported by this judanon "
                    f"(it reads {', '.join(map(str, READABLE_SCHEMAS))}); upgrade judanon to read it"
                )
            return cls(
                schema_version=version,
                judanon_version=data["judanon_version"],
                input_sha256=data["input_sha256"],
                input_length=data["input_length"],
                detectors=tuple(
                    DetectorInfo(d["name"], d["version"], tuple(sorted(d.get("details", {}).items())))
                    for d in data["detectors"]
                ),
                configuration=tuple((k, freeze(v)) for k, v in data["configuration"].items()),
                entities=tuple(EntityRecord.from_dict(r) for r in data["entities"]),
                doubts=tuple(DoubtRecord.from_dict(d) for d in data.get("doubts", ())),
                revisions=tuple(Revision.from_dict(r) for r in data.get("revisions", ())),
            )
        except AuditFormatError:
            raise
        except (KeyError, TypeError) as exc:
            raise AuditFormatError(f"not a judanon audit trail: missing or malformed field {exc}") from exc

    @classmethod
    def from_json(cls, s: str) -> "AuditTrail":
        try:
            data = json.loads(s)
        except json.JSONDecodeError as exc:
            raise AuditFormatError(f"audit trail is not valid JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise AuditFormatError("audit trail JSON must be an object")
        return cls.from_dict(data)


def freeze(value: Any) -> Any:
    """Configuration values as comparable tuples: JSON lists come back as tuples.

    Configuration holds scalars and (nested) sequences of scalars only.
    """
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return tuple(freeze(v) for v in items)
    return value
