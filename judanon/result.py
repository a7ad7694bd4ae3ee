"""What ``Anonymizer.anonymize`` returns: a plain value, so that whatever reads a result
does not import the engine."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, List, Mapping, Optional, Tuple

import attrs

from judanon.audit.trail import AuditTrail
from judanon.entities import Entity

if TYPE_CHECKING:  # pragma: no cover
    from judanon.audit.review import ReviewContext


@attrs.frozen(slots=True)
class Result:
    """What ``Anonymizer.anonymize`` returns. Its repr shows no personal data. Pickled, it
    holds its text, entities (their surfaces) and audit trail, but not its review context
    (the original text, the audit key and the replacer's state): a result read back from
    a pickle cannot be reviewed."""

    text: str = attrs.field(repr=False)
    entities: List[Entity] = attrs.field(repr=lambda es: f"<{len(es)} entities>")
    audit: AuditTrail = attrs.field(repr=False)
    #: What a review needs (original text, policy, replacement state); memory only.
    _context: Optional["ReviewContext"] = attrs.field(default=None, eq=False, repr=False)

    def __getstate__(self) -> dict:
        return {"text": self.text, "entities": self.entities, "audit": self.audit}

    def __setstate__(self, state: dict) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_context", None)

    @property
    def doubts(self) -> list:
        """What a reviewer should look at (``judanon.audit.DoubtRecord``: kind, entity ids, detail)."""
        return list(self.audit.doubts)

    def review(self, accept=None, reject: Iterable[str] = (), add: Iterable[Tuple[int, int, str]] = (),
               relabel: Optional[Mapping[str, str]] = None, reviewer: Optional[str] = None) -> "Result":
        """A new result after a person's review (this one is unchanged).

        ``reject``: ids of entities that are not personal data; ``add``: ``(start, end,
        label)`` spans the machine missed (every other occurrence of an added name is
        found by propagation; an added span replaces the entities it overlaps);
        ``relabel``: ``{id: category}``; ``accept``: ids confirmed as they are (``True``:
        all the others), which clears their doubts; ``reviewer``: who reviewed (required).
        Unchanged entities keep their replacements; the audit trail records the diff,
        chained by hash to this version.
        """
        from judanon.audit.review import review

        return review(self, accept=accept, reject=reject, add=add, relabel=relabel, reviewer=reviewer)

    def export_mapping(self, key: bytes, decision_id: Optional[str] = None) -> bytes:
        """The replacement -> original mapping of this result, encrypted and authenticated
        with ``key`` (at least 16 bytes) and bound to this published text and to
        ``decision_id`` (when given); ``judanon.reidentify`` reads it back."""
        from judanon.replace.mapping import export_mapping

        return export_mapping(self, key, decision_id)

    def _repr_html_(self) -> str:
        """Jupyter: the decision with its entities highlighted (see :mod:`judanon.audit.display`)."""
        from judanon.audit.display import result_html

        return result_html(self)
