"""Command line: ``judanon anonymize``, ``judanon check``, ``judanon evaluate``,
``judanon train``.

Errors the user can fix (missing file, bad encoding, bad arguments, an output that
cannot be written) are found before anything is loaded and exit with code 2 and one
line on stderr, never a traceback. An output that cannot be written during the run
(disk full) exits with code 3, Ctrl-C with 130, each with one line saying what was
written. Nothing personal is logged.

Keys are read from files (``--key-file``), never from the command line, where other
users of the machine could read them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import List, Optional

from judanon._version import __version__
from judanon.argparsing import OneLineParser
from judanon.entities import CATEGORIES, VISIBLE_BY_DEFAULT
from judanon.errors import CorpusError, JudanonError, ModelLoadError, NeuralUnavailableError

#: Exit codes (see the module's doc).
EXIT_USAGE = 2
EXIT_OUTPUT = 3
EXIT_INTERRUPTED = 130


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


def _read_key(path: Optional[str]) -> Optional[bytes]:
    """The audit key in file ``path`` (its bytes, exactly), or ``None`` without one."""
    if path is None:
        return None
    from judanon.keys import MIN_KEY_BYTES

    key = _read_bytes(path, "key file")
    if len(key) < MIN_KEY_BYTES:
        raise UsageError(f"the key file {path} holds {len(key)} bytes; an audit key needs at least "
                         f"{MIN_KEY_BYTES} random bytes (e.g. head -c 32 /dev/urandom > audit.key)")
    return key


def _no_key_note(args) -> None:
    if args.key_file is None:
        sys.stderr.write("judanon: note: no --key-file: the audit trail is keyed by a random key, so "
                         "judanon check cannot verify it later\n")


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
    key = _read_key(args.key_file)
    if args.audit:
        _check_writable(args.audit)
        _no_key_note(args)
    anon = _anonymizer(args, keep_visible=() if args.mask_magistrates else VISIBLE_BY_DEFAULT, audit_key=key)
    result = anon.anonymize(text, omit=args.omit or (), case_id=args.case_id, parties=args.party or None,
                            **_requests(args))
    if args.audit:
        # before anything reaches stdout: no published text without its audit trail
        from judanon.batch.files import write_whole

        write_whole(args.audit, result.audit.to_json(indent=2))
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


def _check_writable(path: str) -> None:
    """The audit file can be created where it goes (checked before anything is loaded)."""
    from pathlib import Path

    from judanon.batch.files import temporary

    target = Path(path)
    if target.is_dir():
        raise UsageError(f"cannot write audit file {path}: it is a folder")
    try:
        fd, tmp = temporary(target)
        os.close(fd)
        os.unlink(tmp)
    except OSError as exc:
        raise UsageError(f"cannot write audit file {path}: {exc.strerror}") from None


def _cmd_check(args) -> int:
    from judanon.audit import AuditTrail
    from judanon.audit.check import check_publication, check_trail
    from judanon.errors import AuditFormatError

    published = _read_input(args.published)
    original = _read_input(args.original)
    key = _read_key(args.key_file)
    try:
        audit = AuditTrail.from_json(_read_input(args.audit))
    except AuditFormatError as exc:
        raise UsageError(f"{args.audit}: {exc}") from None
    if audit.keyed and key is None:
        raise UsageError(f"{args.audit} is keyed by its audit key: pass the key's file with --key-file")
    if not audit.keyed:
        sys.stderr.write(f"judanon check: {args.audit} is of schema {audit.schema_version} (unkeyed): it proves "
                         "consistency only, not that it was not rewritten\n")
    problems = check_trail(audit, key, expected_head=args.head, accept_unkeyed=args.accept_unkeyed)
    if not problems:
        problems = check_publication(published, audit, original, key)
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
    """Several files, a folder, or ``--jsonl IN``: everything goes to ``--out``
    (:mod:`judanon.batch.command`)."""
    from judanon.batch import command

    try:
        command.check_arguments(args)
        key = _read_key(args.key_file)
        keep = () if args.mask_magistrates else VISIBLE_BY_DEFAULT

        def build():
            _no_key_note(args)
            return _anonymizer(args, keep_visible=keep, audit_key=key)

        return command.run(args, build)
    except CorpusError as exc:
        raise UsageError(str(exc)) from None


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
    from judanon.training.cli import main as train_main

    return train_main(args.rest)


def _neural_options(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("--no-neural", action="store_true", help="rules and dictionaries only")
    group.add_argument("--model", metavar="MODEL.pt",
                       help="a tagger trained with `judanon train`, in place of the shipped one")
    from judanon.packs import DEFAULT_PROFILE, available_profiles

    p.add_argument("--profile", default=DEFAULT_PROFILE,
                   help=f"country pack: {', '.join(available_profiles())} (default: {DEFAULT_PROFILE})")


def _key_option(p: argparse.ArgumentParser, help: str) -> None:
    p.add_argument("--key-file", metavar="KEY", help=help)


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="judanon", description="Pseudonymize court decisions.")
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
    p.add_argument("--skip-existing", action="store_true",
                   help="folder output: leave out the decisions whose published text and audit trail are "
                        "already there (resumes an interrupted run; pass the same --key-file)")
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
    p.add_argument("--json", action="store_true",
                   help='print {"text": ..., "entities": [...]}: the entities hold the ORIGINAL surfaces '
                        "(personal data); keep this output as private as the decision")
    p.add_argument("--audit", metavar="OUT.json", help="write the audit trail to this file (mode 0600)")
    _key_option(p, "the audit key (16 bytes or more, read exactly as the file holds them): keys the "
                   "trail's digests so that judanon check can verify it; default: a random key")
    _neural_options(p)
    p.add_argument("--mask-magistrates", action="store_true", help="also replace magistrates and clerks")
    p.set_defaults(func=_cmd_anonymize)

    p = sub.add_parser("check", help="verify a published text against its audit trail and original "
                                     "(exit 1 and one line per problem)")
    p.add_argument("published", help="the published text (as written by judanon anonymize)")
    p.add_argument("--audit", required=True, metavar="AUDIT.json", help="its audit trail")
    p.add_argument("--original", required=True, metavar="ORIGINAL.txt", help="the decision before anonymization")
    _key_option(p, "the audit key the trail was written with (needed for a trail of schema 3)")
    p.add_argument("--head", metavar="DIGEST",
                   help="the digest of the trail's last revision, kept apart: revisions cut from the end show")
    p.add_argument("--accept-unkeyed", action="store_true",
                   help="check a trail of schema 1 or 2 (judanon 0.1, unkeyed) for consistency only")
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
    from judanon.batch.files import OutputError

    try:
        return args.func(args)
    except UsageError as exc:
        sys.stderr.write(f"judanon: error: {exc}\n")
        return EXIT_USAGE
    except OutputError as exc:
        sys.stderr.write(f"judanon: error: {exc}; nothing was written\n")
        return EXIT_OUTPUT
    except JudanonError as exc:
        sys.stderr.write(f"judanon: error: {exc}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("judanon: interrupted; nothing was written\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
