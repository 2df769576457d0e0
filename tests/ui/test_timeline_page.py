"""The Timeline page offscreen on a real binder: events made and edited in the dialog, a
suggestion accepted and another dismissed, the decision moment, printing to PDF, screenshots."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QRadioButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from casebook.core.decision_moment import DecisionMoment
from casebook.core.model import PartialDate
from casebook.core.timeline import EventKind, Link, LinkKind, Response
from casebook.services import timeline
from casebook.services.binder.session import BinderSession
from casebook.ui.common.labels import format_date_text
from casebook.ui.timeline.event_dialog import EventDialog
from casebook.ui.timeline.timeline_page import TimelinePage

from .screenshots import save_screenshot, screenshot_folder
from .timeline_samples import enter_story, import_records

P = PartialDate.parse


@pytest.fixture
def page(qtbot: QtBot, session: BinderSession, tmp_path: Path) -> Iterator[TimelinePage]:
    import_records(session, tmp_path)
    enter_story(session)
    widget = TimelinePage(session)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        pass
    yield widget
    widget.stop_work()


def _reload_after(qtbot: QtBot, page: TimelinePage, action: Callable[[], object]) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        action()


def _dialog(page: TimelinePage) -> EventDialog:
    assert page.event_dialog is not None
    return page.event_dialog


def test_page_shows_story_gaps_and_suggestions(page: TimelinePage) -> None:
    assert page.state is not None
    model = page.list_view.events_model
    assert model.rowCount() == 9
    first_date = format_date_text("2006-12")
    assert (model.index(0, 0).data(), model.index(0, 2).data()) == (
        first_date,
        "Cough and weight loss",
    )
    headings = [model.index(i, 2).data() for i in range(9)]
    assert "Line 1 · Carboplatin + pemetrexed" in headings
    assert "Line 2 · Docetaxel" in headings
    kinds = [(s.event.kind, s.event.start) for s in page.suggestions_panel.suggestions]
    assert kinds == [
        (EventKind.IMAGING, P("2007-04-04")),
        (EventKind.DIAGNOSIS, P("2007-05-12")),
        (EventKind.BIOPSY, P("2007-05-12")),
    ]
    gaps = " ".join(page.gaps_panel.texts)
    assert "The timeline has no diagnosis yet." in gaps
    line_2 = f"Line 2 · Docetaxel ({format_date_text('2008-03-03')})"
    assert f"{line_2}: how the illness responded is not noted." in gaps


def test_accepting_a_suggestion_adds_it_with_its_link(qtbot: QtBot, page: TimelinePage) -> None:
    card_buttons = page.suggestions_panel.findChildren(QPushButton, "accept_suggestion_button")
    card_buttons[0].click()  # the CT study of 2007-04-04
    dialog = _dialog(page)
    assert dialog.title_edit.text().startswith("CT")
    assert dialog.start_edit.value() == P("2007-04-04")
    with (
        qtbot.waitSignal(page.saved, timeout=10_000),
        qtbot.waitSignal(page.loaded, timeout=10_000),
    ):
        dialog.accept()
    assert page.state is not None
    studies = page.state.studies
    imaging = [e for e in page.state.events if e.start == P("2007-04-04")]
    assert imaging[0].links == {Link(LinkKind.IMAGING_STUDY, studies[0].id)}
    assert [s.event.kind for s in page.state.suggestions] == [EventKind.DIAGNOSIS, EventKind.BIOPSY]
    assert page.list_view.events_model.rowCount() == 10


def test_dismissing_a_suggestion_is_remembered(
    qtbot: QtBot, page: TimelinePage, session: BinderSession
) -> None:
    buttons = page.suggestions_panel.findChildren(QPushButton, "dismiss_suggestion_button")
    _reload_after(qtbot, page, buttons[2].click)  # the biopsy
    assert len(page.suggestions_panel.suggestions) == 2
    assert len(timeline.load_timeline(session).suggestions) == 2


def test_creating_and_editing_a_line_of_therapy(
    qtbot: QtBot, page: TimelinePage, session: BinderSession
) -> None:
    page.add_event()
    dialog = _dialog(page)
    dialog.kind_combo.setCurrentIndex(list(EventKind).index(EventKind.SYSTEMIC_THERAPY))
    assert dialog.therapy_box.isVisibleTo(dialog)
    assert dialog.cycles_spin.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.title_edit, "Osimertinib")
    dialog.start_edit.set_value(P("2008-09"))
    qtbot.keyClicks(dialog.regimen_edit, "osimertinib 80 mg daily")
    dialog.links_list.item(0).setCheckState(Qt.CheckState.Checked)
    _reload_after(qtbot, page, dialog.accept)
    stored = [e for e in timeline.load_timeline(session).events if e.title == "Osimertinib"]
    (line,) = stored
    assert line.kind is EventKind.SYSTEMIC_THERAPY
    assert line.therapy.regimen == "osimertinib 80 mg daily"
    assert line.links  # the first linkable record
    assert page.state is not None
    assert page.state.line_numbers[line.id] == 3

    page.edit_event(line.id)
    dialog = _dialog(page)
    assert dialog.regimen_edit.text() == "osimertinib 80 mg daily"
    dialog.response_combo.setCurrentIndex(list(Response).index(Response.STABLE))
    dialog.end_edit.set_value(P("2009-01"))
    _reload_after(qtbot, page, dialog.accept)
    edited = next(e for e in timeline.load_timeline(session).events if e.id == line.id)
    assert (edited.therapy.response, edited.end) == (Response.STABLE, P("2009-01"))


def test_the_dialog_refuses_an_end_before_the_start(page: TimelinePage) -> None:
    page.add_event()
    dialog = _dialog(page)
    dialog.start_edit.set_value(P("2008-09"))
    dialog.end_edit.set_value(P("2008-08"))
    dialog.findChild(QPushButton, "primary_button").click()
    assert dialog.isVisible()
    assert "before the start" in dialog.error_bar.text()
    dialog.reject()


def test_choosing_the_decision_moment_stores_it(
    qtbot: QtBot, page: TimelinePage, session: BinderSession
) -> None:
    button = page.moment_box.findChild(QRadioButton, "moment_relapse_progression")
    _reload_after(qtbot, page, button.click)
    assert timeline.load_decision_moment(session) is DecisionMoment.RELAPSE_PROGRESSION
    assert (
        "Previous treatment" in page.moment_box.forward_label.text()
        or page.moment_box.forward_label.text()
    )


def test_zoom_changes_the_scale_and_fit_restores_it(page: TimelinePage) -> None:
    view = page.chart_view
    fitted, fitted_width = view.day_width, view.canvas.width()
    page.zoom_in_button.click()
    page.zoom_in_button.click()
    assert view.day_width == pytest.approx(fitted * 2.25)
    assert view.canvas.width() > fitted_width
    assert page.fit_button.isEnabled()
    page.fit_button.click()
    assert (view.day_width, view.canvas.width()) == (fitted, fitted_width)


def test_print_to_pdf(
    qtbot: QtBot, page: TimelinePage, tmp_path: Path, require_tool: Callable[..., Path]
) -> None:
    pdftotext = require_tool("pdftotext")
    target = tmp_path / "timeline.pdf"
    with qtbot.waitSignal(page.pdf.saved, timeout=20_000):
        page.pdf.save("en", target)
    text = subprocess.run(
        [str(pdftotext), "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (
        "Timeline",
        "Treatments",
        "Line 1 · Carboplatin + pemetrexed",
        "Docetaxel",
        "2007",
    ):
        assert expected in text, expected
    assert "stopped: Side effects" in text


def test_screenshots(qtbot: QtBot, page: TimelinePage, tmp_path: Path) -> None:
    folder = screenshot_folder(tmp_path)
    page.moment_box.buttons[DecisionMoment.RELAPSE_PROGRESSION].setChecked(True)
    qtbot.waitSignal(page.loaded, timeout=10_000).wait()
    save_screenshot(qtbot, page, folder, "timeline")
    page.tabs.setCurrentWidget(page.list_view)
    save_screenshot(qtbot, page, folder, "timeline_list")
    page.edit_event(page.state.events[2].id if page.state else 0)
    dialog = _dialog(page)
    save_screenshot(qtbot, dialog, folder, "timeline_event_dialog")
    dialog.reject()


def test_the_list_is_a_model_and_enter_opens_the_chosen_event(
    qtbot: QtBot, page: TimelinePage, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(page.list_view.events_model, force_py=True)
    page.tabs.setCurrentWidget(page.list_view)
    page.list_view.setFocus()
    page.list_view.select_row(2)
    assert page.state is not None
    chosen = page.state.events[2]
    assert page.list_view.selected_event_id() == chosen.id
    assert page.edit_button.isEnabled()
    qtbot.keyClick(page.list_view, Qt.Key.Key_Return)
    dialog = _dialog(page)
    assert dialog.title_edit.text() == chosen.title
    dialog.reject()
