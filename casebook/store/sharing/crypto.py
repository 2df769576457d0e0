"""The cryptography of sharing, composed only of vetted primitives from `cryptography` and
`argon2-cffi`, as the key slots are:

- Files (exchange files and invitations) are encrypted in segments with AES-256-GCM under a
  per-file key derived by HKDF-SHA256 from the family key and a random salt. The nonce of each
  segment is its number and a "last segment" flag — the STREAM construction of Hoang,
  Reyhanitabar, Rogaway and Vizár (2015), as used by Tink's streaming AEAD and by age — so a
  segment cannot be altered, dropped, reordered or cut off without the reader noticing. Every
  segment also authenticates the file's plain header (family, sender, key generation).
- A new family key (after a member is removed) is sent to each remaining member with HPKE
  (RFC 9180: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM) to that member's public
  key, and vouched for by an HMAC-SHA256 under the previous family key, so only someone who
  held that key could have started the new one.
- An invitation is encrypted with a key derived by Argon2id from the short code shown on the
  inviter's screen, with the same bounded parameters as the key slots: each guess costs the
  guesser the same memory and time it costs the person joining.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import x25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
SALT_BYTES = 32
_SEGMENT_INFO = b"casebook sharing segments v1"
_KEY_ID_LABEL = b"casebook family key id v1"
_PROOF_LABEL = b"casebook family key update v1"
_WRAP_INFO = b"casebook family key wrap v1"
_HPKE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.AES_256_GCM)


class Unauthentic(Exception):
    """Decryption or verification failed: altered, cut short, or made with another key."""


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def key_id(key: bytes) -> str:
    """A public name for a key (a one-way digest, so it reveals nothing about the key)."""
    return hashlib.sha256(_KEY_ID_LABEL + key).hexdigest()[:32]


# Segments (STREAM) ------------------------------------------------------------------------


class SegmentCipher:
    """Seals or opens the numbered segments of one file."""

    def __init__(self, file_key: bytes, salt: bytes, associated: bytes) -> None:
        derived = HKDF(
            algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=_SEGMENT_INFO
        ).derive(file_key)
        self._aead = AESGCM(derived)
        self._associated = hashlib.sha256(associated).digest()

    @staticmethod
    def _nonce(index: int, last: bool) -> bytes:
        if not 0 <= index < 2**64:
            raise ValueError("too many segments")
        return b"\x00\x00\x00" + struct.pack(">Q", index) + (b"\x01" if last else b"\x00")

    def seal(self, index: int, plaintext: bytes, *, last: bool) -> bytes:
        return self._aead.encrypt(self._nonce(index, last), plaintext, self._associated)

    def open(self, index: int, ciphertext: bytes, *, last: bool) -> bytes:
        try:
            return self._aead.decrypt(self._nonce(index, last), ciphertext, self._associated)
        except InvalidTag:
            raise Unauthentic from None


# Key updates --------------------------------------------------------------------------------


def key_proof(previous: bytes, family: str, generation: int, new_key_id: str) -> str:
    message = b"|".join(
        [_PROOF_LABEL, family.encode(), str(generation).encode(), new_key_id.encode()]
    )
    return hmac.new(previous, message, hashlib.sha256).hexdigest()


def check_key_proof(
    previous: bytes, family: str, generation: int, new_key_id: str, proof: str
) -> bool:
    return hmac.compare_digest(key_proof(previous, family, generation, new_key_id), proof)


def new_key_pair() -> tuple[str, bytes]:
    """(public key as hex, private key as raw bytes) for receiving family keys."""
    private = x25519.X25519PrivateKey.generate()
    public = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return public.hex(), raw


def _wrap_info(family: str, generation: int, member: str) -> bytes:
    return b"|".join([_WRAP_INFO, family.encode(), str(generation).encode(), member.encode()])


def wrap_key(key: bytes, public_hex: str, family: str, generation: int, member: str) -> str:
    """The family key, readable only with the member's private key (HPKE, RFC 9180)."""
    public = x25519.X25519PublicKey.from_public_bytes(bytes.fromhex(public_hex))
    return _HPKE.encrypt(key, public, info=_wrap_info(family, generation, member)).hex()


def unwrap_key(wrapped: str, private: bytes, family: str, generation: int, member: str) -> bytes:
    try:
        key = x25519.X25519PrivateKey.from_private_bytes(private)
        return _HPKE.decrypt(
            bytes.fromhex(wrapped), key, info=_wrap_info(family, generation, member)
        )
    except (InvalidTag, ValueError):
        raise Unauthentic from None
