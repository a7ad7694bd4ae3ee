"""Exceptions raised by judanon. Each message says what to do."""


class JudanonError(Exception):
    """Base class of every judanon error."""


class DetectorError(JudanonError):
    """A detector failed: the whole document fails, nothing half-processed is published."""


class AuditFormatError(JudanonError, ValueError):
    """An audit trail JSON document is malformed or of an unknown schema version."""


class GoldFormatError(JudanonError, ValueError):
    """An annotated (gold) file does not follow the expected JSONL format."""
