"""Worker processes for ``anonymize_many(n_jobs=N)``, and what happens when one dies.

Each worker is a process with a pipe of its own to the caller, so the caller knows
which chunk each worker holds. When a worker dies (killed, out of memory, a detector
that ends its process), only what it held is at stake:

- chunks the other workers finish are kept, and they go on working;
- the chunk the dead worker held is run again one decision at a time, on a fresh worker;
- a decision whose worker dies while running it alone is run once more; if its worker
  dies again (:data:`MAX_DEATHS_ALONE`), that decision fails with a reason that says
  so, and the others go on;
- a worker that dies idle is replaced; workers that keep dying before they are ready
  stop the run with a :class:`WorkerSetupError`.

So every record comes back exactly once, as a result or a named error, in input order.
When the run stops early (an error, Ctrl-C, the caller leaving the loop), the workers
are stopped; when the caller's process dies, they die with it (:mod:`.workers`).
"""

from __future__ import annotations

import collections
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
from typing import TYPE_CHECKING, Any, Deque, Dict, Iterator, List, Optional, Union

import attrs

from judanon.batch.records import Item, Outcome
from judanon.batch.workers import WorkerSetupError, dumps_anonymizer, restore, worker_main
from judanon.errors import DocumentError

if TYPE_CHECKING:  # pragma: no cover
    from judanon.pipeline import Anonymizer

#: Times a decision's worker may die while running it alone before the decision fails.
MAX_DEATHS_ALONE = 2
#: Workers that may die before they are ready, per worker, before the run stops.
MAX_SETUP_DEATHS = 3
#: Seconds a worker is given to stop before it is killed.
STOP_GRACE = 2.0


@attrs.define
class _Task:
    """Records of one chunk sent to a worker: ``items``, from position ``slot`` of chunk
    ``chunk``; ``deaths``: workers that died running it (a task of one record)."""

    chunk: int
    slot: int
    items: List[Item]
    deaths: int = 0


@attrs.define(eq=False)
class _Worker:
    process: Any
    conn: Any
    ready: bool = False
    task: Optional[_Task] = None


class _Run:
    """The outcomes of one run: one slot per record, chunks yielded in input order."""

    def __init__(self, window: int):
        self.window = window
        self.slots: Dict[int, List[Optional[Outcome]]] = {}
        self.missing: Dict[int, int] = {}
        self.queue: Deque[_Task] = collections.deque()
        self.read = 0       # chunks read from the input
        self.yielded = 0    # chunks given back
        self.exhausted = False

    def add(self, chunk: List[Item]) -> None:
        self.slots[self.read] = [None] * len(chunk)
        self.missing[self.read] = len(chunk)
        self.queue.append(_Task(self.read, 0, chunk))
        self.read += 1

    def fill(self, chunk: int, slot: int, outcomes: List[Outcome]) -> None:
        slots = self.slots[chunk]
        for k, outcome in enumerate(outcomes):
            if slots[slot + k] is None:
                self.missing[chunk] -= 1
            slots[slot + k] = outcome

    def wants_input(self) -> bool:
        return not self.exhausted and self.read - self.yielded < self.window

    def done_in_order(self) -> List[Outcome]:
        out: List[Outcome] = []
        while self.yielded in self.slots and self.missing[self.yielded] == 0:
            out.extend(self.slots.pop(self.yielded))  # type: ignore[arg-type]
            del self.missing[self.yielded]
            self.yielded += 1
        return out

    @property
    def finished(self) -> bool:
        return self.exhausted and self.yielded == self.read


def _how(exitcode: Optional[int]) -> str:
    if exitcode is None:
        return "it stopped answering"
    if exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:  # pragma: no cover
            return f"killed by signal {-exitcode}"
    return f"exit code {exitcode}"


class WorkerPool:
    """``n_jobs`` worker processes started with ``method`` (``"fork"`` or ``"spawn"``)."""

    def __init__(self, anonymizer: "Anonymizer", n_jobs: int, method: str, threads: int = 1):
        self.n_jobs = n_jobs
        self._context: Any = multiprocessing.get_context(method)  # a context of the start method: Process, Pipe
        # a forked worker receives the Anonymizer itself (a copy of this process's
        # memory); a spawned one its pickled form, model files as references
        self._setup: Union[bytes, "Anonymizer"] = anonymizer if method == "fork" else dumps_anonymizer(anonymizer)
        self._threads = threads
        self.workers: List[_Worker] = []
        self._setup_deaths = 0

    @property
    def pids(self) -> List[int]:
        return [w.process.pid for w in self.workers]

    def start(self) -> "WorkerPool":
        while len(self.workers) < self.n_jobs:
            self.workers.append(self._spawn())
        return self

    def _spawn(self) -> _Worker:
        mine, theirs = self._context.Pipe(duplex=True)
        process = self._context.Process(target=worker_main, name="judanon-worker", daemon=True,
                                        args=(theirs, self._setup, self._threads, os.getpid()))
        process.start()
        theirs.close()
        return _Worker(process, mine)

    def wait_ready(self) -> None:
        """Wait until every worker is ready (or raise why one cannot be)."""
        run = _Run(0)
        while not all(w.ready for w in self.workers):
            self._wait(run)

    # --- a run ---------------------------------------------------------------------
    def run(self, chunks: Iterator[List[Item]]) -> Iterator[Outcome]:
        """The outcomes of every record of ``chunks``, in order; the workers stop at the end."""
        run = _Run(window=2 * self.n_jobs)
        closed = False
        try:
            self.start()
            while True:
                while run.wants_input():
                    chunk = next(chunks, None)
                    if chunk is None:
                        run.exhausted = True
                    else:
                        run.add(chunk)
                done = run.done_in_order()
                if done:
                    yield from done
                    continue
                if run.finished:
                    break
                self._dispatch(run)
                self._wait(run)
            self.close()
            closed = True
        finally:
            if not closed:
                self.stop()

    def _dispatch(self, run: _Run) -> None:
        for w in self.workers:
            if not run.queue:
                return
            if w.ready and w.task is None:
                w.task = run.queue.popleft()
                try:
                    w.conn.send(w.task.items)
                except (OSError, ValueError):
                    pass  # it died: its sentinel says so, and its task is run again

    def _wait(self, run: _Run) -> None:
        listening = [w.conn for w in self.workers if w.task is not None or not w.ready]
        ready = multiprocessing.connection.wait(listening + [w.process.sentinel for w in self.workers])
        for w in list(self.workers):
            ended = w.process.sentinel in ready
            if w.conn in ready or (ended and self._has_message(w)):
                if not self._receive(run, w):
                    continue
            if ended and w in self.workers:
                self._lose(run, w)

    @staticmethod
    def _has_message(w: _Worker) -> bool:
        try:
            return bool(w.conn.poll())
        except (OSError, ValueError):
            return False

    def _receive(self, run: _Run, w: _Worker) -> bool:
        """Read one message of ``w``; ``False`` when it turned out dead (and was replaced)."""
        try:
            kind, value = w.conn.recv()
        except (EOFError, OSError, pickle.UnpicklingError):
            self._lose(run, w)
            return False
        if kind == "ready":
            if value is not None:
                raise WorkerSetupError(f"a worker process could not rebuild the Anonymizer ({value})")
            w.ready = True
            self._setup_deaths = 0
        elif w.task is not None:
            task, w.task = w.task, None
            run.fill(task.chunk, task.slot, [restore(*entry) for entry in value])
        return True

    def _lose(self, run: _Run, w: _Worker) -> None:
        """``w`` died: what it held is run again (or fails, see the module's doc); a fresh
        worker takes its place."""
        self.workers.remove(w)
        w.conn.close()
        if w.process.is_alive():
            w.process.kill()
        w.process.join()
        how = _how(w.process.exitcode)
        if not w.ready:
            self._setup_deaths += 1
            if self._setup_deaths > MAX_SETUP_DEATHS * self.n_jobs:
                raise WorkerSetupError(f"worker processes keep dying before they are ready ({how}); "
                                       "the run was stopped")
        task = w.task
        if task is not None:
            self._retry(run, task, how)
        self.workers.append(self._spawn())

    @staticmethod
    def _retry(run: _Run, task: _Task, how: str) -> None:
        if len(task.items) > 1:  # one of them may be to blame: each runs alone
            for k in reversed(range(len(task.items))):
                item = task.items[k]
                if isinstance(item, DocumentError):
                    run.fill(task.chunk, task.slot + k, [item])
                else:
                    run.queue.appendleft(_Task(task.chunk, task.slot + k, [item]))
            return
        task.deaths += 1
        if task.deaths < MAX_DEATHS_ALONE:
            run.queue.appendleft(task)
            return
        (item,) = task.items
        run.fill(task.chunk, task.slot, [DocumentError(item.id, (
            f"the worker process died while pseudonymizing this decision alone, {task.deaths} times ({how}): "
            "this decision kills its worker (a detector that ends the process, a crash, memory); it was "
            "not published"))])

    # --- the end -------------------------------------------------------------------
    def close(self) -> None:
        """Stop the workers after the run: each is told to end, then waited for."""
        for w in self.workers:
            try:
                w.conn.send(None)
            except (OSError, ValueError):
                pass
        for w in self.workers:
            w.process.join(STOP_GRACE)
        self.stop()

    def stop(self) -> None:
        """Stop every worker now (an interrupted run): terminated, killed if it lingers."""
        for w in self.workers:
            if w.process.is_alive():
                w.process.terminate()
        for w in self.workers:
            w.process.join(STOP_GRACE)
            if w.process.is_alive():  # pragma: no cover - a worker that ignores SIGTERM
                w.process.kill()
                w.process.join()
            w.conn.close()
        self.workers = []


__all__ = ["WorkerPool", "WorkerSetupError", "MAX_DEATHS_ALONE", "MAX_SETUP_DEATHS"]
