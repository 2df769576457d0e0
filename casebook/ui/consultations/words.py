"""Translated words for priorities, statuses and note tags, and local times.

Decision moments have their words in ui/timeline/labels.py, where the moment is chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from casebook.core.consultations import NoteTag
from casebook.core.questions import Priority, QuestionStatus
from casebook.ui.common.labels import format_clock_time


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConsultationWords", text)


def priority_label(priority: Priority) -> str:
    return {
        Priority.MUST_ASK: _tr("★ Must ask"),
        Priority.IMPORTANT: _tr("Important"),
        Priority.IF_TIME: _tr("If there is time"),
    }[priority]


def status_label(status: QuestionStatus) -> str:
    """A symbol and a word, never colour alone."""
    return {
        QuestionStatus.OPEN: _tr("○ Open"),
        QuestionStatus.ANSWERED: _tr("✓ Answered"),
        QuestionStatus.DROPPED: _tr("– Not needed"),
    }[status]


def tag_label(tag: NoteTag) -> str:
    return {
        NoteTag.DECISION: _tr("Decision"),
        NoteTag.FOLLOW_UP: _tr("Follow-up"),
        NoteTag.TEST_ORDERED: _tr("Test ordered"),
        NoteTag.MEDICATION_CHANGE: _tr("Medication change"),
        NoteTag.NEW_QUESTION: _tr("New question"),
    }[tag]


def local_time(stamp: str) -> str:
    """A stored UTC timestamp as the local clock time ("14:05", "2:05 PM")."""
    return format_clock_time(stamp)
