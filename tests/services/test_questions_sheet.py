"""The printed "questions to bring" sheet and the consultation summary, judged by poppler."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from casebook.core.consultations import Consultation, NoteTag
from casebook.core.questions import Priority
from casebook.services import consultations
from casebook.services.binder.session import BinderSession
from casebook.services.questions import questions
from casebook.services.questions.sheet import (
    SheetQuestion,
    build_consultation_summary,
    build_question_sheet,
    render_question_sheet,
)

Tool = Callable[..., Path]


def pdf_text(tool: Tool, pdf: Path) -> str:
    result = subprocess.run(
        [str(tool("pdftotext")), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def assert_fonts_embedded(tool: Tool, pdf: Path) -> None:
    result = subprocess.run(
        [str(tool("pdffonts")), str(pdf)], capture_output=True, text=True, check=True
    )
    rows = result.stdout.splitlines()[2:]
    assert rows, result.stdout
    for row in rows:
        assert row.split()[-5] == "yes", f"font not embedded: {row}"


def page_count(tool: Tool, pdf: Path) -> int:
    result = subprocess.run(
        [str(tool("pdfinfo")), str(pdf)], capture_output=True, text=True, check=True
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


@pytest.fixture
def listed(session: BinderSession) -> int:
    questions.add_from_bank(session, "diagnosis_confirmed", "en", Priority.MUST_ASK)
    questions.add_from_bank(session, "clinical_trials", "en")
    questions.add_own_question(session, "Can she travel to see her grandson in May?")
    return consultations.create_consultation(
        session, Consultation(0, "Oncology", "2025-03-02", "Dr Li", "City Hospital")
    )


@pytest.mark.parametrize("language", ["en", "zh", "en+zh"])
def test_sheet_is_one_page_with_embedded_fonts(
    session: BinderSession, listed: int, language: str, tmp_path: Path, require_tool: Tool
) -> None:
    result = build_question_sheet(session, language, listed)
    assert (result.printed, result.left_out) == (3, 0)
    pdf = tmp_path / f"sheet-{language}.pdf"
    pdf.write_bytes(result.pdf)
    assert page_count(require_tool, pdf) == 1
    assert_fonts_embedded(require_tool, pdf)
    text = pdf_text(require_tool, pdf)
    assert "Can she travel to see her grandson in May?" in text
    assert "Dr Li" in text
    if language in ("en", "en+zh"):
        assert "Questions to bring" in text
        assert "Are there clinical trials" in text
    if language in ("zh", "en+zh"):
        assert "就诊时要问的问题" in text
        assert "诊断是否已经确认" in text
    if language == "zh":
        assert "Are there clinical trials" not in text


def test_sheet_says_how_many_did_not_fit(tmp_path: Path, require_tool: Tool) -> None:
    many = [SheetQuestion({"en": f"Question number {i} about the plan?"}) for i in range(40)]
    result = render_question_sheet(many, "en")
    assert 5 <= result.printed < 40
    assert result.left_out == 40 - result.printed
    pdf = tmp_path / "many.pdf"
    pdf.write_bytes(result.pdf)
    assert page_count(require_tool, pdf) == 1
    text = " ".join(pdf_text(require_tool, pdf).split())
    assert f"for lack of room: {result.left_out} (they are in Casebook)" in text


def test_summary_pdf_lists_answers_decisions_and_new_questions(
    session: BinderSession, listed: int, tmp_path: Path, require_tool: Tool
) -> None:
    first = consultations.listed_questions(session, listed)[0].question.id
    consultations.record_answer(session, listed, first, "Mei", "Yes, the biopsy confirmed it.")
    draft = consultations.EntryDraft(listed, "Tom", tags=(NoteTag.DECISION,))
    draft.save(session, "Start chemotherapy next week.")
    consultations.raise_new_question(session, listed, "Tom", "Do we need a port?")
    pdf = tmp_path / "summary.pdf"
    pdf.write_bytes(build_consultation_summary(session, listed, "en+zh"))
    assert_fonts_embedded(require_tool, pdf)
    text = " ".join(pdf_text(require_tool, pdf).split())
    assert "Yes, the biopsy confirmed it." in text
    assert "answered by Dr Li, 2025-03-02" in text
    assert "Start chemotherapy next week. — Tom" in text
    assert "Do we need a port?" in text
    assert "决定" in text
