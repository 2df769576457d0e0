"""`casebook import` as a user runs it: a hospital CD, a .zip from a portal, another patient."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pydicom
from data_paths import LUNG_SERIES
from pydicom.uid import generate_uid

from casebook.app import cli_messages as msg

from .conftest import PASSWORD, Run

LUNG = LUNG_SERIES


def _disc(folder: Path, name: str, birth: str) -> Path:
    """A CD folder: two real CT slices relabelled for `name`, a viewer, autorun, a web page."""
    folder.mkdir(parents=True)
    study, series = generate_uid(), generate_uid()
    for index, source in enumerate(sorted(LUNG.glob("*.dcm"))[:2]):
        dataset = pydicom.dcmread(source)
        dataset.SpecificCharacterSet = "ISO_IR 192"
        dataset.PatientName, dataset.PatientBirthDate = name, birth
        dataset.StudyInstanceUID, dataset.SeriesInstanceUID = study, series
        dataset.SOPInstanceUID = generate_uid()
        dataset.file_meta.MediaStorageSOPInstanceUID = dataset.SOPInstanceUID
        dataset.save_as(folder / f"IM{index:04d}")
    (folder / "VIEWER.EXE").write_bytes(b"MZ" + bytes(200))
    (folder / "AUTORUN.INF").write_text("[autorun]\nopen=VIEWER.EXE\n")
    (folder / "DICOMDIR").write_bytes(bytes(128) + b"DICM")  # a disc index (never a document)
    (folder / "INDEX.HTM").write_text("<html></html>")
    return folder


def _zipped(folder: Path) -> Path:
    archive = folder.with_suffix(".zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(folder.iterdir()):
            zipped.write(path, f"CD/{path.name}")
    return archive


def _listing(run_casebook: Run, binder: Path) -> dict[str, object]:
    listing = run_casebook("list", binder, "--json", stdin=PASSWORD + "\n")
    assert listing.returncode == 0, listing.stderr
    data: dict[str, object] = json.loads(listing.stdout)
    return data


def test_the_patient_s_own_cd_and_zip_import_without_furniture(
    binder: Path, tmp_path: Path, run_casebook: Run
) -> None:
    """The binder is for "Wang Fang"; the disc says WANG^FANG=王^芳."""
    disc = _disc(tmp_path / "CD", "WANG^FANG=王^芳", "19610512")
    result = run_casebook("import", binder, disc, stdin=PASSWORD + "\n")
    assert result.returncode == msg.EXIT_OK, result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith("2 added, 0 already there, 0 refused, 4 skipped")
    for kind in ("programs", "autorun", "DICOMDIR"):
        assert kind in summary
    data = _listing(run_casebook, binder)
    assert data["documents"] == []
    archive = _zipped(disc)
    again = run_casebook("import", binder, archive, stdin=PASSWORD + "\n")
    assert again.returncode == msg.EXIT_OK, again.stderr
    assert "0 added, 2 already there" in again.stdout  # scanned like the disc, not stored whole
    assert _listing(run_casebook, binder)["documents"] == []


def test_someone_else_s_images_stop_with_code_7_unless_accepted(
    binder: Path, tmp_path: Path, run_casebook: Run
) -> None:
    disc = _disc(tmp_path / "CD", "ZHANG^WEI=张^伟", "19710101")
    letter = tmp_path / "letter.txt"
    letter.write_text("Referral letter for Wang Fang")
    refused = run_casebook("import", binder, disc, letter, stdin=PASSWORD + "\n")
    assert refused.returncode == msg.EXIT_INVALID_INPUT
    assert "ZHANG WEI / 张 伟" in refused.stderr or "ZHANG WEI=张 伟" in refused.stderr
    assert "born 1971-01-01: 2 images — a different name" in refused.stderr
    assert "--accept-other-patient" in refused.stderr
    assert "Traceback" not in refused.stderr
    data = _listing(run_casebook, binder)
    assert data["imaging_studies"] == []  # nothing of that patient was stored
    assert [d["original_name"] for d in data["documents"]] == ["letter.txt"]  # type: ignore[index]
    accepted = run_casebook("import", binder, disc, "--accept-other-patient", stdin=PASSWORD + "\n")
    assert accepted.returncode == msg.EXIT_OK, accepted.stderr
    [study] = _listing(run_casebook, binder)["imaging_studies"]  # type: ignore[misc]
    assert study["image_count"] == 2
