"""The tagger's linear-chain CRF: Viterbi decoding and the training loss.

Layout of the scores (Flair's, which model files keep): ``transitions[i, j]`` scores
the move from tag ``j`` to tag ``i``; the tag set holds ``<START>`` and ``<STOP>``.

Decoding works on *packed* emissions: the rows of every sentence of a batch, step by
step (time-major), sentences sorted by decreasing length, as
``torch.nn.utils.rnn.pack_padded_sequence`` lays them out. Step ``t`` holds
``batch_sizes[t]`` rows: the sentences longer than ``t``. No padding is scored, and the
loop over steps runs on small numpy arrays (``batch x tags x tags`` at one step), never
on a ``batch x length x tags x tags`` tensor.

Paths and confidences are those of Flair's ``ViterbiDecoder`` (the sums are made in the
same order, in float32, and the confidence is the softmax of the Viterbi scores).
"""

from __future__ import annotations

from typing import Sequence, Tuple

import numpy as np


def viterbi(emissions: np.ndarray, batch_sizes: Sequence[int], transitions: np.ndarray,
            start: int, stop: int) -> Tuple[np.ndarray, np.ndarray]:
    """Best tag per packed row and its confidence.

    ``emissions``: ``(rows, tags)`` float32, packed; ``batch_sizes``: rows per step
    (non-increasing); ``transitions``: ``(tags, tags)`` float32. Returns ``(tags, scores)``:
    the tag index of every row on its sentence's best path, and the Viterbi scores of
    every row, ``(rows, tags)`` float32 (:func:`confidences` turns them into the
    model's confidence).
    """
    rows, n_tags = emissions.shape
    upto = np.empty((rows, n_tags), dtype=np.float32)
    back = np.empty((rows, n_tags), dtype=np.intp)
    first = batch_sizes[0] if len(batch_sizes) else 0
    # step 0: the move from <START>
    np.add(emissions[:first], transitions[:, start], out=upto[:first])
    scores_buffer = np.empty((first, n_tags, n_tags), dtype=np.float32)
    # flat position of [row, tag, 0] in the buffer: the best score is read at + back pointer
    row_starts = np.arange(first * n_tags, dtype=np.intp).reshape(first, n_tags) * n_tags
    offset = first
    previous = upto[:first]
    for n in batch_sizes[1:]:
        # (emission + transition) + score so far: Flair adds in this order
        scores = scores_buffer[:n]
        np.add(emissions[offset:offset + n, :, None], transitions, out=scores)
        scores += previous[:n, None, :]
        best = back[offset:offset + n]
        np.argmax(scores, axis=2, out=best)
        current = upto[offset:offset + n]
        np.take(scores, row_starts[:n] + best, out=current)  # faster than a max over the last axis
        previous = current
        offset += n
    return _backtrack(upto, back, batch_sizes, transitions[stop]), upto


def _backtrack(upto: np.ndarray, back: np.ndarray, batch_sizes: Sequence[int], to_stop: np.ndarray) -> np.ndarray:
    """The best path of every sentence, read backwards from its last row."""
    steps = len(batch_sizes)
    offsets = np.zeros(steps + 1, dtype=np.intp)
    np.cumsum(batch_sizes, out=offsets[1:])
    path = np.empty(len(upto), dtype=np.intp)
    if not steps:
        return path
    pointer = np.empty(batch_sizes[0], dtype=np.intp)
    for t in range(steps - 1, -1, -1):
        n = batch_sizes[t]
        ending = batch_sizes[t + 1] if t + 1 < steps else 0
        if ending < n:
            # sentences whose last token is at step t: the move to <STOP> closes them
            last = upto[offsets[t] + ending:offsets[t] + n] + to_stop
            pointer[ending:n] = last.argmax(axis=1)
        path[offsets[t]:offsets[t] + n] = pointer[:n]
        if t:
            pointer[:n] = back[offsets[t] + np.arange(n), pointer[:n]]
    return path


def confidences(scores: np.ndarray) -> np.ndarray:
    """The confidence of each row's best tag: the largest softmax of its Viterbi scores
    (computed by torch, as Flair does, so that the figures are Flair's to the bit)."""
    import torch

    return torch.softmax(torch.from_numpy(scores), dim=1).max(dim=1).values.numpy()


def crf_loss(tagger, emissions, lengths, targets):
    """Summed negative log-likelihood of the gold tags under the tagger's CRF.

    The same quantity as Flair's ``ViterbiLoss``, computed on ``(batch, len, tags)``
    emissions: Flair's version differentiates through a ``(batch, len, tags, tags)``
    tensor sliced step by step, which makes its backward pass ~50x slower on CPU.
    ``tagger``: a Flair ``SequenceTagger`` (its ``crf.transitions`` and tag dictionary);
    ``targets``: the tags of the sentences (sorted by decreasing length), concatenated.
    """
    import torch

    transitions = tagger.crf.transitions
    dictionary = tagger.label_dictionary
    start = dictionary.get_idx_for_item("<START>")
    stop = dictionary.get_idx_for_item("<STOP>")
    batch, seq_len, _ = emissions.shape
    lengths = lengths.to(emissions.device)
    gold = torch.zeros(batch, seq_len, dtype=torch.long, device=emissions.device)
    mask = torch.arange(seq_len, device=emissions.device).unsqueeze(0) < lengths.unsqueeze(1)
    gold[mask] = targets

    # score of the gold paths
    emit_gold = emissions.gather(2, gold.unsqueeze(2)).squeeze(2) * mask
    trans_gold = transitions[gold[:, 1:], gold[:, :-1]] * mask[:, 1:]
    last_tag = gold.gather(1, (lengths - 1).unsqueeze(1)).squeeze(1)
    gold_score = (
        emit_gold.sum(1) + trans_gold.sum(1) + transitions[gold[:, 0], start] + transitions[stop, last_tag]
    )

    # log partition function (forward algorithm)
    steps = emissions.unbind(1)
    alpha = steps[0] + transitions[:, start].unsqueeze(0)
    trans = transitions.unsqueeze(0)
    for t in range(1, seq_len):
        nxt = torch.logsumexp(alpha.unsqueeze(1) + trans, dim=2) + steps[t]
        alpha = torch.where(mask[:, t].unsqueeze(1), nxt, alpha)
    log_z = torch.logsumexp(alpha + transitions[stop].unsqueeze(0), dim=1)
    return (log_z - gold_score).sum()
