"""Faults in batch runs: workers that die, a parent that dies, disks that fill, Ctrl-C.

Each case checks that every input comes back exactly once (a result or a named error),
that no published text exists without its audit trail, and that no output file looks
complete unless it is. Detectors here are light (word lists), so workers start at once.
"""

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

import judanon
from judanon import cli
from judanon.batch import corpus, files
from judanon.batch import runner as batch
from judanon.batch.pool import MAX_DEATHS_ALONE, WorkerPool
from judanon.batch.records import chunks, to_job
from word_detector import WordDetector
from support import ROOT

WORDS = {"Morvan": "personnePhysique", "Quimper": "localite"}
KEY = b"the audit key of the fault tests"


def records(n, marker_at=(), marker="BOOM"):
    return [{"id": f"d{i}", "text": f"{marker if i in marker_at else i}: M. Morvan habite Quimper."}
            for i in range(n)]


def each_once(recs, outcomes):
    """Every record comes back exactly once, in its place: a Result or its own named error."""
    assert len(outcomes) == len(recs)
    for record, outcome in zip(recs, outcomes):
        if isinstance(outcome, judanon.DocumentError):
            assert outcome.id == record["id"] and outcome.reason
        else:
            assert isinstance(outcome, judanon.Result) and "Morvan" not in outcome.text


def failed(outcomes):
    return [o.id for o in outcomes if isinstance(o, judanon.DocumentError)]


class KillsOnce(WordDetector):
    """Its worker is killed (SIGKILL, as by the out-of-memory killer) the first time it
    sees ``marker``; a flag file remembers across processes that it happened."""

    def __init__(self, flag, marker="BOOM"):
        super().__init__(WORDS)
        self.flag, self.marker = str(flag), marker

    def detect(self, text):
        if self.marker in text and not os.path.exists(self.flag):
            open(self.flag, "w").close()
            os.kill(os.getpid(), signal.SIGKILL)
        return list(super().detect(text))


class EndsItsProcess(WordDetector):
    """A detector that ends the process running it on ``marker`` (``os._exit``), every time."""

    def __init__(self, marker="BOOM"):
        super().__init__(WORDS)
        self.marker = marker

    def detect(self, text):
        if self.marker in text:
            os._exit(3)
        return list(super().detect(text))


class Raises(WordDetector):
    def detect(self, text):
        if "BOOM" in text:
            raise ValueError(f"cannot read {text!r}")
        return list(super().detect(text))


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_DOCUMENTS", 4)
    monkeypatch.setattr(batch, "START_METHOD", "fork")


# --- workers that die ----------------------------------------------------------------

def test_a_worker_killed_while_idle_is_replaced_and_nothing_is_lost():
    anon = judanon.Anonymizer(detectors=[WordDetector(WORDS)], audit_key=KEY)
    recs = records(30)
    pool = WorkerPool(anon, 2, "fork").start()
    pool.wait_ready()
    victim = pool.workers[0].process
    os.kill(victim.pid, signal.SIGKILL)
    victim.join()
    out = list(pool.run(chunks((to_job(r, i) for i, r in enumerate(recs)), 4, 10**6)))
    each_once(recs, out)
    assert failed(out) == []
    assert [o.text for o in out] == [anon.anonymize(r["text"]).text for r in recs]


def test_a_worker_killed_between_chunks_costs_nothing(small_chunks):
    import multiprocessing

    anon = judanon.Anonymizer(detectors=[WordDetector(WORDS)], audit_key=KEY)
    recs = records(60)

    def source():
        for i, record in enumerate(recs):
            if i == 30:  # the caller reads its input while workers wait or work
                os.kill(multiprocessing.active_children()[0].pid, signal.SIGKILL)
            yield record

    out = list(anon.anonymize_many(source(), n_jobs=2))
    each_once(recs, out)
    assert failed(out) == []


def test_a_worker_killed_mid_chunk_costs_nothing(small_chunks, tmp_path):
    anon = judanon.Anonymizer(detectors=[KillsOnce(tmp_path / "killed")], audit_key=KEY)
    recs = records(40, marker_at={13})
    out = list(anon.anonymize_many(recs, n_jobs=2))
    assert (tmp_path / "killed").exists()  # a worker did die, holding d12-d15
    each_once(recs, out)
    assert failed(out) == []  # its chunk ran again, one decision at a time
    clean = judanon.Anonymizer(detectors=[WordDetector(WORDS)], audit_key=KEY)
    assert [o.text for o in out] == [clean.anonymize(r["text"]).text for r in recs]


@pytest.mark.parametrize("n", [60, 300])
def test_only_the_decision_that_kills_its_worker_fails_and_it_is_named(small_chunks, n):
    anon = judanon.Anonymizer(detectors=[EndsItsProcess()], audit_key=KEY)
    recs = records(n, marker_at={7})
    out = list(anon.anonymize_many(recs, n_jobs=2))
    each_once(recs, out)
    assert failed(out) == ["d7"]
    reason = out[7].reason
    assert "this decision kills its worker" in reason and "exit code 3" in reason
    assert f"{MAX_DEATHS_ALONE} times" in reason and "BOOM" not in reason


def test_an_exception_in_a_detector_fails_only_its_decision_in_workers(small_chunks):
    anon = judanon.Anonymizer(detectors=[Raises(WORDS)], audit_key=KEY)
    recs = records(20, marker_at={5})
    out = list(anon.anonymize_many(recs, n_jobs=2))
    each_once(recs, out)
    assert failed(out) == ["d5"] and "detector 'words' failed (ValueError)" in out[5].reason
    assert "BOOM" not in out[5].reason


def test_leaving_a_run_early_stops_the_workers(small_chunks):
    import multiprocessing

    anon = judanon.Anonymizer(detectors=[WordDetector(WORDS)], audit_key=KEY)
    outcomes = anon.anonymize_many(records(40), n_jobs=2, progress=True)
    next(outcomes)
    assert len(multiprocessing.active_children()) == 2
    outcomes.close()
    assert multiprocessing.active_children() == []


PARENT = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, {tests!r})
    import judanon
    from judanon.batch import runner, workers
    from word_detector import WordDetector

    if {watchdog!r}:
        workers._PR_SET_PDEATHSIG = -1  # an option prctl refuses: the watchdog thread takes over

    class Blocks(WordDetector):
        def detect(self, text):
            time.sleep(3600)

    def source():
        import multiprocessing
        for i in range(100):
            if i == 1:
                print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
            yield f"M. Morvan {{i}}"

    runner.START_METHOD = "fork"
    runner.CHUNK_DOCUMENTS = 1
    for _ in judanon.Anonymizer(detectors=[Blocks({{"Morvan": "personnePhysique"}})]).anonymize_many(
            source(), n_jobs=2):
        pass
""")


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("watchdog", [False, True], ids=["parent-death-signal", "watchdog"])
def test_workers_end_with_their_parent(watchdog):
    parent = subprocess.Popen([sys.executable, "-c", PARENT.format(tests=str(ROOT / "tests"), watchdog=watchdog)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    pids = [int(p) for p in parent.stdout.readline().split()]
    assert len(pids) == 2 and all(_alive(p) for p in pids)
    parent.kill()
    parent.wait()
    # not a time limit: the loop only keeps a broken build from hanging the suite
    for _ in range(600):
        if not any(_alive(p) for p in pids):
            break
        time.sleep(0.05)
    assert not any(_alive(p) for p in pids), "workers outlived their parent"
    parent.stdout.close()
    parent.stderr.close()


# --- outputs -------------------------------------------------------------------------

@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(10):
        # later decisions are longer: their audit trails are larger
        (src / f"d{i:02d}.txt").write_text(f"M. Thibault MORVAN, demeurant à Quimper. {i}\n" * (1 + 3 * i),
                                           encoding="utf-8")
    return src


@pytest.fixture
def key_file(tmp_path):
    path = tmp_path / "audit.key"
    path.write_bytes(KEY)
    return path


def pairs_are_whole(out):
    """Every published text has its audit trail (complete JSON); no temporary file is left."""
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if n.endswith(files.TEMP_SUFFIX)], names
    texts = [n for n in names if n.endswith(".txt")]
    for name in texts:
        audit = out / name.replace(".txt", ".audit.json")
        assert audit.exists(), f"{name} published without its audit"
        judanon.AuditTrail.from_json(audit.read_text(encoding="utf-8"))
    return texts


def test_an_unwritable_out_is_found_before_anything_loads(folder, tmp_path, monkeypatch, capsys):
    def no_loading(*args, **kw):
        raise AssertionError("the Anonymizer was built")

    monkeypatch.setattr(cli, "_anonymizer", no_loading)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for argv in ([str(folder), "--out", str(blocker / "out")],
                 ["--jsonl", str(tmp_path / "in.jsonl"), "--out", str(blocker / "out.jsonl")]):
        (tmp_path / "in.jsonl").write_text(json.dumps({"text": "M. Morvan"}) + "\n")
        assert cli.main(["anonymize", *argv, "--no-neural"]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "--out" in err[0] and "cannot write there" in err[0]


class FullDisk:
    """``os.fdopen`` whose files take ``budget`` characters in all, then fail as a full
    disk does (ENOSPC), after writing what still fits."""

    def __init__(self, budget):
        self.budget = budget
        self.real = os.fdopen

    def __call__(self, fd, *args, **kw):
        return _Filling(self, self.real(fd, *args, **kw))


class _Filling:
    def __init__(self, disk, fh):
        self.disk, self.fh = disk, fh

    def write(self, s):
        self.fh.write(s[:max(0, self.disk.budget)])
        self.disk.budget -= len(s)
        if self.disk.budget < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return len(s)

    def close(self):
        self.fh.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fh.close()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_disk_never_publishes_a_text_without_its_audit(folder, tmp_path, key_file, monkeypatch,
                                                              capsys, jobs):
    out = tmp_path / "out"
    monkeypatch.setattr(files.os, "fdopen", FullDisk(budget=20_000))
    code = cli.main(["anonymize", str(folder), "--out", str(out), "--no-neural", "--jobs", jobs,
                     "--key-file", str(key_file)])
    assert code == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "No space left on device" in err[0] and str(out) in err[0]
    written = pairs_are_whole(out)
    assert 0 < len(written) < 10
    assert f"{len(written)} of 10 decisions written into {out}; output incomplete" in err[0]
    assert "Traceback" not in err[0]


def test_a_full_disk_leaves_the_previous_jsonl_output_whole(tmp_path, key_file, monkeypatch, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": "M. Thibault MORVAN, à Quimper.\n" * 20}) + "\n"
                           for i in range(30)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("the previous, complete output\n")
    monkeypatch.setattr(files.os, "fdopen", FullDisk(budget=50_000))
    code = cli.main(["anonymize", "--jsonl", str(src), "--out", str(out), "--no-neural",
                     "--key-file", str(key_file)])
    assert code == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"cannot write {out}: No space left on device" in err[0]
    assert f"0 of 30 decisions written into {out}; output incomplete ({out} was left as it was)" in err[0]
    assert out.read_text() == "the previous, complete output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["audit.key", "in.jsonl", "out.jsonl"]


FULL_DISK = textwrap.dedent("""
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
    resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
    from judanon import cli
    sys.exit(cli.main(sys.argv[1:]))
""")


@pytest.mark.parametrize("output", ["folder", "jsonl"])
def test_a_file_size_limit_in_a_real_process(folder, tmp_path, key_file, output):
    """The real write path under a real limit (RLIMIT_FSIZE), in a process of its own."""
    if output == "folder":
        out, argv = tmp_path / "out", [str(folder)]
    else:
        src = tmp_path / "in.jsonl"
        src.write_text("".join(json.dumps({"id": p.name, "text": p.read_text()}) + "\n"
                               for p in sorted(folder.iterdir())), encoding="utf-8")
        out, argv = tmp_path / "out.jsonl", ["--jsonl", str(src)]
        out.write_text("the previous, complete output\n")
    run = subprocess.run([sys.executable, "-c", FULL_DISK.format(limit=12_000), "anonymize", *argv,
                          "--out", str(out), "--no-neural", "--key-file", str(key_file)],
                         capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"})
    assert run.returncode == 3, run.stderr
    err = run.stderr.strip().splitlines()[-1]
    assert "File too large" in err and "output incomplete" in err and "Traceback" not in run.stderr
    if output == "folder":
        assert 0 < len(pairs_are_whole(out)) < 10
    else:
        assert out.read_text() == "the previous, complete output\n"
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(files.TEMP_SUFFIX)]


def _interrupt_after(monkeypatch, name, n):
    real = getattr(corpus, name)

    def interrupted(*args, **kw):
        for i, record in enumerate(real(*args, **kw)):
            if i == n:
                raise KeyboardInterrupt
            yield record

    monkeypatch.setattr(corpus, name, interrupted)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_keeps_the_previous_jsonl_output_and_says_so(tmp_path, key_file, monkeypatch, capsys, jobs):
    import multiprocessing

    monkeypatch.setattr(batch, "CHUNK_DOCUMENTS", 2)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": "M. Thibault MORVAN."}) + "\n" for i in range(20)))
    out = tmp_path / "out.jsonl"
    out.write_text("the previous, complete output\n")
    _interrupt_after(monkeypatch, "jsonl_records", 9)
    code = cli.main(["anonymize", "--jsonl", str(src), "--out", str(out), "--no-neural", "--jobs", jobs,
                     "--key-file", str(key_file)])
    assert code == 130
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"judanon: interrupted; 0 of 20 decisions written into {out}; output incomplete "
                   f"({out} was left as it was)"]
    assert out.read_text() == "the previous, complete output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["audit.key", "in.jsonl", "out.jsonl"]
    assert multiprocessing.active_children() == []


def test_skip_existing_resumes_an_interrupted_folder_run(folder, tmp_path, key_file, monkeypatch, capsys):
    monkeypatch.setattr(batch, "CHUNK_DOCUMENTS", 2)
    out = tmp_path / "out"
    argv = ["anonymize", str(folder), "--out", str(out), "--no-neural", "--key-file", str(key_file)]
    with monkeypatch.context() as m:
        _interrupt_after(m, "file_records", 4)
        assert cli.main(argv) == 130
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == (f"judanon: interrupted; 4 of 10 decisions written into {out}; output incomplete "
                       "(run again with --skip-existing to resume)")
    first = {name: (out / name).read_bytes() for name in pairs_are_whole(out)}
    assert len(first) == 4
    assert cli.main(argv + ["--skip-existing"]) == 0
    assert f"6 document(s) pseudonymized into {out} (4 already there, skipped)" in capsys.readouterr().err
    assert len(pairs_are_whole(out)) == 10
    assert all((out / name).read_bytes() == data for name, data in first.items())


def test_a_killed_jsonl_run_leaves_no_file_that_looks_complete(tmp_path):
    script = textwrap.dedent("""
        import sys, time
        sys.path.insert(0, {tests!r})
        import judanon
        from judanon import cli
        from word_detector import WordDetector

        class Slow(WordDetector):
            def detect(self, text):
                time.sleep(0.02)
                return list(super().detect(text))

        cli._anonymizer = lambda args, **kw: judanon.Anonymizer(detectors=[Slow({{"MORVAN": "personnePhysique"}})])
        sys.exit(cli.main(sys.argv[1:]))
    """).format(tests=str(ROOT / "tests"))
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": "M. Thibault MORVAN. " * 50}) + "\n" for i in range(5000)))
    out = tmp_path / "out.jsonl"
    out.write_text("the previous, complete output\n")
    run = subprocess.Popen([sys.executable, "-c", script, "anonymize", "--jsonl", str(src), "--out", str(out)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        for _ in range(6000):  # until results reach the disk
            temps = [p for p in tmp_path.iterdir() if p.name.endswith(files.TEMP_SUFFIX)]
            if temps and temps[0].stat().st_size > 0:
                break
            time.sleep(0.05)
        run.kill()
    finally:
        run.wait()
    assert out.read_text() == "the previous, complete output\n"
    (temp,) = [p for p in tmp_path.iterdir() if p.name.endswith(files.TEMP_SUFFIX)]
    # what was written lies under a hidden temporary name, readable by its owner only
    assert temp.name.startswith(".out.jsonl.") and temp.stat().st_mode & 0o777 == 0o600
