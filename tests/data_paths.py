"""The one place that says where the real files the tests read are: all inside tests/data/.

Every file is in the repository, byte-identical to its public source, with its provenance and
licence in tests/data/PROVENANCE.md, so a fresh clone with nothing beside it runs every test
(tests/test_repository.py checks that no test reaches outside). Test modules import these names
(`from data_paths import LUNG_SERIES`); the test folder is on `sys.path` because it is pytest's
root folder without an `__init__.py`.
"""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
BROKEN = DATA / "broken"
DICOM = DATA / "dicom"

# 13 of the 64 slices of one chest CT (TCIA Lung-PET-CT-Dx, CC BY 4.0), in their original
# folders: 1-01…1-08, 1-10, 1-20, 1-30, 1-32 and 1-50.
LUNG_CT = DICOM / "lung-ct-Lung_Dx-A0001"
LUNG_SERIES = LUNG_CT / "04-04-2007-NA-Chest-07990" / "2.000000-5mm-40805"
LUNG_PATIENT_NAME = "Lung_Dx-A0001"

# One Siemens MR slice in all nine transfer syntaxes (neurolabusc/dcm_qa_ts, BSD-2-Clause).
TRANSFER_SYNTAXES = DICOM / "dcm_qa_ts" / "In"

# A GE MR series of 150 small slices (neurolabusc/dcm_qa_nih, BSD-2-Clause).
MR_SERIES = DICOM / "dcm_qa_nih" / "mr_0005"
SMALL_MR = MR_SERIES / "axial_epi_fmri_sequential_i_to_s-00001.dcm"

# Small pydicom sample files of SOP classes that are not images (RT dose and plan, a structured
# report) and two downsized NEMA slices with their own StudyID/StudyTime (MIT, pydicom).
PYDICOM_FILES = DICOM / "pydicom"

# The ebXML RegRep 3.0 schemas that IHE XDS.b metadata (and XDM's METADATA.XML) follow.
XDS_SCHEMAS = DATA / "xds"

ROOT = TESTS.parent
RESOURCES = ROOT / "resources"
DEMO_DOCUMENTS = RESOURCES / "demo" / "documents"


def lung_slices(count: int | None = None) -> list[Path]:
    """The CT slices in file-name order (1-01 first), the first `count` of them."""
    files = sorted(LUNG_SERIES.glob("*.dcm"))
    return files if count is None else files[:count]


def lung_slice_path(number: int) -> Path:
    """Slice `1-NN.dcm` of the CT; only the numbers listed above are in the repository."""
    path = LUNG_SERIES / f"1-{number:02d}.dcm"
    if not path.is_file():
        raise FileNotFoundError(f"{path.name} is not among the CT slices kept in tests/data")
    return path
