"""The batch command line: ``judanon anonymize`` with several files, a folder, or
``--jsonl IN``; everything goes to ``--out``.

Everything the user can get wrong (inputs, ``--out`` not writable, a bad key file) is
found before the Anonymizer (and its model) is loaded. Outputs are written whole
(:mod:`judanon.batch.files`): a folder gets each audit trail before its published text;
a JSONL file is written under a temporary name and takes its place only when the run
ends, so an interrupted run never replaces a previous output nor leaves a file that
looks complete.

Exit codes: 0 every decision written; 1 some decisions failed (each listed with its id
and reason) or the run stopped on an error; 2 a usage error; 3 an output could not be
written (disk full, permission); 130 interrupted (Ctrl-C). Every exit but 0 and a
usage error found before the run says, on one line, how many decisions were written
and that the output is incomplete.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, Callable, Iterator

from judanon.batch import corpus, files
from judanon.batch.files import OutputError
from judanon.errors import CorpusError, JudanonError

if TYPE_CHECKING:  # pragma: no cover
    from judanon.pipeline import Anonymizer

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_OUTPUT = 3
EXIT_INTERRUPTED = 130


def check_arguments(args: Any) -> None:
    """Usage errors of a batch command line, as CorpusErrors (nothing is loaded yet)."""
    if args.jsonl is not None and args.paths:
        raise CorpusError("give either decision files (or folders) or --jsonl IN, not both")
    if args.jsonl is None and not args.paths:
        raise CorpusError("give a decision file, several files, a folder, or --jsonl IN")
    if args.out is None:
        raise CorpusError("several decisions, a folder or --jsonl need --out "
                          "(a folder for files, a .jsonl file or - for --jsonl)")
    for flag, value in (("--case-id", args.case_id), ("--party", args.party), ("--json", args.json),
                        ("--audit", args.audit), ("--hide-motivations", getattr(args, "hide_motivations", None)),
                        ("--also-hide", getattr(args, "also_hide", None)), ("--keep-term", getattr(args, "keep_term", None)),
                        ("--instructions", getattr(args, "instructions", None))):
        if value:
            raise CorpusError(f"{flag} applies to one decision; in a batch, give each record its own "
                              "case_id, parties and requests (hide_motivations, also_hide, keep_visible, "
                              "instructions) in a --jsonl file (audit trails are written beside each "
                              "published text)")
    if args.jobs == 0 or args.jobs < -1:
        raise CorpusError(f"--jobs must be a positive number of processes or -1 (one per CPU), not {args.jobs}")
    if args.skip_existing and args.jsonl is not None:
        raise CorpusError("--skip-existing resumes a folder run; a --jsonl run writes its output whole")
    if args.jsonl not in (None, "-"):
        try:
            with open(args.jsonl, "rb"):
                pass
        except OSError as exc:
            raise CorpusError(f"cannot read {args.jsonl}: {exc.strerror}") from None
        if args.out != "-" and os.path.exists(args.out) and os.path.samefile(args.jsonl, args.out):
            raise CorpusError(f"--out {args.out} would overwrite the input; choose another file")


def run(args: Any, build: Callable[[], "Anonymizer"]) -> int:
    """Run a checked batch command line; ``build`` makes the Anonymizer (loads the model)."""
    check_arguments(args)
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    if args.jsonl is not None:
        return _run_jsonl(args, build, progress)
    return _run_files(args, build, progress)


def _writable(out: str, check: Callable[[], Any]) -> Any:
    try:
        return check()
    except OutputError as exc:
        raise CorpusError(f"--out {out}: cannot write there ({exc.reason}); choose another place") from None


def _run_files(args: Any, build: Callable[[], "Anonymizer"], progress: bool) -> int:
    planned = corpus.plan_files(args.paths, args.out)
    _writable(args.out, lambda: files.check_folder(args.out))
    report = corpus.Report(total=len(planned))
    todo = planned
    if args.skip_existing:
        there = set(corpus.existing(planned))
        todo = [p for p in planned if p not in there]
        report.skipped = len(planned) - len(todo)
    outcomes = build().anonymize_many(corpus.file_records(todo, args.omit or ()), n_jobs=args.jobs,
                                      progress=progress)
    ending = _Ending(report, f" into {args.out}", resume=" (run again with --skip-existing to resume)")
    return ending.run(lambda: corpus.write_files(outcomes, todo, report), outcomes)


def _run_jsonl(args: Any, build: Callable[[], "Anonymizer"], progress: bool) -> int:
    report = corpus.Report(total=corpus.count_records(args.jsonl))
    if args.out == "-":
        sink: Any = sys.stdout
        ending = _Ending(report, " to standard output")
    else:
        sink = _writable(args.out, lambda: files.ReplaceOnCommit(args.out))
        ending = _Ending(report, f" into {args.out}", discarded=f" ({args.out} was left as it was)")
    try:
        tap = corpus.IdTap(corpus.jsonl_records(args.jsonl, args.omit or ()))
        outcomes = build().anonymize_many(tap, n_jobs=args.jobs, progress=progress)
    except BaseException:
        if sink is not sys.stdout:
            sink.discard()
        raise

    def write() -> None:
        try:
            corpus.write_jsonl(outcomes, tap.ids.popleft, sink, report)
            if sink is not sys.stdout:
                sink.commit()
        except BaseException:
            if sink is not sys.stdout:
                sink.discard()
                ending.discarded_all = True
            raise

    return ending.run(write, outcomes)


class _Ending:
    """How a batch run ends: the lines on stderr and the exit code."""

    def __init__(self, report: corpus.Report, where: str, resume: str = "", discarded: str = ""):
        self.report, self.where, self.resume, self.discarded = report, where, resume, discarded
        self.discarded_all = False

    def run(self, write: Callable[[], Any], outcomes: Iterator[Any]) -> int:
        try:
            write()
        except KeyboardInterrupt:
            return self._stop("interrupted", EXIT_INTERRUPTED)
        except OutputError as exc:
            return self._stop(f"error: {exc}", EXIT_OUTPUT)
        except CorpusError as exc:  # the input turned out unreadable halfway
            return self._stop(f"error: {exc}", EXIT_USAGE)
        except JudanonError as exc:  # e.g. worker processes that cannot start
            return self._stop(f"error: {exc}", EXIT_FAILED)
        finally:
            close = getattr(outcomes, "close", None)
            if close is not None:
                close()  # the worker processes stop now
        return self._done()

    def written(self) -> str:
        report = self.report
        n = 0 if self.discarded_all else report.done + report.skipped
        if report.total is None:
            return f"{n} decisions written{self.where} (of an input not read to its end)"
        return f"{n} of {report.total} decisions written{self.where}"

    def _stop(self, what: str, code: int) -> int:
        tail = self.discarded if self.discarded_all else self.resume
        sys.stderr.write(f"judanon: {what}; {self.written()}; output incomplete{tail}\n")
        return code

    def _done(self) -> int:
        report = self.report
        skipped = f" ({report.skipped} already there, skipped)" if report.skipped else ""
        sys.stderr.write(f"judanon: {report.done} document(s) pseudonymized{self.where}{skipped}\n")
        if report.failed:
            sys.stderr.write(f"judanon: {self.written()}; output incomplete\n")
            sys.stderr.write(corpus.format_failures(report) + "\n")
            return EXIT_FAILED
        return 0


__all__ = ["run", "check_arguments", "EXIT_FAILED", "EXIT_USAGE", "EXIT_OUTPUT", "EXIT_INTERRUPTED"]
