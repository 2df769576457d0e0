"""7-Zip's AES coder (method 06 F1 07 01): its key derivation and its coder properties.

The key is SHA-256 over 2**cycles_power repetitions of salt + UTF-16LE password + an 8-byte
little-endian round counter, then AES-256-CBC with the IV from the coder properties and the
last block padded with zeros. Deriving takes ~0.1 s in C, so it is done once per archive and
the key reused for the content and the header (each with its own IV). Python would need
500,000 loop turns; instead 65,536 rounds are laid out once in a buffer and only the counter's
third byte changes between passes over it, so the work stays in OpenSSL's SHA-256.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers import Cipher, CipherContext, algorithms, modes

from casebook.bundle.sevenzip.encoding import FormatError
from casebook.bundle.sevenzip.header import AES_METHOD as AES_METHOD

CYCLES_POWER = 19  # what 7-Zip writes; readers accept up to 24
MAX_CYCLES_POWER = 24
NO_DERIVATION = 0x3F  # "the key is salt + password, padded": accepted when reading
BLOCK = 16
KEY_SIZE = 32
_ROUNDS_PER_PASS = 1 << 16


@dataclass(frozen=True)
class AesParameters:
    """What an AES coder's properties carry: how the key is derived, and the IV."""

    cycles_power: int
    salt: bytes
    iv: bytes

    def properties(self) -> bytes:
        """The coder properties as 7-Zip reads them (salt ≤ 16 bytes, IV ≤ 16 bytes)."""
        first = self.cycles_power | (0x80 if self.salt else 0) | (0x40 if self.iv else 0)
        if not self.salt and not self.iv:
            return bytes([first])
        sizes = ((len(self.salt) - 1 if self.salt else 0) << 4) | (
            len(self.iv) - 1 if self.iv else 0
        )
        return bytes([first, sizes]) + self.salt + self.iv


def parse_aes_properties(data: bytes) -> AesParameters:
    if not data:
        raise FormatError("AES coder without properties")
    first = data[0]
    power = first & 0x3F
    if first & 0xC0 == 0:
        if len(data) != 1:
            raise FormatError("AES properties")
        return AesParameters(power, b"", b"")
    if len(data) < 2:
        raise FormatError("AES properties")
    salt_size = (first >> 7) + (data[1] >> 4)
    iv_size = ((first >> 6) & 1) + (data[1] & 0x0F)
    if len(data) != 2 + salt_size + iv_size:
        raise FormatError("AES properties")
    if power > MAX_CYCLES_POWER and power != NO_DERIVATION:
        raise FormatError("AES key derivation too costly")
    return AesParameters(power, data[2 : 2 + salt_size], data[2 + salt_size :])


def derive_key(password: str, salt: bytes, cycles_power: int) -> bytes:
    """The 32-byte AES key 7-Zip derives from `password` (see the module's docstring)."""
    unit = salt + password.encode("utf-16-le")
    if cycles_power == NO_DERIVATION:
        return (unit + bytes(KEY_SIZE))[:KEY_SIZE]
    rounds = 1 << cycles_power
    per_pass = min(rounds, _ROUNDS_PER_PASS)
    stride = len(unit) + 8
    layout = bytearray(
        b"".join(unit + counter.to_bytes(8, "little") for counter in range(per_pass))
    )
    digest = hashlib.sha256()
    try:
        for done in range(0, rounds, per_pass):
            high = done >> 16  # the counter's bytes 2…7, the same for a whole pass
            for index in range(2, 8):
                value = (high >> (8 * (index - 2))) & 0xFF
                layout[len(unit) + index :: stride] = bytes([value]) * per_pass
            digest.update(layout)
        return digest.digest()
    finally:
        layout[:] = bytes(len(layout))  # the buffer repeats the password


def _cipher(key: bytes, iv: bytes) -> Cipher[modes.CBC]:
    if len(key) != KEY_SIZE:
        raise ValueError("AES-256 needs a 32-byte key")
    return Cipher(algorithms.AES(key), modes.CBC(iv.ljust(BLOCK, b"\0")))


def encryptor(key: bytes, iv: bytes) -> CipherContext:
    return _cipher(key, iv).encryptor()


def decryptor(key: bytes, iv: bytes) -> CipherContext:
    return _cipher(key, iv).decryptor()


def padded_size(size: int) -> int:
    """Bytes an AES stream of `size` plain bytes takes (the last block padded with zeros)."""
    return -(-size // BLOCK) * BLOCK
