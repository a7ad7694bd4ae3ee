"""French data for training a tagger (``judanon.training``): address augmentation."""

from __future__ import annotations

from typing import Tuple

#: Street types an augmented address may take (lowercase).
TRAINING_STREET_TYPES: Tuple[str, ...] = (
    "rue", "avenue", "boulevard", "allée", "impasse", "chemin", "place", "route", "quai",
    "square", "passage", "cours", "résidence", "sentier",
)
#: Shapes of an invented street name: words, ``{}`` a common word, ``{}s`` its plural.
TRAINING_STREET_NAME_SHAPES: Tuple[Tuple[str, ...], ...] = (
    ("de", "la", "{}"), ("du", "{}"), ("des", "{}s"), ("de", "l", "'", "{}"), ("{}",), ("{}", "{}"),
)
