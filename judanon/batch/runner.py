"""Many decisions at once: what ``Anonymizer.anonymize_many`` runs.

A record is a text, or a dict with ``text`` and optionally ``id``, ``case_id``, ``omit``
and ``parties``, and what the decision asks: ``hide_motivations``, ``also_hide``,
``keep_visible`` (terms) and ``instructions`` (other keys are ignored, so annotated JSONL
lines can be passed as they are). Results come back in input order, one per record: a :class:`~judanon.Result`, or a
:class:`~judanon.DocumentError` when that document failed. A failed document publishes
nothing and the others go on.

In one process, the texts of a chunk of documents are handed together to every detector
that has ``detect_many`` (the neural one), so its sentences share batches. With
``n_jobs > 1``, chunks go to worker processes: each worker receives the Anonymizer once
(its audit key included, so keyed hashes agree across workers). Forked workers (Linux)
share the caller's loaded model; spawned ones load it from its file once
(:func:`start_method`).
"""

from __future__ import annotations

import collections
import copy
import io
import multiprocessing
import os
import pickle
import sys
import time
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import (TYPE_CHECKING, Any, Deque, Dict, Iterable, Iterator, List, Optional, Sequence,
                    Tuple, Union)

import attrs

from judanon.errors import ArgumentError, ArgumentTypeError, DocumentError, JudanonError

if TYPE_CHECKING:  # pragma: no cover
    from judanon.pipeline import Anonymizer
    from judanon.result import Result

#: Documents handed together to ``detect_many`` (and to a worker process).
CHUNK_DOCUMENTS = 32
#: ... unless their texts already hold this many characters.
CHUNK_CHARACTERS = 400_000
#: The progress bar appears only when a run lasts longer than this (seconds).
PROGRESS_DELAY = 2.0


@attrs.frozen(slots=True)
class Job:
    """A validated record: everything ``Anonymizer.anonymize`` needs, plus its id."""

    id: Any
    text: str
    case_id: Optional[str] = None
    omit: Tuple[str, ...] = ()
    parties: Optional[Tuple[str, ...]] = None
    #: What the decision asks (``anonymize``'s keyword arguments of :data:`REQUEST_KEYS`).
    requests: Tuple[Tuple[str, Any], ...] = ()


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


def to_job(record: Any, index: int) -> Union[Job, DocumentError]:
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
        what = "has no 'text' field" if text is None else f"has a 'text' of type {type(text).__name__}, not str"
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


# --- one process -------------------------------------------------------------------


class BatchedDetector:
    """Stands in for a detector that has ``detect_many``: the spans of a chunk's texts are
    computed together (:meth:`prefetch`), then handed out one text at a time.

    It keeps the wrapped detector's ``name``, ``version`` and ``audit_details`` so that
    audit trails are the same as those of one-call-per-document runs.
    """

    def __init__(self, detector: Any):
        self._detector = detector
        self.name = getattr(detector, "name", None) or type(detector).__name__
        self._spans: Dict[str, list] = {}

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__") or attr == "_detector":
            raise AttributeError(attr)
        return getattr(self._detector, attr)

    def prefetch(self, texts: Sequence[str]) -> None:
        self._spans = {}
        unique = list(dict.fromkeys(t for t in texts if t))
        if not unique:
            return
        try:
            found = self._detector.detect_many(unique)
        except Exception:
            # One of the texts breaks the detector: each document then runs alone, and
            # only the one that fails fails (with the pipeline's DetectorError).
            return
        if len(found) == len(unique):
            self._spans = dict(zip(unique, (list(spans) for spans in found)))

    def detect(self, text: str) -> list:
        spans = self._spans.get(text)
        if spans is None:
            return list(self._detector.detect(text))
        return spans


def batching_copy(anonymizer: "Anonymizer") -> Tuple["Anonymizer", List[BatchedDetector]]:
    """A shallow copy of ``anonymizer`` whose ``detect_many`` detectors are batched."""
    batched: List[BatchedDetector] = []
    detectors = []
    for det in anonymizer.detectors:
        if callable(getattr(det, "detect_many", None)):
            det = BatchedDetector(det)
            batched.append(det)
        detectors.append(det)
    if not batched:
        return anonymizer, []
    clone = copy.copy(anonymizer)
    clone.detectors = detectors
    return clone, batched


def run_chunk(anonymizer: "Anonymizer", batched: Sequence[BatchedDetector],
              items: Sequence[Union[Job, DocumentError]]) -> List[Outcome]:
    """Pseudonymize a chunk of validated records; failures become DocumentErrors."""
    # detectors read the normalized view of each text (``Anonymizer.anonymize``): batch those
    from judanon.text.normalize import normalize

    texts = [normalize(item.text).text for item in items if isinstance(item, Job)]
    for det in batched:
        det.prefetch(texts)
    out: List[Outcome] = []
    try:
        for item in items:
            if isinstance(item, DocumentError):
                out.append(item)
                continue
            try:
                out.append(anonymizer.anonymize(item.text, omit=item.omit, case_id=item.case_id,
                                                parties=list(item.parties) if item.parties else None,
                                                **dict(item.requests)))
            except Exception as exc:  # isolate the document: the others go on
                out.append(DocumentError(item.id, failure_reason(exc)))
    finally:
        for det in batched:
            det.prefetch(())
    return out


def chunks(items: Iterable[Union[Job, DocumentError]],
           max_documents: Optional[int] = None,
           max_characters: Optional[int] = None) -> Iterator[List[Union[Job, DocumentError]]]:
    """Consecutive records, at most ``CHUNK_DOCUMENTS`` or about ``CHUNK_CHARACTERS`` at a time."""
    max_documents = max_documents or CHUNK_DOCUMENTS
    max_characters = max_characters or CHUNK_CHARACTERS
    chunk: List[Union[Job, DocumentError]] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item.text) if isinstance(item, Job) else 0
        if len(chunk) >= max_documents or size >= max_characters:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


# --- worker processes --------------------------------------------------------------

# A worker's Anonymizer (with its batched detectors), set once by ``_worker_init``.
_WORKER: Optional[Tuple["Anonymizer", List[BatchedDetector]]] = None
_WORKER_ERROR: Optional[str] = None


class WorkerSetupError(JudanonError):
    """A worker process could not rebuild the Anonymizer (e.g. its model file changed)."""


def _model_files(anonymizer: "Anonymizer") -> Dict[int, Tuple[str, str]]:
    """``id(tagger) -> (model path, sha256)`` of every detector that loaded a model file."""
    refs = {}
    for det in anonymizer.detectors:
        tagger = getattr(det, "tagger", None)
        path = getattr(det, "model_path", None)
        digest = getattr(det, "model_sha256", None)
        if tagger is not None and path is not None and digest:
            refs[id(tagger)] = (str(path), str(digest))
    return refs


def _pickler(file: io.BytesIO, models: Dict[int, Tuple[str, str]]) -> pickle.Pickler:
    """A pickler that writes each model as a reference to its file (path and hash): a
    worker loads the model from its file instead of receiving its weights. cloudpickle,
    since detectors may hold functions made on the fly (validators of a pack)."""
    import cloudpickle

    class AnonymizerPickler(cloudpickle.Pickler):
        def persistent_id(self, obj: Any) -> Optional[Tuple[str, str, str]]:
            ref = models.get(id(obj))
            return ("model-file",) + ref if ref is not None else None

    return AnonymizerPickler(file, protocol=pickle.HIGHEST_PROTOCOL)


class _AnonymizerUnpickler(pickle.Unpickler):
    def persistent_load(self, pid: Any) -> Any:
        kind, path, digest = pid
        if kind != "model-file":  # pragma: no cover - only this pickler writes these
            raise pickle.UnpicklingError(f"unknown reference {kind!r}")
        from judanon.detectors.neural import file_sha256, load_tagger

        if file_sha256(path) != digest:
            raise WorkerSetupError(f"the model file {path} changed since the Anonymizer was built; "
                                   "build the Anonymizer again")
        return load_tagger(path)


def dumps_anonymizer(anonymizer: "Anonymizer") -> bytes:
    buffer = io.BytesIO()
    _pickler(buffer, _model_files(anonymizer)).dump(anonymizer)
    return buffer.getvalue()


def loads_anonymizer(payload: bytes) -> "Anonymizer":
    return _AnonymizerUnpickler(io.BytesIO(payload)).load()


def _worker_init(anonymizer: Union[bytes, "Anonymizer"], threads: int) -> None:
    """Set up a worker: ``anonymizer`` is the caller's own object in a forked worker (it
    is already in memory, model included), its pickled form in a spawned one."""
    global _WORKER, _WORKER_ERROR
    # a spawned worker sets torch's threads before loading the model; a forked one only
    # if the caller uses torch (a rules-only run imports no torch)
    if isinstance(anonymizer, bytes) or "torch" in sys.modules:
        try:
            import torch

            torch.set_num_threads(threads)
        except ImportError:
            pass
    try:
        if isinstance(anonymizer, bytes):
            anonymizer = loads_anonymizer(anonymizer)
        _WORKER = batching_copy(anonymizer)
    except Exception as exc:  # reported by the first chunk, in the parent
        _WORKER_ERROR = f"{type(exc).__name__}: {exc}"


def _worker_run(items: List[Union[Job, DocumentError]]) -> List[Outcome]:
    if _WORKER is None:
        raise WorkerSetupError(f"a worker process could not rebuild the Anonymizer ({_WORKER_ERROR})")
    anonymizer, batched = _WORKER
    return run_chunk(anonymizer, batched, items)


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


#: How worker processes start: ``None`` chooses (see :func:`start_method`); ``"fork"``
#: or ``"spawn"`` forces one.
START_METHOD: Optional[str] = None


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


def _run_in_processes(anonymizer: "Anonymizer", items: Iterator[Union[Job, DocumentError]],
                      n_jobs: int) -> Iterator[Outcome]:
    method = start_method()
    if method == "fork":
        # the workers are copies of this process: they receive the Anonymizer itself,
        # and torch must run on one thread there
        threads = 1
        setup: Union[bytes, "Anonymizer"] = anonymizer
    else:
        threads = max(1, _cpu_count() // n_jobs)
        setup = dumps_anonymizer(anonymizer)
    context = multiprocessing.get_context(method)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(n_jobs, mp_context=context, initializer=_worker_init,
                                   initargs=(setup, threads))

    pool = new_pool()
    pending: Deque[Tuple[List[Union[Job, DocumentError]], Any]] = collections.deque()
    source = chunks(items)
    try:
        while True:
            # keep every worker busy, with one chunk waiting each, without reading
            # the whole input ahead
            while len(pending) < 2 * n_jobs:
                chunk = next(source, None)
                if chunk is None:
                    break
                pending.append((chunk, pool.submit(_worker_run, chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                yield from future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory): the documents it may have been
                # working on fail, a fresh pool takes the rest.
                lost = [chunk] + [c for c, _ in pending]
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                for c in lost:
                    for item in c:
                        yield item if isinstance(item, DocumentError) else DocumentError(
                            item.id, "a worker process died while this document was in progress")
                pool = new_pool()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# --- progress ----------------------------------------------------------------------


def _with_progress(outcomes: Iterator[Outcome], total: Optional[int]) -> Iterator[Outcome]:
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
    outcomes = _run_here(anonymizer, items) if jobs == 1 else _run_in_processes(anonymizer, items, jobs)
    return _with_progress(outcomes, total) if progress else outcomes


def _run_here(anonymizer: "Anonymizer", items: Iterator[Union[Job, DocumentError]]) -> Iterator[Outcome]:
    clone, batched = batching_copy(anonymizer)
    for chunk in chunks(items):
        yield from run_chunk(clone, batched, chunk)


__all__ = ["anonymize_many", "Job", "Unreadable", "to_job", "failure_reason", "BatchedDetector",
           "run_chunk", "chunks", "dumps_anonymizer", "loads_anonymizer", "WorkerSetupError", "start_method",
           "START_METHOD"]
