"""Many decisions in one process: a chunk's texts are handed together to every detector
that has ``detect_many`` (the neural one), so that its sentences share batches; the
worker processes of :mod:`judanon.batch.pool` run chunks the same way."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Sequence, Tuple

from judanon.batch.records import Item, Job, Outcome, failure_reason
from judanon.errors import DocumentError

if TYPE_CHECKING:  # pragma: no cover
    from judanon.pipeline import Anonymizer


class BatchedDetector:
    """Stands in for a detector that has ``detect_many``: the spans of a chunk's texts are
    computed together (:meth:`prefetch`), then handed out one text at a time.

    It keeps the wrapped detector's ``name``, ``version`` and ``audit_details`` so that
    audit trails are the same as those of one-call-per-document runs.
    """

    def __init__(self, detector: Any):
        self._detector = detector
        self.name = getattr(detector, "name", None) or type(detector).__name__
        self._spans: Dict[str, list] = {}

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__") or attr == "_detector":
            raise AttributeError(attr)
        return getattr(self._detector, attr)

    def __repr__(self) -> str:
        return f"BatchedDetector({self._detector!r})"

    def prefetch(self, texts: Sequence[str]) -> None:
        self._spans = {}
        unique = list(dict.fromkeys(t for t in texts if t))
        if not unique:
            return
        try:
            found = self._detector.detect_many(unique)
        except Exception:
            # One of the texts breaks the detector: each document then runs alone, and
            # only the one that fails fails (with the pipeline's DetectorError).
            return
        if len(found) == len(unique):
            self._spans = dict(zip(unique, (list(spans) for spans in found)))

    def detect(self, text: str) -> list:
        spans = self._spans.get(text)
        if spans is None:
            return list(self._detector.detect(text))
        return spans


def batching_copy(anonymizer: "Anonymizer") -> Tuple["Anonymizer", List[BatchedDetector]]:
    """A shallow copy of ``anonymizer`` whose ``detect_many`` detectors are batched."""
    batched: List[BatchedDetector] = []
    detectors = []
    for det in anonymizer.detectors:
        if callable(getattr(det, "detect_many", None)):
            det = BatchedDetector(det)
            batched.append(det)
        detectors.append(det)
    if not batched:
        return anonymizer, []
    clone = copy.copy(anonymizer)
    clone.detectors = detectors
    return clone, batched


def run_chunk(anonymizer: "Anonymizer", batched: Sequence[BatchedDetector], items: Sequence[Item]) -> List[Outcome]:
    """Pseudonymize a chunk of validated records; failures become DocumentErrors."""
    # detectors read the normalized view of each text (``Anonymizer.anonymize``): batch those
    from judanon.text.normalize import normalize

    texts = [normalize(item.text).text for item in items if isinstance(item, Job)]
    for det in batched:
        det.prefetch(texts)
    out: List[Outcome] = []
    try:
        for item in items:
            if isinstance(item, DocumentError):
                out.append(item)
                continue
            try:
                out.append(anonymizer.anonymize(item.text, omit=item.omit, case_id=item.case_id,
                                                parties=list(item.parties) if item.parties else None,
                                                **dict(item.requests)))
            except Exception as exc:  # isolate the document: the others go on
                out.append(DocumentError(item.id, failure_reason(exc)))
    finally:
        for det in batched:
            det.prefetch(())
    return out


def run_here(anonymizer: "Anonymizer", chunks: Iterable[List[Item]]):
    """Every chunk in this process, in order."""
    clone, batched = batching_copy(anonymizer)
    for chunk in chunks:
        yield from run_chunk(clone, batched, chunk)


__all__ = ["BatchedDetector", "batching_copy", "run_chunk", "run_here"]
