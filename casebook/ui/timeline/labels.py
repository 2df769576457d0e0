"""Translated words for the timeline: event kinds, responses, reasons, lanes, gaps, moments.

Wording records what the papers say; nothing here suggests a treatment choice.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from casebook.core.decision_moment import DecisionMoment
from casebook.core.model import PartialDate
from casebook.core.timeline import (
    EventKind,
    Lane,
    Response,
    StopReason,
    TimelineEvent,
    line_ordinal,
)
from casebook.core.timeline_gaps import Gap, GapRule
from casebook.ui.common.labels import choose_plural, format_partial_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelineLabels", text)


def kind_label(kind: EventKind) -> str:
    return {
        EventKind.FIRST_SYMPTOMS: _tr("First symptoms"),
        EventKind.DIAGNOSIS: _tr("Diagnosis"),
        EventKind.BIOPSY: _tr("Biopsy or pathology"),
        EventKind.IMAGING: _tr("Imaging"),
        EventKind.STAGING: _tr("Staging"),
        EventKind.SURGERY: _tr("Surgery"),
        EventKind.SYSTEMIC_THERAPY: _tr("Line of systemic therapy"),
        EventKind.RADIOTHERAPY: _tr("Radiotherapy"),
        EventKind.TRANSPLANT: _tr("Transplant"),
        EventKind.ADVANCED_THERAPY: _tr("CAR-T or other advanced therapy"),
        EventKind.RELAPSE_PROGRESSION: _tr("Relapse or progression"),
        EventKind.CONSULTATION: _tr("Consultation"),
        EventKind.SECOND_OPINION: _tr("Second opinion"),
        EventKind.SUPPORTIVE_CARE: _tr("Supportive care"),
        EventKind.OTHER: _tr("Other"),
    }[kind]


def lane_label(lane: Lane) -> str:
    return {
        Lane.DIAGNOSIS: _tr("Diagnosis and course"),
        Lane.TREATMENT: _tr("Treatments"),
        Lane.IMAGING: _tr("Imaging"),
        Lane.CONSULTATION: _tr("Consultations"),
    }[lane]


def response_label(response: Response) -> str:
    return {
        Response.NOT_RECORDED: _tr("Not recorded yet"),
        Response.COMPLETE: _tr("Complete response"),
        Response.PARTIAL: _tr("Partial response"),
        Response.STABLE: _tr("Stable disease"),
        Response.PROGRESSION: _tr("Progression"),
        Response.NOT_ASSESSED: _tr("Not assessed or too early"),
    }[response]


def stop_reason_label(reason: StopReason) -> str:
    return {
        StopReason.NOT_STOPPED: _tr("Still going on, or not known"),
        StopReason.COMPLETED: _tr("Completed as planned"),
        StopReason.PROGRESSION: _tr("Progression"),
        StopReason.SIDE_EFFECTS: _tr("Side effects"),
        StopReason.OTHER: _tr("Other reason"),
    }[reason]


def moment_label(moment: DecisionMoment) -> tuple[str, str]:
    """A short label for the choice, and examples shown under it ("" when none)."""
    return {
        DecisionMoment.JUST_DIAGNOSED: (_tr("Just diagnosed"), ""),
        DecisionMoment.BEFORE_TREATMENT: (_tr("Before treatment starts"), ""),
        DecisionMoment.OPTIONS_UNCLEAR: (_tr("Options feel unclear, or doctors disagree"), ""),
        DecisionMoment.ADVANCED_THERAPY: (
            _tr("An advanced therapy is being considered"),
            _tr("For example CAR-T, a transplant, or targeted combinations"),
        ),
        DecisionMoment.RELAPSE_PROGRESSION: (_tr("Relapse or progression"), ""),
    }[moment]


def stored_moment_label(value: str) -> str:
    """The short label of a decision moment as stored ("" for none, or one this version does
    not know), for a sentence that names where the family is now."""
    try:
        return moment_label(DecisionMoment(value))[0]
    except ValueError:
        return ""


def date_text(value: PartialDate | None) -> str:
    return format_partial_date(value, _tr("No date"))


def when_text(event: TimelineEvent) -> str:
    """ "April 2024 – September 2024", "April 2024 – ongoing" or "Mar 17, 2024"."""
    if event.start is None:
        return _tr("No date")
    start = format_partial_date(event.start)
    if event.end is not None:
        return f"{start} – {format_partial_date(event.end)}"
    if event.is_line_of_therapy and not event.has_ended:
        return _tr("{start} – ongoing").format(start=start)
    return start


def event_heading(event: TimelineEvent, line_number: int | None) -> str:
    """ "Line 2 · Docetaxel" for a numbered line, the title otherwise."""
    if line_number is not None:
        number = line_ordinal(line_number, QLocale().name())
        return _tr("Line {number} · {title}").format(number=number, title=event.title)
    return event.title


def gap_text(gap: Gap, events: dict[int, TimelineEvent]) -> str:
    """A gap in plain words, naming the event it is about."""
    event = events.get(gap.event_id) if gap.event_id is not None else None
    name = ""
    if event is not None:
        name = event_heading(event, gap.line_number)
        if event.start is not None:
            name = f"{name} ({format_partial_date(event.start)})"
    texts = {
        GapRule.NO_DIAGNOSIS: _tr("The timeline has no diagnosis yet."),
        GapRule.DIAGNOSIS_WITHOUT_PATHOLOGY: _tr(
            "{event}: no biopsy or pathology report is in the binder. The MDT will ask how "
            "the diagnosis was confirmed."
        ),
        GapRule.LINE_WITHOUT_REGIMEN: _tr("{event}: the drugs given (the regimen) are not noted."),
        GapRule.LINE_WITHOUT_RESPONSE: _tr("{event}: how the illness responded is not noted."),
        GapRule.LINE_WITHOUT_REASON_STOPPED: _tr(
            "{event}: why this treatment stopped is not noted."
        ),
        GapRule.NO_IMAGING_BEFORE_LINE: _tr("{event}: no imaging in the months before it started."),
        GapRule.NO_IMAGING_AFTER_LINE: _tr("{event}: no imaging during it or after it ended."),
        GapRule.UNDATED_LINE: _tr("{event}: no start date, so it cannot be numbered."),
        GapRule.END_BEFORE_START: _tr("{event}: the end date is before the start date."),
        GapRule.RELAPSE_NOT_CONFIRMED: _tr(
            "{event}: no imaging or biopsy near this date shows how it was found."
        ),
        GapRule.SURGERY_WITHOUT_OPERATIVE_NOTE: _tr("{event}: no operative note is in the binder."),
        GapRule.UNDATED_EVENT: _tr("{event}: no date, so it cannot be placed on the timeline."),
    }
    return texts[gap.rule].format(event=name)


def details_text(event: TimelineEvent) -> str:
    """Regimen, cycles, response, why it stopped, links and the first line of the notes."""
    therapy = event.therapy
    parts: list[str] = []
    if therapy.regimen and therapy.regimen != event.title:
        parts.append(therapy.regimen)
    if therapy.cycles:
        parts.append(choose_plural(therapy.cycles, _tr("{count} cycle"), _tr("{count} cycles")))
    if therapy.response is not Response.NOT_RECORDED:
        parts.append(_tr("response: {value}").format(value=response_label(therapy.response)))
    if therapy.reason_stopped is not StopReason.NOT_STOPPED:
        reason = stop_reason_label(therapy.reason_stopped)
        parts.append(_tr("stopped: {reason}").format(reason=reason))
    if event.links:
        parts.append(_tr("linked records: {count}").format(count=len(event.links)))
    if event.description:
        parts.append(event.description.splitlines()[0])
    return " · ".join(parts)


def event_line(event: TimelineEvent, line_number: int | None) -> str:
    """One event as a printed line."""
    text = (
        f"{when_text(event)}  ·  {kind_label(event.kind)}  ·  {event_heading(event, line_number)}"
    )
    details = details_text(event)
    return f"{text}  —  {details}" if details else text
