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


class ZoningError(AnonymizationError):
    """The decision was asked to hide its reasons (``hide_motivations=True``) and they
    were not found: nothing is published, rather than reasons left in clear."""


class ModelNotFoundError(DetectorError, FileNotFoundError):
    """The tagger model file does not exist."""


class ModelLoadError(DetectorError):
    """The file exists but is not a usable Flair sequence tagger."""


class AuditFormatError(JudanonError, ValueError):
    """An audit trail JSON document is malformed or of an unknown schema version."""


class GoldFormatError(JudanonError, ValueError):
    """An annotated (gold) file does not follow the expected JSONL format."""


class AuditError(JudanonError):
    """An audit trail or an encrypted mapping does not verify: it was edited, reordered,
    damaged, or the key is wrong."""


class ReviewError(JudanonError, ValueError):
    """A review names an entity the result does not hold or a span that does not fit the text."""


class ExtraNotInstalledError(JudanonError, ImportError):
    """A feature needs an optional dependency: the message names the extra to install."""


class NeuralUnavailableError(ExtraNotInstalledError):
    """flair (or torch) is not installed; the neural detector cannot be built."""


class ArgumentError(JudanonError, ValueError):
    """An argument has a value the library cannot work with; the message says which values it takes."""


class ArgumentTypeError(JudanonError, TypeError):
    """An argument has the wrong type; the message says which type it takes."""


class TimeBudgetError(JudanonError, TimeoutError):
    """The work on one decision exceeded its time budget (:mod:`judanon.text.limits`); the pipeline
    turns it into an :class:`AnonymizationError` naming the stage."""


class PatternError(JudanonError, ValueError):
    """A :class:`judanon.detectors.regex.Pattern` is malformed (bad name, missing group, bad specificity)."""


class CorpusError(JudanonError):
    """The inputs or outputs of a batch run cannot work (the command line exits with 2)."""


class ProfileError(JudanonError, ValueError):
    """A profile (a country or language pack, :mod:`judanon.packs`) cannot be built as asked."""


class UnknownProfileError(ProfileError):
    """No pack has this code."""


class NoNeuralModelError(ProfileError):
    """The neural detector was asked of a pack that ships no tagger."""


class PackContractError(ProfileError):
    """A pack does not keep the pack contract (:class:`judanon.packs.contract.PackWords`):
    it defines a name no slot has (a misspelt slot would silently turn a feature off), or
    gives a slot a value of the wrong kind. Raised when the pack loads."""


class LabelFormatError(JudanonError, ValueError):
    """A Label document or treatment does not follow Label's format or does not fit its text."""


class DocumentError(JudanonError):
    """One document of a batch failed; the others went on (``Anonymizer.anonymize_many``
    yields it in that document's place, it does not raise it).

    ``id`` is the record's ``id`` (its position in the input when it has none);
    ``reason`` says what went wrong and never quotes the decision's text.
    """

    def __init__(self, id, reason: str):
        super().__init__(f"document {id!r} failed: {reason}")
        self.id = id
        self.reason = reason

    def __reduce__(self):
        return (type(self), (self.id, self.reason))
