"""Build judanon's first-name and surname lexicons from ``names-dataset``.

Source: names-dataset 3.x by Philippe Rémy (MIT licence, https://github.com/philipperemy/name-dataset),
first and last names with per-country popularity ranks. Common-word filtering uses
wordfreq's French frequencies at build time only (nothing from wordfreq is shipped
beyond one flag per name).

Without ``--pack``, the default profile's lexicons are built from the populations of
:data:`COUNTRIES` into its ``data/`` folder. A country pack's lexicons are built the same
way into its own folder (``judanon/packs/<code>/data/``) from the ``LEXICON_SOURCE`` its
words declare:
the names-dataset countries, the script kept, the wordfreq language of the common-word
flag, and how many names of each kind to keep (by rank). Nothing outside the pack
names its files.

Deterministic: same inputs, byte-identical outputs (sorted lines, gzip mtime 0).

    pip install names-dataset wordfreq         # the ``lexicons`` extra; build time only
    python -m judanon.build.lexicons [--out FOLDER]
    python -m judanon.build.lexicons --pack pl [--pack lt ...]
"""

from __future__ import annotations

import argparse
import gzip
import io
import math
import pickle
import re
from pathlib import Path

from judanon.text.lexicons import AMBIGUOUS, COMMON_WORD, PLAIN, name_key

# --- Policy (data) ---------------------------------------------------------------

#: The wordfreq language of the common-word flag of the default profile's lexicons.
LANGUAGE = "fr"

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
#: The same for each script a pack may keep (``LEXICON_SOURCE["script"]``); Greek keys
#: are folded to lowercase without tonos, final sigma as ``σ`` (judanon.text.normalize).
SCRIPTS = {"latin": _KEY_RE, "greek": re.compile(r"[α-ω]+(?:[-'][α-ω]+)*\Z")}

DATASET = "names_dataset"


def _load(kind: str) -> dict:
    import names_dataset

    path = Path(names_dataset.__file__).parent / "v3" / f"{kind}.pkl.gz"
    with gzip.open(path, "rb") as fh:
        return pickle.load(fh)


def _weighted_rank(ranks: dict, countries: dict = COUNTRIES) -> int | None:
    best = None
    for country, rank in ranks.items():
        policy = countries.get(country)
        if policy is None or rank is None or rank > policy[1]:
            continue
        value = rank * policy[0]
        best = value if best is None else min(best, value)
    return best


def _flag(display: str, key: str, rank: int, stop: frozenset, zipf, language: str | None,
          common_excess: float = COMMON_EXCESS) -> int:
    if key in stop:
        return COMMON_WORD
    if language is None:
        return PLAIN
    z = max(zipf(display.lower(), language), zipf(key, language))
    if z == 0:
        return PLAIN
    excess = z - (_EXPECTED_AT_1 - _EXPECTED_SLOPE * math.log10(rank))
    if excess >= common_excess:
        return COMMON_WORD
    if excess >= AMBIGUOUS_EXCESS:
        return AMBIGUOUS
    return PLAIN


def collect(raw: dict, countries: dict = COUNTRIES, key_re=_KEY_RE) -> dict:
    """key -> (weighted rank, display form) for one kind of name."""
    table: dict = {}
    for display, info in raw.items():
        rank = _weighted_rank(info.get("rank") or {}, countries)
        if rank is None:
            continue
        key = name_key(display.strip())
        if not key_re.match(key) or len(key) < 2:
            continue
        if len(key) == 2 and rank > 2000:
            continue  # two-letter "names" beyond the top are mostly initials and noise
        prev = table.get(key)
        if prev is None or rank < prev[0]:
            table[key] = (rank, display)
    return table


def flag_tables(tables: list, zipf, stop: frozenset, language: str | None,
                common_excess: float = COMMON_EXCESS) -> list:
    """key -> (rank, flag) for each table. The flag uses the name's best rank over
    all tables, so ``Lefebvre`` (a rare first name but a top surname) is one plain
    name in both. ``stop`` (keys) are never names (the pack's, ``_base.stop_words``);
    ``language`` is the wordfreq language of the common-word flag (``None``: no flag);
    ``common_excess`` the excess above which a name is refused as a word."""
    best: dict = {}
    for table in tables:
        for key, (rank, display) in table.items():
            if key not in best or rank < best[key][0]:
                best[key] = (rank, display)
    flags = {key: _flag(display, key, rank, stop, zipf, language, common_excess) for key, (rank, display) in best.items()}
    return [{k: (r, flags[k]) for k, (r, _) in table.items()} for table in tables]


def write_table(table: dict, path: Path) -> None:
    lines = "".join(f"{k}\t{r}\t{f}\n" for k, (r, f) in sorted(table.items()))
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(lines.encode("utf-8"))
    path.write_bytes(buf.getvalue())


# --- Country packs -------------------------------------------------------------------

KINDS = (("first_names", "first_names.txt.gz"), ("last_names", "surnames.txt.gz"))


def _capped(table: dict, cap: int) -> dict:
    """The ``cap`` best-ranked names of ``table`` (ties broken by key: deterministic)."""
    keep = sorted(table.items(), key=lambda kv: (kv[1][0], kv[0]))[:cap]
    return dict(keep)


def build_pack(code: str, out: Path | None = None, log=print) -> dict:
    """Write ``first_names.txt.gz``, ``surnames.txt.gz`` and ``README.md`` of pack
    ``code`` into its ``data/`` folder (or ``out``); returns counts per file."""
    from wordfreq import available_languages, zipf_frequency

    from judanon.packs import pack_module, pack_words
    from judanon.packs._base import stop_words

    pack = pack_module(code)
    source = pack_words(code).lexicon_source
    countries = {c: (1, 10**9) for c in source["countries"]}
    key_re = SCRIPTS[source.get("script", "latin")]
    language = source.get("language")
    if language is not None and language not in available_languages():
        raise SystemExit(f"wordfreq has no language {language!r}; set LEXICON_SOURCE['language'] to None")
    caps = {"first_names": source["first_names"], "last_names": source["surnames"]}
    tables = [_capped(collect(_load(kind), countries, key_re), caps[kind]) for kind, _ in KINDS]
    tables = flag_tables(tables, zipf_frequency, stop_words(code), language,
                         source.get("common_excess", COMMON_EXCESS))
    out = Path(out) if out is not None else Path(pack.__file__).parent / "data"
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for (kind, filename), table in zip(KINDS, tables):
        write_table(table, out / filename)
        flags = [f for _, f in table.values()]
        counts[filename] = (len(table), flags.count(AMBIGUOUS), flags.count(COMMON_WORD))
        log(f"{code}/{filename}: {len(table)} names ({flags.count(AMBIGUOUS)} also common words, "
            f"{flags.count(COMMON_WORD)} refused as words), {(out / filename).stat().st_size / 1e3:.0f} kB")
    (out / "README.md").write_text(_pack_readme(code, source, counts), encoding="utf-8")
    return counts


def _dataset_version() -> str:
    from importlib.metadata import version

    return version("names-dataset")


def _pack_readme(code: str, source: dict, counts: dict) -> str:
    first, last = counts["first_names.txt.gz"], counts["surnames.txt.gz"]
    language = source.get("language")
    flag = (f"wordfreq's `{language}` frequencies, compared with what the name's popularity explains "
            "(the rule of `judanon/packs/fr/data/README.md`)" if language else "no word list (wordfreq lacks the language)")
    return f"""# Name lexicons of the `{code}` pack

| file | content |
|---|---|
| `first_names.txt.gz` | {first[0]:,} first names ({first[1]} also common words, {first[2]} refused as words) |
| `surnames.txt.gz` | {last[0]:,} surnames ({last[1]} also common words, {last[2]} refused as words) |

## Source and licence

Derived from **names-dataset {_dataset_version()}** by Philippe Rémy
(https://github.com/philipperemy/name-dataset), **MIT licence** (Copyright (c) 2021
Philippe Rémy): first and last names seen in a large public social-network sample, with
per-country popularity ranks. No name was taken from any annotated decision.

## Filtering

1. Names ranked in {", ".join(f"`{c}`" for c in source["countries"])} (names-dataset country codes);
   rank = the best rank over these countries.
2. Script: {source.get("script", "latin")} only (keys are `judanon.text.lexicons.name_key`: lowercase,
   no accents{", final sigma folded to σ" if source.get("script") == "greek" else ""}); two-letter names only within the top 2,000.
3. The {source["first_names"]:,} best-ranked first names and {source["surnames"]:,} best-ranked surnames.
4. Flags (`key<TAB>rank<TAB>flag`, as the French lexicon): `0` a name, `1` also a common
   word, `2` a word not taken for a name (excess ≥ {source.get("common_excess", COMMON_EXCESS)}). Common words: {flag}. The pack's own words
   (`NOT_NAMES`, civilities, roles, capitalized months of `words.py`) always get flag 2.
{source.get("note", "")}
## Regenerate

    pip install names-dataset wordfreq
    python -m judanon.build.lexicons --pack {code}

The output is byte-identical for the same inputs (sorted lines, gzip mtime 0).
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder (default: the data/ folder of the default profile, or of the pack)")
    parser.add_argument("--pack", action="append", default=[], metavar="CODE",
                        help="build the lexicons of this country pack instead of the French ones (repeatable)")
    args = parser.parse_args(argv)
    if args.pack:
        for code in args.pack:
            build_pack(code, args.out)
        return 0
    from wordfreq import zipf_frequency

    from judanon.packs import DEFAULT_PROFILE, pack_module
    from judanon.packs._base import stop_words

    args.out = args.out or Path(pack_module(DEFAULT_PROFILE).__file__).parent / "data"
    args.out.mkdir(parents=True, exist_ok=True)
    kinds = (("first_names", "first_names.txt.gz"), ("last_names", "surnames.txt.gz"))
    tables = flag_tables([collect(_load(kind)) for kind, _ in kinds], zipf_frequency, stop_words(DEFAULT_PROFILE),
                         LANGUAGE)
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
