"""Shared fixtures: the shipped neural model is loaded once per test session."""

import os

import pytest

# Nothing may be fetched from a hub while the tests run.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def flair_detector():
    """The tagger the French pack ships, as a plain detector cut with the pack's abbreviations."""
    from judanon.detectors.neural import FlairDetector
    from judanon.packs import load_profile

    fr = load_profile("fr")
    return FlairDetector(fr.tagger, abbreviations=fr.abbreviations)


@pytest.fixture(scope="session")
def default_anonymizer():
    """``Anonymizer()`` as users get it: rules, dictionaries and the shipped model."""
    import judanon

    return judanon.Anonymizer()
