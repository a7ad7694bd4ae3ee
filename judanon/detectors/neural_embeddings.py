"""Token embeddings of judanon's tagger: word vectors (frozen, learned, or both) + word
shape + character CNN (+ what a name lexicon says of the word).

:class:`TokenEmbedder` is a plain ``torch.nn.Module``: the tagger runs it without Flair
(:mod:`judanon.detectors.tagger`). :class:`LegalTokenEmbeddings` is the same module seen by
Flair (the training framework and the model format): Flair looks it up by its registered
name when it saves or loads a model. It is built on first access to the name
(``from judanon.detectors.neural_embeddings import LegalTokenEmbeddings``), which imports
flair; importing this module imports torch only.

Everything the embedding needs travels inside the model file: the word table (a small
vocabulary and its vectors), the character and shape vocabularies. Nothing is
downloaded, ever.
"""

from __future__ import annotations

import unicodedata
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import torch

from judanon.errors import ArgumentError
from judanon.text.normalize import fold_key
from judanon.text.tokenize import normalize_token

UNK = "<unk>"
PAD = "<pad>"
#: Name classes: 0 unknown, + 1 first name, + 2 surname, + 4 also a common word.
NAME_CLASSES = 8
#: Word shape schemes: ``"cased"`` (the French model's) writes a letter without case as
#: itself; ``"script"`` writes it ``a``, so that the shapes of any script stay few.
SHAPE_SCHEMES = ("cased", "script")
#: Longer words are cut (their start and end kept) before the character CNN.
MAX_WORD_CHARS = 24
#: Bound on the per-embedding cache of token features.
_CACHE_SIZE = 200_000


def word_shape(text: str, scheme: str = "cased") -> str:
    """``"Dupont"`` -> ``"Xxxx"``, ``"75008"`` -> ``"ddddd"``, ``"M."`` -> ``"X."``;
    ``"ΠΑΠΑΣ"`` -> ``"XXXX"`` (any cased script).

    Runs of one character class are kept up to 4 (letters) or 5 (digits) so that a
    postal code, a year and a day still look different. ``scheme="script"`` also folds
    letters without case (and combining marks) into ``a``; ``"cased"`` keeps them.
    """
    out: List[str] = []
    last = ""
    run = 0
    caseless = scheme == "script"
    for ch in text:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        elif caseless and (ch.isalpha() or unicodedata.category(ch) == "Mn"):
            c = "a"
        else:
            c = ch
        if c == last:
            run += 1
            if run > (5 if c == "d" else 4):
                continue
        else:
            last, run = c, 1
        out.append(c)
    return "".join(out)


class TokenEmbedder(torch.nn.Module):
    """Concatenation of views of a token, all computed in one batched pass.

    - the pretrained vector of its lowercase form (frozen, ``vector_dim`` wide; zero row
      for unknown words; ``vector_dim=0``: none),
    - when ``word_dim > 0``, a learned vector of its lowercase form (an ``nn.Embedding``
      over the same word rows, trained with the tagger: words learned from the court's
      own data, in any language; row 0 is the learned unknown word),
    - when ``name_class_dim > 0``, a learned embedding of what a name lexicon says of it
      (``name_classes``: folded key, :func:`judanon.text.normalize.fold_key`, -> first
      name 1 | surname 2 | also a common word 4; unknown 0),
    - a learned embedding of its shape (capitalized, ALL CAPS, digits...; ``shape_scheme``),
    - a character CNN over its characters (case kept).

    ``word_unk_rate`` replaces known words by the unknown row while training, so the
    model learns to tag names it has never seen from shape, characters and context.

    ``TokenEmbedder(**params)`` with the ``params`` a model file records
    (:meth:`to_params`), then ``load_state_dict``, rebuilds a saved embedding.
    """

    def __init__(
        self,
        words: Dict[str, int],
        chars: Dict[str, int],
        shapes: Dict[str, int],
        vectors: Optional[torch.Tensor] = None,
        vector_dim: Optional[int] = None,
        vector_rows: Optional[int] = None,
        char_dim: int = 24,
        char_filters: int = 64,
        shape_dim: int = 16,
        word_unk_rate: float = 0.1,
        name: str = "judanon-legal",
        segmentation: Optional[Dict[str, object]] = None,
        word_dim: int = 0,
        shape_scheme: str = "cased",
        name_classes: Optional[Dict[str, int]] = None,
        name_class_dim: int = 0,
    ) -> None:
        self.name = name
        self.static_embeddings = False
        super().__init__()
        if vectors is None and vector_dim is None:
            raise ArgumentError("pass either the word vectors or their dimension")
        if shape_scheme not in SHAPE_SCHEMES:
            raise ArgumentError(f"shape_scheme must be one of {SHAPE_SCHEMES}, got {shape_scheme!r}")
        #: how texts were cut into sentences for training: the detector cuts the same way
        self.segmentation = dict(segmentation or {})
        self.words = dict(words)
        self.chars = dict(chars)
        self.shapes = dict(shapes)
        if vectors is None:
            # loading a saved model: the real table comes with the model's state dict
            rows = vector_rows if vector_rows is not None else max(self.words.values(), default=0) + 1
            vectors = torch.zeros(int(rows), int(vector_dim))
        vectors = torch.as_tensor(vectors, dtype=torch.float32)
        self.vector_dim = int(vectors.shape[1])
        # row 0 is the unknown word; the table is a buffer: saved, never trained
        self.register_buffer("word_vectors", vectors)
        self.char_dim = char_dim
        self.char_filters = char_filters
        self.shape_dim = shape_dim
        self.word_unk_rate = word_unk_rate
        self.word_dim = int(word_dim)
        self.shape_scheme = shape_scheme
        self.name_classes = dict(name_classes or {})
        self.name_class_dim = int(name_class_dim)
        if self.name_class_dim > 0:
            self.name_class_embedding = torch.nn.Embedding(NAME_CLASSES, self.name_class_dim)
        self.char_embedding = torch.nn.Embedding(len(self.chars) + 2, char_dim, padding_idx=0)
        self.char_cnn = torch.nn.Conv1d(char_dim, char_filters, kernel_size=3, padding=1)
        self.shape_embedding = torch.nn.Embedding(len(self.shapes) + 1, shape_dim)
        if self.word_dim > 0:
            # zero rows: a word never met in training adds nothing (its row gets no
            # gradient), whatever the seed
            self.word_embedding = torch.nn.Embedding(int(vectors.shape[0]), self.word_dim)
            torch.nn.init.zeros_(self.word_embedding.weight)
        self._length = self.vector_dim + self.word_dim + self.name_class_dim + shape_dim + char_filters
        self._cache: Dict[str, Tuple[int, int, Tuple[int, ...], int]] = {}

    @property
    def embedding_length(self) -> int:
        return self._length

    def to_params(self) -> dict:
        return {
            "words": self.words,
            "chars": self.chars,
            "shapes": self.shapes,
            "vector_dim": self.vector_dim,
            "vector_rows": int(self.word_vectors.shape[0]),
            "char_dim": self.char_dim,
            "char_filters": self.char_filters,
            "shape_dim": self.shape_dim,
            "word_unk_rate": self.word_unk_rate,
            "name": self.name,
            "segmentation": self.segmentation,
            # recorded only when used: a file of the French model keeps its parameters
            **({"word_dim": self.word_dim} if self.word_dim else {}),
            **({"shape_scheme": self.shape_scheme} if self.shape_scheme != "cased" else {}),
            **({"name_classes": self.name_classes, "name_class_dim": self.name_class_dim}
               if self.name_class_dim else {}),
        }

    @classmethod
    def from_params(cls, params: dict) -> "TokenEmbedder":
        return cls(**params)

    def __str__(self) -> str:
        return self.name

    # -- Batched computation ----------------------------------------------------

    def _features(self, text: str) -> Tuple[int, int, Tuple[int, ...], int]:
        """Word row, shape id, character ids and name class of one token text (cached:
        legal text repeats its words, and these lookups are pure Python)."""
        feats = self._cache.get(text)
        if feats is None:
            norm = normalize_token(text)
            chars_of = norm
            if len(chars_of) > MAX_WORD_CHARS:
                half = MAX_WORD_CHARS // 2
                chars_of = chars_of[:half] + chars_of[-half:]
            chars = self.chars
            feats = (
                self.words.get(norm.lower(), 0),
                self.shapes.get(word_shape(text, self.shape_scheme), 0),
                tuple(chars.get(c, 1) for c in chars_of) or (1,),
                self.name_classes.get(fold_key(norm), 0) if self.name_classes else 0,
            )
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[text] = feats
        return feats

    def embed_words(self, texts: Sequence[str]) -> torch.Tensor:
        """One row of ``embedding_length`` per token text.

        Each distinct text is embedded once per call, then rows are gathered.
        """
        device = self.word_vectors.device
        position: Dict[str, int] = {}
        index = [position.setdefault(t, len(position)) for t in texts]
        uniques = list(position)
        feats = [self._features(t) for t in uniques]
        word_idx = torch.tensor([f[0] for f in feats], dtype=torch.long, device=device)
        if self.training and self.word_unk_rate > 0:
            keep = torch.rand(word_idx.shape, device=device) >= self.word_unk_rate
            word_idx = word_idx * keep
        word_part = self.word_vectors[word_idx]
        if self.word_dim:
            word_part = torch.cat([word_part, self.word_embedding(word_idx)], dim=1)
        if self.name_class_dim:
            classes = torch.tensor([f[3] for f in feats], dtype=torch.long, device=device)
            word_part = torch.cat([word_part, self.name_class_embedding(classes)], dim=1)
        shape_part = self.shape_embedding(torch.tensor([f[1] for f in feats], dtype=torch.long, device=device))

        # characters: 0 = padding, 1 = unknown, then the vocabulary
        lengths = torch.tensor([len(f[2]) for f in feats], dtype=torch.long, device=device)
        width = int(lengths.max())
        char_idx = torch.zeros((len(feats), width), dtype=torch.long, device=device)
        # every character id in one flat list, scattered row by row (no padded lists)
        char_idx[torch.arange(width, device=device) < lengths.unsqueeze(1)] = torch.tensor(
            [c for f in feats for c in f[2]], dtype=torch.long, device=device)
        emb = self.char_embedding(char_idx).transpose(1, 2)  # N, C, W
        conv = torch.relu(self.char_cnn(emb))
        # relu >= 0, so zeroing the padding positions keeps the max over real characters
        conv = conv * (char_idx != 0).unsqueeze(1)
        char_part = conv.max(dim=2).values
        unique_rows = torch.cat([word_part, shape_part, char_part], dim=1)
        return unique_rows[torch.tensor(index, dtype=torch.long, device=device)]

    def vocabulary(self, texts: Iterable[str]) -> Tuple[torch.Tensor, Dict[str, int]]:
        """The rows of every distinct token text, embedded at once, and where each text's
        row is: :meth:`embed_batch` then gathers rows instead of embedding again (the
        sentences of many decisions share most of their words)."""
        position: Dict[str, int] = {}
        for t in texts:
            position.setdefault(t, len(position))
        return self.embed_words(list(position)), position

    def embed_batch(self, batch: Sequence[Sequence[str]],
                    vocabulary: Optional[Tuple[torch.Tensor, Dict[str, int]]] = None) -> torch.Tensor:
        """Padded ``(len(batch), longest, embedding_length)`` tensor for token texts
        (``vocabulary``: rows from :meth:`vocabulary` holding every text of the batch)."""
        flat = [t for sentence in batch for t in sentence]
        if vocabulary is None:
            vectors = self.embed_words(flat)
        else:
            rows, position = vocabulary
            vectors = rows[torch.tensor([position[t] for t in flat], dtype=torch.long, device=rows.device)]
        lengths = [len(sentence) for sentence in batch]
        parts = torch.split(vectors, lengths)
        return torch.nn.utils.rnn.pad_sequence(list(parts), batch_first=True)


def build_vocabularies(token_texts: Sequence[str], min_char_count: int = 3, min_shape_count: int = 3,
                       shape_scheme: str = "cased"):
    """Character and shape vocabularies (``{item: index}``) from training tokens.

    Characters start at index 2 (0 = padding, 1 = unknown); shapes at 1 (0 = unknown).
    """
    from collections import Counter

    char_counts: Counter = Counter()
    shape_counts: Counter = Counter()
    for t in token_texts:
        char_counts.update(normalize_token(t))
        shape_counts[word_shape(t, shape_scheme)] += 1
    chars = {c: i + 2 for i, c in enumerate(sorted(c for c, n in char_counts.items() if n >= min_char_count))}
    shapes = {s: i + 1 for i, s in enumerate(sorted(s for s, n in shape_counts.items() if n >= min_shape_count))}
    return chars, shapes


def lexicon_classes(lexicon, limit: Optional[int] = 40000) -> Dict[str, int]:
    """``{folded key: class}`` of the names of a :class:`judanon.text.lexicons.NameLexicon`
    (the ``limit`` best ranked; ``None``: all): first name 1, surname 2 (3: both), plus 4
    when the word is also a common word of the language (``Rose``, ``Mai``); names the
    lexicon refuses as names keep only the 4."""
    out: Dict[str, int] = {}
    keys = sorted(set(lexicon.first_names) | set(lexicon.surnames), key=lambda k: (lexicon.rank(k), k))
    for key in keys[:limit]:
        value = (lexicon.is_first_name(key, ignore_case=True) + 2 * lexicon.is_surname(key, ignore_case=True)
                 + 4 * lexicon.is_common_word(key))
        if value:
            out[key] = value
    return out


def _flair_class():
    """``LegalTokenEmbeddings``: :class:`TokenEmbedder` as a Flair ``TokenEmbeddings``,
    registered under the name model files record."""
    from flair.embeddings.base import TokenEmbeddings, register_embeddings

    @register_embeddings
    class LegalTokenEmbeddings(TokenEmbedder, TokenEmbeddings):
        __doc__ = TokenEmbedder.__doc__
        # pickled by reference as the module attribute it is
        __qualname__ = "LegalTokenEmbeddings"

        def _add_embeddings_internal(self, sentences):
            tokens = [token for sentence in sentences for token in sentence]
            if not tokens:
                return sentences
            vectors = self.embed_words([token.text for token in tokens])
            for i, token in enumerate(tokens):
                token.set_embedding(self.name, vectors[i])
            return sentences

    return LegalTokenEmbeddings


def __getattr__(name: str):
    # the Flair class is made (and flair imported) only when someone asks for it: training,
    # loading a model through Flair; the tagger needs only TokenEmbedder
    if name == "LegalTokenEmbeddings":
        cls = _flair_class()
        globals()[name] = cls
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
