"""The demo binder: a fictional patient whose binder fills every page of Casebook.

Everything in it is invented (see `demo_content`) except the CT slices, which come from a public
cancer-imaging collection (see resources/demo/ct). The app's `--demo`, `casebook demo BINDER`,
the screenshots (tools/render_pages.py) and the tests all use this one builder. In the app the
password is fixed and shown on the unlock screen (it protects nothing real); on the command line
the user chooses it, as for a new binder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from casebook.core.consultations import Consultation, NoteTag
from casebook.core.decisions import DecisionDraft
from casebook.core.errors import BinderUnavailable, UnavailableReason
from casebook.core.model import Case, DocumentEdit, PartialDate, RecordKind, SlotStatement
from casebook.core.opinion_questions import follow_up_questions
from casebook.core.opinions import FieldValue, Mark, Opinion, SourceKind
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.core.questions import Priority
from casebook.core.timeline import TherapyDetails, TimelineEvent
from casebook.resources import resource_path
from casebook.services import consultations, timeline
from casebook.services.binder.session import BinderSession, NewBinder, create_binder, is_binder
from casebook.services.demo_content import CONTENT, MOMENT, DemoContent
from casebook.services.demo_daily import add_daily_demo
from casebook.services.imaging import records as imaging
from casebook.services.opinions import opinions as opinion_service
from casebook.services.questions import questions as question_service
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths
from casebook.store.binder_folder import BinderFolder, FolderLock
from casebook.store.keyslots import KdfParams
from casebook.texts import texts_for

DEMO_PASSWORD = "demo binder 2026"  # noqa: S105 - fictional data, shown on screen by design
DEMO_LANGUAGES = tuple(CONTENT)


def demo_case(language: str = "en") -> Case:
    content = CONTENT[language]
    return Case(
        patient_name=content.patient_name,
        date_of_birth=PartialDate(1961, 3, 14),
        diagnosis_summary=content.diagnosis,
        ui_language=language,
        summary_languages=[language],
    )


def _remove_old_demo(folder: Path) -> None:
    """Delete an earlier demo binder, unless it is open in another Casebook (IN_USE).

    Anything else in the way (a file, a folder that is not a binder) is left alone: the demo
    never deletes what it did not make.
    """
    if not folder.exists():
        return
    if folder.is_dir() and not any(folder.iterdir()):
        return
    if not is_binder(folder):
        raise BinderUnavailable(folder, UnavailableReason.ALREADY_EXISTS)
    lock = FolderLock(BinderFolder(folder))
    lock.acquire()
    try:
        shutil.rmtree(folder)
    finally:
        lock.release()


def _documents(session: BinderSession, content: DemoContent) -> None:
    folder = resource_path("demo", "documents")
    for demo in content.documents:
        summary = import_paths(
            session, [folder / demo.file_name], demo.slot, ignore_progress, NEVER_CANCELLED
        )
        for document in summary.added:
            document.title = demo.title
            document.document_date = demo.document_date
            document.institution = demo.institution
            document.author = demo.author
            document.language = "en"  # the demo files themselves are in English
            document.needs_review = False
            records.edit_document(session, document.id, DocumentEdit.of(document))
    records.set_slot_statement(
        session,
        RecordKind.MOLECULAR,
        SlotStatement.REQUESTED,
        PartialDate(2026, 11, 2),
        content.requested_from,
    )
    # No operation so far.
    records.set_slot_statement(session, RecordKind.OPERATIVE_NOTES, SlotStatement.NOT_APPLICABLE)


def _imaging(session: BinderSession) -> None:
    """The CT slices (only the images: their licence and provenance are not part of the case),
    with the middle slice marked as a key image."""
    slices = sorted(resource_path("demo", "ct").glob("*.dcm"))
    if not slices:
        return
    # Public images relabelled with the demo patient (resources/demo/ct/PROVENANCE.md): they
    # pass the identity check like a family's own disc.
    import_paths(session, slices, RecordKind.IMAGING, ignore_progress, NEVER_CANCELLED)
    for study in imaging.list_studies(session):
        for series in imaging.list_series(session, study.id):
            instances = imaging.list_instances(session, series.id)
            if instances:
                imaging.set_key_image(session, instances[len(instances) // 2].id, True)


def _timeline(session: BinderSession, content: DemoContent) -> None:
    for event in content.events:
        therapy = TherapyDetails(
            regimen=event.regimen, cycles=event.cycles, response=event.response,
            reason_stopped=event.stopped,
        )  # fmt: skip
        timeline.save_event(
            session, TimelineEvent(event.kind, event.title, event.start, event.end, therapy=therapy)
        )
    timeline.save_decision_moment(session, MOMENT)


def _questions_and_consultation(session: BinderSession, content: DemoContent) -> None:
    """Questions first, so they join the consultation's list; then the notes taken there."""
    asked = [
        question_service.add_from_bank(session, key, content.language)
        for key in content.bank_questions
    ]
    question_service.add_own_question(session, content.own_question, Priority.MUST_ASK)
    consultation_id = consultations.create_consultation(
        session,
        Consultation(
            0, content.consultation_title, "2026-10-20", content.consultation_doctor,
            content.consultation_institution, content.attendees,
        ),
    )  # fmt: skip
    consultations.add_questions_to(session, consultation_id, asked)
    author = content.attendees[-1]
    consultations.record_answer(session, consultation_id, asked[0], author, content.answer)
    decision, follow_up = content.notes
    consultations.EntryDraft(consultation_id, author, tags=(NoteTag.DECISION,)).save(
        session, decision
    )
    consultations.EntryDraft(consultation_id, author, tags=(NoteTag.FOLLOW_UP,)).save(
        session, follow_up
    )


def _opinions(session: BinderSession, content: DemoContent) -> None:
    """Two opinions that differ, their follow-up questions (in the demo's language) and the
    family's decision."""
    ids = []
    for demo in content.opinions:
        kind = (
            SourceKind.MDT if "MDT" in demo.source or "board" in demo.source else SourceKind.DOCTOR
        )
        opinion = Opinion(
            demo.source, kind, demo.institution, given_on=demo.given_on,
            fields={name: FieldValue(text) for name, text in demo.fields.items()},
        )  # fmt: skip
        ids.append(opinion_service.save_opinion(session, opinion))
    comparison = opinion_service.load_comparison(session, ids)
    # The family has confirmed where the two differ, so the page opens on their comparison.
    for row in comparison.rows:
        if row.proposed is Mark.DIFFER:
            opinion_service.set_mark(session, ids, row.field, Mark.DIFFER)
    for question in follow_up_questions(comparison, texts_for(content.language)):
        question_service.add_own_question(session, question.text, topic=question.topic)
    opinion_service.save_decision(
        session,
        DecisionDraft(
            content.decision, PartialDate(2026, 11), content.decision_reasons,
            content.decision_participants, content.revisit_if, tuple(ids), content.goals,
        ),
    )  # fmt: skip


def fill_demo_binder(session: BinderSession, language: str = "en") -> None:
    """Everything the demo holds, written into an open binder (its case already set)."""
    content = CONTENT[language]
    _documents(session, content)
    _imaging(session)
    _timeline(session, content)
    _questions_and_consultation(session, content)
    _opinions(session, content)
    add_daily_demo(session, language)


def create_demo_binder(
    folder: Path,
    kdf: KdfParams | None = None,
    *,
    language: str = "en",
    password: str = DEMO_PASSWORD,
    replace: bool = True,
) -> tuple[BinderSession, str]:
    """Make a fresh demo binder in `folder`, replacing an earlier demo binder there.

    Returns it unlocked, with its password. `kdf` None means the fast minimum (the demo
    protects nothing real and should open quickly). `replace=False` (the command line) refuses
    a folder that is not empty, as `casebook new` does.
    """
    created = create_demo(folder, kdf, language=language, password=password, replace=replace)
    return created.session, password


def create_demo(
    folder: Path,
    kdf: KdfParams | None = None,
    *,
    language: str = "en",
    password: str = DEMO_PASSWORD,
    replace: bool = True,
) -> NewBinder:
    """As `create_demo_binder`, returning the new binder with its recovery code."""
    if language not in CONTENT:
        raise ValueError(f"the demo is written in {DEMO_LANGUAGES}, not {language!r}")
    if replace:
        _remove_old_demo(folder)
    created = create_binder(folder, password, demo_case(language), kdf or KdfParams.minimum())
    fill_demo_binder(created.session, language)
    return created
