"""The demo binder: a fictional patient with a few documents and a real, public CT series.

Everything in it is invented (the patient "Mei Lin (demo)", the hospitals, the results) except
the CT slices, which come from a public cancer-imaging collection (see resources/demo/ct).
Its password is fixed and shown on the unlock screen: it protects nothing real.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from casebook.core.errors import BinderUnavailable, UnavailableReason
from casebook.core.model import Case, PartialDate, SlotKind, SlotStatus
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.resources import resource_path
from casebook.services import records
from casebook.services.binder import BinderSession, create_binder, is_binder
from casebook.services.importing import import_paths
from casebook.store.binder_folder import BinderFolder, FolderLock
from casebook.store.keyslots import KdfParams

DEMO_PASSWORD = "demo binder 2026"  # noqa: S105 - fictional data, shown on screen by design


@dataclass(frozen=True)
class _DemoDocument:
    file_name: str
    slot: SlotKind
    title: str
    document_date: PartialDate
    institution: str
    author: str


_DOCUMENTS = (
    _DemoDocument(
        "pathology-report.pdf", SlotKind.PATHOLOGY, "Surgical pathology report (biopsy)",
        PartialDate(2024, 2, 9), "Riverside General Hospital (fictional)", "Dr. B. Sample",
    ),
    _DemoDocument(
        "lab-results.txt", SlotKind.LABS, "Blood tests and tumour markers",
        PartialDate(2024, 2, 20), "Riverside General Hospital (fictional)", "Dr. D. Imaginary",
    ),
    _DemoDocument(
        "referral-letter.pdf", SlotKind.DISCHARGE_REFERRAL, "Referral for a second opinion",
        PartialDate(2024, 3, 1), "Lakeside Oncology Clinic (fictional)", "Dr. C. Placeholder",
    ),
)  # fmt: skip


def demo_case() -> Case:
    return Case(
        patient_name="Mei Lin (demo)",
        date_of_birth=PartialDate(1961, 3, 14),
        diagnosis_summary=(
            "Lung adenocarcinoma, right upper lobe, stage under discussion (fictional demo case)"
        ),
    )


def _remove_old_demo(folder: Path) -> None:
    """Delete an earlier demo binder, unless it is open in another Casebook (IN_USE).

    Anything else in the way (a file, a folder that is not a binder) is left alone: the demo
    never deletes what it did not make.
    """
    if not folder.exists():
        return
    if folder.is_dir() and not any(folder.iterdir()):
        return
    if not is_binder(folder):
        raise BinderUnavailable(folder, UnavailableReason.ALREADY_EXISTS)
    lock = FolderLock(BinderFolder(folder))
    lock.acquire()
    try:
        shutil.rmtree(folder)
    finally:
        lock.release()


def create_demo_binder(folder: Path, kdf: KdfParams | None = None) -> tuple[BinderSession, str]:
    """Make a fresh demo binder in `folder`, replacing an earlier demo binder there.

    Returns it unlocked, with its fixed password. `kdf` None means the fast minimum (the demo
    protects nothing real and should open quickly).
    """
    _remove_old_demo(folder)
    created = create_binder(folder, DEMO_PASSWORD, demo_case(), kdf or KdfParams.minimum())
    session = created.session
    folder_of_documents = resource_path("demo", "documents")
    for demo in _DOCUMENTS:
        summary = import_paths(
            session, [folder_of_documents / demo.file_name], demo.slot, ignore_progress,
            NEVER_CANCELLED,
        )  # fmt: skip
        for document in summary.added:
            document.title = demo.title
            document.document_date = demo.document_date
            document.institution = demo.institution
            document.author = demo.author
            document.language = "en"
            records.update_document(session, document)
    # Only the slices: the licence and provenance beside them are not part of the case.
    slices = sorted(resource_path("demo", "ct").glob("*.dcm"))
    if slices:
        import_paths(session, slices, SlotKind.IMAGING, ignore_progress, NEVER_CANCELLED)
    for slot in records.list_slots(session):
        if slot.kind is SlotKind.MOLECULAR:
            slot.status = SlotStatus.REQUESTED
            slot.requested_on = PartialDate(2026, 11, 2)
            slot.requested_from = "Riverside General Hospital, pathology (fictional)"
            records.update_slot(session, slot)
    return session, DEMO_PASSWORD
