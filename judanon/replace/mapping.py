"""Reversibility for authorized users: the replacement -> original mapping of a result,
encrypted with authenticated encryption (AES-256-GCM, key derived by HKDF-SHA256).

``export_mapping(result, key)`` gives an opaque ``bytes`` value; ``reidentify(published,
mapping, key)`` gives back the original text. A wrong key, a mapping altered by one bit
or a published text that is not the one the mapping was made for raises ``AuditError``
and nothing is decrypted. Needs the ``audit`` extra (``cryptography``).
"""

from __future__ import annotations

import hashlib
import json
import os

from judanon.errors import ArgumentError, ArgumentTypeError, AuditError, ExtraNotInstalledError

#: First bytes of every mapping: format and version (authenticated with the rest).
MAGIC = b"JUDANON-MAP1"
_SALT = 16
_NONCE = 12


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
    if not isinstance(key, (bytes, bytearray)):
        raise ArgumentTypeError(f"key must be bytes, not {type(key).__name__}")
    if len(key) < 16:
        raise ArgumentError("key must hold at least 16 random bytes (use os.urandom(32) and keep it safe)")
    return bytes(key)


def _derive(key: bytes, salt: bytes) -> bytes:
    _, hashes, _, HKDF = _crypto()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=MAGIC).derive(key)


def export_mapping(result, key: bytes) -> bytes:
    """Encrypt the positions of every replacement in ``result.text`` with its original surface."""
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
    payload = json.dumps({"published_sha256": hashlib.sha256(result.text.encode("utf-8", "surrogatepass")).hexdigest(),
                          "items": items}, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    salt, nonce = os.urandom(_SALT), os.urandom(_NONCE)
    sealed = AESGCM(_derive(key, salt)).encrypt(nonce, payload, MAGIC + salt)
    return MAGIC + salt + nonce + sealed


def reidentify(published_text: str, mapping: bytes, key: bytes) -> str:
    """The original text of ``published_text`` (for authorized users holding ``key``)."""
    if not isinstance(published_text, str):
        raise ArgumentTypeError(f"published_text must be str, not {type(published_text).__name__}")
    if not isinstance(mapping, (bytes, bytearray)):
        raise ArgumentTypeError(f"mapping must be bytes (from Result.export_mapping), not {type(mapping).__name__}")
    key = _check_key(key)
    InvalidTag, _, AESGCM, _ = _crypto()
    mapping = bytes(mapping)
    head = len(MAGIC) + _SALT + _NONCE
    if not mapping.startswith(MAGIC) or len(mapping) < head + 16:
        raise AuditError("not a judanon mapping (wrong format or truncated); use the bytes "
                         "Result.export_mapping returned")
    salt = mapping[len(MAGIC):len(MAGIC) + _SALT]
    nonce = mapping[len(MAGIC) + _SALT:head]
    try:
        payload = AESGCM(_derive(key, salt)).decrypt(nonce, mapping[head:], MAGIC + salt)
    except InvalidTag:
        raise AuditError("the mapping does not decrypt: wrong key, or the mapping was altered; "
                         "nothing was decrypted") from None
    data = json.loads(payload.decode("utf-8", "surrogatepass"))
    digest = hashlib.sha256(published_text.encode("utf-8", "surrogatepass")).hexdigest()
    if digest != data["published_sha256"]:
        raise AuditError("this mapping was made for another published text (its sha256 differs); "
                         "pass the text exactly as Result.text gave it")
    out = []
    pos = 0
    for start, end, original in data["items"]:
        out.append(published_text[pos:start])
        out.append(original)
        pos = end
    out.append(published_text[pos:])
    return "".join(out)
