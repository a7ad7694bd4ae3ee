"""Build a pack's spelling data (``judanon/packs/<code>/data/spelling.aff`` and
``spelling.dic.gz``) from the language's hunspell dictionary, as Debian packages it.

The pack's ``words.SPELLING_SOURCE`` names the Debian package, the dictionary in it and
the licence under which the derived files are shipped (see each pack's data README).
What is kept: every stem with its affix flags, folded (``judanon.text.normalize.fold_key``:
lowercase, no accents), a stem the dictionary writes with a capital marked ``*`` (a
proper noun), and the ``PFX``/``SFX`` rules, folded. Read by
:class:`judanon.detectors.spelling.Spelling`.

Deterministic: same dictionary, byte-identical files (sorted lines, gzip mtime 0)::

    apt-get download hunspell-pl          # any folder; or pass --deb PATH
    python -m judanon.build.spelling --pack pl --deb hunspell-pl_*.deb
"""

from __future__ import annotations

import argparse
import gzip
import io
import subprocess
import tempfile
from pathlib import Path
from typing import Iterable, List, Tuple

ROOT = Path(__file__).resolve().parents[2]


def _read_deb(deb: Path, member_name: str) -> bytes:
    """The file ``member_name`` (a path ending) of a Debian package."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["dpkg-deb", "-x", str(deb), tmp], check=True)
        found = [p for p in Path(tmp).rglob("*") if p.is_file() and str(p).endswith(member_name)]
        if not found:
            raise SystemExit(f"{deb}: no file ending in {member_name}")
        return found[0].read_bytes()


def _encoding(aff: bytes) -> str:
    for line in aff.splitlines():
        if line.startswith(b"SET "):
            name = line.split()[1].decode("ascii")
            return {"microsoft-cp1251": "cp1251"}.get(name.lower(), name)
    return "iso-8859-1"


def _stems(dic: str, fold) -> List[str]:
    """``stem/FLAGS`` lines, folded, ``*`` before a capitalized stem; sorted, unique."""
    out = set()
    lines = dic.splitlines()
    for line in lines[1:] if lines and lines[0].strip().isdigit() else lines:
        entry = line.strip().split()[0] if line.strip() else ""
        if not entry or entry.startswith("#"):
            continue
        word, _, flags = entry.replace("\\/", "\x00").partition("/")
        word = word.replace("\x00", "/")
        if not word or not word[0].isalpha():
            continue
        key = fold(word)
        if not key:
            continue
        out.add(("*" if word[0].isupper() else "") + key + ("/" + flags if flags else ""))
    return sorted(out)


def _folded_condition(text: str, fold) -> str:
    """A rule's condition with its letters folded (``[^ą]`` refuses nothing once folded)."""
    from judanon.detectors.spelling import _condition

    items = _condition(text, fold)
    return "".join("." if not i else (i[1:] if i[0] == "+" and len(i) == 2 else
                                       "[" + ("^" if i[0] == "-" else "") + i[1:] + "]") for i in items) or "."


def _affixes(aff: str, fold) -> List[str]:
    """The ``PFX``/``SFX`` lines, strings folded, comments dropped."""
    out = []
    for line in aff.splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) < 4 or parts[0] not in ("PFX", "SFX"):
            continue
        if len(parts) >= 5 or not parts[3].isdigit():  # a rule (the header has a count)
            strip = parts[2] if parts[2] == "0" else fold(parts[2])
            add = parts[3] if parts[3] == "0" else fold(parts[3].split("/", 1)[0])
            cond = [_folded_condition(parts[4], fold)] if len(parts) > 4 else []
            parts = parts[:2] + [strip or "0", add or "0"] + cond
        out.append(" ".join(parts))
    return out


def build(code: str, deb: Path, out: Path) -> Tuple[int, int]:
    from judanon.packs import pack_words
    from judanon.text.normalize import fold_key

    source = pack_words(code).spelling_source
    aff_raw = _read_deb(deb, source["dictionary"] + ".aff")
    dic_raw = _read_deb(deb, source["dictionary"] + ".dic")
    encoding = _encoding(aff_raw)
    stems = _stems(dic_raw.decode(encoding), fold_key)
    rules = _affixes(aff_raw.decode(encoding), fold_key)
    out.mkdir(parents=True, exist_ok=True)
    (out / "spelling.aff").write_text("\n".join(rules) + "\n", encoding="utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as fh:
        fh.write(("\n".join(stems) + "\n").encode("utf-8"))
    (out / "spelling.dic.gz").write_bytes(buf.getvalue())
    return len(stems), len(rules)


def main(argv: Iterable[str] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pack", required=True, help="pack code (its words.SPELLING_SOURCE names the dictionary)")
    ap.add_argument("--deb", required=True, type=Path, help="the Debian package of the hunspell dictionary")
    ap.add_argument("--out", type=Path, default=None, help="default: judanon/packs/<code>/data")
    args = ap.parse_args(argv)
    out = args.out or ROOT / "judanon" / "packs" / args.pack / "data"
    stems, rules = build(args.pack, args.deb, out)
    print(f"{args.pack}: {stems} stems, {rules} affix lines -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
