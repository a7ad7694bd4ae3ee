"""The audit trail: what was found, by which detector, with what evidence, what was
replaced by what, and which software and model versions did it.

By default it holds no plaintext personal data: surfaces are represented by a keyed
hash (HMAC-SHA256) that links mentions without revealing them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any, Dict, Optional, Tuple

import attrs

from .errors import AuditFormatError

SCHEMA_VERSION = 1


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


@attrs.frozen(slots=True)
class AuditTrail:
    schema_version: int
    judanon_version: str
    input_sha256: str
    input_length: int
    detectors: Tuple[DetectorInfo, ...]
    configuration: Tuple[Tuple[str, Any], ...]
    entities: Tuple[EntityRecord, ...]

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
        doubts = sum(1 for r in self.entities if r.doubt)
        return (
            f"judanon {self.judanon_version}: {sum(replaced.values())} replaced ({parts or 'none'}), "
            f"{visible} left visible, {doubts} doubt(s) for review; input sha256 {self.input_sha256[:12]}"
        )

    def _repr_html_(self) -> str:
        """Jupyter: counts per category and detector, and doubts (see :mod:`judanon.display`)."""
        from .display import audit_html

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
            "entities": [
                {
                    "category": r.category,
                    "start": r.start,
                    "end": r.end,
                    "evidence": [attrs.asdict(e) for e in r.evidence],
                    "decision": r.decision,
                    "reason": r.reason,
                    "replacement": r.replacement,
                    "surface_hash": r.surface_hash,
                    "link": r.link,
                    "doubt": r.doubt,
                    **({"text": r.text} if r.text is not None else {}),
                }
                for r in self.entities
            ],
        }

    def to_json(self, indent: Optional[int] = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, sort_keys=False)

    @classmethod
    def from_dict(cls, data: dict) -> "AuditTrail":
        try:
            version = data["schema_version"]
            if version != SCHEMA_VERSION:
                raise AuditFormatError(
                    f"audit schema version {version!r} is not supported by this judanon "
                    f"(expected {SCHEMA_VERSION}); upgrade judanon to read it"
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
                entities=tuple(
                    EntityRecord(
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
                    )
                    for r in data["entities"]
                ),
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
