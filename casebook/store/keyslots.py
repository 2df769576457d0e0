"""Key slots: the binder's random master key, wrapped once per way of unlocking it.

This is the one cryptographic composition Casebook writes itself, so it is kept small:
Argon2id (argon2-cffi) turns a password or recovery code into a 256-bit wrapping key, and
AES-256-GCM (cryptography) wraps the master key with the slot's header as associated data, so
a changed KDF parameter or slot type makes unwrapping fail instead of silently weakening it.

`keyslots.json` also carries a SHA-256 checksum of its own content. It is no security
boundary (anyone can recompute it); it only lets us tell "this file is damaged" apart from
"this password is wrong", which matter very differently to a worried user.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from casebook.core.errors import BinderDamaged, WrongPassword

FORMAT = "casebook-keyslots"
FORMAT_VERSION = 1
MASTER_KEY_BYTES = 48  # SQLCipher raw key: 32-byte key + 16-byte salt
SALT_BYTES = 16
NONCE_BYTES = 12

# Bounds checked before deriving: a tampered file must not make us derive with weak
# parameters, nor ask for 100 GiB of memory.
MIN_MEMORY_KIB = 64 * 1024
MAX_MEMORY_KIB = 4 * 1024 * 1024
MIN_ITERATIONS = 3
MAX_ITERATIONS = 200
MIN_PARALLELISM = 1
MAX_PARALLELISM = 16

PASSWORD_SLOT = "password"  # noqa: S105 - a slot type name, not a secret
RECOVERY_SLOT = "recovery"
_SLOT_TYPES = (PASSWORD_SLOT, RECOVERY_SLOT)


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters. `minimum()` is the floor DESIGN.md allows."""

    memory_kib: int
    iterations: int
    parallelism: int

    @classmethod
    def minimum(cls) -> KdfParams:
        return cls(MIN_MEMORY_KIB, MIN_ITERATIONS, 4)

    def validate(self) -> None:
        """Raise ValueError for parameters outside the accepted bounds."""
        if not MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB:
            raise ValueError(f"argon2 memory {self.memory_kib} KiB out of bounds")
        if not MIN_ITERATIONS <= self.iterations <= MAX_ITERATIONS:
            raise ValueError(f"argon2 iterations {self.iterations} out of bounds")
        if not MIN_PARALLELISM <= self.parallelism <= MAX_PARALLELISM:
            raise ValueError(f"argon2 parallelism {self.parallelism} out of bounds")


def _normalise(secret: str) -> bytes:
    """The same password typed on macOS (NFD) and Windows (NFC) must unlock the binder."""
    return unicodedata.normalize("NFC", secret).encode("utf-8")


def derive_wrapping_key(secret: str, salt: bytes, params: KdfParams) -> bytes:
    params.validate()
    if not SALT_BYTES <= len(salt) <= 64:
        raise ValueError("argon2 salt length out of bounds")
    return hash_secret_raw(
        _normalise(secret),
        salt,
        time_cost=params.iterations,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def calibrate_kdf(target_seconds: float = 0.75) -> KdfParams:
    """Pick Argon2id costs that take about `target_seconds` on this machine (0.5–1 s).

    Memory is preferred over iterations (it is what hurts GPU attackers), up to 256 MiB; on a
    slow machine memory drops toward the 64 MiB floor before iterations drop toward 3.
    """
    salt = secrets.token_bytes(SALT_BYTES)
    memory = 256 * 1024
    probe = KdfParams(memory, MIN_ITERATIONS, 4)
    while True:
        started = time.perf_counter()
        derive_wrapping_key("calibration", salt, probe)
        elapsed = time.perf_counter() - started
        if elapsed <= target_seconds or probe.memory_kib <= MIN_MEMORY_KIB:
            break
        probe = KdfParams(max(MIN_MEMORY_KIB, probe.memory_kib // 2), MIN_ITERATIONS, 4)
    per_iteration = elapsed / MIN_ITERATIONS
    iterations = int(target_seconds / per_iteration) if per_iteration > 0 else MIN_ITERATIONS
    iterations = max(MIN_ITERATIONS, min(MAX_ITERATIONS, iterations))
    return KdfParams(probe.memory_kib, iterations, 4)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class KeySlot:
    """One wrapped copy of the master key."""

    slot_id: str
    slot_type: str
    params: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes

    def header(self, binder_id: str) -> bytes:
        """Associated data: everything that says how to unwrap, bound to this binder."""
        fields = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "binder_id": binder_id,
            "slot_id": self.slot_id,
            "type": self.slot_type,
            "kdf": "argon2id",
            "memory_kib": self.params.memory_kib,
            "iterations": self.params.iterations,
            "parallelism": self.params.parallelism,
            "salt": _b64(self.salt),
            "cipher": "aes-256-gcm",
        }
        return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("utf-8")

    def to_json(self) -> dict[str, Any]:
        return {
            "slot_id": self.slot_id,
            "type": self.slot_type,
            "kdf": {
                "name": "argon2id",
                "memory_kib": self.params.memory_kib,
                "iterations": self.params.iterations,
                "parallelism": self.params.parallelism,
                "salt": _b64(self.salt),
            },
            "cipher": "aes-256-gcm",
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
        }

    @classmethod
    def from_json(cls, raw: object) -> KeySlot:
        if not isinstance(raw, dict):
            raise ValueError("slot is not an object")
        kdf = raw["kdf"]
        if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
            raise ValueError("unknown key derivation")
        if raw.get("cipher") != "aes-256-gcm":
            raise ValueError("unknown cipher")
        slot_type = raw["type"]
        if slot_type not in _SLOT_TYPES:
            raise ValueError("unknown slot type")
        params = KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["parallelism"]))
        params.validate()
        nonce = _unb64(raw["nonce"])
        wrapped = _unb64(raw["wrapped_key"])
        if len(nonce) != NONCE_BYTES or len(wrapped) != MASTER_KEY_BYTES + 16:
            raise ValueError("wrong nonce or key length")
        return cls(str(raw["slot_id"]), slot_type, params, _unb64(kdf["salt"]), nonce, wrapped)


def wrap_master_key(
    master_key: bytes, binder_id: str, slot_type: str, secret: str, params: KdfParams
) -> KeySlot:
    """Make a new slot that opens `master_key` with `secret`."""
    if len(master_key) != MASTER_KEY_BYTES:
        raise ValueError("master key has the wrong length")
    unsealed = KeySlot(
        slot_id=uuid.uuid4().hex,
        slot_type=slot_type,
        params=params,
        salt=secrets.token_bytes(SALT_BYTES),
        nonce=secrets.token_bytes(NONCE_BYTES),
        wrapped_key=b"",
    )
    wrapping_key = derive_wrapping_key(secret, unsealed.salt, params)
    wrapped = AESGCM(wrapping_key).encrypt(unsealed.nonce, master_key, unsealed.header(binder_id))
    return KeySlot(unsealed.slot_id, slot_type, params, unsealed.salt, unsealed.nonce, wrapped)


def unwrap_master_key(slot: KeySlot, binder_id: str, secret: str) -> bytes:
    """Return the master key, or raise WrongPassword."""
    wrapping_key = derive_wrapping_key(secret, slot.salt, slot.params)
    try:
        master_key = AESGCM(wrapping_key).decrypt(
            slot.nonce, slot.wrapped_key, slot.header(binder_id)
        )
    except InvalidTag:
        raise WrongPassword from None
    if len(master_key) != MASTER_KEY_BYTES:
        raise WrongPassword
    return master_key


@dataclass(frozen=True)
class KeySlotFile:
    """The content of keyslots.json: a binder id and its slots."""

    binder_id: str
    slots: tuple[KeySlot, ...]

    @classmethod
    def new_binder_id(cls) -> str:
        return uuid.uuid4().hex

    def slot_of_type(self, slot_type: str) -> KeySlot:
        for slot in self.slots:
            if slot.slot_type == slot_type:
                return slot
        raise WrongPassword

    def replacing(self, slot_type: str, new_slot: KeySlot) -> KeySlotFile:
        kept = tuple(slot for slot in self.slots if slot.slot_type != slot_type)
        return KeySlotFile(self.binder_id, (*kept, new_slot))

    def to_bytes(self) -> bytes:
        body = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "binder_id": self.binder_id,
            "slots": [slot.to_json() for slot in self.slots],
        }
        checksum = hashlib.sha256(_canonical(body)).hexdigest()
        document = {**body, "checksum_sha256": checksum}
        return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes, path: Path) -> KeySlotFile:
        """Parse and verify; any damage becomes BinderDamaged naming the file."""
        try:
            document = json.loads(data.decode("utf-8"))
            if not isinstance(document, dict):
                raise ValueError("not an object")
            checksum = document.pop("checksum_sha256")
            if hashlib.sha256(_canonical(document)).hexdigest() != checksum:
                raise ValueError("checksum does not match")
            if document.get("format") != FORMAT:
                raise ValueError("not a Casebook key file")
            if document.get("version") != FORMAT_VERSION:
                raise ValueError(f"unsupported key file version {document.get('version')}")
            slots = tuple(KeySlot.from_json(raw) for raw in document["slots"])
            binder_id = document["binder_id"]
            if not isinstance(binder_id, str) or not slots:
                raise ValueError("no binder id or no slots")
            parsed = cls(binder_id, slots)
            if parsed.to_bytes() != data:
                # Catches damage JSON tolerates, such as a space flipped into a tab.
                raise ValueError("not in the form Casebook writes")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
            raise BinderDamaged(path, [f"{path.name}: {error}"]) from None
        return parsed


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")
