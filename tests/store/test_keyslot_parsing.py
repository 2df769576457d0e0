"""keyslots.json is hostile input: every crafted file is "damaged", never a crash (issue 21/14).

The audit's files — a wrong salt length, a 100,000-deep array — ended in exit 70. Each case here
recomputes the checksum, so the parser itself (not only the checksum) has to refuse it.
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casebook.core.errors import BinderDamaged, BinderUnavailable, UnavailableReason
from casebook.store.key_buffer import KeyBuffer
from casebook.store.keyslots import (
    PASSWORD_SLOT,
    RECOVERY_SLOT,
    KdfParams,
    KeySlotFile,
    wrap_master_key,
)

FAST = KdfParams.minimum()
PATH = Path("keyslots.json")


def _valid_document() -> dict[str, Any]:
    key = KeyBuffer.random()
    binder_id = KeySlotFile.new_binder_id()
    keyfile = KeySlotFile(
        binder_id,
        (
            wrap_master_key(key, binder_id, PASSWORD_SLOT, "a password 1", FAST),
            wrap_master_key(key, binder_id, RECOVERY_SLOT, "A-CODE", FAST),
        ),
    ).recording(key, 12)
    document: dict[str, Any] = json.loads(keyfile.to_bytes())
    return document


VALID = _valid_document()


def _with_checksum(document: object) -> bytes:
    """Serialise like Casebook does, with a correct checksum over whatever the body is."""
    if isinstance(document, dict):
        body = {k: v for k, v in document.items() if k != "checksum_sha256"}
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
        document = {**body, "checksum_sha256": hashlib.sha256(canonical).hexdigest()}
    return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode()


def _changed(path: tuple[object, ...], value: object) -> dict[str, Any]:
    document = copy.deepcopy(VALID)
    target: Any = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return document


def test_the_valid_document_parses() -> None:
    parsed = KeySlotFile.from_bytes(_with_checksum(VALID), PATH)
    assert parsed.generation is not None
    assert parsed.generation.generation == 12


CRAFTED = {
    "salt too short": (("slots", 0, "kdf", "salt"), "AAAA"),
    "salt too long": (("slots", 0, "kdf", "salt"), "A" * 88),
    "salt not base64": (("slots", 0, "kdf", "salt"), "!!!!not base64!!!!!!!!=="),
    "salt a number": (("slots", 0, "kdf", "salt"), 16),
    "memory a float": (("slots", 0, "kdf", "memory_kib"), 65536.0),
    "memory huge": (("slots", 0, "kdf", "memory_kib"), 10**300),
    "memory a string": (("slots", 0, "kdf", "memory_kib"), "65536"),
    "memory true": (("slots", 0, "kdf", "memory_kib"), True),
    "memory null": (("slots", 0, "kdf", "memory_kib"), None),
    "memory negative": (("slots", 0, "kdf", "memory_kib"), -65536),
    "iterations a list": (("slots", 0, "kdf", "iterations"), [3]),
    "audit: 4 GiB": (("slots", 0, "kdf", "memory_kib"), 4 * 1024 * 1024),
    "audit: 200 passes": (("slots", 0, "kdf", "iterations"), 200),
    "parallelism 0": (("slots", 0, "kdf", "parallelism"), 0),
    "nonce short": (("slots", 0, "nonce"), "AAAA"),
    "wrapped key short": (("slots", 0, "wrapped_key"), "AAAA"),
    "slot id an object": (("slots", 0, "slot_id"), {"a": 1}),
    "slot id not hex": (("slots", 0, "slot_id"), "z" * 32),
    "type unknown": (("slots", 0, "type"), "fingerprint"),
    "type a list": (("slots", 0, "type"), ["password"]),
    "kdf a string": (("slots", 0, "kdf"), "argon2id"),
    "cipher other": (("slots", 0, "cipher"), "aes-128-cbc"),
    "slot a number": (("slots", 0), 7),
    "slots an object": (("slots",), {"0": {}}),
    "slots empty": (("slots",), []),
    "binder id a number": (("binder_id",), 12345),
    "version a string": (("version",), "1"),
    "version true": (("version",), True),
    "format other": (("format",), "keepass"),
    "generation negative": (("generation", "value"), -1),
    "generation huge": (("generation", "value"), 2**70),
    "generation a float": (("generation", "value"), 1e400),
    "generation mac short": (("generation", "hmac_sha256"), "AAAA"),
    "generation a list": (("generation",), [1, 2]),
    "page hmac other": (("page_hmac",), "sha384"),
    "page hmac spelled as SQLCipher does": (("page_hmac",), "HMAC_SHA256"),
    "page hmac named although the default": (("page_hmac",), "sha512"),
    "page hmac a list": (("page_hmac",), ["sha256"]),
    "page hmac null": (("page_hmac",), None),
}


NEWER = {
    "a field this version does not know": (("cipher_suite",), "x"),
    "a later version": (("version",), 2),
}


@pytest.mark.parametrize("case", NEWER)
def test_a_whole_file_from_a_newer_casebook_says_so(case: str) -> None:
    """Its checksum holds, so it is not damage: a newer Casebook wrote it (the user is told to
    update, not that the binder is damaged). With a wrong checksum it is damage again."""
    path, value = NEWER[case]
    with pytest.raises(BinderUnavailable) as refused:
        KeySlotFile.from_bytes(_with_checksum(_changed(path, value)), PATH)
    assert refused.value.reason is UnavailableReason.TOO_NEW
    document = json.loads(_with_checksum(_changed(path, value)))
    document["checksum_sha256"] = "0" * 64
    with pytest.raises(BinderDamaged):
        KeySlotFile.from_bytes(json.dumps(document, indent=2, sort_keys=True).encode(), PATH)


@pytest.mark.parametrize("case", CRAFTED)
def test_crafted_fields_are_damage(case: str) -> None:
    path, value = CRAFTED[case]
    with pytest.raises(BinderDamaged):
        KeySlotFile.from_bytes(_with_checksum(_changed(path, value)), PATH)


@pytest.mark.parametrize(
    "data",
    [
        b"[" * 100_000 + b"]" * 100_000,  # the audit's 100,000-deep array
        b'{"a":' * 900 + b"1" + b"}" * 900,  # deep, but small enough to parse
        b"9" * 5000,  # a number with more digits than Python converts
        b"1e400",
        b"\xff\xfe{}",
        b"null",
        b"",
        b"{" + b" " * 20_000 + b"}",  # larger than any real key file
    ],
    ids=[
        "deep array",
        "deep object",
        "long number",
        "huge float",
        "not UTF-8",
        "null",
        "empty",
        "huge",
    ],
)
def test_malformed_files_are_damage(data: bytes) -> None:
    with pytest.raises(BinderDamaged):
        KeySlotFile.from_bytes(data, PATH)


def test_duplicate_and_missing_slot_types_are_damage() -> None:
    two_passwords = copy.deepcopy(VALID)
    two_passwords["slots"][1] = copy.deepcopy(two_passwords["slots"][0])
    with pytest.raises(BinderDamaged, match="same type"):
        KeySlotFile.from_bytes(_with_checksum(two_passwords), PATH)
    only_recovery = copy.deepcopy(VALID)
    only_recovery["slots"] = [s for s in only_recovery["slots"] if s["type"] == RECOVERY_SLOT]
    with pytest.raises(BinderDamaged, match="no password slot"):
        KeySlotFile.from_bytes(_with_checksum(only_recovery), PATH)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=False)
    | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


def _leaf_paths(node: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    if isinstance(node, dict):
        paths = [(*prefix, key) for key in node]
        for key, value in node.items():
            paths += _leaf_paths(value, (*prefix, key))
        return paths
    if isinstance(node, list):
        paths = [(*prefix, index) for index in range(len(node))]
        for index, value in enumerate(node):
            paths += _leaf_paths(value, (*prefix, index))
        return paths
    return []


ALL_PATHS = _leaf_paths(VALID)


@settings(
    max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.sampled_from(ALL_PATHS), json_values)
def test_any_field_replaced_by_any_json_parses_or_is_damage(
    path: tuple[object, ...], value: object
) -> None:
    """Property: a structurally edited file with a valid checksum never crashes the parser."""
    data = _with_checksum(_changed(path, value))
    _parses_or_is_damage(data)


@settings(max_examples=300, deadline=None, database=None)
@given(st.binary(max_size=3000))
def test_any_bytes_parse_or_are_damage(data: bytes) -> None:
    _parses_or_is_damage(data)


def _parses_or_is_damage(data: bytes) -> None:
    """Either a key file, BinderDamaged with a reason, or a whole file from a newer Casebook;
    any other exception fails the test."""
    outcome: list[str] = []
    try:
        KeySlotFile.from_bytes(data, PATH)
    except BinderDamaged as damage:
        outcome = damage.details
    except BinderUnavailable as newer:
        outcome = [newer.reason.value] if newer.reason is UnavailableReason.TOO_NEW else []
    else:
        outcome = ["parsed"]
    assert outcome
