"""Train judanon's neural tagger on annotated decisions (partner courts train their own).

Command line (wired as ``judanon train``)::

    judanon train gold.jsonl [more.jsonl ...] --out my-court.pt [--epochs 15] [--seed 13]
                  [--dev-fraction 0.2] [--max-docs N] [--vectors table.npz] [--hidden 128]

Python::

    from judanon import training
    docs = training.read_label_jsonl("gold.jsonl")          # or from_pairs(...), read_conll(...)
    tagger = training.train_tagger(docs, epochs=15, seed=13)
    tagger.save("my-court.pt")
    judanon.FlairDetector("my-court.pt")

Input formats
-------------
* **Label JSONL** (:func:`read_label_jsonl`): one decision per line,
  ``{"text": ..., "entities": [{"start", "end", "label"}, ...]}``; offsets are Python
  string indices into ``text``. ``documentNumber`` (optional) groups re-faked copies
  of one decision so that they stay on one side of a train/held-out split.
* **(text, spans) pairs** (:func:`from_pairs`): ``[(text, [(start, end, label), ...]), ...]``
  — the way to bring any other annotation format.
* **CoNLL / BIO columns** (:func:`read_conll`): one token per line, the tag in the last
  column (``B-X``/``I-X``/``O``, also ``S-``/``E-`` and IOB1), blank line between
  sentences, ``-DOCSTART-`` lines ignored; tokens are re-joined with single spaces.

Every format becomes :class:`AnnotatedText` values; :func:`tag_sentences` cuts them with
:mod:`judanon.text.tokenize` (the tokenizer used at run time) and turns spans into BIOES tags.

Modules, by concern: :mod:`~judanon.training.reading` (formats, sentences and tags),
:mod:`~judanon.training.splits` (held-out shares and folds), :mod:`~judanon.training.vectors`
(word tables), :mod:`~judanon.training.config`, :mod:`~judanon.training.augmentation`
(swapped names, rewritten addresses), :mod:`~judanon.training.loop` (the tagger and its
training), :mod:`~judanon.training.scoring` (scores, model card), :mod:`~judanon.training.cli`.

Word vectors: by default the table stored in the model shipped with judanon is reused
(no download, no spaCy needed); ``--vectors`` takes a table built by
``judanon/build/embeddings.py``.
"""

from judanon.training.augmentation import SWAPPED_LABELS, NameSwapper, blend_names
from judanon.training.cli import build_parser, config_from_args, labels_in, main
from judanon.training.config import TrainingConfig
from judanon.training.loop import build_tagger, train_tagger
from judanon.training.reading import (
    DEFAULT_LABELS,
    TAG_TYPE,
    AnnotatedText,
    from_pairs,
    read_any,
    read_conll,
    read_label_jsonl,
    tag_sentences,
)
from judanon.training.scoring import (
    format_scores,
    predict_spans,
    score_spans,
    write_model_card,
)
from judanon.training.splits import group_documents, split_folds, split_held_out
from judanon.training.vectors import load_word_vectors, training_words, word_table

__all__ = [
    "AnnotatedText", "DEFAULT_LABELS", "NameSwapper", "SWAPPED_LABELS", "TAG_TYPE", "TrainingConfig",
    "build_parser", "build_tagger", "format_scores", "from_pairs", "group_documents", "load_word_vectors",
    "main", "predict_spans", "read_any", "read_conll", "read_label_jsonl", "score_spans", "split_folds",
    "split_held_out", "tag_sentences", "train_tagger", "write_model_card", "blend_names", "config_from_args",
    "labels_in", "training_words", "word_table",
]
