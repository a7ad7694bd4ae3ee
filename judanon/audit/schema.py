"""The audit trail's JSON schema, checked strictly before a trail is read.

Every field has one JSON type: a version ``true`` or ``2.0``, an offset ``"12"``, a list
where an object belongs, or a field this schema does not know is refused with an
:class:`~judanon.errors.AuditFormatError` naming the field (never its value, which may
be personal data).
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterable, Tuple

from judanon.errors import AuditFormatError

#: Every schema this version writes or reads.
SCHEMA_VERSION = 3
#: Older schemas still read: 1 (no ids, doubts or revisions), 2 (unkeyed digests).
READABLE_SCHEMAS = (1, 2, 3)
#: Schemas whose input digest and hash chain are keyed by the audit key.
KEYED_SCHEMAS = (3,)

Check = Callable[[Any], bool]


def _int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _str(v: Any) -> bool:
    return isinstance(v, str)


def _opt_str(v: Any) -> bool:
    return v is None or isinstance(v, str)


def _opt_int(v: Any) -> bool:
    return v is None or _int(v)


def _number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _hex(length: int) -> Check:
    def check(v: Any) -> bool:
        return isinstance(v, str) and len(v) == length and all(c in "0123456789abcdef" for c in v)
    return check


def _list_of(check: Check) -> Check:
    return lambda v: isinstance(v, list) and all(check(x) for x in v)


def _scalar_or_list(v: Any) -> bool:
    if isinstance(v, list):
        return all(_scalar_or_list(x) for x in v)
    return v is None or isinstance(v, (str, int, float, bool))


_EVIDENCE = {"detector": _str, "detail": _str, "score": _number}
_ENTITY = {"category": _str, "start": _int, "end": _int, "evidence": None, "decision": lambda v: v in (
    "replaced", "visible"), "reason": _opt_str, "replacement": _opt_str, "surface_hash": _str, "link": _str,
    "doubt": _opt_str, "text": _opt_str, "id": _str}
_ENTITY_OPTIONAL = frozenset({"doubt", "text", "id"})
_DOUBT = {"kind": _str, "entities": _list_of(_str), "detail": _str, "start": _opt_int, "end": _opt_int}
_DETECTOR = {"name": _str, "version": _str, "details": lambda v: isinstance(v, dict) and all(
    isinstance(k, str) and isinstance(x, str) for k, x in v.items())}
_REVISION = {"number": _int, "action": _str, "actor": _str, "time": _str, "before": None, "after": None,
             "accepted": _list_of(_str), "entities_sha256": _hex(64), "doubts_sha256": _hex(64),
             "previous": lambda v: v == "" or _hex(64)(v), "digest": _hex(64)}


def _object(value: Any, fields: Dict[str, Any], where: str, optional: Iterable[str] = ()) -> None:
    if not isinstance(value, dict):
        raise AuditFormatError(f"not a judanon audit trail: {where} must be an object, not {_kind(value)}")
    unknown = sorted(set(value) - set(fields))
    if unknown:
        raise AuditFormatError(f"not a judanon audit trail: {where} has an unknown field {unknown[0]!r}")
    for name, check in fields.items():
        if name not in value:
            if name in optional:
                continue
            raise AuditFormatError(f"not a judanon audit trail: {where} has no field {name!r}")
        if check is not None and not check(value[name]):
            raise AuditFormatError(f"not a judanon audit trail: {where}.{name} is {_kind(value[name])}, "
                                   "not what the schema allows")


def _kind(value: Any) -> str:
    return "null" if value is None else f"a {type(value).__name__}"


def _entities(value: Any, where: str) -> None:
    if not isinstance(value, list):
        raise AuditFormatError(f"not a judanon audit trail: {where} must be a list, not {_kind(value)}")
    for i, record in enumerate(value):
        _object(record, _ENTITY, f"{where}[{i}]", _ENTITY_OPTIONAL)
        if not _list_of(lambda e: isinstance(e, dict))(record["evidence"]):
            raise AuditFormatError(f"not a judanon audit trail: {where}[{i}].evidence must be a list of objects")
        for j, evidence in enumerate(record["evidence"]):
            _object(evidence, _EVIDENCE, f"{where}[{i}].evidence[{j}]")
        if not 0 <= record["start"] < record["end"]:
            raise AuditFormatError(f"not a judanon audit trail: {where}[{i}] has start {record['start']} "
                                   f"and end {record['end']}")


def validate(data: Any) -> int:
    """Check ``data`` (a parsed audit trail) against its schema; its schema version."""
    if not isinstance(data, dict):
        raise AuditFormatError("audit trail JSON must be an object")
    version = data.get("schema_version")
    if not _int(version) or version not in READABLE_SCHEMAS:
        shown = repr(version) if _int(version) or isinstance(version, (str, float, bool)) else _kind(version)
        raise AuditFormatError(
            f"audit schema version {shown} is not supported by this judanon (it reads "
            f"{', '.join(map(str, READABLE_SCHEMAS))}, as integers); upgrade judanon to read it")
    header: Dict[str, Any] = {"schema_version": None, "judanon_version": _str, "input_length": _int,
                              "detectors": None, "configuration": None, "entities": None}
    if version in KEYED_SCHEMAS:
        header.update(input_hmac=_hex(64), key_id=_hex(16))
    else:
        header.update(input_sha256=_hex(64))
    optional: Tuple[str, ...] = ()
    if version >= 2:
        header.update(doubts=None, revisions=None)
    else:  # schema 1 had none; a schema-1 trail read and written again holds them empty
        header.update(doubts=lambda v: v == [], revisions=lambda v: v == [])
        optional = ("doubts", "revisions")
    _object(data, header, "the trail", optional)
    if data["input_length"] < 0:
        raise AuditFormatError("not a judanon audit trail: input_length is negative")
    if not isinstance(data["configuration"], dict) or not all(
            _scalar_or_list(v) for v in data["configuration"].values()):
        raise AuditFormatError("not a judanon audit trail: configuration must be an object of "
                               "values and lists of values")
    if not isinstance(data["detectors"], list):
        raise AuditFormatError("not a judanon audit trail: detectors must be a list")
    for i, detector in enumerate(data["detectors"]):
        _object(detector, _DETECTOR, f"detectors[{i}]", ("details",))
    _entities(data["entities"], "entities")
    doubts, revisions = data.get("doubts", []), data.get("revisions", [])
    if not isinstance(doubts, list) or not isinstance(revisions, list):
        raise AuditFormatError("not a judanon audit trail: doubts and revisions must be lists")
    for i, doubt in enumerate(doubts):
        _object(doubt, _DOUBT, f"doubts[{i}]", ("detail", "start", "end"))
    for i, revision in enumerate(revisions):
        _object(revision, _REVISION, f"revisions[{i}]")
        _entities(revision["before"], f"revisions[{i}].before")
        _entities(revision["after"], f"revisions[{i}].after")
    return version
