"""HTML views for Jupyter: ``Result._repr_html_`` and ``AuditTrail._repr_html_``.

The view of a result shows the original decision, so it holds personal data: it is
meant for a trusted notebook (clear the outputs before sharing one). The view of an
audit trail holds counts only: no surface, and no digest of the original text. Every piece of text is HTML-escaped.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING, Any, Iterator, List, Optional, Sequence, Tuple, Union

from judanon import entities as E

if TYPE_CHECKING:  # pragma: no cover
    from judanon.audit import AuditTrail
    from judanon.entities import Entity
    from judanon.result import Result

#: One colour per category (light enough to read black text on).
COLOURS = {
    E.PERSONNE_PHYSIQUE: "#ffb3b3",
    E.MAGISTRAT_GREFFIER: "#d9c2f0",
    E.AVOCAT: "#c2d6f0",
    E.ADRESSE: "#ffd699",
    E.LOCALITE: "#fff0a0",
    E.DATE_NAISSANCE: "#b8e6b8",
    E.DATE_DECES: "#b8e6b8",
    E.DATE_MARIAGE: "#b8e6b8",
    E.NUMERO_IDENTIFIANT: "#a8e0e0",
    E.SIREN_SIRET: "#a8e0e0",
    E.EMAIL: "#f0c2e0",
    E.TELEPHONE: "#f0c2e0",
    E.COMPTE_BANCAIRE: "#e0d0b0",
    E.SITE_WEB: "#f0c2e0",
    E.PERSONNE_MORALE: "#d0e8a0",
    E.ETABLISSEMENT: "#d0e8a0",
    E.CADASTRE: "#e0d0b0",
    E.IMMATRICULATION: "#a8e0e0",
}
OTHER_COLOUR = "#dddddd"

_STYLE = """<style>
.judanon-view { font-family: sans-serif; font-size: 13px; }
.judanon-view .judanon-text { white-space: pre-wrap; font-family: serif; font-size: 14px;
  line-height: 1.6; max-height: 40em; overflow-y: auto; border: 1px solid #ddd; padding: 0.5em; }
.judanon-view mark { color: #000; padding: 0 2px; border-radius: 3px; }
.judanon-view mark.judanon-visible { background: none !important; border: 2px dashed; }
.judanon-view mark.judanon-doubt { outline: 2px solid #d00; }
.judanon-view .judanon-flag { color: #d00; font-weight: bold; }
.judanon-view table { border-collapse: collapse; margin: 0.5em 0; }
.judanon-view th, .judanon-view td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; }
</style>"""


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def colour(category: str) -> str:
    return COLOURS.get(category, OTHER_COLOUR)


def segments(result: "Result") -> Iterator[Union[str, "Entity"]]:
    """The original decision, rebuilt from the published text and the entities: plain
    strings between entities, and the entities themselves, in order."""
    published = result.text
    pub = orig = 0
    for entity in sorted(result.entities, key=lambda e: (e.start, e.end)):
        if entity.start < orig:  # overlapping entities are never produced; stay safe
            continue
        gap = entity.start - orig
        yield published[pub:pub + gap]
        pub += gap
        yield entity
        pub += len(entity.replacement) if entity.replacement is not None else len(entity.text)
        orig = entity.end
    yield published[pub:]


def _doubt_ranges(doubts: Sequence[Any]) -> List[Tuple[int, int]]:
    ranges = []
    for doubt in doubts:
        start, end = getattr(doubt, "start", None), getattr(doubt, "end", None)
        if isinstance(start, int) and isinstance(end, int):
            ranges.append((start, end))
    return ranges


def _describe(doubt: Any) -> str:
    """``kind: detail`` of a doubt (``judanon.audit.DoubtRecord``), or its one text."""
    kind, detail = getattr(doubt, "kind", None), getattr(doubt, "detail", None)
    if kind and detail:
        return f"{kind}: {detail}"
    for attr in ("reason", "kind", "message", "doubt"):
        value = getattr(doubt, attr, None)
        if value:
            return str(value)
    return str(doubt)


def _entity_html(entity: "Entity", doubtful: bool) -> str:
    visible = entity.replacement is None
    tip = [entity.label]
    if visible:
        tip.append(f"left visible ({entity.visible_reason})" if entity.visible_reason else "left visible")
    else:
        tip.append(f"\u2192 {entity.replacement}")
    tip.append(f"found by {entity.source}, score {entity.score:.2f}")
    if entity.doubt:
        tip.append(f"doubt: {entity.doubt}")
    classes = ["judanon-entity", "judanon-visible" if visible else "judanon-replaced"]
    if doubtful:
        classes.append("judanon-doubt")
    style = f"border-color: {colour(entity.label)}" if visible else f"background: {colour(entity.label)}"
    flag = '<sup class="judanon-flag">?</sup>' if doubtful else ""
    return (f'<mark class="{" ".join(classes)}" data-category="{_e(entity.label)}" '
            f'data-replacement="{_e(entity.replacement or "")}" style="{style}" '
            f'title="{_e(" | ".join(tip))}">{_e(entity.text)}</mark>{flag}')


def result_html(result: "Result") -> str:
    """The decision with entities highlighted per category; the replacement shows on
    hover; entities left visible are outlined instead of filled; doubts are flagged."""
    doubts = tuple(getattr(result, "doubts", ()) or ())
    ranges = _doubt_ranges(doubts)
    doubtful_ids = {i for d in doubts for i in (getattr(d, "entities", ()) or ())}
    parts: List[str] = []
    categories: Counter = Counter()
    flagged = 0
    for piece in segments(result):
        if isinstance(piece, str):
            parts.append(_e(piece))
            continue
        categories[piece.label] += 1
        doubtful = (bool(piece.doubt) or getattr(piece, "id", None) in doubtful_ids
                    or any(s < piece.end and piece.start < e for s, e in ranges))
        flagged += doubtful
        parts.append(_entity_html(piece, doubtful))
    legend = " ".join(
        f'<mark style="background: {colour(cat)}">{_e(cat)} {n}</mark>' for cat, n in sorted(categories.items())
    )
    replaced = sum(1 for e in result.entities if e.replacement is not None)
    header = (f"<p><b>judanon</b>: {replaced} replaced, {len(result.entities) - replaced} left visible "
              f'(<mark class="judanon-visible" style="border-color: #999">outlined</mark>), '
              f"{flagged} flagged for review. Hover an entity for its replacement. {legend}</p>")
    notes = ""
    if doubts:
        items = "".join(f"<li>{_e(_describe(d))}</li>" for d in doubts)
        notes = f'<p class="judanon-flag">Doubts for review ({len(doubts)}):</p><ul>{items}</ul>'
    return (f'<div class="judanon-view judanon-result">{_STYLE}{header}'
            f'<div class="judanon-text">{"".join(parts)}</div>{notes}</div>')


def _table(head: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    th = "".join(f"<th>{_e(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def audit_html(audit: "AuditTrail", doubts: Optional[Sequence[Any]] = None) -> str:
    """Counts per category (replaced, left visible, by which detector) and the doubts."""
    detectors = [d.name for d in audit.detectors]
    for record in audit.entities:
        for ev in record.evidence:
            if ev.detector not in detectors:
                detectors.append(ev.detector)  # propagation, party list ...
    per_category: dict = {}
    for record in audit.entities:
        row = per_category.setdefault(record.category, Counter())
        row[record.decision] += 1
        for detector in {ev.detector for ev in record.evidence}:
            row["by:" + detector] += 1
        if record.doubt:
            row["doubt"] += 1
    rows = [
        [cat, c["replaced"], c["visible"], *(c["by:" + d] for d in detectors), c["doubt"]]
        for cat, c in sorted(per_category.items())
    ]
    head = ["category", "replaced", "left visible", *detectors, "doubts"]
    versions = ", ".join(f"{d.name} {d.version}" for d in audit.detectors)
    recorded = list(doubts if doubts is not None else getattr(audit, "doubts", ()) or ())
    by_id = {getattr(r, "id", None): r for r in audit.entities}
    if recorded:  # the trail's doubts, each with the entities it concerns
        doubt_rows = []
        for d in recorded:
            concerned = [by_id[i] for i in (getattr(d, "entities", ()) or ()) if i in by_id]
            first = concerned[0] if concerned else None
            doubt_rows.append([first.category if first else "",
                               first.start if first else (d.start if d.start is not None else ""),
                               first.end if first else (d.end if d.end is not None else ""),
                               first.link if first else "", _describe(d)])
    else:  # a trail without doubt records: the entities' own
        doubt_rows = [[r.category, r.start, r.end, r.link, r.doubt] for r in audit.entities if r.doubt]
    doubt_table = (_table(["category", "start", "end", "link", "doubt"], doubt_rows)
                   if doubt_rows else "<p>No doubts for review.</p>")
    return (
        f'<div class="judanon-view judanon-audit">{_STYLE}'
        f"<p><b>Audit trail</b> (judanon {_e(audit.judanon_version)}, schema {_e(audit.schema_version)}): "
        f"{len(audit.entities)} entities in {_e(audit.input_length)} characters; "
        f"detectors: {_e(versions)}.</p>"
        f"{_table(head, rows) if rows else '<p>No entities.</p>'}"
        f"<p><b>Doubts</b> ({len(doubt_rows)})</p>{doubt_table}</div>"
    )
