"""The demo binder: fictional case, demo documents, real CT slices; `casebook --demo` opens it."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from casebook.core.errors import BinderUnavailable, UnavailableReason
from casebook.core.model import RecordKind, SlotStatus
from casebook.resources import resource_path
from casebook.services.binder.session import unlock_binder
from casebook.services.demo import DEMO_PASSWORD, create_demo_binder
from casebook.services.imaging import records as imaging_records
from casebook.services.records import documents as records
from casebook.store.keyslots import KdfParams
from casebook.ui.shell.launch import READY_FILE_VARIABLE, READY_ON_OUTPUT


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
    assert pdf.slot is RecordKind.PATHOLOGY
    assert pdf.title == "Surgical pathology report (biopsy)"
    assert slots[RecordKind.PATHOLOGY].status is SlotStatus.RECEIVED
    assert slots[RecordKind.MOLECULAR].status is SlotStatus.REQUESTED
    assert slots[RecordKind.HISTORY].status is SlotStatus.MISSING
    [study] = studies
    assert study.image_count == len(list(resource_path("demo", "ct").glob("*.dcm"))) > 0


@pytest.mark.parametrize("language", ["en", "zh"])
def test_demo_binder_fills_every_page(tmp_path: Path, language: str) -> None:
    """Records, imaging with a key image, a timeline with two lines of therapy, questions, a
    consultation with notes, two opinions that differ and a decision: every page has
    something to show."""
    from casebook.core.opinions import Mark
    from casebook.services import consultations, timeline
    from casebook.services.opinions import opinions
    from casebook.services.questions import questions

    session, _ = create_demo_binder(tmp_path / "demo", KdfParams.minimum(), language=language)
    with session:
        state = timeline.load_timeline(session)
        assert sorted(state.line_numbers.values()) == [1, 2]
        assert state.decision_moment is not None
        asked = questions.list_questions(session)
        assert len(asked) >= 6  # bank, own words and follow-ups from the differences
        [held] = consultations.list_consultations(session)
        assert len(consultations.list_entries(session, held.id)) == 3
        compared = opinions.summary_comparison(session)
        assert compared is not None
        assert any(row.mark is Mark.DIFFER for row in compared.rows)
        assert len(opinions.last_compared_ids(session)) == 2  # the page opens on it
        [decision] = opinions.list_decisions(session)
        assert decision.current.goals
        assert len(decision.current.opinion_ids) == 2
        [study] = imaging_records.list_studies(session)
        [series] = imaging_records.list_series(session, study.id)
        keys = [i for i in imaging_records.list_instances(session, series.id) if i.is_key_image]
        assert len(keys) == 1
        case = records.load_case(session)
    assert case.patient_name == ("林梅（演示）" if language == "zh" else "Mei Lin (demo)")


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
def test_casebook_demo_makes_the_binder_and_shows_its_unlock_screen(tmp_path: Path) -> None:
    data_dir = tmp_path / "app-data"
    demo = data_dir / "demo-binder"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", READY_FILE_VARIABLE: READY_ON_OUTPUT}
    with subprocess.Popen(
        [sys.executable, "-m", "casebook", "--data-dir", str(data_dir), "--demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as app:
        # Once its event loop runs the app says which screen it shows, as a line of output; a
        # reader thread waits for that line (or the end of the output, if the app exits).
        output = app.stdout
        assert output is not None
        said: queue.Queue[str] = queue.Queue()
        reader = threading.Thread(target=lambda: said.put(output.readline()), daemon=True)
        reader.start()
        try:
            shown = said.get(timeout=120).strip()
        except queue.Empty:
            shown = "(nothing said in 120 s)"
        exit_code_when_ready = app.poll()
        app.terminate()
        _, stderr = app.communicate(timeout=30)
    assert shown == "unlock_page", stderr  # the demo binder, waiting for its password
    assert exit_code_when_ready is None, stderr  # it was still up, showing that screen
    assert "Traceback" not in stderr
    with unlock_binder(demo, DEMO_PASSWORD) as session:
        assert records.load_case(session).patient_name == "Mei Lin (demo)"
        assert len(records.list_documents(session)) == 3
        assert len(imaging_records.list_studies(session)) == 1


@pytest.mark.parametrize(("chosen", "expected"), [("zh_CN", "zh"), ("en", "en")])
def test_the_demo_is_written_in_the_language_the_app_will_show(
    tmp_path: Path, chosen: str, expected: str
) -> None:
    """`casebook --demo` with Chinese chosen in Preferences makes the Chinese demo (林梅), not
    an English patient inside a Chinese interface."""
    from casebook.app.main import demo_language

    settings = tmp_path / "data" / "settings.ini"
    settings.parent.mkdir()
    settings.write_text(f"[ui]\nlanguage={chosen}\n", encoding="utf-8")
    assert demo_language(settings) == expected
