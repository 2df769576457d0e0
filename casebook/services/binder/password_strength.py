"""Password strength feedback for the create and change-password screens (zxcvbn)."""

from __future__ import annotations

from dataclasses import dataclass, field

ACCEPTABLE_SCORE = 3
ACCEPTABLE_LENGTH = 10
_MAX_CHECKED_LENGTH = 100  # zxcvbn slows down sharply on very long input


@dataclass(frozen=True)
class PasswordStrength:
    """zxcvbn's score 0 (guessable) to 4 (very strong), with its hints in English.

    The hints are keys for translation in the UI; `acceptable` is what the create button needs.
    """

    score: int
    warning: str = ""
    suggestions: list[str] = field(default_factory=list)

    @property
    def acceptable(self) -> bool:
        return self.score >= ACCEPTABLE_SCORE


def check_password_strength(password: str, avoid: tuple[str, ...] = ()) -> PasswordStrength:
    """Rate `password`; `avoid` lists words such as the patient's name that make it weak."""
    if not password:
        return PasswordStrength(0)
    # Imported here: its dictionaries take 20 ms to load, and every command that opens a
    # binder imports this module without checking a password's strength.
    from zxcvbn import zxcvbn

    result = zxcvbn(password[:_MAX_CHECKED_LENGTH], user_inputs=list(avoid))
    score = int(result["score"])
    if len(password) < ACCEPTABLE_LENGTH:
        score = min(score, ACCEPTABLE_SCORE - 1)
    feedback = result.get("feedback", {})
    return PasswordStrength(
        score=score,
        warning=str(feedback.get("warning", "")),
        suggestions=[str(item) for item in feedback.get("suggestions", [])],
    )
