"""Detectors: anything with ``detect(text) -> Iterable[Span]`` plus ``name`` and ``version``."""
