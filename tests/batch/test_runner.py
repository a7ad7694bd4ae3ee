"""Anonymizer.anonymize_many: order, failure isolation, worker processes, batching."""

import json
import pickle

import pytest

import judanon
from judanon.batch import runner as batch
from judanon.entities import Span
from word_detector import ExitsOn, FailsOn, ManyFailsOn, WordDetector
from support import ROOT, SHARED_DATA

DATA = SHARED_DATA / "fr-label"
SECRET = "Kerbrat-Sauvage"


def dev_texts(n):
    """``n`` decisions of the shared data, or, on a checkout without it, ``n`` parts of
    the bundled example decision (cut at blank lines)."""
    if (DATA / "dev.jsonl").is_file():
        with open(DATA / "dev.jsonl", encoding="utf-8") as fh:
            return [json.loads(line)["text"] for line, _ in zip(fh, range(n))]
    paragraphs = (ROOT / "examples" / "decision-cour-appel.txt").read_text("utf-8").split("\n\n")
    size = -(-len(paragraphs) // n)
    return ["\n\n".join(paragraphs[i:i + size]) for i in range(0, len(paragraphs), size)]


def same(result, reference):
    """Same published text and decisions (scores may differ in the last digits when
    sentences are batched differently)."""
    assert result.text == reference.text
    assert [(e.start, e.end, e.label, e.replacement, e.link) for e in result.entities] == \
        [(e.start, e.end, e.label, e.replacement, e.link) for e in reference.entities]
    assert [r.surface_hash for r in result.audit.entities] == [r.surface_hash for r in reference.audit.entities]
    assert result.audit.detectors == reference.audit.detectors
    assert result.audit.configuration == reference.audit.configuration


def test_default_pipeline_batch_equals_one_call_per_document(default_anonymizer):
    texts = dev_texts(6)
    records = [{"id": f"d{i}", "text": t, "case_id": f"RG {i}", "omit": ["dateNaissance"]} for i, t in enumerate(texts)]
    records.insert(2, texts[0])  # a bare text, between dicts
    out = list(default_anonymizer.anonymize_many(records))
    assert len(out) == len(records)
    for record, result in zip(records, out):
        assert isinstance(result, judanon.Result)
        if isinstance(record, str):
            reference = default_anonymizer.anonymize(record)
        else:
            reference = default_anonymizer.anonymize(record["text"], omit=record["omit"], case_id=record["case_id"])
        same(result, reference)
    assert dict(out[0].audit.configuration)["case_id"] == "RG 0"


def test_failing_document_yields_document_error_and_the_rest_goes_on():
    anon = judanon.Anonymizer(detectors=[FailsOn(SECRET)])
    records = ["M. Morvan", {"id": "bad", "text": f"M. {SECRET} et M. Morvan"}, {"id": "ok", "text": "Mme Morvan"}]
    out = list(anon.anonymize_many(records))
    assert [type(o).__name__ for o in out] == ["Result", "DocumentError", "Result"]
    error = out[1]
    assert isinstance(error, judanon.DocumentError) and isinstance(error, judanon.JudanonError)
    assert error.id == "bad" and "fails-on" in error.reason
    assert SECRET not in error.reason and SECRET not in str(error) and "Morvan" not in error.reason
    assert out[0].text == "M. " + out[0].entities[0].replacement and "Morvan" not in out[2].text


def test_unexpected_errors_are_named_by_class_only():
    class OddEvidence:
        """Valid spans whose evidence is not a string: the audit step fails, after detection."""

        name = "odd-evidence"

        def detect(self, text):
            return [Span(0, 2, "personnePhysique", self.name, evidence=12345)]

    (error,) = judanon.Anonymizer(detectors=[OddEvidence()]).anonymize_many([{"id": 7, "text": f"M. {SECRET}"}])
    assert error.id == 7 and "AttributeError" in error.reason and "not published" in error.reason
    # any exception message may quote the text: only judanon's own messages are passed on
    assert batch.failure_reason(KeyError(SECRET)) == (
        "unexpected KeyError while pseudonymizing; the decision was not published")
    assert batch.failure_reason(judanon.DetectorError("detector 'x' failed")) == "detector 'x' failed"


def test_bad_records_fail_alone_with_their_id():
    anon = judanon.Anonymizer(neural=False)
    records = [42, {"id": "no-text"}, {"id": "num", "text": 3}, {"id": "cid", "text": "x", "case_id": 5},
               {"id": "om", "text": "x", "omit": [1]}, {"id": "pa", "text": "x", "parties": "Jean Dupont"},
               {"text": "M. Thibault MORVAN, né le 3 juillet 1969.", "source": "ignored"}]
    out = list(anon.anonymize_many(records))
    assert [getattr(o, "id", None) for o in out] == [0, "no-text", "num", "cid", "om", "pa", None]
    assert "not int" in out[0].reason and "no 'text'" in out[1].reason and "case_id" in out[3].reason
    assert "omit" in out[4].reason and "parties" in out[5].reason
    assert "MORVAN" not in out[6].text


def test_detect_many_failure_falls_back_to_one_document_at_a_time():
    ManyFailsOn.calls = 0
    anon = judanon.Anonymizer(detectors=[ManyFailsOn(SECRET)])
    texts = ["M. Morvan"] * 3 + [f"{SECRET} et Morvan"] + ["Morvan"] * 2
    out = list(anon.anonymize_many(texts))
    assert ManyFailsOn.calls == 1  # one call for the whole chunk
    assert [isinstance(o, judanon.DocumentError) for o in out] == [False, False, False, True, False, False]
    assert all("Morvan" not in o.text for o in out if isinstance(o, judanon.Result))


def test_arguments_are_checked_before_anything_runs():
    anon = judanon.Anonymizer(neural=False)
    for bad in (0, -2, 1.5, True):
        with pytest.raises(ValueError, match="n_jobs"):
            anon.anonymize_many(["x"], n_jobs=bad)
    with pytest.raises(TypeError, match="for one decision call anonymize"):
        anon.anonymize_many("M. Morvan")
    with pytest.raises(TypeError, match="iterable"):
        anon.anonymize_many(5)


def test_results_stream_from_a_generator_in_order():
    anon = judanon.Anonymizer(detectors=[WordDetector({"Morvan": "personnePhysique"})])
    source = ({"id": i, "text": f"{i}: M. Morvan"} for i in range(40))
    out = anon.anonymize_many(source, progress=True)
    first = next(out)
    assert first.text.startswith("0: M. [")
    rest = list(out)
    assert [r.text.split(":")[0] for r in rest] == [str(i) for i in range(1, 40)]


def test_document_error_pickles():
    error = judanon.DocumentError("d1", "detector 'x' failed (ValueError)")
    back = pickle.loads(pickle.dumps(error))
    assert (back.id, back.reason, str(back)) == (error.id, error.reason, str(error))


def test_two_processes_give_the_same_results_with_the_model_loaded_in_each(default_anonymizer):
    texts = dev_texts(3)
    records = [{"id": i, "text": t[:3000], "case_id": f"RG {i}"} for i, t in enumerate(texts)]
    out = list(default_anonymizer.anonymize_many(records, n_jobs=2))
    for record, result in zip(records, out):
        same(result, default_anonymizer.anonymize(record["text"], case_id=record["case_id"]))


def test_processes_isolate_failures_and_survive_a_dead_worker(monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_DOCUMENTS", 2)
    words = {"Morvan": "personnePhysique"}
    anon = judanon.Anonymizer(detectors=[FailsOn(SECRET, words), ExitsOn("EXIT", words)])
    texts = [f"{i} M. Morvan" for i in range(30)]
    texts[3] = f"{SECRET} Morvan"
    texts[9] = "EXIT Morvan"
    out = list(anon.anonymize_many(texts, n_jobs=2))
    assert len(out) == 30
    assert isinstance(out[3], judanon.DocumentError) and "fails-on" in out[3].reason
    assert isinstance(out[9], judanon.DocumentError) and "worker process died" in out[9].reason
    assert "this decision kills its worker" in out[9].reason
    # only the decision that kills its worker fails: the others of its chunk run again
    lost = [o for o in out if isinstance(o, judanon.DocumentError)]
    assert [o.id for o in lost] == [3, 9] and all(SECRET not in o.reason for o in lost)
    assert all("Morvan" not in o.text for o in out if isinstance(o, judanon.Result))


def test_a_changed_model_file_is_not_silently_used(tmp_path):
    import shutil

    from judanon.packs import load_profile

    model = tmp_path / "court.pt"
    shutil.copyfile(load_profile("fr").tagger, model)
    anon = judanon.Anonymizer(model=model)
    with open(model, "ab") as fh:
        fh.write(b"\0")
    payload = batch.dumps_anonymizer(anon)
    with pytest.raises(batch.WorkerSetupError, match="changed since"):
        batch.loads_anonymizer(payload)


def test_import_judanon_stays_light():
    import subprocess
    import sys

    code = ("import sys, judanon; judanon.Anonymizer; judanon.DocumentError; "
            "print(sorted(m for m in ('torch', 'flair', 'dask', 'tqdm', 'distributed', 'cloudpickle') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


class _CountingWords(WordDetector):
    """A word detector that also offers ``detect_many`` and counts how it is called."""

    def __init__(self, words):
        super().__init__(words)
        self.single_calls = 0
        self.many_calls = 0

    def detect(self, text):
        self.single_calls += 1
        return list(super().detect(text))

    def detect_many(self, texts):
        self.many_calls += 1
        return [list(WordDetector.detect(self, t)) for t in texts]


def test_batching_serves_texts_whose_normalized_view_differs():
    # "\r\n", a zero-width space and a decomposed accent: detectors read the normalized
    # view, and the batch must have prefetched exactly that view
    detector = _CountingWords({"Morvan": "personnePhysique"})
    anon = judanon.Anonymizer(detectors=[detector])
    texts = ["M. Morvan\r\nest venu.", "Mme Mor\u200bvan a signé.", "M. Morvan, ne\u0301 le 3 mai."]
    results = list(anon.anonymize_many(texts))
    assert detector.many_calls == 1 and detector.single_calls == 0
    assert [len([e for e in r.entities if e.replacement]) for r in results] == [1, 1, 1]


def test_workers_are_forked_from_a_single_threaded_caller_on_linux(monkeypatch):
    import sys
    import threading

    monkeypatch.setattr(batch, "START_METHOD", None)
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        assert batch.start_method() == "fork"
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        # another thread might hold a lock at fork time: spawn
        assert batch.start_method() == "spawn"
    finally:
        stop.set()
        helper.join()
    monkeypatch.setattr(batch, "START_METHOD", "spawn")
    assert batch.start_method() == "spawn"


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_forked_and_spawned_workers_give_the_same_results(monkeypatch, method):
    import multiprocessing

    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} on this platform")
    monkeypatch.setattr(batch, "START_METHOD", method)
    monkeypatch.setattr(batch, "CHUNK_DOCUMENTS", 2)
    anon = judanon.Anonymizer(detectors=[WordDetector({"Morvan": "personnePhysique", "Quimper": "localite"})])
    texts = [f"{i}: M. Morvan habite Quimper." for i in range(10)]
    out = list(anon.anonymize_many(texts, n_jobs=2))
    for text, result in zip(texts, out):
        same(result, anon.anonymize(text))
