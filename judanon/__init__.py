"""judanon: pseudonymization of court decisions before publication.

``import judanon`` stays light: torch and flair load only when a neural detector is built.
"""

from judanon._version import __version__
from judanon.audit.trail import AuditTrail
from judanon.entities import CATEGORIES, Detector, Entity, Evidence, Span
from judanon.errors import (AnonymizationError, AuditError, AuditFormatError, DetectorError, DocumentError,
                            GoldFormatError, JudanonError, LabelFormatError, ModelLoadError, ModelNotFoundError,
                            ReviewError, ZoningError)
from judanon.pipeline import Anonymizer
from judanon.result import Result

__all__ = [
    "Anonymizer",
    "Result",
    "Entity",
    "Evidence",
    "Span",
    "Detector",
    "CATEGORIES",
    "AuditTrail",
    "RegexDetector",
    "DictionaryDetector",
    "PartyListDetector",
    "PersonContextDetector",
    "FlairDetector",
    "evaluate",
    "JudanonError",
    "AnonymizationError",
    "DetectorError",
    "ModelNotFoundError",
    "ModelLoadError",
    "DocumentError",
    "AuditFormatError",
    "GoldFormatError",
    "AuditError",
    "ReviewError",
    "LabelFormatError",
    "ZoningError",
    "from_label",
    "reidentify",
    "zones",
    "parse_instructions",
    "Zones",
    "Zone",
    "__version__",
]

_LAZY = {
    "RegexDetector": ("judanon.detectors.regex", "RegexDetector"),
    "DictionaryDetector": ("judanon.detectors.dictionary", "DictionaryDetector"),
    "PartyListDetector": ("judanon.detectors.parties", "PartyListDetector"),
    "PersonContextDetector": ("judanon.detectors.persons", "PersonContextDetector"),
    "FlairDetector": ("judanon.detectors.neural", "FlairDetector"),
    "evaluate": ("judanon.evaluation", "evaluate"),
    "from_label": ("judanon.audit.label", "from_label"),
    "reidentify": ("judanon.replace.mapping", "reidentify"),
    "zones": ("judanon.structure", "zones"),
    "parse_instructions": ("judanon.structure", "parse_instructions"),
    "Zones": ("judanon.text.zones", "Zones"),
    "Zone": ("judanon.text.zones", "Zone"),
}


def __getattr__(name):
    # Detectors load on first use so that ``import judanon`` stays fast.
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'judanon' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__))
