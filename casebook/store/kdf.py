"""Argon2id: turning a password or recovery code into the key that opens a key slot.

The cost parameters come from `keyslots.json`, a file anyone can edit. They are therefore
checked against bounds before any derivation: never below the floor DESIGN.md sets (so a
tampered file cannot weaken a slot) and never above what `calibrate_kdf` can choose on any
machine (so a tampered file cannot make an unlock take gigabytes of memory or many minutes).
"""

from __future__ import annotations

import secrets
import time
import unicodedata
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw

from casebook.store.key_buffer import KeyBuffer

SALT_BYTES = 16
WRAPPING_KEY_BYTES = 32

MIN_MEMORY_KIB = 64 * 1024
# Calibration starts at 256 MiB and only ever goes down, so nothing above it is legitimate.
MAX_MEMORY_KIB = 256 * 1024
MIN_ITERATIONS = 3
# Calibration aims at ~0.75 s; even a machine 10x faster than today's laptops picks fewer than
# 32 passes at 256 MiB. Worst case for a tampered file on a slow machine: tens of seconds.
MAX_ITERATIONS = 32
MIN_PARALLELISM = 1
MAX_PARALLELISM = 4  # calibration always uses 4 lanes
_CALIBRATION_PARALLELISM = 4


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters. `minimum()` is the floor DESIGN.md allows."""

    memory_kib: int
    iterations: int
    parallelism: int

    @classmethod
    def minimum(cls) -> KdfParams:
        return cls(MIN_MEMORY_KIB, MIN_ITERATIONS, _CALIBRATION_PARALLELISM)

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


def derive_wrapping_key(secret: str, salt: bytes, params: KdfParams) -> KeyBuffer:
    """The AES-256 key that wraps the master key in one slot (checked bounds first)."""
    params.validate()
    if len(salt) != SALT_BYTES:
        raise ValueError("argon2 salt length out of bounds")
    derived = hash_secret_raw(
        _normalise(secret),
        salt,
        time_cost=params.iterations,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=WRAPPING_KEY_BYTES,
        type=Type.ID,
    )
    return KeyBuffer.taking(derived)


def calibrate_kdf(target_seconds: float = 0.75) -> KdfParams:
    """Pick Argon2id costs that take about `target_seconds` on this machine (0.5–1 s).

    Memory is preferred over iterations (it is what hurts GPU attackers), up to 256 MiB; on a
    slow machine memory drops toward the 64 MiB floor before iterations drop toward 3. The
    result always lies inside the bounds `validate` accepts.
    """
    salt = secrets.token_bytes(SALT_BYTES)
    probe = KdfParams(MAX_MEMORY_KIB, MIN_ITERATIONS, _CALIBRATION_PARALLELISM)
    while True:
        started = time.perf_counter()
        derive_wrapping_key("calibration", salt, probe).wipe()
        elapsed = time.perf_counter() - started
        if elapsed <= target_seconds or probe.memory_kib <= MIN_MEMORY_KIB:
            break
        probe = KdfParams(
            max(MIN_MEMORY_KIB, probe.memory_kib // 2), MIN_ITERATIONS, _CALIBRATION_PARALLELISM
        )
    per_iteration = elapsed / MIN_ITERATIONS
    iterations = int(target_seconds / per_iteration) if per_iteration > 0 else MIN_ITERATIONS
    iterations = max(MIN_ITERATIONS, min(MAX_ITERATIONS, iterations))
    return KdfParams(probe.memory_kib, iterations, _CALIBRATION_PARALLELISM)
