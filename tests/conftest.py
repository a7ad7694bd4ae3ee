"""Shared fixtures: the shipped neural model is loaded once per test session."""

import os

import pytest

# Nothing may be fetched from a hub while the tests run.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def flair_detector():
    from judanon.detectors.neural import FlairDetector

    return FlairDetector()


@pytest.fixture(scope="session")
def default_anonymizer():
    """``Anonymizer()`` as users get it: rules, dictionaries and the shipped model."""
    import judanon

    return judanon.Anonymizer()
