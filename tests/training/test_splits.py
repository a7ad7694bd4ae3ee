"""Held-out shares and folds keep near-duplicate decisions together."""

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest

from judanon import training


def test_refaked_copies_are_grouped_and_split_together():
    a = "Mme Iris Vallon demeure 3 rue Basse à Lyon et sollicite la réformation du jugement entrepris."
    b = "Mme Paul Ferrat demeure 9 rue Haute à Metz et sollicite la réformation du jugement entrepris."
    c = "Le conseil de prud'hommes a statué sans audience publique après renvoi de l'affaire au fond."
    docs = training.from_pairs([
        (a, [(4, 8, "p"), (9, 15, "p"), (24, 35, "adresse"), (38, 42, "localite")]),
        (b, [(4, 8, "p"), (9, 15, "p"), (24, 35, "adresse"), (38, 42, "localite")]),
        (c, []),
    ])
    groups = training.group_documents(docs)
    assert groups[0] == groups[1] != groups[2]
    for seed in range(5):
        train, held = training.split_held_out(docs, 0.3, seed)
        assert (0 in held) == (1 in held)
        assert not set(train) & set(held)


def test_cross_validation_folds_keep_groups_together():
    a = "Mme Iris Vallon demeure 3 rue Basse à Lyon et sollicite la réformation du jugement entrepris."
    b = "Mme Paul Ferrat demeure 9 rue Haute à Metz et sollicite la réformation du jugement entrepris."
    others = ["Le conseil de prud'hommes a statué sans audience publique après renvoi.",
              "La cour confirme le jugement en toutes ses dispositions et condamne l'appelant.",
              "Le tribunal rejette la demande d'expertise formée par la société défenderesse.",
              "Vu les articles 700 et 696 du code de procédure civile, statuant publiquement.",
              "Le premier président ordonne la prolongation de la rétention pour vingt-huit jours."]
    entities = [(4, 8, "p"), (9, 15, "p"), (24, 35, "adresse"), (38, 42, "localite")]
    docs = training.from_pairs([(a, entities), (b, entities)] + [(t, []) for t in others])
    eligible = [True, False] + [True] * 5  # b: a silver copy of a
    folds = training.split_folds(docs, 3, seed=13, eligible=eligible)
    assert folds == training.split_folds(docs, 3, seed=13, eligible=eligible)
    held = [i for _, h in folds for i in h]
    assert sorted(held) == [0, 2, 3, 4, 5, 6]  # every eligible document once, the copy never
    for train, h in folds:
        assert not set(train) & set(h)
        assert (0 in h) == (1 not in train)  # a held-out decision's copy is not trained on
        assert len(h) == 2
    with pytest.raises(ValueError, match="folds"):
        training.split_folds(docs, 1, seed=0)
