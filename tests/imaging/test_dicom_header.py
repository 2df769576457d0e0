"""DICOM headers are summarised from real files, with names decoded in the file's charset."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydicom.dataelem import DataElement

from casebook.core.model import PartialDate
from casebook.imaging.dicom_header import read_dicom_summary
from casebook.imaging.errors import DicomProblem, DicomUnreadable

from .samples import (
    BROKEN,
    SMALL_MR,
    TRANSFER_SYNTAXES,
    lung_slice,
    read,
    without_file_meta,
    without_preamble,
    write,
)


def test_lung_ct_summary() -> None:
    summary = read_dicom_summary(lung_slice(32))
    assert summary.patient_name == "Lung_Dx-A0001"
    assert summary.patient_id == "Lung_Dx-A0001"
    assert summary.patient_birth_date is None  # empty in this anonymised file
    assert summary.patient_sex == "M"
    assert summary.study_date == PartialDate(2007, 4, 4)
    assert summary.study_description == "Chest"
    assert summary.modality == "CT"
    assert summary.series_number == 2
    assert summary.series_description == "5mm"
    assert summary.instance_number == 32
    assert summary.study_instance_uid.startswith("1.3.6.1.4.1.14519.5.2.1.6655.2359.")
    assert summary.series_instance_uid.endswith("540805")
    assert summary.sop_class_uid == "1.2.840.10008.5.1.4.1.1.2"  # CT Image Storage
    assert summary.institution_name == ""
    assert summary.specific_character_set == "ISO_IR 100"
    assert summary.transfer_syntax_uid == "1.2.840.10008.1.2"
    assert summary.transfer_syntax_name == "Implicit VR Little Endian"
    assert (summary.rows, summary.columns, summary.number_of_frames) == (512, 512, 1)
    assert summary.has_image


def test_header_alone_is_enough() -> None:
    data = lung_slice(10)
    assert read_dicom_summary(data[:8192]) == read_dicom_summary(data)


def test_every_transfer_syntax_has_the_same_identity() -> None:
    summaries = [
        read_dicom_summary(p.read_bytes()) for p in sorted(TRANSFER_SYNTAXES.glob("*.dcm"))
    ]
    assert len(summaries) == 9
    # Each conversion got a new SOP Instance UID; the study and series stay.
    assert {(s.study_instance_uid, s.series_instance_uid) for s in summaries} == {
        (summaries[0].study_instance_uid, summaries[0].series_instance_uid)
    }
    assert {(s.patient_name, s.modality, s.rows, s.columns) for s in summaries} == {
        ("stc_test", "MR", 384, 384)
    }
    assert len({s.transfer_syntax_uid for s in summaries}) == 7  # two files share two syntaxes
    big_endian = read_dicom_summary((TRANSFER_SYNTAXES / "3.dcm").read_bytes())
    assert big_endian.transfer_syntax_name == "Explicit VR Big Endian"


def test_file_without_preamble() -> None:
    data = lung_slice(20)
    assert read_dicom_summary(without_preamble(data)) == read_dicom_summary(data)


def test_dataset_without_file_meta() -> None:
    original = read_dicom_summary(lung_slice(20))
    bare = read_dicom_summary(without_file_meta(lung_slice(20)))
    assert bare.sop_instance_uid == original.sop_instance_uid
    assert bare.patient_name == original.patient_name
    assert bare.transfer_syntax_name == "Implicit VR Little Endian"  # told by the encoding


@pytest.mark.parametrize("charset", ["GB18030", "GBK", "ISO_IR 192"])
def test_chinese_names_in_declared_charset(charset: str) -> None:
    dataset = read(lung_slice(32))
    dataset.SpecificCharacterSet = charset
    dataset.PatientName = "Zhang^San=张^三"
    dataset.InstitutionName = "北京协和医院"
    dataset.StudyDescription = "胸部CT平扫"
    data = write(dataset)
    assert "张".encode("utf-8" if charset == "ISO_IR 192" else "gb18030") in data
    summary = read_dicom_summary(data)
    assert summary.patient_name == "Zhang^San=张^三"
    assert summary.institution_name == "北京协和医院"
    assert summary.study_description == "胸部CT平扫"
    assert summary.specific_character_set == charset


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8"])
def test_undeclared_charset_is_guessed(encoding: str) -> None:
    """Files with no Specific Character Set but Chinese bytes, as some hospitals write them."""
    dataset = read(lung_slice(32))
    del dataset.SpecificCharacterSet
    name = "王^小东"
    raw = name.encode(encoding)
    dataset[0x00100010] = DataElement(0x00100010, "PN", raw + b" " * (len(raw) % 2))
    summary = read_dicom_summary(write(dataset))
    assert summary.patient_name == name
    assert summary.specific_character_set == ""


def test_mislabelled_ascii_charset_is_guessed() -> None:
    dataset = read(lung_slice(32))
    dataset.SpecificCharacterSet = "ISO_IR 6"
    raw = "李^四".encode("gb18030")
    dataset[0x00100010] = DataElement(0x00100010, "PN", raw)
    assert read_dicom_summary(write(dataset)).patient_name == "李^四"


def test_partial_and_old_style_dates() -> None:
    dataset = read(lung_slice(32))
    with pytest.warns(UserWarning, match="Invalid value for VR DA"):
        dataset.PatientBirthDate = "1961"  # old systems write partial dates
    dataset.StudyDate = "20070231"  # not a calendar date
    summary = read_dicom_summary(write(dataset))
    assert summary.patient_birth_date == PartialDate(1961)
    assert summary.study_date is None


def test_small_explicit_mr() -> None:
    summary = read_dicom_summary(SMALL_MR.read_bytes())
    assert summary.modality == "MR"
    assert summary.transfer_syntax_name == "Explicit VR Little Endian"
    assert (summary.rows, summary.columns) == (64, 64)


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("empty.dcm", DicomProblem.NOT_DICOM),
        ("random.dcm", DicomProblem.NOT_DICOM),
        ("truncated.pdf", DicomProblem.NOT_DICOM),
        ("truncated-in-header.dcm", DicomProblem.DAMAGED),
    ],
)
def test_broken_files(name: str, problem: DicomProblem) -> None:
    with pytest.raises(DicomUnreadable) as caught:
        read_dicom_summary((BROKEN / name).read_bytes())
    assert caught.value.problem is problem


def test_header_of_file_cut_in_its_pixels_still_reads() -> None:
    summary = read_dicom_summary((BROKEN / "truncated-in-pixels.dcm").read_bytes())
    assert summary.modality == "MR"


def test_non_dicom_content_with_dicom_name(tmp_path: Path) -> None:
    text = b"Patient: Zhang San\nDiagnosis: adenocarcinoma\n"
    with pytest.raises(DicomUnreadable) as caught:
        read_dicom_summary(text)
    assert caught.value.problem is DicomProblem.NOT_DICOM
