import json

import pytest

import judanon
from judanon.errors import GoldFormatError
from judanon.packs import load_profile
from judanon.evaluation import OVERALL, evaluate, format_report, read_gold, with_unseen_names
from word_detector import WordDetector


def Words(words):
    return WordDetector(words, score=1.0)


TEXT = "M. Goulven Le Meur, né à [Localité 1], demeurant 3 rue Kéréon, Me Bleunven. Juge Plouzané."


def mention(text, surface, label):
    start = TEXT.index(surface)
    return {"start": start, "end": start + len(surface), "label": label, "text": surface}


@pytest.fixture
def gold_file(tmp_path):
    doc = {
        "id": "d1", "documentNumber": 1, "source": "jurica",
        "categoriesToOmit": ["professionnelMagistratGreffier"],
        "text": TEXT,
        "entities": [
            mention(TEXT, "Goulven", "personnePhysique"),
            mention(TEXT, "Le Meur", "personnePhysique"),
            mention(TEXT, "3 rue Kéréon", "adresse"),
            mention(TEXT, "Bleunven", "professionnelAvocat"),
            mention(TEXT, "Plouzané", "professionnelMagistratGreffier"),
            {"start": TEXT.index("Localité"), "end": TEXT.index("Localité") + 8, "label": "localite"},
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_figures_on_a_small_gold(gold_file):
    # finds the first name and the judge (masked since keep_visible=()), misses "Le Meur",
    # types the address as a town.
    det = Words({"Goulven": "personnePhysique", "3 rue Kéréon": "localite", "Plouzané": "personnePhysique",
                 "Bleunven": "professionnelAvocat"})
    report = evaluate(str(gold_file), judanon.Anonymizer(detectors=[det], keep_visible=()))
    allc = report.overall()
    # must hide: Goulven, Le Meur, 3 rue Kéréon (the marker and the judge and the lawyer do not count)
    assert (allc.hide_covered, allc.hide_total) == (2, 3)
    # masked: Goulven (ok), 3 rue Kéréon (ok, any label), Plouzané (a magistrate to leave visible)
    assert (allc.masked_touching, allc.masked_total) == (2, 3)
    # typed: Goulven and Bleunven exact; 6 gold, 4 predicted
    assert (allc.exact, allc.gold, allc.pred) == (2, 6, 4)
    assert allc.f1 == pytest.approx(2 * (2 / 4) * (2 / 6) / ((2 / 4) + (2 / 6)))
    assert report.overall("personnePhysique").leak_recall == 0.5
    assert set(report.groups) == {OVERALL, "jurica"}
    table = format_report(report, by="source")
    assert "leak rec" in table and "source: jurica" in table


def test_typed_figures_leave_out_omitted_categories_the_gold_does_not_annotate(tmp_path):
    # Both decisions omit birth dates and magistrates. The gold annotates the omitted
    # magistrate but no omitted birth date: a predicted date cannot be judged, a
    # predicted magistrate can.
    text = "M. Goulven, né le 3 mai 1970. Juge Plouzané."
    def at(surface, label):
        start = text.index(surface)
        return {"start": start, "end": start + len(surface), "label": label}
    omit = ["dateNaissance", "professionnelMagistratGreffier"]
    docs = [{"id": "a", "text": text, "categoriesToOmit": omit,
             "entities": [at("Goulven", "personnePhysique"), at("Plouzané", "professionnelMagistratGreffier")]},
            {"id": "b", "text": text, "categoriesToOmit": omit, "entities": [at("Goulven", "personnePhysique")]}]
    path = tmp_path / "g.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    det = Words({"Goulven": "personnePhysique", "3 mai": "dateNaissance", "Plouzané": "professionnelMagistratGreffier"})
    report = evaluate(str(path), judanon.Anonymizer(detectors=[det]))
    dates, judges = report.overall("dateNaissance"), report.overall("professionnelMagistratGreffier")
    assert (dates.pred, dates.unscored) == (0, 2)
    assert (judges.pred, judges.exact, judges.gold, judges.unscored) == (2, 1, 1, 0)  # b's judge: an error
    assert (report.overall().pred, report.overall().exact) == (4, 3)
    assert "2 predicted entities lie in categories" in format_report(report)


def test_reports_combine_by_adding_counts(gold_file):
    from judanon.evaluation import combine

    det = Words({"Goulven": "personnePhysique", "3 rue Kéréon": "localite"})
    one = evaluate(str(gold_file), judanon.Anonymizer(detectors=[det]))
    both = combine([one, one])
    assert (both.documents, both.characters) == (2, 2 * one.characters)
    for field in ("hide_total", "hide_covered", "masked_total", "exact", "gold", "pred"):
        assert getattr(both.overall(), field) == 2 * getattr(one.overall(), field)
    assert both.overall().f1 == one.overall().f1
    assert set(both.groups) == set(one.groups)


def test_bad_gold_files(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "abc"}\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match="bad.jsonl:1"):
        read_gold(str(bad))
    bad.write_text('{"text": "abc", "entities": [{"start": 2, "end": 9, "label": "x"}]}\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match="outside"):
        read_gold(str(bad))


def test_cli_evaluate_json(gold_file, capsys):
    from judanon import cli

    assert cli.main(["evaluate", str(gold_file), "--no-neural", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == 1
    assert data["groups"][OVERALL][OVERALL]["hide_total"] == 3


def test_unseen_names_rewrite_persons_and_towns_and_move_offsets(tmp_path):
    text = "M. Yves LE GALL, demeurant 3 rue Kéréon 29200 Saint-Renan. M. Le Gall et Me Abgrall."
    def at(surface, label, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        return {"start": start, "end": start + len(surface), "label": label}
    doc = {"id": "d", "text": text, "categoriesToOmit": [], "entities": [
        at("Yves", "personnePhysique"), at("LE GALL", "personnePhysique"),
        at("3 rue Kéréon", "adresse"), at("29200 Saint-Renan", "localite"),
        at("Le Gall", "personnePhysique"), at("Abgrall", "professionnelAvocat")]}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    original, = read_gold(str(path))
    fr = load_profile("fr")
    new, = with_unseen_names([original], seed=3, sounds=fr.name_sounds, kept_words=fr.name_frame_words)
    surfaces = [new.text[m.start:m.end] for m in new.mentions]
    assert [m.label for m in new.mentions] == [m.label for m in original.mentions]
    assert surfaces[2] == "3 rue Kéréon" and surfaces[5] == "Abgrall"  # other labels untouched
    assert surfaces[0] != "Yves" and surfaces[1].isupper() and surfaces[1] != "LE GALL"
    assert surfaces[1].split()[0] == "LE"  # the particle stays
    assert surfaces[3].startswith("29200 Saint-") and surfaces[3] != "29200 Saint-Renan"
    # one word, one invented name, within the decision
    assert surfaces[4].split()[1].lower() == surfaces[1].split()[1].lower()
    assert with_unseen_names([original], seed=3, sounds=fr.name_sounds, kept_words=fr.name_frame_words) == [new]
    # without a language's words, every capitalized word is invented, from plain syllables
    bare, = with_unseen_names([original], seed=3)
    assert bare.text[bare.mentions[1].start:bare.mentions[1].end].split()[0] != "LE"


def test_cli_evaluate_unseen_names(gold_file, capsys):
    from judanon import cli

    assert cli.main(["evaluate", str(gold_file), "--no-neural", "--json", "--unseen-names"]) == 0
    assert json.loads(capsys.readouterr().out)["groups"][OVERALL][OVERALL]["hide_total"] == 3


def test_cli_evaluate_missing_file(tmp_path, capsys):
    from judanon import cli

    assert cli.main(["evaluate", str(tmp_path / "none.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_report_of_no_decision_formats_without_error(tmp_path):
    from judanon.evaluation import evaluate, format_report

    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    report = evaluate(str(empty), judanon.Anonymizer(detectors=[]))
    assert report.documents == 0
    assert format_report(report).startswith("0 decisions")


def test_a_gold_only_category_omitted_by_the_gold_is_left_out(tmp_path, capsys):
    # ``date`` is a label of partner corpora the library has no category for: omitted by
    # the gold, it is neither a leak nor an error, and the command does not fail on it
    from judanon import cli

    text = "Pan Zbigniew Wąchocki podpisał umowę 3 maja 2001 r."
    start = text.index("3 maja")
    doc = {"id": "p1", "text": text, "categoriesToOmit": ["personneMorale", "date"],
           "entities": [{"start": start, "end": start + 11, "label": "date"}]}
    path = tmp_path / "pl.jsonl"
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    assert cli.main(["evaluate", str(path), "--profile", "pl", "--no-neural", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["groups"][OVERALL]["date"]["hide_total"] == 0
