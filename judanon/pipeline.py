"""The Anonymizer: detectors -> resolve -> policy -> pseudonymizer -> published text + audit."""

from __future__ import annotations

import importlib.util
import os
from typing import Any, Iterable, Iterator, List, Mapping, Optional, Sequence, Union

import attrs

from . import __version__
from . import entities as E
from .audit import (SCHEMA_VERSION, AuditTrail, DetectorInfo, EntityRecord, EvidenceRecord,
                    freeze, keyed_hash, sha256_text)
from .entities import Entity, Span
from .errors import DetectorError, DocumentError
from .pseudonymize import Pseudonymizer, seed_for
from .resolve import Candidate, link, propagate, resolve_overlaps
from .textnorm import fold_key

PROFILES = ("fr",)
#: Confidence below which the default profile drops the neural detector's spans.
DEFAULT_NEURAL_MIN_SCORE = 0.5
#: A person guess inside a company's name (``la société Krantz & Cuvelier``) needs this
#: (cross-validated over the dev decisions, docs/neural.md).
DEFAULT_NEURAL_COMPANY_MIN_SCORE = 0.95


def neural_available() -> bool:
    """True when the neural extra (flair) is installed."""
    return importlib.util.find_spec("flair") is not None


def default_detectors(profile: str = "fr", neural: Optional[bool] = None,
                      model: Optional[Union[str, os.PathLike]] = None) -> List[object]:
    """The detectors of a country profile; the neural one only when wanted and installed.

    ``model`` is the path of another tagger (trained with ``judanon train``) to use in
    place of the shipped one, with the profile's neural settings; it requires the
    ``neural`` extra.
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; available profiles: {', '.join(PROFILES)}")
    _check_model(model, neural)
    from .detectors.dictionary import NameLexiconDetector
    from .detectors.persons import PersonContextDetector
    from .detectors.regex import RegexDetector
    from .packs.fr.persons import COMPANY_FORMS

    detectors: List[object] = [
        RegexDetector.french(),
        PersonContextDetector(),
        # Known names standing together ("Gérard Michel a formé un pourvoi"): persons
        # that no context word announces, also inside company names ("la société Jean
        # Dupont"), except trade names in capitals ("la SAS JEAN DUPONT").
        NameLexiconDetector(min_run=2, name="name-pairs", not_after=COMPANY_FORMS),
    ]
    if model is not None or neural or (neural is None and neural_available()):
        from .detectors.neural import FlairDetector

        # Below 0.5 the shipped model's lone guesses are wrong more often than right
        # (held-out dev decisions); the rules still see what they see.
        detectors.append(FlairDetector(
            model,
            # one threshold for every label: names the rules do not know are often
            # scored 0.5-0.8 (docs/neural.md)
            min_score=DEFAULT_NEURAL_MIN_SCORE,
            company_forms=COMPANY_FORMS, company_min_score=DEFAULT_NEURAL_COMPANY_MIN_SCORE,
        ))
    return detectors


def _check_model(model, neural) -> None:
    if model is None:
        return
    if not isinstance(model, (str, os.PathLike)):
        raise TypeError(f"model must be a path (str or os.PathLike), not {type(model).__name__}")
    if neural is False:
        raise ValueError("a model was given with neural=False; drop one of them")


@attrs.frozen(slots=True)
class Result:
    """What ``Anonymizer.anonymize`` returns. Its repr shows no personal data."""

    text: str = attrs.field(repr=False)
    entities: List[Entity] = attrs.field(repr=lambda es: f"<{len(es)} entities>")
    audit: AuditTrail = attrs.field(repr=False)

    def _repr_html_(self) -> str:
        """Jupyter: the decision with its entities highlighted (see :mod:`judanon.display`)."""
        from .display import result_html

        return result_html(self)


def _check_text(text) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return text


def _check_categories(name: str, values) -> frozenset:
    if values is None:
        return frozenset()
    if isinstance(values, str):
        values = (values,)
    try:
        out = frozenset(values)
    except TypeError:
        raise TypeError(f"{name} must be an iterable of category names, not {type(values).__name__}") from None
    bad = [v for v in out if not isinstance(v, str)]
    if bad:
        raise TypeError(f"{name} must hold category names (str), got {type(bad[0]).__name__}")
    return out


def _detector_name(det) -> str:
    return getattr(det, "name", None) or type(det).__name__


class Anonymizer:
    """Pseudonymizes decisions with a list of detectors.

    ``detectors=None`` takes the default profile (``profile="fr"``). ``neural=None`` adds
    the neural detector to the default profile when the ``neural`` extra is installed,
    ``True`` requires it, ``False`` never uses it. With explicit ``detectors``, only
    those run (plus the neural detector when ``neural=True``). ``model`` is the path of
    a tagger to use instead of the shipped one (a court's own, see ``judanon train``).

    ``keep_visible`` lists categories every call leaves visible in addition to its
    ``omit`` (default: magistrates and clerks; pass ``()`` to mask them). Lawyers always
    stay visible. ``audit_key`` keys the hashes of surfaces in the audit trail
    (pass the same key to link mentions across decisions; default: random per instance).
    ``audit_plaintext=True`` stores the surfaces themselves in the audit trail.
    """

    def __init__(
        self,
        detectors: Optional[Sequence[object]] = None,
        neural: Optional[bool] = None,
        *,
        model: Optional[Union[str, os.PathLike]] = None,
        profile: str = "fr",
        keep_visible: Iterable[str] = E.VISIBLE_BY_DEFAULT,
        propagate_names: bool = True,
        audit_key: Optional[bytes] = None,
        audit_plaintext: bool = False,
    ):
        if neural not in (None, True, False):
            raise TypeError(f"neural must be None, True or False, not {neural!r}")
        if detectors is None:
            self.detectors = default_detectors(profile, neural, model)
        else:
            _check_model(model, neural)
            self.detectors = list(detectors)
            if neural or model is not None:
                from .detectors.neural import FlairDetector

                self.detectors.append(FlairDetector(model))
        for det in self.detectors:
            if not callable(getattr(det, "detect", None)):
                raise TypeError(f"detector {det!r} has no detect(text) method")
        self.profile = profile
        self.keep_visible = _check_categories("keep_visible", keep_visible)
        self.propagate_names = propagate_names
        if audit_key is not None and not isinstance(audit_key, (bytes, bytearray)):
            raise TypeError(f"audit_key must be bytes, not {type(audit_key).__name__}")
        self._audit_key = bytes(audit_key) if audit_key is not None else os.urandom(32)
        self.audit_plaintext = audit_plaintext

    # ------------------------------------------------------------------------------
    def detect(self, text: str, parties: Optional[Sequence[str]] = None) -> List[Span]:
        """Every candidate span of every detector (before the overlap policy)."""
        text = _check_text(text)
        detectors: List[Any] = list(self.detectors)
        if parties:
            from .detectors.dictionary import PartyListDetector

            detectors.append(PartyListDetector(list(parties)))
        spans: List[Span] = []
        n = len(text)
        for det in detectors:
            try:
                found = list(det.detect(text))
            except Exception as exc:  # a failing detector fails the document
                raise DetectorError(
                    f"detector {_detector_name(det)!r} failed ({type(exc).__name__}); "
                    "the decision was not pseudonymized"
                ) from exc
            for s in found:
                if not isinstance(s, Span) or s.end > n:
                    raise DetectorError(
                        f"detector {_detector_name(det)!r} returned an invalid span "
                        f"(expected Span within the text of length {n})"
                    )
            spans.extend(found)
        return spans

    def anonymize(
        self,
        text: str,
        omit: Iterable[str] = (),
        case_id: Optional[str] = None,
        parties: Optional[Sequence[str]] = None,
    ) -> Result:
        """Pseudonymize ``text``; ``omit`` categories stay visible; ``case_id`` seeds letters;
        ``parties`` are names known from the case metadata (every variant is found)."""
        text = _check_text(text)
        omit_set = _check_categories("omit", omit)
        if case_id is not None and not isinstance(case_id, str):
            raise TypeError(f"case_id must be str or None, not {type(case_id).__name__}")
        if parties is not None:
            if isinstance(parties, str) or not all(isinstance(p, str) for p in parties):
                raise TypeError("parties must be a list of names (str)")

        candidates: List[Candidate] = []
        if text:
            spans = self.detect(text, parties)
            candidates = resolve_overlaps(text, spans)
            if self.propagate_names:
                candidates = propagate(text, candidates)
        links = link(text, candidates)

        pseudo = Pseudonymizer(seed_for(case_id, text), existing_text=text)
        visible_default = self.keep_visible
        entities: List[Entity] = []
        records: List[EntityRecord] = []
        group_ids: dict = {}
        hashed: dict = {}  # surface -> (folded key, keyed hash): names repeat in a decision
        for c, (key, doubt) in zip(candidates, links):
            reason = None
            if c.label in E.ALWAYS_VISIBLE:
                reason = "always-visible"
            elif c.label in omit_set:
                reason = "omitted"
            elif c.label in visible_default:
                reason = "visible-by-default"
            replacement = None if reason else pseudo.replacement(c.label, key)
            surface = text[c.start:c.end]
            known = hashed.get(surface)
            if known is None:
                folded = fold_key(surface)
                known = hashed[surface] = (folded, keyed_hash(self._audit_key, folded))
            surface_key, surface_hash = known
            sources = "+".join(sorted({e.source for e in c.evidence}))
            score = max(e.score for e in c.evidence)
            gid = group_ids.setdefault((c.label, key), f"g{len(group_ids) + 1}")
            entities.append(Entity(c.start, c.end, c.label, surface, sources, score, replacement,
                                   tuple(c.evidence), reason, gid, doubt))
            records.append(EntityRecord(
                category=c.label, start=c.start, end=c.end,
                evidence=tuple(EvidenceRecord(e.source, self._safe_detail(e.detail, surface_key), e.score)
                               for e in c.evidence),
                decision="visible" if reason else "replaced", reason=reason, replacement=replacement,
                surface_hash=surface_hash, link=gid, doubt=doubt,
                text=surface if self.audit_plaintext else None,
            ))

        published = _splice(text, entities)
        audit = AuditTrail(
            schema_version=SCHEMA_VERSION,
            judanon_version=__version__,
            input_sha256=sha256_text(text),
            input_length=len(text),
            detectors=tuple(self._detector_info(d) for d in self.detectors)
            + ((DetectorInfo("party-list", __version__, (("parties", str(len(parties))),)),) if parties else ()),
            configuration=tuple((k, freeze(v)) for k, v in (
                ("profile", self.profile),
                ("omit", sorted(omit_set)),
                ("keep_visible", sorted(self.keep_visible)),
                ("always_visible", sorted(E.ALWAYS_VISIBLE)),
                ("case_id", case_id),
                ("propagate_names", self.propagate_names),
                ("audit_plaintext", self.audit_plaintext),
            )),
            entities=tuple(records),
        )
        return Result(published, entities, audit)

    def anonymize_many(
        self,
        records: Iterable[Union[str, Mapping[str, Any]]],
        n_jobs: int = 1,
        progress: bool = False,
    ) -> Iterator[Union[Result, DocumentError]]:
        """Pseudonymize many decisions; yields one ``Result`` or ``DocumentError`` per
        record, in input order, as they are done.

        A record is a text or a dict with ``text`` and optionally ``id``, ``case_id``,
        ``omit`` and ``parties`` (other keys are ignored). A document that fails yields a
        ``judanon.DocumentError`` (its ``id`` and a ``reason`` that never quotes the
        text) and the others go on. ``n_jobs``: worker processes (``-1``: one per CPU;
        each loads the model once); with ``1`` the neural detector tags the sentences of
        several documents together. ``progress=True`` shows a progress bar on stderr
        (tqdm, when installed) once a run lasts more than two seconds.
        """
        from .batch import anonymize_many

        return anonymize_many(self, records, n_jobs=n_jobs, progress=progress)

    # ------------------------------------------------------------------------------
    def _safe_detail(self, detail: str, surface_key: str) -> str:
        """Evidence must not become a plaintext copy of the surface (e.g. a list entry)."""
        if self.audit_plaintext or not detail:
            return detail
        d, s = fold_key(detail), surface_key
        if s and (s in d or (len(d) >= 3 and d in s)):
            return "entry:" + keyed_hash(self._audit_key, d)
        return detail

    @staticmethod
    def _detector_info(det) -> DetectorInfo:
        details = getattr(det, "audit_details", None)
        if callable(details):
            details = details()
        items = tuple(sorted((str(k), str(v)) for k, v in (details or {}).items()))
        return DetectorInfo(_detector_name(det), str(getattr(det, "version", "unknown")), items)


def _splice(text: str, entities: Sequence[Entity]) -> str:
    out = []
    pos = 0
    for e in sorted(entities, key=lambda e: e.start):
        if e.replacement is None:
            continue
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)
