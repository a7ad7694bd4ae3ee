"""Throughput of the batch paths of judanon on a corpus of decisions.

Run as a script, not collected as a test:

    python tests/benchmarks/bench_batch.py [--n 2000] [--data DIR] [--runs loop batch-1 batch-2 dask-2] [--start spawn]

The corpus is ``--n`` decisions made from ``DIR/dev.jsonl`` and ``DIR/silver.jsonl``
(default: ``../shared/data/fr-label`` beside the repository) repeated, each copy with its
own surrogate values (the annotated persons, towns and birth dates replaced by other
invented ones), so that no two decisions are the same text. Runs, each in its own process,
with the default pipeline (rules + neural):

- ``loop``: one ``anonymize`` call per decision, one process;
- ``batch-1``: ``anonymize_many(n_jobs=1)`` (sentences of several decisions tagged together);
- ``batch-2``: ``anonymize_many(n_jobs=2)``, two worker processes;
- ``dask-2``: ``judanon.batch.dask.anonymize_bag`` on a two-worker ``LocalCluster``;
- ``cli-100``: ``judanon anonymize FOLDER --out DIR`` on 100 of the decisions against
  ``anonymize_many`` on the same texts, model load included in both.

Printed: documents/s, characters/s, CPU seconds (all processes of the run; characters
per CPU second say what the code costs when the machine is shared), and the peak
resident memory of the largest worker (for one-process runs, the process itself). Loading the model in the calling process is
not timed; starting worker processes is, and is shown apart (forked workers share the
caller's loaded model; spawned ones load it each: ``--start spawn``).
Torch uses one thread per worker (``OMP_NUM_THREADS=1``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "fr-label"
RUNS = ("loop", "batch-1", "batch-2", "dask-2", "cli-100")

SURNAMES = ["Abgrall", "Bellec", "Cariou", "Derrien", "Floc'h", "Guivarc'h", "Hascoët", "Jaouen", "Kervella",
            "Le Bihan", "Madec", "Nédélec", "Olier", "Pennec", "Quéré", "Riou", "Salaün", "Tanguy", "Uguen",
            "Verdier", "Moreau", "Girard", "Bonnet", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller",
            "Lefèvre", "Faure", "Andre", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "Legrand"]
FIRST_NAMES = ["Anne", "Bernard", "Claire", "Denis", "Élodie", "Fabrice", "Gaëlle", "Hugo", "Inès", "Julien",
               "Katell", "Loïc", "Maëlle", "Nicolas", "Océane", "Pierre", "Rozenn", "Sébastien", "Tifenn", "Yann"]
TOWNS = ["Quimper", "Morlaix", "Lannion", "Vannes", "Lorient", "Saint-Brieuc", "Dinan", "Fougères", "Vitré",
         "Redon", "Pontivy", "Carhaix", "Landerneau", "Concarneau", "Douarnenez", "Guingamp", "Paimpol"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


def load_decisions(data: Path):
    decisions = []
    for name in ("dev.jsonl", "silver.jsonl"):
        with open(data / name, encoding="utf-8") as fh:
            decisions.extend(json.loads(line) for line in fh if line.strip())
    return decisions


def surrogate(label: str, surface: str, rng: random.Random) -> str:
    if label == "personnePhysique":
        words = surface.split()
        name = rng.choice(SURNAMES)
        if len(words) > 1:
            name = rng.choice(FIRST_NAMES) + " " + name
        return name.upper() if surface.isupper() else name
    if label == "localite":
        return rng.choice(TOWNS)
    if label == "dateNaissance":
        return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(1940, 2005)}"
    return surface


def corpus(data: Path, n: int, seed: int = 0):
    """``n`` records: the decisions repeated, each copy with other surrogate values."""
    decisions = load_decisions(data)
    rng = random.Random(seed)
    out = []
    for i in range(n):
        d = decisions[i % len(decisions)]
        text = d["text"]
        if i >= len(decisions):  # the first pass is the data as it is
            pieces, pos = [], 0
            for e in sorted(d["entities"], key=lambda e: e["start"]):
                if e["start"] < pos:
                    continue
                pieces.append(text[pos:e["start"]])
                pieces.append(surrogate(e["label"], text[e["start"]:e["end"]], rng))
                pos = e["end"]
            pieces.append(text[pos:])
            text = "".join(pieces)
        out.append({"id": f"{d['id']}-{i}", "text": text, "case_id": f"bench-{i}"})
    return out


def peak_mib(kib: int) -> float:
    return round(kib / 1024, 1)


def cpu_seconds(who=resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def cli_vs_api(data: Path, n: int) -> dict:
    """``judanon anonymize FOLDER --out DIR`` on ``n`` decisions (one process, model
    load included) against ``anonymize_many`` on the same records (load included too)."""
    import shutil
    import tempfile

    import judanon

    records = corpus(data, n)
    chars = sum(len(r["text"]) for r in records)
    tmp = Path(tempfile.mkdtemp())
    try:
        src = tmp / "in"
        src.mkdir()
        for i, r in enumerate(records):
            (src / f"{i:05d}.txt").write_text(r["text"], encoding="utf-8")
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "judanon", "anonymize", str(src), "--out", str(tmp / "out"),
                              "--no-progress"], capture_output=True, text=True)
        cli = time.perf_counter() - start
        if out.returncode != 0:
            raise SystemExit(out.stderr[-2000:])
        cpu_cli = cpu_seconds(resource.RUSAGE_CHILDREN)
        start, cpu = time.perf_counter(), cpu_seconds()
        anon = judanon.Anonymizer(neural=True)
        failed = sum(isinstance(o, judanon.DocumentError) for o in anon.anonymize_many(r["text"] for r in records))
        api = time.perf_counter() - start
        cpu_api = cpu_seconds() - cpu
    finally:
        shutil.rmtree(tmp)
    return {"run": "cli-100", "documents": n, "characters": chars, "seconds": round(cli, 2),
            "startup_s": 0.0, "docs_per_s": round(n / cli, 2), "chars_per_s": round(chars / cli),
            "cpu_s": round(cpu_cli, 1), "peak_worker_mib": 0.0, "failed": failed,
            "api_seconds": round(api, 2), "api_cpu_s": round(cpu_api, 1)}


def run_one(run: str, data: Path, n: int) -> dict:
    import judanon

    if run == "cli-100":
        return cli_vs_api(data, min(n, 100))
    records = corpus(data, n)
    chars = sum(len(r["text"]) for r in records)
    startup = 0.0
    failed = 0
    if run in ("loop", "batch-1"):
        import torch

        torch.set_num_threads(1)
        anon = judanon.Anonymizer(neural=True)
        anon.anonymize(records[0]["text"])  # warm-up
        start, cpu = time.perf_counter(), cpu_seconds()
        if run == "loop":
            for r in records:
                anon.anonymize(r["text"], case_id=r["case_id"])
        else:
            failed = sum(isinstance(o, judanon.DocumentError) for o in anon.anonymize_many(records))
        elapsed = time.perf_counter() - start
        cpu = cpu_seconds() - cpu
        peaks = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]
    elif run == "batch-2":
        anon = judanon.Anonymizer(neural=True)
        start, cpu = time.perf_counter(), cpu_seconds()
        outcomes = anon.anonymize_many(records, n_jobs=2)
        first = next(outcomes)
        startup = time.perf_counter() - start  # includes the first chunk
        failed = isinstance(first, judanon.DocumentError) + sum(isinstance(o, judanon.DocumentError) for o in outcomes)
        elapsed = time.perf_counter() - start
        cpu = cpu_seconds() - cpu + cpu_seconds(resource.RUSAGE_CHILDREN)  # the workers have ended
        # the largest of the worker processes
        peaks = [resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]
    elif run == "dask-2":
        import dask.bag as db
        from distributed import Client, LocalCluster

        import judanon.batch.dask as jd

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=40) as cluster, Client(cluster) as client:
            worker_cpu = client.run(cpu_seconds)
            start = time.perf_counter()
            # warm the workers up (each builds its Anonymizer, loading the model)
            warm = jd.anonymize_bag(db.from_sequence(records[:2], npartitions=2), neural=True, audit_key=b"k" * 32)
            warm.compute()
            startup = time.perf_counter() - start
            bag = db.from_sequence(records, partition_size=16)
            results = jd.anonymize_bag(bag, neural=True, audit_key=b"k" * 32).compute()
            elapsed = time.perf_counter() - start
            failed = sum(1 for r in results if r["error"])
            cpu = sum(client.run(cpu_seconds).values()) - sum(worker_cpu.values())
            peaks = list(client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss).values())
    else:
        raise SystemExit(f"unknown run {run!r}; runs: {', '.join(RUNS)}")
    return {"run": run, "documents": n, "characters": chars, "seconds": round(elapsed, 2),
            "startup_s": round(startup, 2), "docs_per_s": round(n / elapsed, 2),
            "chars_per_s": round(chars / elapsed), "cpu_s": round(cpu, 1), "peak_worker_mib": peak_mib(max(peaks)), "failed": failed}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--n", type=int, default=2000, help="decisions in the corpus (default 2000)")
    parser.add_argument("--runs", nargs="+", default=list(RUNS), choices=RUNS)
    parser.add_argument("--start", choices=("fork", "spawn"),
                        help="how batch-2's workers start (default: judanon.batch.runner.start_method())")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        if args.start:
            import judanon.batch.runner

            judanon.batch.runner.START_METHOD = args.start
        print(json.dumps(run_one(args.child, args.data, args.n)))
        return 0
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1",
               HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    print(f"{os.cpu_count()} CPUs seen; load average {os.getloadavg()[0]:.1f} at start", flush=True)
    results = {}
    for run in args.runs:
        out = subprocess.run([sys.executable, __file__, "--child", run, "--data", str(args.data), "--n", str(args.n)]
                             + (["--start", args.start] if args.start else []),
                             capture_output=True, text=True, env=env)
        if out.returncode != 0:
            print(f"{run}: failed\n{out.stderr[-3000:]}", file=sys.stderr)
            continue
        results[run] = r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{run}: done in {r['seconds']} s", flush=True)
    print(f"{'run':<9}{'docs':>6}{'chars':>11}{'seconds':>9}{'startup':>9}{'docs/s':>8}{'chars/s':>10}"
          f"{'CPU s':>8}{'chars/CPU s':>12}{'peak MiB/worker':>17}{'failed':>8}")
    for r in results.values():
        print(f"{r['run']:<9}{r['documents']:>6}{r['characters']:>11}{r['seconds']:>9}{r['startup_s']:>9}"
              f"{r['docs_per_s']:>8}{r['chars_per_s']:>10,}{r['cpu_s']:>8}{round(r['characters'] / r['cpu_s']):>12,}"
              f"{r['peak_worker_mib']:>17}{r['failed']:>8}")
    if "loop" in results and "batch-1" in results:
        print(f"batch-1 vs loop: {results['batch-1']['chars_per_s'] / results['loop']['chars_per_s']:.2f}x")
    if "batch-1" in results and "batch-2" in results:
        print(f"batch-2 vs batch-1: {results['batch-2']['chars_per_s'] / results['batch-1']['chars_per_s']:.2f}x")
    if "cli-100" in results:
        r = results["cli-100"]
        print(f"cli on a folder of {r['documents']}: {r['seconds']} s; anonymize_many on the same records: "
              f"{r['api_seconds']} s (model load included in both): {r['seconds'] / r['api_seconds']:.2f}x")
    if "batch-1" in results and "dask-2" in results:
        print(f"dask-2 vs batch-1: {results['dask-2']['chars_per_s'] / results['batch-1']['chars_per_s']:.2f}x")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
