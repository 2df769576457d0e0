"""The crash dialog: scrubbed, copyable details, reached from any thread."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casebook.ui.shell.crash_dialog import CrashDialog
from casebook.ui.shell.crash_handler import format_crash_details, install_crash_handler


def raise_with_secret_local() -> None:
    patient_note = "Ada Example has a secret diagnosis"  # a local value must not leak
    raise ValueError(f"cannot open {Path.home() / 'Documents' / 'scan.pdf'}" + patient_note[:0])


def capture() -> BaseException:
    try:
        raise_with_secret_local()
    except ValueError as error:
        return error
    raise AssertionError("no exception")


def test_details_have_no_local_values_and_no_home_folder() -> None:
    error = capture()
    details = format_crash_details(type(error), error, error.__traceback__)
    assert "ValueError" in details
    assert "raise_with_secret_local" in details
    assert "secret diagnosis" not in details
    assert str(Path.home()) not in details
    assert "~/Documents/scan.pdf" in details
    assert details.startswith("Casebook ")


def test_details_can_be_copied(qtbot: QtBot) -> None:
    dialog = CrashDialog("Traceback: example")
    qtbot.addWidget(dialog)
    dialog.copy_details()
    assert QGuiApplication.clipboard().text() == "Traceback: example"
    QGuiApplication.clipboard().clear()


def test_a_crash_in_another_thread_opens_the_dialog(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    install_crash_handler(qapp)

    def crash() -> None:
        raise RuntimeError("boom in a worker")

    worker = threading.Thread(target=crash)
    worker.start()
    worker.join()

    def shown() -> CrashDialog | None:
        for widget in qapp.topLevelWidgets():
            if isinstance(widget, CrashDialog) and widget.isVisible():
                return widget
        return None

    qtbot.waitUntil(lambda: shown() is not None)
    dialog = shown()
    assert dialog is not None
    assert "boom in a worker" in dialog.details()
    # A second crash while the dialog is open is added to it, not shown in a new window.
    sys.excepthook(KeyError, KeyError("second"), None)
    qtbot.waitUntil(lambda: "second" in dialog.details())
    dialog.close()
    router = qapp.findChild(object, "casebook-crash-router")  # type: ignore[call-overload]
    router.deleteLater()
