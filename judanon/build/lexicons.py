"""Build judanon's first-name and surname lexicons from ``names-dataset``.

Source: names-dataset 3.x by Philippe Rémy (MIT licence, https://github.com/philipperemy/name-dataset),
first and last names with per-country popularity ranks. Common-word filtering uses
wordfreq's French frequencies at build time only (nothing from wordfreq is shipped
beyond one flag per name).

Deterministic: same inputs, byte-identical outputs (sorted lines, gzip mtime 0).

    pip install names-dataset wordfreq
    python -m judanon.build.lexicons [--out judanon/data/lexicons]
"""

from __future__ import annotations

import argparse
import gzip
import io
import math
import pickle
import re
from pathlib import Path

#: The checkout this module lives in (``judanon/build/`` -> repository root).
ROOT = Path(__file__).resolve().parents[2]

from judanon.lexicons import AMBIGUOUS, COMMON_WORD, PLAIN, name_key, not_names  # noqa: E402

# --- Policy (data) ---------------------------------------------------------------

#: Populations that appear in French decisions: country -> (weight, rank cap).
#: A name enters when its rank in one of these countries is <= the cap; its lexicon
#: rank is the smallest rank x weight over them, so a name common in France ranks
#: before an equally common one elsewhere.
COUNTRIES = {
    # France and its French-speaking neighbours: every ranked name
    "FR": (1, 100_000), "BE": (1, 100_000), "CH": (1, 100_000), "LU": (1, 100_000),
    # the largest immigrant populations in France
    "MA": (2, 12_000), "DZ": (2, 12_000), "TN": (2, 12_000), "PT": (2, 12_000),
    "ES": (2, 12_000), "IT": (2, 12_000), "TR": (2, 12_000),
    # further origins seen in decisions (sub-Saharan French-speaking countries
    # present in the dataset, the Caribbean, Eastern Europe, Middle East)
    "CM": (3, 6_000), "HT": (3, 6_000), "MU": (3, 4_000), "DJ": (3, 4_000), "BI": (3, 4_000),
    "BF": (3, 4_000), "DE": (3, 6_000), "PL": (3, 6_000), "GB": (3, 5_000), "NL": (3, 4_000),
    "RU": (3, 5_000), "AL": (3, 4_000), "RS": (3, 4_000), "BG": (3, 3_000), "HU": (3, 3_000),
    "CZ": (3, 3_000), "HR": (3, 3_000), "GR": (3, 3_000), "EG": (3, 4_000), "SY": (3, 4_000),
    "LB": (3, 4_000), "IQ": (3, 3_000), "AF": (3, 3_000), "IR": (3, 3_000), "BR": (3, 4_000),
    "US": (3, 4_000), "CN": (3, 2_000),
}

#: Expected French word frequency (wordfreq zipf) of a name used only as a name,
#: by rank: ``_EXPECTED_AT_1 - _EXPECTED_SLOPE * log10(rank)``. wordfreq counts
#: names too (``pierre`` has zipf 5.3 because of Pierre), so a raw frequency threshold
#: would drop the most common names; what marks a common word is frequency far above
#: what the name's popularity explains (``maison``: rank 2,162, zipf 5.5).
_EXPECTED_AT_1 = 5.8
_EXPECTED_SLOPE = 0.9
#: Excess zipf above which a name is also a common word (flag 1), and above which it
#: is taken for a word, not a name (flag 2).
AMBIGUOUS_EXCESS = 0.5
COMMON_EXCESS = 1.6

# A Latin-script name after name_key: letters, inner hyphens or apostrophes.
_KEY_RE = re.compile(r"[a-z]+(?:[-'][a-z]+)*\Z")

DATASET = "names_dataset"


def _load(kind: str) -> dict:
    import names_dataset

    path = Path(names_dataset.__file__).parent / "v3" / f"{kind}.pkl.gz"
    with gzip.open(path, "rb") as fh:
        return pickle.load(fh)


def _weighted_rank(ranks: dict) -> int | None:
    best = None
    for country, rank in ranks.items():
        policy = COUNTRIES.get(country)
        if policy is None or rank is None or rank > policy[1]:
            continue
        value = rank * policy[0]
        best = value if best is None else min(best, value)
    return best


def _flag(display: str, key: str, rank: int, stop: frozenset, zipf) -> int:
    if key in stop:
        return COMMON_WORD
    z = max(zipf(display.lower(), "fr"), zipf(key, "fr"))
    if z == 0:
        return PLAIN
    excess = z - (_EXPECTED_AT_1 - _EXPECTED_SLOPE * math.log10(rank))
    if excess >= COMMON_EXCESS:
        return COMMON_WORD
    if excess >= AMBIGUOUS_EXCESS:
        return AMBIGUOUS
    return PLAIN


def collect(raw: dict) -> dict:
    """key -> (weighted rank, display form) for one kind of name."""
    table: dict = {}
    for display, info in raw.items():
        rank = _weighted_rank(info.get("rank") or {})
        if rank is None:
            continue
        key = name_key(display.strip())
        if not _KEY_RE.match(key) or len(key) < 2:
            continue
        if len(key) == 2 and rank > 2000:
            continue  # two-letter "names" beyond the top are mostly initials and noise
        prev = table.get(key)
        if prev is None or rank < prev[0]:
            table[key] = (rank, display)
    return table


def flag_tables(tables: list, zipf) -> list:
    """key -> (rank, flag) for each table. The flag uses the name's best rank over
    all tables, so ``Lefebvre`` (a rare first name but a top surname) is one plain
    name in both."""
    stop = not_names()
    best: dict = {}
    for table in tables:
        for key, (rank, display) in table.items():
            if key not in best or rank < best[key][0]:
                best[key] = (rank, display)
    flags = {key: _flag(display, key, rank, stop, zipf) for key, (rank, display) in best.items()}
    return [{k: (r, flags[k]) for k, (r, _) in table.items()} for table in tables]


def write_table(table: dict, path: Path) -> None:
    lines = "".join(f"{k}\t{r}\t{f}\n" for k, (r, f) in sorted(table.items()))
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(lines.encode("utf-8"))
    path.write_bytes(buf.getvalue())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "judanon" / "data" / "lexicons")
    args = parser.parse_args(argv)
    from wordfreq import zipf_frequency

    args.out.mkdir(parents=True, exist_ok=True)
    kinds = (("first_names", "first_names.txt.gz"), ("last_names", "surnames.txt.gz"))
    tables = flag_tables([collect(_load(kind)) for kind, _ in kinds], zipf_frequency)
    for (kind, filename), table in zip(kinds, tables):
        write_table(table, args.out / filename)
        flags = [f for _, f in table.values()]
        print(
            f"{filename}: {len(table)} names "
            f"({flags.count(AMBIGUOUS)} also common words, {flags.count(COMMON_WORD)} refused as words), "
            f"{(args.out / filename).stat().st_size / 1e6:.2f} MB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
