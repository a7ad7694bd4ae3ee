"""Word vectors from a court's own unannotated decisions (``python -m judanon.training.court_vectors``)."""

import numpy as np
from language_examples import GREEK

from judanon.training import court_vectors
from judanon.training.vectors import load_word_vectors


def test_court_vectors_command_builds_a_table_train_reads(tmp_path, capsys):
    texts = tmp_path / "decisions"
    texts.mkdir()
    sentences = [t for t, _ in GREEK] * 6
    for i in range(4):
        (texts / f"{i}.txt").write_text("\n".join(sentences[i:] + sentences[:i]), encoding="utf-8")
    out = tmp_path / "court.npz"
    assert court_vectors.main([str(texts), "--profile", "gr", "--out", str(out), "--dim", "4",
                               "--min-count", "2"]) == 0
    words, vectors = load_word_vectors(out)
    assert vectors.shape[1] == 4 and not vectors[0].any() and "κ." in words
    assert np.allclose(np.linalg.norm(vectors[words["κ."]].numpy()), 1.0, atol=1e-5)


def test_words_used_in_the_same_places_get_near_vectors():
    texts = ["Ο κ. Νικόλαος κατοικεί στην Πάτρα. Ο κ. Πέτρος κατοικεί στην Λάρισα.",
             "Η αίτηση απορρίπτεται. Η προσφυγή απορρίπτεται. Η αίτηση γίνεται δεκτή."] * 20
    vocabulary, vectors = court_vectors.build_vectors(texts, dim=4, min_count=2)
    cos = lambda a, b: float(vectors[vocabulary[a]] @ vectors[vocabulary[b]])
    assert cos("πάτρα", "λάρισα") > cos("πάτρα", "απορρίπτεται")


def test_court_vectors_refuse_bad_input_in_one_line(tmp_path, capsys):
    out = tmp_path / "court.npz"
    assert court_vectors.main([str(tmp_path / "absent.txt"), "--out", str(out)]) == 2
    assert capsys.readouterr().err.strip().count("\n") == 0
    few = tmp_path / "few.txt"
    few.write_text("Η αίτηση απορρίπτεται.", encoding="utf-8")
    assert court_vectors.main([str(few), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "too few" in err and err.strip().count("\n") == 0
    assert not out.exists()
