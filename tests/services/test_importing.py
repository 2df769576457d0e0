"""Importing files: byte-identical storage, deduplication, and bad input that loses nothing."""

from __future__ import annotations

import hashlib
import os
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from data_paths import DEMO_DOCUMENTS, LUNG_SERIES, lung_slices

from casebook.core.errors import FileProblem, NotEnoughSpace
from casebook.core.model import Case, RecordKind, SlotStatus
from casebook.core.progress import (
    NEVER_CANCELLED,
    Cancelled,
    CancelToken,
    Progress,
    ignore_progress,
)
from casebook.importers.furniture import Furniture
from casebook.services.binder import maintenance
from casebook.services.binder.session import BinderSession, create_binder, unlock_binder
from casebook.services.imaging import records as imaging_records
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths
from casebook.services.records.intake import readers_wanted

from .conftest import FAST, PASSWORD

LUNG_CT = LUNG_SERIES


@pytest.fixture
def lung_ct_files() -> list[Path]:
    """Six real CT slices kept in tests/data (see PROVENANCE.md)."""
    return sorted(LUNG_CT.glob("*.dcm"))


def test_a_header_longer_than_its_first_bytes_sent_for_parsing_is_read_whole(
    session: BinderSession, lung_ct_files: list[Path], tmp_path: Path
) -> None:
    """A real slice with 200 KB of a scanner's private data ahead of Rows and Columns (as some
    vendors write): the first bytes sent to the worker end inside it, so the whole header is
    sent again."""
    import pydicom

    dataset = pydicom.dcmread(lung_ct_files[0])
    block = dataset.private_block(0x0019, "CASEBOOK TEST", create=True)
    block.add_new(0x10, "OB", os.urandom(200_000))
    long_header = tmp_path / "long header.dcm"
    dataset.save_as(long_header)
    assert long_header.stat().st_size > 0.5e6  # kept in memory, 200 KB header, then pixels
    summary = import_paths(
        session, [long_header], None, ignore_progress, NEVER_CANCELLED,
        accept_other_patients=True,
    )  # fmt: skip
    assert summary.images_added == 1
    assert not summary.added
    assert not summary.refused
    [study] = imaging_records.list_studies(session)
    [series] = imaging_records.list_series(session, study.id)
    [instance] = imaging_records.list_instances(session, series.id)
    assert instance.sop_instance_uid == dataset.SOPInstanceUID
    assert instance.has_image
    assert imaging_records.read_instance_bytes(session, instance) == long_header.read_bytes()


def _staging_rows(session: BinderSession) -> int:
    row = session.database().execute("SELECT count(*) FROM blobs WHERE state = 'staging'")
    return int(row.fetchone()[0])


def test_real_dicom_goes_to_imaging_and_text_to_documents_byte_identical(
    session: BinderSession, lung_ct_files: list[Path], tmp_path: Path
) -> None:
    note = tmp_path / "referral letter.txt"
    note.write_text("Referral: please review the CT of 2007-04-04.\n病理会诊申请", encoding="utf-8")
    summary = import_paths(
        session, [*lung_ct_files[:3], note], None, ignore_progress, NEVER_CANCELLED,
        accept_other_patients=True,
    )  # fmt: skip
    assert not summary.refused
    assert summary.images_added == 3
    [document] = summary.added
    data = records.read_document_bytes(session, document.id)
    assert data == note.read_bytes()
    assert document.content_sha256 == hashlib.sha256(data).hexdigest()
    assert document.media_type == "text/plain"
    [study] = imaging_records.list_studies(session)
    [series] = imaging_records.list_series(session, study.id)
    stored = {
        imaging_records.read_instance_bytes(session, instance)
        for instance in imaging_records.list_instances(session, series.id)
    }
    assert stored == {path.read_bytes() for path in lung_ct_files[:3]}
    slots = {slot.kind: slot.status for slot in records.list_slots(session)}
    assert slots[RecordKind.IMAGING] is SlotStatus.RECEIVED
    assert slots[RecordKind.PATHOLOGY] is SlotStatus.MISSING


def test_reimport_is_recognised_and_stores_nothing_twice(
    session: BinderSession, lung_ct_files: list[Path], tmp_path: Path
) -> None:
    reports = []
    for index in range(3):
        path = tmp_path / f"report {index}.txt"
        path.write_text(f"Report number {index}")
        reports.append(path)
    first = import_paths(
        session, [*lung_ct_files[:2], *reports], None, ignore_progress, NEVER_CANCELLED,
        accept_other_patients=True,
    )  # fmt: skip
    size_before = (session.folder / "binder.db").stat().st_size
    copy = tmp_path / "same bytes, other name.txt"
    copy.write_bytes(reports[0].read_bytes())
    again = import_paths(
        session, [*lung_ct_files[:2], *reports, copy], None, ignore_progress, NEVER_CANCELLED,
        accept_other_patients=True,
    )  # fmt: skip
    assert not again.added
    assert again.images_added == 0
    assert again.images_already_there == 2
    assert len(again.duplicates) == 4
    assert {doc.id for _, doc in again.duplicates} == {doc.id for doc in first.added}
    assert len(records.list_documents(session)) == 3
    blobs = session.database().execute("SELECT count(*) FROM blobs").fetchone()[0]
    assert blobs == 5
    assert (session.folder / "binder.db").stat().st_size <= size_before + 64 * 1024


def test_broken_dicom_is_kept_as_a_document(
    session: BinderSession, tmp_path: Path, lung_ct_files: list[Path]
) -> None:
    broken = tmp_path / "IM000009"
    broken.write_bytes(lung_ct_files[0].read_bytes()[:600])
    summary = import_paths(session, [broken], None, ignore_progress, NEVER_CANCELLED)
    assert summary.images_added == 0
    [document] = summary.added
    assert document.slot is RecordKind.IMAGING
    assert records.read_document_bytes(session, document.id) == broken.read_bytes()


def test_a_folder_is_walked_and_bad_files_are_reported_not_fatal(
    session: BinderSession, tmp_path: Path
) -> None:
    source = tmp_path / "CD" / "nested" / "deeper"
    source.mkdir(parents=True)
    (source / "report.txt").write_text("Pathology report")
    (source / "empty.pdf").write_bytes(b"")
    (source / ".DS_Store").write_bytes(b"junk")
    missing = tmp_path / "gone.pdf"
    summary = import_paths(
        session, [tmp_path / "CD", missing], RecordKind.PATHOLOGY, ignore_progress, NEVER_CANCELLED
    )
    assert [doc.original_name for doc in summary.added] == ["report.txt"]
    assert summary.added[0].slot is RecordKind.PATHOLOGY
    problems = {refusal.path.name: refusal.problem for refusal in summary.refused}
    assert problems == {"empty.pdf": FileProblem.EMPTY, "gone.pdf": FileProblem.VANISHED}


@pytest.mark.skipif(sys.platform != "linux", reason="needs a filesystem that allows any bytes")
def test_file_names_in_any_encoding_are_kept_readable(
    session: BinderSession, tmp_path: Path
) -> None:
    gbk_name = "病理报告.txt".encode("gbk")  # not valid UTF-8
    path = Path(os.fsdecode(bytes(tmp_path) + b"/" + gbk_name))
    path.write_bytes(b"report text")
    utf8 = tmp_path / "检查结果 – résumé.txt"
    utf8.write_bytes(b"lab results")
    summary = import_paths(session, [path, utf8], None, ignore_progress, NEVER_CANCELLED)
    names = sorted(doc.original_name for doc in summary.added)
    assert "检查结果 – résumé.txt" in names
    assert any("\ufffd" in name and name.endswith(".txt") for name in names)


def test_file_changing_during_import_is_refused_and_leaves_no_trace(
    session: BinderSession, tmp_path: Path
) -> None:
    growing = tmp_path / "scan.tif"
    growing.write_bytes(os.urandom(40 * 1024 * 1024))  # progress comes per 16 MiB
    other = tmp_path / "other.txt"
    other.write_text("still imported")

    def truncate_on_first_progress(progress: Progress) -> None:
        if progress.item == "scan.tif" and progress.done > 0 and growing.stat().st_size > 1:
            with open(growing, "r+b") as handle:
                handle.truncate(1024)

    summary = import_paths(
        session, [growing, other], None, truncate_on_first_progress, NEVER_CANCELLED
    )
    assert [doc.original_name for doc in summary.added] == ["other.txt"]
    assert [r.path.name for r in summary.refused] == ["scan.tif"]
    assert _staging_rows(session) == 0


def test_full_disk_stops_the_batch_cleanly_and_keeps_earlier_files(
    session: BinderSession, tmp_path: Path
) -> None:
    small = tmp_path / "a-small.txt"
    small.write_text("kept")
    big = tmp_path / "b-big.bin"
    big.write_bytes(os.urandom(3 * 1024 * 1024))
    db = session.database()
    pages = int(db.execute("PRAGMA page_count").fetchone()[0])
    # SQLite's own "disk full" path, reached by capping the file's size.
    db.execute(f"PRAGMA max_page_count = {pages + 100}")
    with pytest.raises(NotEnoughSpace):
        import_paths(session, [small, big], None, ignore_progress, NEVER_CANCELLED)
    folder = session.folder
    session.close()
    with unlock_binder(folder, PASSWORD) as reopened:
        assert [d.original_name for d in records.list_documents(reopened)] == ["a-small.txt"]
        assert _staging_rows(reopened) == 0
        assert maintenance.check_binder(reopened, ignore_progress, NEVER_CANCELLED).ok


def test_cancel_keeps_what_was_finished(session: BinderSession, tmp_path: Path) -> None:
    files = []
    for index in range(4):
        path = tmp_path / f"file{index}.bin"
        path.write_bytes(os.urandom(20 * 1024 * 1024))  # progress comes per 16 MiB
        files.append(path)
    token = CancelToken()

    def cancel_during_third(progress: Progress) -> None:
        if progress.item == "file2.bin" and progress.done > 40 * 1024 * 1024:
            token.cancel()

    with pytest.raises(Cancelled):
        import_paths(session, files, None, cancel_during_third, token)
    names = [d.original_name for d in records.list_documents(session)]
    assert names == ["file0.bin", "file1.bin"]
    assert _staging_rows(session) == 0


def test_search_finds_latin_and_chinese_of_any_length(
    session: BinderSession, tmp_path: Path
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "path.txt").write_text("免疫组化 TTF-1 阳性, adenocarcinoma of the lung 50%_done")
    (source / "labs.txt").write_text("Haemoglobin 118 g/L")
    import_paths(session, [source], None, ignore_progress, NEVER_CANCELLED)

    def titles(query: str) -> list[str]:
        return sorted(hit.title for hit in records.search(session, query))

    assert titles("adenocarc") == ["path"]
    assert titles("免疫组化") == ["path"]
    assert titles("免疫") == ["path"]  # two characters: fallback
    assert titles("疫") == ["path"]  # one character
    assert titles("haemoglobin") == ["labs"]
    assert titles("TTF-1 lung") == ["path"]
    assert titles("50%") == ["path"]
    assert titles("%") == ["path"]
    assert titles('"') == []
    assert titles("xyzzy") == []
    assert titles("   ") == []


def test_the_binder_folder_itself_is_never_imported(session: BinderSession) -> None:
    summary = import_paths(session, [session.folder.parent], None, ignore_progress, NEVER_CANCELLED)
    assert not summary.added
    assert {r.problem for r in summary.refused} == {FileProblem.PART_OF_BINDER}
    assert [r.path for r in summary.refused] == [session.folder]  # refused whole, not walked
    direct = import_paths(
        session, [session.folder / "keyslots.json"], None, ignore_progress, NEVER_CANCELLED
    )
    assert [r.problem for r in direct.refused] == [FileProblem.PART_OF_BINDER]


def _report_pdf(path: Path, lines: list[str]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in lines:
        page.setFont("STSong-Light", 12)
        page.drawString(72, y, line)
        y -= 20
    page.save()


def test_pdf_text_is_extracted_for_search_in_both_languages(
    session: BinderSession, tmp_path: Path
) -> None:
    report = tmp_path / "surgical pathology.pdf"
    _report_pdf(
        report, ["Surgical pathology report", "Invasive ductal carcinoma", "病理诊断：浸润性导管癌"]
    )
    summary = import_paths(session, [report], None, ignore_progress, NEVER_CANCELLED)
    assert summary.added[0].media_type == "application/pdf"
    assert records.read_document_bytes(session, summary.added[0].id) == report.read_bytes()
    assert [hit.title for hit in records.search(session, "ductal carcinoma")] == [
        "surgical pathology"
    ]
    assert [hit.title for hit in records.search(session, "导管癌")] == ["surgical pathology"]
    assert [hit.title for hit in records.search(session, "病理")] == ["surgical pathology"]


def test_a_broken_pdf_is_still_stored_byte_identical(
    session: BinderSession, tmp_path: Path
) -> None:
    whole = tmp_path / "whole.pdf"
    _report_pdf(whole, ["Discharge summary"])
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(whole.read_bytes()[:300])
    summary = import_paths(session, [truncated], None, ignore_progress, NEVER_CANCELLED)
    assert not summary.refused
    assert records.read_document_bytes(session, summary.added[0].id) == truncated.read_bytes()


def test_slot_and_date_are_suggested_for_review(session: BinderSession, tmp_path: Path) -> None:
    report = tmp_path / "scan0001.pdf"
    _report_pdf(
        report,
        ["SURGICAL PATHOLOGY REPORT", "Date of birth: 12/05/1961", "Collected: 14 March 2024",
         "Biopsy of right upper lobe. Immunohistochemistry: TTF-1 positive."],
    )  # fmt: skip
    photo = tmp_path / "IMG_0001.txt"
    photo.write_text("see you Tuesday")
    summary = import_paths(session, [report, photo], None, ignore_progress, NEVER_CANCELLED)
    by_name = {doc.original_name: doc for doc in summary.added}
    suggested = by_name["scan0001.pdf"]
    assert suggested.slot is RecordKind.PATHOLOGY
    assert str(suggested.document_date) == "2024-03-14"
    assert suggested.needs_review
    plain = by_name["IMG_0001.txt"]
    assert plain.slot is RecordKind.OTHER
    assert plain.document_date is None
    assert not plain.needs_review
    # The user confirms: the flag clears and stays cleared.
    records.confirm_document(session, suggested.id)
    assert not records.list_documents(session)[0].needs_review


def test_trash_hides_restores_and_empties(session: BinderSession, tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("pathology keep")
    (tmp_path / "drop.txt").write_text("pathology drop")
    summary = import_paths(
        session, [tmp_path / "keep.txt", tmp_path / "drop.txt"], None, ignore_progress,
        NEVER_CANCELLED,
    )  # fmt: skip
    drop = next(d for d in summary.added if d.original_name == "drop.txt")
    records.move_to_trash(session, drop.id)
    assert [d.original_name for d in records.list_documents(session)] == ["keep.txt"]
    assert [d.id for d in records.list_trash(session)] == [drop.id]
    assert [hit.title for hit in records.search(session, "pathology")] == ["keep"]
    records.restore_from_trash(session, drop.id)
    assert len(records.list_documents(session)) == 2
    records.move_to_trash(session, drop.id)
    assert records.empty_trash(session).documents == 1
    assert records.list_trash(session) == []
    blobs = session.database().execute("SELECT count(*) FROM blobs").fetchone()[0]
    assert blobs == 1
    assert maintenance.check_binder(session, ignore_progress, NEVER_CANCELLED).ok


def test_password_protected_pdf_is_kept_and_flagged(session: BinderSession, tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    locked = tmp_path / "genomic report (locked).pdf"
    page = canvas.Canvas(str(locked), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=1))
    page.drawString(72, 720, "EGFR exon 19 deletion detected")
    page.save()
    summary = import_paths(session, [locked], None, ignore_progress, NEVER_CANCELLED)
    [document] = summary.added
    assert summary.password_protected == [document]
    assert document.password_protected
    assert records.read_document_bytes(session, document.id) == locked.read_bytes()
    assert records.list_documents(session)[0].password_protected


# ---------------------------------------------------------------- media, links, archives


def _hospital_cd(root: Path, slices: list[Path]) -> Path:
    """A CD folder as hospitals burn them: real DICOM with its DICOMDIR, a viewer program and
    its library, autorun, web pages, a read-me, the computer's own litter, and one report."""
    import pydicom
    from pydicom.fileset import FileSet

    file_set = FileSet()
    for path in slices:
        dataset = pydicom.dcmread(path)
        dataset.StudyID = dataset.StudyID or "1"
        file_set.add(dataset)
    file_set.write(root)
    file_set._stage["t"].cleanup()
    (root / "VIEWER.EXE").write_bytes(b"MZ\x90\x00" + b"\x00" * 300)
    (root / "DCMVIEW.DLL").write_bytes(b"MZ\x90\x00" + b"\x01" * 300)
    (root / "AUTORUN.INF").write_text("[autorun]\nopen=VIEWER.EXE\n")
    (root / "INDEX.HTM").write_text("<html><body>Patient CD</body></html>")
    (root / "README.TXT").write_text("Insert the disc and run VIEWER.EXE")
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (root / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0")
    (root / "REPORT").mkdir()
    (root / "REPORT" / "CT report.txt").write_text("CT chest: no change since last scan.")
    (root / "REPORT" / "~$CT report.docx").write_bytes(b"owner lock")
    (root / "REPORT" / "tool").write_bytes(b"\x7fELF\x02\x01\x01" + b"\x00" * 100)  # no suffix
    return root


FURNITURE_ON_THE_CD = {
    Furniture.PROGRAM: 3,  # VIEWER.EXE, DCMVIEW.DLL, and the program without a suffix
    Furniture.AUTORUN: 1,
    Furniture.DISC_INDEX: 1,
    Furniture.WEB_PAGE: 1,
    Furniture.DISC_README: 1,
    Furniture.SYSTEM_FILE: 2,
    Furniture.LOCK_FILE: 1,
}


@pytest.fixture
def lung_session(tmp_path: Path) -> Iterator[BinderSession]:
    """A binder whose case is the patient of the public lung CT (so no identity question)."""
    case = Case("Lung_Dx-A0001")
    with create_binder(tmp_path / "lung binder", PASSWORD, case, FAST).session as session:
        yield session


def _names(session: BinderSession) -> list[str]:
    return sorted(document.original_name for document in records.list_documents(session))


def test_a_hospital_cd_imports_images_and_the_report_but_no_furniture(
    lung_session: BinderSession, lung_ct_files: list[Path], tmp_path: Path
) -> None:
    disc = _hospital_cd(tmp_path / "CDROM", lung_ct_files[:3])
    summary = import_paths(lung_session, [disc], None, ignore_progress, NEVER_CANCELLED)
    assert summary.images_added == 3
    assert _names(lung_session) == ["CT report.txt"]
    assert dict(summary.skipped) == FURNITURE_ON_THE_CD
    assert not summary.refused
    assert not summary.held_back


def test_a_zip_of_a_cd_is_scanned_like_the_cd_not_stored_whole(
    lung_session: BinderSession, lung_ct_files: list[Path], tmp_path: Path
) -> None:
    disc = _hospital_cd(tmp_path / "CDROM", lung_ct_files[:3])
    archive = tmp_path / "portal download.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(disc.rglob("*")):
            if path.is_file():
                zipped.write(path, path.relative_to(disc).as_posix())
    summary = import_paths(lung_session, [archive], None, ignore_progress, NEVER_CANCELLED)
    assert summary.images_added == 3
    assert _names(lung_session) == ["CT report.txt"]
    assert dict(summary.skipped) == FURNITURE_ON_THE_CD
    stored = {
        imaging_records.read_instance_bytes(lung_session, instance)
        for study in imaging_records.list_studies(lung_session)
        for series in imaging_records.list_series(lung_session, study.id)
        for instance in imaging_records.list_instances(lung_session, series.id)
    }
    burned = [p for p in disc.rglob("*") if p.is_file() and p.parent.name.startswith("SE")]
    assert stored == {path.read_bytes() for path in burned}  # byte-identical, out of the zip


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes and symlinks are POSIX here")
def test_pipes_and_link_loops_are_skipped_with_a_reason_and_nothing_hangs(
    session: BinderSession, tmp_path: Path
) -> None:
    folder = tmp_path / "offered"
    (folder / "inner").mkdir(parents=True)
    (folder / "letter.txt").write_text("Referral letter")
    os.mkfifo(folder / "a pipe")  # opening it would wait for a writer forever
    (folder / "loop a").symlink_to(folder / "loop b")
    (folder / "loop b").symlink_to(folder / "loop a")
    (folder / "inner" / "back up").symlink_to(folder)  # a folder link leading round again
    (folder / "inner" / "shortcut.txt").symlink_to(folder / "letter.txt")
    (folder / "gone").symlink_to(tmp_path / "nothing here")
    summary = import_paths(
        session, [folder, folder / "a pipe"], None, ignore_progress, NEVER_CANCELLED
    )
    problems = sorted((r.path.name, r.problem.value) for r in summary.refused)
    assert problems == [
        ("a pipe", "not_a_file"), ("a pipe", "not_a_file"), ("back up", "link_loop"),
        ("gone", "vanished"), ("loop a", "link_loop"), ("loop b", "link_loop"),
    ]  # fmt: skip
    # The shortcut leads to the letter: one document, the other name recognised as the same.
    [document] = summary.added
    assert document.original_name in {"letter.txt", "shortcut.txt"}
    assert {path.name for path, _ in summary.duplicates} == {"letter.txt", "shortcut.txt"} - {
        document.original_name
    }


def test_a_zip_bomb_member_is_refused_and_the_rest_imported(
    session: BinderSession, tmp_path: Path
) -> None:
    archive = tmp_path / "results.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("labs.txt", "Haemoglobin 118 g/L")
        zipped.writestr("padding.bin", bytes(300 * 1024 * 1024))  # 300 MB of zeros, ~300 KB
        zipped.writestr("locked.txt", "secret")
    assert archive.stat().st_size < 1024 * 1024
    size_before = (session.folder / "binder.db").stat().st_size
    summary = import_paths(session, [archive], None, ignore_progress, NEVER_CANCELLED)
    assert [d.original_name for d in summary.added] == ["labs.txt", "locked.txt"]
    assert [(r.path.name, r.problem) for r in summary.refused] == [
        ("padding.bin", FileProblem.ARCHIVE_BOMB)
    ]
    assert (session.folder / "binder.db").stat().st_size < size_before + 2 * 1024 * 1024


def test_an_archive_is_opened_once_however_many_members(
    session: BinderSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "many.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for index in range(2000):
            zipped.writestr(f"notes/{index:05d}.txt", f"note {index}")
    opened: list[object] = []
    real_init = zipfile.ZipFile.__init__

    def counting_init(self: zipfile.ZipFile, *args: object, **kwargs: object) -> None:
        opened.append(args[0])
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "__init__", counting_init)
    summary = import_paths(session, [archive], None, ignore_progress, NEVER_CANCELLED)
    assert len(summary.added) == 2000
    assert len(opened) == 1
    assert summary.transactions <= 2000 // 64 + 2  # many files per transaction


def test_files_that_fell_the_worker_are_kept_and_counted(
    session: BinderSession, lung_ct_files: list[Path]
) -> None:
    """Every header read here balloons past a small memory limit (loading the DICOM reader
    alone does): each file costs a worker, is kept as a document, and the summary says so."""
    from casebook.services.isolation import IsolatedWorker

    with IsolatedWorker(memory_limit_mb=32, timeout_seconds=60, guard="watchdog") as pool:
        summary = import_paths(
            session, lung_ct_files[:2], None, ignore_progress, NEVER_CANCELLED, pool=pool,
            accept_other_patients=True,
        )  # fmt: skip
        assert pool.restarts >= 2  # (warming up, loading the reader, fells one too)
    assert summary.worker_restarts == 2
    assert summary.images_added == 0
    assert sorted(d.original_name for d in summary.added) == sorted(
        path.name for path in lung_ct_files[:2]
    )
    stored = {records.read_document_bytes(session, d.id) for d in summary.added}
    assert stored == {path.read_bytes() for path in lung_ct_files[:2]}  # nothing lost


def test_an_import_starts_only_the_file_readers_it_will_use(tmp_path: Path) -> None:
    """A file reader is a process that loads pydicom: none is started for a letter or a
    photo, one per PDF and per 16 DICOM headers, every one for a folder or an archive (a disc
    may hold thousands of images)."""
    text = DEMO_DOCUMENTS / "lab-results.txt"
    pdfs = [DEMO_DOCUMENTS / "pathology-report.pdf", DEMO_DOCUMENTS / "referral-letter.pdf"]
    seventeen = (lung_slices() * 2)[:17]
    disc = tmp_path / "disc.zip"
    with zipfile.ZipFile(disc, "w") as archive:
        archive.writestr("notes.txt", "no images yet")
    assert readers_wanted([text], 4) == 0
    assert readers_wanted([text, pdfs[0]], 4) == 1
    assert readers_wanted(pdfs, 4) == 2
    assert readers_wanted(pdfs, 1) == 1
    assert readers_wanted(seventeen[:16], 4) == 1
    assert readers_wanted(seventeen, 4) == 2
    assert readers_wanted([text, LUNG_SERIES], 4) == 4
    assert readers_wanted([disc], 3) == 3
    assert readers_wanted([tmp_path / "gone.pdf"], 4) == 0
