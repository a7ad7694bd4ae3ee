"""The training loop: a fresh tagger built from the sentences, trained with the CRF loss."""

from __future__ import annotations

import random
import sys
import time
from typing import AbstractSet, Callable, Dict, List, Optional, Sequence, Tuple

from judanon.detectors.crf import crf_loss  # the CRF's loss lives with its decoder
from judanon.errors import ArgumentError
from judanon.text.tokenize import Token
from judanon.training.augmentation import (
    NameSwapper,
    _address_variant,
    _common_words,
    _lexicon_names,
)
from judanon.training.config import TrainingConfig
from judanon.training.reading import TAG_TYPE, AnnotatedText, tag_sentences
from judanon.training.scoring import predict_spans, score_spans
from judanon.training.vectors import load_word_vectors, word_table


def _abbreviations(config: "TrainingConfig") -> AbstractSet[str]:
    """The tokenizer's abbreviations of the pack the model is trained for."""
    from judanon.packs import load_profile

    return load_profile(config.profile).abbreviations


def _name_sounds(config: "TrainingConfig"):
    """The sounds of names invented for the pack the model is trained for."""
    from judanon.packs import load_profile

    return load_profile(config.profile).name_sounds


def _name_classes(config: "TrainingConfig") -> dict:
    """The ``name_classes`` options of the embedding: the classes of the pack's lexicon
    when ``config.name_class_dim`` asks for them and the pack has a lexicon."""
    from judanon.detectors.neural_embeddings import lexicon_classes
    from judanon.packs import load_profile

    load = load_profile(config.profile).lexicon if config.name_class_dim else None
    lexicon = load() if load is not None else None
    if lexicon is None:
        return {}
    return {"name_classes": lexicon_classes(lexicon), "name_class_dim": config.name_class_dim}


def build_tagger(
    train_sentences: Sequence[Tuple[List[Token], List[str]]],
    words: Dict[str, int],
    vectors,
    config: TrainingConfig = TrainingConfig(),
):
    """A fresh (untrained) SequenceTagger whose vocabularies come from ``train_sentences``."""
    from judanon.detectors.neural import import_flair, quiet_flair

    import_flair()
    from flair.data import Dictionary
    from flair.models import SequenceTagger

    from judanon.detectors.neural_embeddings import (
        LegalTokenEmbeddings,
        build_vocabularies,
    )

    chars, shapes = build_vocabularies([t.text for toks, _ in train_sentences for t in toks],
                                       shape_scheme=config.shape_scheme)
    embeddings = LegalTokenEmbeddings(
        words=words,
        chars=chars,
        shapes=shapes,
        vectors=vectors,
        char_filters=config.char_filters,
        shape_dim=config.shape_dim,
        word_unk_rate=config.word_unk_rate,
        segmentation={"max_tokens": config.max_sentence_tokens, "blank_lines": config.split_blank_lines,
                      "abbreviations": sorted(_abbreviations(config))},
        word_dim=config.word_dim,
        shape_scheme=config.shape_scheme,
        **_name_classes(config),
    )
    tag_dictionary = Dictionary(add_unk=False)
    for label in config.labels:
        tag_dictionary.add_item(label)
    tag_dictionary.span_labels = True
    with quiet_flair():
        return SequenceTagger(
            embeddings=embeddings,
            tag_dictionary=tag_dictionary,
            tag_type=TAG_TYPE,
            tag_format="BIOES",
            hidden_size=config.hidden_size,
            use_crf=True,
            use_rnn=True,
            reproject_embeddings=True,
            dropout=0.0,
            word_dropout=config.word_dropout,
            locked_dropout=config.locked_dropout,
        )


Tagged = List[Tuple[List[Token], List[str]]]


def _tagged_sentences(docs: Sequence[AnnotatedText], config: TrainingConfig) -> Tagged:
    """The sentences of ``docs``, cut with the pack's abbreviations, a tag per token."""
    return [
        pair
        for d in docs
        for pair in tag_sentences(d, config.labels, max_tokens=config.max_sentence_tokens,
                                  blank_lines=config.split_blank_lines, abbreviations=_abbreviations(config))
    ]


def _with_address_variants(tagged: Tagged, config: TrainingConfig, words: Dict[str, int]) -> Tagged:
    """``tagged``, and the address variants of its sentences when the config asks."""
    if config.augment_addresses:
        aug_rng = random.Random(config.seed)
        common = _common_words(words)
        from judanon.packs import pack_words

        pack = pack_words(config.profile)
        street_types, shapes = pack.training_street_types, pack.training_street_name_shapes
        tagged += [v for toks, tags in tagged
                   for v in [_address_variant(toks, tags, aug_rng, common, street_types, shapes)] if v is not None]
    if not tagged:
        raise ArgumentError("no training sentence: the documents are empty")
    return tagged


Example = Tuple[List[str], List[int]]


class _Epochs:
    """The examples of one training run and what each epoch draws from them: every
    sentence with entities, a share of the others, names swapped in some."""

    def __init__(self, tagger, tagged: Sequence[Tuple[List[Token], List[str]]], config: TrainingConfig):
        tag_index = tagger.label_dictionary.get_idx_for_item
        examples = [([t.norm for t in toks], [tag_index(tag) for tag in tags]) for toks, tags in tagged]
        self.config = config
        self.tokens = sum(len(ex[0]) for ex in examples)
        self.with_entities = [ex for ex, (_, tags) in zip(examples, tagged) if any(t != "O" for t in tags)]
        self.without = [ex for ex, (_, tags) in zip(examples, tagged) if all(t == "O" for t in tags)]
        self.swapper = (NameSwapper(random.Random(config.seed + 1), names=_lexicon_names(config),
                                    sounds=_name_sounds(config)) if config.augment_names else None)
        self.swappable = {
            id(ex): positions
            for ex, (_, tags) in zip(examples, tagged)
            for positions in [NameSwapper.positions(ex[0], tags)]
            if positions
        } if self.swapper is not None else {}
        self.rng = random.Random(config.seed)

    @property
    def steps_per_epoch(self) -> int:
        drawn = len(self.with_entities) + int(len(self.without) * self.config.empty_sentence_rate)
        return drawn // self.config.batch_size + 1

    def draw(self) -> List[Example]:
        """The next epoch's examples, shuffled."""
        config, swapper = self.config, self.swapper
        epoch_data = self.with_entities + self.rng.sample(self.without, int(len(self.without) * config.empty_sentence_rate))
        self.rng.shuffle(epoch_data)
        if swapper is not None:
            epoch_data = [
                (swapper.swap(ex[0], self.swappable[id(ex)]), ex[1])
                if id(ex) in self.swappable and swapper.rng.random() < config.augment_names else ex
                for ex in epoch_data
            ]
        return epoch_data


def _train_epoch(tagger, epoch_data: Sequence[Example], optimizer, scheduler, batch_size: int) -> float:
    """One pass over ``epoch_data``; the mean loss of its batches."""
    import torch

    total_loss, n_batches = 0.0, 0
    for b in range(0, len(epoch_data), batch_size):
        # the same forward pass as SequenceTagger.forward_loss, without Flair's
        # per-token objects (the embedding works on whole batches)
        batch = sorted(epoch_data[b : b + batch_size], key=lambda ex: -len(ex[0]))
        lengths = torch.tensor([len(ex[0]) for ex in batch], dtype=torch.long)
        targets = torch.tensor([k for ex in batch for k in ex[1]], dtype=torch.long)
        optimizer.zero_grad()
        emissions = _emissions(tagger, tagger.embeddings.embed_batch([ex[0] for ex in batch]), lengths)
        loss = crf_loss(tagger, emissions, lengths, targets) / len(batch)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(tagger.parameters(), 5.0)
        optimizer.step()
        scheduler.step()
        total_loss += loss.item()
        n_batches += 1
    return total_loss / max(1, n_batches)


def train_tagger(
    docs: Sequence[AnnotatedText],
    config: TrainingConfig = TrainingConfig(),
    word_vectors=None,
    evaluate_on: Optional[Sequence[AnnotatedText]] = None,
    log: Callable[[str], None] = lambda msg: print(msg, file=sys.stderr, flush=True),
):
    """Train a BiLSTM-CRF tagger on ``docs``; returns the Flair ``SequenceTagger``.

    ``word_vectors``: ``(words, vectors)`` from :func:`load_word_vectors` (default: the
    shipped model's table). ``evaluate_on``: texts scored after each epoch (logged only;
    the model returned is always the last epoch's, so scores on them stay honest).
    Deterministic for a given seed on one machine.
    """
    import torch

    from judanon.detectors.neural import import_flair

    import_flair()
    random.seed(config.seed)
    torch.manual_seed(config.seed)
    tagged = _tagged_sentences(docs, config)
    if config.word_dim > 0:  # words learned from the data, after those of word_vectors
        words, vectors = word_table(tagged, config.min_word_count, word_vectors)
    else:
        words, vectors = word_vectors if word_vectors is not None else load_word_vectors()
    tagged = _with_address_variants(tagged, config, words)
    tagger = build_tagger(tagged, words, vectors, config)
    epochs = _Epochs(tagger, tagged, config)
    log(
        f"training on {len(docs)} texts: {len(epochs.with_entities)} sentences with entities, "
        f"{len(epochs.without)} without; {epochs.tokens} tokens"
    )
    optimizer = torch.optim.Adam([p for p in tagger.parameters() if p.requires_grad], lr=config.learning_rate)
    # a small corpus gets more epochs: at least config.min_steps batches in all
    n_epochs = max(config.epochs, -(-config.min_steps // epochs.steps_per_epoch))
    total_steps = n_epochs * epochs.steps_per_epoch
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: max(0.05, 1.0 - step / max(1, total_steps)))
    for epoch in range(1, n_epochs + 1):
        tagger.train()
        started = time.time()
        loss = _train_epoch(tagger, epochs.draw(), optimizer, scheduler, config.batch_size)
        if n_epochs > 50 and epoch % (n_epochs // 25) and epoch != n_epochs:
            continue  # a long run of a small corpus: about 25 lines
        msg = f"epoch {epoch}/{n_epochs}: loss {loss:.3f} ({time.time() - started:.0f}s)"
        if evaluate_on:
            tagger.eval()
            scores = score_spans(evaluate_on, predict_spans(tagger, [d.text for d in evaluate_on]), config.labels)
            msg += f"; held-out micro F1 {scores['micro']['f1']:.3f}"
        log(msg)
    tagger.eval()
    return tagger


def _emissions(tagger, sentence_tensor, lengths):
    """``SequenceTagger.forward`` up to the tag scores, before the CRF expands them."""
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    if tagger.use_dropout:
        sentence_tensor = tagger.dropout(sentence_tensor)
    if tagger.use_word_dropout:
        sentence_tensor = tagger.word_dropout(sentence_tensor)
    if tagger.use_locked_dropout:
        sentence_tensor = tagger.locked_dropout(sentence_tensor)
    if tagger.reproject_embeddings:
        sentence_tensor = tagger.embedding2nn(sentence_tensor)
    packed = pack_padded_sequence(sentence_tensor, lengths, batch_first=True)
    rnn_output, _ = tagger.rnn(packed)
    sentence_tensor, _ = pad_packed_sequence(rnn_output, batch_first=True)
    if tagger.use_dropout:
        sentence_tensor = tagger.dropout(sentence_tensor)
    if tagger.use_locked_dropout:
        sentence_tensor = tagger.locked_dropout(sentence_tensor)
    return tagger.linear(sentence_tensor)
