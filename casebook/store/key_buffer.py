"""The binder's master key in one mutable buffer, overwritten with zeros when the binder locks.

Python's `bytes` and `str` cannot be overwritten, and every copy of a key in one of them stays
in the process's memory until the allocator happens to reuse it. So the master key lives in a
single `bytearray`, SQLCipher is handed the key through the driver's buffer API (never a
`PRAGMA key` string), and the few immutable copies libraries hand back (the Argon2 output, a
fresh random key) are copied in and overwritten at once.
"""

from __future__ import annotations

import contextlib
import ctypes
import hmac
import secrets
import sys
from collections.abc import Iterator

MASTER_KEY_BYTES = 48  # SQLCipher raw key: 32-byte key + 16-byte salt
_HEX_DIGITS = b"0123456789abcdef"
# Where a bytes object's payload starts (CPython: header + cached hash; 32 on 64-bit builds).
_BYTES_PAYLOAD_OFFSET = sys.getsizeof(b"") - 1


def overwrite_immutable(data: bytes) -> None:
    """Overwrite the storage of a fresh `bytes` object a library just returned to us.

    CPython only, and only for objects nobody else holds: single bytes are shared singletons
    (never touched here), and the caller drops its reference right after. Elsewhere it does
    nothing, which is no worse than not trying.
    """
    if sys.implementation.name != "cpython" or type(data) is not bytes or len(data) < 2:
        return
    ctypes.memset(id(data) + _BYTES_PAYLOAD_OFFSET, 0, len(data))


class KeyBuffer:
    """A secret of fixed size held in one `bytearray`; `wipe()` overwrites it in place."""

    __slots__ = ("_buffer",)

    def __init__(self, size: int = MASTER_KEY_BYTES) -> None:
        self._buffer = bytearray(size)

    @classmethod
    def random(cls, size: int = MASTER_KEY_BYTES) -> KeyBuffer:
        key = cls(size)
        fresh = secrets.token_bytes(size)
        key._buffer[:] = fresh
        overwrite_immutable(fresh)
        return key

    @classmethod
    def taking(cls, data: bytes | bytearray) -> KeyBuffer:
        """Copy `data` in and overwrite the original (a library's fresh output)."""
        key = cls(len(data))
        key._buffer[:] = data
        if isinstance(data, bytearray):
            data[:] = bytes(len(data))
        else:
            overwrite_immutable(data)
        return key

    def __len__(self) -> int:
        return len(self._buffer)

    def __repr__(self) -> str:  # never the content, whoever prints it
        return f"KeyBuffer({len(self._buffer)} bytes{', wiped' if self.wiped else ''})"

    @property
    def wiped(self) -> bool:
        return not any(self._buffer)

    def view(self) -> memoryview:
        """A read-only view for libraries that take a buffer (AES-GCM, HKDF): no copy."""
        return memoryview(self._buffer).toreadonly()

    def writable(self) -> bytearray:
        """The buffer itself, for a library that decrypts straight into it (no copy)."""
        return self._buffer

    def copy(self) -> KeyBuffer:
        other = KeyBuffer(len(self._buffer))
        other._buffer[:] = self._buffer
        return other

    def same_as(self, other: KeyBuffer) -> bool:
        return hmac.compare_digest(self._buffer, other._buffer)

    def fill_from(self, other: KeyBuffer) -> None:
        """Become `other` (same size), in place: holders of this buffer see the new key."""
        if len(other) != len(self._buffer):
            raise ValueError("key sizes differ")
        self._buffer[:] = other._buffer

    @contextlib.contextmanager
    def sqlcipher_raw_key(self) -> Iterator[bytearray]:
        """The key as SQLCipher's raw-key literal `x'…'`, in a buffer wiped after the block."""
        text = bytearray(3 + 2 * len(self._buffer))
        text[0:2] = b"x'"
        text[-1] = ord("'")
        for index, byte in enumerate(self._buffer):
            text[2 + 2 * index] = _HEX_DIGITS[byte >> 4]
            text[3 + 2 * index] = _HEX_DIGITS[byte & 0x0F]
        try:
            yield text
        finally:
            text[:] = bytes(len(text))

    def wipe(self) -> None:
        self._buffer[:] = bytes(len(self._buffer))
