"""The demo binder: fictional case, demo documents, real CT slices; `casebook --demo` opens it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casebook.core.errors import BinderUnavailable, UnavailableReason
from casebook.core.model import SlotKind, SlotStatus
from casebook.resources import resource_path
from casebook.services import imaging_records, records
from casebook.services.binder import is_binder, unlock_binder
from casebook.services.demo import DEMO_PASSWORD, create_demo_binder
from casebook.store.keyslots import KdfParams


def test_demo_binder_holds_the_fictional_case(tmp_path: Path) -> None:
    session, password = create_demo_binder(tmp_path / "demo", KdfParams.minimum())
    with session:
        case = records.load_case(session)
        documents = records.list_documents(session)
        slots = {slot.kind: slot for slot in records.list_slots(session)}
        studies = imaging_records.list_studies(session)
        pdf = next(d for d in documents if d.original_name == "pathology-report.pdf")
        stored = records.read_document_bytes(session, pdf.id)
    assert password == DEMO_PASSWORD
    assert case.patient_name == "Mei Lin (demo)"
    assert {d.original_name for d in documents} == {
        "pathology-report.pdf", "lab-results.txt", "referral-letter.pdf",
    }  # fmt: skip
    assert stored == resource_path("demo", "documents", "pathology-report.pdf").read_bytes()
    assert pdf.slot is SlotKind.PATHOLOGY
    assert pdf.title == "Surgical pathology report (biopsy)"
    assert slots[SlotKind.PATHOLOGY].status is SlotStatus.RECEIVED
    assert slots[SlotKind.MOLECULAR].status is SlotStatus.REQUESTED
    assert slots[SlotKind.HISTORY].status is SlotStatus.MISSING
    [study] = studies
    assert study.image_count == len(list(resource_path("demo", "ct").glob("*.dcm"))) > 0


def test_demo_binder_replaces_the_old_one_but_nothing_else(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    first, _ = create_demo_binder(folder, KdfParams.minimum())
    first.close()
    (folder / "leftover.txt").write_text("from the old demo")
    second, password = create_demo_binder(folder, KdfParams.minimum())
    with second:
        assert len(records.list_documents(second)) == 3
        # An open demo binder is not deleted under the window that has it.
        with pytest.raises(BinderUnavailable) as in_use:
            create_demo_binder(folder, KdfParams.minimum())
        assert in_use.value.reason is UnavailableReason.IN_USE
    assert not (folder / "leftover.txt").exists()
    unlock_binder(folder, password).close()

    other = tmp_path / "someone's folder"
    other.mkdir()
    (other / "precious.txt").write_text("keep me")
    with pytest.raises(BinderUnavailable) as exists:
        create_demo_binder(other, KdfParams.minimum())
    assert exists.value.reason is UnavailableReason.ALREADY_EXISTS
    assert (other / "precious.txt").read_text() == "keep me"


@pytest.mark.slow
def test_casebook_demo_makes_the_binder_and_keeps_the_app_running(tmp_path: Path) -> None:
    data_dir = tmp_path / "app-data"
    demo = data_dir / "demo-binder"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen(
        [sys.executable, "-m", "casebook", "--data-dir", str(data_dir), "--demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as app:
        deadline = time.monotonic() + 60
        while not is_binder(demo) and app.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(2)  # the window is up and waiting for the password
        still_running = app.poll() is None
        app.terminate()
        _, stderr = app.communicate(timeout=30)
    assert still_running, stderr
    assert "Traceback" not in stderr
    with unlock_binder(demo, DEMO_PASSWORD) as session:
        assert records.load_case(session).patient_name == "Mei Lin (demo)"
