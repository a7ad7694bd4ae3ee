"""Build a pack's common words (``judanon/packs/<code>/data/spelling.dic.gz`` with an empty
``spelling.aff``) from wordfreq's most frequent words, for a language whose spell-check
dictionary cannot ship with judanon (German: GPL) and which writes common nouns with a
capital, so that case alone tells nothing.

Source, at build time: **wordfreq** (https://github.com/rspeer/wordfreq; code Apache-2.0,
word lists **CC BY-SA 4.0**). The shipped list is derived from wordfreq's data and carries
its licence (see the pack's ``data/spelling.README.md``). Kept: the ``size`` most frequent
words of ``words.COMMON_WORDS_SOURCE["language"]``, folded (``judanon.text.normalize.fold_key``),
of 2+ letters, except the pack's own names and places (a frequent ``Müller`` or ``Trier``
stays a name: in lowercase it is no word). Read by
:class:`judanon.detectors.spelling.Spelling` as words the language writes in lowercase.
Deterministic (sorted, gzip mtime 0)::

    pip install wordfreq
    python -m judanon.build.commonwords --pack lu
"""

from __future__ import annotations

import argparse
import gzip
import io
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parents[2]


def collect(code: str) -> list:
    from wordfreq import top_n_list

    from judanon.packs import _base, pack_words
    from judanon.text.lexicons import PLAIN
    from judanon.text.normalize import fold_key

    source = pack_words(code).common_words_source
    names = _base.lexicon(code)
    places = _base.places(code)

    def a_name(key: str) -> bool:
        if names is None:
            return False
        for table in (names.first_names, names.surnames):
            value = table.get(key)
            if value is not None and (value % 4 if isinstance(value, int) else int(value.split("\t")[1])) == PLAIN:
                return True
        return False

    out = set()
    for word in top_n_list(source["language"], source["size"]):
        key = fold_key(word)
        if sum(ch.isalpha() for ch in key) >= 2 and key.isalpha() and key not in places and not a_name(key):
            out.add(key)
    return sorted(out)


def main(argv: Iterable[str] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pack", required=True)
    args = ap.parse_args(argv)
    out = ROOT / "judanon" / "packs" / args.pack / "data"
    words = collect(args.pack)
    (out / "spelling.aff").write_text("", encoding="utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as fh:
        fh.write(("\n".join(words) + "\n").encode("utf-8"))
    (out / "spelling.dic.gz").write_bytes(buf.getvalue())
    print(f"{args.pack}: {len(words)} common words -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
