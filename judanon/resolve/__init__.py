"""The resolve stage: from every detector's candidate spans to one set of entities.

Overlaps (:mod:`.overlaps`), company words (:mod:`.companies`), propagation
(:mod:`.propagation`), inflected forms (:mod:`.inflection`), one referent one decision
(:mod:`.masking`), linking (:mod:`.linking`), and what stays visible (:mod:`.policy`).
"""
