"""After the appointment: answers, decisions, follow-ups, tests, medication changes, new
questions and what is still unanswered, shown as calm read-only text."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from casebook.core.consultations import ConsultationSummary, NoteEntry
from casebook.services.questions.questions import load_bank
from casebook.ui.common.labels import format_date_text, ui_language
from casebook.ui.common.look import current_colours
from casebook.ui.consultations.words import local_time


class SummaryView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summary_view")
        self.setAccessibleName(self.tr("Summary of this consultation"))
        self.setOpenLinks(False)
        self.summary: ConsultationSummary | None = None
        self._hint = ""  # the colour the quiet words were written in

    def changeEvent(self, event: QEvent) -> None:
        """The quiet words take the hint colour of the scheme: written again when it changes."""
        super().changeEvent(event)
        shown = getattr(self, "summary", None)  # None while the view is being built
        changed = event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
        if changed and shown is not None and self._hint != current_colours().hint:
            self.show_summary(shown)

    def show_summary(self, summary: ConsultationSummary) -> None:
        self.summary = summary
        bank = load_bank()
        language = ui_language()
        self._hint = current_colours().hint
        quiet = f"color:{self._hint}"
        parts: list[str] = []

        def section(title: str, items: list[str]) -> None:
            parts.append(f"<h3>{escape(title)}</h3>")
            if not items:
                nothing = escape(self.tr("Nothing noted."))  # lupdate skips tr() in f-strings
                parts.append(f"<p style='{quiet}'>{nothing}</p>")
                return
            parts.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")

        def entry(e: NoteEntry) -> str:
            who = escape(e.author or "—")
            return (
                f"{escape(e.text.strip())} <span style='{quiet}'>({who}, "
                + escape(local_time(e.written_at))
                + ")</span>"
            )

        answered = []
        for listed in summary.answered:
            question = escape(listed.question.display_text(bank, language))
            by = self.tr("answered by {who}, {when}").format(
                who=listed.answered_by or "?", when=format_date_text(listed.answered_on, "?")
            )
            answered.append(
                f"<b>{question}</b><br>{escape(listed.answer)}"
                f" <span style='{quiet}'>({escape(by)})</span>"
            )
        section(self.tr("Answers"), answered)
        section(self.tr("Decisions"), [entry(e) for e in summary.decisions])
        section(self.tr("To follow up"), [entry(e) for e in summary.follow_ups])
        section(self.tr("Tests ordered"), [entry(e) for e in summary.tests_ordered])
        section(self.tr("Medication changes"), [entry(e) for e in summary.medication_changes])
        section(self.tr("New questions"), [entry(e) for e in summary.new_questions])
        section(
            self.tr("Not answered yet (these move to the next consultation)"),
            [escape(q.question.display_text(bank, language)) for q in summary.unanswered],
        )
        if summary.other_notes:
            section(self.tr("Other notes"), [entry(e) for e in summary.other_notes])
        self.setHtml("".join(parts))
