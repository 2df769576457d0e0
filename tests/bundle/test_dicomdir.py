"""The DICOMDIR judged by dcmtk (dcmdump, dcmftest) and dicom3tools (dciodvfy): every key of
every record from the files it points to, the record type PS3.3 gives each SOP class, empty
Type 2 keys left empty, and Type 1 gaps derived the same way on every export — by the app's
worker processes and in this one alike, whatever the length of the headers."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import pydicom
import pytest

from casebook.bundle.dicomdir import DirectoryEntry, build_dicomdir, dicomdir_from_headers
from casebook.bundle.instance_header import FIRST_HEAD_BYTES, record_headers
from casebook.bundle.layout import lay_out
from casebook.bundle.plan import IN_PROCESS, BundlePlan
from casebook.services.workers.pool import WorkerPool

from .dicom_dump import DumpedRecord, directory_records, file_keys
from .samples import PYDICOM_FILES, dicom_item, make_pdf, sample_dicom_paths

Tool = Callable[..., Path]
T = TypeVar("T")


@pytest.fixture(scope="module")
def media(plan: BundlePlan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A file-set of real instances of six SOP classes, two made by dcmtk: an encapsulated PDF
    report (pdf2dcm, no study date or time, no patient ID) and a presentation state (dcmpsmk)
    that joins the CT's study in a series of its own."""
    from conftest import find_tool

    work = tmp_path_factory.mktemp("made")
    paths = sample_dicom_paths()
    pdf = work / "report.pdf"
    pdf.write_bytes(make_pdf("Radiology report"))
    encapsulated, presentation = work / "report.dcm", work / "state.dcm"
    made = [
        [find_tool("pdf2dcm"), "--title", "CT report", pdf, encapsulated],
        [find_tool("dcmpsmk"), PYDICOM_FILES / "CT_small.dcm", presentation],
    ]
    for command in made:
        subprocess.run([str(c) for c in command], check=True, capture_output=True)
    paths += [encapsulated, presentation]
    layout = lay_out(replace(plan, dicom=tuple(dicom_item(p) for p in paths)))
    out = tmp_path_factory.mktemp("media")
    for placed, source in zip(layout.dicom, paths, strict=True):
        target = out / placed.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    with WorkerPool(size=1, timeout_seconds=60) as workers:
        (out / "DICOMDIR").write_bytes(build_dicomdir(layout.dicom, workers))
    (out / "second-export-DICOMDIR").write_bytes(build_dicomdir(lay_out(replace(
        plan, dicom=tuple(dicom_item(p) for p in paths))).dicom, IN_PROCESS))  # fmt: skip
    return out


def _leaves(records: list[DumpedRecord]) -> list[DumpedRecord]:
    return [r for r in records if "ReferencedFileID" in r.keys]


def _study_of(records: list[DumpedRecord]) -> dict[str, DumpedRecord]:
    """File ID -> the STUDY record above it."""
    found: dict[str, DumpedRecord] = {}
    study: DumpedRecord | None = None
    for record in records:
        if record.kind == "STUDY":
            study = record
        elif "ReferencedFileID" in record.keys and study is not None:
            found[record.keys["ReferencedFileID"]] = study
    return found


def test_study_keys_come_from_the_files(media: Path, require_tool: Tool) -> None:
    dcmdump = require_tool("dcmdump")
    records = directory_records(dcmdump, media / "DICOMDIR")
    studies = _study_of(records)
    seen = set()
    for file_id, study in studies.items():
        own = file_keys(dcmdump, media / file_id.replace("\\", "/"))
        if own.get("StudyID"):
            assert study.keys["StudyID"] == own["StudyID"]
            seen.add(own["StudyID"])
        else:
            assert study.keys["StudyID"].startswith("CB")  # derived: the file has none
        if own.get("StudyTime"):
            assert study.keys["StudyTime"] == own["StudyTime"]
        if own.get("StudyDate"):
            assert study.keys["StudyDate"] == own["StudyDate"]
        assert study.keys["StudyInstanceUID"] == own["StudyInstanceUID"]
        assert study.keys["AccessionNumber"] == own.get("AccessionNumber", "")  # Type 2
    assert {"1CT1", "4MR1", "S1", "study1"} <= seen
    assert "S1" not in {s.keys["StudyID"] for f, s in studies.items() if "1CT1" in f}


def test_a_study_without_date_or_time_takes_them_from_its_content(
    media: Path, require_tool: Tool
) -> None:
    dcmdump = require_tool("dcmdump")
    records = directory_records(dcmdump, media / "DICOMDIR")
    report = next(r for r in _leaves(records) if r.kind == "SR DOCUMENT")
    study = _study_of(records)[report.keys["ReferencedFileID"]]
    own = file_keys(dcmdump, media / report.keys["ReferencedFileID"].replace("\\", "/"))
    assert own["StudyDate"] == ""
    assert own["StudyTime"] == ""
    assert (study.keys["StudyDate"], study.keys["StudyTime"]) == (
        own["ContentDate"], own["ContentTime"],
    )  # fmt: skip


def test_each_sop_class_gets_its_record_type_and_required_keys(
    media: Path, require_tool: Tool
) -> None:
    dcmdump = require_tool("dcmdump")
    leaves = _leaves(directory_records(dcmdump, media / "DICOMDIR"))
    by_class = {r.keys["ReferencedSOPClassUIDInFile"]: r for r in leaves}
    expected = {
        "=CTImageStorage": "IMAGE",
        "=MRImageStorage": "IMAGE",
        "=RTDoseStorage": "RT DOSE",
        "=RTPlanStorage": "RT PLAN",
        "=ComprehensiveSRStorage": "SR DOCUMENT",
        "=EncapsulatedPDFStorage": "ENCAP DOC",
        "=GrayscaleSoftcopyPresentationStateStorage": "PRESENTATION",
    }
    assert {uid: by_class[uid].kind for uid in expected} == expected
    assert by_class["=RTDoseStorage"].keys["NumberOfFrames"] == "15"
    assert by_class["=RTDoseStorage"].keys["DoseSummationType"] == "BEAM"  # as in the file
    assert by_class["=RTDoseStorage"].keys["InstanceNumber"] == "1"  # the file's is empty
    assert by_class["=RTPlanStorage"].keys["RTPlanLabel"] == "Plan1"
    report = by_class["=ComprehensiveSRStorage"].keys
    assert report["CompletionFlag"] == "COMPLETE"
    assert report["VerificationFlag"] == "VERIFIED"
    assert report["VerificationDateTime"]  # the latest of the Verifying Observer Sequence
    assert "ConceptNameCodeSequence" in report
    encapsulated = by_class["=EncapsulatedPDFStorage"].keys
    assert encapsulated["MIMETypeOfEncapsulatedDocument"] == "application/pdf"
    assert encapsulated["DocumentTitle"] == "CT report"
    presentation = by_class["=GrayscaleSoftcopyPresentationStateStorage"].keys
    assert presentation["ContentLabel"] == "UNNAMED"
    assert presentation["PresentationCreationDate"]


def test_a_patient_without_id_gets_one_derived_and_the_same_every_time(
    media: Path, require_tool: Tool
) -> None:
    dcmdump = require_tool("dcmdump")
    patients = [
        r.keys for r in directory_records(dcmdump, media / "DICOMDIR") if r.kind == "PATIENT"
    ]
    derived = [p["PatientID"] for p in patients if p["PatientID"].startswith("CB")]
    assert derived  # the SR and the encapsulated PDF carry no Patient ID
    assert all(p["PatientID"] for p in patients)
    again = (media / "second-export-DICOMDIR").read_bytes()
    assert again == (media / "DICOMDIR").read_bytes()  # UIDs and derived values included


def test_dciodvfy_finds_no_error_and_dcmftest_accepts_every_file(
    media: Path, require_tool: Tool
) -> None:
    check = subprocess.run(
        [str(require_tool("dciodvfy")), "DICOMDIR"], cwd=media, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    report = check.stdout + check.stderr
    assert "BasicDirectory" in report
    errors = [line for line in report.splitlines() if line.startswith("Error")]
    assert errors == []
    files = sorted(str(p.relative_to(media)) for p in (media / "DICOM").rglob("*") if p.is_file())
    ftest = subprocess.run(
        [str(require_tool("dcmftest")), "DICOMDIR", *files], cwd=media, capture_output=True,
        text=True, check=False,
    )  # fmt: skip
    assert ftest.stdout.count("yes:") == len(files) + 1, ftest.stdout


class _Counted:
    """Runs the parsing here, as `IN_PROCESS` does, and keeps the heads each call was given."""

    size = 1

    def __init__(self) -> None:
        self.heads: list[list[tuple[bytes, bool]]] = []

    def call(self, function: Callable[..., T], *args: Any, timeout: float | None = None) -> T:
        if function is record_headers:
            self.heads.append(list(args[0]))
        return function(*args)


def test_a_header_longer_than_the_first_bytes_sent_is_read_again_longer(
    plan: BundlePlan, tmp_path: Path, require_tool: Tool
) -> None:
    """A CT whose private data puts its pixel data 90 KB in, beside the plain CT: the first
    16 KiB do not hold its header, the next 256 KiB do, and its record is the one its whole
    file gives (the DICOMDIR is byte-identical to one made from whole files)."""
    from .samples import PYDICOM_FILES

    long_header = pydicom.dcmread(PYDICOM_FILES / "CT_small.dcm")
    long_header.SOPInstanceUID = pydicom.uid.generate_uid(entropy_srcs=["long header"])
    long_header.file_meta.MediaStorageSOPInstanceUID = long_header.SOPInstanceUID
    block = long_header.private_block(0x0029, "CASEBOOK TEST", create=True)
    block.add_new(0x10, "OB", bytes(90_000))
    long_header.InstanceNumber = 7
    made = tmp_path / "long.dcm"
    long_header.save_as(made)
    paths = [PYDICOM_FILES / "CT_small.dcm", made]
    layout = lay_out(replace(plan, dicom=tuple(dicom_item(p) for p in paths)))
    counted = _Counted()

    dicomdir = build_dicomdir(layout.dicom, counted)

    first, second = counted.heads
    assert [complete for _head, complete in first] == [False, False]
    assert {len(head) for head, _complete in first} == {FIRST_HEAD_BYTES}
    assert [(len(head), complete) for head, complete in second] == [(made.stat().st_size, True)]
    whole = [(path.read_bytes(), True) for path in paths]
    entries = [DirectoryEntry.of(placed) for placed in layout.dicom]
    assert dicomdir == dicomdir_from_headers(entries, record_headers(whole))
    (tmp_path / "DICOMDIR").write_bytes(dicomdir)
    leaves = _leaves(directory_records(require_tool("dcmdump"), tmp_path / "DICOMDIR"))
    assert sorted(leaf.keys["InstanceNumber"] for leaf in leaves) == ["1", "7"]
