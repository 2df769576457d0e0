"""One source of truth: what the binder holds is what every status, count and sealed page says.

Issue 11's cases, at the service level (the widget-level ones are in tests/ui/test_truth_pages.py).
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from data_paths import lung_slices

from casebook.bundle.plan import Recipient
from casebook.core.changes import Changed
from casebook.core.model import DocumentEdit, RecordKind, SlotStatement, SlotStatus
from casebook.core.preflight import FindingKind, Place
from casebook.core.progress import (
    NEVER_CANCELLED,
    Cancelled,
    CancelToken,
    Progress,
    ignore_progress,
)
from casebook.services.binder.session import (
    BinderSession,
    WriteOutsideWriter,
    mark_thread_read_only,
)
from casebook.services.export.sealing import ExportRequest, export_bundle, plan_export
from casebook.services.imaging import records as imaging
from casebook.services.imaging.importing import import_scan, scan_media
from casebook.services.isolation import IsolatedWorker
from casebook.services.overview import load_overview
from casebook.services.preflight import check_content
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths

HOSPITAL = Recipient("Example Cancer Centre", "", "", "China")


def _statuses(session: BinderSession) -> dict[RecordKind, tuple[SlotStatus, int]]:
    return {s.kind: (s.status, s.file_count) for s in records.list_slots(session)}


def _photo_of_blood_results(tmp_path: Path) -> Path:
    """A real PNG (made with Pillow), named as a phone names it: Casebook files it as Other."""
    from PIL import Image, ImageDraw

    path = tmp_path / "IMG_2041.png"
    image = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(image).text((10, 10), "Haemoglobin 118 g/L  WBC 5.1", fill="black")
    image.save(path)
    return path


def test_moving_a_document_moves_the_received_status_and_the_sealed_summary_follows(
    session: BinderSession, tmp_path: Path, require_tool: Callable[..., Path]
) -> None:
    seven_zip, pdftotext = require_tool("7zz", "7z"), require_tool("pdftotext")
    summary = import_paths(
        session, [_photo_of_blood_results(tmp_path)], None, ignore_progress, NEVER_CANCELLED
    )
    [document] = summary.added
    assert document.slot is RecordKind.OTHER
    before = _statuses(session)
    assert before[RecordKind.OTHER] == (SlotStatus.RECEIVED, 1)
    assert before[RecordKind.LABS] == (SlotStatus.MISSING, 0)

    edit = DocumentEdit.of(document)
    records.edit_document(
        session, document.id, DocumentEdit(**{**edit.__dict__, "slot": RecordKind.LABS})
    )

    after = _statuses(session)
    assert after[RecordKind.LABS] == (SlotStatus.RECEIVED, 1)
    assert after[RecordKind.OTHER] == (SlotStatus.NOT_APPLICABLE, 0)  # "Other" is never missing
    overview = {s.kind: (s.status, s.document_count) for s in load_overview(session).slots}
    assert overview[RecordKind.LABS] == (SlotStatus.RECEIVED, 1)
    plan = plan_export(session, ExportRequest(HOSPITAL), date(2026, 11, 22))
    planned = {state.kind: state for state in plan.records}
    assert planned[RecordKind.LABS].received
    assert not planned[RecordKind.OTHER].received

    out = tmp_path / "out"
    out.mkdir()
    result = export_bundle(
        session, ExportRequest(HOSPITAL), out, "bundle", ignore_progress, NEVER_CANCELLED
    )
    opened = tmp_path / "opened"
    subprocess.run(
        [
            str(seven_zip),
            "x",
            f"-p{result.password}",
            f"-o{opened}",
            str(result.bundle.parts[0].path),
        ],
        check=True,
        capture_output=True,
    )
    [summary_pdf] = [
        p for p in opened.rglob("*") if p.suffix.lower() == ".pdf" and "SUMMARY" in p.name.upper()
    ]
    text = subprocess.run(
        [str(pdftotext), "-layout", str(summary_pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    labs_lines = [line for line in text.splitlines() if "Laboratory results" in line]
    assert labs_lines
    assert not [line for line in labs_lines if "Missing" in line], labs_lines
    assert [line for line in labs_lines if "Enclosed" in line], labs_lines


def test_what_the_family_said_stays_beside_what_arrived(
    session: BinderSession, tmp_path: Path
) -> None:
    records.set_slot_statement(
        session, RecordKind.PATHOLOGY, SlotStatement.REQUESTED, None, "City Hospital pathology"
    )
    [slot] = [s for s in records.list_slots(session) if s.kind is RecordKind.PATHOLOGY]
    assert slot.status is SlotStatus.REQUESTED
    report = tmp_path / "pathology.txt"
    report.write_text("Surgical pathology report\nAdenocarcinoma")
    import_paths(session, [report], RecordKind.PATHOLOGY, ignore_progress, NEVER_CANCELLED)
    [slot] = [s for s in records.list_slots(session) if s.kind is RecordKind.PATHOLOGY]
    assert slot.status is SlotStatus.RECEIVED
    assert slot.statement is SlotStatement.REQUESTED  # the request is still on record
    assert slot.requested_from == "City Hospital pathology"
    findings = [(f.kind, f.ref) for f in check_content(session)]
    assert (FindingKind.REQUESTED_BUT_HOLDS_FILES, "pathology") in findings
    # Moving the only file to the trash: not received any more, the request shows again.
    [document] = records.list_documents(session)
    records.move_to_trash(session, document.id)
    [slot] = [s for s in records.list_slots(session) if s.kind is RecordKind.PATHOLOGY]
    assert slot.status is SlotStatus.REQUESTED


def test_a_write_from_a_reader_thread_is_refused(session: BinderSession) -> None:
    outcome: list[BaseException | None] = []
    raw: list[BaseException | None] = []

    def reader() -> None:
        mark_thread_read_only()
        try:
            records.set_slot_statement(session, RecordKind.LABS, SlotStatement.NOT_APPLICABLE)
            outcome.append(None)
        except BaseException as error:
            outcome.append(error)
        try:  # even past the session's check, the connection itself refuses to write
            session.database().execute("UPDATE slots SET note = 'x'")
            raw.append(None)
        except BaseException as error:
            raw.append(error)

    thread = threading.Thread(target=reader)
    thread.start()
    thread.join()
    assert isinstance(outcome[0], WriteOutsideWriter)
    assert raw[0] is not None
    assert "readonly" in str(raw[0]).replace("-", "").replace(" ", "")
    [labs] = [s for s in records.list_slots(session) if s.kind is RecordKind.LABS]
    assert labs.statement is SlotStatement.MISSING
    assert labs.note == ""


def test_writes_report_what_they_committed_even_when_cancelled(
    session: BinderSession, tmp_path: Path
) -> None:
    files = []
    for number in range(6):
        path = tmp_path / f"note {number}.txt"
        path.write_text(f"consultation note {number} " + "x" * number)
        files.append(path)
    cancel = CancelToken()
    seen: list[int] = []

    def report(progress: Progress) -> None:
        seen.append(progress.done)
        if progress.done >= 3:
            cancel.cancel()

    with session.collecting_changes() as collected, pytest.raises(Cancelled):
        import_paths(session, files, None, report, cancel)
    kept = records.list_documents(session)
    assert 0 < len(kept) < len(files)
    assert collected.changes.touches(Changed.DOCUMENTS)
    with session.collecting_changes() as nothing:
        records.list_documents(session)
    assert not nothing.changes


@pytest.fixture
def ct_scan(tmp_path: Path) -> list[Path]:
    return lung_slices(8)


def test_removed_imaging_leaves_every_count_and_the_bundle(
    session: BinderSession, ct_scan: list[Path], tmp_path: Path
) -> None:
    with IsolatedWorker() as worker:
        scan = scan_media(ct_scan, ignore_progress, NEVER_CANCELLED, worker)
    import_scan(session, scan, ignore_progress, NEVER_CANCELLED)
    [study] = imaging.list_studies(session)
    [series] = imaging.list_series(session, study.id)
    assert series.image_count == 8
    instances = imaging.list_instances(session, series.id)
    imaging.remove_images(session, [instances[0].id])
    assert imaging.list_series(session, study.id)[0].image_count == 7
    assert _statuses(session)[RecordKind.IMAGING] == (SlotStatus.RECEIVED, 7)
    assert len(plan_export(session, ExportRequest(HOSPITAL), date(2026, 11, 22)).dicom) == 7

    assert imaging.remove_study(session, study.id) == 1
    assert imaging.list_studies(session) == []
    assert _statuses(session)[RecordKind.IMAGING] == (SlotStatus.MISSING, 0)
    assert plan_export(session, ExportRequest(HOSPITAL), date(2026, 11, 22)).dicom == ()
    assert load_overview(session).imaging_study_count == 0
    trash = imaging.list_imaging_trash(session)
    assert sorted((t.level, t.image_count) for t in trash) == [("image", 1), ("study", 8)]

    imaging.restore_imaging(session, "study", study.id)
    assert imaging.list_series(session, study.id)[0].image_count == 7  # the image is still out
    imaging.restore_imaging(session, "image", instances[0].id)
    assert imaging.list_series(session, study.id)[0].image_count == 8

    imaging.remove_series(session, [series.id])
    blobs_before = session.database().execute("SELECT count(*) FROM blobs").fetchone()[0]
    emptied = records.empty_trash(session)
    assert emptied.images == 8
    blobs_after = session.database().execute("SELECT count(*) FROM blobs").fetchone()[0]
    assert blobs_before - blobs_after == 8
    assert imaging.list_imaging_trash(session) == []


def test_a_stopped_import_says_what_it_kept_and_the_check_finds_the_short_series(
    session: BinderSession, ct_scan: list[Path]
) -> None:
    with IsolatedWorker() as worker:
        scan = scan_media(ct_scan, ignore_progress, NEVER_CANCELLED, worker)
    cancel = CancelToken()

    def report(progress: Progress) -> None:
        if progress.done >= 3:
            cancel.cancel()

    with pytest.raises(Cancelled):
        import_scan(session, scan, report, cancel)
    [kept] = imaging.kept_series(session, scan.series_counts())
    assert (kept.listed, kept.kept) == (8, 3)
    assert kept.is_partial
    findings = [f for f in check_content(session) if f.kind is FindingKind.INCOMPLETE_SERIES]
    assert [(f.place, f.ref, f.count, f.expected) for f in findings] == [
        (Place.SERIES, kept.series_id, 3, 8)
    ]
    imaging.remove_series(session, [kept.series_id])
    assert imaging.list_studies(session) == []
    assert not [f for f in check_content(session) if f.kind is FindingKind.INCOMPLETE_SERIES]


def test_the_check_names_imaging_of_another_patient(
    session: BinderSession, ct_scan: list[Path]
) -> None:
    with IsolatedWorker() as worker:
        scan = scan_media(ct_scan[:2], ignore_progress, NEVER_CANCELLED, worker)
    import_scan(session, scan, ignore_progress, NEVER_CANCELLED)
    [finding] = [f for f in check_content(session) if f.kind is FindingKind.OTHER_PATIENT_IMAGING]
    assert finding.detail == "Lung_Dx-A0001"  # the name the files carry
    assert finding.place is Place.STUDY
