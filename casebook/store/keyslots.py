"""Key slots: the binder's random master key, wrapped once per way of unlocking it.

This is the one cryptographic composition Casebook writes itself, so it is kept small:
Argon2id (`kdf`) turns a password or recovery code into a 256-bit wrapping key, and AES-256-GCM
(cryptography) wraps the master key with the slot's header as associated data, so a changed
KDF parameter or slot type makes unwrapping fail instead of silently weakening it.

`keyslots.json` also carries a SHA-256 checksum of its own content. It is no security
boundary (anyone can recompute it); it only lets us tell "this file is damaged" apart from
"this password is wrong", which matter very differently to a worried user. It also carries the
binder's last known generation (see `generation`), authenticated with a key derived from the
master key, so a binder.db older than its key file is noticed, and the HMAC SQLCipher uses on
binder.db's pages (`page_hmac`), which a connection must know before it can read a page.

The file is parsed strictly (`keyslot_parsing`): anything but exactly what Casebook writes is
"damaged", never a crash. A whole file (its checksum holds) with a later version or fields this
version does not know was written by a newer Casebook, and is refused as that.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from casebook.core.errors import BinderDamaged, BinderUnavailable, UnavailableReason, WrongPassword
from casebook.store.kdf import SALT_BYTES, derive_wrapping_key
from casebook.store.kdf import KdfParams as KdfParams
from casebook.store.kdf import calibrate_kdf as calibrate_kdf
from casebook.store.key_buffer import MASTER_KEY_BYTES as MASTER_KEY_BYTES
from casebook.store.key_buffer import KeyBuffer, overwrite_immutable
from casebook.store.keyslot_parsing import (
    FORMAT,
    FORMAT_VERSION,
    GENERATION_MAC_BYTES,
    NONCE_BYTES,
    PASSWORD_SLOT,
    RECOVERY_SLOT,
    NewerKeyFile,
    ParsedFile,
    b64,
    parse_keyslot_document,
)
from casebook.store.page_hmac import PageHmac

__all__ = [
    "MASTER_KEY_BYTES",
    "PASSWORD_SLOT",
    "RECOVERY_SLOT",
    "GenerationRecord",
    "KdfParams",
    "KeySlot",
    "KeySlotFile",
    "calibrate_kdf",
    "unwrap_master_key",
    "wrap_master_key",
]

_GENERATION_INFO = b"casebook keyslots.json generation record v1"


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
            "salt": b64(self.salt),
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
                "salt": b64(self.salt),
            },
            "cipher": "aes-256-gcm",
            "nonce": b64(self.nonce),
            "wrapped_key": b64(self.wrapped_key),
        }


def wrap_master_key(
    master_key: KeyBuffer, binder_id: str, slot_type: str, secret: str, params: KdfParams
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
    try:
        wrapped = AESGCM(wrapping_key.view()).encrypt(
            unsealed.nonce, master_key.view(), unsealed.header(binder_id)
        )
    finally:
        wrapping_key.wipe()
    return replace(unsealed, wrapped_key=wrapped)


def unwrap_master_key(slot: KeySlot, binder_id: str, secret: str) -> KeyBuffer:
    """Return the master key (in a buffer the caller wipes), or raise WrongPassword."""
    wrapping_key = derive_wrapping_key(secret, slot.salt, slot.params)
    master_key = KeyBuffer(MASTER_KEY_BYTES)
    try:
        cipher = AESGCM(wrapping_key.view())
        if len(slot.wrapped_key) != MASTER_KEY_BYTES + 16:
            raise WrongPassword
        header = slot.header(binder_id)
        if hasattr(cipher, "decrypt_into"):  # cryptography >= 45
            # Straight into the mutable buffer: no immutable copy of the key to linger.
            cipher.decrypt_into(slot.nonce, slot.wrapped_key, header, master_key.writable())
        else:
            decrypted = KeyBuffer.taking(cipher.decrypt(slot.nonce, slot.wrapped_key, header))
            master_key.fill_from(decrypted)
            decrypted.wipe()
    except InvalidTag:
        master_key.wipe()
        raise WrongPassword from None
    finally:
        wrapping_key.wipe()
    return master_key


def _generation_mac(master_key: KeyBuffer, binder_id: str, generation: int) -> bytes:
    """HMAC-SHA256 over the binder id and generation, keyed by HKDF(master key)."""
    mac_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_GENERATION_INFO).derive(
        master_key.view()
    )
    try:
        signer = hmac.HMAC(mac_key, hashes.SHA256())
        signer.update(f"{binder_id}:{generation}".encode("ascii"))
        return signer.finalize()
    finally:
        overwrite_immutable(mac_key)


@dataclass(frozen=True)
class GenerationRecord:
    """The binder's generation when this file was last written, and its authenticator."""

    generation: int
    mac: bytes

    def to_json(self) -> dict[str, Any]:
        return {"value": self.generation, "hmac_sha256": b64(self.mac)}


@dataclass(frozen=True)
class KeySlotFile:
    """The content of keyslots.json: a binder id, its slots, its last known generation and how
    binder.db's pages are authenticated (SHA-512 unless told: every older binder's)."""

    binder_id: str
    slots: tuple[KeySlot, ...]
    generation: GenerationRecord | None = None
    page_hmac: PageHmac = PageHmac.SHA512

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
        return replace(self, slots=(*kept, new_slot))

    def recording(self, master_key: KeyBuffer, generation: int) -> KeySlotFile:
        """This file with `generation` recorded as the binder's last known state."""
        mac = _generation_mac(master_key, self.binder_id, generation)
        return replace(self, generation=GenerationRecord(generation, mac))

    def known_generation(self, master_key: KeyBuffer, path: Path) -> int | None:
        """The recorded generation once its authenticator checks out (None: none recorded).

        A record that does not verify with the key that opened this file was edited by hand
        or belongs to another binder: that is damage, not a wrong password.
        """
        if self.generation is None:
            return None
        expected = _generation_mac(master_key, self.binder_id, self.generation.generation)
        if not secrets.compare_digest(expected, self.generation.mac):
            raise BinderDamaged(path, [f"{path.name}: the record of the last state is not valid"])
        return self.generation.generation

    def to_bytes(self) -> bytes:
        body: dict[str, Any] = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "binder_id": self.binder_id,
            "slots": [slot.to_json() for slot in self.slots],
        }
        if self.generation is not None:
            body["generation"] = self.generation.to_json()
        if self.page_hmac.recorded_name is not None:
            body["page_hmac"] = self.page_hmac.recorded_name
        checksum = hashlib.sha256(_canonical(body)).hexdigest()
        document = {**body, "checksum_sha256": checksum}
        return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes, path: Path) -> KeySlotFile:
        """Parse and verify; any damage becomes BinderDamaged naming the file, and a whole file
        from a newer Casebook BinderUnavailable (TOO_NEW)."""
        try:
            parsed = parse_keyslot_document(data, _canonical, _check_bounds)
            keyslot_file = _from_parsed(parsed)
            if keyslot_file.to_bytes() != data:
                # Catches damage JSON tolerates, such as a space flipped into a tab.
                raise ValueError("not in the form Casebook writes")
        except NewerKeyFile:
            raise BinderUnavailable(path.parent, UnavailableReason.TOO_NEW) from None
        except (ValueError, KeyError, TypeError, RecursionError) as error:
            raise BinderDamaged(path, [f"{path.name}: {error}"]) from None
        return keyslot_file


def _from_parsed(parsed: ParsedFile) -> KeySlotFile:
    slots = tuple(
        KeySlot(
            slot_id=raw.slot_id,
            slot_type=raw.slot_type,
            params=KdfParams(raw.memory_kib, raw.iterations, raw.parallelism),
            salt=raw.salt,
            nonce=raw.nonce,
            wrapped_key=raw.wrapped_key,
        )
        for raw in parsed.slots
    )
    generation = None
    if parsed.generation is not None:
        value, mac = parsed.generation
        if len(mac) != GENERATION_MAC_BYTES:
            raise ValueError("generation record has the wrong length")
        generation = GenerationRecord(value, mac)
    return KeySlotFile(parsed.binder_id, slots, generation, parsed.page_hmac)


def _check_bounds(memory_kib: int, iterations: int, parallelism: int) -> None:
    KdfParams(memory_kib, iterations, parallelism).validate()


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")
