"""Exceptions raised by judanon. Each message says what to do."""


class JudanonError(Exception):
    """Base class of every judanon error."""


class DetectorError(JudanonError):
    """A detector failed: the whole document fails, nothing half-processed is published."""


class AuditFormatError(JudanonError, ValueError):
    """An audit trail JSON document is malformed or of an unknown schema version."""


class GoldFormatError(JudanonError, ValueError):
    """An annotated (gold) file does not follow the expected JSONL format."""


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
