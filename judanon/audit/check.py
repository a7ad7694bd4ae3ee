"""Verify a published decision against its audit trail and original, before release.

``judanon check PUBLISHED.txt --audit AUDIT.json --original ORIGINAL.txt --key-file KEY``
(:func:`check_trail` and :func:`check_publication`) checks that

0. the audit trail's hash chain verifies under the audit key (nobody edited, removed or
   reordered a version of it; with ``expected_head``, nothing was cut from its end);
1. the original is the text the audit trail was made from (its keyed digest and length);
2. the audit trail's entities lie inside the original, in order, without overlapping
   (and equal the original where the trail holds plaintext);
3. the published text is the original with exactly the recorded replacements (a
   trailing newline added by ``judanon anonymize`` is allowed);
4. no replaced surface, nor a variant of it (other case or accents, invisible
   characters, look-alike letters, another spacing of its digits), appears anywhere in
   the published text outside the mentions the trail leaves visible.

Problems are reported by offsets and categories, never by the surfaces themselves.
A surface with fewer than two letters or digits (an initial) is not searched for: it
would match everywhere.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

import attrs
import regex

from judanon.text import limits
from judanon.audit import AuditTrail, EntityRecord
from judanon.errors import AuditError
from judanon.text.normalize import fold, normalize

#: Digits an identifier must hold to be searched for in any spacing (phone, SIREN ...).
MIN_IDENTIFIER_DIGITS = 6

_DIGIT_RUN_RE = limits.compile(r"\d(?:[ \u00a0\u202f.\-/]?\d)*")


@attrs.frozen(slots=True)
class Problem:
    """One thing wrong with a publication; ``message`` holds no personal data."""

    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"


def _comparable(text: str) -> str:
    """The published text and surfaces are compared in this form (length of the view)."""
    return fold(normalize(text).text)


def _splice(original: str, records: Sequence[EntityRecord]) -> Tuple[str, List[Tuple[int, int]]]:
    """The original with the records' replacements applied, and the published spans of
    the records left visible."""
    out, visible, pos, shift = [], [], 0, 0
    for r in records:
        if r.decision == "replaced" and r.replacement is not None:
            out.append(original[pos:r.start])
            out.append(r.replacement)
            shift += len(r.replacement) - (r.end - r.start)
            pos = r.end
        else:
            visible.append((r.start + shift, r.end + shift))
    out.append(original[pos:])
    return "".join(out), visible


def check_trail(audit: AuditTrail, key: Optional[bytes] = None, expected_head: Optional[str] = None,
                accept_unkeyed: bool = False) -> List[Problem]:
    """The problems of the trail itself: its key, its hash chain, its head.

    A trail of schema 1 or 2 is unkeyed: anyone can rewrite it and its chain, so it proves
    nothing against an edit. It is a problem unless ``accept_unkeyed`` (then its chain,
    if any, is checked for consistency only)."""
    if not audit.keyed and not accept_unkeyed:
        return [Problem("schema", f"this audit trail is of schema {audit.schema_version}, unkeyed: it cannot "
                                  "prove it was not rewritten; anonymize the decision again, or accept it "
                                  "for a consistency check only (--accept-unkeyed)")]
    if not audit.revisions:
        return [] if accept_unkeyed else [Problem("chain", "this audit trail has no hash chain")]
    try:
        audit.check_key(key)
    except AuditError as exc:
        return [Problem("key", str(exc))]
    try:
        audit.verify(key, expected_head=expected_head)
    except AuditError as exc:
        return [Problem("chain", str(exc))]
    return []


def check_publication(published: str, audit: AuditTrail, original: str,
                      key: Optional[bytes] = None) -> List[Problem]:
    """Every problem found (an empty list: the publication is consistent and no
    replaced surface is left in it). A keyed trail (schema 3) needs its audit ``key`` to
    tell that ``original`` is its text."""
    problems: List[Problem] = []
    try:
        same = audit.matches_input(original, key)
    except AuditError as exc:
        return [Problem("key", str(exc))]
    if not same:
        return [Problem("original", "the original is not the text this audit trail was made from "
                                    "(its digest or length differs): pass the original that was anonymized")]
    records = sorted(audit.entities, key=lambda r: (r.start, r.end))
    prev_end = 0
    for r in records:
        if not 0 <= r.start < r.end <= len(original):
            problems.append(Problem("offsets", f"{r.category} entity at {r.start}-{r.end} lies outside "
                                               f"the original ({len(original)} characters)"))
        elif r.start < prev_end:
            problems.append(Problem("offsets", f"{r.category} entity at {r.start}-{r.end} overlaps the "
                                               "entity before it"))
        elif r.text is not None and original[r.start:r.end] != r.text:
            problems.append(Problem("offsets", f"{r.category} entity at {r.start}-{r.end}: the original "
                                               "holds another text there than the audit trail"))
        prev_end = max(prev_end, r.end)
    if problems:
        return problems

    expected, visible = _splice(original, records)
    if published != expected and published != expected + "\n":
        first = next((i for i, (a, b) in enumerate(zip(published, expected)) if a != b),
                     min(len(published), len(expected)))
        problems.append(Problem("published", f"the published text is not the original with the audit "
                                             f"trail's replacements: it differs from offset {first} on "
                                             f"({len(published)} characters, {len(expected)} expected)"))
    problems.extend(_left_surfaces(published, original, records, visible + _kept_places(published, audit)))
    return problems


def _kept_places(published: str, audit: AuditTrail) -> List[Tuple[int, int]]:
    """The seats of courts and public bodies in the published text, when the run that made
    it kept them visible (``cour d'appel de Rennes`` beside a party's ``[Localité 1]``):
    the same place policy, asked again."""
    config = dict(audit.configuration)
    if not config.get("visible_places"):
        return []
    from judanon.packs import DEFAULT_PROFILE, visible_places

    try:
        policy = visible_places(str(config.get("profile") or DEFAULT_PROFILE))
    except ValueError:
        return []
    return policy.spans(published)


def _left_surfaces(published: str, original: str, records: Sequence[EntityRecord],
                   visible: Sequence[Tuple[int, int]]) -> List[Problem]:
    view = normalize(published)
    haystack = fold(view.text)
    # surfaces are searched once each, in their comparable form
    wanted: Dict[str, EntityRecord] = {}
    digits: Dict[str, EntityRecord] = {}
    for r in records:
        if r.decision != "replaced":
            continue
        surface = original[r.start:r.end]
        key = " ".join(_comparable(surface).split())
        if sum(ch.isalnum() for ch in key) >= 2:
            wanted.setdefault(key, r)
        only_digits = "".join(ch for ch in surface if ch.isdigit())
        if len(only_digits) >= MIN_IDENTIFIER_DIGITS:
            digits.setdefault(only_digits, r)

    def is_visible(a: int, b: int) -> bool:
        return any(va <= a and b <= vb for va, vb in visible)

    problems = []
    if wanted:
        words = sorted(wanted, key=len, reverse=True)
        pattern = limits.compile(
            r"(?<![\w])(?:" + "|".join(r"\s+".join(regex.escape(w) for w in key.split(" "))
                                       for key in words) + r")(?![\w])"
        )
        for m in pattern.finditer(haystack):
            a, b = view.span(*m.span())
            if is_visible(a, b):
                continue
            r = wanted[" ".join(m.group().split())]
            problems.append(Problem("leak", f"published offset {a}-{b}: the surface of the {r.category} "
                                            f"entity at {r.start}-{r.end} of the original is still there"))
    if digits:
        for m in _DIGIT_RUN_RE.finditer(published):
            run = "".join(ch for ch in m.group() if ch.isdigit())
            for key, r in digits.items():
                if key in run and not is_visible(*m.span()):
                    problems.append(Problem("leak", f"published offset {m.start()}-{m.end()}: the digits of "
                                                    f"the {r.category} entity at {r.start}-{r.end} of the "
                                                    "original are still there"))
                    break
    return problems
