"""judanon.batch.dask on a real two-worker LocalCluster (worker processes)."""

import json

import pytest

import judanon

db = pytest.importorskip("dask.bag", reason="the dask extra is not installed")
distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

import judanon.batch.dask as jd  # noqa: E402

KEY = b"k" * 32
RECORDS = [
    {"id": "a", "text": "M. Thibault MORVAN, né le 3 juillet 1969, demeurant 14 bis, rue des Tanneurs 44000 Nantes.",
     "case_id": "RG 24/1"},
    # the same case in the same partition: its decisions share letters (one worker's memory)
    {"id": "e", "text": "Mme Gwenaëlle KERBRAT a formé un pourvoi.", "case_id": "RG 24/1",
     "parties": ["Gwenaëlle Kerbrat"]},
    {"id": "b", "text": "Mme Gwenaëlle KERBRAT, née le 12 mars 1975, et M. Thibault MORVAN.", "case_id": "RG 24/2"},
    {"id": "c", "text": "M. Yannick PRIGENT, demeurant à Brest.", "omit": ["localite"]},
    {"id": "d", "text": 12},
    {"id": "f", "text": "M. MORVAN, gérant."},
]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_bag_on_two_workers_matches_the_local_anonymizer(client):
    bag = db.from_sequence(RECORDS, npartitions=3)
    results = jd.anonymize_bag(bag, neural=False, audit_key=KEY).compute()
    assert [r["id"] for r in results] == ["a", "e", "b", "c", "d", "f"]
    local = judanon.Anonymizer(neural=False, audit_key=KEY)
    expected = list(local.anonymize_many(RECORDS))
    for record, got, want in zip(RECORDS, results, expected):
        assert set(got) == {"id", "text", "audit", "error"}
        if isinstance(want, judanon.DocumentError):
            assert got["text"] is None and got["audit"] is None and got["error"] == want.reason
            continue
        assert got["error"] is None and got["text"] == want.text
        trail = judanon.AuditTrail.from_json(got["audit"])
        # keyed hashes and case_id letters agree with a local run, whatever the worker
        # (each version's time stamp aside)
        assert trail.entities == want.audit.entities and trail.doubts == want.audit.doubts
        assert trail.configuration == want.audit.configuration and trail.verify(KEY)
    assert "MORVAN" not in results[0]["text"] and "Brest" in results[3]["text"]
    # partitions ran on both workers, and each built its Anonymizer once
    built = client.run(lambda: len(__import__("judanon.batch.dask").batch.dask._CACHE))
    assert len(built) == 2 and sum(built.values()) >= 1 and max(built.values()) == 1


def test_one_random_key_is_shared_by_all_workers(client):
    same_name = [{"id": i, "text": "M. Thibault MORVAN est venu."} for i in range(4)]
    results = jd.anonymize_bag(db.from_sequence(same_name, npartitions=4), neural=False).compute()
    hashes = {json.loads(r["audit"])["entities"][0]["surface_hash"] for r in results}
    assert len(hashes) == 1


def test_write_results_jsonl_and_parquet(client, tmp_path):
    results = jd.anonymize_bag(db.from_sequence(RECORDS, npartitions=2), neural=False, audit_key=KEY)
    files = jd.write_results(results, str(tmp_path / "jsonl"))
    assert [f.rsplit("/", 1)[1] for f in files] == ["part-00000.jsonl", "part-00001.jsonl"]
    lines = [json.loads(line) for f in files for line in open(f, encoding="utf-8")]
    assert [r["id"] for r in lines] == [r["id"] for r in RECORDS]

    pq = pytest.importorskip("pyarrow.parquet")
    files = jd.write_results(results, str(tmp_path / "parquet"), format="parquet")
    table = pq.read_table(str(tmp_path / "parquet"))
    assert table.column_names == ["id", "text", "audit", "error"]
    rows = table.to_pylist()
    assert sorted(r["id"] for r in rows) == ["a", "b", "c", "d", "e", "f"]
    assert next(r for r in rows if r["id"] == "d")["error"] and all(
        "KERBRAT" not in (r["text"] or "") for r in rows)


def test_options_are_checked_on_the_client():
    bag = db.from_sequence(RECORDS[:1])
    with pytest.raises(TypeError, match="unknown Anonymizer option"):
        jd.anonymize_bag(bag, nueral=False)
    with pytest.raises(TypeError, match="not detector objects"):
        jd.anonymize_bag(bag, detectors=[])
    with pytest.raises(ValueError, match="format"):
        jd.write_results(bag, "x", format="csv")
