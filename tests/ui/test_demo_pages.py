"""Every page of the demo binder shows what it is for: a person trying Casebook opens each page
(and each tab) and finds it filled — the Chinese demo in the Chinese interface, down to the
comparison of two opinions, the decision with the patient's goals and the letter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casebook.services.demo import create_demo_binder
from casebook.ui.common.language import CHINESE, apply_language
from casebook.ui.opinions.opinions_page import OpinionsPage
from casebook.ui.overview.daily_card import DailyCard
from casebook.ui.questions.questions_page import QuestionsPage
from casebook.ui.questions.second_opinion_panel import SecondOpinionPanel
from casebook.ui.shell.main_window import MainWindow

from .test_translations import catalogue_folder, restore_language, tool  # noqa: F401

WAIT = 8_000
# Pages whose content is not a list or a text: the Overview's cards and the export wizard's
# first step (a choice of recipient, the same for every binder).
NOT_LISTS = {"overview_page", "export_page"}


def _filled(root: QWidget) -> bool:
    """A visible list, table or tree with rows, or a visible text with words in it."""
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount(QModelIndex()) > 0:
            return True
    for text in root.findChildren(QTextEdit) + root.findChildren(QPlainTextEdit):
        if text.isVisible() and text.toPlainText().strip():
            return True
    chart = getattr(root, "chart_view", None)  # the timeline's picture of the illness
    data = getattr(root, "chart", None)
    return bool(chart is not None and chart.isVisible() and data is not None and data.items)


def _pages(window: MainWindow) -> list[tuple[str, QWidget]]:
    workspace = window.workspace
    assert workspace is not None
    return [
        (workspace.pages.widget(row).objectName(), workspace.pages.widget(row))
        for row in range(workspace.navigation.count())
    ]


@pytest.mark.usefixtures("restore_language")
def test_every_page_and_tab_of_the_chinese_demo_has_content(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    catalogue_folder: Path,  # noqa: F811
) -> None:
    folder = tmp_path / "demo binder"
    session, password = create_demo_binder(folder, language="zh")
    session.close()
    apply_language(CHINESE, casebook_folder=catalogue_folder, app=qapp)
    window = MainWindow(open_folder=folder, demo_password=password)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.unlock_page is not None
    window.unlock_page.password_edit.setText(password)
    with qtbot.waitSignal(window.binder_opened, timeout=WAIT):
        window.unlock_page.unlock_button.click()
    workspace = window.workspace
    assert workspace is not None
    empty = []
    for row in range(workspace.navigation.count()):
        workspace.navigation.setCurrentRow(row)
        page = workspace.pages.currentWidget()
        name = page.objectName()
        tabs = [t for t in page.findChildren(QTabWidget) if t.isVisible()]
        places = [(tabs[0], i) for i in range(tabs[0].count())] if tabs else [(None, 0)]
        for tab_widget, index in places:
            if tab_widget is not None:
                tab_widget.setCurrentIndex(index)
            where = f"{name} ▸ {tab_widget.tabText(index)}" if tab_widget else name
            if name in NOT_LISTS:
                continue
            try:
                qtbot.waitUntil(lambda: _filled(workspace.pages.currentWidget()), timeout=WAIT)
            except qtbot.TimeoutError:
                empty.append(where)
    assert empty == [], "demo pages with nothing in them: " + ", ".join(empty)

    opinions = workspace.findChild(OpinionsPage)
    assert opinions is not None
    comparison = opinions.comparison_view.comparison
    assert comparison is not None  # the page opens on the family's comparison
    assert len(comparison.opinions) == 2
    log = opinions.decision_panel.model
    decision = log.index(0, 0)
    rows = {
        log.index(i, 0, decision).data(): log.index(i, 1, decision).data()
        for i in range(log.rowCount(decision))
    }
    assert "林梅希望每周还能照看孙女两天" in rows["患者自己最看重什么"]
    letters = workspace.findChild(SecondOpinionPanel)
    assert letters is not None
    assert letters.letter_edit.toPlainText().startswith("[姓名]医生您好")
    assert "林梅（演示）" in letters.letter_edit.toPlainText()
    questions = workspace.findChild(QuestionsPage)
    assert questions is not None
    assert questions.sheet_language.currentData() == "zh"  # printed in the family's language
    card = workspace.findChild(DailyCard)
    assert card is not None
    medicines = card.medicines_label.text()
    assert "、" in medicines  # a Chinese list, not "氨氯地平 (Norvasc), 度伐利尤单抗"
    assert ", " not in medicines
    window.lock()
