"""The resolve stage: from every detector's candidate spans to one set of entities.

:func:`resolve` (:mod:`.resolution`) is the one entry point that the pipeline, a review
and a Label import call: it runs, in order, the lowercase guesses and company words
(:mod:`.propagation`, :mod:`.companies`), the overlap policy (:mod:`.overlaps`),
propagation and inflected forms (:mod:`.propagation`, :mod:`.inflection`), one referent
one decision (:mod:`.masking`) and linking (:mod:`.linking`). What stays visible is the
policy's (:mod:`.policy`). Resolution reads what spans declare (``Span.roles``), never
which detector made them.
"""

from judanon.resolve.resolution import Resolution, resolve

__all__ = ["Resolution", "resolve"]
