"""Small real detectors for the tests: they mark fixed words (written for the project), or
fail, or end their process on a marker. They live in an importable module so that worker
processes, forked or spawned, can unpickle them."""

import os

from judanon.entities import Span


class WordDetector:
    """Every occurrence of each word in ``words`` (word -> label) becomes a span.

    ``evidence`` is formatted with the span's ``label``.
    """

    version = "1"

    def __init__(self, words, specificity=2, score=0.9, name="words", evidence="w"):
        self.words, self.specificity, self.score = words, specificity, score
        self.name, self.evidence = name, evidence

    def detect(self, text):
        for word, label in self.words.items():
            i = text.find(word)
            while i != -1:
                yield Span(i, i + len(word), label, self.name, self.score,
                           self.evidence.format(label=label), self.specificity)
                i = text.find(word, i + 1)


class FailsOn:
    """Marks words like WordDetector, and raises (quoting the text) on ``marker``."""

    name, version = "fails-on", "1"

    def __init__(self, marker, words=None):
        self.marker = marker
        self.words = WordDetector(words or {"Morvan": "personnePhysique"})

    def detect(self, text):
        if self.marker in text:
            raise ValueError(f"cannot handle {text[:60]!r}")
        return list(self.words.detect(text))


class ManyFailsOn(FailsOn):
    """Has detect_many, which fails for the whole chunk as soon as one text has the marker."""

    name = "many-fails-on"
    calls = 0

    def detect_many(self, texts):
        type(self).calls += 1
        return [self.detect(t) for t in texts]


class ExitsOn(FailsOn):
    """Kills the process that runs it on ``marker`` (a worker dying mid-document)."""

    name = "exits-on"

    def detect(self, text):
        if self.marker in text:
            os._exit(3)
        return list(self.words.detect(text))
