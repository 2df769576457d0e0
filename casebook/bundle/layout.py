"""Where each item sits in the decrypted tree of a bundle.

Documents go to `DOCUMENTS/<NN_SLOT>/<readable name>`: the title (dated when known) made safe
for Windows, macOS and Linux, unique without regard to case, keeping the original extension.
DICOM instances form a file-set (PS3.10/PS3.12): `DICOM/PAnnnnnn/STnnnnnn/SEnnnnnn/IMnnnnnn`,
components of at most 8 characters from A-Z 0-9 _, no extension, four levels below the root.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath

from casebook.bundle.plan import BundlePlan, DicomItem, DocumentItem
from casebook.core.model import SlotKind

README_NAME = "README.TXT"
INDEX_NAME = "INDEX.HTM"
MANIFEST_NAME = "MANIFEST.JSON"
CHECKSUMS_NAME = "SHA256SUMS"
DICOMDIR_NAME = "DICOMDIR"
DOCUMENTS_DIR = "DOCUMENTS"
DICOM_DIR = "DICOM"
MAX_NAME_CHARS = 80

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_SPACES = re.compile(r"\s+")
_EXTENSION = re.compile(r"^\.[A-Za-z0-9]{1,8}$")
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{p}{n}" for p in ("COM", "LPT") for n in "123456789"
}
DICOM_COMPONENT = re.compile(r"^[A-Z0-9_]{1,8}$")


def summary_pdf_name(language: str) -> str:
    """The summary PDF for one language, e.g. CASE_SUMMARY_EN.PDF."""
    return f"CASE_SUMMARY_{language.upper()}.PDF"


def slot_folder(slot: SlotKind) -> str:
    """`01_PATHOLOGY` … `12_OTHER`, numbered in checklist order so folders sort sensibly."""
    number = list(SlotKind).index(slot) + 1
    return f"{number:02d}_{slot.value.upper()}"


@dataclass(frozen=True)
class PlacedDocument:
    path: str
    item: DocumentItem


@dataclass(frozen=True)
class PlacedDicom:
    path: str
    item: DicomItem
    patient_key: tuple[str, str]


@dataclass(frozen=True)
class BundleLayout:
    """Paths (POSIX, relative to the tree's root) of every item of a plan."""

    documents: tuple[PlacedDocument, ...]
    dicom: tuple[PlacedDicom, ...]
    summaries: tuple[tuple[str, str], ...]  # (language, path)


def safe_file_name(text: str, fallback: str) -> str:
    """`text` as one path component readable everywhere, or `fallback` if nothing is left.

    Unicode letters are kept (a Chinese title stays readable); characters Windows forbids,
    control characters, leading dots and trailing dots or spaces are not.
    """
    name = unicodedata.normalize("NFC", text)
    name = _UNSAFE.sub(" ", name)
    name = _SPACES.sub(" ", name).strip().lstrip(".").rstrip(". ")
    name = name[:MAX_NAME_CHARS].rstrip(". ")
    if not name or name.split(".")[0].upper() in _WINDOWS_RESERVED:
        return fallback
    return name


def _extension(original_name: str) -> str:
    suffix = PurePosixPath(original_name.replace("\\", "/")).suffix
    return suffix.lower() if _EXTENSION.match(suffix) else ""


def document_base_name(item: DocumentItem, number: int) -> str:
    """Readable name of a document without extension: `2024-03-17 Pathology report`."""
    title = item.title.strip() or PurePosixPath(item.original_name.replace("\\", "/")).stem
    if item.document_date is not None:
        title = f"{item.document_date.iso()} {title}"
    return safe_file_name(title, f"document_{number:03d}")


def _unique(name: str, extension: str, taken: set[str]) -> str:
    """`name + extension`, or `name (2) + extension`… unused in `taken` (case-insensitive)."""
    candidate = f"{name}{extension}"
    counter = 2
    while candidate.casefold() in taken:
        candidate = f"{name} ({counter}){extension}"
        counter += 1
    taken.add(candidate.casefold())
    return candidate


def _place_documents(documents: tuple[DocumentItem, ...]) -> tuple[PlacedDocument, ...]:
    taken: dict[SlotKind, set[str]] = {}
    placed = []
    for number, item in enumerate(documents, start=1):
        name = _unique(
            document_base_name(item, number),
            _extension(item.original_name),
            taken.setdefault(item.slot, set()),
        )
        placed.append(PlacedDocument(f"{DOCUMENTS_DIR}/{slot_folder(item.slot)}/{name}", item))
    return tuple(placed)


def patient_key(item: DicomItem) -> tuple[str, str]:
    """What makes two instances belong to the same PATIENT record."""
    return (item.patient_id.strip(), item.patient_name.strip())


def _place_dicom(items: tuple[DicomItem, ...]) -> tuple[PlacedDicom, ...]:
    """Numbers patients, studies, series and instances in order of first appearance."""
    patients: dict[tuple[str, str], str] = {}
    studies: dict[tuple[str, str], str] = {}
    series: dict[tuple[str, str], str] = {}
    images: dict[str, int] = {}
    placed = []
    seen_sops: set[str] = set()
    for item in items:
        if item.sop_instance_uid in seen_sops:
            continue  # the same instance twice would be two records for one SOP Instance
        seen_sops.add(item.sop_instance_uid)
        key = patient_key(item)
        pa = patients.setdefault(key, f"PA{len(patients) + 1:06d}")
        st_key = (pa, item.study_instance_uid)
        st = studies.setdefault(st_key, f"ST{len(studies) + 1:06d}")
        se_key = (st, item.series_instance_uid)
        se = series.setdefault(se_key, f"SE{len(series) + 1:06d}")
        count = images.get(se, 0) + 1
        images[se] = count
        im = f"IM{count:06d}"
        path = f"{DICOM_DIR}/{pa}/{st}/{se}/{im}"
        placed.append(PlacedDicom(path, item, key))
    return tuple(placed)


def lay_out(plan: BundlePlan) -> BundleLayout:
    """Assigns a path to every document, DICOM instance and summary PDF of `plan`."""
    return BundleLayout(
        documents=_place_documents(plan.documents),
        dicom=_place_dicom(plan.dicom),
        summaries=tuple((lang, summary_pdf_name(lang)) for lang in plan.languages),
    )
