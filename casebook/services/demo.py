"""The demo binder: a fictional patient with a few documents and a real, public CT series.

Everything in it is invented (the patient "Mei Lin (demo)", the hospitals, the results) except
the CT slices, which come from a public cancer-imaging collection (see resources/demo/ct).
Its password is fixed and shown on the unlock screen: it protects nothing real.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from casebook.core.model import Case, PartialDate, SlotKind, SlotStatus
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.resources import resource_path
from casebook.services import records
from casebook.services.binder import BinderSession, create_binder, is_binder
from casebook.services.importing import import_paths
from casebook.store.keyslots import KdfParams

DEMO_PASSWORD = "demo binder 2026"  # noqa: S105 - fictional data, shown on screen by design

_SLOTS = {
    SlotKind.PATHOLOGY: "pathology-report.pdf",
    SlotKind.LABS: "lab-results.txt",
    SlotKind.DISCHARGE_REFERRAL: "referral-letter.pdf",
}


def demo_case() -> Case:
    return Case(
        patient_name="Mei Lin (demo)",
        date_of_birth=PartialDate(1961, 3, 14),
        diagnosis_summary=(
            "Lung adenocarcinoma, right upper lobe, stage under discussion (fictional demo case)"
        ),
    )


def create_demo_binder(folder: Path, kdf: KdfParams | None = None) -> tuple[BinderSession, str]:
    """Make a fresh demo binder in `folder`, replacing an earlier demo binder there."""
    if folder.exists():
        if not is_binder(folder) and any(folder.iterdir()):
            raise FileExistsError(f"{folder} exists and is not a demo binder")
        shutil.rmtree(folder)
    created = create_binder(folder, DEMO_PASSWORD, demo_case(), kdf or KdfParams.minimum())
    session = created.session
    documents = resource_path("demo", "documents")
    for kind, name in _SLOTS.items():
        import_paths(session, [documents / name], kind, ignore_progress, NEVER_CANCELLED)
    ct = resource_path("demo", "ct")
    if ct.is_dir():
        import_paths(session, [ct], SlotKind.IMAGING, ignore_progress, NEVER_CANCELLED)
    for slot in records.list_slots(session):
        if slot.kind is SlotKind.MOLECULAR:
            slot.status = SlotStatus.REQUESTED
            slot.requested_on = PartialDate(2026, 11, 2)
            slot.requested_from = "Riverside General Hospital, pathology (fictional)"
            records.update_slot(session, slot)
    return session, DEMO_PASSWORD
