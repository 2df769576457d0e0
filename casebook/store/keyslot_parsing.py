"""Reading `keyslots.json` strictly: exactly what Casebook writes, or "damaged".

The file sits in plain sight next to the encrypted database, so it is treated as hostile input:
its size is capped before parsing (a 100,000-deep array is refused, not recursed into), every
field has one type and one range, and every failure is a `ValueError` the caller reports as
damage. Nothing here derives keys or touches the disk.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from casebook.store.kdf import SALT_BYTES
from casebook.store.page_hmac import PageHmac

FORMAT = "casebook-keyslots"
FORMAT_VERSION = 1
PASSWORD_SLOT = "password"  # noqa: S105 - a slot type name, not a secret
RECOVERY_SLOT = "recovery"
SLOT_TYPES = (PASSWORD_SLOT, RECOVERY_SLOT)
NONCE_BYTES = 12
WRAPPED_KEY_BYTES = 48 + 16  # master key + GCM tag
GENERATION_MAC_BYTES = 32
# A real file is about 1.5 KB; anything much larger was not written by Casebook.
MAX_FILE_BYTES = 16 * 1024
_MAX_GENERATION = 2**62
_HEX_ID = re.compile(r"[0-9a-f]{32}")
_TOP_LEVEL = {
    "format",
    "version",
    "binder_id",
    "slots",
    "checksum_sha256",
    "generation",
    "page_hmac",
}
# Absent from older files, and from any whose binder.db uses SQLCipher's default (`page_hmac`).
_OPTIONAL = frozenset({"generation", "page_hmac"})
_SLOT_KEYS = {"slot_id", "type", "kdf", "cipher", "nonce", "wrapped_key"}
_KDF_KEYS = {"name", "memory_kib", "iterations", "parallelism", "salt"}


class NewerKeyFile(ValueError):
    """A whole key file (its checksum holds) with a later version or fields this Casebook does
    not know: written by a newer Casebook, not damaged."""


@dataclass(frozen=True)
class ParsedSlot:
    slot_id: str
    slot_type: str
    memory_kib: int
    iterations: int
    parallelism: int
    salt: bytes
    nonce: bytes
    wrapped_key: bytes


@dataclass(frozen=True)
class ParsedFile:
    binder_id: str
    slots: tuple[ParsedSlot, ...]
    generation: tuple[int, bytes] | None
    page_hmac: PageHmac


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _object(
    value: object, what: str, keys: set[str], optional: frozenset[str] = frozenset()
) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"{what} is not an object")
    present = set(value)
    if not present <= keys or not (keys - optional) <= present:
        raise ValueError(f"{what} has the wrong fields")
    return value


def _whole_number(value: object, what: str, low: int, high: int) -> int:
    # bool is an int subclass; 1e400 arrives as a float (inf): neither is a whole number here.
    if type(value) is not int:
        raise ValueError(f"{what} is not a whole number")
    if not low <= value <= high:
        raise ValueError(f"{what} {value} out of bounds")
    return value


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{what} is not text")
    return value


def _base64(value: object, what: str, length: int) -> bytes:
    text = _text(value, what)
    if len(text) > 4 * length:
        raise ValueError(f"{what} is too long")
    try:
        decoded = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise ValueError(f"{what} is not base64") from None
    if len(decoded) != length:
        raise ValueError(f"{what} has the wrong length")
    return decoded


def _hex_id(value: object, what: str) -> str:
    text = _text(value, what)
    if not _HEX_ID.fullmatch(text):
        raise ValueError(f"{what} is not an id")
    return text


def _slot(raw: object, bounds: Callable[[int, int, int], None]) -> ParsedSlot:
    slot = _object(raw, "slot", _SLOT_KEYS)
    kdf = _object(slot["kdf"], "kdf", _KDF_KEYS)
    if kdf["name"] != "argon2id":
        raise ValueError("unknown key derivation")
    if slot["cipher"] != "aes-256-gcm":
        raise ValueError("unknown cipher")
    slot_type = slot["type"]
    if not isinstance(slot_type, str) or slot_type not in SLOT_TYPES:
        raise ValueError("unknown slot type")
    memory = _whole_number(kdf["memory_kib"], "argon2 memory", 0, 2**40)
    iterations = _whole_number(kdf["iterations"], "argon2 iterations", 0, 2**32)
    parallelism = _whole_number(kdf["parallelism"], "argon2 parallelism", 0, 2**24)
    bounds(memory, iterations, parallelism)
    return ParsedSlot(
        slot_id=_hex_id(slot["slot_id"], "slot id"),
        slot_type=slot_type,
        memory_kib=memory,
        iterations=iterations,
        parallelism=parallelism,
        salt=_base64(kdf["salt"], "salt", SALT_BYTES),
        nonce=_base64(slot["nonce"], "nonce", NONCE_BYTES),
        wrapped_key=_base64(slot["wrapped_key"], "wrapped key", WRAPPED_KEY_BYTES),
    )


def _generation(raw: object) -> tuple[int, bytes]:
    record = _object(raw, "generation", {"value", "hmac_sha256"})
    value = _whole_number(record["value"], "generation", 0, _MAX_GENERATION)
    return value, _base64(record["hmac_sha256"], "generation record", GENERATION_MAC_BYTES)


def parse_keyslot_document(
    data: bytes,
    canonical: Callable[[dict[str, Any]], bytes],
    bounds: Callable[[int, int, int], None],
) -> ParsedFile:
    """Check size, JSON, checksum, format, and every field's type and range."""
    if len(data) > MAX_FILE_BYTES:
        raise ValueError(f"{len(data)} bytes is far larger than a key file")
    try:
        document = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg})") from None
    try:
        return _parse_document(document, canonical, bounds)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _parse_document(
    document: object,
    canonical: Callable[[dict[str, Any]], bytes],
    bounds: Callable[[int, int, int], None],
) -> ParsedFile:
    if not isinstance(document, dict):
        raise ValueError("the file is not an object")
    body = {key: value for key, value in document.items() if key != "checksum_sha256"}
    checksum = document.get("checksum_sha256")
    if not isinstance(checksum, str) or hashlib.sha256(canonical(body)).hexdigest() != checksum:
        raise ValueError("checksum does not match")
    if document.get("format") != FORMAT:
        raise ValueError("not a Casebook key file")
    version = document.get("version")
    if (type(version) is int and version > FORMAT_VERSION) or not set(document) <= _TOP_LEVEL:
        raise NewerKeyFile("written by a newer Casebook")
    document = _object(document, "the file", _TOP_LEVEL, _OPTIONAL)
    if version != FORMAT_VERSION or type(version) is not int:
        raise ValueError("unsupported key file version")
    raw_slots = document["slots"]
    if not isinstance(raw_slots, list) or not 1 <= len(raw_slots) <= len(SLOT_TYPES):
        raise ValueError("wrong number of slots")
    slots = tuple(_slot(raw, bounds) for raw in raw_slots)
    if len({slot.slot_type for slot in slots}) != len(slots):
        raise ValueError("two slots of the same type")
    if PASSWORD_SLOT not in {slot.slot_type for slot in slots}:
        raise ValueError("no password slot")
    generation = _generation(document["generation"]) if "generation" in document else None
    page_hmac = (
        PageHmac.named(document["page_hmac"]) if "page_hmac" in document else PageHmac.SHA512
    )
    return ParsedFile(_hex_id(document["binder_id"], "binder id"), slots, generation, page_hmac)
