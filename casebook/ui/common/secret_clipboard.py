"""Copying a secret (a bundle password, a recovery code): marked as secret, and taken back.

The copy carries the hints clipboard managers honour so that the secret stays out of their
history: `x-kde-passwordManagerHint: secret` (Klipper and others on Linux), the Windows formats
`ExcludeClipboardContentFromMonitorProcessing`, `CanIncludeInClipboardHistory` = 0 and
`CanUploadToCloudClipboard` = 0, and the macOS `org.nspasteboard.ConcealedType` convention.
It is cleared after a minute, when the binder locks and when Casebook quits, but only while the
clipboard still holds that secret (never something the user copied since).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 60_000
_DWORD_ZERO = b"\x00\x00\x00\x00"


def _windows_format(name: str) -> str:
    """How Qt names a registered Windows clipboard format as a MIME type."""
    return f'application/x-qt-windows-mime;value="{name}"'


SECRET_HINTS: dict[str, bytes] = {
    "x-kde-passwordManagerHint": b"secret",
    _windows_format("ExcludeClipboardContentFromMonitorProcessing"): _DWORD_ZERO,
    _windows_format("CanIncludeInClipboardHistory"): _DWORD_ZERO,
    _windows_format("CanUploadToCloudClipboard"): _DWORD_ZERO,
    # macOS: Qt has no built-in converter to this pasteboard type; see the README.
    "application/x-nspasteboard-concealed-type": b"secret",
}


class SecretClipboard(QObject):
    """Puts one secret on the clipboard at a time and removes it again."""

    cleared = Signal()

    def __init__(self, parent: QObject | None = None, clear_after_ms: int = CLEAR_AFTER_MS):
        super().__init__(parent)
        self._secret: str | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("secret_clipboard_timer")
        self.timer.setSingleShot(True)
        self.timer.setInterval(clear_after_ms)
        self.timer.timeout.connect(self.clear)

    @staticmethod
    def _clipboard() -> QClipboard:
        return QGuiApplication.clipboard()

    @property
    def holding(self) -> bool:
        """True while a secret Casebook copied is (as far as it knows) on the clipboard."""
        return self._secret is not None

    def copy(self, secret: str) -> None:
        mime = QMimeData()
        mime.setText(secret)
        for mime_type, data in SECRET_HINTS.items():
            mime.setData(mime_type, QByteArray(data))
        self._clipboard().setMimeData(mime, QClipboard.Mode.Clipboard)
        self._secret = secret
        self.timer.start()

    @Slot()
    def clear(self) -> None:
        """Take the secret off the clipboard if it is still there."""
        self.timer.stop()
        secret, self._secret = self._secret, None
        if secret is None:
            return
        clipboard = self._clipboard()
        if clipboard.text(QClipboard.Mode.Clipboard) == secret:
            clipboard.clear(QClipboard.Mode.Clipboard)
        self.cleared.emit()


def secret_clipboard() -> SecretClipboard:
    """The application's one secret clipboard (cleared on quit)."""
    app = QCoreApplication.instance()
    assert app is not None
    existing = app.findChild(SecretClipboard, "casebook_secret_clipboard")
    if isinstance(existing, SecretClipboard):
        return existing
    created = SecretClipboard(app)
    created.setObjectName("casebook_secret_clipboard")
    app.aboutToQuit.connect(created.clear)
    return created


def forget_copied_secrets() -> None:
    """On lock: a copied password or code must not outlive the unlocked binder."""
    app = QCoreApplication.instance()
    if app is None:
        return
    existing = app.findChild(SecretClipboard, "casebook_secret_clipboard")
    if isinstance(existing, SecretClipboard):
        existing.clear()
