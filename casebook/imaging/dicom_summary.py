"""What the binder keeps of one DICOM instance's header, apart from the parser that reads it.

The app process receives these from the file workers and stores them; only the workers run
pydicom (`dicom_header`), so the app that sends the files never imports it (a quarter of a
second of CPU for every import on the command line).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casebook.core.model import PartialDate
from casebook.core.slice_order import SlicePlacement


@dataclass(frozen=True)
class DicomSummary:
    """What the binder needs to file and show one DICOM instance."""

    patient_name: str  # as stored, e.g. "WANG^XIAODONG=王^小东"; components joined by ^ and =
    patient_id: str
    patient_birth_date: PartialDate | None
    patient_sex: str
    study_instance_uid: str
    study_date: PartialDate | None
    study_description: str
    accession_number: str
    modality: str
    series_instance_uid: str
    series_number: int | None
    series_description: str
    sop_class_uid: str
    sop_instance_uid: str
    instance_number: int | None
    institution_name: str
    specific_character_set: str  # as declared, "" when none
    transfer_syntax_uid: str
    transfer_syntax_name: str
    rows: int | None
    columns: int | None
    number_of_frames: int  # 1 for single-frame images, 0 when there is no image
    placement: SlicePlacement = field(
        default_factory=SlicePlacement
    )  # where it lies, for the order of slices

    @property
    def has_image(self) -> bool:
        return self.rows is not None and self.columns is not None
