"""The Anonymizer: detectors -> resolve -> policy -> pseudonymizer -> published text + audit."""

from __future__ import annotations

import collections
import contextlib
import importlib.util
import os
import threading
from typing import Any, Iterable, Iterator, List, Mapping, Optional, Sequence, Union

import attrs

from judanon._version import __version__
from judanon import entities as E
from judanon.audit import SCHEMA_VERSION, AuditTrail, DetectorInfo, DoubtRecord, Revision, freeze, input_fields
from judanon.entities import Span
from judanon.errors import (AnonymizationError, ArgumentError, ArgumentTypeError, DetectorError, DocumentError,
                            JudanonError)
from judanon.text.limits import document_deadline
from judanon.resolve import resolve
from judanon.resolve.policy import Policy, VisiblePlaces
from judanon.resolve.requests import asked_spans
from judanon.requested import DecisionRequests, Prepared, label_terms, prepare, read_requests
from judanon.replace.pseudonymize import seed_for
from judanon.audit.review import ReviewContext
from judanon.result import Result
from judanon.keys import REPLACEMENT_SEED, check_key, keyed_digest
from judanon.replace.assemble import assemble, splice, strategy_call
from judanon.audit.trail import utc_now
from judanon.replace.strategies import check_strategy, describe, replacer_for, with_formats
from judanon.text.normalize import normalize

#: How many cases an Anonymizer remembers the letters of (``case_id``).
CASES_REMEMBERED = 1024
# One lock for every Anonymizer's case letters (an instance holding a lock could not be pickled).
_CASES_LOCK = threading.Lock()


def neural_available() -> bool:
    """True when the neural extra (flair) is installed."""
    return importlib.util.find_spec("flair") is not None


def default_detectors(profile: Optional[str] = None, neural: Optional[bool] = None,
                      model: Optional[Union[str, os.PathLike]] = None) -> List[object]:
    """The detectors of a country profile; the neural one only when wanted and installed.

    ``model`` is the path of another tagger (trained with ``judanon train``) to use in
    place of the shipped one, with the profile's neural settings; it requires the
    ``neural`` extra. ``profile=None`` is the default profile.
    """
    from judanon.packs import DEFAULT_PROFILE, detectors_of, load_profile

    loaded = load_profile(DEFAULT_PROFILE if profile is None else profile)
    _check_model(model, neural)
    return detectors_of(loaded, neural, model, neural_available())


def _check_model(model, neural) -> None:
    if model is None:
        return
    if not isinstance(model, (str, os.PathLike)):
        raise ArgumentTypeError(f"model must be a path (str or os.PathLike), not {type(model).__name__}")
    if neural is False:
        raise ArgumentError("a model was given with neural=False; drop one of them")


def _check_text(text) -> str:
    if not isinstance(text, str):
        raise ArgumentTypeError(f"text must be str, not {type(text).__name__}")
    return text


def _check_categories(name: str, values) -> frozenset:
    if values is None:
        return frozenset()
    if isinstance(values, str):
        values = (values,)
    try:
        out = frozenset(values)
    except TypeError:
        raise ArgumentTypeError(f"{name} must be an iterable of category names, not {type(values).__name__}") from None
    bad = [v for v in out if not isinstance(v, str)]
    if bad:
        raise ArgumentTypeError(f"{name} must hold category names (str), got {type(bad[0]).__name__}")
    requested = sorted(out & E.REQUESTED_CATEGORIES)
    if requested:
        raise ArgumentError(f"category {requested[0]!r} cannot be left visible ({name}): a decision asks for it "
                            "(hide_motivations=True, also_hide=[...]) and it is always replaced")
    unknown = sorted(out - frozenset(E.CATEGORIES))
    if unknown:
        # a misspelt category would silently publish what it meant to keep (or the reverse)
        raise ArgumentError(f"unknown {name} categor{'y' if len(unknown) == 1 else 'ies'} "
                         f"{', '.join(map(repr, unknown))}; valid categories: {', '.join(E.CATEGORIES)}")
    return out


def _check_case(case_id, parties) -> None:
    if case_id is not None and not isinstance(case_id, str):
        raise ArgumentTypeError(f"case_id must be str or None, not {type(case_id).__name__}")
    if parties is not None:
        if isinstance(parties, str) or not all(isinstance(p, str) for p in parties):
            raise ArgumentTypeError("parties must be a list of names (str)")


def _failure(cls, what: str, name: str, exc: Exception) -> AnonymizationError:
    """The error that fails a decision: it names the stage, never the text. The exception
    raised (its message may quote the text) is kept as ``original``, not chained."""
    why = ("exceeded the time budget of this decision (judanon.text.limits)" if isinstance(exc, TimeoutError)
           else f"failed ({type(exc).__name__})")
    error = cls(f"{what} {why}; the decision was not pseudonymized", detector=name)
    error.original = exc
    return error


def _in_original(doubt: DoubtRecord, view) -> DoubtRecord:
    """A doubt of the view with offsets into the original text."""
    if doubt.start is None or doubt.end is None:
        return doubt
    start, end = view.span(doubt.start, doubt.end)
    return attrs.evolve(doubt, start=start, end=end)


def _detector_name(det) -> str:
    return getattr(det, "name", None) or type(det).__name__


class Anonymizer:
    """Pseudonymizes decisions with a list of detectors.

    ``detectors=None`` takes the detectors of ``profile`` (``None``: the default profile,
    ``judanon.packs.DEFAULT_PROFILE``). ``neural=None`` adds
    the neural detector to the default profile when the ``neural`` extra is installed,
    ``True`` requires it, ``False`` never uses it. With explicit ``detectors``, only
    those run (plus the neural detector when ``neural=True``). ``model`` is the path of
    a tagger to use instead of the shipped one (a court's own, see ``judanon train``).

    ``keep_visible`` lists categories every call leaves visible in addition to its
    ``omit`` (default: magistrates and clerks; pass ``()`` to mask them). Lawyers always
    stay visible. ``audit_key`` (16 bytes or more) keys every digest of the audit trail:
    surfaces, the original text, the chain of versions (pass the same key to link mentions
    across decisions and to verify trails later; default: random per instance).
    ``audit_plaintext=True`` stores the surfaces themselves in the audit trail.
    ``strategy`` is how mentions are replaced (``judanon.replace.strategies``: ``LabelStyle()``,
    the default, ``Surrogate()``, ``KeyedToken(secret)``, ``Mask()``, ``Redact()``), or a
    dict ``{category: strategy}``. Decisions given one ``case_id`` share their letters
    (the same person keeps one letter across the case's decisions).

    ``visible_places`` is the policy that keeps the seats of public bodies visible
    (``cour d'appel de Lyon``, ``préfet du Nord``) whatever a detector proposes: by
    default the profile's; a :class:`judanon.resolve.policy.VisiblePlaces` of other patterns,
    or ``()`` to keep none.
    """

    def __init__(
        self,
        detectors: Optional[Sequence[object]] = None,
        neural: Optional[bool] = None,
        *,
        model: Optional[Union[str, os.PathLike]] = None,
        profile: Optional[str] = None,
        keep_visible: Iterable[str] = E.VISIBLE_BY_DEFAULT,
        propagate_names: bool = True,
        audit_key: Optional[bytes] = None,
        audit_plaintext: bool = False,
        strategy=None,
        visible_places: Optional[Union[VisiblePlaces, Sequence[object]]] = None,
    ):
        if neural not in (None, True, False):
            raise ArgumentTypeError(f"neural must be None, True or False, not {neural!r}")
        from judanon.packs import DEFAULT_PROFILE, detectors_of, load_profile, tagger_of

        profile = DEFAULT_PROFILE if profile is None else profile
        loaded = load_profile(profile)
        if detectors is None:
            _check_model(model, neural)
            self.detectors = detectors_of(loaded, neural, model, neural_available())
        else:
            _check_model(model, neural)
            self.detectors = list(detectors)
            if neural or model is not None:
                self.detectors.append(tagger_of(loaded, model))
        for det in self.detectors:
            if not callable(getattr(det, "detect", None)):
                raise ArgumentTypeError(f"detector {det!r} has no detect(text) method")
        self.profile = profile
        self.keep_visible = _check_categories("keep_visible", keep_visible)
        self.propagate_names = propagate_names
        self._audit_key = check_key(audit_key, "audit_key") if audit_key is not None else os.urandom(32)
        # dictionary detectors recording their list's entries: the trail holds their hash only
        self._listed = frozenset(_detector_name(d) for d in self.detectors if getattr(d, "evidence", None) == "entry")
        self.audit_plaintext = audit_plaintext
        self._profile = loaded
        self.strategy = with_formats(check_strategy(strategy), loaded.replacement_formats)
        # case_id -> replacer: decisions of one case share letters (bounded, most recent kept)
        self._cases: "collections.OrderedDict[str, Any]" = collections.OrderedDict()
        if visible_places is None:
            visible_places = VisiblePlaces(loaded.visible_places)
        elif not isinstance(visible_places, VisiblePlaces):
            visible_places = VisiblePlaces(visible_places)
        self.visible_places = visible_places

    def kept_visible_places(self, text: str) -> List[tuple]:
        """The ``(start, end)`` spans of ``text`` that the place policy keeps visible."""
        return self.visible_places.spans(_check_text(text))

    # ------------------------------------------------------------------------------
    def detect(self, text: str, parties: Optional[Sequence[str]] = None) -> List[Span]:
        """Every candidate span of every detector (before the overlap policy), with
        offsets into ``text``."""
        text = _check_text(text)
        view = normalize(text)
        with document_deadline(len(text)):
            spans = self._detect_view(view.text, parties)
        if view.identical:
            return spans
        return [attrs.evolve(s, start=a, end=b) for s in spans for a, b in (view.span(s.start, s.end),)]

    def _detect_view(self, text: str, parties: Optional[Sequence[str]]) -> List[Span]:
        """Every detector on the normalized view ``text``; offsets into the view.

        A detector that raises or exceeds the decision's time budget fails the document
        with an error naming the detector; the exception it raised is kept in the error's
        ``original`` attribute but not chained, since its message may quote the text."""
        detectors: List[Any] = list(self.detectors)
        if parties:
            from judanon.detectors.parties import PartyListDetector

            detectors.append(PartyListDetector(list(parties), particles=self._profile.surname_particles,
                                               lead_particles=self._profile.surname_lead_particles,
                                               lexicon=self._profile.lexicon))
        spans: List[Span] = []
        n = len(text)
        for det in detectors:
            name = _detector_name(det)
            try:
                found = list(det.detect(text))
            except Exception as exc:  # a failing detector fails the document
                raise _failure(DetectorError, f"detector {name!r}", name, exc) from None
            for s in found:
                if not isinstance(s, Span) or s.end > n:
                    raise DetectorError(
                        f"detector {name!r} returned an invalid span "
                        f"(expected Span within the text of length {n})", detector=name,
                    )
            spans.extend(found)
        return spans

    def anonymize(
        self,
        text: str,
        omit: Iterable[str] = (),
        case_id: Optional[str] = None,
        parties: Optional[Sequence[str]] = None,
        *,
        hide_motivations: bool = False,
        also_hide: Optional[Sequence[str]] = None,
        keep_visible: Optional[Sequence[str]] = None,
        instructions: Optional[str] = None,
    ) -> Result:
        """Pseudonymize ``text``; ``omit`` categories stay visible; ``case_id`` seeds letters;
        ``parties`` are names known from the case metadata (every variant is found).

        What this decision asks (``docs/zones.md``): ``hide_motivations=True`` hides its
        reasons whole (``[Motifs de la décision occultés]``; raises
        :class:`judanon.errors.ZoningError` when they are not found); ``also_hide`` and
        ``keep_visible`` are terms its judge asked to hide or to keep visible, every variant
        of them (not categories: those are ``omit`` here and ``keep_visible`` of the
        ``Anonymizer``); ``instructions`` is the court's free text asking for such terms
        (``"Occulter le terme Dunkerque"``), read with the pack's words: what cannot be
        read becomes a doubt (``instructions-unread``)."""
        text = _check_text(text)
        omit_set = _check_categories("omit", omit)
        _check_case(case_id, parties)
        asked = read_requests(hide_motivations, also_hide, keep_visible, instructions, self.profile)
        if asked.hide_motivations and E.MOTIVATIONS not in self._profile.replacement_formats:
            raise ArgumentError(f"profile {self.profile!r} gives no replacement for hidden reasons "
                                f"(replacement format of {E.MOTIVATIONS!r}); hide_motivations needs one")

        # Detectors, propagation and linking read the normalized view (invisible
        # characters, decomposed accents, look-alike letters undone); entities and the
        # published text use offsets into ``text`` itself.
        from judanon.structure import zone_words_or_none  # the pack registry loads with the first decision

        view = normalize(text)
        spans: List[Span] = []
        prepared = Prepared()
        with document_deadline(len(text)):
            if text:
                spans = self._detect_view(view.text, parties)
            if asked:
                prepared = self._prepare(view.text, asked)
            try:
                resolution = resolve(
                    view.text, spans, propagate_names=self.propagate_names, inflections=self._profile.inflections,
                    visible=lambda label: label in E.ALWAYS_VISIBLE or label in omit_set or label in self.keep_visible,
                    requests=prepared.requests, zone_words=zone_words_or_none(self.profile), zones=prepared.zones)
            except Exception as exc:
                raise _failure(AnonymizationError, "resolving the detected spans", "resolve", exc) from None
        candidates, links = resolution.candidates, resolution.links
        request_doubts = prepared.doubts
        if not view.identical:  # from here on, offsets into ``text`` itself
            for c in candidates:
                c.start, c.end = view.span(c.start, c.end)
            request_doubts = tuple(_in_original(d, view) for d in request_doubts)
        seats = self.visible_places.spans(text)
        public = frozenset((c.start, c.end) for c in candidates
                           if self.visible_places.keeps(text, c.start, c.end, c.label, seats))
        policy = Policy(omit_set, self.keep_visible, public, *asked_spans(candidates))
        with self._case_replacer(case_id, text) as replacer:
            entities, records = assemble(text, candidates, links, policy, replacer,
                                         self._audit_key, self.audit_plaintext, listed=self._listed)
            context = ReviewContext(text, policy, self._audit_key, self.audit_plaintext,
                                    self.propagate_names, replacer.clone(), tuple(parties or ()),
                                    self._profile.identifier_context, self._profile.inflections, self._listed,
                                    request_doubts=request_doubts)

        published = splice(text, entities)
        audit = self._trail(text, omit_set, case_id, parties, asked, records, entities, request_doubts)
        return Result(published, entities, audit, context)

    def _trail(self, text: str, omit: frozenset, case_id: Optional[str], parties: Optional[Sequence[str]],
               asked: DecisionRequests, records, entities, request_doubts) -> AuditTrail:
        """The audit trail of a machine run: its header and the first revision."""
        from judanon.audit.doubts import find_doubts

        audit = AuditTrail(
            schema_version=SCHEMA_VERSION,
            judanon_version=__version__,
            **input_fields(self._audit_key, text),
            detectors=tuple(self._detector_info(d) for d in self.detectors)
            + ((DetectorInfo("party-list", __version__, (("parties", str(len(parties))),)),) if parties else ()),
            configuration=tuple((k, freeze(v)) for k, v in (
                ("profile", self.profile),
                ("omit", sorted(omit)),
                ("keep_visible", sorted(self.keep_visible)),
                ("always_visible", sorted(E.ALWAYS_VISIBLE)),
                ("case_id", case_id),
                ("propagate_names", self.propagate_names),
                ("audit_plaintext", self.audit_plaintext),
                ("strategy", describe(self.strategy)),
                ("visible_places", bool(self.visible_places)),
            ) + asked.configuration(self.audit_plaintext)),
            entities=(),
            source=text,
            terms=label_terms(asked),
        )
        doubts = tuple(find_doubts(text, entities, parties or (), (), self._profile.identifier_context))
        return audit.with_revision(
            Revision(0, "anonymize", f"judanon {__version__}", utc_now(), (), (), (), "", "", ""),
            tuple(records), doubts + tuple(request_doubts), self._audit_key)

    def _prepare(self, view_text: str, asked: DecisionRequests) -> Prepared:
        """The decision's requests found in the view (zones, the terms' occurrences); a
        failure other than the zones not found fails the document, naming the stage."""
        lexicon = self._profile.lexicon() if self._profile.lexicon is not None else None
        try:
            return prepare(view_text, asked, self.profile, lexicon, self._profile.surname_particles,
                           self._profile.surname_lead_particles)
        except JudanonError:
            raise
        except Exception as exc:
            raise _failure(AnonymizationError, "finding what the decision asks (zones, terms)", "requests",
                           exc) from None

    def anonymize_many(
        self,
        records: Iterable[Union[str, Mapping[str, Any]]],
        n_jobs: int = 1,
        progress: bool = False,
    ) -> Iterator[Union[Result, DocumentError]]:
        """Pseudonymize many decisions; yields one ``Result`` or ``DocumentError`` per
        record, in input order, as they are done.

        A record is a text or a dict with ``text`` and optionally ``id``, ``case_id``,
        ``omit``, ``parties`` and what its decision asks (``hide_motivations``,
        ``also_hide``, ``keep_visible``, ``instructions``, as in :meth:`anonymize`; other
        keys are ignored). A document that fails yields a
        ``judanon.DocumentError`` (its ``id`` and a ``reason`` that never quotes the
        text) and the others go on. ``n_jobs``: worker processes (``-1``: one per CPU;
        each loads the model once); with ``1`` the neural detector tags the sentences of
        several documents together. ``progress=True`` shows a progress bar on stderr
        (tqdm, when installed) once a run lasts more than two seconds.
        """
        from judanon.batch.runner import anonymize_many

        return anonymize_many(self, records, n_jobs=n_jobs, progress=progress)

    # ------------------------------------------------------------------------------
    def _case_replacer(self, case_id: Optional[str], text: str):
        """The replacer of this decision: a fresh one, or the case's (held under a lock)."""
        if case_id is None:
            # a digest of the text, keyed: the letters or values drawn from it cannot be
            # used to test a guess of the text
            replacer = strategy_call(replacer_for, self.strategy, "text:" + keyed_digest(
                self._audit_key, REPLACEMENT_SEED, text))
            strategy_call(replacer.begin, text)
            return contextlib.nullcontext(replacer)
        return self._held_case(case_id, text)

    @contextlib.contextmanager
    def _held_case(self, case_id: str, text: str):
        with _CASES_LOCK:
            replacer = self._cases.pop(case_id, None)
            if replacer is None:
                replacer = strategy_call(replacer_for, self.strategy, seed_for(case_id, text))
            self._cases[case_id] = replacer
            while len(self._cases) > CASES_REMEMBERED:
                self._cases.popitem(last=False)
            strategy_call(replacer.begin, text)
            yield replacer

    @staticmethod
    def _detector_info(det) -> DetectorInfo:
        details = getattr(det, "audit_details", None)
        if callable(details):
            details = details()
        items = tuple(sorted((str(k), str(v)) for k, v in (details or {}).items()))
        return DetectorInfo(_detector_name(det), str(getattr(det, "version", "unknown")), items)
