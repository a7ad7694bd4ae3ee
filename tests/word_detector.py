"""A small real detector for the tests: marks fixed words (written for the project)."""

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
