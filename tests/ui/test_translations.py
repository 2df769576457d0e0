"""The Chinese translation is complete, and every string on screen goes through it.

- Every string in resources/translations/casebook_zh_CN.ts is translated, keeps its
  placeholders and symbols, and lupdate run on today's code (tools/translations.py, which also
  finds strings passed through small `_tr()` wrappers) finds no string missing from the .ts.
  A new `self.tr("…")` without a Chinese translation therefore fails here: run
  `make translations` (or `python tools/translations.py`) and translate the new entries.
- The language preference (System / English / 简体中文) decides what `apply_language` installs.
- With Chinese chosen, every page of the demo binder is walked; no label, button, group box,
  tab, column header, placeholder or list choice may show an English word, apart from patient
  data, file names, units and names such as MDT, CT or DICOM. Such a word is a string that
  bypasses `tr()` (or a translation left in English).
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casebook.imaging.dicom_header import read_dicom_summary
from casebook.resources import resource_path
from casebook.services import demo as demo_module
from casebook.services import demo_content
from casebook.services import demo_daily as demo_daily_module
from casebook.services.demo import create_demo_binder
from casebook.ui.binder.preferences_dialog import PreferencesDialog
from casebook.ui.common.language import (
    CHINESE,
    ENGLISH,
    SYSTEM,
    apply_language,
    chosen_language,
    effective_language,
    set_chosen_language,
)
from casebook.ui.shell.main_window import MainWindow

from .screen_fit import settle

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[^}]*\}|%n")
SYMBOLS = "✓✗⚑⚠…★○–=≠•—?▶◀❚↻←−+"
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
# Names, abbreviations and units a Chinese hospital uses as they are.
ALLOWED_WORDS = {
    "Casebook", "MDT", "DICOM", "DICOMDIR", "PDF", "MRI", "PET", "JPEG", "PNG", "USB", "SHA",
    "README", "Ctrl", "Enter", "Esc", "Caps", "Lock", "CAR", "GPL", "GNU", "zip", "dcm", "pdf",
    "txt", "demo", "KB", "MB", "GB", "mm", "VR",
}  # fmt: skip
CHINESE_SECTIONS = ["概览", "病历资料", "影像", "病程时间线", "问题", "就诊", "诊疗意见", "导出"]


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    """tools/translations.py, the same code `make translations` runs."""
    spec = importlib.util.spec_from_file_location(
        "casebook_translations_tool", ROOT / "tools" / "translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def catalogue_folder(tool: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .qm built from the committed .ts (as make does), in a folder of its own."""
    folder = tmp_path_factory.mktemp("translations")
    tool.release(tool.TS_FILE, folder / "casebook_zh_CN.qm")
    return folder


@pytest.fixture
def restore_language(qapp: QApplication) -> Iterator[None]:
    """Whatever a test installs, later tests see English and the locale they started with."""
    before = QLocale()
    yield
    apply_language(ENGLISH, app=qapp)
    QLocale.setDefault(before)


def test_every_string_in_the_ts_is_translated(tool: ModuleType) -> None:
    messages = tool.read_ts()
    assert len(messages) > 700
    unfinished = [f"[{c}] {s!r}" for (c, s), text in messages.items() if not text]
    assert unfinished == [], "untranslated:\n" + "\n".join(unfinished)


def test_lupdate_finds_no_string_missing_from_the_ts(tool: ModuleType) -> None:
    absent, _unfinished = tool.missing_messages()
    listed = "\n".join(f"[{c}] {s!r}" for c, s in absent)
    assert absent == [], f"run `make translations` and translate:\n{listed}"


def test_translations_keep_placeholders_and_symbols(tool: ModuleType) -> None:
    problems = []
    for (context, source), text in tool.read_ts().items():
        if text is None:
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"placeholders: [{context}] {source!r} → {text!r}")
        first = source.lstrip()[:1]
        if first in SYMBOLS and not text.lstrip().startswith(first):
            problems.append(f"symbol: [{context}] {source!r} → {text!r}")
        if source.count("&") == 1 and text.count("&") != 1:
            problems.append(f"shortcut: [{context}] {source!r} → {text!r}")
    assert problems == [], "\n".join(problems)


def test_wrapped_strings_are_found(tool: ModuleType) -> None:
    """Strings behind `_tr()` wrappers and zxcvbn's hints reach the .ts too."""
    messages = tool.read_ts()
    assert ("Labels", "Missing") in messages
    assert ("PasswordHints", "Avoid sequences.") in messages
    assert ("OpinionDialog", "Not stated") in messages
    assert not any(context[:1].islower() for context, _source in messages)


def test_language_follows_the_system_until_chosen() -> None:
    assert chosen_language() == SYSTEM
    assert effective_language(SYSTEM, QLocale("zh_CN")) == CHINESE
    assert effective_language(SYSTEM, QLocale("zh_TW")) == CHINESE
    assert effective_language(SYSTEM, QLocale("de_DE")) == ENGLISH
    assert effective_language(SYSTEM, QLocale("en_GB")) == ENGLISH
    set_chosen_language(ENGLISH)
    assert chosen_language() == ENGLISH
    assert effective_language(system=QLocale("zh_CN")) == ENGLISH
    set_chosen_language(CHINESE)
    assert effective_language(system=QLocale("en_US")) == CHINESE
    with pytest.raises(ValueError, match="unknown language"):
        set_chosen_language("fr")


def test_preferences_dialog_stores_the_language(qtbot: QtBot) -> None:
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    combo = dialog.language_combo
    assert combo.currentData() == SYSTEM
    assert [combo.itemText(i) for i in (1, 2)] == ["English", "简体中文"]
    combo.setCurrentIndex(combo.findData(CHINESE))
    dialog.accept()
    assert chosen_language() == CHINESE


@pytest.mark.usefixtures("restore_language")
def test_chinese_loads_qt_words_and_formats_for_china(
    qapp: QApplication, catalogue_folder: Path
) -> None:
    installed = apply_language(CHINESE, casebook_folder=catalogue_folder, app=qapp)
    assert len(installed) == 2  # Casebook's catalogue and Qt's own
    assert QCoreApplication.translate("Workspace", "Overview") == "概览"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QLocale().name() == "zh_CN"
    assert "月" in QLocale().toString(QLocale().toDate("2025-03-14", "yyyy-MM-dd"), "MMMM")
    assert apply_language(ENGLISH, casebook_folder=catalogue_folder, app=qapp) == []
    assert QCoreApplication.translate("Workspace", "Overview") == "Overview"
    assert QLocale().language() == QLocale.Language.English


def _demo_strings(folder: Path) -> list[str]:
    """The demo binder's own words (patient data, titles, hospitals, the CT's descriptions, its
    folder), longest first so that a long one is taken out before a part of it."""
    texts = {
        node.value
        for module in (demo_module, demo_content, demo_daily_module)
        for node in ast.walk(ast.parse(Path(module.__file__).read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    for path in sorted(resource_path("demo", "ct").glob("*.dcm"))[:1]:
        summary = read_dicom_summary(path.read_bytes())
        texts |= {summary.study_description, summary.series_description}
    texts |= {str(folder), str(folder.parent), folder.name}
    return sorted((text for text in texts if text.strip()), key=len, reverse=True)


def _plain(text: str) -> str:
    if re.search(r"<[A-Za-z/!]", text):  # rich text: read it as the label shows it
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return text.replace("&", "")


def _shown_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) for the words a user reads on the visible part of `root`."""
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        name = f"{type(widget).__name__} {widget.objectName()}".strip()
        if isinstance(widget, QLabel):
            yield name, _plain(widget.text())
        elif isinstance(widget, QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield name, widget.tabText(index)
        elif isinstance(widget, QLineEdit):
            yield name, widget.placeholderText()
        elif isinstance(widget, QTextEdit) and widget.isReadOnly():
            # Summaries and answers drawn as rich text ("Nothing noted.", "Not answered").
            yield name, widget.toPlainText()
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                # Languages are offered by their own names ("English", "简体中文").
                yield name, widget.itemText(index).replace("English", "")
        if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount(QModelIndex())):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                if isinstance(header, str):
                    yield f"{name} header", header


def english_words(root: QWidget, screen: str, patient_data: list[str]) -> list[str]:
    found = []
    for what, text in _shown_texts(root):
        text = " ".join(text.split())  # a header or a cell may wrap a hospital's name
        for data in patient_data:
            text = text.replace(data, " ")
        text = re.sub(r"\S+\.(pdf|txt|dcm|zip)\b", " ", text)  # file names
        words = [w for w in ENGLISH_WORD.findall(text) if w not in ALLOWED_WORDS]
        if words:
            found.append(f"{screen} ▸ {what}: {' '.join(words)}  in {text!r}")
    return found


def test_the_walk_catches_a_string_that_bypasses_tr(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    for widget in (QLabel("病历夹 <b>Mei Lin</b>, 2 MB"), QPushButton("Save a copy")):
        layout.addWidget(widget)
    page.show()
    found = english_words(page, "test", ["Mei Lin"])
    assert len(found) == 1
    assert "Save" in found[0]
    assert "copy" in found[0]


@pytest.mark.usefixtures("restore_language")
def test_every_page_of_the_demo_binder_shows_chinese(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, catalogue_folder: Path
) -> None:
    folder = tmp_path / "demo binder"
    session, password = create_demo_binder(folder, language="zh")  # as `--demo` makes it
    session.close()
    set_chosen_language(CHINESE)  # as chosen in Preferences, applied at the next start
    apply_language(casebook_folder=catalogue_folder, app=qapp)
    window = MainWindow(open_folder=folder, demo_password=password)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    patient_data = _demo_strings(folder)
    problems = english_words(window, "unlock", patient_data)
    assert window.unlock_page is not None
    window.unlock_page.password_edit.setText(password)
    with qtbot.waitSignal(window.binder_opened, timeout=20_000):
        window.unlock_page.unlock_button.click()
    workspace = window.workspace
    assert workspace is not None
    navigation = workspace.navigation
    titles = [navigation.item(row).text() for row in range(navigation.count())]
    assert titles[: len(CHINESE_SECTIONS)] == CHINESE_SECTIONS
    for row, title in enumerate(titles):
        navigation.setCurrentRow(row)
        settle()
        problems += english_words(window, title, patient_data)
        for tabs in workspace.pages.currentWidget().findChildren(QTabWidget):
            for index in range(1, tabs.count() if tabs.isVisible() else 0):
                tabs.setCurrentIndex(index)
                settle()
                problems += english_words(window, f"{title} ▸ {tabs.tabText(index)}", patient_data)
    assert problems == [], "English words on screen (a string bypassing tr()?):\n" + "\n".join(
        problems
    )
