"""Renders widgets offscreen to PNG, for the docs and for looking at the UI during review.

Pictures go to $CASEBOOK_SCREENSHOTS_DIR when it is set (e.g. docs/screenshots), otherwise to
the test's temporary folder, so an ordinary test run never touches the checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from .screen_fit import settle_layouts


def screenshot_folder(fallback: Path) -> Path:
    configured = os.environ.get("CASEBOOK_SCREENSHOTS_DIR")
    folder = Path(configured) if configured else fallback
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_screenshot(qtbot: QtBot, widget: QWidget, folder: Path, name: str) -> Path:
    """Show `widget`, let its layouts settle, and write `<name>.png`."""
    if not widget.isVisible():
        widget.show()
    qtbot.waitExposed(widget)
    settle_layouts()
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path)), f"could not write {path}"
    return path
