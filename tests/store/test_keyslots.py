"""Key slot wrapping: the one cryptographic composition we write, so it is tested hard."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from casebook.core.errors import BinderDamaged, WrongPassword
from casebook.store.kdf import MAX_ITERATIONS, MAX_MEMORY_KIB, derive_wrapping_key
from casebook.store.key_buffer import KeyBuffer
from casebook.store.keyslots import (
    PASSWORD_SLOT,
    RECOVERY_SLOT,
    KdfParams,
    KeySlotFile,
    calibrate_kdf,
    unwrap_master_key,
    wrap_master_key,
)
from casebook.store.recovery_code import (
    generate_recovery_code,
    looks_like_recovery_code,
    normalise_recovery_code,
)

FAST = KdfParams.minimum()


def _file(master: KeyBuffer) -> tuple[KeySlotFile, str]:
    binder_id = KeySlotFile.new_binder_id()
    code = generate_recovery_code()
    slots = (
        wrap_master_key(master, binder_id, PASSWORD_SLOT, "pässword one", FAST),
        wrap_master_key(master, binder_id, RECOVERY_SLOT, code, FAST),
    )
    return KeySlotFile(binder_id, slots), code


def test_both_slots_open_the_same_master_key() -> None:
    master = KeyBuffer.random()
    keyfile, code = _file(master)
    password_slot = keyfile.slot_of_type(PASSWORD_SLOT)
    assert unwrap_master_key(password_slot, keyfile.binder_id, "pässword one").same_as(master)
    recovery_slot = keyfile.slot_of_type(RECOVERY_SLOT)
    assert unwrap_master_key(recovery_slot, keyfile.binder_id, code).same_as(master)


def test_wrong_secret_and_other_binder_are_rejected() -> None:
    master = KeyBuffer.random()
    keyfile, _ = _file(master)
    slot = keyfile.slot_of_type(PASSWORD_SLOT)
    with pytest.raises(WrongPassword):
        unwrap_master_key(slot, keyfile.binder_id, "pässword two")
    # The slot is bound to its binder: moved into another binder's file it does not open.
    with pytest.raises(WrongPassword):
        unwrap_master_key(slot, KeySlotFile.new_binder_id(), "pässword one")


def test_password_is_unicode_normalised() -> None:
    master = KeyBuffer.random()
    keyfile, _ = _file(master)
    decomposed = unicodedata.normalize("NFD", "pässword one")
    assert decomposed != "pässword one"
    slot = keyfile.slot_of_type(PASSWORD_SLOT)
    assert unwrap_master_key(slot, keyfile.binder_id, decomposed).same_as(master)


def test_file_round_trips_and_every_flipped_byte_is_rejected(tmp_path: Path) -> None:
    master = KeyBuffer.random()
    keyfile, _ = _file(master)
    data = keyfile.to_bytes()
    path = tmp_path / "keyslots.json"
    assert KeySlotFile.from_bytes(data, path) == keyfile
    for position in range(len(data)):
        damaged = bytearray(data)
        damaged[position] ^= 0x01 if position % 2 else 0x5A
        with pytest.raises(BinderDamaged) as caught:
            KeySlotFile.from_bytes(bytes(damaged), path)
        assert caught.value.details, position


def test_tampered_parameters_with_fixed_checksum_fail_authentication(tmp_path: Path) -> None:
    """Someone who recomputes the checksum still cannot weaken or swap a slot unnoticed."""
    master = KeyBuffer.random()
    keyfile, _ = _file(master)
    slot = keyfile.slot_of_type(PASSWORD_SLOT)
    stronger = KdfParams(FAST.memory_kib, FAST.iterations + 1, FAST.parallelism)
    tampered = type(slot)(
        slot.slot_id, slot.slot_type, stronger, slot.salt, slot.nonce, slot.wrapped_key
    )
    reloaded = KeySlotFile.from_bytes(
        keyfile.replacing(PASSWORD_SLOT, tampered).to_bytes(), tmp_path / "k.json"
    )
    with pytest.raises(WrongPassword):
        unwrap_master_key(reloaded.slot_of_type(PASSWORD_SLOT), keyfile.binder_id, "pässword one")


@pytest.mark.parametrize(
    ("memory_kib", "iterations", "parallelism"),
    [
        (1024, 3, 4),
        (64 * 1024, 2, 4),
        (64 * 1024, 3, 0),
        (64 * 1024 * 1024, 3, 4),
        (65536, 10_000, 4),
        # What the audit used: inside the old bounds, 4.3 GB and ~27 minutes per unlock.
        (4 * 1024 * 1024, 200, 4),
        (MAX_MEMORY_KIB + 1024, 3, 4),
        (64 * 1024, MAX_ITERATIONS + 1, 4),
        (64 * 1024, 3, 5),
    ],
)
def test_out_of_range_parameters_are_rejected_before_deriving(
    tmp_path: Path, memory_kib: int, iterations: int, parallelism: int
) -> None:
    params = KdfParams(memory_kib, iterations, parallelism)
    with pytest.raises(ValueError, match="out of bounds"):
        derive_wrapping_key("x", b"0" * 16, params)
    # And in a file: refused as damage while parsing, long before any derivation.
    master = KeyBuffer.random()
    keyfile, _ = _file(master)
    document = json.loads(keyfile.to_bytes())
    document["slots"][0]["kdf"].update(
        memory_kib=memory_kib, iterations=iterations, parallelism=parallelism
    )
    with pytest.raises(BinderDamaged):
        KeySlotFile.from_bytes(json.dumps(document).encode(), tmp_path / "k.json")


def test_calibration_never_goes_below_the_floor() -> None:
    params = calibrate_kdf(target_seconds=0.01)
    floor = KdfParams.minimum()
    assert params.memory_kib >= floor.memory_kib
    assert params.iterations >= floor.iterations
    params.validate()


def test_calibration_never_goes_above_the_cap() -> None:
    """However fast the machine, calibration stays inside what opening accepts."""
    params = calibrate_kdf(target_seconds=60.0)  # "this machine is 100x faster than needed"
    assert params.memory_kib == MAX_MEMORY_KIB
    assert params.iterations <= MAX_ITERATIONS
    params.validate()


def test_recovery_codes_are_long_random_and_forgiving_to_type() -> None:
    codes = {generate_recovery_code() for _ in range(50)}
    assert len(codes) == 50
    code = codes.pop()
    assert looks_like_recovery_code(code)
    assert len(code.replace("-", "")) * 5 >= 128  # bits of entropy
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert normalise_recovery_code(typed) == code
    assert not looks_like_recovery_code(code[:-1])
    assert not looks_like_recovery_code("hello")
