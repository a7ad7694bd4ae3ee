"""Records and jobs: what ``anonymize_many`` reads, what each document becomes, and the
chunks documents travel in.

A record is a text, or a dict with ``text`` and optionally ``id``, ``case_id``, ``omit``,
``parties`` and what the decision asks: ``hide_motivations``, ``also_hide``,
``keep_visible`` (terms) and ``instructions`` (other keys are ignored, so annotated JSONL
lines can be passed as they are). A record that cannot be used becomes a :class:`~judanon.DocumentError` in its
place; its message never quotes the record's text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Iterable, Iterator, List, Optional, Tuple, Union

import attrs

from judanon.errors import DocumentError, JudanonError

if TYPE_CHECKING:  # pragma: no cover
    from judanon.result import Result


@attrs.frozen(slots=True)
class Job:
    """A validated record: everything ``Anonymizer.anonymize`` needs, plus its id."""

    id: Any
    text: str = attrs.field(repr=lambda t: f"<{len(t)} characters>")
    case_id: Optional[str] = None
    omit: Tuple[str, ...] = ()
    parties: Optional[Tuple[str, ...]] = attrs.field(default=None, repr=False)
    #: What the decision asks (``anonymize``'s keyword arguments of :data:`REQUEST_KEYS`).
    requests: Tuple[Tuple[str, Any], ...] = attrs.field(default=(), repr=False)


#: The keys of a record that say what its decision asks (``Anonymizer.anonymize``'s
#: arguments of the same names).
REQUEST_KEYS = ("hide_motivations", "also_hide", "keep_visible", "instructions")


def _requests(record: Mapping) -> Union[Tuple[Tuple[str, Any], ...], str]:
    """The record's requests, or what is wrong with them."""
    out = []
    for key in REQUEST_KEYS:
        value = record.get(key)
        if value is None:
            continue
        if key == "hide_motivations" and not isinstance(value, bool):
            return "'hide_motivations' must be true or false"
        if key == "instructions" and not isinstance(value, str):
            return "'instructions' must be a text (str)"
        if key in ("also_hide", "keep_visible"):
            if isinstance(value, str) or not isinstance(value, (list, tuple)) or not all(
                    isinstance(t, str) for t in value):
                return f"'{key}' must be a list of terms (str)"
            value = tuple(value)
        out.append((key, value))
    return tuple(out)


@attrs.frozen(slots=True)
class Unreadable:
    """A record that could not even be read (bad JSON line, unreadable file): it becomes
    a :class:`DocumentError` in its place in the output."""

    id: Any
    reason: str


Outcome = Union["Result", DocumentError]
Item = Union[Job, DocumentError]


def to_job(record: Any, index: int) -> Item:
    """The record as a :class:`Job`, or the :class:`DocumentError` saying what is wrong
    with it (the message never quotes the record's text)."""
    if isinstance(record, Unreadable):
        return DocumentError(record.id, record.reason)
    if isinstance(record, str):
        return Job(index, record)
    if not isinstance(record, Mapping):
        return DocumentError(index, f"a record must be a text (str) or a dict with a 'text' field, "
                                    f"not {type(record).__name__}")
    doc_id = record.get("id", index)
    text = record.get("text")
    if not isinstance(text, str):
        what = ("has no 'text' field" if "text" not in record
                else f"has a 'text' that is not a string ({'null' if text is None else type(text).__name__})")
        return DocumentError(doc_id, f"the record {what}")
    case_id = record.get("case_id")
    if case_id is not None and not isinstance(case_id, str):
        return DocumentError(doc_id, f"'case_id' must be str, not {type(case_id).__name__}")
    omit = record.get("omit") or ()
    if isinstance(omit, str):
        omit = (omit,)
    if not isinstance(omit, (list, tuple, set, frozenset)) or not all(isinstance(c, str) for c in omit):
        return DocumentError(doc_id, "'omit' must be a list of category names (str)")
    parties = record.get("parties")
    if parties is not None and (
        isinstance(parties, str) or not isinstance(parties, (list, tuple))
        or not all(isinstance(p, str) for p in parties)
    ):
        return DocumentError(doc_id, "'parties' must be a list of names (str)")
    requests = _requests(record)
    if isinstance(requests, str):
        return DocumentError(doc_id, requests)
    return Job(doc_id, text, case_id, tuple(sorted(omit)), tuple(parties) if parties else None, requests)


def failure_reason(exc: BaseException) -> str:
    """What to tell about a failed document, without any of its text.

    judanon's own errors say which detector failed and never quote the text; any other
    exception is named by its class only, since its message may quote the text.
    """
    if isinstance(exc, JudanonError):
        return str(exc)
    return f"unexpected {type(exc).__name__} while pseudonymizing; the decision was not published"


def chunks(items: Iterable[Item], max_documents: int, max_characters: int) -> Iterator[List[Item]]:
    """Consecutive records, at most ``max_documents`` or about ``max_characters`` at a time."""
    chunk: List[Item] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item.text) if isinstance(item, Job) else 0
        if len(chunk) >= max_documents or size >= max_characters:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


__all__ = ["Job", "Unreadable", "Outcome", "Item", "to_job", "failure_reason", "chunks"]
