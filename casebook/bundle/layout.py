"""Where each item sits in the decrypted tree of a bundle (IHE XDM for documents, IHE PDI for
imaging).

    README.TXT, INDEX.HTM          what this is and how to open it; a page linking everything
    CASE_SUMMARY_EN.PDF …          the case summary, one per language ("start here")
    DICOMDIR, DICOM/PA…/ST…/SE…/IM…  the DICOM file-set (PS3.10/PS3.12, IHE PDI)
    IHE_PDI/SE000001.JPG …         the small series previews INDEX.HTM shows
    IHE_XDM/SUBSET01/METADATA.XML  the XDM submission set (ITI TF-3 §4.2.3), and beside it
    IHE_XDM/SUBSET01/DOC00001.PDF  … the documents and the summaries, numbered, named by type
    MANIFEST.JSON, SHA256SUMS      the same in machine-readable form; a checksum of every file

DICOM components are at most 8 characters from A-Z 0-9 _, without extension. XDM document files
are named `DOCnnnnn` with the extension of their detected media type (a PNG that came without
an extension still goes out as `.PNG`); their readable titles are in METADATA.XML, INDEX.HTM and
the summary, so no file name depends on a title's characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from casebook.bundle.plan import BundlePlan, DicomItem, DocumentItem

README_NAME = "README.TXT"
INDEX_NAME = "INDEX.HTM"
MANIFEST_NAME = "MANIFEST.JSON"
CHECKSUMS_NAME = "SHA256SUMS"
DICOMDIR_NAME = "DICOMDIR"
DICOM_DIR = "DICOM"
PDI_DIR = "IHE_PDI"
XDM_DIR = "IHE_XDM"
XDM_SUBSET = f"{XDM_DIR}/SUBSET01"
XDM_METADATA_NAME = f"{XDM_SUBSET}/METADATA.XML"

_EXTENSION = re.compile(r"^\.[A-Za-z0-9]{1,4}$")
DICOM_COMPONENT = re.compile(r"^[A-Z0-9_]{1,8}$")
FALLBACK_EXTENSION = ".BIN"


def summary_pdf_name(language: str) -> str:
    """The summary PDF for one language, e.g. CASE_SUMMARY_EN.PDF."""
    return f"CASE_SUMMARY_{language.upper()}.PDF"


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
class PlacedSummary:
    language: str
    path: str  # at the root, for people
    xdm_path: str  # the same PDF in the XDM submission set, for importers


@dataclass(frozen=True)
class BundleLayout:
    """Paths (POSIX, relative to the tree's root) of every item of a plan."""

    documents: tuple[PlacedDocument, ...]
    dicom: tuple[PlacedDicom, ...]
    summaries: tuple[PlacedSummary, ...]
    previews: tuple[tuple[str, str], ...]  # (series instance UID, path of its JPEG)


def document_extension(item: DocumentItem) -> str:
    """`.PDF`, `.PNG`…: the detected type's extension, else the original name's, else `.BIN`."""
    for candidate in (item.extension, PurePosixPath(item.original_name.replace("\\", "/")).suffix):
        if _EXTENSION.match(candidate):
            return candidate.upper()
    return FALLBACK_EXTENSION


def readable_title(item: DocumentItem) -> str:
    """What the document is called for people: `2024-03-17 Pathology report`."""
    title = item.title.strip() or PurePosixPath(item.original_name.replace("\\", "/")).stem
    if item.document_date is not None:
        title = f"{item.document_date.iso()} {title}"
    return title


def original_file(layout: BundleLayout, item: DocumentItem) -> str:
    """The file name of the document `item` translates ("" when it is not a translation or its
    original is not in the bundle)."""
    if item.translation_of is None:
        return ""
    for placed in layout.documents:
        if placed.item.document_id == item.translation_of:
            return placed.path.rsplit("/", 1)[1]
    return ""


def _place_documents(documents: tuple[DocumentItem, ...]) -> tuple[PlacedDocument, ...]:
    return tuple(
        PlacedDocument(f"{XDM_SUBSET}/DOC{number:05d}{document_extension(item)}", item)
        for number, item in enumerate(documents, start=1)
    )


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


def _place_previews(
    plan: BundlePlan, dicom: tuple[PlacedDicom, ...]
) -> tuple[tuple[str, str], ...]:
    """`IHE_PDI/SE000001.JPG` for each series with a preview, named like its DICOM folder."""
    folder_of = {p.item.series_instance_uid: p.path.split("/")[3] for p in dicom}
    return tuple(
        (preview.series_instance_uid, f"{PDI_DIR}/{folder_of[preview.series_instance_uid]}.JPG")
        for preview in plan.previews
        if preview.series_instance_uid in folder_of
    )


def lay_out(plan: BundlePlan) -> BundleLayout:
    """Assigns a path to every document, DICOM instance, summary PDF and preview of `plan`."""
    documents = _place_documents(plan.documents)
    dicom = _place_dicom(plan.dicom)
    first_free = len(documents) + 1
    summaries = tuple(
        PlacedSummary(language, summary_pdf_name(language), f"{XDM_SUBSET}/DOC{number:05d}.PDF")
        for number, language in enumerate(plan.languages, start=first_free)
    )
    return BundleLayout(documents, dicom, summaries, _place_previews(plan, dicom))
