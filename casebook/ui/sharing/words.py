"""The words of sharing: what an exchange brought, what a field is, why a file was refused.

Every phrase is a literal `translate` call so the translation tools find it; the services give
only tables, counts and reasons.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from casebook.core.errors import ShareProblem
from casebook.services.sharing.inbox import News
from casebook.ui.common.error_messages import describe_refusal
from casebook.ui.common.labels import choose_plural


def _tr(text: str) -> str:
    return QCoreApplication.translate("SharingWords", text)


def _p(count: int, one: str, many: str) -> str:
    return choose_plural(count, one, many)


def _news_phrases(table: str, added: int, changed: int, deleted: int) -> list[str]:
    """Up to three phrases ("12 new notes", "1 question changed") for one kind of record."""
    a, c, d = added, changed, deleted
    words: dict[str, tuple[str, str, str]] = {
        "consultation_entries": (
            _p(a, _tr("{count} new note"), _tr("{count} new notes")),
            _p(c, _tr("{count} note changed"), _tr("{count} notes changed")),
            _p(d, _tr("{count} note deleted"), _tr("{count} notes deleted")),
        ),
        "questions": (
            _p(a, _tr("{count} new question"), _tr("{count} new questions")),
            _p(c, _tr("{count} question changed"), _tr("{count} questions changed")),
            _p(d, _tr("{count} question deleted"), _tr("{count} questions deleted")),
        ),
        "documents": (
            _p(a, _tr("{count} new document"), _tr("{count} new documents")),
            _p(c, _tr("{count} document changed"), _tr("{count} documents changed")),
            _p(
                d,
                _tr("{count} document deleted for good"),
                _tr("{count} documents deleted for good"),
            ),
        ),
        "imaging_instances": (
            _p(a, _tr("{count} new image"), _tr("{count} new images")),
            _p(c, _tr("{count} image changed"), _tr("{count} images changed")),
            _p(d, _tr("{count} image deleted for good"), _tr("{count} images deleted for good")),
        ),
        "timeline_events": (
            _p(a, _tr("{count} new timeline event"), _tr("{count} new timeline events")),
            _p(c, _tr("{count} timeline event changed"), _tr("{count} timeline events changed")),
            _p(d, _tr("{count} timeline event deleted"), _tr("{count} timeline events deleted")),
        ),
        "consultations": (
            _p(a, _tr("{count} new consultation"), _tr("{count} new consultations")),
            _p(c, _tr("{count} consultation changed"), _tr("{count} consultations changed")),
            _p(d, _tr("{count} consultation deleted"), _tr("{count} consultations deleted")),
        ),
        "opinions": (
            _p(a, _tr("{count} new opinion"), _tr("{count} new opinions")),
            _p(c, _tr("{count} opinion changed"), _tr("{count} opinions changed")),
            _p(d, _tr("{count} opinion deleted"), _tr("{count} opinions deleted")),
        ),
        "decisions": (
            _p(a, _tr("{count} new decision"), _tr("{count} new decisions")),
            _p(c, _tr("{count} decision revised"), _tr("{count} decisions revised")),
            "",
        ),
        "consultation_questions": (
            _p(
                a,
                _tr("{count} question put on a consultation's list"),
                _tr("{count} questions put on a consultation's list"),
            ),
            _p(
                c,
                _tr("{count} answer recorded or changed"),
                _tr("{count} answers recorded or changed"),
            ),
            _p(
                d,
                _tr("{count} question taken off a consultation's list"),
                _tr("{count} questions taken off a consultation's list"),
            ),
        ),
        "slots": (
            "",
            _p(c, _tr("{count} kind of record updated"), _tr("{count} kinds of record updated")),
            "",
        ),
        "case_info": ("", _tr("the case details changed"), ""),
        "appointments": (
            _p(a, _tr("{count} new appointment"), _tr("{count} new appointments")),
            _p(c, _tr("{count} appointment changed"), _tr("{count} appointments changed")),
            _p(d, _tr("{count} appointment deleted"), _tr("{count} appointments deleted")),
        ),
        "medicines": (
            _p(a, _tr("{count} new medicine"), _tr("{count} new medicines")),
            _p(c, _tr("{count} medicine changed"), _tr("{count} medicines changed")),
            _p(d, _tr("{count} medicine deleted"), _tr("{count} medicines deleted")),
        ),
        "allergies": (
            _p(a, _tr("{count} new allergy"), _tr("{count} new allergies")),
            _p(c, _tr("{count} allergy changed"), _tr("{count} allergies changed")),
            _p(d, _tr("{count} allergy deleted"), _tr("{count} allergies deleted")),
        ),
        "diary_entries": (
            _p(a, _tr("{count} new diary entry"), _tr("{count} new diary entries")),
            _p(c, _tr("{count} diary entry changed"), _tr("{count} diary entries changed")),
            _p(d, _tr("{count} diary entry deleted"), _tr("{count} diary entries deleted")),
        ),
        "contacts": (
            _p(a, _tr("{count} new contact"), _tr("{count} new contacts")),
            _p(c, _tr("{count} contact changed"), _tr("{count} contacts changed")),
            _p(d, _tr("{count} contact deleted"), _tr("{count} contacts deleted")),
        ),
        "recordings": (
            _p(a, _tr("{count} new recording"), _tr("{count} new recordings")),
            _p(c, _tr("{count} recording changed"), _tr("{count} recordings changed")),
            "",
        ),
        "recognised_pages": (
            _p(a, _tr("text read from {count} page"), _tr("text read from {count} pages")),
            "",
            "",
        ),
        "opinion_marks": (
            _p(a, _tr("{count} comparison mark set"), _tr("{count} comparison marks set")),
            _p(c, _tr("{count} comparison mark changed"), _tr("{count} comparison marks changed")),
            "",
        ),
    }
    phrases = words.get(table)
    if phrases is None:
        return []
    return [p for p, n in zip(phrases, (added, changed, deleted), strict=True) if n and p]


def news_line(name: str, news: Iterable[News]) -> str:
    """ "From Wei: 12 new notes, 1 question changed." — or "" when nothing shows."""
    phrases: list[str] = []
    joined = False
    for item in sorted(news, key=lambda n: _ORDER.get(n.table, 99)):
        if item.table == "family_members" and item.added:
            joined = True
        phrases += _news_phrases(item.table, item.added, item.changed, item.deleted)
    if not phrases and not joined:
        return ""
    things = _tr(", ").join(phrases)
    if joined and not phrases:
        return _tr("{name} joined the family binder.").format(name=name)
    if joined:
        return _tr("{name} joined the family binder: {things}.").format(name=name, things=things)
    return _tr("From {name}: {things}.").format(name=name, things=things)


_ORDER = {
    table: index
    for index, table in enumerate(
        [
            "consultation_entries",
            "questions",
            "consultation_questions",
            "documents",
            "imaging_instances",
            "timeline_events",
            "consultations",
            "opinions",
            "opinion_marks",
            "decisions",
            "slots",
            "case_info",
            "appointments",
            "medicines",
            "allergies",
            "diary_entries",
            "contacts",
            "recordings",
            "recognised_pages",
        ]
    )
}


def two_versions_line(count: int) -> str:
    return choose_plural(
        count,
        _tr("{count} field now has two versions: choose which to keep."),
        _tr("{count} fields now have two versions: choose which to keep."),
    )


def someone(name: str) -> str:
    return name or _tr("a family member")


def refused_reason(problem: ShareProblem) -> str:
    """Why an exchange file was not read: the words of the error registry."""
    return describe_refusal(problem)


def record_kind(table: str) -> str:
    texts = {
        "case_info": _tr("The case"),
        "slots": _tr("A kind of record"),
        "documents": _tr("A document"),
        "imaging_studies": _tr("An imaging study"),
        "imaging_series": _tr("An imaging series"),
        "imaging_instances": _tr("An image"),
        "timeline_events": _tr("A timeline event"),
        "questions": _tr("A question"),
        "consultations": _tr("A consultation"),
        "consultation_questions": _tr("An answer in a consultation"),
        "consultation_entries": _tr("A note"),
        "opinions": _tr("An opinion"),
        "opinion_marks": _tr("A comparison mark"),
        "decisions": _tr("A decision"),
        "family_members": _tr("A family member"),
        "contacts": _tr("A contact"),
        "contact_links": _tr("A link to a contact"),
        "record_requests": _tr("A request for records"),
        "medicines": _tr("A medicine"),
        "medicine_versions": _tr("A version of a medicine"),
        "allergies": _tr("An allergy"),
        "appointments": _tr("An appointment"),
        "diary_entries": _tr("A diary entry"),
        "recordings": _tr("A recording"),
        "recognised_pages": _tr("Text read from a page"),
    }
    return texts.get(table, _tr("A record"))


def field_label(table: str, field: str) -> str:
    specific = {
        ("questions", "text"): _tr("Wording of the question"),
        ("consultation_entries", "text"): _tr("Text of the note"),
        ("consultation_questions", "answer"): _tr("Answer"),
        ("slots", "statement"): _tr("What the family says about it"),
        ("contacts", "kind"): _tr("Kind of contact"),
        ("appointments", "kind"): _tr("Kind of appointment"),
        ("recognised_pages", "text"): _tr("Text read from the page"),
        ("appointments", "contact_id"): _tr("Contact"),
        ("record_requests", "contact_id"): _tr("Requested from"),
    }
    if (table, field) in specific:
        return specific[(table, field)]
    texts = {
        "text": _tr("Text"),
        "title": _tr("Title"),
        "notes": _tr("Notes"),
        "note": _tr("Note"),
        "description": _tr("Description"),
        "patient_name": _tr("Patient's name"),
        "date_of_birth": _tr("Date of birth"),
        "diagnosis_summary": _tr("Diagnosis"),
        "statement": _tr("What the family says about it"),
        "requested_on": _tr("Requested on"),
        "requested_from": _tr("Requested from"),
        "answer": _tr("Answer"),
        "answered_by": _tr("Answered by"),
        "topic": _tr("Topic"),
        "priority": _tr("Priority"),
        "status": _tr("Status"),
        "held_on": _tr("Date"),
        "doctor": _tr("Doctor"),
        "institution": _tr("Hospital or institution"),
        "attendees": _tr("Who took part"),
        "author": _tr("Written by"),
        "tags": _tr("Tags"),
        "start_date": _tr("Start"),
        "end_date": _tr("End"),
        "document_date": _tr("Date of the document"),
        "slot": _tr("Kind of record"),
        "source_name": _tr("Who gave the opinion"),
        "fields_json": _tr("What the opinion says"),
        "details_json": _tr("Treatment details"),
        "option_chosen": _tr("Decision"),
        "reasons": _tr("Reasons"),
        "mark": _tr("Mark"),
        "name": _tr("Name"),
        "organisation": _tr("Hospital or department"),
        "role": _tr("Role"),
        "phone": _tr("Phone"),
        "email": _tr("E-mail"),
        "address": _tr("Address"),
        "hours": _tr("When to reach them"),
        "languages": _tr("Languages"),
        "key_contact": _tr("Key contact"),
        "chase_on": _tr("Chase on"),
        "brand_name": _tr("Brand name"),
        "generic_name": _tr("Generic name"),
        "dose": _tr("Dose"),
        "frequency": _tr("How often"),
        "route": _tr("How it is taken"),
        "started_on": _tr("Started"),
        "stopped_on": _tr("Stopped"),
        "stop_reason": _tr("Why it was stopped"),
        "stop_note": _tr("Note on stopping"),
        "prescriber_id": _tr("Prescribed by"),
        "purpose": _tr("What it is for"),
        "timeline_event_id": _tr("Line of treatment"),
        "substance": _tr("Substance"),
        "reaction": _tr("Reaction"),
        "severity": _tr("How bad"),
        "noted_on": _tr("Date"),
        "on_date": _tr("Date"),
        "at_time": _tr("Time"),
        "duration_minutes": _tr("How long"),
        "place": _tr("Place"),
        "consultation_id": _tr("Consultation"),
        "bring_json": _tr("What to bring"),
        "bring_note": _tr("What to bring"),
        "remind_minutes": _tr("Reminder"),
        "symptom": _tr("Symptom"),
        "since": _tr("Since"),
        "helped": _tr("What helped"),
        "include_in_bundle": _tr("Sent with the bundle"),
    }
    return texts.get(field, _tr("Another detail"))
