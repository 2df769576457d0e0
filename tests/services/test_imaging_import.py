"""Getting images off fixtures that look like real hospital discs."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pydicom
import pytest
from data_paths import LUNG_CT
from pydicom.fileset import FileSet

from casebook.core.model import Case, PartialDate, RecordKind, SlotStatus
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession, create_binder
from casebook.services.imaging.importing import (
    SkipReason,
    identity_mismatches,
    import_scan,
    names_match,
    scan_media,
)
from casebook.services.isolation import IsolatedWorker
from casebook.services.records import documents as records
from casebook.services.records.importing import import_held_back, import_paths
from casebook.store import imaging as imaging_store
from casebook.store.blobs import read_blob

from .conftest import FAST, PASSWORD


@pytest.fixture(scope="module")
def worker() -> Iterator[IsolatedWorker]:
    with IsolatedWorker(timeout_seconds=30) as isolated:
        yield isolated


def _hospital_disc(root: Path, slices: list[Path]) -> Path:
    """A disc as hospitals burn them: DICOMDIR, 8-character names, a viewer and autorun."""
    file_set = FileSet()
    for path in slices:
        dataset = pydicom.dcmread(path)
        dataset.StudyID = dataset.StudyID or "1"  # pydicom's DICOMDIR writer insists on one
        file_set.add(dataset)
    file_set.write(root)
    file_set._stage["t"].cleanup()  # pydicom leaves its staging folder for the GC otherwise
    (root / "VIEWER").mkdir()
    (root / "VIEWER" / "viewer.exe").write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    (root / "VIEWER" / "dcmtk.dll").write_bytes(b"MZ\x90\x00" + b"\x01" * 100)
    (root / "AUTORUN.INF").write_text("[autorun]\nopen=VIEWER\\viewer.exe\n")
    (root / "INDEX.HTM").write_text("<html><body>Patient CD</body></html>")
    (root / "logo.png").write_bytes(
        bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")
    )
    return root


def _lung_slices(count: int) -> list[Path]:
    folder = LUNG_CT
    return sorted(folder.rglob("*.dcm"))[:count]


def test_hospital_disc_is_scanned_grouped_and_imported_byte_identical(
    session: BinderSession, tmp_path: Path, worker: IsolatedWorker
) -> None:
    slices = _lung_slices(6)
    disc = _hospital_disc(tmp_path / "CDROM", slices)
    scan = scan_media([disc], ignore_progress, NEVER_CANCELLED, worker)
    assert len(scan.instances) == 6
    assert scan.skipped[SkipReason.PROGRAM] == 3  # viewer.exe, dcmtk.dll, AUTORUN.INF
    assert scan.skipped[SkipReason.WEB_PAGE] == 1
    assert scan.skipped[SkipReason.PICTURE] == 1
    assert scan.skipped[SkipReason.DICOM_INDEX] == 1
    assert scan.index_missing_files == 0
    [patient] = scan.patients()
    assert patient.name == "Lung_Dx-A0001"
    assert patient.image_count == 6

    summary = import_scan(session, scan, ignore_progress, NEVER_CANCELLED)
    assert (summary.added, summary.already_there) == (6, 0)
    db = session.database()
    [study] = imaging_store.list_studies(db)
    assert str(study.study_date) == "2007-04-04"
    assert (study.series_count, study.image_count) == (1, 6)
    assert "CT" in study.modalities
    [series] = imaging_store.list_series(db, study.id)
    stored = {read_blob(db, i.content_sha256) for i in imaging_store.list_instances(db, series.id)}
    burned = [p for p in disc.rglob("*") if p.is_file() and p.parent.name.startswith("SE")]
    assert len(burned) == 6
    assert stored == {p.read_bytes() for p in burned}
    statuses = {slot.kind: slot.status for slot in records.list_slots(session)}
    assert statuses[RecordKind.IMAGING] is SlotStatus.RECEIVED


def test_reimporting_the_same_disc_adds_nothing(
    session: BinderSession, tmp_path: Path, worker: IsolatedWorker
) -> None:
    disc = _hospital_disc(tmp_path / "CD", _lung_slices(3))
    first = import_scan(
        session, scan_media([disc], ignore_progress, NEVER_CANCELLED, worker), ignore_progress,
        NEVER_CANCELLED,
    )  # fmt: skip
    second = import_scan(
        session, scan_media([disc], ignore_progress, NEVER_CANCELLED, worker), ignore_progress,
        NEVER_CANCELLED,
    )  # fmt: skip
    assert (first.added, second.added, second.already_there) == (3, 0, 3)
    count = session.database().execute("SELECT count(*) FROM blobs").fetchone()[0]
    assert count == 3


def test_wrong_dicomdir_missing_files_and_bare_files(
    session: BinderSession, tmp_path: Path, worker: IsolatedWorker
) -> None:
    disc = _hospital_disc(tmp_path / "CD", _lung_slices(4))
    # The index lists a file that was never burned; another file has no extension or preamble.
    listed = sorted(p for p in disc.rglob("*") if p.is_file() and p.parent.name.startswith("SE"))
    listed[0].unlink()
    bare = tmp_path / "CD" / "EXTRA" / "IMG00001"
    bare.parent.mkdir()
    source = _lung_slices(5)[4].read_bytes()
    assert source[128:132] == b"DICM"
    bare.write_bytes(source[132:])
    scan = scan_media([disc], ignore_progress, NEVER_CANCELLED, worker)
    assert scan.index_missing_files == 1
    assert len(scan.instances) == 4  # 3 left of the indexed ones + the bare file
    summary = import_scan(session, scan, ignore_progress, NEVER_CANCELLED)
    assert summary.added == 4
    db = session.database()
    shas = {row[0] for row in db.execute("SELECT content_sha256 FROM imaging_instances")}
    assert hashlib.sha256(source[132:]).hexdigest() in shas  # stored as found, not repaired


def test_zip_of_a_disc(session: BinderSession, tmp_path: Path, worker: IsolatedWorker) -> None:
    disc = _hospital_disc(tmp_path / "CD", _lung_slices(2))
    archive = tmp_path / "from the hospital portal.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in disc.rglob("*"):
            if path.is_file():
                zipped.write(path, path.relative_to(disc).as_posix())
    shutil.rmtree(disc)
    scan = scan_media([archive], ignore_progress, NEVER_CANCELLED, worker)
    assert len(scan.instances) == 2
    assert import_scan(session, scan, ignore_progress, NEVER_CANCELLED).added == 2


def test_a_disc_of_pictures_only_and_broken_files(tmp_path: Path, worker: IsolatedWorker) -> None:
    disc = tmp_path / "JPEG CD"
    disc.mkdir()
    for index in range(3):
        (disc / f"IMG{index}.JPG").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 50)
    truncated = disc / "IM000001"
    truncated.write_bytes(_lung_slices(1)[0].read_bytes()[:400])
    scan = scan_media([disc], ignore_progress, NEVER_CANCELLED, worker)
    assert not scan.has_dicom
    assert scan.skipped[SkipReason.PICTURE] == 3
    assert scan.skipped[SkipReason.UNREADABLE] == 1
    assert [name for name, _ in scan.unreadable] == ["IM000001"]


def test_identity_check_before_import(tmp_path: Path, worker: IsolatedWorker) -> None:
    disc = _hospital_disc(tmp_path / "CD", _lung_slices(1))
    scan = scan_media([disc], ignore_progress, NEVER_CANCELLED, worker)
    [mismatch] = identity_mismatches(Case("Wang Fang"), scan)
    assert mismatch.name_differs
    assert identity_mismatches(Case("lung_dx-a0001"), scan) == []


@pytest.mark.parametrize(
    ("case_name", "disc_name", "same"),
    [
        ("Wang Fang", "WANG^FANG", True),
        ("王芳", "WANG^FANG=王^芳", True),
        ("Wang Fang 王芳", "王^芳", True),
        ("Fang Wang", "WANG^FANG^^^", True),
        ("Wang Fang", "WANG^LI", False),
        ("王芳", "王^丽", False),
    ],
)
def test_names_match(case_name: str, disc_name: str, same: bool) -> None:
    assert names_match(case_name, disc_name) is same


def test_birth_date_and_chinese_name_from_the_disc(tmp_path: Path, worker: IsolatedWorker) -> None:
    dataset = pydicom.dcmread(_lung_slices(1)[0])
    dataset.SpecificCharacterSet = "GB18030"
    dataset.PatientName = "WANG^FANG=王^芳"
    dataset.PatientBirthDate = "19610512"
    disc = tmp_path / "CD"
    disc.mkdir()
    dataset.save_as(disc / "IM000001")
    scan = scan_media([disc], ignore_progress, NEVER_CANCELLED, worker)
    [patient] = scan.patients()
    assert patient.name == "WANG^FANG=王^芳"
    assert patient.birth_date == PartialDate(1961, 5, 12)
    assert identity_mismatches(Case("王芳", date_of_birth=PartialDate(1961, 5)), scan) == []
    [mismatch] = identity_mismatches(Case("Wang Fang", date_of_birth=PartialDate(1971)), scan)
    assert mismatch.birth_date_differs
    assert not mismatch.name_differs


# ---------------------------------------------------------------- one identity check, every path


def _patient_files(folder: Path, name: str, birth: str, count: int = 2) -> list[Path]:
    """Real CT slices re-labelled for another patient (new UIDs, UTF-8 names)."""
    from pydicom.uid import generate_uid

    folder.mkdir(parents=True)
    study, series = generate_uid(), generate_uid()
    paths = []
    for index, source in enumerate(_lung_slices(count)):
        dataset = pydicom.dcmread(source)
        dataset.SpecificCharacterSet = "ISO_IR 192"
        dataset.PatientName = name
        dataset.PatientBirthDate = birth
        dataset.StudyInstanceUID, dataset.SeriesInstanceUID = study, series
        dataset.SOPInstanceUID = generate_uid()
        dataset.file_meta.MediaStorageSOPInstanceUID = dataset.SOPInstanceUID
        path = folder / f"IM{index:04d}"
        dataset.save_as(path)
        paths.append(path)
    return paths


@pytest.mark.parametrize(
    ("case_name", "case_birth", "disc_name", "disc_birth", "held"),
    [
        ("张伟", None, "ZHANG^WEI", "19610512", False),  # no false alarm across scripts
        ("張偉", PartialDate(1961, 5, 12), "Zhang^Wei=张^伟", "19610512", False),
        ("Zhang Wei", PartialDate(1961), "WEI^ZHANG", "", False),
        ("王芳", None, "ZHANG^WEI=张^伟", "19610512", True),
        ("Wang Fang", None, "ZHANG^WEI", "", True),
        ("张伟", PartialDate(1961, 5, 12), "ZHANG^WEI", "19710512", True),  # birth date
    ],
)
def test_records_import_holds_back_someone_else_s_images(
    tmp_path: Path,
    worker: IsolatedWorker,
    case_name: str,
    case_birth: PartialDate | None,
    disc_name: str,
    disc_birth: str,
    held: bool,
) -> None:
    """The path of Records "Add files", the Overview and files dropped on the window."""
    _patient_files(tmp_path / "disc", disc_name, disc_birth)
    letter = tmp_path / "letter.txt"
    letter.write_text("Referral letter")
    case = Case(case_name, date_of_birth=case_birth)
    with create_binder(tmp_path / "binder", PASSWORD, case, FAST).session as session:
        summary = import_paths(
            session, [tmp_path / "disc", letter], None, ignore_progress, NEVER_CANCELLED,
            pool=worker,
        )  # fmt: skip
        assert [d.original_name for d in summary.added] == ["letter.txt"]  # documents go in
        stored = imaging_store.list_studies(session.database())
        if not held:
            assert (summary.images_added, summary.held_back) == (2, [])
            return
        assert summary.images_added == 0
        assert stored == []  # nothing of that patient was stored
        [patient] = summary.held_back
        assert patient.name == disc_name
        assert patient.image_count == 2
        assert patient.check.birth_date_differs == (case_birth is not None and disc_birth != "")
        more = import_held_back(session, summary.held_back, ignore_progress, NEVER_CANCELLED)
        assert more.images_added == 2  # the family chose to add them after all
        [study] = imaging_store.list_studies(session.database())
        assert study.image_count == 2


def test_the_disc_review_names_the_patients_and_can_leave_one_out(
    session: BinderSession, tmp_path: Path, worker: IsolatedWorker
) -> None:
    _patient_files(tmp_path / "disc" / "A", "Test^Patient", "19610501")
    _patient_files(tmp_path / "disc" / "B", "李^娜=李^娜", "19800101", count=3)
    scan = scan_media([tmp_path / "disc"], ignore_progress, NEVER_CANCELLED, worker)
    case = Case("Test Patient", date_of_birth=PartialDate(1961, 5))
    [other] = identity_mismatches(case, scan)
    assert other.patient.name == "李^娜=李^娜"
    assert other.patient.image_count == 3
    assert other.birth_date_differs
    summary = import_scan(
        session, scan, ignore_progress, NEVER_CANCELLED, skip_patients=[other.patient]
    )
    assert summary.added == 2
    names = {
        row[0] for row in session.database().execute("SELECT patient_name FROM imaging_studies")
    }
    assert names == {"Test^Patient"}
