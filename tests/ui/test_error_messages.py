"""Every expected failure has words a tired reader can act on."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from casebook.core.errors import BinderUnavailable, FileProblem, FileRefused, UnavailableReason
from casebook.ui.common.error_messages import describe_error, describe_file_problem


@pytest.mark.parametrize("problem", list(FileProblem))
def test_every_file_problem_is_described(qtbot: QtBot, problem: FileProblem) -> None:
    text = describe_file_problem(problem)
    assert text.strip()
    assert describe_error(FileRefused(Path("x.pdf"), problem)) == text


@pytest.mark.parametrize("reason", list(UnavailableReason))
def test_every_unavailable_reason_is_described(qtbot: QtBot, reason: UnavailableReason) -> None:
    text = describe_error(BinderUnavailable(Path("/b"), reason))
    assert text.strip()
    assert "could not be completed" not in text


def test_a_message_set_before_layout_never_opens_its_own_window(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from casebook.ui.common.message_bar import MessageBar

    bar = MessageBar()
    bar.show_message("Send the password separately")
    assert not bar.isVisible()
    assert bar.text() == "Send the password separately"
    host = QWidget()
    qtbot.addWidget(host)
    QVBoxLayout(host).addWidget(bar)
    host.show()
    assert bar.isVisible()
    assert not bar.isWindow()
