"""The audit trail: what was found, by which detector, with what evidence, what was
replaced by what, and which software and model versions did it.

By default it holds no plaintext personal data: surfaces are represented by a keyed
hash (HMAC-SHA256) that links mentions without revealing them.

Every version of a result (the machine run, then each review) is a ``Revision`` chained
to the one before by an HMAC-SHA256 under a key derived from the audit key:
``verify(key)`` recomputes the chain and replays the diffs back to the machine run, so
editing an earlier version or reordering entries shows, and nobody without the key can
write a chain that verifies. The original text is represented by a keyed digest too
(``input_hmac``): without the key, a guessed name cannot be tested against it.

Trails of schemas 1 and 2 (judanon 0.1) are still read: their input digest is a plain
SHA-256 and their chain unkeyed, so they prove consistency only (docs/security.md).
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
from typing import Any, Dict, Iterable, List, Optional, Tuple

import attrs

from judanon import keys
from judanon.audit.schema import KEYED_SCHEMAS, validate
from judanon.entities import entity_id
from judanon.errors import AuditError, AuditFormatError
from judanon.text.normalize import fold_key


def utc_now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def sha256_text(text: str) -> str:
    """The plain SHA-256 of a text: for published texts and for trails of schemas 1-2
    only; a digest of personal data is keyed (:func:`input_hmac`)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def input_hmac(key: bytes, text: str) -> str:
    """The keyed digest of an original text recorded in the audit trail."""
    return keys.keyed_digest(key, keys.INPUT_DIGEST, text)


def input_fields(key: bytes, text: str) -> dict:
    """What a new trail records of its original text and key: ``AuditTrail(**input_fields(key,
    text), ...)``."""
    return {"input_hmac": input_hmac(key, text), "input_length": len(text), "key_id": keys.key_id(key)}


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
    """What was found and replaced in one decision, and every version of the result.

    A new trail (schema 3) records ``input_hmac``, the keyed digest of the original text,
    and ``key_id``, the fingerprint of the audit key; a trail of schema 1 or 2 read back
    from JSON records ``input_sha256`` instead. Its repr and its pickled form hold
    nothing that :meth:`to_json` does not.
    """

    schema_version: int
    judanon_version: str
    input_length: int
    detectors: Tuple[DetectorInfo, ...]
    configuration: Tuple[Tuple[str, Any], ...]
    entities: Tuple[EntityRecord, ...]
    doubts: Tuple[DoubtRecord, ...] = ()
    revisions: Tuple[Revision, ...] = ()
    #: HMAC-SHA256 of the original text under a key derived from the audit key (schema 3).
    input_hmac: Optional[str] = None
    #: Fingerprint of the audit key (schema 3): says which key verifies this trail.
    key_id: Optional[str] = None
    #: Plain SHA-256 of the original text, in trails of schemas 1 and 2 only.
    input_sha256: Optional[str] = None
    #: The original text, in memory only (never serialized nor pickled): lets
    #: ``to_label`` export surfaces from a fresh result.
    _source: Optional[str] = attrs.field(default=None, eq=False, repr=False)
    #: The judge's terms (Label's ``additionalTermsToAnnotate`` and
    #: ``additionalTermsToUnAnnotate``), in memory only, like ``_source``.
    _terms: Optional[Dict[str, Tuple[str, ...]]] = attrs.field(default=None, eq=False, repr=False)

    def __getstate__(self) -> dict:
        # a pickled trail holds what its JSON holds, not the original text nor the terms
        return {f.name: getattr(self, f.name) for f in attrs.fields(type(self)) if f.name not in ("_source", "_terms")}

    def __setstate__(self, state: dict) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_source", None)
        object.__setattr__(self, "_terms", None)

    @property
    def keyed(self) -> bool:
        """Whether the input digest and the chain are keyed (schema 3 and later)."""
        return self.schema_version in KEYED_SCHEMAS

    # --- keys ----------------------------------------------------------------------
    def _chain_key(self, key: Optional[bytes]) -> Optional[bytes]:
        """The key of the chain (``None`` for an unkeyed, older trail), or an AuditError."""
        if not self.keyed:
            return None
        if key is None:
            raise AuditError("this audit trail is keyed (schema 3): it verifies only with its audit key, "
                             "verify(key=...) or judanon check --key-file")
        key = keys.check_key(key, "the audit key")
        if self.key_id is not None and keys.key_id(key) != self.key_id:
            raise AuditError("this is not the key this audit trail was written with (its key id differs); "
                             "pass the audit key of the run that made it")
        return keys.derive(key, keys.CHAIN)

    def check_key(self, key: Optional[bytes]) -> None:
        """An AuditError unless ``key`` is the audit key of this trail (a keyed trail
        needs one; an older, unkeyed one needs none)."""
        self._chain_key(key)

    def matches_input(self, text: str, key: Optional[bytes] = None) -> bool:
        """Whether ``text`` is the original this trail was made from (its length and
        digest; a keyed trail needs its audit key)."""
        if len(text) != self.input_length:
            return False
        if self.keyed:
            self._chain_key(key)  # the right key, or an AuditError
            assert key is not None and self.input_hmac is not None
            return hmac.compare_digest(input_hmac(bytes(key), text), self.input_hmac)
        return hmac.compare_digest(sha256_text(text), self.input_sha256 or "")

    # --- hash chain ----------------------------------------------------------------
    def _header(self) -> dict:
        d = self.to_dict()
        for k in ("entities", "doubts", "revisions"):
            d.pop(k, None)
        return d

    def revision_digest(self, revision: Revision, key: Optional[bytes] = None) -> str:
        """The digest ``revision`` must carry in this trail (``key``: the audit key, for a
        keyed trail)."""
        payload = {"revision": revision.to_dict(with_digest=False)}
        if revision.number == 0:
            payload["header"] = self._header()
        chain_key = self._chain_key(key)
        if chain_key is None:
            return hashlib.sha256(_canonical(payload)).hexdigest()
        return hmac.new(chain_key, _canonical(payload), hashlib.sha256).hexdigest()

    def with_revision(self, revision: Revision, entities: Tuple[EntityRecord, ...],
                      doubts: Tuple[DoubtRecord, ...], key: Optional[bytes] = None) -> "AuditTrail":
        """A new trail whose state is ``entities``/``doubts``, ``revision`` chained at its end
        (its hashes and digest are filled in here, under the audit ``key``)."""
        previous = self.revisions[-1].digest if self.revisions else ""
        revision = attrs.evolve(
            revision, number=len(self.revisions), previous=previous,
            entities_sha256=records_sha256(entities), doubts_sha256=doubts_sha256(doubts), digest="")
        trail = attrs.evolve(self, entities=tuple(entities), doubts=tuple(doubts))
        revision = attrs.evolve(revision, digest=trail.revision_digest(revision, key))
        return attrs.evolve(trail, revisions=self.revisions + (revision,))

    @property
    def head(self) -> str:
        """Digest of the last revision: keep it apart (with the publication) and pass it to
        ``verify(expected_head=...)`` to detect revisions removed from the end."""
        if not self.revisions:
            raise AuditError("this audit trail has no revisions (schema 1): nothing to chain")
        return self.revisions[-1].digest

    def verify(self, key: Optional[bytes] = None, expected_head: Optional[str] = None) -> bool:
        """``True`` when every revision's digest matches its content and the one before,
        replaying the diffs backwards from the current entities meets each recorded state,
        and the last digest is ``expected_head`` (when given); otherwise ``AuditError``
        naming the first broken link. A keyed trail (schema 3) needs its audit ``key``."""
        if not self.revisions:
            raise AuditError("this audit trail has no hash chain (written by an older judanon "
                             "or built by hand); anonymize the decision again to get one")
        self._chain_key(key)  # the right key, before anything else is said
        previous = ""
        for i, rev in enumerate(self.revisions):
            where = f"revision {i} ({rev.action} by {rev.actor or 'unknown'})"
            if rev.number != i:
                raise AuditError(f"{where} is numbered {rev.number}: revisions were reordered or removed")
            if rev.previous != previous:
                raise AuditError(f"{where} does not follow revision {i - 1}: the chain was reordered, "
                                 "or a revision was removed or inserted")
            if not hmac.compare_digest(self.revision_digest(rev, key), rev.digest):
                raise AuditError(f"{where}: its content does not match its digest; it was edited "
                                 "after it was written")
            previous = rev.digest
        if expected_head is not None and not hmac.compare_digest(str(expected_head), self.head):
            raise AuditError(f"the last revision ({len(self.revisions) - 1}) is not the expected head: "
                             "revisions were removed from the end, or this is another trail")
        self._replay()
        return True

    def _replay(self) -> None:
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

    # --- Label ---------------------------------------------------------------------
    def to_label(self, text: Optional[str] = None, key: Optional[bytes] = None, *, document: bool = False):
        """The entities as Label annotations (``category``, ``entityId``, ``start``,
        ``text``, ``certaintyScore``). An explicit export: it holds surfaces. ``text`` is
        the decision's original text, needed for a trail read back from JSON without
        plaintext; it is checked against the trail's digest (with the audit ``key``
        for a keyed trail; without it, its length only).

        ``document=True`` returns a Label document instead, which ``judanon.from_label``
        reads back: ``text``, ``annotations``, ``categoriesToOmit`` (every category left
        visible) and the fields of the decision's requests (:meth:`label_fields`)."""
        annotations = self._label_annotations(text, key)
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
        for item, name in (("also_hide_terms", "additionalTermsToAnnotate"),
                           ("keep_visible_terms", "additionalTermsToUnAnnotate")):
            value = config.get(item, 0)
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

    def _label_annotations(self, text: Optional[str], key: Optional[bytes]) -> List[dict]:
        if text is not None:
            same = (len(text) == self.input_length if self.keyed and key is None
                    else self.matches_input(text, key))
            if not same:
                raise AuditError("this text is not the decision the audit trail was made for "
                                 "(its length or digest differs)")
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
        """One line, no personal data and no digest of it: counts per decision and category."""
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
        return (f"judanon {self.judanon_version}: {sum(replaced.values())} replaced ({parts or 'none'}), "
                f"{visible} left visible, {doubts}")

    def _repr_html_(self) -> str:
        """Jupyter: counts per category and detector, and doubts (see :mod:`judanon.audit.display`)."""
        from judanon.audit.display import audit_html

        return audit_html(self)

    # --- JSON ----------------------------------------------------------------------
    def to_dict(self) -> dict:
        if self.keyed:
            digest = {"key_id": self.key_id, "input_hmac": self.input_hmac}
        else:  # an older trail keeps its own layout, so that its chain still verifies
            digest = {"input_sha256": self.input_sha256}
        return {
            "schema_version": self.schema_version,
            "judanon_version": self.judanon_version,
            **digest,
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
        """A trail from its parsed JSON, checked strictly against its schema first."""
        version = validate(data)
        try:
            return cls(
                schema_version=version,
                judanon_version=data["judanon_version"],
                input_hmac=data.get("input_hmac"),
                key_id=data.get("key_id"),
                input_sha256=data.get("input_sha256"),
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
        except (KeyError, TypeError, ValueError, AttributeError) as exc:  # pragma: no cover - validate() catches these
            raise AuditFormatError(f"not a judanon audit trail: malformed field ({type(exc).__name__})") from None

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
