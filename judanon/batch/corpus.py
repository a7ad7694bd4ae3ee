"""Reading and writing many decisions: text files, folders of them, JSONL of records.

What the batch command line (``judanon anonymize A.txt B.txt --out DIR``,
``judanon anonymize FOLDER --out DIR``, ``judanon anonymize --jsonl IN --out OUT``) runs.
Every published text is written beside its audit trail, the audit first
(:mod:`judanon.batch.files`); a document that fails is reported by its id (its path, or
its record's id) and a reason, never by its text.
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path
from typing import IO, Any, Callable, Deque, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

import attrs

from judanon.batch.files import OutputError, ReplaceOnCommit, write_pair
from judanon.batch.records import Unreadable
from judanon.errors import CorpusError, DocumentError

#: Files a folder contributes (recursively).
TEXT_SUFFIX = ".txt"
#: Suffix of the audit trail written beside each published text.
AUDIT_SUFFIX = ".audit.json"



@attrs.frozen(slots=True)
class Planned:
    """An input file and where its published text and audit trail go."""

    source: Path
    published: Path
    audit: Path


def plan_files(paths: Sequence[str], out: str) -> List[Planned]:
    """Input files (folders expanded to their ``*.txt`` files, recursively, sorted) and
    their outputs under ``out``, which keeps each folder's layout."""
    out_dir = Path(out)
    planned: List[Planned] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*" + TEXT_SUFFIX) if p.is_file())
            if not files:
                raise CorpusError(f"no {TEXT_SUFFIX} file in folder {raw}")
            for f in files:
                rel = f.relative_to(path)
                planned.append(_planned(f, out_dir / path.resolve().name / rel if len(paths) > 1 else out_dir / rel))
        elif path.exists() or raw == "-":
            if raw == "-":
                raise CorpusError("- (standard input) takes one decision; it cannot be part of a batch")
            planned.append(_planned(path, out_dir / path.name))
        else:
            raise CorpusError(f"no such file or folder: {raw}")
    seen: Dict[Path, Path] = {}
    for p in planned:
        target = p.published.resolve()
        if target == p.source.resolve():
            raise CorpusError(f"--out {out} would overwrite the input {p.source}; choose another folder")
        if target in seen:
            raise CorpusError(f"{seen[target]} and {p.source} would both be written to {p.published}; "
                              "rename one or run them separately")
        seen[target] = p.source
    return planned


def _planned(source: Path, published: Path) -> Planned:
    stem = published.name[: -len(published.suffix)] if published.suffix else published.name
    return Planned(source, published, published.with_name(stem + AUDIT_SUFFIX))


def read_text(path: Path) -> str:
    """A UTF-8 text file (a BOM is dropped); raises ``OSError`` or ``UnicodeDecodeError``."""
    return path.read_bytes().decode("utf-8-sig")


def file_records(planned: Iterable[Planned], omit: Sequence[str] = ()) -> Iterator[Any]:
    """One record per file, read when needed; a file that cannot be read becomes an
    :class:`~judanon.batch.records.Unreadable` (the run goes on)."""
    for p in planned:
        try:
            text = read_text(p.source)
        except UnicodeDecodeError as exc:
            yield Unreadable(str(p.source), f"not valid UTF-8 (byte {exc.start}); convert it to UTF-8 first")
            continue
        except OSError as exc:
            yield Unreadable(str(p.source), f"cannot read the file ({exc.strerror or type(exc).__name__})")
            continue
        yield {"id": str(p.source), "text": text, "omit": list(omit)}


def jsonl_records(path: str, omit: Sequence[str] = ()) -> Iterator[Any]:
    """The records of a JSONL file (``-``: standard input); a line that is not a JSON
    object becomes an :class:`~judanon.batch.records.Unreadable`. A record without ``id`` gets
    ``line N``; the command line's ``omit`` adds to each record's own."""
    try:
        fh = sys.stdin if path == "-" else open(path, encoding="utf-8-sig")
    except OSError as exc:
        raise CorpusError(f"cannot read {path}: {exc.strerror}") from None
    try:
        number = 0
        while True:
            try:
                line = fh.readline()
            except UnicodeDecodeError as exc:
                raise CorpusError(f"{path} is not valid UTF-8 (after line {number}); convert it to UTF-8 first") from exc
            if not line:
                return
            number += 1
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Unreadable(f"line {number}", f"not valid JSON (column {exc.colno})")
                continue
            if not isinstance(record, dict):
                yield Unreadable(f"line {number}", f"a JSON {type(record).__name__}, not an object with a 'text' field")
                continue
            record.setdefault("id", f"line {number}")
            if omit:
                own = record.get("omit") or []
                if isinstance(own, list):
                    record["omit"] = sorted(set(own) | set(omit))
            yield record
    finally:
        if fh is not sys.stdin:
            fh.close()


def result_record(doc_id: Any, outcome: Any) -> dict:
    """The JSON line written for one record: published text and audit trail, or the error."""
    if isinstance(outcome, DocumentError):
        return {"id": outcome.id, "error": outcome.reason}
    return {"id": doc_id, "text": outcome.text, "audit": outcome.audit.to_dict()}


class IdTap:
    """Passes records through and remembers their ids, in order, for the outputs that
    come back later (a :class:`~judanon.Result` does not carry its record's id)."""

    def __init__(self, records: Iterable[Any]):
        self._records = records
        self.ids: Deque[Any] = collections.deque()

    def __iter__(self) -> Iterator[Any]:
        for index, record in enumerate(self._records):
            if isinstance(record, Unreadable):
                self.ids.append(record.id)
            elif isinstance(record, dict):
                self.ids.append(record.get("id", index))
            else:
                self.ids.append(index)
            yield record


@attrs.define
class Report:
    """What a batch run did: how many documents were written, skipped (``--skip-existing``)
    and failed (id, reason), of ``total`` (``None``: not known)."""

    done: int = 0
    failed: List[Tuple[Any, str]] = attrs.Factory(list)
    total: Optional[int] = None
    skipped: int = 0
    #: JSON lines written (results and errors), for a JSONL output.
    lines: int = 0


def count_records(path: str) -> Optional[int]:
    """The records of a JSONL file (its non-blank lines); ``None`` for standard input."""
    if path == "-":
        return None
    try:
        with open(path, "rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return None


def existing(planned: Sequence[Planned]) -> List[Planned]:
    """The planned files whose published text is already written (its audit trail is
    written before it, so both are there): what ``--skip-existing`` leaves out."""
    return [p for p in planned if p.published.is_file() and p.audit.is_file()]


def write_files(outcomes: Iterable[Any], planned: Sequence[Planned], report: Optional[Report] = None) -> Report:
    """Write each published text and its audit trail (the audit first); failures are
    collected in ``report``; a write that fails raises ``OutputError`` naming the file."""
    report = report if report is not None else Report(total=len(planned))
    for p, outcome in zip(planned, outcomes):
        if isinstance(outcome, DocumentError):
            report.failed.append((outcome.id, outcome.reason))
            continue
        try:
            p.published.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(p.published.parent, exc.strerror or type(exc).__name__) from None
        write_pair(p.published, outcome.text, p.audit, outcome.audit.to_json(indent=2))
        report.done += 1
    return report


def write_jsonl(outcomes: Iterable[Any], records_ids: Callable[[], Any], out: Union[IO[str], ReplaceOnCommit],
                report: Optional[Report] = None) -> Report:
    """Write one JSON line per record, in input order."""
    report = report if report is not None else Report()
    for outcome in outcomes:
        doc_id = records_ids()
        out.write(json.dumps(result_record(doc_id, outcome), ensure_ascii=False) + "\n")
        report.lines += 1
        if isinstance(outcome, DocumentError):
            report.failed.append((outcome.id, outcome.reason))
        else:
            report.done += 1
    return report


def format_failures(report: Report, limit: int = 50) -> str:
    lines = [f"judanon: {len(report.failed)} document(s) failed:"]
    for doc_id, reason in report.failed[:limit]:
        lines.append(f"  {doc_id}: {reason}")
    if len(report.failed) > limit:
        lines.append(f"  ... and {len(report.failed) - limit} more")
    return "\n".join(lines)


__all__ = ["CorpusError", "Planned", "plan_files", "file_records", "jsonl_records", "result_record",
           "IdTap", "Report", "count_records", "existing", "write_files", "write_jsonl", "format_failures"]
