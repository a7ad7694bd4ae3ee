"""Reversibility for authorized users: the replacement -> original mapping of a result,
encrypted with authenticated encryption (AES-256-GCM, key derived by HKDF-SHA256).

``export_mapping(result, key, decision_id=None)`` gives an opaque ``bytes`` value;
``reidentify(published, mapping, key, decision_id=None)`` gives back the original text.
The mapping is bound to the published text (its SHA-256, in clear in the mapping's
header and authenticated with the rest) and to the decision's id when one is given: a
mapping is checked against the published text *before* anything is decrypted, and two
decisions whose published texts are identical cannot swap their mappings when each was
exported with its id. A wrong key, a mapping altered by one bit, another published
text or another id raises ``AuditError`` and nothing is decrypted. Needs the ``audit``
extra (``cryptography``).
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Optional

from judanon.errors import ArgumentTypeError, AuditError, ExtraNotInstalledError
from judanon.keys import check_key

#: First bytes of every mapping: format and version (authenticated with the rest).
MAGIC = b"JUDANON-MAP2"
#: Mappings of judanon 0.1 (published digest inside the encrypted payload), still read.
MAGIC_V1 = b"JUDANON-MAP1"
_SALT = 16
_NONCE = 12
_DIGEST = 32


def _crypto():
    try:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF
    except ImportError:
        raise ExtraNotInstalledError(
            "encrypted mappings need the cryptography package: pip install 'judanon[audit]'") from None
    return InvalidTag, hashes, AESGCM, HKDF


def _check_key(key) -> bytes:
    return check_key(key, "key")


def _derive(key: bytes, salt: bytes, magic: bytes = MAGIC) -> bytes:
    _, hashes, _, HKDF = _crypto()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=magic).derive(key)


def _published_digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _bound(salt: bytes, digest: bytes, decision_id: Optional[str]) -> bytes:
    """The associated data: format, salt, published text and decision id."""
    if decision_id is not None and not isinstance(decision_id, str):
        raise ArgumentTypeError(f"decision_id must be str or None, not {type(decision_id).__name__}")
    return MAGIC + salt + digest + json.dumps(decision_id, ensure_ascii=False).encode("utf-8", "surrogatepass")


def export_mapping(result, key: bytes, decision_id: Optional[str] = None) -> bytes:
    """Encrypt the positions of every replacement in ``result.text`` with its original
    surface, bound to ``result.text`` and to ``decision_id`` (when given)."""
    key = _check_key(key)
    _, _, AESGCM, _ = _crypto()
    items = []
    shift = 0
    for e in sorted(result.entities, key=lambda e: e.start):
        if e.replacement is None:
            continue
        start = e.start + shift
        items.append([start, start + len(e.replacement), e.text])
        shift += len(e.replacement) - (e.end - e.start)
    payload = json.dumps({"items": items}, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    salt, nonce, digest = os.urandom(_SALT), os.urandom(_NONCE), _published_digest(result.text)
    sealed = AESGCM(_derive(key, salt)).encrypt(nonce, payload, _bound(salt, digest, decision_id))
    return MAGIC + salt + nonce + digest + sealed


def reidentify(published_text: str, mapping: bytes, key: bytes, decision_id: Optional[str] = None) -> str:
    """The original text of ``published_text`` (for authorized users holding ``key``);
    ``decision_id`` as given to ``export_mapping``."""
    if not isinstance(published_text, str):
        raise ArgumentTypeError(f"published_text must be str, not {type(published_text).__name__}")
    if not isinstance(mapping, (bytes, bytearray)):
        raise ArgumentTypeError(f"mapping must be bytes (from Result.export_mapping), not {type(mapping).__name__}")
    key = _check_key(key)
    mapping = bytes(mapping)
    if mapping.startswith(MAGIC_V1):
        return _reidentify_v1(published_text, mapping, key)
    head = len(MAGIC) + _SALT + _NONCE + _DIGEST
    if not mapping.startswith(MAGIC) or len(mapping) < head + 16:
        raise AuditError("not a judanon mapping (wrong format or truncated); use the bytes "
                         "Result.export_mapping returned")
    salt = mapping[len(MAGIC):len(MAGIC) + _SALT]
    nonce = mapping[len(MAGIC) + _SALT:len(MAGIC) + _SALT + _NONCE]
    digest = mapping[head - _DIGEST:head]
    if _published_digest(published_text) != digest:
        raise AuditError("this mapping was made for another published text (its sha256 differs); pass the "
                         "text exactly as Result.text gave it; nothing was decrypted")
    InvalidTag, _, AESGCM, _ = _crypto()
    try:
        payload = AESGCM(_derive(key, salt)).decrypt(nonce, mapping[head:], _bound(salt, digest, decision_id))
    except InvalidTag:
        raise AuditError("the mapping does not decrypt: wrong key, another decision id, or the mapping was "
                         "altered; nothing was decrypted") from None
    return _apply(published_text, json.loads(payload.decode("utf-8", "surrogatepass"))["items"])


def _reidentify_v1(published_text: str, mapping: bytes, key: bytes) -> str:
    """A mapping of judanon 0.1: its published digest is inside the encrypted payload."""
    InvalidTag, _, AESGCM, _ = _crypto()
    head = len(MAGIC_V1) + _SALT + _NONCE
    if len(mapping) < head + 16:
        raise AuditError("not a judanon mapping (truncated); use the bytes Result.export_mapping returned")
    salt = mapping[len(MAGIC_V1):len(MAGIC_V1) + _SALT]
    nonce = mapping[len(MAGIC_V1) + _SALT:head]
    try:
        payload = AESGCM(_derive(key, salt, MAGIC_V1)).decrypt(nonce, mapping[head:], MAGIC_V1 + salt)
    except InvalidTag:
        raise AuditError("the mapping does not decrypt: wrong key, or the mapping was altered; "
                         "nothing was decrypted") from None
    data = json.loads(payload.decode("utf-8", "surrogatepass"))
    del payload
    if data["published_sha256"] != _published_digest(published_text).hex():
        del data  # the names must not stay in the traceback's frame
        raise AuditError("this mapping was made for another published text (its sha256 differs); "
                         "pass the text exactly as Result.text gave it")
    return _apply(published_text, data.pop("items"))


def _apply(published_text: str, items) -> str:
    out = []
    pos = 0
    for start, end, original in items:
        out.append(published_text[pos:start])
        out.append(original)
        pos = end
    out.append(published_text[pos:])
    return "".join(out)
