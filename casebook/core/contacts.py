"""The people and places a family deals with week to week, and where each is named.

A contact is a doctor, a nurse, a hospital, a department, a medical-records office (病案室) or a
pharmacy, with the ways to reach it. It is linked where it is named: who a kind of record was
requested from (and when to chase that request), who gave an opinion, who was at a
consultation, who a bundle went to, who prescribed a medicine, where an appointment is. Plain
data and rules; no I/O.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date, timedelta

from casebook.core.errors import InvalidInput
from casebook.core.model import PartialDate, RecordKind

CHASE_AFTER = timedelta(days=14)
"""When a request has no chase date of its own: two weeks after it was made."""

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ContactKind(enum.Enum):
    """Values are stable identifiers stored in the binder."""

    DOCTOR = "doctor"
    NURSE = "nurse"
    HOSPITAL = "hospital"
    DEPARTMENT = "department"
    RECORDS_OFFICE = "records_office"  # 病案室: where copies of records are asked for
    PHARMACY = "pharmacy"
    OTHER = "other"


@dataclass(frozen=True)
class Contact:
    """One contact. `id` is 0 until the binder stores it."""

    kind: ContactKind
    name: str
    organisation: str = ""  # the hospital or department it belongs to
    role: str = ""  # speciality or job, in the family's words ("oncologist", "主治医师")
    phone: str = ""
    email: str = ""
    address: str = ""
    hours: str = ""  # when it can be reached, as the family wrote it
    languages: str = ""  # languages spoken there, as the family wrote them
    notes: str = ""
    key_contact: bool = False  # the family wants it on the case at a glance
    id: int = 0

    @property
    def label(self) -> str:
        """The name with its organisation, as lists and print-outs show it."""
        if self.organisation and self.organisation != self.name:
            return f"{self.name} ({self.organisation})"
        return self.name

    def validate(self) -> None:
        if not self.name.strip():
            raise InvalidInput("name", "empty")
        if self.email.strip() and not _EMAIL.match(self.email.strip()):
            raise InvalidInput("email", "not an e-mail address")

    def cleaned(self) -> Contact:
        """The contact with surrounding spaces removed from every field."""
        return Contact(
            self.kind,
            self.name.strip(),
            self.organisation.strip(),
            self.role.strip(),
            self.phone.strip(),
            self.email.strip(),
            self.address.strip(),
            self.hours.strip(),
            self.languages.strip(),
            self.notes.strip(),
            self.key_contact,
            self.id,
        )


class LinkKind(enum.Enum):
    """What a contact can be linked to. The first four are links the family makes; the others
    are read from the record that names the contact (a medicine's prescriber, an appointment's
    contact, a record kind's request)."""

    OPINION = "opinion"
    CONSULTATION = "consultation"
    EXPORT = "export"
    RECORD_REQUEST = "record_request"
    MEDICINE = "medicine"
    APPOINTMENT = "appointment"


LINKABLE = (LinkKind.OPINION, LinkKind.CONSULTATION, LinkKind.EXPORT)
"""Links stored in `contact_links`; the rest are read from the records themselves."""


@dataclass(frozen=True)
class LinkedItem:
    """One thing a contact is linked to, as the contact's page lists it."""

    kind: LinkKind
    ref: str  # the record's id (or a record kind's identifier)
    title: str  # the record's own words (an opinion's source, a consultation's title…)
    on: str | None = None  # ISO date, when it has one
    detail: str = ""  # a second line: the recipient, the dose, "requested on …"


@dataclass(frozen=True)
class LinkCandidate:
    """Something the family may link a contact to, and whether it names the contact."""

    kind: LinkKind
    ref: str
    title: str
    on: str | None
    names_contact: bool
    linked: bool


@dataclass(frozen=True)
class RecordRequest:
    """Who a kind of record was asked from, and when the family means to chase it."""

    kind: RecordKind
    contact_id: int | None
    requested_on: PartialDate | None
    chase_on: PartialDate | None
    contact_label: str = ""

    @property
    def chase_from(self) -> date | None:
        """The day to chase: the family's own date, else two weeks after a dated request."""
        if self.chase_on is not None:
            return _first_day(self.chase_on)
        if self.requested_on is not None and self.requested_on.day is not None:
            return _first_day(self.requested_on) + CHASE_AFTER
        return None

    def due(self, today: date) -> bool:
        chase = self.chase_from
        return chase is not None and chase <= today


def _first_day(value: PartialDate) -> date:
    return date(value.year, value.month or 1, value.day or 1)


def names(contact: Contact, text: str) -> bool:
    """Whether `text` names the contact (its name, case and spacing aside)."""
    wanted = _squashed(contact.name)
    return len(wanted) >= 2 and wanted in _squashed(text)


def _squashed(text: str) -> str:
    return re.sub(r"[\s.·]+", "", text).casefold()
