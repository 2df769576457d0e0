"""Every dialog and extra window of Casebook, opened over the demo binder for the screen test.

`DIALOGS` maps a name to a factory; a factory yields the window once per state worth judging
(a dialog with steps, or one that looks different for a new and an existing record, yields
each). Where a page opens the dialog, the factory asks the page, so the dialog gets what the
page really gives it. `test_screen_sizes` fails when a QDialog subclass of casebook.ui is in
no factory's `REGISTERED` list, so a new dialog cannot be skipped silently.
"""

from __future__ import annotations

import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np
from PySide6.QtWidgets import QApplication, QWidget

from casebook.core.identity import IdentityCheck
from casebook.core.model import PartialDate
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.resources import resource_path
from casebook.services import consultations
from casebook.services.binder.session import BinderSession
from casebook.services.imaging.importing import scan_media
from casebook.services.imaging.patients import IdentityMismatch, PatientOnMedia
from casebook.services.imaging.records import KeptSeries
from casebook.services.opinions import opinions as opinion_service
from casebook.services.recordings.importing import import_recording
from casebook.services.records import documents as records
from casebook.services.records.importing import HeldBackPatient, ImportSummary
from casebook.ui.appointments.appointment_dialog import AppointmentDialog
from casebook.ui.appointments.reminders import ReminderBox
from casebook.ui.binder.create_binder_dialog import CreateBinderDialog
from casebook.ui.binder.key_dialogs import NewRecoveryCodeDialog, RekeyDialog
from casebook.ui.binder.preferences_dialog import PreferencesDialog
from casebook.ui.binder.recover_dialog import RecoverDialog
from casebook.ui.binder.recovery_code_dialog import RecoveryCodeDialog
from casebook.ui.common.file_dialogs import PrivateFileDialog
from casebook.ui.contacts.contact_dialog import ContactDialog
from casebook.ui.contacts.link_dialog import LinkDialog
from casebook.ui.help.guidance_dialog import GuidanceDialog
from casebook.ui.imaging.cancelled_import_dialog import CancelledImportDialog
from casebook.ui.imaging.dicom_viewer import DicomViewer
from casebook.ui.imaging.imaging_trash import ImagingTrashDialog
from casebook.ui.imaging.report_link_dialog import ReportLinkDialog
from casebook.ui.imaging.scan_review_dialog import ScanReviewDialog
from casebook.ui.medicines.allergy_dialog import AllergyDialog
from casebook.ui.medicines.history_dialog import HistoryDialog
from casebook.ui.medicines.medicine_dialog import MedicineDialog
from casebook.ui.medicines.stop_dialog import StopDialog
from casebook.ui.opinions.decision_dialog import DecisionDialog
from casebook.ui.opinions.follow_up_dialog import FollowUpDialog
from casebook.ui.opinions.note_lines_dialog import NoteLinesDialog
from casebook.ui.opinions.opinion_dialog import OpinionDialog
from casebook.ui.recordings.player_window import RecordingPlayer
from casebook.ui.records.document_dialog import DocumentDialog
from casebook.ui.records.document_viewer import DocumentViewer
from casebook.ui.records.held_back_dialog import HeldBackDialog
from casebook.ui.records.import_summary_dialog import ImportSummaryDialog
from casebook.ui.records.slot_dialog import SlotDialog
from casebook.ui.records.text_correction_dialog import TextCorrectionDialog
from casebook.ui.redaction.redaction_editor import RedactionEditor
from casebook.ui.sharing.exchange_dialog import ExchangeDialog
from casebook.ui.sharing.invite_dialog import InviteDialog
from casebook.ui.sharing.join_dialog import JoinDialog
from casebook.ui.sharing.members_dialog import MembersDialog
from casebook.ui.sharing.versions_dialog import TwoVersionsDialog
from casebook.ui.shell.about_dialog import AboutDialog
from casebook.ui.shell.crash_dialog import CrashDialog
from casebook.ui.shell.main_window import MainWindow
from casebook.ui.shell.workspace import Workspace
from casebook.ui.timeline.event_dialog import EventDialog

from .screen_fit import settle, wait_until

W = TypeVar("W", bound=QWidget)
LONG_TEXT = (
    "Dr Chen said the scan shows the tumour has not grown since March, and that the team "
    "will discuss whether surgery is possible after two more cycles of chemotherapy. "
) * 3


@dataclass
class DialogContext:
    """The main window over the unlocked demo binder."""

    window: MainWindow
    session: BinderSession
    folder: Path  # for files the factories make

    @property
    def workspace(self) -> Workspace:
        assert self.window.workspace is not None
        return self.window.workspace


Factory = Callable[[DialogContext], Iterator[QWidget]]


def opened(kind: type[W]) -> W:
    """The newest window of type `kind` a page opened (after its reads have come back)."""

    def found() -> list[W]:
        settle()
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]

    wait_until(lambda: bool(found()), f"a {kind.__name__} to open")
    return found()[-1]


# Shell and binder ------------------------------------------------------------------------


def _shell(context: DialogContext) -> Iterator[QWidget]:
    yield AboutDialog(context.window)
    yield PreferencesDialog(context.window)
    yield CrashDialog("Traceback (most recent call last):\n" + "  File …\n" * 60, context.window)
    yield GuidanceDialog(context.window)
    yield PrivateFileDialog(context.window, "Add files", str(context.folder))


def _binder(context: DialogContext) -> Iterator[QWidget]:
    folder = context.session.folder
    code = "-".join(["7KQ2", "M9XD", "4TBW", "P3HF", "8NCE", "ZR6Y"])
    yield CreateBinderDialog(context.window)
    yield RecoveryCodeDialog(code, folder, context.window)
    yield RecoveryCodeDialog(code, folder, context.window, replaced=True)
    yield RecoverDialog(folder, context.window)
    yield RekeyDialog(context.session, context.window)
    yield NewRecoveryCodeDialog(context.session, context.window)


# Records and imaging ---------------------------------------------------------------------


def _records(context: DialogContext) -> Iterator[QWidget]:
    page = context.workspace.records_page
    settle()
    assert page.snapshot is not None
    documents = page.snapshot.documents
    page.edit_slot_status(page.snapshot.slots[0])
    yield opened(SlotDialog)
    yield page.edit_document(documents[0])
    yield page.redact_document(documents[0])
    yield page.open_viewer(documents[0])
    yield TextCorrectionDialog(LONG_TEXT * 4, context.window)
    summary = ImportSummary(added=documents[:6], password_protected=documents[:1])
    summary.held_back = [_stranger()]
    yield ImportSummaryDialog(summary, context.window)
    yield HeldBackDialog([_stranger()], records.load_case(context.session), context.window)


def _stranger() -> HeldBackPatient:
    return HeldBackPatient(
        "ZHANG^WEI", "H2024-55817", PartialDate(1949, 11, 2), IdentityCheck(True, True)
    )


def _imaging(context: DialogContext) -> Iterator[QWidget]:
    page = context.workspace.imaging_page
    context.workspace.show_section("imaging")
    settle()
    study = page.selected_study
    assert study is not None, "the demo binder has imaging"
    page.choose_report()
    yield opened(ReportLinkDialog)
    yield page.show_trash()
    series = page.selected_series() or [page.series_model.series(0)]
    yield page.open_viewer(study, series[0])
    disc = sorted(resource_path("demo", "ct").glob("*.dcm"))[:3]
    scan = scan_media(disc, ignore_progress, NEVER_CANCELLED)
    stranger = PatientOnMedia("ZHANG^WEI", "H2024-55817", PartialDate(1949, 11, 2), 3)
    case = records.load_case(context.session)
    yield ScanReviewDialog(scan, case, [IdentityMismatch(stranger, True, True)], context.window)
    yield ScanReviewDialog(scan, case, [], context.window)
    kept = [
        KeptSeries(1, "1.2.3.1", "CT chest abdomen pelvis with contrast", "CT", 412, 230),
        KeptSeries(2, "1.2.3.2", "PET whole body", "PT", 300, 300),
        KeptSeries(3, "1.2.3.3", "Scout", "CT", 2, 0),
    ]
    yield CancelledImportDialog(kept, context.window)


# Timeline, opinions ----------------------------------------------------------------------


def _timeline(context: DialogContext) -> Iterator[QWidget]:
    page = context.workspace.timeline_page
    context.workspace.show_section("timeline")
    settle()
    assert page.state is not None
    page.add_event()
    assert page.event_dialog is not None
    yield page.event_dialog
    page.edit_event(page.state.events[0].id)
    assert page.event_dialog is not None
    yield page.event_dialog


def _opinions(context: DialogContext) -> Iterator[QWidget]:
    page = context.workspace.opinions_page
    context.workspace.show_section("opinions")
    settle()
    yield page.open_editor(None)
    yield page.open_editor(page.opinions[0])
    yield page.open_decision(None)
    choices = opinion_service.list_link_choices(context.session)
    lines = [
        line
        for consultation in choices.consultations
        for line in opinion_service.list_note_lines(context.session, consultation.id)
    ]
    yield NoteLinesDialog("What they recommend", lines * 3, context.window)
    compared = [opinion.id for opinion in page.opinions[:2]]
    proposed = opinion_service.propose_follow_up_questions(context.session, compared)
    assert proposed, "the demo's two opinions differ"
    yield FollowUpDialog(proposed, context.window)


# Week to week ----------------------------------------------------------------------------


def _appointments(context: DialogContext) -> Iterator[QWidget]:
    page = context.workspace.appointments_page
    context.workspace.show_section("appointments")
    settle()
    assert page.view_read is not None
    yield page.open_editor(None)
    appointments = page.view_read.appointments
    yield page.open_editor(appointments[0])
    yield page.show_reminders(appointments[:3])


def _medicines(context: DialogContext) -> Iterator[QWidget]:
    page = context.workspace.medicines_page
    context.workspace.show_section("medicines")
    settle()
    assert page.listing is not None
    yield page.open_medicine(None)
    current = page.listing.current[0]
    yield page.open_medicine(current)
    yield page.open_allergy(None)
    page.select_medicine(current.id)
    page.stop_medicine()
    yield opened(StopDialog)
    history = page.show_history()
    assert history is not None
    yield history


def _contacts(context: DialogContext) -> Iterator[QWidget]:
    page = context.workspace.contacts_page
    context.workspace.show_section("contacts")
    settle()
    yield page.open_editor(None)
    assert page.view_shown is not None
    yield page.open_editor(page.view_shown.contact)
    page.open_links()
    yield opened(LinkDialog)


def _recordings(context: DialogContext) -> Iterator[QWidget]:
    """A short tone, added as a recording of the demo consultation, in the player."""
    [meeting, *_] = consultations.list_consultations(context.session)
    wav = context.folder / "tone.wav"
    with wave.open(str(wav), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        tone = np.sin(2 * np.pi * 440 * np.arange(32000) / 16000) * 12000
        out.writeframes(tone.astype("<i2").tobytes())
    recording, _new = import_recording(context.session, wav, meeting.id, NEVER_CANCELLED)
    yield RecordingPlayer(context.session, recording.id, meeting.title, context.window)


def _sharing(context: DialogContext) -> Iterator[QWidget]:
    yield InviteDialog(context.session, "Li", context.window)
    yield JoinDialog(context.window)
    yield ExchangeDialog(context.session, context.window)
    yield MembersDialog(context.session, context.window)
    yield TwoVersionsDialog(context.session, context.window)


DIALOGS: dict[str, Factory] = {
    "shell": _shell,
    "binder": _binder,
    "records": _records,
    "imaging": _imaging,
    "timeline": _timeline,
    "opinions": _opinions,
    "appointments": _appointments,
    "medicines": _medicines,
    "contacts": _contacts,
    "recordings": _recordings,
    "sharing": _sharing,
}

# What the factories open: every QDialog subclass of casebook.ui must be here.
REGISTERED: set[type[QWidget]] = {
    AboutDialog, PreferencesDialog, CrashDialog, GuidanceDialog, PrivateFileDialog, EventDialog,
    CreateBinderDialog, RecoveryCodeDialog, RecoverDialog, RekeyDialog, NewRecoveryCodeDialog,
    SlotDialog, DocumentDialog, RedactionEditor, DocumentViewer, TextCorrectionDialog,
    ImportSummaryDialog, HeldBackDialog,
    ReportLinkDialog, ImagingTrashDialog, DicomViewer, ScanReviewDialog, CancelledImportDialog,
    OpinionDialog, DecisionDialog, NoteLinesDialog, FollowUpDialog,
    AppointmentDialog, ReminderBox, MedicineDialog, AllergyDialog, StopDialog, HistoryDialog,
    ContactDialog, LinkDialog,
    RecordingPlayer, InviteDialog, JoinDialog, ExchangeDialog, MembersDialog, TwoVersionsDialog,
}  # fmt: skip

# Bases that are never shown themselves (their subclasses are registered).
ABSTRACT: set[str] = {"casebook.ui.binder.key_dialogs._PasswordCheckingDialog"}
