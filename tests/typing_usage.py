"""The public API as callers use it; type-checked by ``mypy`` in tests/test_typing.py
(not collected as a test)."""

from __future__ import annotations

from typing import Iterator, List, Optional, Union

import judanon
import judanon.packs.fr
from judanon import cli
from judanon.detectors.dictionary import DictionaryDetector
from judanon.detectors.neural import FlairDetector
from judanon.detectors.parties import PartyListDetector
from judanon.detectors.persons import PersonContextDetector
from judanon.packs import load_profile, pack_words


def publish(texts: List[str], key: bytes) -> List[str]:
    anonymizer = judanon.Anonymizer(neural=False, audit_key=key, keep_visible=())
    result: judanon.Result = anonymizer.anonymize(texts[0], omit={"dateNaissance"}, case_id="21-19.704",
                                                  parties=["Jean Dupont"])
    entities: List[judanon.Entity] = result.entities
    first: Optional[str] = entities[0].replacement if entities else None
    trail: judanon.AuditTrail = judanon.AuditTrail.from_json(result.audit.to_json(indent=2))
    summary: str = trail.summary() + (first or "")
    html: str = result._repr_html_() + trail._repr_html_()
    outcomes: Iterator[Union[judanon.Result, judanon.DocumentError]] = anonymizer.anonymize_many(
        [texts[0], {"id": "x", "text": texts[1], "case_id": "c"}], n_jobs=2, progress=True)
    published = []
    for outcome in outcomes:
        if isinstance(outcome, judanon.DocumentError):
            published.append(f"{outcome.id}: {outcome.reason}")
        else:
            published.append(outcome.text)
    return published + [summary, html]


def detectors(names: List[str]) -> judanon.Anonymizer:
    french = load_profile("fr")
    assert french.lexicon is not None
    custom: List[judanon.Detector] = [judanon.packs.fr.regex_detector(),
                                      PersonContextDetector(pack_words("fr").persons, french.lexicon),
                                      DictionaryDetector(names, lexicon=french.lexicon),
                                      PartyListDetector(names, lexicon=french.lexicon)]
    spans: List[judanon.Span] = [s for d in custom for s in d.detect("M. Dupont")]
    assert all(s.end > s.start for s in spans)
    tagger = french.tagger
    assert tagger is not None
    return judanon.Anonymizer(detectors=[*custom, FlairDetector(tagger, min_score=0.5)])


def dask_usage(bag: object) -> None:
    import judanon.batch.dask

    results = judanon.batch.dask.anonymize_bag(bag, neural=False)
    files: List[str] = judanon.batch.dask.write_results(results, "out", format="jsonl")
    assert files


def command_line() -> int:
    return cli.main(["anonymize", "decisions/", "--out", "published/", "--jobs", "2"])
