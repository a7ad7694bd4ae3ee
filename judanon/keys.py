"""Secret keys: one length rule for every key the library takes, and the keys derived
from an audit key (one per use, so that no digest can stand in for another).

An audit key (``Anonymizer(audit_key=...)``) keys every digest of personal data the
library writes: the hashes of surfaces, the digest of the original text, the seed of
replacements of a decision without ``case_id``, and the hash chain of the audit trail.
Without the key none of them can be recomputed, so a guessed name cannot be tested
against them.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from judanon.errors import ArgumentError, ArgumentTypeError

#: The shortest key accepted anywhere (audit keys, KeyedToken secrets, Surrogate seeds,
#: mapping keys): 128 bits.
MIN_KEY_BYTES = 16

#: Purposes of the keys derived from an audit key.
INPUT_DIGEST = "input-digest"
CHAIN = "revision-chain"
REPLACEMENT_SEED = "replacement-seed"
KEY_ID = "key-id"


def check_key(key: Any, name: str = "key", allow_str: bool = False) -> bytes:
    """``key`` as bytes, or an error saying what a key must be (never the key itself)."""
    if allow_str and isinstance(key, str):
        key = key.encode("utf-8")
    if not isinstance(key, (bytes, bytearray)):
        kinds = "bytes or str" if allow_str else "bytes"
        raise ArgumentTypeError(f"{name} must be {kinds}, not {type(key).__name__}")
    if len(key) < MIN_KEY_BYTES:
        raise ArgumentError(f"{name} must hold at least {MIN_KEY_BYTES} random bytes, got {len(key)} "
                            "(use os.urandom(32) and keep it secret)")
    return bytes(key)


def derive(key: bytes, purpose: str) -> bytes:
    """The key of one use of ``key`` (HMAC-SHA256 of the purpose's name)."""
    return hmac.new(key, b"judanon/" + purpose.encode("ascii"), hashlib.sha256).digest()


def keyed_digest(key: bytes, purpose: str, data: str) -> str:
    """HMAC-SHA256 of ``data`` under the key derived from ``key`` for ``purpose`` (hex)."""
    return hmac.new(derive(key, purpose), data.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()


def key_id(key: bytes) -> str:
    """A fingerprint of ``key`` that tells which key a trail was written with and
    reveals nothing of the key or of any text."""
    return derive(key, KEY_ID).hex()[:16]


__all__ = ["MIN_KEY_BYTES", "check_key", "derive", "keyed_digest", "key_id"]
