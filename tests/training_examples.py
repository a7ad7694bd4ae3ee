"""Example sentences written for the project, and tiny settings, for the training tests."""

import json

from judanon.training import TrainingConfig

SENTENCES = [
    ("Mme Clarisse Fontenoy demeure 8 rue des Lilas, 33000 Bordeaux.",
     [(4, 12, "personnePhysique"), (13, 21, "personnePhysique"), (30, 45, "adresse"), (47, 61, "localite")]),
    ("M. Octave Rambert, assisté de Me Lise Dorval, avocat.",
     [(3, 9, "personnePhysique"), (10, 17, "personnePhysique"), (33, 44, "professionnelAvocat")]),
    ("Le tribunal, présidé par Mme Hortense Guiral, statue.",
     [(29, 37, "professionnelMagistratGreffier"), (38, 44, "professionnelMagistratGreffier")]),
    ("M. Bastien Quérel, né le 4 mars 1971 à Nantes, comparaît.",
     [(3, 10, "personnePhysique"), (11, 17, "personnePhysique"), (25, 36, "dateNaissance"), (39, 45, "localite")]),
]


def tiny_word_table():
    import torch

    words = ["le", "la", "de", "des", "rue", "demeure", "tribunal", "par", "avocat", "mme", "m.", "né", "à"]
    gen = torch.Generator().manual_seed(0)
    return {w: i + 1 for i, w in enumerate(words)}, torch.randn(len(words) + 1, 8, generator=gen)


def write_gold(path):
    """The project's example sentences as a Label-format JSONL file."""
    path.write_text(
        "\n".join(
            json.dumps({"text": t, "entities": [{"start": s, "end": e, "label": lab} for s, e, lab in sp]},
                       ensure_ascii=False)
            for t, sp in SENTENCES
        ) + "\n",
        encoding="utf-8",
    )


TINY = TrainingConfig(epochs=1, hidden_size=8, char_filters=8, shape_dim=4, batch_size=2)
