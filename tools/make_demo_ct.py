"""Make the demo binder's CT slices (resources/demo/ct) from the public Lung-PET-CT-Dx series.

    .venv/bin/python tools/make_demo_ct.py SOURCE_SERIES_FOLDER

SOURCE_SERIES_FOLDER is the "2.000000-5mm-40805" folder of TCIA's Lung-PET-CT-Dx subject
Lung_Dx-A0001 (study 2007-04-04). Six neighbouring slices (1-15 … 1-20, through the mass) are
copied with only these changes, so that the demo reads as one coherent case:

- the patient is the demo's invented one: name LIN^MEI, birth date 1961-03-14, sex F, ID
  DEMO-0001 (the case "Mei Lin (demo)" / "林梅（演示）" matches it across scripts);
- study, series, frame of reference and instance UIDs are new, derived from the old ones (the
  same on every run), so the copies never pass for the original research files;
- pixels and every other attribute are unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pydicom
from pydicom.uid import generate_uid

SLICES = range(15, 21)
TARGET = Path(__file__).resolve().parent.parent / "resources" / "demo" / "ct"
PATIENT = {
    "PatientName": "LIN^MEI",
    "PatientBirthDate": "19610314",
    "PatientSex": "F",
    "PatientID": "DEMO-0001",
}
UID_KEYWORDS = ("StudyInstanceUID", "SeriesInstanceUID", "FrameOfReferenceUID", "SOPInstanceUID")


def demo_uid(original: str) -> str:
    """A new UID, always the same for the same original."""
    return str(generate_uid(entropy_srcs=["casebook demo", original]))


def main(source: Path) -> None:
    for old in TARGET.glob("*.dcm"):
        old.unlink()
    for number in SLICES:
        dataset = pydicom.dcmread(source / f"1-{number:02d}.dcm")
        for keyword, value in PATIENT.items():
            setattr(dataset, keyword, value)
        for keyword in UID_KEYWORDS:
            if keyword in dataset:
                setattr(dataset, keyword, demo_uid(str(getattr(dataset, keyword))))
        dataset.file_meta.MediaStorageSOPInstanceUID = dataset.SOPInstanceUID
        dataset.save_as(TARGET / f"1-{number:02d}.dcm", enforce_file_format=True)
        print(TARGET / f"1-{number:02d}.dcm")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
