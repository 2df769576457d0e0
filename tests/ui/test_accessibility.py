"""Every control on every screen has a name a screen reader can say and can take keyboard focus.

The walk opens the demo binder in the real main window, shows the welcome and unlock screens,
selects every section in the navigation list, and opens the dialogs reachable without a file
chooser. On each it checks every visible interactive widget:

- a non-empty accessible name: its own accessibleName, or, for a button, its visible text, or
  the text of a QLabel whose buddy it is;
- keyboard focus: its focus policy is not NoFocus, unless it is one of the exclusions below.

Exclusions, each explained where it is made: parts Qt builds inside a composite control (the
line edit of a combo or spin box, tab-bar scroll buttons, table and tree headers) are judged
through the control itself (`_is_qt_internal`); toolbar buttons stay out of the Tab chain, as Qt
intends, because their actions are in the menus with shortcuts (`_focus_excluded`).

Also here: the keyboard reaches every section (arrow keys, Alt+number, Tab into the page),
buttons are large targets, text follows the system font size, and the dark scheme (rendered to
docs/screenshots/dark_*.png when CASEBOOK_SCREENSHOTS_DIR is set).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollBar,
    QSlider,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casebook.services.demo import create_demo_binder
from casebook.store.keyslots import KdfParams
from casebook.ui.binder.recovery_code_dialog import RecoveryCodeDialog
from casebook.ui.common.look import (
    DARK,
    MIN_TARGET_HEIGHT,
    apply_look,
    base_point_size,
    colours_for,
)
from casebook.ui.common.tasks import running_task_count
from casebook.ui.shell.crash_dialog import CrashDialog
from casebook.ui.shell.main_window import MainWindow

from .screen_fit import settle
from .screenshots import save_screenshot, screenshot_folder

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QSlider,
)


def _plain(text: str) -> str:
    """Visible text as a screen reader says it: without the '&' of a mnemonic."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _is_qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside a composite control; the control itself carries the name.

    - the line edit inside an editable combo box or a spin box;
    - the scroll buttons of a tab bar and the buttons of a scroll bar;
    - the header of a table or tree: a screen reader reads the column titles through the view
      itself, and Qt keeps headers out of the Tab chain (the view's own keys move the columns).
    """
    if isinstance(widget, QHeaderView):
        return True
    parent = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(parent, (QComboBox, QAbstractSpinBox)):
        return True
    return isinstance(parent, (QTabBar, QScrollBar))


def _focus_excluded(widget: QWidget) -> bool:
    """Controls deliberately left out of the Tab chain, each with its keyboard alternative.

    - Buttons on a QToolBar: Qt keeps toolbar buttons out of the Tab chain on purpose (Tab should
      move between the content, not the chrome); each toolbar action is also in a menu or has a
      shortcut (Lock: Ctrl+L and File ▸ Lock binder).
    """
    parent = widget.parentWidget()
    return isinstance(widget, QAbstractButton) and isinstance(parent, QToolBar)


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader would announce for `widget`, by the rules of this test."""
    own = widget.accessibleName().strip()
    if own:
        return own
    if isinstance(widget, QAbstractButton) and _plain(widget.text()):
        return _plain(widget.text())
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget and _plain(label.text()):
            return _plain(label.text())
    return ""


def _describe(widget: QWidget) -> str:
    owner = widget.parentWidget()
    path: list[str] = []
    while owner is not None and len(path) < 3:
        path.append(owner.objectName() or type(owner).__name__)
        owner = owner.parentWidget()
    name = widget.objectName() or "(no objectName)"
    hint = widget.toolTip() or getattr(widget, "placeholderText", lambda: "")()
    return f"{type(widget).__name__} {name} in {'/'.join(path)} {hint!r}"


def accessibility_problems(root: QWidget, screen: str) -> list[str]:
    """Visible interactive widgets under `root` without a name or keyboard focus."""
    problems = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
            continue
        if _is_qt_internal(widget):
            continue
        if not accessible_name(widget):
            problems.append(f"{screen}: no accessible name: {_describe(widget)}")
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not _focus_excluded(widget):
            problems.append(f"{screen}: cannot take focus: {_describe(widget)}")
    return problems


def _open_dialogs() -> list[QDialog]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QDialog) and widget.isVisible()
    ]


def _walk_dialog_opened_by(qtbot: QtBot, button: QAbstractButton, screen: str) -> list[str]:
    """Click `button`, check the dialog it opens, close it again."""
    before = set(map(id, _open_dialogs()))
    button.click()
    qtbot.waitUntil(lambda: len(_open_dialogs()) > len(before), timeout=5000)
    problems: list[str] = []
    for dialog in _open_dialogs():
        if id(dialog) in before:
            continue
        QApplication.processEvents()
        problems += accessibility_problems(dialog, f"{screen} ▸ {dialog.objectName()}")
        dialog.reject()
    return problems


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Path, str]:
    """The demo binder: it holds a consultation, questions and two opinions of its own."""
    folder = tmp_path / "Demo binder"
    session, password = create_demo_binder(folder)
    session.close()
    return folder, password


def _show(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)


def _settle(qtbot: QtBot) -> None:
    """Background reads delivered and layouts still: what is judged is what a user would see."""
    settle()


def _walk_tabs(qtbot: QtBot, root: QWidget, screen: str) -> list[str]:
    """Check `root` with each tab of each tab widget in it shown in turn."""
    problems = accessibility_problems(root, screen)
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            _settle(qtbot)
            problems += accessibility_problems(root, f"{screen} ▸ {_plain(tabs.tabText(index))}")
        tabs.setCurrentIndex(0)
    return problems


def _check_dialog(qtbot: QtBot, dialog: QWidget, screen: str) -> list[str]:
    qtbot.waitExposed(dialog)
    _settle(qtbot)
    problems = accessibility_problems(dialog, f"{screen} ▸ {dialog.objectName()}")
    dialog.close()
    return problems


def test_welcome_and_unlock_screens_name_every_control(
    qtbot: QtBot, demo: tuple[Path, str]
) -> None:
    folder, _password = demo
    window = MainWindow(kdf=KdfParams.minimum())
    _show(qtbot, window)
    problems = accessibility_problems(window, "welcome")
    problems += _walk_dialog_opened_by(qtbot, window.welcome_page.create_button, "welcome")
    window.show_unlock(folder)
    problems += accessibility_problems(window, "unlock")
    assert window.unlock_page is not None
    problems += _walk_dialog_opened_by(qtbot, window.unlock_page.forgot_button, "unlock")
    window.show_about()
    window.show_preferences()
    for dialog in _open_dialogs():
        problems += _check_dialog(qtbot, dialog, "menu")
    dialog = RecoveryCodeDialog("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ", folder, window)
    dialog.show()
    problems += _check_dialog(qtbot, dialog, "create")
    dialog = CrashDialog("Traceback: nothing real", window)
    dialog.show()
    problems += _check_dialog(qtbot, dialog, "crash")
    assert problems == [], "\n".join(problems)


def test_every_page_of_the_demo_binder_names_every_control(
    qtbot: QtBot, demo: tuple[Path, str]
) -> None:
    folder, password = demo
    window = MainWindow(open_folder=folder, demo_password=password, kdf=KdfParams.minimum())
    _show(qtbot, window)
    page = window.unlock_page
    assert page is not None
    problems = accessibility_problems(window, "unlock (demo)")
    page.password_edit.setText(password)
    with qtbot.waitSignal(window.binder_opened, timeout=20_000):
        page.unlock_button.click()
    workspace = window.workspace
    assert workspace is not None
    navigation = workspace.navigation
    assert navigation.focusPolicy() != Qt.FocusPolicy.NoFocus
    assert navigation.count() >= 8
    for row in range(navigation.count()):
        navigation.setCurrentRow(row)
        _settle(qtbot)
        problems += _walk_tabs(qtbot, window, _plain(navigation.item(row).text()))

    # Pages whose content appears once something is chosen.
    workspace.navigation.setCurrentRow(workspace.pages.indexOf(workspace.consultations_page))
    consultations_page = workspace.consultations_page
    qtbot.waitUntil(lambda: consultations_page.model.rowCount() > 0)
    consultations_page.select_row(0)
    qtbot.waitUntil(lambda: workspace.consultations_page.stack.currentIndex() != 0, timeout=5000)
    _settle(qtbot)
    problems += _walk_tabs(qtbot, window, "Consultations ▸ detail")
    workspace.consultations_page.start_notes()
    _settle(qtbot)
    problems += accessibility_problems(window, "Consultations ▸ notes")

    workspace.navigation.setCurrentRow(workspace.pages.indexOf(workspace.opinions_page))
    opinions_page = workspace.opinions_page
    qtbot.waitUntil(lambda: opinions_page.opinions_model.rowCount() == 2)
    opinions_page.select_row(0)
    _settle(qtbot)
    problems += accessibility_problems(window, "Opinions ▸ chosen")
    problems += _check_dialog(qtbot, opinions_page.open_editor(None), "Opinions")
    problems += _check_dialog(qtbot, opinions_page.open_decision(None), "Opinions")

    export_page = workspace.export_page
    workspace.navigation.setCurrentRow(workspace.pages.indexOf(export_page))
    for step in range(export_page.stack.count()):
        export_page.stack.setCurrentIndex(step)
        _settle(qtbot)
        problems += accessibility_problems(window, f"Export ▸ step {step + 1}")
    export_page.stack.setCurrentIndex(0)

    records_page = workspace.records_page
    workspace.navigation.setCurrentRow(workspace.pages.indexOf(records_page))
    qtbot.waitUntil(
        lambda: records_page.snapshot is not None and bool(records_page.snapshot.documents)
    )
    assert records_page.snapshot is not None
    document = records_page.snapshot.documents[0]
    problems += _check_dialog(qtbot, records_page.edit_document(document), "Records")
    viewer = records_page.open_viewer(document)
    problems += _check_dialog(qtbot, viewer, "Records")
    records_page.edit_slot_status(records_page.snapshot.slots[0])
    for dialog in _open_dialogs():
        problems += _check_dialog(qtbot, dialog, "Records")
    records_page.trash_button.click()
    _settle(qtbot)
    problems += accessibility_problems(window, "Records ▸ trash")

    imaging_page = workspace.imaging_page
    workspace.navigation.setCurrentRow(workspace.pages.indexOf(imaging_page))
    qtbot.waitUntil(lambda: imaging_page.studies_model.rowCount() > 0)
    imaging_page.studies_view.selectRow(0)
    qtbot.waitUntil(lambda: imaging_page.series_model.rowCount() > 0)
    _settle(qtbot)
    problems += accessibility_problems(window, "Imaging ▸ study")
    study = imaging_page.studies_model.study(0)
    dicom_viewer = imaging_page.open_viewer(study, imaging_page.series_model.series(0))
    problems += _check_dialog(qtbot, dicom_viewer, "Imaging")

    timeline_page = workspace.timeline_page
    workspace.navigation.setCurrentRow(workspace.pages.indexOf(timeline_page))
    qtbot.waitUntil(lambda: timeline_page.state is not None)
    timeline_page.add_button.click()
    assert timeline_page.event_dialog is not None
    problems += _check_dialog(qtbot, timeline_page.event_dialog, "Timeline")

    assert problems == [], "\n".join(problems)


def test_keyboard_reaches_every_page_from_the_navigation_list(
    qtbot: QtBot, demo: tuple[Path, str]
) -> None:
    folder, password = demo
    window = MainWindow(open_folder=folder, demo_password=password, kdf=KdfParams.minimum())
    _show(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.unlock_page is not None
    qtbot.keyClicks(window.unlock_page.password_edit, password)
    with qtbot.waitSignal(window.binder_opened, timeout=20_000):
        qtbot.keyClick(window.unlock_page.password_edit, Qt.Key.Key_Return)
    workspace = window.workspace
    assert workspace is not None
    workspace.navigation.setFocus()
    qtbot.waitUntil(workspace.navigation.hasFocus)
    for row in range(1, workspace.navigation.count()):
        qtbot.keyClick(workspace.navigation, Qt.Key.Key_Down)
        assert workspace.pages.currentIndex() == row
    # Alt+<number> jumps to a section from wherever the focus is.
    qtbot.keyClick(workspace.navigation, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert workspace.pages.currentIndex() == 2
    qtbot.keyClick(workspace.navigation, Qt.Key.Key_8, Qt.KeyboardModifier.AltModifier)
    assert workspace.pages.currentIndex() == 7
    # Tab leaves the navigation for a control on the page that is shown.
    qtbot.keyClick(workspace.navigation, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not None
    assert focused is not workspace.navigation
    assert workspace.pages.currentWidget().isAncestorOf(focused)
    # Every page was built on the way (each when first shown) and started its first read: let
    # those reads arrive while the window is alive, not in the next test.
    qtbot.waitUntil(lambda: running_task_count() == 0, timeout=30_000)
    QApplication.processEvents()  # the outcomes queued as the last jobs ended


def test_buttons_are_large_targets(qtbot: QtBot, demo: tuple[Path, str]) -> None:
    folder, password = demo
    window = MainWindow(open_folder=folder, demo_password=password, kdf=KdfParams.minimum())
    _show(qtbot, window)
    assert window.unlock_page is not None
    buttons = [b for b in window.findChildren(QPushButton) if b.isVisible()]
    assert buttons
    small = [f"{_describe(b)}: {b.height()} px" for b in buttons if b.height() < MIN_TARGET_HEIGHT]
    assert small == []


def test_text_follows_the_system_font_size(qapp: QApplication) -> None:
    system = qapp.property("casebook_system_point_size")
    assert isinstance(system, float)
    assert qapp.font().pointSizeF() >= system
    assert base_point_size() == qapp.font().pointSizeF()
    qapp.setProperty("casebook_system_point_size", 16.0)  # a user who asked for large text
    try:
        apply_look(qapp)
        assert qapp.font().pointSizeF() >= 16.0
        assert "font-size: 18.4pt" in qapp.styleSheet()
    finally:
        qapp.setProperty("casebook_system_point_size", system)
        apply_look(qapp)


def test_dark_scheme_gives_a_dark_palette_with_readable_text(qapp: QApplication) -> None:
    assert colours_for(qapp, Qt.ColorScheme.Dark) is DARK
    try:
        apply_look(qapp, Qt.ColorScheme.Dark)
        palette = qapp.palette()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        assert window.lightnessF() < 0.25 < 0.75 < text.lightnessF()
    finally:
        apply_look(qapp)
    assert qapp.palette().color(QPalette.ColorRole.Window).lightnessF() > 0.9


def test_dark_screenshots(
    qtbot: QtBot, qapp: QApplication, demo: tuple[Path, str], tmp_path: Path
) -> None:
    """Renders the Overview and the Records in the dark scheme (docs/screenshots/dark_*.png)."""
    folder, password = demo
    out = screenshot_folder(tmp_path)
    apply_look(qapp, Qt.ColorScheme.Dark)
    try:
        window = MainWindow(open_folder=folder, demo_password=password, kdf=KdfParams.minimum())
        window.resize(1280, 860)
        _show(qtbot, window)
        assert window.unlock_page is not None
        save_screenshot(qtbot, window, out, "dark_unlock")
        window.unlock_page.password_edit.setText(password)
        with qtbot.waitSignal(window.binder_opened, timeout=20_000):
            window.unlock_page.unlock_button.click()
        workspace = window.workspace
        assert workspace is not None
        qtbot.waitUntil(lambda: workspace.overview_page.overview is not None)
        settle()
        save_screenshot(qtbot, window, out, "dark_overview")
        workspace.navigation.setCurrentRow(workspace.pages.indexOf(workspace.records_page))
        workspace.navigation.setFocus()
        settle()
        path = save_screenshot(qtbot, window, out, "dark_records")
        assert path.stat().st_size > 10_000
    finally:
        apply_look(qapp)
