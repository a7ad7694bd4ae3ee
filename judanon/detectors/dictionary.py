"""List-based detection: exact and fuzzy matches of listed names.

:class:`DictionaryDetector` finds the entries of a list (100k+ entries are fine),
ignoring case and accents, optionally with typos (``fuzzy=True``). The parties of a case
are found by :class:`judanon.detectors.parties.PartyListDetector`, capitalized words the
name lexicons know by :class:`judanon.detectors.name_lexicon.NameLexiconDetector`; the
three share :mod:`judanon.detectors.matching`.
"""

from __future__ import annotations

from typing import Callable, Iterable, List, Optional, Tuple, Union

from judanon.detectors.matching import (CommonWords, DictionaryError, Entry, Matcher, check_evidence,
                                        default_max_edits, entry_keys, matcher_spans)
from judanon.entities import PERSONNE_PHYSIQUE, Span
from judanon.text.lexicons import LexiconSource

__all__ = ["DictionaryDetector", "EntryLike"]

EntryLike = Union[str, Tuple[str, str]]


class DictionaryDetector:
    """Find the entries of a list in a text, ignoring case and accents.

    ``entries`` are strings or ``(string, label)`` pairs. Multi-word entries match
    across any spacing, line break, hyphen or apostrophe (``Jean Pierre`` matches
    ``JEAN-PIERRE``). With ``fuzzy=True`` a capitalized token of 4+ letters that is no
    entry and no common word also matches an entry token within ``max_edits``
    (default: 1 typo for 4-7 letters, 2 from 8 on). Common words are those of
    ``lexicon`` (a pack's: ``judanon.packs.load_profile(code).lexicon``, loaded on first
    use), or those ``common_word(key)`` accepts; with neither, any token may be a typo.

    Exact matches have specificity 2 and score 1; fuzzy ones specificity 1 and score
    similarity/100. ``evidence="entry"`` records the entry as listed;
    ``evidence="index"`` records ``"<name>#<position>"`` only (no plaintext in the
    audit trail; use it for lists of people).
    """

    version = "1"

    def __init__(
        self,
        entries: Iterable[EntryLike],
        label: str = PERSONNE_PHYSIQUE,
        name: str = "dictionary",
        fuzzy: bool = False,
        evidence: str = "entry",
        max_edits: Callable[[int], int] = default_max_edits,
        min_fuzzy_length: int = 4,
        require_capital: bool = False,
        common_word: Optional[Callable[[str], bool]] = None,
        lexicon: Optional[LexiconSource] = None,
    ):
        self.name = name
        self.label = label
        self.fuzzy = fuzzy
        self.evidence = check_evidence(evidence)
        built: List[Entry] = []
        for i, item in enumerate(entries):
            text, item_label = (item, label) if isinstance(item, str) else item
            keys = entry_keys(text)
            if not keys:
                raise DictionaryError(
                    f"entry #{i} of {name!r} has no letters or digits; remove it from the list"
                )
            ev = text if evidence == "entry" else f"{name}#{i}"
            built.append(Entry(keys, item_label, ev, require_capital))
        self.size = len(built)
        if common_word is None and lexicon is not None:
            common_word = CommonWords(lexicon)
        self._matcher = Matcher(built, fuzzy, max_edits, min_fuzzy_length, common_word)

    def __repr__(self) -> str:
        return f"DictionaryDetector(name={self.name!r}, entries={self.size}, fuzzy={self.fuzzy})"

    def detect(self, text: str) -> List[Span]:
        return matcher_spans(self._matcher, self.name, text)

    @classmethod
    def from_file(cls, path, **kwargs) -> "DictionaryDetector":
        """Entries from a text file (``.gz`` allowed): one per line, optionally
        ``entry<TAB>label``; blank lines and ``#`` comments skipped."""
        import gzip
        from pathlib import Path

        path = Path(path)
        opener = gzip.open if path.suffix == ".gz" else open
        entries: List[EntryLike] = []
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                line = line.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                parts = line.split("\t")
                entries.append((parts[0], parts[1]) if len(parts) > 1 else parts[0])
        kwargs.setdefault("name", path.name.split(".")[0])
        return cls(entries, **kwargs)

