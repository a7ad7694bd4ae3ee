"""judanon's BiLSTM-CRF tagger as a plain ``torch.nn.Module``: loaded and run without Flair.

    model = read_tagger("fr-label-tagger.pt")    # None: the file needs Flair to load
    model.tag([["M.", "Jean", "Dupont"]])         # [[("O", 0.99), ("B-personnePhysique", 0.97), ...]]

Flair trains the model and its file format stays Flair's (``SequenceTagger.save``). The
file is a pickle: it is read with an unpickler that builds nothing but tensors, ordered
dicts and a stand-in for Flair's tag dictionary, and the modules are rebuilt from the
embedding's recorded parameters (:class:`~judanon.detectors.neural_embeddings.TokenEmbedder`)
and the state dict, under Flair's names. A file that holds anything else (other
embeddings, another kind of network) is left to Flair.

Inference takes the shortest road to Flair's figures:

- every distinct word of a batch is embedded and projected into the LSTM's input gates
  once (the projection depends on the word only);
- both directions of the LSTM advance together, one matrix product per step, over
  *packed* sentences (sorted by decreasing length, no padding computed);
- the CRF decodes the packed scores (:mod:`judanon.detectors.crf`).
"""

from __future__ import annotations

import collections
import contextlib
import io
import pickle
import threading
import types
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence, Tuple, Union

import numpy as np
import torch

from judanon.detectors import crf
from judanon.detectors.neural_embeddings import TokenEmbedder

#: Tokens of one forward pass at most (the LSTM's input gates take 4 KiB a token).
MAX_BATCH_TOKENS = 8192
#: Rows computed at least by one product (see ``Tagger._word_inputs``).
MIN_ROWS = 16
#: Distinct words whose input gates a tagger keeps between calls (4 KiB each for the
#: shipped model): legal text repeats its words from one decision to the next.
CACHED_WORDS = 16384

Tags = List[Tuple[str, float]]


class TagDictionary:
    """What a model file's tag dictionary holds (stands in for ``flair.data.Dictionary``)."""

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    def items(self) -> List[str]:
        return [i.decode("utf-8") if isinstance(i, bytes) else str(i) for i in self.__dict__.get("idx2item", [])]


class ForeignModelError(pickle.UnpicklingError):
    """The model file holds objects the plain tagger cannot rebuild (Flair can)."""


# What a judanon model file may hold; anything else is refused, never imported.
_ALLOWED = {
    ("collections", "OrderedDict"): collections.OrderedDict,
    ("torch._utils", "_rebuild_tensor_v2"): torch._utils._rebuild_tensor_v2,
    ("torch._utils", "_rebuild_parameter"): torch._utils._rebuild_parameter,
    ("flair.data", "Dictionary"): TagDictionary,
}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        found = _ALLOWED.get((module, name))
        if found is None:
            raise ForeignModelError(f"{module}.{name}")
        return found


def _pickle_module() -> types.ModuleType:
    # torch.load reads the tensors of the zip file and unpickles the rest with this
    module = types.ModuleType("judanon_tagger_pickle")
    module.Unpickler = _Unpickler  # type: ignore[attr-defined]
    module.load = lambda f, **kw: _Unpickler(f, **kw).load()  # type: ignore[attr-defined]
    module.loads = lambda b, **kw: _Unpickler(io.BytesIO(b), **kw).load()  # type: ignore[attr-defined]
    return module


def read_state(path: Union[str, Path]) -> dict:
    """The dict a Flair ``SequenceTagger.save`` wrote, read with the restricted unpickler.

    Raises :class:`ForeignModelError` when the file holds other objects, and what
    ``torch.load`` raises for a file that is no model at all."""
    state = torch.load(path, map_location="cpu", pickle_module=_pickle_module(), weights_only=False)
    if not isinstance(state, dict):
        raise ForeignModelError(type(state).__name__)
    return state


def read_tagger(path: Union[str, Path]) -> Optional["Tagger"]:
    """The tagger of a model file, or None when the file needs Flair (see :func:`Tagger.from_state`)."""
    try:
        state = read_state(path)
    except ForeignModelError:
        return None
    return Tagger.from_state(state)


@contextlib.contextmanager
def torch_threads(threads: Optional[int]) -> Iterator[None]:
    """Run torch on ``threads`` threads inside the block (torch's setting is the
    process's: it is put back after); ``None`` leaves the setting alone."""
    before = torch.get_num_threads()
    threads = before if threads is None else threads
    if before != threads:
        torch.set_num_threads(threads)
    try:
        yield
    finally:
        if before != threads:
            torch.set_num_threads(before)


class Transitions(torch.nn.Module):
    """The CRF's ``(tags, tags)`` transition scores, under Flair's name (``crf.transitions``)."""

    def __init__(self, n_tags: int) -> None:
        super().__init__()
        self.register_buffer("transitions", torch.zeros(n_tags, n_tags))


class Tagger(torch.nn.Module):
    """Embeddings -> reprojection -> bidirectional LSTM -> linear -> CRF (or argmax), in
    inference mode only; module and parameter names are Flair's ``SequenceTagger``'s."""

    def __init__(self, embeddings: TokenEmbedder, tags: Sequence[str], linear: torch.nn.Linear, *,
                 embedding2nn: Optional[torch.nn.Linear] = None, rnn: Optional[torch.nn.LSTM] = None,
                 crf: Optional[torch.nn.Module] = None, tag_format: str = "BIOES") -> None:
        super().__init__()
        self.embeddings = embeddings
        self.embedding2nn = embedding2nn
        self.rnn = rnn
        self.linear = linear
        self.crf = crf
        self.tags = list(tags)
        self.tag_format = tag_format
        self._word_cache = WordCache(CACHED_WORDS)
        self._lstm: Optional[Tuple[torch.Tensor, torch.Tensor, torch.Tensor]] = None

    # -- building -------------------------------------------------------------------

    @classmethod
    def from_state(cls, state: dict) -> Optional["Tagger"]:
        """The tagger of a ``SequenceTagger`` file's dict, or None for what only Flair
        runs: embeddings other than judanon's, another RNN than a one-layer
        bidirectional LSTM, parameters this class does not hold."""
        params = dict(state.get("embeddings") or {})
        if state.get("__cls__", "SequenceTagger") != "SequenceTagger" or params.pop("__cls__", None) != "LegalTokenEmbeddings":
            return None
        embedding_state = params.pop("state_dict", None)
        try:
            embeddings = TokenEmbedder.from_params(params)
        except TypeError:  # recorded by another version of the class
            return None
        tags = state["tag_dictionary"].items() if isinstance(state.get("tag_dictionary"), TagDictionary) else None
        if not tags:
            return None
        width = embeddings.embedding_length
        embedding2nn = torch.nn.Linear(width, width) if state.get("reproject_embeddings", True) else None
        rnn = None
        if state.get("use_rnn", True):
            if state.get("rnn_type", "LSTM") != "LSTM" or state.get("rnn_layers", 1) != 1:
                return None
            rnn = torch.nn.LSTM(width, int(state["hidden_size"]), bidirectional=True, batch_first=True)
            width = 2 * rnn.hidden_size
        model = cls(embeddings, tags, torch.nn.Linear(width, len(tags)), embedding2nn=embedding2nn, rnn=rnn,
                    crf=Transitions(len(tags)) if state.get("use_crf", True) else None,
                    tag_format=state.get("tag_format", "BIOES"))
        weights = dict(state.get("state_dict") or {})
        if "transitions" in weights:  # files of older Flair versions
            weights["crf.transitions"] = weights.pop("transitions")
        if embedding_state:
            weights.update({f"embeddings.{k}": v for k, v in embedding_state.items()})
        try:
            model.load_state_dict(weights, strict=True)
        except RuntimeError:  # missing or unknown parameters: not this network
            return None
        return model.eval()

    @classmethod
    def from_flair(cls, tagger) -> "Tagger":
        """A view of a Flair ``SequenceTagger`` whose embeddings are judanon's, sharing
        its modules (training scores its held-out text through the detector's code)."""
        if not isinstance(tagger.embeddings, TokenEmbedder):
            raise TypeError(f"{type(tagger.embeddings).__name__} are not judanon's embeddings")
        rnn = tagger.rnn if tagger.use_rnn else None
        if rnn is not None and (not isinstance(rnn, torch.nn.LSTM) or rnn.num_layers != 1 or not rnn.bidirectional):
            raise ValueError("only a one-layer bidirectional LSTM runs without Flair")
        view = cls(tagger.embeddings, tagger.label_dictionary.get_items(), tagger.linear,
                   embedding2nn=tagger.embedding2nn if tagger.reproject_embeddings else None, rnn=rnn,
                   crf=tagger.crf if tagger.use_crf else None, tag_format=tagger.tag_format)
        view.training = tagger.training  # the modules are the tagger's: their modes stay
        return view

    @property
    def segmentation(self) -> dict:
        """How the training text was cut into sentences (``max_tokens``, ``blank_lines``...)."""
        return self.embeddings.segmentation

    # -- inference ------------------------------------------------------------------

    def _reproject(self, rows: torch.Tensor) -> torch.Tensor:
        return self.embedding2nn(rows) if self.embedding2nn is not None else rows

    def tag(self, batch: Sequence[Sequence[str]]) -> List[Tags]:
        """``(tag, confidence)`` per token of each sentence of ``batch`` (token texts, any order)."""
        out: List[Tags] = [[] for _ in batch]
        tags = self.tags
        for i, tag_ids, confidences in self._decode(batch):
            out[i] = [(tags[k], c) for k, c in zip(tag_ids, confidences)]
        return out

    def spans(self, batch: Sequence[Sequence[str]]) -> List[List[Tuple[int, int, str, float]]]:
        """``(first token, last token, label, score)`` of the spans of each sentence of
        ``batch``: :func:`bioes_spans` of :meth:`tag`, read only where a tag is not ``O``."""
        out: List[List[Tuple[int, int, str, float]]] = [[] for _ in batch]
        tags = self.tags
        outside = tags.index("O") if "O" in tags else -1
        for i, tag_ids, confidences in self._decode(batch):
            if any(k != outside for k in tag_ids):
                found = bioes_spans([tags[k] for k in tag_ids], confidences)
                out[i] = [(idx[0], idx[-1], label, score) for idx, score, label in found]
        return out

    def _decode(self, batch: Sequence[Sequence[str]]) -> Iterator[Tuple[int, List[int], List[float]]]:
        """``(index in batch, tag ids, confidences)`` of each sentence of ``batch``."""
        if not batch:
            return
        order = sorted(range(len(batch)), key=lambda i: -len(batch[i]))
        ordered = [batch[i] for i in order]
        packing = Packing([len(s) for s in ordered])
        with torch.inference_mode():
            rows, flat = self._rows(ordered)
            emissions = self._emissions(rows, flat, packing)
            if self.crf is not None:
                transitions = self.crf.transitions.detach().numpy()
                path, scores = crf.viterbi(emissions.numpy(), packing.batch_sizes, transitions,
                                           self.tags.index("<START>"), self.tags.index("<STOP>"))
                confidence = crf.confidences(scores)
            else:
                best = torch.softmax(emissions, dim=1).max(dim=1)
                path, confidence = best.indices.numpy(), best.values.numpy()
        tag_ids = path[packing.to_packed].tolist()
        confidences = confidence[packing.to_packed].tolist()
        start = 0
        for i, sentence in zip(order, ordered):
            end = start + len(sentence)
            yield i, tag_ids[start:end], confidences[start:end]
            start = end

    def _rows(self, ordered: Sequence[Sequence[str]]) -> Tuple[torch.Tensor, torch.Tensor]:
        """The inputs of every distinct word of the batch (:meth:`_word_inputs`), and the
        row of each token among them (sentences concatenated)."""
        position: Dict[str, int] = {}
        flat = [position.setdefault(w, len(position)) for sentence in ordered for w in sentence]
        words = list(position)
        if self.training:  # a model being trained: its weights move, nothing is kept
            rows = self._word_inputs(words)
        else:
            rows = self._word_cache.rows(words, self._word_inputs)
        return rows, torch.tensor(flat, dtype=torch.long)

    def _word_inputs(self, words: List[str]) -> torch.Tensor:
        """What the network reads of each word (it depends on the word only): its
        embedding, reprojected and, with an LSTM, projected into the input gates of
        both directions, ``(words, 8 x hidden)``.

        ``MIN_ROWS`` rows at least are computed: for fewer rows, torch's matrix products
        take another road whose last bits differ, and a word's row must not depend on the
        words computed with it (the cache keeps it for later calls)."""
        padded = list(words) + [f" {i}" for i in range(MIN_ROWS - len(words))]  # no token holds a space
        rows = self._reproject(self.embeddings.embed_words(padded))
        if self.rnn is not None:
            w_ih, _, bias = self._lstm_weights()
            rows = torch.addmm(bias, rows, w_ih.t())
        return rows[:len(words)]

    def _emissions(self, rows: torch.Tensor, flat: torch.Tensor, packing: "Packing") -> torch.Tensor:
        """Tag scores of every token, ``(tokens, tags)``, packed."""
        if self.rnn is None:
            return self.linear(rows[flat[torch.from_numpy(packing.forward)]])
        hidden = self.rnn.hidden_size
        w_hh = self._lstm_weights()[1]
        # rows (words, 8H) seen as (2 x words, 4H): a word's forward gates, then its backward ones
        flat_np = flat.numpy()
        states = lstm_steps(rows.view(-1, 4 * hidden), packing.gate_rows(flat_np), w_hh, packing.batch_sizes)
        both = torch.empty(packing.tokens, 2 * hidden)
        both[:, :hidden] = states[0]
        # the backward state of a token sits at its mirror row
        torch.index_select(states[1], 0, torch.from_numpy(packing.mirror), out=both[:, hidden:])
        return self.linear(both)

    def _lstm_weights(self) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        if self.training or self._lstm is None:  # weights being trained move: no copy kept
            weights = lstm_weights(self.rnn)
            if self.training:
                return weights
            self._lstm = weights
        return self._lstm


class WordCache:
    """The rows of the last ``capacity`` distinct words computed (all forgotten at once
    when full); a word's row does not depend on the words computed with it."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._where: Dict[str, int] = {}
        self._rows: Optional[torch.Tensor] = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict:
        return {"capacity": self.capacity}  # a copy starts empty

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["capacity"])  # type: ignore[misc]

    def rows(self, words: Sequence[str], compute) -> torch.Tensor:
        """The rows of distinct ``words``; ``compute(words)`` makes those not kept."""
        with self._lock:
            where = self._where
            missing = [w for w in words if w not in where]
            if missing:
                if len(missing) > self.capacity:
                    return compute(list(words))
                if len(where) + len(missing) > self.capacity:
                    where.clear()
                    missing = list(words)
                new = compute(missing)
                if self._rows is None or self._rows.shape[1] != new.shape[1]:
                    self._rows = torch.empty(self.capacity, new.shape[1], dtype=new.dtype)
                    where.clear()
                base = len(where)
                self._rows[base:base + len(missing)] = new
                where.update(zip(missing, range(base, base + len(missing))))
            index = torch.tensor([where[w] for w in words], dtype=torch.long)
            return self._rows.index_select(0, index)


def _gate_order(w: torch.Tensor) -> torch.Tensor:
    # torch's gates are (input, forget, cell, output); sigmoids first: (input, forget, output, cell)
    i, f, g, o = w.chunk(4, 0)
    return torch.cat([i, f, o, g])


def lstm_weights(rnn: torch.nn.LSTM) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """``(input weights, recurrent weights, biases)`` of both directions, gates reordered:
    ``w_ih``: ``(8H, inputs)``, forward then backward; ``w_hh``: ``(2, H, 4H)``
    (transposed, for a batched product); ``bias``: ``(8H,)`` (both biases summed)."""
    w_ih, w_hh, bias = [], [], []
    for suffix in ("_l0", "_l0_reverse"):
        w_ih.append(_gate_order(getattr(rnn, "weight_ih" + suffix)))
        w_hh.append(_gate_order(getattr(rnn, "weight_hh" + suffix)).t())
        bias.append(_gate_order(getattr(rnn, "bias_ih" + suffix) + getattr(rnn, "bias_hh" + suffix)))
    return torch.cat(w_ih), torch.stack(w_hh).contiguous(), torch.cat(bias)


def lstm_steps(gate_table: torch.Tensor, gate_rows: np.ndarray, w_hh: torch.Tensor,
               batch_sizes: Sequence[int]) -> torch.Tensor:
    """Hidden states ``(2, tokens, H)`` of both directions, packed.

    ``gate_table``: input projections ``(rows, 4H)``; ``gate_rows``: the table rows of
    each step, forward rows then backward rows (:meth:`Packing.gate_rows`); step ``t``
    holds ``batch_sizes[t]`` sentences, the first ones of the step before. The matrix
    products run in torch (its thread setting holds), and so do the sigmoids; the rest of
    the gates' arithmetic runs on numpy views of the same memory (cheaper per call than
    torch's at these small sizes; numpy's element-wise functions use one thread).
    """
    hidden = w_hh.shape[1]
    out = np.empty((2, len(gate_rows) // 2, hidden), dtype=np.float32)
    out_t = torch.from_numpy(out)
    if not batch_sizes:
        return out_t
    # every step's gates, step after step (forward rows, then backward rows): a step is
    # one contiguous block
    gates = gate_table.index_select(0, torch.from_numpy(gate_rows))
    cell = np.empty((2, batch_sizes[0], hidden), dtype=np.float32)
    scratch = np.empty_like(cell)
    three = 3 * hidden
    offset, previous = 0, -1
    for n in batch_sizes:
        step = gates[2 * offset:2 * (offset + n)].view(2, n, 4 * hidden)
        if previous >= 0:
            step.baddbmm_(out_t[:, previous:previous + n], w_hh)
        step[..., :three].sigmoid_()  # input, forget and output gates
        g = step.numpy()
        s = g[..., :three]
        candidate = g[..., three:]
        np.tanh(candidate, out=candidate)
        c = cell[:, :n]
        if previous >= 0:
            c *= s[..., hidden:2 * hidden]
            np.multiply(s[..., :hidden], candidate, out=scratch[:, :n])
            c += scratch[:, :n]
        else:
            np.multiply(s[..., :hidden], candidate, out=c)
        h = out[:, offset:offset + n]
        np.tanh(c, out=h)
        h *= s[..., 2 * hidden:]
        previous = offset
        offset += n
    return out_t


class Packing:
    """Where the tokens of sentences sorted by decreasing ``lengths`` go, packed.

    Packed row ``offsets[t] + b`` is token ``t`` of sentence ``b`` for the forward pass;
    the backward pass reads sentence ``b`` from its end, so its row ``offsets[t] + b`` is
    token ``lengths[b] - 1 - t``. ``forward``/``backward``: the flat token (sentences
    concatenated) of each packed row; ``mirror``: the backward row of each forward row's
    token; ``to_packed``: the packed row of each flat token.
    """

    def __init__(self, lengths: Sequence[int]) -> None:
        lengths_a = np.asarray(lengths, dtype=np.intp)
        steps = int(lengths_a[0]) if len(lengths_a) else 0
        active = np.arange(steps)[:, None] < lengths_a[None, :]
        self.batch_sizes: List[int] = active.sum(axis=1).tolist()
        offsets = np.zeros(steps + 1, dtype=np.intp)
        np.cumsum(self.batch_sizes, out=offsets[1:])
        starts = np.zeros(len(lengths_a), dtype=np.intp)
        np.cumsum(lengths_a[:-1], out=starts[1:])
        step, sentence = np.nonzero(active)  # packed order: by step, then sentence
        self.tokens = int(offsets[-1])
        self.forward = starts[sentence] + step
        reverse_step = lengths_a[sentence] - 1 - step
        self.backward = starts[sentence] + reverse_step
        self.mirror = offsets[reverse_step] + sentence
        self.to_packed = np.empty(self.tokens, dtype=np.intp)
        self.to_packed[self.forward] = np.arange(self.tokens)
        # where packed row k's gates go in lstm_steps' step blocks (forward rows, then backward)
        self._block = offsets[step] + np.arange(self.tokens)
        self._backward_block = self._block + np.asarray(self.batch_sizes, dtype=np.intp)[step]

    def gate_rows(self, token_rows: np.ndarray) -> np.ndarray:
        """The gate-table rows :func:`lstm_steps` reads, step by step: for each step, the
        forward rows of its tokens, then their backward rows (``token_rows``: the word
        row of each flat token; a word's forward gates are table row ``2 x word``, its
        backward ones ``2 x word + 1``)."""
        out = np.empty(2 * self.tokens, dtype=np.int64)
        out[self._block] = 2 * token_rows[self.forward]
        out[self._backward_block] = 2 * token_rows[self.backward] + 1
        return out


def bioes_spans(tags: Sequence[str], scores: Sequence[float]) -> List[Tuple[List[int], float, str]]:
    """``(token indices, mean score, label)`` of the spans of BIOES (or BIO) tags.

    The same spans as Flair's ``get_spans_from_bio``: ``B-``/``S-`` open a span, so does
    an ``I-``/``E-`` of another label than the token before; a span's label is the one
    most of its tags carry (the opening tag weighs 1.1).
    """
    found: List[Tuple[List[int], float, str]] = []
    previous = "O-"
    span: List[int] = []
    weights: Dict[str, float] = {}
    for idx, tag in enumerate(list(tags) + ["O"]):
        if tag in ("", "O", "_"):
            tag = "O-"
        inside = tag != "O-"
        opens = tag[:2] in ("B-", "S-") or (inside and previous[2:] != tag[2:] and tag[:2] == "I-")
        if (opens or not inside) and span:
            found.append((span, sum(scores[i] for i in span) / len(span), max(weights, key=weights.__getitem__)))
            span, weights = [], {}
        if inside:
            span.append(idx)
            weights[tag[2:]] = weights.get(tag[2:], 0.0) + (1.1 if opens else 1.0)
        previous = tag
    return found
