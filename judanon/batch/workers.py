"""The worker side of :mod:`judanon.batch.pool`: how a worker process gets its
Anonymizer, runs chunks, sends results back, and ends with its parent.

Each worker receives the Anonymizer once (its audit key included, so keyed hashes agree
across workers). A forked worker (Linux) shares the caller's loaded model; a spawned
one loads it from its file once (the model travels as a reference to its file and
hash, never as weights).

A worker ignores Ctrl-C (the caller handles it and stops the workers) and ends with its
parent: on Linux the kernel kills it when the parent dies (``PR_SET_PDEATHSIG``);
elsewhere, or if that call fails, a watchdog thread checks every second that its
parent lives.
"""

from __future__ import annotations

import io
import os
import pickle
import signal
import sys
import threading
import time
from multiprocessing.reduction import ForkingPickler
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple, Union

from judanon.batch.inprocess import BatchedDetector, batching_copy, run_chunk
from judanon.batch.records import Item, Job, Outcome
from judanon.errors import DocumentError, JudanonError

if TYPE_CHECKING:  # pragma: no cover
    from judanon.pipeline import Anonymizer

#: Seconds between two checks of the watchdog that the parent lives (without prctl).
WATCHDOG_INTERVAL = 1.0
_PR_SET_PDEATHSIG = 1

# A worker's Anonymizer (with its batched detectors), set once by ``worker_init``.
_WORKER: Optional[Tuple["Anonymizer", List[BatchedDetector]]] = None
_WORKER_ERROR: Optional[str] = None


class WorkerSetupError(JudanonError):
    """Worker processes could not start: one could not rebuild the Anonymizer (e.g. its
    model file changed), or they keep dying before they are ready."""


# --- the Anonymizer, for a spawned worker --------------------------------------------

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
        from judanon.detectors.neural import file_sha256, load_model

        if file_sha256(path) != digest:
            raise WorkerSetupError(f"the model file {path} changed since the Anonymizer was built; "
                                   "build the Anonymizer again")
        return load_model(path)


def dumps_anonymizer(anonymizer: "Anonymizer") -> bytes:
    buffer = io.BytesIO()
    _pickler(buffer, _model_files(anonymizer)).dump(anonymizer)
    return buffer.getvalue()


def loads_anonymizer(payload: bytes) -> "Anonymizer":
    return _AnonymizerUnpickler(io.BytesIO(payload)).load()


def worker_init(anonymizer: Union[bytes, "Anonymizer"], threads: int) -> None:
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
    except Exception as exc:  # told to the parent, which stops the run
        _WORKER_ERROR = f"{type(exc).__name__}: {exc}"


# --- ending with the parent ------------------------------------------------------------

def die_with_parent(parent: int) -> None:
    """End this process when process ``parent`` ends."""
    if os.getppid() != parent:
        os._exit(1)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0:
                if os.getppid() != parent:  # it died before the call
                    os._exit(1)
                return
        except (OSError, AttributeError):  # pragma: no cover - no libc prctl
            pass
    threading.Thread(target=_watchdog, args=(parent,), daemon=True, name="judanon-parent-watchdog").start()


def _watchdog(parent: int) -> None:  # pragma: no cover - used where prctl is not
    while True:
        time.sleep(WATCHDOG_INTERVAL)
        if os.getppid() != parent:
            os._exit(1)


# --- the worker's loop -------------------------------------------------------------------

def worker_main(conn: Any, setup: Union[bytes, "Anonymizer"], threads: int, parent: int) -> None:
    """A worker process: say it is ready (or why it is not), then run every chunk it is
    sent until it is sent ``None`` or its parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
    worker_init(setup, threads)
    try:
        conn.send(("ready", _WORKER_ERROR))
        if _WORKER is None:
            return
        anonymizer, batched = _WORKER
        while True:
            items = conn.recv()
            if items is None:
                return
            send_outcomes(conn, items, run_chunk(anonymizer, batched, items))
    except (EOFError, OSError):  # the parent is gone
        return


def portable(outcome: Outcome) -> tuple:
    """An outcome as it travels to the parent: a pickled Result leaves out its review
    context and its trail's original text, so they travel beside it (a local pipe)."""
    from judanon.result import Result

    if isinstance(outcome, Result):
        return (outcome, getattr(outcome, "_context"), getattr(outcome.audit, "_source"))
    return (outcome, None, None)


def restore(outcome: Outcome, context: Any, source: Optional[str]) -> Outcome:
    """The outcome :func:`portable` sent, whole again in the parent."""
    import attrs

    if context is None and source is None:
        return outcome
    audit = attrs.evolve(outcome.audit, source=source)  # type: ignore[union-attr]
    return attrs.evolve(outcome, audit=audit, context=context)  # type: ignore[misc]


def send_outcomes(conn: Any, items: List[Item], outcomes: List[Outcome]) -> None:
    payload = [portable(o) for o in outcomes]
    try:
        conn.send(("done", payload))
    except (pickle.PicklingError, TypeError, AttributeError, ValueError):
        # a result that cannot travel (a strategy holding a lambda ...) fails alone
        conn.send(("done", [_travels(item, entry) for item, entry in zip(items, payload)]))


def _travels(item: Item, entry: tuple) -> tuple:
    try:
        ForkingPickler.dumps(entry)
        return entry
    except Exception as exc:
        doc_id = item.id if isinstance(item, (Job, DocumentError)) else None
        return (DocumentError(doc_id, f"its result could not be sent back from the worker process "
                                      f"({type(exc).__name__}); the decision was not published"), None, None)


__all__ = ["WorkerSetupError", "dumps_anonymizer", "loads_anonymizer", "worker_init", "worker_main",
           "die_with_parent", "restore", "WATCHDOG_INTERVAL"]
