"""The audit stage: the trail of what was found and replaced (:mod:`.trail`), the
review round trip (:mod:`.review`), doubts for reviewers (:mod:`.doubts`), checks before
release (:mod:`.check`), Label interop (:mod:`.label`) and notebook views (:mod:`.display`).

The trail's values are importable from here (``from judanon.audit import AuditTrail``).
"""

from judanon.audit.schema import READABLE_SCHEMAS, SCHEMA_VERSION
from judanon.audit.trail import (DOUBT_KINDS, AuditTrail, DetectorInfo, DoubtRecord, EntityRecord, EvidenceRecord,
                                 Revision, doubts_sha256, freeze, input_fields, input_hmac, keyed_hash,
                                 records_sha256, sha256_text)

__all__ = ["AuditTrail", "DetectorInfo", "DoubtRecord", "EntityRecord", "EvidenceRecord", "Revision",
           "DOUBT_KINDS", "READABLE_SCHEMAS", "SCHEMA_VERSION", "doubts_sha256", "freeze", "input_fields",
           "input_hmac", "keyed_hash", "records_sha256", "sha256_text"]
