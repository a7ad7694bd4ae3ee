"""Many decisions at once: what ``Anonymizer.anonymize_many`` runs.

A record is a text, or a dict with ``text`` and optionally ``id``, ``case_id``, ``omit``,
``parties`` and what the decision asks (``hide_motivations``, ``also_hide``,
``keep_visible``, ``instructions``; :mod:`judanon.batch.records`). Results come back in input order, one
per record: a :class:`~judanon.Result`, or a :class:`~judanon.DocumentError` when that
document failed. A failed document publishes nothing and the others go on.

In one process, the texts of a chunk of documents are handed together to every detector
that has ``detect_many`` (the neural one), so its sentences share batches
(:mod:`judanon.batch.inprocess`). With ``n_jobs > 1``, chunks go to worker processes
(:mod:`judanon.batch.pool`), which survive the death of a worker: only a decision that
kills its worker fails. Forked workers (Linux) share the caller's loaded model; spawned
ones load it from its file once (:func:`start_method`).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Iterable, Iterator, List, Optional

from judanon.batch.inprocess import BatchedDetector, batching_copy, run_chunk, run_here
from judanon.batch.records import Item, Job, Outcome, Unreadable, chunks, failure_reason, to_job
from judanon.batch.workers import WorkerSetupError, dumps_anonymizer, loads_anonymizer
from judanon.errors import ArgumentError, ArgumentTypeError, DocumentError

if TYPE_CHECKING:  # pragma: no cover
    from judanon.pipeline import Anonymizer

#: Documents handed together to ``detect_many`` (and to a worker process).
CHUNK_DOCUMENTS = 32
#: ... unless their texts already hold this many characters.
CHUNK_CHARACTERS = 400_000
#: The progress bar appears only when a run lasts longer than this (seconds).
PROGRESS_DELAY = 2.0

#: How worker processes start: ``None`` chooses (see :func:`start_method`); ``"fork"``
#: or ``"spawn"`` forces one.
START_METHOD: Optional[str] = None


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def start_method() -> str:
    """How worker processes start: forked on Linux from a caller that runs one Python
    thread, spawned otherwise.

    A forked worker starts at once with the caller's Anonymizer, model included: nothing
    is imported, pickled or loaded again (a spawned worker spends seconds importing
    torch and flair and loading the model). Torch's thread pools do not survive a fork,
    so a forked worker runs torch on one thread, the setting that is safe after a fork.
    Forking a process in which other Python threads run (a notebook kernel, a web
    server) could copy a lock another thread holds, so such callers get spawned workers;
    so do macOS and Windows, where forking is unsafe or absent.
    """
    if START_METHOD is not None:
        return START_METHOD
    import threading

    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _run_in_processes(anonymizer: "Anonymizer", source: Iterator[List[Item]], n_jobs: int) -> Iterator[Outcome]:
    from judanon.batch.pool import WorkerPool

    method = start_method()
    # forked workers run torch on one thread; spawned ones share the CPUs
    threads = 1 if method == "fork" else max(1, _cpu_count() // n_jobs)
    yield from WorkerPool(anonymizer, n_jobs, method, threads).run(source)


# --- progress ----------------------------------------------------------------------


def _with_progress(outcomes: Iterator[Outcome], total: Optional[int]) -> Iterator[Outcome]:
    try:
        yield from _progress(outcomes, total)
    finally:  # a run left early stops its workers now, not when collected
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()


def _progress(outcomes: Iterator[Outcome], total: Optional[int]) -> Iterator[Outcome]:
    try:
        from tqdm import tqdm
    except ImportError:
        yield from _with_counter(outcomes)
        return

    class Bar(tqdm):
        # no monitor thread: worker processes fork only from a single-threaded caller
        monitor_interval = 0

    failed = 0
    with Bar(total=total, unit="doc", delay=PROGRESS_DELAY, file=sys.stderr, dynamic_ncols=True) as bar:
        for outcome in outcomes:
            if isinstance(outcome, DocumentError):
                failed += 1
                bar.set_postfix(failed=failed, refresh=False)
            bar.update(1)
            yield outcome


def _with_counter(outcomes: Iterator[Outcome]) -> Iterator[Outcome]:
    # without tqdm: one line on stderr now and then
    last = start = time.monotonic()
    done = 0
    for outcome in outcomes:
        done += 1
        now = time.monotonic()
        if now - last >= 5.0 and now - start >= PROGRESS_DELAY:
            sys.stderr.write(f"judanon: {done} documents done\n")
            last = now
        yield outcome


# --- entry point -------------------------------------------------------------------


def anonymize_many(anonymizer: "Anonymizer", records: Iterable[Any], n_jobs: int = 1,
                   progress: bool = False) -> Iterator[Outcome]:
    """See :meth:`judanon.Anonymizer.anonymize_many`."""
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs == 0 or n_jobs < -1:
        raise ArgumentError(f"n_jobs must be a positive number of processes or -1 (one per CPU), not {n_jobs!r}")
    if isinstance(records, (str, Mapping)):
        raise ArgumentTypeError("records must be an iterable of records (texts or dicts); "
                                "for one decision call anonymize(text)")
    try:
        iterator = iter(records)
    except TypeError:
        raise ArgumentTypeError(f"records must be an iterable of texts or dicts, not {type(records).__name__}") from None
    total = len(records) if hasattr(records, "__len__") else None  # type: ignore[arg-type]
    jobs = n_jobs if n_jobs > 0 else _cpu_count()
    items = (to_job(record, index) for index, record in enumerate(iterator))
    source = chunks(items, CHUNK_DOCUMENTS, CHUNK_CHARACTERS)
    outcomes = run_here(anonymizer, source) if jobs == 1 else _run_in_processes(anonymizer, source, jobs)
    return _with_progress(outcomes, total) if progress else outcomes


__all__ = ["anonymize_many", "Job", "Unreadable", "to_job", "failure_reason", "BatchedDetector",
           "batching_copy", "run_chunk", "chunks", "dumps_anonymizer", "loads_anonymizer", "WorkerSetupError",
           "start_method", "START_METHOD", "CHUNK_DOCUMENTS", "CHUNK_CHARACTERS"]
