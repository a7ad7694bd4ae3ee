"""Training-time augmentation: rewritten addresses, swapped names."""

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")


from training_examples import SENTENCES

from judanon import training
from judanon.training import augmentation


def test_address_variant_rewrites_street_and_keeps_the_rest():
    import random

    doc = training.from_pairs([SENTENCES[0]])[0]
    (tokens, tags), = training.tag_sentences(doc)
    names = ["Moulin", "Tanneurs", "Gare"]
    from judanon.packs.fr.words import (
        TRAINING_STREET_NAME_SHAPES,
        TRAINING_STREET_TYPES,
    )

    variant_tokens, variant_tags = augmentation._address_variant(tokens, tags, random.Random(3), names,
                                                             TRAINING_STREET_TYPES, TRAINING_STREET_NAME_SHAPES)
    assert len(variant_tokens) == len(variant_tags)
    address = [t.text for t, g in zip(variant_tokens, variant_tags) if g.endswith("adresse")]
    assert address[0] == "8" and any(w in TRAINING_STREET_TYPES for w in address[1:3])
    assert any(n in w for w in address for n in names)
    assert [g for g in variant_tags if g.endswith("adresse")][0] == "B-adresse"
    assert [g for g in variant_tags if g.endswith("adresse")][-1] == "E-adresse"
    # the person and town annotations are untouched
    assert [t.text for t, g in zip(variant_tokens, variant_tags) if "personne" in g] == ["Clarisse", "Fontenoy"]
    assert [t.text for t, g in zip(variant_tokens, variant_tags) if "localite" in g] == ["33000", "Bordeaux"]


def test_address_variant_none_without_numbered_address():
    import random

    doc = training.from_pairs([SENTENCES[1]])[0]
    (tokens, tags), = training.tag_sentences(doc)
    from judanon.packs.fr.words import (
        TRAINING_STREET_NAME_SHAPES,
        TRAINING_STREET_TYPES,
    )

    assert augmentation._address_variant(tokens, tags, random.Random(0), ["Moulin"],
                                     TRAINING_STREET_TYPES, TRAINING_STREET_NAME_SHAPES) is None


def test_name_swapper_replaces_names_and_towns_consistently():
    import random

    doc = training.from_pairs([SENTENCES[0]])[0]
    (tokens, tags), = training.tag_sentences(doc)
    words = [t.norm for t in tokens]
    positions = training.NameSwapper.positions(words, tags)
    assert [words[i] for i in positions] == ["Clarisse", "Fontenoy", "Bordeaux"]
    swapper = training.NameSwapper(random.Random(5), names=["kerbrat", "ollivro"])
    seen = set()
    for _ in range(20):
        new = swapper.swap(words, positions)
        assert len(new) == len(words)
        assert [w for i, w in enumerate(new) if i not in positions] == [w for i, w in enumerate(words) if i not in positions]
        assert all(new[i] != words[i] and new[i][:1].isupper() for i in positions)
        seen.update(new[i] for i in positions)
    assert {"Kerbrat", "Ollivro"} & seen  # lexicon names
    assert seen - {"Kerbrat", "Ollivro"}  # and invented ones


def test_name_swapper_keeps_capitals_and_repeats():
    import random

    words = ["M.", "Yves", "LE", "GALL", "et", "Mme", "Gall"]
    tags = ["O", "B-personnePhysique", "I-personnePhysique", "E-personnePhysique", "O", "O", "S-personnePhysique"]
    positions = training.NameSwapper.positions(words, tags)
    new = training.NameSwapper(random.Random(1)).swap(words, positions)
    assert new[2].isupper() and new[3].isupper()
    assert new[3].lower() == new[6].lower() and new[6][1:].islower()


def test_name_swaps_of_a_pack_without_name_sounds_stay_in_its_script():
    import random

    swapper = training.NameSwapper(random.Random(2), names=["παπαδοπουλοσ", "γεωργιου", "νικολαου"])
    drawn = {swapper._name() for _ in range(40)}
    assert drawn - {"παπαδοπουλοσ", "γεωργιου", "νικολαου"}  # invented ones too
    assert all(all("\u0370" <= ch <= "\u03ff" for ch in name) for name in drawn)
