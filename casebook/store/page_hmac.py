"""Which HMAC SQLCipher puts on every page of binder.db: part of each binder's format.

SQLCipher 4 authenticates each page with HMAC-SHA512 by default; it also offers HMAC-SHA256.
Both are its own, documented settings over the same 256-bit key, and both are far beyond
forgery. What differs is speed, and that depends on the processor: with SHA extensions (AMD
since 2017, Intel laptops since about 2019, Apple silicon) SHA-256 runs more than twice as fast
as SHA-512; without them (many Intel laptops from 2015–2019) SHA-512 is the faster one. Every
byte a caregiver imports goes through this HMAC, so on this development machine writing
200 MB through SQLCipher took 0.98 s with SHA-256 against 1.20 s with SHA-512.

So a new binder takes whichever hashes faster on the computer that makes it (measured in a few
milliseconds, like the KDF's calibration), and keyslots.json records the choice: `"page_hmac":
"sha256"`, or nothing for SHA-512, which is also what every binder made before the choice
existed has. A binder opens on any computer either way; it only writes a little slower on one
that would have chosen the other.
"""

from __future__ import annotations

import enum
import hashlib
import time
from collections.abc import Callable

_PROBE = bytes(256 * 1024)
_PROBE_ROUNDS = 3


class PageHmac(enum.Enum):
    """The value is SQLCipher's name for it (`PRAGMA cipher_hmac_algorithm`)."""

    SHA512 = "HMAC_SHA512"
    SHA256 = "HMAC_SHA256"

    @property
    def recorded_name(self) -> str | None:
        """How keyslots.json names it; None: not named (SHA-512, every older binder's)."""
        return _RECORDED_NAMES.get(self)

    @classmethod
    def named(cls, name: object) -> PageHmac:
        """The page HMAC keyslots.json names `name` (ValueError for any other value)."""
        for page_hmac, recorded in _RECORDED_NAMES.items():
            if name == recorded:
                return page_hmac
        raise ValueError("unknown page HMAC")


_RECORDED_NAMES = {PageHmac.SHA256: "sha256"}


def seconds_to_hash(algorithm: str) -> float:
    """The fastest of a few runs of hashing 256 KiB with `algorithm` (a hashlib name)."""
    fastest = float("inf")
    for _ in range(_PROBE_ROUNDS):
        started = time.perf_counter()
        hashlib.new(algorithm, _PROBE).digest()
        fastest = min(fastest, time.perf_counter() - started)
    return fastest


def fastest_page_hmac(measure: Callable[[str], float] = seconds_to_hash) -> PageHmac:
    """The page HMAC a binder made on this computer should use (a few milliseconds to find).

    hashlib and SQLCipher both hash through OpenSSL, which picks the SHA instructions the
    processor has, so hashlib's speed ranks the two for SQLCipher as well.
    """
    return PageHmac.SHA256 if measure("sha256") < measure("sha512") else PageHmac.SHA512
