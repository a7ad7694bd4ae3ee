"""The pieces of ``python -m judanon.build.cross_validate`` on tiny data, with copies of
the shipped model standing for the fold models (training one takes minutes)."""

import json
import shutil

import pytest

from judanon.pipeline import neural_available

pytestmark = pytest.mark.skipif(not neural_available(), reason="needs the neural extra (flair)")

TEXTS = [
    "M. Jean Dupont, demeurant à Lyon, a saisi la cour.",
    "Mme Hélène Martin a formé un pourvoi contre l'arrêt.",
    "Le tribunal a entendu M. Paul Durand et Mme Marie Petit.",
    "Monsieur Karim Benali, né à Marseille, est intimé.",
    "La société X contre M. Lucas Bernard, appelant.",
    "Madame Chloé Moreau demande la réformation du jugement.",
]


def _line(text, number):
    entities = []
    for word in text.replace(",", " ").replace(".", " ").split():
        if word[:1].isupper() and word not in {"M", "Mme", "Le", "La", "Monsieur", "Madame", "X"} and len(word) > 2:
            start = text.index(word)
            entities.append({"start": start, "end": start + len(word), "label": "personnePhysique"})
    return json.dumps({"text": text, "entities": entities, "documentNumber": number, "id": number},
                      ensure_ascii=False) + "\n"


@pytest.fixture
def data(tmp_path):
    d = tmp_path / "data"
    d.mkdir()
    (d / "dev.jsonl").write_text("".join(_line(t, f"d{i}") for i, t in enumerate(TEXTS)), encoding="utf-8")
    # a silver copy of a dev decision (same number): kept out of training when it is held out
    (d / "silver.jsonl").write_text(_line(TEXTS[0], "d0") + _line("M. Eric Roux est venu.", "s1"), encoding="utf-8")
    return d


@pytest.fixture
def folds(data, tmp_path):
    """Fold "models" (the shipped one) with the cards their splits call for."""
    from judanon import training
    from judanon.build import cross_validate as cv
    from judanon.packs import load_profile

    args = cv.recipe_parser("test").parse_args(["--data", str(data)])
    config, _, docs, eligible = cv.recipe(args, with_vectors=False)
    splits = training.split_folds(docs, 2, args.seed, eligible)
    out = tmp_path / "cv"
    for k, (train_idx, held_idx) in enumerate(splits, 1):
        model, _ = cv.fold_paths(out, k)
        model.parent.mkdir(exist_ok=True)
        shutil.copyfile(load_profile("fr").tagger, model)
        training.write_model_card(model, config, len(train_idx), [docs[i] for i in held_idx])
    return docs, splits, out, config


def test_every_dev_decision_is_held_out_once(folds):
    docs, splits, _, _ = folds
    held = sorted(i for _, h in splits for i in h)
    assert held == list(range(len(TEXTS)))
    for train_idx, held_idx in splits:
        held_numbers = {docs[i].group for i in held_idx}
        assert not any(docs[i].group in held_numbers for i in train_idx)  # silver copies too


def test_pooled_scores_cover_every_dev_decision(folds, data):
    from judanon.build import cross_validate as cv
    from judanon.evaluation import read_gold

    docs, splits, out, config = folds
    scores = cv.neural_scores(docs, splits, out, config.labels)
    gold_mentions = sum(1 for d in docs[:len(TEXTS)] for s in d.spans if s[2] in config.labels)
    assert scores["micro"]["gold"] == gold_mentions
    report = cv.pipeline_report(read_gold(str(data / "dev.jsonl")), splits, out)
    assert report.documents == len(TEXTS)
    assert report.overall("personnePhysique").hide_total == gold_mentions


def test_reuse_runs_end_to_end(folds, data, capsys):
    from judanon.build import cross_validate as cv

    _, _, out, _ = folds
    code = cv.main(["--data", str(data), "--folds", "2", "--out-dir", str(out), "--reuse", "--unseen-seeds", "0"])
    printed = capsys.readouterr().out
    assert code == 0
    assert "Neural detector alone" in printed and "micro" in printed
    assert "Default pipeline, cross-validated:" in printed and "invented names (seed 0)" in printed


def test_reuse_refuses_cards_of_another_split(folds, data, capsys):
    from judanon.build import cross_validate as cv

    _, _, out, _ = folds
    card = cv.fold_paths(out, 1)[1]
    payload = json.loads(card.read_text(encoding="utf-8"))
    payload["held_out_document_numbers"] = ["someone-else"]
    card.write_text(json.dumps(payload), encoding="utf-8")
    code = cv.main(["--data", str(data), "--folds", "2", "--out-dir", str(out), "--reuse"])
    assert code == 2 and "holds out other decisions" in capsys.readouterr().err
