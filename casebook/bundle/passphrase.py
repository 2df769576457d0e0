"""Generates the bundle password: 24 random digits in six groups of four.

Digits read aloud unambiguously in any language over a bad phone line, and type the same on
every keyboard. Entropy: each digit is drawn uniformly with `secrets.randbelow(10)`, so the
password carries 24 × log2(10) = 24 × 3.3219 ≈ 79.7 bits (≥ 77 bits asked for). The hyphens
are part of the password 7-Zip is given; `normalize_passphrase` forgives other spellings when
Casebook itself is asked to verify. The password is returned to the caller and never stored.
"""

from __future__ import annotations

import math
import secrets
import unicodedata

GROUPS = 6
GROUP_LENGTH = 4
SEPARATOR = "-"
PASSPHRASE_BITS = GROUPS * GROUP_LENGTH * math.log2(10)


def generate_passphrase() -> str:
    """A fresh password such as `4821-0937-5561-2093-8874-1205`."""
    groups = (
        "".join(str(secrets.randbelow(10)) for _ in range(GROUP_LENGTH)) for _ in range(GROUPS)
    )
    return SEPARATOR.join(groups)


def normalize_passphrase(typed: str) -> str:
    """The canonical form of a typed password: full-width digits, spaces, dots or no separators
    become `dddd-dddd-…`; anything that is not 24 digits is returned as typed (stripped)."""
    text = unicodedata.normalize("NFKC", typed).strip()
    digits = "".join(ch for ch in text if ch.isdigit())
    rest = "".join(ch for ch in text if not ch.isdigit())
    if len(digits) == GROUPS * GROUP_LENGTH and all(ch in " -._" for ch in rest):
        return SEPARATOR.join(
            digits[i : i + GROUP_LENGTH] for i in range(0, len(digits), GROUP_LENGTH)
        )
    return text
