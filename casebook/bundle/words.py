"""The words the generated pages use for the binder's categories, in the reader's language.

Tables are marked with `N_` (extracted into the catalogue) and translated when a page is
written, with the `Texts` of that page's language.
"""

from __future__ import annotations

from casebook.bundle.case_facts import ImagingCount, SlotState, TimelineEntry
from casebook.bundle.plan import DocumentItem
from casebook.core.decision_moment import DecisionMoment
from casebook.core.model import RecordKind
from casebook.core.opinions import FieldValue, OpinionField, TreatmentIntent
from casebook.core.recordings import clock_text
from casebook.core.timeline import EventKind, Response, StopReason, line_ordinal
from casebook.texts import N_, Texts

SLOT_NAMES = {
    RecordKind.PATHOLOGY: N_("Pathology"),
    RecordKind.IMAGING: N_("Imaging"),
    RecordKind.LABS: N_("Laboratory results"),
    RecordKind.HISTORY: N_("Medical history"),
    RecordKind.PRIOR_TREATMENT: N_("Prior treatment"),
    RecordKind.MOLECULAR: N_("Molecular / genetic tests"),
    RecordKind.OPERATIVE_NOTES: N_("Operative notes"),
    RecordKind.MEDICATIONS: N_("Medications"),
    RecordKind.DIAGNOSIS_PLAN: N_("Diagnosis and treatment plan"),
    RecordKind.DISCHARGE_REFERRAL: N_("Discharge and referral letters"),
    RecordKind.IDENTITY: N_("Identity documents"),
    RecordKind.OTHER: N_("Other"),
}


def document_kind(t: Texts, item: DocumentItem) -> str:
    """The kind of record a document is filed under; a recording says so, with its length."""
    if item.duration_ms is not None:
        return t.gettext(N_("Recording of a consultation, {time}")).format(
            time=clock_text(item.duration_ms)
        )
    return t.gettext(SLOT_NAMES[item.slot])


MOMENT_TEXT = {
    DecisionMoment.JUST_DIAGNOSED: N_("The diagnosis is new."),
    DecisionMoment.BEFORE_TREATMENT: N_("Treatment has been proposed and has not started yet."),
    DecisionMoment.OPTIONS_UNCLEAR: N_("The options feel unclear, or the doctors disagree."),
    DecisionMoment.ADVANCED_THERAPY: N_(
        "An advanced therapy (such as CAR-T, a transplant or a targeted combination) is being "
        "considered."
    ),
    DecisionMoment.RELAPSE_PROGRESSION: N_("The illness has come back or progressed."),
}

EVENT_KINDS = {
    EventKind.FIRST_SYMPTOMS: N_("First symptoms"),
    EventKind.DIAGNOSIS: N_("Diagnosis"),
    EventKind.BIOPSY: N_("Biopsy"),
    EventKind.IMAGING: N_("Imaging examination"),
    EventKind.STAGING: N_("Staging"),
    EventKind.SURGERY: N_("Surgery"),
    EventKind.SYSTEMIC_THERAPY: N_("Systemic therapy"),
    EventKind.RADIOTHERAPY: N_("Radiotherapy"),
    EventKind.TRANSPLANT: N_("Transplant"),
    EventKind.ADVANCED_THERAPY: N_("CAR-T or other advanced therapy"),
    EventKind.RELAPSE_PROGRESSION: N_("Relapse or progression"),
    EventKind.CONSULTATION: N_("Consultation"),
    EventKind.SECOND_OPINION: N_("Second opinion"),
    EventKind.SUPPORTIVE_CARE: N_("Supportive care"),
    EventKind.OTHER: N_("Other event"),
}

RESPONSES = {
    Response.COMPLETE: N_("complete response"),
    Response.PARTIAL: N_("partial response"),
    Response.STABLE: N_("stable disease"),
    Response.PROGRESSION: N_("progression"),
    Response.NOT_ASSESSED: N_("not assessed"),
}

STOP_REASONS = {
    StopReason.COMPLETED: N_("completed as planned"),
    StopReason.PROGRESSION: N_("stopped because of progression"),
    StopReason.SIDE_EFFECTS: N_("stopped because of side effects"),
    StopReason.OTHER: N_("stopped for another reason"),
}

FIELD_TITLES = {
    OpinionField.DIAGNOSIS: N_("Diagnosis"),
    OpinionField.SUBTYPE: N_("Subtype"),
    OpinionField.STAGE: N_("Stage"),
    OpinionField.MOLECULAR_FINDINGS: N_("Molecular findings relied on"),
    OpinionField.TREATMENT_INTENT: N_("Treatment intent"),
    OpinionField.RECOMMENDED_PLAN: N_("Recommended plan"),
    OpinionField.SEQUENCE_TIMING: N_("Sequence and timing"),
    OpinionField.ALTERNATIVES: N_("Alternatives mentioned"),
    OpinionField.CLINICAL_TRIALS: N_("Clinical trials mentioned"),
    OpinionField.EXPECTED_BENEFITS: N_("Expected benefits"),
    OpinionField.MAIN_RISKS: N_("Main risks and side effects"),
    OpinionField.WHAT_WOULD_CHANGE: N_("What would change the recommendation"),
    OpinionField.TESTS_REQUESTED: N_("Tests requested before deciding"),
    OpinionField.FOLLOW_UP: N_("Follow-up plan"),
    OpinionField.REASONING: N_("The doctor's reasoning"),
    OpinionField.FAMILY_NOTES: N_("The family's notes"),
}

INTENTS = {
    TreatmentIntent.CURATIVE: N_("Curative"),
    TreatmentIntent.CONTROL: N_("Control of the disease"),
    TreatmentIntent.SYMPTOM_RELIEF: N_("Symptom relief"),
}


def people_date(value: str) -> str:
    """A date for people: DICOM's "20240305" as "2024-03-05"; ISO dates stay as they are."""
    value = value.strip()
    if len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value


def listed(t: Texts, items: list[str]) -> str:
    """ "A", "A and B", "A, B and C" (in Chinese "A、B和C")."""
    if len(items) <= 1:
        return "".join(items)
    head = t.pgettext("list separator", ", ").join(items[:-1])
    return t.gettext("{items} and {last}").format(items=head, last=items[-1])


def field_value_text(t: Texts, which: OpinionField, value: FieldValue) -> str:
    """An opinion's value for a page: "" when empty; a treatment intent by its name."""
    if value.not_stated:
        return ""
    if which is OpinionField.TREATMENT_INTENT:
        known = {i.value: i for i in TreatmentIntent}
        if value.text in known:
            return t.gettext(INTENTS[known[value.text]])
    return value.text.strip()


def imaging_count_text(t: Texts, count: ImagingCount) -> str:
    """ "1 study, 2 series, 7 images (22 frames)" — frames only when there are more."""
    parts = [
        t.ngettext("{n} study", "{n} studies", count.studies).format(n=count.studies),
        t.ngettext("{n} series", "{n} series", count.series).format(n=count.series),
        instances_text(t, count.instances, count.frames),
    ]
    return t.pgettext("list separator", ", ").join(parts)


def instances_text(t: Texts, instances: int, frames: int) -> str:
    """ "6 images", or "1 image, 16 frames" when images hold several frames each."""
    images = t.ngettext("{n} image", "{n} images", instances).format(n=instances)
    if frames <= instances:
        return images
    more = t.ngettext("{n} frame", "{n} frames", frames).format(n=frames)
    return t.gettext("{images}, {frames}").format(images=images, frames=more)


def slot_remarks(t: Texts, slot: SlotState) -> list[str]:
    """The family's statements about a kind of record, shown beside its documents."""
    remarks = []
    if slot.requested:
        if slot.requested_on and slot.requested_from:
            remarks.append(
                t.gettext("requested on {date} from {who}").format(
                    date=slot.requested_on.iso(), who=slot.requested_from
                )
            )
        elif slot.requested_on:
            remarks.append(t.gettext("requested on {date}").format(date=slot.requested_on.iso()))
        elif slot.requested_from:
            remarks.append(t.gettext("requested from {who}").format(who=slot.requested_from))
        else:
            remarks.append(t.gettext("requested"))
    if slot.listed:
        remarks.append(
            t.ngettext(
                "{n} current medicine, listed on the case at a glance",
                "{n} current medicines, listed on the case at a glance",
                slot.listed,
            ).format(n=slot.listed)
        )
    if slot.not_needed and slot.received:  # otherwise the status says it
        remarks.append(t.gettext("not needed, the family says"))
    if slot.note.strip():
        remarks.append(slot.note.strip())
    return remarks


def slot_status(t: Texts, slot: SlotState) -> str:
    """Enclosed / received, not enclosed / requested / not needed / missing."""
    if slot.enclosed:
        return t.pgettext("record status", "Enclosed")
    if slot.listed:
        return t.pgettext("record status", "Listed")
    if slot.received:
        return t.pgettext("record status", "Received, not enclosed")
    if slot.not_needed:
        return t.pgettext("record status", "Not needed")
    if slot.requested:
        return t.pgettext("record status", "Requested")
    return t.pgettext("record status", "Missing")


def timeline_line(t: Texts, entry: TimelineEntry) -> str:
    """ "2024-04 – 2024-09 · Line 1 of systemic therapy: carboplatin (4 cycles; …)"."""
    event = entry.event
    if entry.line_number is not None:
        number = line_ordinal(entry.line_number, t.language)
        label = t.gettext("Line {number} of systemic therapy").format(number=number)
    else:
        label = t.gettext(EVENT_KINDS[event.kind])
    details: list[str] = []
    therapy = event.therapy
    if therapy.regimen and therapy.regimen != event.title:
        details.append(therapy.regimen)
    if therapy.cycles:
        details.append(
            t.ngettext("{n} cycle", "{n} cycles", therapy.cycles).format(n=therapy.cycles)
        )
    if therapy.response is not Response.NOT_RECORDED:
        response = t.gettext(RESPONSES[therapy.response])
        details.append(t.gettext("response: {value}").format(value=response))
    if therapy.reason_stopped is not StopReason.NOT_STOPPED:
        details.append(t.gettext(STOP_REASONS[therapy.reason_stopped]))
    text = t.gettext("{when} · {what}: {title}").format(
        when=when_text(t, entry), what=label, title=event.title
    )
    if details:
        text += t.gettext(" ({details})").format(
            details=t.pgettext("detail separator", "; ").join(details)
        )
    return text


def when_text(t: Texts, entry: TimelineEntry) -> str:
    event = entry.event
    if event.start is None:
        return t.gettext("date not known")
    if event.end is not None:
        return f"{event.start.iso()} – {event.end.iso()}"
    if event.kind is EventKind.SYSTEMIC_THERAPY and not event.has_ended:
        return t.gettext("{start} – ongoing").format(start=event.start.iso())
    return event.start.iso()
