"""Pages made over several turns of the event loop (issue 15): whole after `done`, at once
after `finish()`, and showing their data only once every part is there."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from casebook.services.binder.session import BinderSession
from casebook.ui.common.staged_build import StagedBuild
from casebook.ui.imaging.imaging_page import ImagingPage
from casebook.ui.overview.overview_page import OverviewPage

WAIT_MS = 30_000


def test_parts_run_one_per_turn_in_order_then_done(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    made: list[str] = []
    build = StagedBuild(owner, (lambda: made.append("a"), lambda: made.append("b")))
    after: list[list[str]] = []
    build.then(lambda: after.append(list(made)))
    assert made == []  # nothing in the constructor's turn
    with qtbot.waitSignal(build.done, timeout=WAIT_MS):
        pass
    assert made == ["a", "b"]
    assert after == [["a", "b"]]
    assert build.finished
    build.then(lambda: after.append(["now"]))  # once whole: at once
    assert after[-1] == ["now"]


def test_finish_makes_the_rest_at_once_and_only_once(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    made: list[str] = []
    build = StagedBuild(owner, (lambda: made.append("a"), lambda: made.append("b")))
    with qtbot.waitSignal(build.done, timeout=WAIT_MS):
        build.finish()
    assert made == ["a", "b"]
    assert build.finished
    build.finish()  # once whole: nothing more is made
    assert made == ["a", "b"]


def test_the_overview_is_whole_when_it_says_it_shows_the_case(
    qtbot: QtBot, session: BinderSession
) -> None:
    page = OverviewPage(session)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    assert page.overview is None  # not before every part shows it
    with qtbot.waitSignal(page.building.done, timeout=WAIT_MS):
        pass
    qtbot.waitUntil(lambda: page.overview is not None, timeout=WAIT_MS)
    assert page.name_label.text() == "Ada Example"
    assert page.moment_label.text()
    assert page.activity_label.text()
    assert page.slots_tree.model().rowCount() == 12
    assert page.daily_card.isVisible()


def test_the_imaging_page_shows_no_list_and_no_empty_words_before_its_read(
    qtbot: QtBot, session: BinderSession
) -> None:
    page = ImagingPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    assert not page.empty_label.isVisible()  # "No images yet" only once the read says so
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        pass
    assert page.building.finished
    assert page.empty_label.isVisible()
    assert not page.splitter.isVisible()
    assert page.selected_series() == []
