"""Laptop screens: every page, export step, dialog and window fits 1366 × 768, 1280 × 720 and
1920 × 1080 at 200 % (960 × 540 logical pixels), each less a taskbar; in English, and in
Chinese on the smallest.

One demo binder is made for the module; each screen runs in a process of its own on a copy of
it (Qt reads the screen when the QApplication is made, and a binder opens in one process at a
time). The four processes run side by side; each writes what it checked and what did not fit
(`screen_run.py`, judged by `screen_fit.misfits`).
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

import casebook.ui
from casebook.services.demo import create_demo_binder
from casebook.ui.common.screen_fit import scrolling_layout

from .screen_dialogs import ABSTRACT, REGISTERED
from .screen_fit import SCREENS, TASKBAR, Screen, misfits

REPOSITORY = Path(__file__).resolve().parents[2]
PAGES = [
    "overview", "records", "imaging", "timeline", "questions", "consultations", "opinions",
    "export", "appointments", "medicines", "diary", "contacts",
]  # fmt: skip
RUN_TIMEOUT = 600  # seconds: a hang fails the test instead of the suite
# Every screen in English, and the smallest in Chinese too (its text is taller, its words
# shorter: other lines wrap).
RUNS = [(screen, "en") for screen in SCREENS] + [(SCREENS[-1], "zh_CN")]


@dataclass
class Run:
    """One screen's process: how it ended and where it wrote its report."""

    returncode: int
    errors: str
    report: Path


@pytest.fixture(scope="module")
def screen_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    """Run one process per screen, side by side, on copies of one demo binder."""
    folder = tmp_path_factory.mktemp("screens")
    session, password = create_demo_binder(folder / "demo")
    session.close()
    running: dict[str, tuple[subprocess.Popen[str], Path]] = {}
    for screen, language in RUNS:
        name = f"{screen.name}-{language}"
        copy = folder / f"demo-{name}"
        shutil.copytree(folder / "demo", copy)
        report = folder / f"{name}.json"
        environment = {**os.environ, "QT_QPA_PLATFORM": screen.platform(folder)}
        command = [sys.executable, "-m", "tests.ui.screen_run", str(copy), password, str(report)]
        command += ["--language", language]
        process = subprocess.Popen(
            command,
            cwd=REPOSITORY,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        running[name] = (process, report)
    runs: dict[str, Run] = {}
    try:
        for name, (process, report) in running.items():
            _out, errors = process.communicate(timeout=RUN_TIMEOUT)
            runs[name] = Run(process.returncode, errors[-4000:], report)
    finally:
        for process, _report in running.values():
            if process.poll() is None:
                process.kill()
                process.wait()
    return runs


@pytest.mark.parametrize(
    ("screen", "language"), RUNS, ids=[f"{screen.name}-{language}" for screen, language in RUNS]
)
def test_every_page_and_dialog_fits_the_screen(
    screen_runs: dict[str, Run], screen: Screen, language: str
) -> None:
    run = screen_runs[f"{screen.name}-{language}"]
    assert run.returncode == 0, f"the {screen.name} run in {language} failed:\n{run.errors}"
    report = json.loads(run.report.read_text(encoding="utf-8"))
    width, height = screen.logical
    assert report["screen"] == [width, height - TASKBAR]  # the screen asked for, less a taskbar
    assert report["ratio"] == screen.scale
    checked = set(report["checked"])
    expected = {f"page/{name}" for name in PAGES}
    expected |= {f"export/step{step}" for step in range(2, 6)}
    expected |= {f"dialog/{kind.__name__}" for kind in REGISTERED}
    assert expected <= checked, f"not opened: {sorted(expected - checked)}"
    assert report["problems"] == [], "\n".join(report["problems"])


def _classes_of_casebook_ui() -> Iterator[type]:
    for module_info in pkgutil.walk_packages(casebook.ui.__path__, "casebook.ui."):
        module = importlib.import_module(module_info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if value.__module__ == module.__name__:
                yield value


def test_every_dialog_and_window_is_opened_by_the_screen_test() -> None:
    """A new dialog, or a widget made a window of its own, must get a factory in
    screen_dialogs.py: nothing is skipped by the screen-size test without a line here."""
    missing = []
    for kind in _classes_of_casebook_ui():
        if not issubclass(kind, QWidget) or f"{kind.__module__}.{kind.__qualname__}" in ABSTRACT:
            continue
        own_window = "Qt.WindowType.Window" in inspect.getsource(kind)
        if (issubclass(kind, QDialog) or own_window) and kind not in REGISTERED:
            missing.append(f"{kind.__module__}.{kind.__qualname__}")
    assert missing == []


# The judge itself ------------------------------------------------------------------------


def _shown(qtbot: QtBot, window: QWidget) -> QWidget:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_judge_fails_a_window_larger_than_the_screen(qtbot: QtBot) -> None:
    window = _shown(qtbot, QWidget())
    window.resize(900, 600)
    available = window.frameGeometry().adjusted(0, 0, 200, 200)
    assert misfits(window, available, "big") == []
    window.resize(1200, 600)
    [problem] = misfits(window, available, "big")
    assert "larger than the screen" in problem


def test_the_judge_fails_a_control_squeezed_out_of_its_place(qtbot: QtBot) -> None:
    window = _shown(qtbot, QWidget())
    window.resize(300, 200)
    holder = QWidget(window)
    holder.setGeometry(0, 0, 200, 100)
    button = QPushButton("Save", holder)
    button.setGeometry(150, 60, 100, 30)  # half of it beyond the holder's right edge
    button.show()
    holder.show()
    available = window.frameGeometry().adjusted(-500, -500, 500, 500)
    [problem] = misfits(window, available, "squeezed")
    assert "'Save'" in problem
    assert "sticks out" in problem
    button.move(50, 60)
    assert misfits(window, available, "squeezed") == []


def test_the_judge_fails_buttons_that_scroll_out_of_view(qtbot: QtBot) -> None:
    """Controls of a long form may scroll; its OK and Cancel may not."""
    dialog = QDialog()
    form = QVBoxLayout()
    for line in range(30):
        form.addWidget(QLabel(f"Line {line}"))
    below = QVBoxLayout()
    below.addLayout(form)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    below.addWidget(buttons)
    area = scrolling_layout(below)  # wrongly, the buttons scroll with the form
    QVBoxLayout(dialog).addWidget(area)
    _shown(qtbot, dialog)
    dialog.resize(400, 200)
    qtbot.waitUntil(lambda: area.viewport().height() < 200)
    available = dialog.frameGeometry().adjusted(-500, -500, 500, 500)
    problems = misfits(dialog, available, "form")
    assert problems
    assert all("OK" in p or "Cancel" in p for p in problems)
    layout = dialog.layout()
    assert layout is not None
    layout.addWidget(buttons)  # where they belong: below the scrolling part
    qtbot.waitUntil(lambda: buttons.parentWidget() is dialog)
    assert misfits(dialog, available, "form") == []


def test_a_scrolling_form_is_never_cut_off_at_the_side(qtbot: QtBot) -> None:
    dialog = QDialog()
    form = QVBoxLayout()
    wide = QPushButton("A button that needs a good deal of room " * 3)
    form.addWidget(wide)
    area = scrolling_layout(form)
    QVBoxLayout(dialog).addWidget(area)
    _shown(qtbot, dialog)
    dialog.resize(200, 200)  # narrower than the form: the dialog keeps its minimum width
    assert area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    right_edge = wide.mapTo(area.viewport(), QPoint(wide.width(), 0)).x()
    assert right_edge <= area.viewport().width()
    assert isinstance(area, QScrollArea)
    available = dialog.frameGeometry().adjusted(-2000, -500, 2000, 500)
    assert misfits(dialog, available, "wide") == []
