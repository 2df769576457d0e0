"""The family's decision log: what they chose, when, why, with whom, what matters most to the
patient, and what would reopen it.

A decision is never overwritten: each edit adds a version, so the family can see how their
thinking moved. The log records the family's own words; Casebook adds nothing to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casebook.core.errors import InvalidInput
from casebook.core.model import PartialDate


@dataclass(frozen=True)
class DecisionDraft:
    """What the family writes down about one decision (one version of it)."""

    option_chosen: str
    decided_on: PartialDate | None = None
    reasons: str = ""
    participants: str = ""
    revisit_if: str = ""
    opinion_ids: tuple[int, ...] = ()  # the opinions that were weighed
    # The patient's own goals and priorities: when doctors disagree, these weigh first, and
    # writing them down keeps the decision about the person, not only about the disease.
    goals: str = ""

    def validate(self) -> None:
        if not self.option_chosen.strip():
            raise InvalidInput("option_chosen", "empty")


@dataclass(frozen=True)
class DecisionVersion:
    """One saved version of a decision."""

    version: int
    saved_at: str
    draft: DecisionDraft


@dataclass(frozen=True)
class Decision:
    """A decision as it stands now, with every earlier version (oldest first)."""

    id: int
    created_at: str
    history: tuple[DecisionVersion, ...] = field(default_factory=tuple)

    @property
    def current(self) -> DecisionDraft:
        return self.history[-1].draft

    @property
    def version(self) -> int:
        return self.history[-1].version

    @property
    def updated_at(self) -> str:
        return self.history[-1].saved_at
