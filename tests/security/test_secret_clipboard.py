"""Issue 21/9: a copied bundle password or recovery code is marked secret and taken back.

Driven by the real QClipboard of the offscreen platform and real QTimers (a short interval
injected where the test waits for it; the production default is checked separately).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QClipboard, QGuiApplication
from pytestqt.qtbot import QtBot

from casebook.bundle.plan import Recipient
from casebook.services.export.sealing import ExportRequest
from casebook.ui.common.secret_clipboard import (
    CLEAR_AFTER_MS,
    SecretClipboard,
    forget_copied_secrets,
    secret_clipboard,
)
from casebook.ui.export.password_panel import PasswordPanel

pytestmark = pytest.mark.usefixtures("ui")


def _clipboard() -> QClipboard:
    return QGuiApplication.clipboard()


def test_secret_is_marked_for_clipboard_managers(qtbot: QtBot) -> None:
    secret = SecretClipboard()
    secret.copy("PLUM-RIVER-7-CANDLE")
    mime = _clipboard().mimeData()
    assert mime.text() == "PLUM-RIVER-7-CANDLE"
    assert bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"
    formats = set(mime.formats())
    assert (
        'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"'
        in formats
    )
    assert 'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"' in formats
    assert "application/x-nspasteboard-concealed-type" in formats
    secret.clear()


def test_cleared_after_the_interval(qtbot: QtBot) -> None:
    assert CLEAR_AFTER_MS == 60_000  # a minute in the app
    secret = SecretClipboard(clear_after_ms=30)
    secret.copy("PLUM-RIVER-7-CANDLE")
    assert secret.timer.isActive()
    with qtbot.waitSignal(secret.cleared, timeout=5_000):
        pass
    assert _clipboard().text() == ""
    assert not secret.holding


def test_something_the_user_copied_since_is_left_alone(qtbot: QtBot) -> None:
    secret = SecretClipboard()
    secret.copy("PLUM-RIVER-7-CANDLE")
    _clipboard().setText("the user's own text")
    secret.clear()
    assert _clipboard().text() == "the user's own text"


def test_locking_forgets_the_copied_secret(qtbot: QtBot) -> None:
    shared = secret_clipboard()
    assert secret_clipboard() is shared
    shared.copy("PLUM-RIVER-7-CANDLE")
    forget_copied_secrets()
    assert _clipboard().text() == ""
    assert not shared.timer.isActive()


def test_password_panel_copies_through_the_secret_clipboard(qtbot: QtBot, tmp_path: Path) -> None:
    from casebook.bundle.archive import SealedBundle
    from casebook.bundle.volumes import ArchivePart
    from casebook.services.export.sealing import ExportResult

    secret = SecretClipboard()
    panel = PasswordPanel(clipboard=secret)
    qtbot.addWidget(panel)
    request = ExportRequest(recipient=Recipient("Hospital"))
    part = ArchivePart(tmp_path / "bundle.7z", 1234, "ab" * 32)
    bundle = SealedBundle(parts=(part,), file_count=3, content_size=1234)
    result = ExportResult(bundle=bundle, password="PLUM-RIVER-7-CANDLE")
    panel.show_result(request, result, date(2026, 11, 22))
    panel.copy_button.click()
    assert _clipboard().text() == "PLUM-RIVER-7-CANDLE"
    assert bytes(_clipboard().mimeData().data("x-kde-passwordManagerHint").data()) == b"secret"
    assert "after a minute" in panel.action_label.text()
    panel.clear()  # Finish, or leaving the page
    assert _clipboard().text() == ""
