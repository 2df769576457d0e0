"""After the appointment: answers, decisions, follow-ups, tests, medication changes, new
questions and what is still unanswered, shown as calm read-only text."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from casebook.core.consultations import ConsultationSummary, NoteEntry
from casebook.services.questions import load_bank
from casebook.ui.consultation.words import local_time
from casebook.ui.labels import format_date_text, ui_language


class SummaryView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summary_view")
        self.setAccessibleName(self.tr("Summary of this consultation"))
        self.setOpenLinks(False)

    def show_summary(self, summary: ConsultationSummary) -> None:
        bank = load_bank()
        language = ui_language()
        parts: list[str] = []

        def section(title: str, items: list[str]) -> None:
            parts.append(f"<h3>{escape(title)}</h3>")
            if not items:
                parts.append(f"<p style='color:#4a5560'>{escape(self.tr('Nothing noted.'))}</p>")
                return
            parts.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")

        def entry(e: NoteEntry) -> str:
            who = escape(e.author or "—")
            return (
                f"{escape(e.text.strip())} <span style='color:#4a5560'>({who}, "
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
                f" <span style='color:#4a5560'>({escape(by)})</span>"
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
