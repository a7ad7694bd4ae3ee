"""What an outsider holding the library's outputs can learn, and what must keep holding.

Each test plays the attacker of one point of the security review (docs/security.md):
a name list tested against a digest, surrogates drawn again, a chain rewritten, a short
key, list entries in the trail, tokens shared by two people, a mapping on another
decision, a strategy's exception, a repr, files written through a link, a lax schema.
"""

import hashlib
import json
import os
import pickle
import stat

import pytest

import judanon
from judanon import cli
from judanon.audit.check import check_trail
from judanon.errors import AnonymizationError, ArgumentError, AuditError, AuditFormatError
from judanon.replace.strategies import KeyedToken, Redact, Surrogate
from word_detector import WordDetector

KEY = b"an audit key of thirty-two bytes"
TEXT = "M. Tanguy MORVAN, joignable au 06 12 34 56 78, demeurant à Quimper.\nM. Morvan a signé.\n"
WORDS = {"Tanguy": "personnePhysique", "MORVAN": "personnePhysique", "Morvan": "personnePhysique",
         "06 12 34 56 78": "telephoneFax", "Quimper": "localite"}
#: What an attacker tries: a list of surnames (a real attack uses 200,000).
GUESSES = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "MORVAN", "RICHARD", "PETIT"]


def anonymizer(**kw):
    kw.setdefault("audit_key", KEY)
    return judanon.Anonymizer(detectors=[WordDetector(WORDS)], **kw)


@pytest.fixture(scope="module")
def result():
    return anonymizer().anonymize(TEXT)


def _guesses_of(result, surname_start, surname_end):
    """The original as an attacker rebuilds it from the published text, for each guess."""
    for guess in GUESSES:
        yield guess, TEXT[:surname_start] + guess + TEXT[surname_end:]


# --- 1. digests of the original --------------------------------------------------------

def test_a_guessed_name_cannot_be_tested_against_the_trail(result):
    morvan = next(e for e in result.entities if e.text == "MORVAN")
    published = json.dumps(result.audit.to_dict()) + result.audit.summary() + result.audit._repr_html_()
    confirmed = [guess for guess, original in _guesses_of(result, morvan.start, morvan.end)
                 if hashlib.sha256(original.encode()).hexdigest()[:12] in published]
    assert confirmed == []
    assert hashlib.sha256(TEXT.encode()).hexdigest()[:12] not in published


def test_letters_of_a_decision_without_case_id_are_not_drawn_from_a_digest_of_its_text():
    # an attacker who can redo the shuffle from a guess of the text can test the guess
    first = anonymizer(audit_key=b"one key of at least sixteen bytes").anonymize(TEXT).text
    second = anonymizer(audit_key=b"another key, sixteen bytes or so").anonymize(TEXT).text
    assert {anonymizer(audit_key=b"one key of at least sixteen bytes").anonymize(TEXT).text} == {first}
    assert first != second


# --- 2. surrogates ------------------------------------------------------------------

def test_surrogates_cannot_be_drawn_again_by_someone_else():
    victim = anonymizer(strategy=Surrogate()).anonymize(TEXT, case_id="RG 24/1")
    attacker = anonymizer(strategy=Surrogate()).anonymize(TEXT, case_id="RG 24/1")
    phone = [e.replacement for e in victim.entities if e.label == "telephoneFax"]
    assert phone and phone[0] not in attacker.text
    assert dict(victim.audit.configuration)["strategy"] == "Surrogate(seed=random)"
    secret = anonymizer(strategy=Surrogate(seed=b"a court's own secret seed")).anonymize(TEXT, case_id="RG 24/1")
    assert dict(secret.audit.configuration)["strategy"] == "Surrogate(seed=secret)"
    assert "secret seed" not in secret.audit.to_json() and "secret seed" not in repr(Surrogate(seed=b"x" * 16))


@pytest.mark.parametrize("seed", [b"", "", b"short", "fifteen bytes.."])
def test_a_surrogate_seed_is_a_secret_of_16_bytes_or_more(seed):
    with pytest.raises(ArgumentError, match="at least 16"):
        Surrogate(seed=seed)


# --- 3. the chain -------------------------------------------------------------------

def _rehash(trail_json):
    """What an attacker does after editing a trail: every digest recomputed with the
    public function (plain SHA-256 of the canonical JSON, as judanon 0.1 did)."""
    d = json.loads(trail_json)
    canonical = lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    header = {k: v for k, v in d.items() if k not in ("entities", "doubts", "revisions")}
    previous = ""
    for rev in d["revisions"]:
        rev["previous"] = previous
        rev.pop("digest")
        payload = {"revision": rev, **({"header": header} if rev["number"] == 0 else {})}
        rev["digest"] = previous = hashlib.sha256(canonical(payload)).hexdigest()
    return json.dumps(d)


def _visible_again(trail_json):
    """The edit: a replaced name marked as left visible, in the whole history."""
    d = json.loads(trail_json)
    for records in [d["entities"]] + [r["after"] for r in d["revisions"]]:
        for r in records:
            if r["category"] == "personnePhysique":
                r.update(decision="visible", reason="omitted", replacement=None)
    canonical = lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    d["revisions"][-1]["entities_sha256"] = hashlib.sha256(canonical(d["entities"])).hexdigest()
    return json.dumps(d)


def test_a_rewritten_chain_does_not_verify(result):
    forged = judanon.AuditTrail.from_json(_rehash(_visible_again(result.audit.to_json())))
    with pytest.raises(AuditError, match="edited"):
        forged.verify(KEY)
    assert [p.kind for p in check_trail(forged, KEY)] == ["chain"]
    assert result.audit.verify(KEY)


def test_a_trail_verifies_only_with_its_key(result):
    with pytest.raises(AuditError, match="audit key"):
        result.audit.verify()
    with pytest.raises(AuditError, match="not the key"):
        result.audit.verify(b"some other key, sixteen bytes+")


def test_revisions_cut_from_the_end_show_against_the_head(result):
    reviewed = result.review(reject=[result.entities[0].id], reviewer="A")
    head = reviewed.audit.head
    assert reviewed.audit.verify(KEY, expected_head=head)
    with pytest.raises(AuditError, match="expected head"):
        result.audit.verify(KEY, expected_head=head)  # the version before the review


def test_judanon_check_verifies_the_chain_and_refuses_a_downgraded_trail(result, tmp_path, capsys):
    key = tmp_path / "audit.key"
    key.write_bytes(KEY)
    published, original = tmp_path / "published.txt", tmp_path / "original.txt"
    published.write_text(result.text)
    original.write_text(TEXT)
    stripped = json.loads(result.audit.to_json())
    for field in ("revisions", "doubts", "input_hmac", "key_id"):
        stripped.pop(field)
    stripped.update(schema_version=1, input_sha256=hashlib.sha256(TEXT.encode()).hexdigest())
    trails = {"good": result.audit.to_json(), "forged": _rehash(_visible_again(result.audit.to_json())),
              "schema-1": json.dumps(stripped)}
    codes = {}
    for name, content in trails.items():
        (tmp_path / f"{name}.json").write_text(content)
        codes[name] = cli.main(["check", str(published), "--audit", str(tmp_path / f"{name}.json"),
                                "--original", str(original), "--key-file", str(key)])
    out = capsys.readouterr().out
    assert codes == {"good": 0, "forged": 1, "schema-1": 1}
    assert "chain:" in out and "schema:" in out
    assert cli.main(["check", str(published), "--audit", str(tmp_path / "good.json"), "--original",
                     str(original)]) == 2
    assert "--key-file" in capsys.readouterr().err


# --- 4. keys ------------------------------------------------------------------------

@pytest.mark.parametrize("key", [b"", b"x", b"fifteen bytes.."])
def test_every_key_holds_16_bytes_or_more(result, key):
    with pytest.raises(ArgumentError, match="at least 16"):
        anonymizer(audit_key=key)
    with pytest.raises(ArgumentError, match="at least 16"):
        judanon.from_label({"text": "M. Morvan", "entities": []}, audit_key=key)
    with pytest.raises(ArgumentError, match="at least 16"):
        KeyedToken(key)
    with pytest.raises(ArgumentError, match="at least 16"):
        result.export_mapping(key)
    with pytest.raises(ArgumentError, match="at least 16"):
        result.audit.verify(key)


def test_a_short_key_file_is_refused(tmp_path, capsys):
    (tmp_path / "d.txt").write_text(TEXT)
    (tmp_path / "k").write_bytes(b"")
    assert cli.main(["anonymize", str(tmp_path / "d.txt"), "--no-neural", "--key-file", str(tmp_path / "k")]) == 2
    assert "at least 16" in capsys.readouterr().err


# --- 5. dictionary evidence -----------------------------------------------------------

def test_list_entries_stay_out_of_the_trail_whatever_the_spelling():
    names = judanon.DictionaryDetector(["Jean Pierre Kerbrat", "Dupontel"], fuzzy=True)
    text = "M. Jean-Pierre KERBRAT et M. Dupontell ont comparu. Jean Pierre Kerbrat a signé."
    trail = judanon.Anonymizer(detectors=[names], audit_key=KEY).anonymize(text).audit
    s = trail.to_json().lower()
    assert "kerbrat" not in s and "dupontel" not in s and "jean pierre" not in s
    details = {e.detail for r in trail.entities for e in r.evidence}
    assert details and all(d.startswith("entry:") for d in details)


# --- 6. keyed tokens ----------------------------------------------------------------------

def test_keyed_tokens_are_one_per_person_not_one_per_word():
    words = {"Jean": "personnePhysique", "Dupont": "personnePhysique", "Martin": "personnePhysique"}
    anon = judanon.Anonymizer(detectors=[WordDetector(words)], strategy=KeyedToken(b"a secret of 16 bytes"))
    r = anon.anonymize("M. Jean Dupont et M. Jean Martin. M. Dupont a signé.")
    jeans = [e.replacement for e in r.entities if e.text == "Jean"]
    assert len(jeans) == 2 and jeans[0] != jeans[1]  # two people who share a first name
    dupont = {e.replacement for e in r.entities if e.text in ("Dupont",)} | {jeans[0]}
    assert len(dupont) == 1  # Jean Dupont, and M. Dupont later, are one person
    assert all(len(t.split("-")[-1].rstrip("]")) >= 16 for t in jeans)
    with pytest.raises(ArgumentError, match="between 16 and 64"):
        KeyedToken(b"a secret of 16 bytes", length=8)


# --- 7. mappings ------------------------------------------------------------------------

def test_reidentify_checks_the_published_text_before_decrypting(result):
    mapping = result.export_mapping(KEY)
    try:
        judanon.reidentify(result.text + " ", mapping, KEY)
    except AuditError as exc:
        tb = exc.__traceback__
        while tb is not None:
            for value in tb.tb_frame.f_locals.values():
                assert "MORVAN" not in repr(value) and "Tanguy" not in repr(value)
            tb = tb.tb_next
    else:  # pragma: no cover
        pytest.fail("the mapping was applied to another text")


def test_two_decisions_with_the_same_published_text_cannot_swap_their_mappings():
    anon = judanon.Anonymizer(detectors=[WordDetector({"Morvan": "personnePhysique", "Kerbrat": "personnePhysique"})],
                              strategy=Redact(), audit_key=KEY)
    a, b = anon.anonymize("M. Morvan a signé."), anon.anonymize("M. Kerbrat a signé.")
    assert a.text == b.text
    map_a = a.export_mapping(KEY, decision_id="A")
    assert judanon.reidentify(a.text, map_a, KEY, decision_id="A") == "M. Morvan a signé."
    with pytest.raises(AuditError, match="decision id"):
        judanon.reidentify(b.text, map_a, KEY, decision_id="B")


# --- 8. strategies --------------------------------------------------------------------------

class Failing:
    """A strategy whose replacement raises an exception quoting the surface."""

    def start(self, seed):
        return self

    def begin(self, text):
        pass

    def replacement(self, mention):
        raise KeyError(mention.surface)


def test_a_failing_strategy_fails_the_decision_without_quoting_it():
    with pytest.raises(AnonymizationError) as caught:
        anonymizer(strategy=Failing()).anonymize(TEXT)
    assert "strategy" in str(caught.value) and "KeyError" in str(caught.value)
    assert "MORVAN" not in str(caught.value) and "Tanguy" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    (error,) = anonymizer(strategy=Failing()).anonymize_many([TEXT])
    assert isinstance(error, judanon.DocumentError) and "Tanguy" not in error.reason


# --- 9. representations ---------------------------------------------------------------------

def test_representations_leave_surfaces_and_keys_out(result):
    entity = next(e for e in result.entities if e.text == "MORVAN")
    shown = [repr(entity), repr(result), repr(result._context), repr(result.audit), repr(entity.evidence),
             repr(judanon.Span(0, 6, "personnePhysique", "list", evidence="MORVAN"))]
    for text in shown:
        assert "MORVAN" not in text and "Tanguy" not in text and "Quimper" not in text
        assert repr(KEY)[2:-1] not in text
    dumped = pickle.dumps(result)
    assert KEY not in dumped and TEXT.encode() not in dumped
    back = pickle.loads(dumped)
    assert back.text == result.text and back.audit == result.audit
    with pytest.raises(judanon.ReviewError, match="cannot be reviewed"):
        back.review(reject=[entity.id], reviewer="A")


# --- 10. files the command line writes ------------------------------------------------------

def _mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_batch_outputs_are_private_and_never_written_through_a_link(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(TEXT)
    (src / "b.txt").write_text(TEXT)
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim"
    victim.write_text("not to be touched")
    (out / "a.txt.part").symlink_to(victim)   # the temporary name judanon 0.1 used
    (out / "b.txt").symlink_to(victim)        # a link at the final name
    assert cli.main(["anonymize", str(src), "--out", str(out), "--no-neural"]) == 0
    assert victim.read_text() == "not to be touched"
    for name in ("a.txt", "a.audit.json", "b.txt", "b.audit.json"):
        assert not (out / name).is_symlink() and _mode(out / name) == 0o600
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"text": TEXT}) + "\n")
    assert cli.main(["anonymize", "--jsonl", str(records), "--out", str(tmp_path / "out.jsonl"), "--no-neural"]) == 0
    assert _mode(tmp_path / "out.jsonl") == 0o600


def test_json_output_says_it_holds_the_original_surfaces(capsys):
    with pytest.raises(SystemExit):
        cli.main(["anonymize", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "ORIGINAL surfaces (personal data)" in help_text


# --- 11. the schema -------------------------------------------------------------------------

@pytest.mark.parametrize("change", [
    lambda d: d.update(schema_version=True),
    lambda d: d.update(schema_version=2.0),
    lambda d: d.update(schema_version="3"),
    lambda d: d.update(configuration=["profile", "fr"]),
    lambda d: d.update(input_length="70"),
    lambda d: d["entities"][0].update(start=True),
    lambda d: d["entities"][0].update(evidence={"detector": "x"}),
    lambda d: d["revisions"][0].update(digest="not hex"),
    lambda d: d.update(surfaces=["MORVAN"]),
])
def test_the_schema_is_checked_strictly(result, change):
    d = json.loads(result.audit.to_json())
    change(d)
    with pytest.raises(AuditFormatError) as caught:
        judanon.AuditTrail.from_json(json.dumps(d))
    assert "MORVAN" not in str(caught.value)


# --- what holds ------------------------------------------------------------------------------

def test_what_held_still_holds(result, tmp_path):
    # mappings: a fresh salt and nonce per blob; no plaintext on a wrong key, a flipped bit, a cut
    mapping = result.export_mapping(KEY)
    assert result.export_mapping(KEY) != mapping
    flipped = bytearray(mapping)
    flipped[-3] ^= 1
    for blob, key in ((mapping, os.urandom(32)), (bytes(flipped), KEY), (mapping[:40], KEY)):
        with pytest.raises(AuditError) as caught:
            judanon.reidentify(result.text, blob, key)
        assert "MORVAN" not in str(caught.value) and "Tanguy" not in str(caught.value)
    # KeyedToken: an HMAC under the secret
    token = KeyedToken(b"a secret of 16 bytes").token("personnePhysique", "morvan")
    assert token == __import__("hmac").new(b"a secret of 16 bytes", b"personnePhysique\x00morvan",
                                           "sha256").hexdigest()[:len(token)]
    # a failing detector fails the decision without its text
    class Broken:
        def detect(self, text):
            raise ValueError(text)

    with pytest.raises(judanon.DetectorError) as caught:
        judanon.Anonymizer(detectors=[Broken()], audit_key=KEY).anonymize(TEXT)
    assert "MORVAN" not in str(caught.value)
    # the single audit file is readable by its owner only
    (tmp_path / "d.txt").write_text(TEXT)
    assert cli.main(["anonymize", str(tmp_path / "d.txt"), "--no-neural", "--audit", str(tmp_path / "a.json")]) == 0
    assert _mode(tmp_path / "a.json") == 0o600
