"""The medicine list: history kept, stopping dated, the "Current medicines" record derived from
it, suggestions from a real bilingual discharge summary, and the list printed on one page."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlcipher3.dbapi2 import DatabaseError

from casebook.core.changes import Changed
from casebook.core.errors import InvalidInput
from casebook.core.medicines import (
    Allergy,
    MedicineDetails,
    Route,
    Severity,
    StopReason,
)
from casebook.core.model import PartialDate, RecordKind, SlotStatus
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession
from casebook.services.medicines import medicines
from casebook.services.medicines.printing import build_medicine_sheet
from casebook.services.medicines.suggestions import dismiss_suggestion, medicine_suggestions
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths

from .discharge_summary import write_discharge_summary
from .test_questions_sheet import assert_fonts_embedded, page_count, pdf_text

Tool = Callable[..., Path]

OSIMERTINIB = MedicineDetails(
    brand_name="Tagrisso", generic_name="Osimertinib", dose="80 mg", frequency="once a day",
    route=Route.BY_MOUTH, started_on=PartialDate(2026, 10, 14), purpose="lung cancer",
)  # fmt: skip


def _slot(session: BinderSession, kind: RecordKind) -> SlotStatus:
    return next(s for s in records.list_slots(session) if s.kind is kind).status


def test_a_change_is_a_new_version_and_stopping_is_dated(session: BinderSession) -> None:
    medicine_id = medicines.add_medicine(session, OSIMERTINIB)
    changed = medicines.change_medicine(
        session, medicine_id, MedicineDetails(**{**OSIMERTINIB.__dict__, "dose": "40 mg"})
    )
    assert changed
    # Saving what is already there adds nothing.
    assert not medicines.change_medicine(
        session, medicine_id, MedicineDetails(**{**OSIMERTINIB.__dict__, "dose": "40 mg"})
    )
    medicines.stop_medicine(
        session, medicine_id, PartialDate(2026, 11, 20), StopReason.SIDE_EFFECTS, "rash"
    )
    medicine = medicines.get_medicine(session, medicine_id)
    assert medicine is not None
    assert [v.version for v in medicine.history] == [1, 2, 3]
    assert [v.details.dose for v in medicine.history] == ["80 mg", "40 mg", "40 mg"]
    assert medicine.history[0].details.stopped_on is None
    assert medicine.current.stopped_on == PartialDate(2026, 11, 20)
    assert medicine.current.stop_reason is StopReason.SIDE_EFFECTS
    assert medicine.current.stop_note == "rash"
    assert not medicine.is_current
    assert medicine.lexicon_key == "osimertinib"  # matched from the name typed


def test_history_cannot_be_rewritten_in_the_binder(session: BinderSession) -> None:
    medicine_id = medicines.add_medicine(session, OSIMERTINIB)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        session.writing(Changed.MEDICINES) as db,
    ):
        db.execute(
            "UPDATE medicine_versions SET dose = '800 mg' WHERE medicine_id = ?", [medicine_id]
        )
    medicine = medicines.get_medicine(session, medicine_id)
    assert medicine is not None
    assert medicine.current.dose == "80 mg"


@pytest.mark.parametrize(
    ("details", "field"),
    [
        (MedicineDetails(dose="5 mg"), "name"),
        (MedicineDetails(generic_name="X", stop_reason=StopReason.FINISHED), "stopped_on"),
        (
            MedicineDetails(
                generic_name="X",
                started_on=PartialDate(2026, 5),
                stopped_on=PartialDate(2026, 4, 30),
                stop_reason=StopReason.FINISHED,
            ),
            "stopped_on",
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    session: BinderSession, details: MedicineDetails, field: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        medicines.add_medicine(session, details)
    assert refused.value.field_name == field
    assert medicines.list_medicines(session) == []


def test_current_medicines_count_as_received_and_writes_say_so(session: BinderSession) -> None:
    assert _slot(session, RecordKind.MEDICATIONS) is SlotStatus.MISSING
    with session.collecting_changes() as collected:
        medicine_id = medicines.add_medicine(session, OSIMERTINIB)
    assert collected.changes.touches(Changed.MEDICINES, Changed.SLOTS)
    assert collected.changes.ids_of(Changed.SLOTS) == {RecordKind.MEDICATIONS.value}
    assert _slot(session, RecordKind.MEDICATIONS) is SlotStatus.RECEIVED
    slot = next(s for s in records.list_slots(session) if s.kind is RecordKind.MEDICATIONS)
    assert (slot.listed_count, slot.file_count) == (1, 0)
    medicines.stop_medicine(session, medicine_id, PartialDate(2026, 11), StopReason.FINISHED)
    # Only a stopped medicine left: the record is missing again (nothing was stored).
    assert _slot(session, RecordKind.MEDICATIONS) is SlotStatus.MISSING
    medicines.add_medicine(session, MedicineDetails(generic_name="Amlodipine", dose="5 mg"))
    assert _slot(session, RecordKind.MEDICATIONS) is SlotStatus.RECEIVED


def test_allergies_are_kept_beside_the_list(session: BinderSession) -> None:
    allergy_id = medicines.save_allergy(
        session, Allergy("Penicillin", reaction="rash", severity=Severity.MODERATE)
    )
    with pytest.raises(InvalidInput):
        medicines.save_allergy(session, Allergy("  "))
    medicines.save_allergy(
        session, Allergy("Penicillin", reaction="rash and swelling", id=allergy_id)
    )
    [allergy] = medicines.list_allergies(session)
    assert (allergy.substance, allergy.reaction) == ("Penicillin", "rash and swelling")
    medicines.delete_allergy(session, allergy_id)
    assert medicines.list_allergies(session) == []


def test_suggestions_from_a_bilingual_discharge_summary(
    session: BinderSession, tmp_path: Path
) -> None:
    pdf = write_discharge_summary(tmp_path / "出院小结 discharge.pdf")
    summary = import_paths(session, [pdf], None, ignore_progress, NEVER_CANCELLED)
    [document] = summary.added
    found = {s.key: s for s in medicine_suggestions(session)}
    assert set(found) == {
        "osimertinib", "dexamethasone", "ondansetron", "pantoprazole",
        "low_molecular_weight_heparin",
    }  # fmt: skip
    osimertinib = found["osimertinib"].details()
    assert (osimertinib.generic_name, osimertinib.brand_name) == ("Osimertinib", "Tagrisso")
    assert (osimertinib.dose, osimertinib.frequency) == ("80 mg", "once daily")
    assert osimertinib.route is Route.BY_MOUTH
    steroid = found["dexamethasone"].details()
    assert (steroid.generic_name, steroid.dose, steroid.frequency) == (
        "地塞米松",
        "4mg",
        "每日两次",
    )
    heparin = found["low_molecular_weight_heparin"].details()
    assert (heparin.dose, heparin.route) == ("4000IU", Route.UNDER_THE_SKIN)
    assert found["ondansetron"].details().frequency == "every 8 hours"
    assert all(s.document_id == document.id for s in found.values())

    # Confirming one puts it on the list (with where it came from); it is not offered again.
    medicine_id = medicines.add_medicine(
        session, osimertinib, "osimertinib", found["osimertinib"].document_id
    )
    stored = medicines.get_medicine(session, medicine_id)
    assert stored is not None
    assert stored.source_document_id == document.id
    # Dismissing one means no for that document.
    dismiss_suggestion(session, found["pantoprazole"])
    left = {s.key for s in medicine_suggestions(session)}
    assert left == {"dexamethasone", "ondansetron", "low_molecular_weight_heparin"}

    # A later document naming the dismissed medicine brings it back, from that document.
    later = write_discharge_summary(
        tmp_path / "second discharge.pdf", ("1. Pantoprazole 20 mg by mouth once daily",)
    )
    [second] = import_paths(session, [later], None, ignore_progress, NEVER_CANCELLED).added
    back = {s.key: s for s in medicine_suggestions(session)}
    assert set(back["pantoprazole"].document_ids) == {second.id, document.id}
    assert back["pantoprazole"].document_id == second.id  # the newest document says it
    assert back["pantoprazole"].details().dose == "20 mg"


def test_a_medicine_already_listed_by_name_is_not_suggested(
    session: BinderSession, tmp_path: Path
) -> None:
    medicines.add_medicine(session, MedicineDetails(generic_name="奥希替尼", dose="80mg"))
    import_paths(
        session, [write_discharge_summary(tmp_path / "d.pdf")], None, ignore_progress,
        NEVER_CANCELLED,
    )  # fmt: skip
    assert "osimertinib" not in {s.key for s in medicine_suggestions(session)}


@pytest.mark.parametrize("language", ["en", "zh", "en+zh"])
def test_the_current_list_prints_on_one_page(
    session: BinderSession, tmp_path: Path, require_tool: Tool, language: str
) -> None:
    medicines.save_allergy(session, Allergy("Penicillin", reaction="rash"))
    medicines.add_medicine(session, OSIMERTINIB)
    stopped = medicines.add_medicine(session, MedicineDetails(generic_name="Ibuprofen"))
    medicines.stop_medicine(session, stopped, PartialDate(2026, 9), StopReason.SIDE_EFFECTS)
    for index in range(30):  # more than fit at the largest type
        medicines.add_medicine(
            session, MedicineDetails(generic_name=f"Test medicine {index}", dose="1 mg")
        )
    sheet = build_medicine_sheet(session, language, date(2026, 12, 2))
    pdf = tmp_path / f"medicines-{language}.pdf"
    pdf.write_bytes(sheet.pdf)
    assert page_count(require_tool, pdf) == 1
    assert_fonts_embedded(require_tool, pdf)
    text = pdf_text(require_tool, pdf)
    assert "Penicillin" in text
    assert "Ibuprofen" not in text  # stopped: not current
    assert sheet.printed + sheet.left_out == 31
    if language == "en":
        assert "Current medicines" in text
        assert "Osimertinib (Tagrisso)" in text
        assert "does not check doses or interactions" in text
    if language == "zh":
        assert "目前用药" in text
        assert "奥希替尼" in text
        assert "Current medicines" not in text
        assert "不核对剂量或药物相互作用" in text
    if language == "en+zh":
        assert "Osimertinib 奥希替尼 (Tagrisso)" in text
    if sheet.left_out:
        assert str(sheet.left_out) in text
    png = tmp_path / f"medicines-{language}"
    subprocess.run(
        [str(require_tool("pdftoppm")), "-r", "40", "-png", str(pdf), str(png)], check=True
    )
    assert (tmp_path / f"medicines-{language}-1.png").stat().st_size > 0
