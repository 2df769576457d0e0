"""What a caregiver does with the timeline: read it with its gaps and suggestions, add, edit and
delete events, accept or dismiss suggestions, and say where the family stands now.

Every write is one transaction. `timeline_summary_lines` gives the case-summary PDF its
timeline section as plain lines (English or Chinese).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from casebook.core.changes import Changed
from casebook.core.decision_moment import DecisionMoment
from casebook.core.errors import InvalidInput
from casebook.core.model import Document, ImagingStudy, PartialDate, RecordKind
from casebook.core.timeline import (
    EventKind,
    Response,
    StopReason,
    TimelineEvent,
    first_day,
    last_day,
    line_ordinal,
    number_lines,
    ordered,
)
from casebook.core.timeline_gaps import Gap, GapContext, find_gaps
from casebook.core.timeline_suggestions import TimelineSuggestion, suggest_events
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.store import documents as documents_store
from casebook.store import imaging as imaging_store
from casebook.store import timeline as timeline_store

__all__ = [
    "TimelineState",
    "accept_suggestion",
    "delete_event",
    "dismiss_suggestion",
    "load_decision_moment",
    "load_timeline",
    "restore_dismissed_suggestions",
    "save_decision_moment",
    "save_event",
    "timeline_summary_lines",
]


@dataclass(frozen=True)
class TimelineState:
    """Everything the timeline page shows, read in one go."""

    events: tuple[TimelineEvent, ...]  # in timeline order
    line_numbers: dict[int, int]
    gaps: tuple[Gap, ...]
    suggestions: tuple[TimelineSuggestion, ...]
    decision_moment: DecisionMoment | None
    documents: tuple[Document, ...]
    studies: tuple[ImagingStudy, ...]
    consultations: tuple[tuple[int, str, PartialDate | None], ...]
    dismissed_count: int = 0


def load_timeline(session: BinderSession) -> TimelineState:
    with session.reading() as db:
        events = ordered(timeline_store.list_events(db))
        documents = documents_store.list_documents(db)
        studies = imaging_store.list_studies(db)
        dismissed = timeline_store.dismissed_suggestions(db)
        moment = timeline_store.load_decision_moment(db)
        consultations = timeline_store.consultation_choices(db)
    by_slot: dict[RecordKind, list[int]] = {}
    for document in documents:
        by_slot.setdefault(document.slot, []).append(document.id)
    return TimelineState(
        events=tuple(events),
        line_numbers=number_lines(events),
        gaps=tuple(find_gaps(events, GapContext(dict(by_slot)))),
        suggestions=tuple(suggest_events(documents, studies, events, dismissed)),
        decision_moment=moment,
        documents=tuple(documents),
        studies=tuple(studies),
        consultations=tuple(consultations),
        dismissed_count=len(dismissed),
    )


def _validated(event: TimelineEvent) -> TimelineEvent:
    title = event.title.strip()
    if not title:
        raise InvalidInput("title", "empty")
    if event.start and event.end and last_day(event.end) < first_day(event.start):
        raise InvalidInput("end", "before start")
    if event.end is not None and event.start is None:
        raise InvalidInput("start", "missing")
    cycles = event.therapy.cycles
    if cycles is not None and cycles < 0:
        raise InvalidInput("cycles", "negative")
    return replace(event, title=title)


def save_event(session: BinderSession, event: TimelineEvent) -> int:
    """Insert a new event (id 0) or rewrite an existing one with its links; returns its id."""
    event = _validated(event)
    with session.writing(Changed.TIMELINE) as db:
        if event.id == 0:
            return timeline_store.insert_event(db, event, timestamp())
        if not timeline_store.update_event(db, event):
            raise KeyError(event.id)
        return event.id


def delete_event(session: BinderSession, event_id: int) -> None:
    with session.writing(Changed.TIMELINE, Changed.CONSULTATIONS) as db:
        timeline_store.delete_event(db, event_id)


def accept_suggestion(
    session: BinderSession, suggestion: TimelineSuggestion, event: TimelineEvent | None = None
) -> int:
    """Store the proposed event (or the caregiver's edited version of it)."""
    return save_event(session, replace(event or suggestion.event, id=0))


def dismiss_suggestion(session: BinderSession, suggestion: TimelineSuggestion) -> None:
    """Never propose this again (remembered in the binder)."""
    with session.writing(Changed.TIMELINE) as db:
        timeline_store.add_dismissed_suggestions(db, suggestion.keys)


def restore_dismissed_suggestions(session: BinderSession) -> None:
    with session.writing(Changed.TIMELINE) as db:
        timeline_store.clear_dismissed_suggestions(db)


def load_decision_moment(session: BinderSession) -> DecisionMoment | None:
    with session.reading() as db:
        return timeline_store.load_decision_moment(db)


def save_decision_moment(session: BinderSession, moment: DecisionMoment | None) -> None:
    with session.writing(Changed.CASE, Changed.TIMELINE) as db:
        timeline_store.save_decision_moment(db, moment, timestamp())


# --- Lines for the case summary PDF --------------------------------------------------------

_KIND_TEXT: dict[EventKind, tuple[str, str]] = {
    EventKind.FIRST_SYMPTOMS: ("First symptoms", "首发症状"),
    EventKind.DIAGNOSIS: ("Diagnosis", "诊断"),
    EventKind.BIOPSY: ("Biopsy", "活检"),
    EventKind.IMAGING: ("Imaging", "影像检查"),
    EventKind.STAGING: ("Staging", "分期"),
    EventKind.SURGERY: ("Surgery", "手术"),
    EventKind.SYSTEMIC_THERAPY: ("Systemic therapy", "系统治疗"),
    EventKind.RADIOTHERAPY: ("Radiotherapy", "放疗"),
    EventKind.TRANSPLANT: ("Transplant", "移植"),
    EventKind.ADVANCED_THERAPY: ("CAR-T or other advanced therapy", "CAR-T或其他新型疗法"),
    EventKind.RELAPSE_PROGRESSION: ("Relapse or progression", "复发或进展"),
    EventKind.CONSULTATION: ("Consultation", "就诊"),
    EventKind.SECOND_OPINION: ("Second opinion", "第二诊疗意见"),
    EventKind.SUPPORTIVE_CARE: ("Supportive care", "支持治疗"),
    EventKind.OTHER: ("Other", "其他"),
}
_RESPONSE_TEXT: dict[Response, tuple[str, str]] = {
    Response.COMPLETE: ("complete response", "完全缓解"),
    Response.PARTIAL: ("partial response", "部分缓解"),
    Response.STABLE: ("stable disease", "疾病稳定"),
    Response.PROGRESSION: ("progression", "疾病进展"),
    Response.NOT_ASSESSED: ("not assessed", "未评估"),
}
_STOP_TEXT: dict[StopReason, tuple[str, str]] = {
    StopReason.COMPLETED: ("completed as planned", "按计划完成"),
    StopReason.PROGRESSION: ("progression", "疾病进展"),
    StopReason.SIDE_EFFECTS: ("side effects", "副作用"),
    StopReason.OTHER: ("other reason", "其他原因"),
}
# The number of cycles, singular and plural.
_CYCLES = {"en": ("{count} cycle", "{count} cycles"), "zh": ("{count}个周期", "{count}个周期")}
_WORDS = {
    "en": {
        "line": "Line {number} of systemic therapy",
        "response": "response: {value}",
        "stopped": "stopped: {value}",
        "ongoing": "ongoing",
        "undated": "date not known",
        "sep": "; ",
        "colon": ": ",
        "open": " (",
        "close": ")",
    },
    "zh": {
        "line": "{number}线系统治疗",
        "response": "疗效：{value}",
        "stopped": "停止原因：{value}",
        "ongoing": "进行中",
        "undated": "日期不详",
        "sep": "；",
        "colon": "：",
        "open": "（",
        "close": "）",
    },
}


def _when(event: TimelineEvent, words: dict[str, str]) -> str:
    if event.start is None:
        return words["undated"]
    if event.end is not None:
        return f"{event.start.iso()} – {event.end.iso()}"
    if event.kind is EventKind.SYSTEMIC_THERAPY and not event.has_ended:
        return f"{event.start.iso()} – {words['ongoing']}"
    return event.start.iso()


def summary_line(event: TimelineEvent, line_number: int | None, language: str = "en") -> str:
    """One event as a line: "2024-04 – 2024-09 · Line 1 of systemic therapy: …"."""
    pick = 1 if language == "zh" else 0
    words = _WORDS["zh" if pick else "en"]
    if line_number is not None:
        label = words["line"].format(number=line_ordinal(line_number, language))
    else:
        label = _KIND_TEXT[event.kind][pick]
    details: list[str] = []
    therapy = event.therapy
    if therapy.regimen and therapy.regimen != event.title:
        details.append(therapy.regimen)
    if therapy.cycles:
        one, many = _CYCLES["zh" if pick else "en"]
        details.append((one if therapy.cycles == 1 else many).format(count=therapy.cycles))
    if therapy.response is not Response.NOT_RECORDED:
        details.append(words["response"].format(value=_RESPONSE_TEXT[therapy.response][pick]))
    if therapy.reason_stopped is not StopReason.NOT_STOPPED:
        value = _STOP_TEXT[therapy.reason_stopped][pick]
        details.append(words["stopped"].format(value=value))
    text = f"{_when(event, words)} · {label}{words['colon']}{event.title}"
    if details:
        text += words["open"] + words["sep"].join(details) + words["close"]
    return text


def timeline_summary_lines(session: BinderSession, language: str = "en") -> tuple[str, ...]:
    """The timeline as plain lines for `bundle.plan.SummaryContent.timeline` ("en" or "zh")."""
    with session.reading() as db:
        events = ordered(timeline_store.list_events(db))
    numbers = number_lines(events)
    return tuple(summary_line(event, numbers.get(event.id), language) for event in events)
