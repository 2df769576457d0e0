"""The case at a glance (the summary's first page, printed on its own with the week-to-week
rows) and the diary print, with the demo binder: one page in each language, fonts embedded,
the facts on it read back by poppler, rendered to PNG by pdftoppm."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from casebook.bundle.plan import Recipient
from casebook.core.appointments import Appointment, AppointmentKind
from casebook.core.contacts import Contact, ContactKind
from casebook.core.medicines import Allergy, MedicineDetails
from casebook.services import contacts
from casebook.services.appointments import appointments
from casebook.services.binder.session import BinderSession
from casebook.services.demo import create_demo_binder
from casebook.services.diary.printing import build_diary_sheet
from casebook.services.export.glance_print import glance_pdf, standalone_glance
from casebook.services.export.sealing import ExportRequest, plan_export
from casebook.services.medicines import medicines
from casebook.services.medicines.printing import build_medicine_sheet
from casebook.services.records import documents as records
from casebook.store.keyslots import KdfParams

from .test_questions_sheet import assert_fonts_embedded, page_count

Tool = Callable[..., Path]
LANGUAGES = ("en", "zh", "en+zh")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BinderSession]:
    folder = tmp_path_factory.mktemp("demo") / "demo binder"
    session, _password = create_demo_binder(folder, KdfParams.minimum())
    yield session
    session.close()


def page_text(tool: Tool, pdf: Path, page: int) -> str:
    """The words of one page, as poppler reads them (spaces normalised)."""
    result = subprocess.run(
        [str(tool("pdftotext")), "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return " ".join(result.stdout.split())


def _render(require_tool: Tool, pdf: Path) -> None:
    """pdftoppm's PNG of each page (kept in docs/ when CASEBOOK_SCREENSHOTS_DIR is set)."""
    out = Path(os.environ.get("CASEBOOK_SCREENSHOTS_DIR", pdf.parent))
    out.mkdir(parents=True, exist_ok=True)
    for page in range(1, page_count(require_tool, pdf) + 1):
        suffix = "" if page == 1 else f"_{page}"
        stem = out / f"{pdf.stem}{suffix}"
        subprocess.run(
            [str(require_tool("pdftoppm")), "-r", "70", "-png", "-singlefile", "-f", str(page),
             "-l", str(page), str(pdf), str(stem)],
            check=True,
        )  # fmt: skip
        assert stem.with_suffix(".png").stat().st_size > 10_000


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_case_at_a_glance_is_one_page_in_each_language_with_the_demo_binder(
    demo: BinderSession, tmp_path: Path, require_tool: Tool, language: str
) -> None:
    codes = language.split("+")
    pdf = tmp_path / f"glance_{language.replace('+', '_')}.pdf"
    pdf.write_bytes(glance_pdf(demo, language, datetime.now()))
    assert page_count(require_tool, pdf) == len(codes)  # one page per language
    assert_fonts_embedded(require_tool, pdf)
    for page, code in enumerate(codes, start=1):
        text = page_text(require_tool, pdf, page)
        for fact in ("Mei Lin (demo)", "1961-03-14", "Penicillin", "Iodine contrast dye (CT)",
                     "Results talk with Dr. Placeholder", "Dr. C. Placeholder", "+1 555 0100",
                     "1500 mg", "every 4 weeks", "Durvalumab maintenance"):  # fmt: skip
            assert fact in text, (code, fact)
        assert "Pemetrexed 500" not in text  # stopped: not among the current medicines
        assert "Enclosed" not in text  # printed on its own, not in a bundle
        if code == "en":
            assert "Allergies and serious" in text  # the label wraps in its column
            assert "Durvalumab (Imfinzi) — 1500 mg, every 4 weeks, into a vein (drip)" in text
        else:
            assert "过敏和严重不良反应" in text
            assert "度伐利尤单抗 (Imfinzi) — 1500 mg" in text
            assert "静脉输注" in text
            assert "Allergies and serious reactions" not in text
    _render(require_tool, pdf)


def test_a_crowded_case_still_fits_one_page(
    session: BinderSession, tmp_path: Path, require_tool: Tool
) -> None:
    case = records.load_case(session)
    case.diagnosis_summary = "Adenocarcinoma, stage and markers as the report says. " * 30
    records.save_case(session, case)
    for index in range(40):
        medicines.add_medicine(
            session, MedicineDetails(generic_name=f"Medicine {index}", dose="10 mg",
                                     frequency="twice a day, after meals")
        )  # fmt: skip
    for index in range(12):
        medicines.save_allergy(session, Allergy(f"Substance {index}", reaction="hives " * 20))
        contacts.save_contact(
            session,
            Contact(ContactKind.DOCTOR, f"Dr. Number {index}", "Hospital", key_contact=True),
        )
    for language in LANGUAGES:
        pdf = tmp_path / f"crowded-{language}.pdf"
        pdf.write_bytes(glance_pdf(session, language, datetime(2026, 12, 2, 9, 0)))
        assert page_count(require_tool, pdf) == len(language.split("+")), language
        text = page_text(require_tool, pdf, 1)
        assert "Medicine 0" in text
        assert "Substance 0" in text


def test_the_glance_facts_are_read_from_the_binder(demo: BinderSession) -> None:
    glance = standalone_glance(demo, datetime.now())
    assert not glance.in_bundle
    care = glance.care
    assert [m.name_en for m in care.medicines] == ["Amlodipine", "Durvalumab", "Ondansetron"]
    assert next(m for m in care.medicines if m.name_en == "Durvalumab").name_zh == "度伐利尤单抗"
    # The family marked two key contacts; the page shows those.
    assert [c.label.split(" (")[0] for c in care.key_contacts] == [
        "Dr. C. Placeholder", "Nurse D. Imaginary",
    ]  # fmt: skip
    assert care.next_appointment is not None
    assert care.next_appointment.title == "Results talk with Dr. Placeholder"
    assert [a.substance for a in care.allergies] == ["Iodine contrast dye (CT)", "Penicillin"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_diary_prints_on_one_page_for_the_next_consultation(
    demo: BinderSession, tmp_path: Path, require_tool: Tool, language: str
) -> None:
    pdf = tmp_path / f"diary_{language.replace('+', '_')}.pdf"
    pdf.write_bytes(build_diary_sheet(demo, language, date.today(), 28))
    assert page_count(require_tool, pdf) == 1
    assert_fonts_embedded(require_tool, pdf)
    text = page_text(require_tool, pdf, 1)
    assert "Durvalumab maintenance" in text  # the treatment's bar, from the timeline
    assert "Itchy skin on the arms" in text  # the family's own words, as written
    assert (date.today() - timedelta(days=27)).isoformat() in text
    if language == "zh":
        assert "乏力" in text
        assert "症状和副作用记录" in text
        assert "Tiredness" not in text
    else:
        assert "Tiredness" in text
    _render(require_tool, pdf)


def test_a_deidentified_bundle_keeps_medicines_but_not_the_familys_doctors_or_next_visit(
    session: BinderSession,
) -> None:
    today = date(2026, 11, 22)
    doctor = contacts.save_contact(
        session,
        Contact(ContactKind.DOCTOR, "Dr. Traceable Wong", "City Hospital", key_contact=True),
    )
    medicines.add_medicine(session, MedicineDetails(generic_name="Osimertinib", dose="80 mg"))
    medicines.save_allergy(session, Allergy("Penicillin", reaction="rash"))
    appointments.save_appointment(
        session,
        Appointment(AppointmentKind.CONSULTATION, "Results talk", today + timedelta(days=5),
                    contact_id=doctor),
    )  # fmt: skip
    sender = Recipient("Dr Lee (a friend)", country="Canada")
    named = plan_export(session, ExportRequest(sender), today).summary.glance.care
    assert [c.label.split(" (")[0] for c in named.key_contacts] == ["Dr. Traceable Wong"]
    assert named.next_appointment is not None
    hidden = plan_export(session, ExportRequest(sender, profile_id="deidentified"), today)
    care = hidden.summary.glance.care
    assert [m.name_en for m in care.medicines] == ["Osimertinib"]
    assert [a.substance for a in care.allergies] == ["Penicillin"]
    assert care.key_contacts == ()
    assert care.next_appointment is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_medicine_list_prints_on_one_page(
    demo: BinderSession, tmp_path: Path, require_tool: Tool, language: str
) -> None:
    pdf = tmp_path / f"medicines_{language.replace('+', '_')}.pdf"
    sheet = build_medicine_sheet(demo, language, date(2026, 12, 2))
    pdf.write_bytes(sheet.pdf)
    assert page_count(require_tool, pdf) == 1
    assert (sheet.printed, sheet.left_out) == (3, 0)
    text = page_text(require_tool, pdf, 1)
    assert "Pemetrexed" not in text  # stopped: not on the current list
    if language == "en+zh":
        assert "Durvalumab 度伐利尤单抗 (Imfinzi)" in text  # both languages side by side
    if "zh" in language:
        assert "用途" in text  # what the medicine is for
        assert "收件方" not in text  # not the bundle's "For" (its recipient)
    _render(require_tool, pdf)
