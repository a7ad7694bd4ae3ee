"""Pseudonymize a Dask bag of records on a cluster (the ``dask`` extra).

    import json
    import dask.bag as db
    from distributed import Client
    import judanon.batch.dask

    client = Client("tcp://scheduler:8786")        # an existing cluster, or LocalCluster()
    records = db.read_text("decisions/*.jsonl").map(json.loads)
    results = judanon.batch.dask.anonymize_bag(records, audit_key=key)   # Anonymizer options
    judanon.batch.dask.write_results(results, "published/", format="parquet")

Each worker process builds the Anonymizer once (and loads the neural model once), then
pseudonymizes its partitions with the one-process batch path (sentences of several
decisions tagged together). Records and results are those of
:meth:`judanon.Anonymizer.anonymize_many`; a result record is a flat dict
``{"id", "text", "audit", "error"}``: the published text and the audit trail as JSON,
or ``None`` for both and the reason of the failure.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional

from judanon.batch.corpus import IdTap
from judanon.errors import ArgumentError, ArgumentTypeError, DocumentError

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag

    from judanon.pipeline import Anonymizer

#: The Anonymizers built in this (worker) process, by their options.
_CACHE: Dict[str, "Anonymizer"] = {}
_LOCK = threading.Lock()

RESULT_FIELDS = ("id", "text", "audit", "error")
FORMATS = ("jsonl", "parquet")


def _options_key(options: Dict[str, Any]) -> str:
    import cloudpickle

    return hashlib.sha256(cloudpickle.dumps(sorted(options.items(), key=lambda kv: kv[0]))).hexdigest()


def worker_anonymizer(options: Dict[str, Any], key: Optional[str] = None) -> "Anonymizer":
    """The Anonymizer of this process for ``options``, built on first use."""
    from judanon.pipeline import Anonymizer

    key = key or _options_key(options)
    with _LOCK:
        anonymizer = _CACHE.get(key)
        if anonymizer is None:
            anonymizer = _CACHE[key] = Anonymizer(**options)
    return anonymizer


def anonymize_records(records: Iterable[Any], options: Dict[str, Any], key: Optional[str] = None) -> List[dict]:
    """Result records for one partition (what each task of :func:`anonymize_bag` runs)."""
    tap = IdTap(records)
    out = []
    for outcome in worker_anonymizer(options, key).anonymize_many(tap):
        doc_id = tap.ids.popleft()
        if isinstance(outcome, DocumentError):
            out.append({"id": outcome.id, "text": None, "audit": None, "error": outcome.reason})
        else:
            out.append({"id": doc_id, "text": outcome.text, "audit": outcome.audit.to_json(), "error": None})
    return out


def anonymize_bag(bag: "dask.bag.Bag", **anonymizer_options: Any) -> "dask.bag.Bag":
    """A bag of result records ``{"id", "text", "audit", "error"}``, one per record of
    ``bag`` and in its order.

    ``anonymizer_options`` are those of :class:`judanon.Anonymizer` (``neural``,
    ``model``, ``keep_visible``, ``audit_key``, ...); a ``model`` path must exist on the
    workers. Without ``audit_key`` one random key is drawn here and used by every
    worker, so that keyed hashes of one run agree across workers (it travels in the task
    graph: pass your own key, kept secret, to link mentions across runs). Letters seeded
    by a record's ``case_id`` are the same on every worker; the decisions of one case
    share their letters (one person, one letter across the case) when they are in one
    partition, in order: group the bag by ``case_id`` first for that.
    """
    import dask.bag  # noqa: F401  (a clear ImportError without the extra)

    if "detectors" in anonymizer_options:
        raise ArgumentTypeError("anonymize_bag builds the Anonymizer on each worker from plain options; "
                        "pass profile/neural/model options, not detector objects")
    options = dict(anonymizer_options)
    if options.get("audit_key") is None:
        options["audit_key"] = os.urandom(32)
    worker_anonymizer_check(options)
    key = _options_key(options)
    return bag.map_partitions(anonymize_records, options, key)


def worker_anonymizer_check(options: Dict[str, Any]) -> None:
    """Catch misspelt options here rather than in every task."""
    import inspect

    from judanon.pipeline import Anonymizer

    known = set(inspect.signature(Anonymizer.__init__).parameters) - {"self"}
    unknown = sorted(set(options) - known)
    if unknown:
        raise ArgumentTypeError(f"unknown Anonymizer option(s): {', '.join(unknown)}; "
                        f"known: {', '.join(sorted(known))}")


def write_results(results: "dask.bag.Bag", path: str, format: str = "jsonl") -> List[str]:
    """Write a bag of result records as one file per partition under the folder ``path``
    (``part-00000.jsonl`` ... or ``part-00000.parquet`` ...); returns the file names.

    Parquet needs ``pyarrow``; its columns are ``id`` (as text), ``text``, ``audit``
    (JSON) and ``error``.
    """
    import dask

    if format not in FORMATS:
        raise ArgumentError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    if format == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise ImportError('writing Parquet needs pyarrow: pip install pyarrow') from None
    Path(path).mkdir(parents=True, exist_ok=True)
    tasks = [dask.delayed(_write_partition)(part, str(Path(path) / f"part-{i:05d}.{format}"), format)
             for i, part in enumerate(results.to_delayed())]
    return list(dask.compute(*tasks))


def _write_partition(records: Iterable[dict], filename: str, format: str) -> str:
    """One partition's file, written whole (a private temporary file, created exclusively,
    renamed into place; see :mod:`judanon.batch.files`)."""
    from judanon.batch.files import ReplaceOnCommit, temporary

    records = list(records)
    if format == "jsonl":
        out = ReplaceOnCommit(filename)
        try:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.commit()
        except BaseException:
            out.discard()
            raise
        return filename
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {field: [None if r.get(field) is None else str(r[field]) for r in records]
               for field in RESULT_FIELDS}
    table = pa.table(columns, schema=pa.schema([(f, pa.string()) for f in RESULT_FIELDS]))
    fd, tmp = temporary(Path(filename))
    try:
        with os.fdopen(fd, "wb") as fh:
            pq.write_table(table, fh)
        os.replace(tmp, filename)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return filename


__all__ = ["anonymize_bag", "write_results", "anonymize_records", "worker_anonymizer", "RESULT_FIELDS"]
