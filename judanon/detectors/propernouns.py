"""Persons and towns wherever they stand: after a civility or a preposition, but also at a
sentence start, after a comma, in capitals under a signature, in any grammatical case.

The words come from the pack, and tell a proper noun from a capitalized common word
(German writes every noun with a capital, Greek gazettes write their signatories in
capitals): each capitalized word is classed by

- the language's spell-check dictionary (:class:`judanon.detectors.spelling.Spelling`):
  a word it writes in lowercase is a common word (``Ministerul``, ``ΥΠΟΥΡΓΕΙΟ``), one it
  writes with a capital is a proper noun (``Popescu``, ``Białegostoku``);
- the decision itself: a word it writes in lowercase elsewhere is a common word there;
- the pack's name lexicons (first names, surnames, their case forms) and its place names
  (:func:`read_places`; a town in another case is found through the dictionary's stem or
  the pack's town declensions: ``Krakowie``/``Kraków``, ``Αθήνας``/``Αθήνα``).

Runs of capitalized words are cut at common words; what is left is a person when a
civility, a role or a title stands before it (``ministrul ... Dumitru Botănoiu``), when it
holds a known first name, or when two or more words of it are proper nouns no list
explains; a place when every word of it is a known place, or when a place word stands
before it (``județul Călărași``). A lone unknown word with no such evidence is left alone.
Each name word is its own person span (Label's convention); a place is one span.

Language-free: every word list comes from the pack.
"""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, Mapping, NamedTuple, Optional, Sequence, Tuple

import attrs
import regex

from judanon.entities import ANCHORED, GUESS, LOCALITE, MAGISTRAT_GREFFIER, NO_ROLES, PERSONNE_PHYSIQUE, Span
from judanon.detectors.place_names import name_patterns, read_places  # noqa: F401 - re-exported
from judanon.text.lexicons import name_key
from judanon.text.limits import timed_module_patterns

__all__ = ["ProperNounDetector", "read_places", "name_patterns"]


#: What joins two words of one name or place: spaces on one line.
_JOIN = regex.compile(r"[ \t\u00a0\u202f]{1,3}")
#: Two words glued by a lost line break or space: a lowercase letter after two capitals
#: (``IDENTIFICAREale``, ``MWh``).
_GLUED = regex.compile(r"\p{Lu}\p{Lu}\p{Ll}")
#: A cue of context reaches over at most this many words before a run.
CUE_REACH = 6

# Classes of a capitalized word.
(COMMON, PLACE, FIRST, SURNAME, PROPER, UNKNOWN, BOTH, INITIAL, PERSON_CUE, PLACE_CUE, SKIP, LOCATIVE,
 TAKEN) = range(13)
_NAMEABLE = frozenset({PLACE, FIRST, SURNAME, PROPER, UNKNOWN, BOTH, INITIAL})


def _folded(words: Iterable[str]) -> frozenset:
    """Folded words, without a final period (the word scan reads ``Dr.`` as ``dr``)."""
    return frozenset(name_key(w.rstrip(".")) for w in words if w.rstrip("."))


class _Token(NamedTuple):
    """One word of the decision (a tuple: thousands are made per decision)."""

    start: int
    end: int  # the word, without a final period
    dotted: bool
    key: str
    cased: bool  # name-cased: initial capital


@attrs.frozen(slots=True, eq=False)
class ProperNounDetector:
    """See the module. ``spelling``: the language's dictionary (``None``: none ships);
    ``lexicon``: a :class:`judanon.text.lexicons.NameLexicon`; ``places``: folded place names
    (one or more words); ``person_cues``: civilities, roles and titles before a person's
    name; ``place_cues``: words before a place's name (``gmina``, ``județul``);
    ``not_names``: capitalized words that are never a name nor a place;
    ``surname_endings``: folded endings that make a lone unknown word a surname
    (``escu``, ``ski``, ``πουλοσ``); ``place_paradigms``: folded declensions of town names
    (the first ending the nominative)."""

    spelling: Optional[object] = attrs.field(default=None, repr=False)
    lexicon: Optional[object] = attrs.field(default=None, repr=False)
    places: Mapping[str, str] = attrs.field(factory=dict, repr=False)
    person_cues: frozenset = attrs.field(default=(), converter=_folded, repr=False)
    place_cues: frozenset = attrs.field(default=(), converter=_folded, repr=False)
    not_names: frozenset = attrs.field(default=(), converter=_folded, repr=False)
    prepositions: frozenset = attrs.field(default=(), converter=_folded, repr=False)
    company_words: Tuple[str, ...] = attrs.field(default=(), converter=tuple, repr=False)
    surname_endings: Tuple[str, ...] = attrs.field(default=(), converter=tuple)
    #: The pack's script (``"greek"``, ``"latin"``): a word in another is a quotation (``Tier``,
    #: ``Equity`` in a Greek text), no name; ``None``: any script.
    script: Optional[str] = None
    #: Whether a lone unknown capitalized word is taken for a name (not in German, where
    #: every noun is capitalized and compounds are in no list).
    lone_guesses: bool = True
    place_paradigms: Tuple[Tuple[str, ...], ...] = attrs.field(default=(), converter=lambda ps: tuple(map(tuple, ps)))
    #: Lowercase words joining the administrative units of one place (``του``): a unit
    #: opened by a place word after another place, across them or a comma, is one place
    #: (``Γλύφας, Δήμου Πελασγίας του Νομού Φθιώτιδας``). Empty: each unit is a place.
    chain_words: frozenset = attrs.field(default=(), converter=_folded, repr=False)
    #: Parties are written as letters (``die Klägerin A``, ``E. Sch.``): a lone capital letter
    #: that stands as a noun is a person; ``person_noun_endings``: folded endings of the
    #: capitalized nouns naming a person before such a letter (``Verpächterin``, ``Zeuge``).
    letter_parties: bool = False
    person_noun_endings: Tuple[str, ...] = attrs.field(default=(), converter=tuple)
    #: Marks around an author's name in a literature citation (``/`` between co-authors,
    #: ``in:`` after one): a name beside one is an author cited, no party.
    citation_marks: Tuple[str, ...] = attrs.field(default=(), converter=tuple)
    #: Titles of judges and clerks (``Richterin``, ``sodnik``), cues too: the name after
    #: one is a magistrate's (``professionnelMagistratGreffier``, visible by default).
    magistrate_cues: frozenset = attrs.field(default=(), converter=_folded, repr=False)
    #: Articles before a common noun (``das Essen``, ``im Lichte``): a one-word town after
    #: one is that noun, a country is not (``die Türkei``).
    noun_articles: frozenset = attrs.field(default=(), converter=_folded, repr=False)
    name: str = "proper-nouns"
    version: str = "1"
    _multi: Dict[str, Tuple[Tuple[str, ...], ...]] = attrs.field(init=False, repr=False)
    _cache: Dict[str, int] = attrs.field(init=False, repr=False, factory=dict)
    _company_before: Optional[object] = attrs.field(init=False, repr=False)
    _company_after: Optional[object] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self):
        multi: Dict[str, List[Tuple[str, ...]]] = {}
        for key in self.places:
            words = tuple(key.split())
            if len(words) > 1:
                multi.setdefault(words[0], []).append(words)
        object.__setattr__(self, "_multi", {k: tuple(sorted(v, key=len, reverse=True)) for k, v in multi.items()})
        before = after = None
        if self.company_words:
            forms = "|".join(regex.escape(w) for w in sorted(self.company_words, key=len, reverse=True))
            before = regex.compile(r"(?i)(?<![\p{L}\p{M}])(?:" + forms + r")[\s,&\"„“”-]{0,4}$")
            after = regex.compile(r"(?i)[\s,&\"„“”-]{0,4}(?:" + forms + r")(?![\p{L}\p{M}])")
        object.__setattr__(self, "_company_before", before)
        object.__setattr__(self, "_company_after", after)

    def audit_details(self) -> dict:
        return {"places": len(self.places), "spelling": self.spelling is not None,
                "person_cues": len(self.person_cues), "place_cues": len(self.place_cues)}

    # --- classes of words ------------------------------------------------------------
    def is_place(self, key: str) -> bool:
        """Whether the folded one-word ``key`` names a known place, in any case."""
        if key in self.places:
            return True
        if self.spelling is not None and any(s in self.places for s in self.spelling.proper_stems(key)):
            return True
        kind = self.spelling.kind(key) if self.spelling is not None else 0
        if kind == 1 or (kind and self.lexicon is not None and self.lexicon.is_first_name(key, ignore_case=True)):
            return False  # an inflected form that is a common word (``Bundes``) or a first name (``Marko``)
        for endings in self.place_paradigms:
            for ending in endings[1:]:
                if key.endswith(ending) and key[:len(key) - len(ending)] + endings[0] in self.places:
                    return True
        return False

    def _word_class(self, raw: str, key: str) -> int:
        """The class of a capitalized word, from the lists alone (cached)."""
        hit = self._cache.get(raw)
        if hit is not None:
            return hit
        if len(self._cache) > 100_000:
            self._cache.clear()
        self._cache[raw] = hit = self._lookup(raw, key)
        return hit

    def _lookup(self, raw: str, key: str) -> int:
        if key in self.person_cues:
            return PERSON_CUE
        if key in self.place_cues:
            return PLACE_CUE
        if key in self.not_names:
            return COMMON
        if (raw.isupper() and len(raw) <= 3) or _GLUED.search(raw):
            return SKIP  # an acronym, or two words glued by a lost line break (``TerenAgenția``)
        if self.script is not None and not _SCRIPTS[self.script].match(raw):
            return SKIP
        lex = self.lexicon
        spelled = self.spelling.kind(key) if self.spelling is not None else 0
        if self.is_place(key):
            return PLACE
        if lex is not None and lex.is_first_name(raw):
            return FIRST
        if spelled == 1:  # the language writes it in lowercase only
            return COMMON
        if lex is not None and lex.is_surname(raw):
            return SURNAME
        if spelled == 2:
            return PROPER
        if spelled == 3:
            return BOTH
        if "-" in key and self.spelling is not None and self.spelling.kind(key.split("-", 1)[0]) == 1:
            return COMMON  # a compound of a common word (``Contractului-cadru``)
        return UNKNOWN

    # --- detection -----------------------------------------------------------------
    def detect(self, text: str) -> List[Span]:
        from judanon.detectors.matching import starts_sentence

        tokens: List[_Token] = []
        lowercase = set()
        for start, end in _token_spans(text):
            dotted = text[end - 1] == "."
            word = text[start:end - 1] if dotted else text[start:end]
            key = word if word.islower() and word.isascii() else name_key(word)
            cased = word[0].isupper()
            if not cased and word[0].islower():
                lowercase.add(key)
            tokens.append(_Token(start, end - dotted, dotted, key, cased))
        classes: List[int] = []
        for t in tokens:
            # after an abbreviated cue (``Ν. Καβάλας``, ``jud. Cluj``) no sentence starts
            after_cue = bool(classes) and classes[-1] in (PERSON_CUE, PLACE_CUE) and tokens[len(classes) - 1].dotted
            classes.append(self._class(text, t, lowercase, starts_sentence, after_cue) if t.cased else self._cue(t.key))
        spans: List[Span] = self._multiword_places(text, tokens, classes)
        i, n = 0, len(tokens)
        while i < n:
            if not tokens[i].cased or classes[i] == TAKEN:
                i += 1
                continue
            j = i
            while j + 1 < n and tokens[j + 1].cased and classes[j + 1] != TAKEN and _joined(text, tokens[j], tokens[j + 1]):
                j += 1
            spans.extend(self._run(text, tokens, classes, i, j))
            i = j + 1
        return self._chained(text, spans) if self.chain_words else spans

    def _chained(self, text: str, spans: List[Span]) -> List[Span]:
        """``spans`` with each chain of administrative units made one place (see
        :attr:`chain_words`)."""
        places = sorted((s for s in spans if s.label == LOCALITE), key=lambda s: s.start)
        out = [s for s in spans if s.label != LOCALITE]
        for span in places:
            last = out[-1] if out and out[-1].label == LOCALITE else None
            if last is not None and span.evidence == "after a place word" and span.start >= last.end \
                    and self._joins_units(text[last.end:span.start]):
                out[-1] = attrs.evolve(last, end=span.end, evidence="a chain of places")
            else:
                out.append(span)
        return out

    def _joins_units(self, gap: str) -> bool:
        words = gap.replace(",", " ").split()
        return len(gap) <= 12 and "\n" not in gap and all(name_key(w) in self.chain_words for w in words)

    def _cue(self, key: str) -> int:
        if key in self.person_cues:
            return PERSON_CUE
        if key in self.place_cues:
            return PLACE_CUE
        return LOCATIVE if key in self.prepositions else COMMON

    def _class(self, text: str, t: _Token, lowercase: set, starts_sentence, after_cue: bool = False) -> int:
        raw = text[t.start:t.end]
        if t.key in self.person_cues:
            return PERSON_CUE
        if t.key in self.place_cues:
            return PLACE_CUE  # before initials: ``Τ.Κ.``, ``Ν.`` open a place
        common = self.spelling is not None and self.spelling.kind(t.key) & 1
        if raw[0].isupper() and ((t.dotted and len(raw) == 1) or (not common and (t.dotted and len(raw) <= 3 or len(raw) == 1))):
            return INITIAL  # ``K.``, ``Γ.``, ``Sch.``, or a party's letter (``die Verpächterin A``)
        kind = self._word_class(raw, t.key)
        if kind in (PERSON_CUE, PLACE_CUE, COMMON, SKIP):
            return kind
        if t.key in lowercase:
            return COMMON  # the decision writes it in lowercase elsewhere: a common word
        if kind == UNKNOWN and t.dotted and _abbreviation_follows(text, t.end + 1):
            return COMMON  # an abbreviation: a number or a lowercase word follows (``Αριθ. 1148``)
        if kind == BOTH and not after_cue and starts_sentence(text, t.start):
            return COMMON
        return kind

    def _context(self, text: str, tokens: Sequence[_Token], classes: Sequence[int], i: int) -> Optional[str]:
        """``"person"`` or ``"place"`` when a cue stands before token ``i`` with only
        common words between (``ministrul agriculturii și dezvoltării rurale, X``)."""
        k = i - 1
        while k >= 0 and i - k <= CUE_REACH:
            gap = text[tokens[k].end + tokens[k].dotted:tokens[k + 1].start]
            cls = classes[k]
            if k == i - 1 and cls == PLACE_CUE and gap.strip() == ":":
                return "place"  # a form's field: ``Județ: Ialomița``
            if any(c in gap for c in ".;:()") or (tokens[k].dotted and cls not in (PERSON_CUE, PLACE_CUE)):
                return None
            if cls == PERSON_CUE:
                return "magistrate" if tokens[k].key in self.magistrate_cues else "person"
            if cls in (PLACE_CUE, LOCATIVE):
                return ("place" if cls == PLACE_CUE else "locative") if k == i - 1 else None
            if cls != COMMON:
                return None
            k -= 1
        return None

    def _run(self, text: str, tokens: Sequence[_Token], classes: List[int], i: int, j: int) -> List[Span]:
        """The spans of the run of capitalized tokens ``i..j``: its segments between
        common words and cues."""
        out: List[Span] = []
        for x in range(i + 1, j + 1):
            if classes[x] in (SURNAME, UNKNOWN, PROPER) and classes[x - 1] == PLACE and self.lexicon is not None \
                    and self.lexicon.is_first_name(text[tokens[x - 1].start:tokens[x - 1].end]):
                classes[x - 1] = FIRST  # a town that is a first name too, before a surname (``Marek Biernacki``)
            if classes[x] == COMMON and classes[x - 1] in (FIRST, PROPER) and self._surname_after_name(text, tokens, x):
                classes[x] = SURNAME
            elif classes[x] == COMMON and classes[x - 1] == INITIAL and tokens[x].dotted and tokens[x].end - tokens[x].start <= 4:
                classes[x] = INITIAL  # an abbreviated surname after an initial (``E. Sch.``)
            elif classes[x] in (UNKNOWN, PROPER, SURNAME, FIRST) and classes[x - 1] in (COMMON, SKIP) and tokens[x - 1].dotted \
                    and tokens[x - 1].end - tokens[x - 1].start <= 3 and tokens[x - 1].key not in self.not_names:
                classes[x - 1] = INITIAL  # an abbreviated first name that is also a word (``Αν. Γιαννόπουλο``)
            elif classes[x] == INITIAL and classes[x - 1] == UNKNOWN and self.letter_parties:
                classes[x - 1] = COMMON  # a noun naming a party before its letter (``Verpächterin A``)
            elif classes[x] == COMMON and classes[x - 1] == PLACE_CUE and not _caps(text, tokens[x]):
                classes[x] = UNKNOWN  # a title-case word after a place word names it (``Valea Cupelor``)
        k = i
        while k <= j:
            if classes[k] not in _NAMEABLE:
                k += 1
                continue
            m = k
            while m + 1 <= j and classes[m + 1] in _NAMEABLE:
                m += 1
            out.extend(self._segment(text, tokens, classes, k, m, i, j))
            k = m + 1
        return out

    def _party_letter(self, text: str, tokens, classes, k: int, m: int) -> bool:
        """Whether the initials ``k..m``, a single capital letter first, stand as a party's
        name (``die Verpächterin A kündigte``, ``nach dem Tod von E. Sch.``, ``P hätte``):
        not a reference's letter (``Abs. 1 S. 2``, ``Anlage B``, ``D1``, ``§ 5 A``, ``B /``).
        After a capitalized noun only when it names a person (``PERSON_NOUN_ENDINGS``)."""
        first = tokens[k]
        if first.end - first.start != 1:
            return False
        before = text[max(0, first.start - 3):first.start].rstrip()
        after = text[tokens[m].end + tokens[m].dotted:tokens[m].end + tokens[m].dotted + 3].lstrip()
        if (before and (before[-1].isdigit() or before[-1] in "§/-–(:\"„“”'")) \
                or (after and (after[0].isdigit() or after[0] in "/-–):\"„“”'")):
            return False
        if k == 0 or not _same_clause(text, tokens[k - 1], first):
            # at a sentence start, ``C. Das Gericht`` is a heading's number
            return not first.dotted or (m > k or not _next_cased(text, tokens, m))
        previous = tokens[k - 1]
        if previous.dotted:
            return False  # ``Abs. 1 S.``, ``lit.``, ``Nr.``
        if previous.cased:
            return classes[k - 1] in (COMMON, UNKNOWN) and previous.key.endswith(self.person_noun_endings or ("\0",))
        return True

    def _surname_after_name(self, text: str, tokens, x: int) -> bool:
        """Whether the capitalized common word ``x`` after a first name is a surname: one
        that ends like a surname (``Zbigniew Wąchocki``), or, where lone guesses are on, any
        common word written in title case inside a sentence and ending the run (``Ioan
        Ciocan``, ``Jan Kowal``: many surnames are words)."""
        if (tokens[x].dotted and _abbreviation_follows(text, tokens[x].end + 1)) \
                or _caps(text, tokens[x]) != _caps(text, tokens[x - 1]):
            return False  # an abbreviation, or a word written otherwise than the name (``ION Mare``)
        if self.surname_endings and tokens[x].key.endswith(self.surname_endings):
            return True
        from judanon.detectors.matching import starts_sentence

        last = x + 1 >= len(tokens) or not tokens[x + 1].cased or not _joined(text, tokens[x], tokens[x + 1])
        # a name in capitals stands on its own line under a signature
        return self.lone_guesses and last and (_caps(text, tokens[x]) or not starts_sentence(text, tokens[x - 1].start))

    def _in_organisation(self, text: str, tokens, classes, k: int, i: int) -> bool:
        """Whether the capitalized word before token ``k`` (in its run, from ``i``) makes the
        town at ``k`` part of an organisation's name: an acronym (``F.C. Oradea``, ``SIF
        Moldova``) or a common word in title case inside a sentence (``Universitatea
        Craiova``, ``Κτηματικής Υπηρεσίας Καβάλας``); a place word is a cue, no such word."""
        from judanon.detectors.matching import starts_sentence

        if k - 1 < i:
            return False
        before = classes[k - 1]
        return before == SKIP or (before == COMMON and not starts_sentence(text, tokens[k - 1].start))

    def _segment(self, text: str, tokens, classes, k: int, m: int, i: int, j: int) -> List[Span]:
        from judanon.detectors.matching import starts_sentence

        context = self._context(text, tokens, classes, k)
        seg = list(range(k, m + 1))
        kinds = [classes[x] for x in seg]
        names = [x for x, c in zip(seg, kinds) if c != INITIAL]
        if not names:
            # initials alone are a person after a civility or a role (``Dr. K.``, ``Angeklagte A.``),
            # a town after a locative preposition (``in F.``)
            if context in ("person", "magistrate"):
                label = MAGISTRAT_GREFFIER if context == "magistrate" else PERSONNE_PHYSIQUE
                return self._persons(tokens, seg, "initials after a civility or role", 0.9, ANCHORED, label)
            if (context == "place" and self.letter_parties) or (context == "locative" and (
                    self.letter_parties or all(tokens[x].dotted for x in seg))):
                return [self._place(tokens, k - (context == "place"), m, "initials after a place word or preposition")]
            if self.letter_parties and context is None and self._party_letter(text, tokens, classes, k, m):
                return self._persons(tokens, seg, "a party written as a letter", 0.8, GUESS)
            return []
        if context == "place":
            # the place words belong to the place's name (``județul Brașov``, ``Δημοτικής
            # Ενότητας Οφρυνίου``)
            first = k - 1
            while first > 0 and classes[first - 1] == PLACE_CUE and tokens[first - 1].cased \
                    and _joined(text, tokens[first - 1], tokens[first]):
                first -= 1
            return [self._place(tokens, first, m, "after a place word")]
        if all(c == PLACE for c in kinds):
            if context is None and (self._in_organisation(text, tokens, classes, k, i) or self._common_noun(tokens, k, m)
                                    or _REPORT.match(text, tokens[m].end) or self._cited(text, tokens[k].start, tokens[m].end)):
                return []
            return [self._place(tokens, k, m, "a known place")]
        if context == "magistrate":
            named = [x for x in seg if classes[x] not in (PLACE, BOTH)]
            return self._persons(tokens, seg, "after a judge's title", 0.9, ANCHORED, MAGISTRAT_GREFFIER) if named else []
        if context == "person":
            # a town after an office is its seat or its region (``Γραμματέας ... Κρήτης``);
            # where lone guesses are off (German), a word no list knows is a noun
            refused = (PLACE, BOTH) if self.lone_guesses else (PLACE, BOTH, UNKNOWN)
            named = [x for x in seg if classes[x] not in refused]
            return self._persons(tokens, seg, "after a civility, role or title", 0.9, ANCHORED) if named else []
        if self._company(text, tokens[k].start, tokens[m].end) or self._cited(text, tokens[k].start, tokens[m].end):
            return []
        quoted = _QUOTED.search(text, max(0, tokens[i].start - 3), tokens[i].start) is not None
        if all(c == PLACE for c in kinds):
            return [self._place(tokens, k, m, "a known place")]
        guessed = (PROPER, UNKNOWN, SURNAME) if self.lone_guesses else (PROPER, SURNAME)
        proper = sum(c in guessed for c in kinds)
        if context == "locative" and FIRST not in kinds and (PLACE in kinds or (proper and self.lone_guesses)):
            return [self._place(tokens, k, m, "after a locative preposition")]
        if FIRST in kinds and len(names) >= 2:
            return self._persons(tokens, seg, "a first name and a name", 0.9)
        if kinds[0] == INITIAL and len(names) == 1 and kinds[-1] in (UNKNOWN, PROPER, SURNAME, FIRST, BOTH) \
                and not _caps(text, tokens[names[0]]) or (kinds[0] == INITIAL and len(names) == 1 and _caps_line(text, tokens, k, m)):
            # an abbreviated first name then a name (``Ε. Κατσάλη``, ``Δ. ΑΝΤΩΝΟΠΟΥΛΟΣ``)
            return self._persons(tokens, seg, "initials and a name", 0.9, GUESS)
        if quoted:
            return []  # the title of a work, a brand or a nickname (``„Red Blooded Woman”``)
        # a title-case common word beside it makes it part of the name of a body or an act
        if any(classes[x] == COMMON and not _caps(text, tokens[x]) and not starts_sentence(text, tokens[x].start)
               for x in (k - 1, m + 1) if i <= x <= j):
            return []
        # two or more names together, one at least a proper noun no list explains and the
        # others first names or words the language also writes in lowercase (``Bob Dylan``)
        if len(names) >= 2 and proper >= 1 and all(c in guessed or c in (FIRST, BOTH, INITIAL) for c in kinds):
            return self._persons(tokens, seg, "proper nouns together", 0.9, GUESS)
        if len(names) == 1 and not starts_sentence(text, tokens[names[0]].start):
            return self._lone(text, tokens, seg, kinds[seg.index(names[0])], tokens[names[0]])
        return []

    def _lone(self, text: str, tokens, seg: Sequence[int], cls: int, t: _Token) -> List[Span]:
        """A lone name-cased word inside a sentence: a first name, a word with a surname's
        ending, or a proper noun no list explains, written in title case (one in capitals
        is an acronym or a brand: ``UNCTAD``, ``VENTOLIN``)."""
        raw = text[t.start:t.end]
        if cls == FIRST or (cls in (PROPER, UNKNOWN, SURNAME) and self.surname_endings
                            and t.key.endswith(self.surname_endings)):
            return self._persons(tokens, seg, "a name", 0.9, GUESS)
        if (cls == SURNAME or (cls in (PROPER, UNKNOWN) and self.lone_guesses)) and len(raw) >= 3 \
                and not raw.isupper() and "-" not in raw[:4]:
            return self._persons(tokens, seg, "a proper noun", 0.8, GUESS)
        return []

    def _common_noun(self, tokens, k: int, m: int) -> bool:
        """Whether the one-word town ``k`` stands after an article (``das Essen``)."""
        return bool(self.noun_articles) and k == m and k > 0 and tokens[k - 1].key in self.noun_articles \
            and self.places.get(tokens[k].key) != "c"

    def _cited(self, text: str, start: int, end: int) -> bool:
        """Whether a citation mark stands right before or after ``start:end`` (``Schmidt /
        Brinkmann``, ``Hofmann, in:``)."""
        if not self.citation_marks:
            return False
        before = text[max(0, start - 4):start].rstrip()
        after = text[end:end + 6].lstrip(" ,")
        return any(before.endswith(mark) or after.startswith(mark) for mark in self.citation_marks)

    def _company(self, text: str, start: int, end: int) -> bool:
        """Whether a company's form stands right before or after ``start:end``."""
        if self._company_before is None:
            return False
        return bool(self._company_before.search(text, max(0, start - 30), start)
                    or self._company_after.match(text, end, min(len(text), end + 30)))

    def _multiword_places(self, text: str, tokens, classes: List[int]) -> List[Span]:
        """Known places of several words (``Satu Mare``, ``Baia de Fier``), whose tokens
        are then taken (:data:`TAKEN`); lowercase words may stand inside."""
        out: List[Span] = []
        k, n = 0, len(tokens)
        while k < n:
            end = None
            if tokens[k].cased and classes[k] != PERSON_CUE:
                for words in self._multi.get(tokens[k].key, ()):
                    last = k + len(words) - 1
                    if last < n and tokens[last].cased and all(
                            tokens[k + x].key == w and (x == 0 or _joined(text, tokens[k + x - 1], tokens[k + x]))
                            for x, w in enumerate(words)):
                        end = last
                        break
            if end is None:
                k += 1
                continue
            if not (k > 0 and tokens[k - 1].cased and _joined(text, tokens[k - 1], tokens[k])
                    and self._in_organisation(text, tokens, classes, k, k - 1)):
                out.append(self._place(tokens, k, end, "a known place"))
            for x in range(k, end + 1):
                classes[x] = TAKEN
            k = end + 1
        return out

    def _place(self, tokens, k: int, m: int, why: str) -> Span:
        end = tokens[m].end + (tokens[m].dotted and tokens[m].end - tokens[m].start <= 2)
        return Span(tokens[k].start, end, LOCALITE, self.name, score=0.85, evidence=why, specificity=1)

    def _persons(self, tokens, seg: Sequence[int], why: str, score: float, role: Optional[str] = None,
                 label: str = PERSONNE_PHYSIQUE) -> List[Span]:
        """One person span a word of ``seg``, declaring ``role`` (``Span.roles``): anchored
        after a cue, a guess when no list knows the name."""
        roles = frozenset({role}) if role else NO_ROLES
        return [Span(tokens[x].start, tokens[x].end + (tokens[x].dotted and tokens[x].end - tokens[x].start <= 2),
                     label, self.name, score=score, evidence=why, specificity=1, roles=roles) for x in seg]


#: A word starting in a script (``judanon.build.places.SCRIPTS`` names).
_SCRIPTS = {"latin": regex.compile(r"\p{Latin}"), "greek": regex.compile(r"\p{Greek}"),
            "cyrillic": regex.compile(r"\p{Cyrillic}")}
#: A volume and a section after a word: a law report cited (``Buchholz 310 § 132``).
_REPORT = re.compile(r"[ \t]+\d+(?:\.\d+)?[ \t]*§")
#: An opening quotation mark right before a run.
_QUOTED = regex.compile(r"[\"„“«‘'][ \t]*$")
#: A word (letters, inner hyphens and apostrophes) with the period after it if any, or a
#: dotted abbreviation (``Τ.Κ.``, ``F.C.``); the standard library's scan (linear).
_WORD = re.compile(r"(?:[^\W\d_]{1,3}\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?")



def _token_spans(text: str):
    """``(start, end)`` of the words of ``text`` (a final period included), glued words
    cut apart (``TârgovișteȚara``: ``Târgoviște``, ``Țara``)."""
    for m in _WORD.finditer(text):
        word = m.group()
        if word.islower() or word.istitle() or word.isupper():
            yield m.span()
            continue
        start, end = m.span()
        # cut where a capital follows a lowercase letter, both parts three letters or more
        # (``TârgovișteȚara``; not ``iS``, ``aaO``, ``mwN``: abbreviations)
        cuts = [start + k for k in range(3, len(word) - 2) if word[k].isupper() and word[k - 1].islower()]
        for a, b in zip([start] + cuts, cuts + [end]):
            yield a, b


def _abbreviation_follows(text: str, pos: int) -> bool:
    """Whether a number or a lowercase word follows ``pos`` on its line: the period before
    ``pos`` closes an abbreviation, not a sentence."""
    rest = text[pos:pos + 4].lstrip(" \t")
    return bool(rest) and (rest[0].isdigit() or rest[0].islower())


def _caps_line(text: str, tokens, k: int, m: int) -> bool:
    """Whether tokens ``k..m`` end in a word in capitals of at least four letters, no
    common word among them: a signatory's abbreviated first name and surname (``Μ. ΛΙΑΠΗΣ``)."""
    last = tokens[m]
    return last.end - last.start >= 4 and text[last.start:last.end].isupper()


def _next_cased(text: str, tokens, m: int) -> bool:
    """Whether a capitalized word follows token ``m`` on its line."""
    return m + 1 < len(tokens) and tokens[m + 1].cased and "\n" not in text[tokens[m].end:tokens[m + 1].start]


def _same_clause(text: str, a: _Token, b: _Token) -> bool:
    """Whether nothing but spaces, commas or quotes stands between tokens ``a`` and ``b``."""
    return all(c.isspace() or c in ",\"„“”" for c in text[a.end + a.dotted:b.start])


def _caps(text: str, t: _Token) -> bool:
    return text[t.start:t.end].isupper()


def _joined(text: str, a: _Token, b: _Token) -> bool:
    if a.dotted and a.end - a.start > 3:
        return False  # a period after a word ends its sentence (``la Iași. Popescu``)
    gap_start = a.end + a.dotted
    return bool(_JOIN.fullmatch(text, gap_start, b.start)) or (a.dotted and gap_start == b.start)


timed_module_patterns(globals(), linear=("_WORD", "_REPORT"))
