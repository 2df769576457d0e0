"""What the generated pages say about the case, as plain data filled by the services layer.

The case summary, its first page ("case at a glance"), README.TXT, INDEX.HTM and METADATA.XML
are written from these facts in each chosen language; the words around the facts come from the
catalogue (`casebook.texts`). The family's own words (titles, notes, questions) are carried as
written: Casebook does not translate them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time

from casebook.core.appointments import AppointmentKind
from casebook.core.decision_moment import DecisionMoment
from casebook.core.medicines import Allergy, Route
from casebook.core.model import PartialDate, RecordKind
from casebook.core.opinions import Comparison, Opinion
from casebook.core.timeline import TimelineEvent


@dataclass(frozen=True)
class SlotState:
    """One kind of record as the binder holds it at sealing time.

    "Received" is derived: the binder holds documents of this kind (or images, for imaging).
    "Requested on … from …" and "not needed" are the family's statements, shown alongside any
    documents that have arrived since.
    """

    kind: RecordKind
    held: int = 0  # documents (images, for imaging) the binder holds
    enclosed: int = 0  # of which this bundle carries
    requested: bool = False
    requested_on: PartialDate | None = None
    requested_from: str = ""
    not_needed: bool = False
    note: str = ""
    listed: int = 0  # current entries of a list that stands for it (current medicines)

    @property
    def received(self) -> bool:
        return self.held > 0 or self.listed > 0

    @property
    def missing(self) -> bool:
        """Nothing held, and the family has not said it is not needed ("Other" never is)."""
        return not self.received and not self.not_needed and self.kind is not RecordKind.OTHER


@dataclass(frozen=True)
class QuestionEntry:
    """A question for the MDT: the family's words, or a question-bank text in every language."""

    text: str
    translations: Mapping[str, str] = field(default_factory=dict)

    def in_language(self, language: str) -> str:
        return self.translations.get(language) or self.text


@dataclass(frozen=True)
class TimelineEntry:
    """An event of the illness and, for systemic therapy, its line number."""

    event: TimelineEvent
    line_number: int | None = None


@dataclass(frozen=True)
class StatedStage:
    """The stage as one source states it (an opinion, or the diagnosis as typed)."""

    stage: str
    source: str = ""
    stated_on: PartialDate | None = None


@dataclass(frozen=True)
class ImagingCount:
    studies: int = 0
    series: int = 0
    instances: int = 0
    frames: int = 0


@dataclass(frozen=True)
class KeyImage:
    """A thumbnail (PNG) of an image the family marked as a key image, and what it shows."""

    png: bytes
    study_date: str = ""  # ISO, e.g. "2007-04-04"
    series_description: str = ""
    instance_number: str = ""


@dataclass(frozen=True)
class Contact:
    """Who prepared the bundle (usually a family member); every field may be empty."""

    name: str = ""
    relationship: str = ""
    contact: str = ""  # e-mail or phone
    language: str = ""  # the language they read, as they put it


@dataclass(frozen=True)
class CareMedicine:
    """A current medicine as the glance prints it: the generic name in each language where the
    medicine lexicon knows it (else as the family wrote it), the brand, and how it is taken."""

    name_en: str
    name_zh: str
    brand: str = ""
    dose: str = ""  # as written on the prescription
    frequency: str = ""
    route: Route = Route.NOT_STATED

    def name(self, language: str) -> str:
        name = self.name_zh if language == "zh" else self.name_en
        if self.brand and self.brand.casefold() not in name.casefold():
            name += f" ({self.brand})"
        return name


@dataclass(frozen=True)
class CareContact:
    """A contact the family chose to show on the glance (or one the current care names)."""

    label: str  # name (organisation)
    role: str = ""
    phone: str = ""


@dataclass(frozen=True)
class CareAppointment:
    kind: AppointmentKind
    title: str
    on_date: date
    at_time: time | None = None
    place: str = ""
    with_whom: str = ""


@dataclass(frozen=True)
class CareFacts:
    """What the week-to-week records add to the glance (issue 19)."""

    medicines: tuple[CareMedicine, ...] = ()
    allergies: tuple[Allergy, ...] = ()
    key_contacts: tuple[CareContact, ...] = ()
    next_appointment: CareAppointment | None = None
    kept: bool = False  # the family keeps a medicine list (so "none" means none written down)


@dataclass(frozen=True)
class CaseAtAGlance:
    """The one-page "case at a glance": what a doctor needs first, from the binder.

    Built by the services layer (`services.export.glance`); printed as the summary's first page
    and as a one-page print from the Overview (`in_bundle` False: nothing is "enclosed"), with
    the week-to-week facts (medicines, allergies, key contacts, the next appointment) in `care`.
    """

    patient_name: str
    date_of_birth: PartialDate | None = None
    age: int | None = None  # shown instead of the birth date in a de-identified bundle
    diagnosis: str = ""
    stages: tuple[StatedStage, ...] = ()
    decision_moment: DecisionMoment | None = None
    questions: tuple[QuestionEntry, ...] = ()  # the most important open questions
    lines_of_therapy: tuple[TimelineEntry, ...] = ()
    records: tuple[SlotState, ...] = ()
    imaging: ImagingCount = field(default_factory=ImagingCount)
    contact: Contact = field(default_factory=Contact)
    prepared_on: str = ""  # ISO date
    care: CareFacts = field(default_factory=CareFacts)
    in_bundle: bool = True


@dataclass(frozen=True)
class SummaryContent:
    """What the case summary shows beyond the plan's items, as data (words added per language).

    Sections whose data is empty are left out (no placeholders).
    """

    glance: CaseAtAGlance | None = None
    decision_moment: DecisionMoment | None = None
    key_images: tuple[KeyImage, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    questions: tuple[QuestionEntry, ...] = ()
    opinions: tuple[Opinion, ...] = ()
    comparison: Comparison | None = None  # the compared opinions, when two or more
    follow_ups: tuple[QuestionEntry, ...] = ()  # raised by the differences, not yet asked
