"""Recovery codes: 120 random bits written as 6 groups of 5 easy-to-read characters.

Crockford's base32 alphabet has no I, L, O or U, so a code copied by hand from paper survives
the usual misreadings; `normalise_recovery_code` folds them back before use.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS = 6
GROUP_LENGTH = 5  # 30 characters x 5 bits = 150 bits of entropy
_FOLD = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def generate_recovery_code() -> str:
    """A new code, e.g. `7K3MQ-…`; shown once and printed on the emergency kit."""
    characters = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LENGTH))
    groups = [characters[i : i + GROUP_LENGTH] for i in range(0, len(characters), GROUP_LENGTH)]
    return "-".join(groups)


def normalise_recovery_code(typed: str) -> str:
    """Canonical form of what a user typed: upper case, no spaces or dashes, misreadings folded.

    Returns the grouped form so it can be compared with a freshly generated code.
    """
    compact = "".join(ch for ch in typed.upper() if ch.isalnum()).translate(_FOLD)
    groups = [compact[i : i + GROUP_LENGTH] for i in range(0, len(compact), GROUP_LENGTH)]
    return "-".join(groups)


def looks_like_recovery_code(typed: str) -> bool:
    """True when the typed text has the right length and alphabet (checked before the slow KDF)."""
    compact = normalise_recovery_code(typed).replace("-", "")
    return len(compact) == GROUPS * GROUP_LENGTH and all(ch in ALPHABET for ch in compact)
