"""Medicines as the doctors prescribed them, allergies and serious past reactions.

A medicine keeps its history: every change is a new version, and stopping one is a version with
the date it stopped and why. A medicine is current while its newest version has no stop date.
Casebook records what was prescribed; it never checks doses or interactions. Plain data.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, fields, replace

from casebook.core.errors import InvalidInput
from casebook.core.model import PartialDate


class Route(enum.Enum):
    """How it is taken. Values are stable identifiers stored in the binder."""

    NOT_STATED = ""
    BY_MOUTH = "by_mouth"
    INTO_A_VEIN = "into_a_vein"  # drip or infusion
    UNDER_THE_SKIN = "under_the_skin"
    INTO_A_MUSCLE = "into_a_muscle"
    ON_THE_SKIN = "on_the_skin"  # patch, cream
    INHALED = "inhaled"
    OTHER = "other"


class StopReason(enum.Enum):
    """Why it stopped, in plain words; NOT_STOPPED while it goes on."""

    NOT_STOPPED = ""
    FINISHED = "finished"  # the course was completed
    SIDE_EFFECTS = "side_effects"
    NOT_WORKING = "not_working"
    CHANGED = "changed"  # the doctor changed the treatment
    OTHER = "other"


@dataclass(frozen=True)
class MedicineDetails:
    """One version of a medicine: what the family copied from the prescription."""

    brand_name: str = ""
    generic_name: str = ""
    dose: str = ""  # as written: "80 mg", "75 mg/m²"
    frequency: str = ""  # as written: "once a day", "every 3 weeks"
    route: Route = Route.NOT_STATED
    started_on: PartialDate | None = None
    stopped_on: PartialDate | None = None
    stop_reason: StopReason = StopReason.NOT_STOPPED
    stop_note: str = ""
    prescriber_id: int | None = None  # a contact
    purpose: str = ""  # what it is for, in the family's words
    timeline_event_id: int | None = None  # the line of therapy it belongs to
    notes: str = ""

    @property
    def name(self) -> str:
        """The generic name where known (what any doctor recognises), else the brand."""
        return self.generic_name.strip() or self.brand_name.strip()

    @property
    def is_current(self) -> bool:
        return self.stopped_on is None

    def validate(self) -> None:
        if not self.name:
            raise InvalidInput("name", "empty")
        if self.stop_reason is not StopReason.NOT_STOPPED and self.stopped_on is None:
            raise InvalidInput("stopped_on", "a stop needs its date")
        if (
            self.started_on is not None
            and self.stopped_on is not None
            and _last(self.stopped_on) < _first(self.started_on)
        ):
            raise InvalidInput("stopped_on", "before it started")

    def cleaned(self) -> MedicineDetails:
        """The details with surrounding spaces removed from the text fields."""
        texts = {
            field.name: getattr(self, field.name).strip()
            for field in fields(self)
            if isinstance(getattr(self, field.name), str)
        }
        return replace(self, **texts)


def _first(value: PartialDate) -> tuple[int, int, int]:
    return (value.year, value.month or 1, value.day or 1)


def _last(value: PartialDate) -> tuple[int, int, int]:
    return (value.year, value.month or 12, value.day or 31)


@dataclass(frozen=True)
class MedicineVersion:
    version: int
    saved_at: str
    details: MedicineDetails


@dataclass(frozen=True)
class Medicine:
    """A medicine as it stands now, with every earlier version (oldest first)."""

    id: int
    created_at: str
    history: tuple[MedicineVersion, ...]
    lexicon_key: str = ""  # the entry of the shipped lexicon it was matched to, if any
    source_document_id: int | None = None  # the document it was suggested from
    # What the medicine says now. In a binder shared by the family it is merged field by field
    # from everyone's versions, so it can differ from the newest version saved.
    shown: MedicineDetails | None = None

    @property
    def current(self) -> MedicineDetails:
        return self.shown if self.shown is not None else self.history[-1].details

    @property
    def is_current(self) -> bool:
        return self.current.is_current

    @property
    def version(self) -> int:
        return max(v.version for v in self.history)


CHANGE_FIELDS = (
    "brand_name",
    "generic_name",
    "dose",
    "frequency",
    "route",
    "started_on",
    "stopped_on",
    "stop_reason",
    "stop_note",
    "prescriber_id",
    "purpose",
    "timeline_event_id",
    "notes",
)


def changed_fields(before: MedicineDetails, after: MedicineDetails) -> tuple[str, ...]:
    """The fields one version changed from the previous one, in form order."""
    return tuple(name for name in CHANGE_FIELDS if getattr(before, name) != getattr(after, name))


def stopped(
    details: MedicineDetails, on: PartialDate, reason: StopReason, note: str = ""
) -> MedicineDetails:
    """The same medicine, stopped on `on` for `reason` (the version that records the stop)."""
    if reason is StopReason.NOT_STOPPED:
        raise InvalidInput("stop_reason", "empty")
    return replace(details, stopped_on=on, stop_reason=reason, stop_note=note.strip())


# --- Allergies and serious past reactions ---------------------------------------------------


class AllergyKind(enum.Enum):
    ALLERGY = "allergy"
    REACTION = "reaction"  # a serious past reaction or intolerance that is not an allergy


class Severity(enum.Enum):
    """How bad the reaction was, as the family or the records say."""

    NOT_STATED = ""
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"
    LIFE_THREATENING = "life_threatening"


@dataclass(frozen=True)
class Allergy:
    substance: str  # a medicine, a food, contrast dye, latex…
    kind: AllergyKind = AllergyKind.ALLERGY
    reaction: str = ""  # what happened: "rash", "swelling of the throat"
    severity: Severity = Severity.NOT_STATED
    noted_on: PartialDate | None = None
    notes: str = ""
    id: int = 0

    def validate(self) -> None:
        if not self.substance.strip():
            raise InvalidInput("substance", "empty")
