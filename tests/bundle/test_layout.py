"""Names in the decrypted tree, the passphrase, and the DICOMDIR's stand-ins for empty fields."""

from __future__ import annotations

import math
from dataclasses import replace

from casebook.bundle.dicomdir import build_dicomdir, referenced_files
from casebook.bundle.layout import DICOM_COMPONENT, lay_out, safe_file_name
from casebook.bundle.passphrase import (
    PASSPHRASE_BITS,
    generate_passphrase,
    normalize_passphrase,
)
from casebook.bundle.plan import BundlePlan
from casebook.core.model import SlotKind

from .samples import document_item


def test_safe_names_keep_readable_text_and_refuse_the_rest() -> None:
    assert safe_file_name('CT <chest>: "before"/after?', "x") == "CT chest before after"
    assert safe_file_name("病理报告 2024", "x") == "病理报告 2024"
    assert safe_file_name("...", "document_001") == "document_001"
    assert safe_file_name("CON", "document_002") == "document_002"
    assert safe_file_name("a\x00b\nc", "x") == "a b c"
    assert len(safe_file_name("x" * 500, "y")) <= 80


def test_documents_never_collide_regardless_of_case(plan: BundlePlan) -> None:
    data = b"%PDF-1.4 same title"
    twins = tuple(
        document_item(title, SlotKind.LABS, name, data, "application/pdf")
        for title, name in (("Blood", "a.PDF"), ("blood", "b.pdf"), ("BLOOD", "c.pdf"))
    )
    paths = [p.path for p in lay_out(replace(plan, documents=twins)).documents]
    assert paths == [
        "DOCUMENTS/03_LABS/Blood.pdf",
        "DOCUMENTS/03_LABS/blood (2).pdf",
        "DOCUMENTS/03_LABS/BLOOD (3).pdf",
    ]


def test_dicom_paths_follow_the_media_rules(plan: BundlePlan) -> None:
    for placed in lay_out(plan).dicom:
        components = placed.path.split("/")
        assert len(components) <= 8
        assert all(DICOM_COMPONENT.match(c) for c in components)


def test_dicomdir_fills_empty_type1_fields_and_lists_every_image(plan: BundlePlan) -> None:
    emptied = tuple(
        replace(item, study_id="", study_time="", modality="", series_number="", patient_id="")
        for item in plan.dicom
    )
    layout = lay_out(replace(plan, dicom=emptied))
    dicomdir = build_dicomdir(layout.dicom)
    assert referenced_files(dicomdir) == [p.path for p in layout.dicom]
    from io import BytesIO

    import pydicom

    records = pydicom.dcmread(BytesIO(dicomdir)).DirectoryRecordSequence
    for record in records:
        if record.DirectoryRecordType == "STUDY":
            assert record.StudyID
            assert record.StudyTime
        if record.DirectoryRecordType == "SERIES":
            assert record.Modality == "OT"
            assert str(record.SeriesNumber)
        if record.DirectoryRecordType == "PATIENT":
            assert record.PatientID


def test_passphrase_has_enough_entropy_and_reads_as_digits() -> None:
    assert PASSPHRASE_BITS >= 77
    assert math.isclose(PASSPHRASE_BITS, 24 * math.log2(10))
    seen = {generate_passphrase() for _ in range(200)}
    assert len(seen) == 200
    for password in seen:
        groups = password.split("-")
        assert len(groups) == 6
        assert all(len(g) == 4 and g.isdigit() for g in groups)
    password = next(iter(seen))
    assert normalize_passphrase(password.replace("-", " ")) == password
    assert normalize_passphrase(password.replace("-", "")) == password
    full_width = password.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert normalize_passphrase(full_width) == password
    assert normalize_passphrase(" other ") == "other"
