"""Command line: ``judanon anonymize``, ``judanon check``, ``judanon evaluate``,
``judanon train``.

Errors the user can fix (missing file, bad encoding, bad arguments) exit with code 2
and one line on stderr, never a traceback. Nothing personal is logged.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from typing import List, Optional

from judanon._version import __version__
from judanon.entities import CATEGORIES, VISIBLE_BY_DEFAULT
from judanon.errors import CorpusError, JudanonError, ModelLoadError, NeuralUnavailableError


class UsageError(JudanonError):
    """A problem the user fixes by changing the command line or the input."""


def _read_bytes(path: str, what: str = "file", size: int = -1) -> bytes:
    """The bytes of ``path`` (``-``: stdin; ``size``: at most that many), or a clear UsageError."""
    try:
        if path == "-":
            return sys.stdin.buffer.read(size)
        with open(path, "rb") as fh:
            return fh.read(size)
    except FileNotFoundError:
        raise UsageError(f"no such {what}: {path}") from None
    except IsADirectoryError:
        raise UsageError(f"is a directory, not a {what}: {path}") from None
    except PermissionError:
        raise UsageError(f"permission denied: {path}") from None


def _read_input(path: str) -> str:
    data = _read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path} is not valid UTF-8 (byte {exc.start}); convert it to UTF-8 first") from None


def _anonymizer(args, **kw):
    """The pipeline the command line asks for: ``--no-neural``, ``--model PATH``."""
    from judanon.packs import ProfileError
    from judanon.pipeline import Anonymizer

    model = args.model
    if model is not None:
        _read_bytes(model, "model file", size=1)
    try:
        return Anonymizer(neural=False if args.no_neural else None, model=model, profile=args.profile, **kw)
    except (ModelLoadError, NeuralUnavailableError, ProfileError) as exc:
        raise UsageError(str(exc)) from None


def _cmd_anonymize(args) -> int:
    if args.jsonl is not None or args.out is not None or len(args.paths) != 1 or _is_dir(args.paths[0]):
        return _cmd_anonymize_batch(args)
    text = _read_input(args.paths[0])
    anon = _anonymizer(args, keep_visible=() if args.mask_magistrates else VISIBLE_BY_DEFAULT)
    result = anon.anonymize(text, omit=args.omit or (), case_id=args.case_id, parties=args.party or None,
                            **_requests(args))
    if args.audit:
        # before anything reaches stdout: no published text without its audit trail
        _write_atomically(args.audit, result.audit.to_json(indent=2))
    if args.json:
        payload = {"text": result.text, "entities": [e.to_dict() for e in result.entities]}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(result.text)
        if not result.text.endswith("\n"):
            sys.stdout.write("\n")
        sys.stderr.write(result.audit.summary() + "\n")
    return 0


def _requests(args) -> dict:
    """What the decision asks: ``--hide-motivations``, ``--also-hide``, ``--keep-term``,
    ``--instructions`` (a text, or ``@FILE``)."""
    instructions = args.instructions
    if instructions is not None and instructions.startswith("@"):
        instructions = _read_input(instructions[1:])
    return {"hide_motivations": args.hide_motivations, "also_hide": args.also_hide,
            "keep_visible": args.keep_term, "instructions": instructions}


def _write_atomically(path: str, content: str) -> None:
    """Write ``content`` to ``path`` whole or not at all (a temporary file renamed)."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".judanon-", suffix=".tmp")
    except OSError as exc:
        raise UsageError(f"cannot write audit file {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise UsageError(f"cannot write audit file {path}: {exc.strerror}") from None


def _cmd_check(args) -> int:
    from judanon.audit import AuditTrail
    from judanon.audit.check import check_publication
    from judanon.errors import AuditFormatError

    published = _read_input(args.published)
    original = _read_input(args.original)
    try:
        audit = AuditTrail.from_json(_read_input(args.audit))
    except AuditFormatError as exc:
        raise UsageError(f"{args.audit}: {exc}") from None
    problems = check_publication(published, audit, original)
    for problem in problems:
        sys.stdout.write(f"{problem}\n")
    replaced = sum(1 for r in audit.entities if r.decision == "replaced")
    if problems:
        sys.stderr.write(f"judanon check: {len(problems)} problem(s); do not publish {args.published}\n")
        return 1
    sys.stderr.write(f"judanon check: ok ({replaced} replaced mentions, none left in the published text)\n")
    return 0


def _is_dir(path: str) -> bool:
    return path != "-" and os.path.isdir(path)


def _cmd_anonymize_batch(args) -> int:
    """Several files, a folder, or ``--jsonl IN``: everything goes to ``--out``."""
    from judanon.batch import corpus

    if args.jsonl is not None and args.paths:
        raise UsageError("give either decision files (or folders) or --jsonl IN, not both")
    if args.jsonl is None and not args.paths:
        raise UsageError("give a decision file, several files, a folder, or --jsonl IN")
    if args.out is None:
        raise UsageError("several decisions, a folder or --jsonl need --out "
                         "(a folder for files, a .jsonl file or - for --jsonl)")
    for flag, value in (("--case-id", args.case_id), ("--party", args.party), ("--json", args.json),
                        ("--audit", args.audit), ("--hide-motivations", args.hide_motivations),
                        ("--also-hide", args.also_hide), ("--keep-term", args.keep_term),
                        ("--instructions", args.instructions)):
        if value:
            raise UsageError(f"{flag} applies to one decision; in a batch, give each record its own "
                             "case_id, parties and requests (hide_motivations, also_hide, keep_visible, "
                             "instructions) in a --jsonl file (audit trails are written beside each published "
                             "text)")
    if args.jobs == 0 or args.jobs < -1:
        raise UsageError(f"--jobs must be a positive number of processes or -1 (one per CPU), not {args.jobs}")
    if args.jsonl not in (None, "-") and args.out != "-" and os.path.exists(args.out) \
            and os.path.samefile(args.jsonl, args.out):
        raise UsageError(f"--out {args.out} would overwrite the input; choose another file")
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    try:
        if args.jsonl is not None:
            tap = corpus.IdTap(corpus.jsonl_records(args.jsonl, args.omit or ()))
            anon = _anonymizer(args, keep_visible=() if args.mask_magistrates else VISIBLE_BY_DEFAULT)
            outcomes = anon.anonymize_many(tap, n_jobs=args.jobs, progress=progress)
            if args.out == "-":
                report = corpus.write_jsonl(outcomes, tap.ids.popleft, sys.stdout)
            else:
                try:
                    out = open(args.out, "w", encoding="utf-8")
                except OSError as exc:
                    raise UsageError(f"cannot write {args.out}: {exc.strerror}") from None
                with out:
                    report = corpus.write_jsonl(outcomes, tap.ids.popleft, out)
        else:
            planned = corpus.plan_files(args.paths, args.out)
            anon = _anonymizer(args, keep_visible=() if args.mask_magistrates else VISIBLE_BY_DEFAULT)
            outcomes = anon.anonymize_many(corpus.file_records(planned, args.omit or ()),
                                           n_jobs=args.jobs, progress=progress)
            report = corpus.write_files(outcomes, planned)
    except CorpusError as exc:
        raise UsageError(str(exc)) from None
    where = "" if args.out == "-" else f" into {args.out}"
    sys.stderr.write(f"judanon: {report.done} document(s) pseudonymized{where}\n")
    if report.failed:
        sys.stderr.write(corpus.format_failures(report) + "\n")
        return 1
    return 0


def _cmd_evaluate(args) -> int:
    from judanon.evaluation import evaluate_files, format_report, held_out_numbers

    for path in args.gold:
        _read_input(path)  # clear message for a missing or non-UTF-8 file
    only = None
    if args.held_out:
        _read_input(args.held_out)
        only = held_out_numbers(args.held_out)
        if not only:
            raise UsageError(f"{args.held_out} holds out no decision (the model was trained without "
                             "--dev-fraction): score without --held-out, or on other decisions")
    # a progress bar on a terminal only: none when stderr is piped, none with --json
    progress = sys.stderr.isatty() and not args.json
    report = evaluate_files(args.gold, _anonymizer(args), only_numbers=only, unseen_names=args.unseen_names,
                            progress=progress)
    if not report.documents and only is None:
        raise UsageError(f"no annotated decision in {', '.join(args.gold)}: nothing to score")
    if not report.documents:
        assert only is not None
        raise UsageError(f"none of the {len(only)} decisions {args.held_out} holds out is in "
                         f"{', '.join(args.gold)}: pass the gold files the model was trained from")
    if args.json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_report(report, by=args.by, show_policy=args.show == "policy") + "\n")
    return 0


def _cmd_train(args) -> int:
    from judanon.training import main as train_main

    return train_main(args.rest)


def _neural_options(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("--no-neural", action="store_true", help="rules and dictionaries only")
    group.add_argument("--model", metavar="MODEL.pt",
                       help="a tagger trained with `judanon train`, in place of the shipped one")
    from judanon.packs import available_profiles

    p.add_argument("--profile", default="fr",
                   help=f"country pack: {', '.join(available_profiles())} (default: fr)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="judanon", description="Pseudonymize court decisions.")
    parser.add_argument("--version", action="version", version=f"judanon {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("anonymize", help="pseudonymize decisions (UTF-8 text files, folders, - for stdin, "
                                         "or --jsonl records)")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="decision text file (- reads stdin); several files or folders (their *.txt "
                        "files) need --out")
    p.add_argument("--jsonl", metavar="IN.jsonl",
                   help='records {"id", "text", "case_id", "omit", "parties", "hide_motivations", "also_hide", '
                        '"keep_visible", "instructions"}, one per line (- reads stdin)')
    p.add_argument("--out", metavar="OUT",
                   help="batch output: a folder for files (published text and .audit.json side by side), "
                        "a .jsonl file (or -) for --jsonl")
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="worker processes for a batch (-1: one per CPU; default 1)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: when stderr is a terminal)")
    p.add_argument("--omit", nargs="+", metavar="CATEGORY", choices=CATEGORIES,
                   help="categories to leave visible")
    p.add_argument("--case-id", help="case identifier; seeds the replacement letters")
    p.add_argument("--party", action="append", metavar="NAME",
                   help="a party's name known from the case metadata (repeatable)")
    p.add_argument("--hide-motivations", action="store_true",
                   help="hide the decision's reasons whole ([Motifs de la décision occultés]); fails when "
                        "they are not found")
    p.add_argument("--also-hide", action="append", metavar="TERM",
                   help="a term the judge asked to hide, every variant of it (repeatable)")
    p.add_argument("--keep-term", action="append", metavar="TERM",
                   help="a term the judge asked to keep visible (repeatable)")
    p.add_argument("--instructions", metavar="TEXT",
                   help="the judge's free-text instructions (\"Occulter le terme Dunkerque\"), or @FILE; "
                        "what cannot be read is a doubt of the audit trail")
    p.add_argument("--json", action="store_true", help='print {"text": ..., "entities": [...]}')
    p.add_argument("--audit", metavar="OUT.json", help="write the audit trail to this file")
    _neural_options(p)
    p.add_argument("--mask-magistrates", action="store_true", help="also replace magistrates and clerks")
    p.set_defaults(func=_cmd_anonymize)

    p = sub.add_parser("check", help="verify a published text against its audit trail and original "
                                     "(exit 1 and one line per problem)")
    p.add_argument("published", help="the published text (as written by judanon anonymize)")
    p.add_argument("--audit", required=True, metavar="AUDIT.json", help="its audit trail")
    p.add_argument("--original", required=True, metavar="ORIGINAL.txt", help="the decision before anonymization")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("evaluate", help="score the default pipeline on annotated decisions (JSONL)")
    p.add_argument("gold", nargs="+", help="annotated decisions, one JSON object per line")
    _neural_options(p)
    p.add_argument("--by", choices=["source"], help="also break figures down by this field")
    p.add_argument("--held-out", metavar="MODEL_CARD.json",
                   help="score only the decisions this model card lists as held out from training")
    p.add_argument("--unseen-names", action="store_true",
                   help="first replace every annotated person and town by invented names (robustness)")
    p.add_argument("--show", choices=["policy"],
                   help="also list the gold mentions the place policy keeps visible (with their text)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=_cmd_evaluate)

    p = sub.add_parser("train", help="train a neural tagger (see `judanon train --help`)", add_help=False)
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=_cmd_train)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["train"]:
        # ``judanon train`` has its own parser: options before the gold files, --help
        args = argparse.Namespace(func=_cmd_train, rest=argv[1:])
    else:
        args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        sys.stderr.write(f"judanon: error: {exc}\n")
        return 2
    except JudanonError as exc:
        sys.stderr.write(f"judanon: error: {exc}\n")
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
