"""Exceptions raised by judanon. Each message says what to do."""

from typing import Optional


class JudanonError(Exception):
    """Base class of every judanon error."""


class AnonymizationError(JudanonError):
    """A decision could not be pseudonymized (a detector failed, or its work exceeded
    the decision's time budget): nothing is published. The message names the detector
    or stage, never the text; ``detector`` holds that name."""

    def __init__(self, message: str, detector: Optional[str] = None):
        super().__init__(message)
        self.detector = detector


class DetectorError(AnonymizationError):
    """A detector failed: the whole document fails, nothing half-processed is published."""


class ModelNotFoundError(DetectorError, FileNotFoundError):
    """The tagger model file does not exist."""


class ModelLoadError(DetectorError):
    """The file exists but is not a usable Flair sequence tagger."""


class AuditFormatError(JudanonError, ValueError):
    """An audit trail JSON document is malformed or of an unknown schema version."""


class GoldFormatError(JudanonError, ValueError):
    """An annotated (gold) file does not follow the expected JSONL format."""
