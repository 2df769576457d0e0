"""Writing down a decision in the family's own words (a new one, or a new version)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from casebook.core.decisions import Decision, DecisionDraft
from casebook.core.opinions import Opinion
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.partial_date_edit import PartialDateEdit, first_date_problem
from casebook.ui.common.screen_fit import fit_form_to_screen, scrolling_layout


class DecisionDialog(QDialog):
    """After `accepted`, `draft` holds what to save (as a new version when editing)."""

    def __init__(
        self,
        decision: Decision | None,
        opinions: Sequence[Opinion],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decision_dialog")
        self.setWindowTitle(self.tr("Edit the decision") if decision else self.tr("A decision"))
        self.setMinimumWidth(680)
        current = decision.current if decision else DecisionDraft("")
        self.draft: DecisionDraft | None = None

        self.option_edit = QLineEdit(current.option_chosen)
        self.option_edit.setObjectName("option_edit")
        self.option_edit.setPlaceholderText(self.tr("What you chose, in your words"))
        self.date_edit = PartialDateEdit()
        self.date_edit.setObjectName("decided_on_edit")
        if decision is None:
            self.date_edit.set_today()  # a decision is written down the day it is made
        else:
            self.date_edit.set_value(current.decided_on)
        self.reasons_edit = QPlainTextEdit(current.reasons)
        self.reasons_edit.setObjectName("reasons_edit")
        self.reasons_edit.setFixedHeight(110)
        self.goals_edit = QPlainTextEdit(current.goals)
        self.goals_edit.setObjectName("goals_edit")
        self.goals_edit.setFixedHeight(80)
        self.goals_edit.setPlaceholderText(
            self.tr(
                "e.g. to stay at home as long as possible; to keep working; to avoid long stays"
            )
        )
        self.participants_edit = QLineEdit(current.participants)
        self.participants_edit.setObjectName("participants_edit")
        self.participants_edit.setPlaceholderText(self.tr("e.g. Mum, Li, Dr Chen"))
        self.revisit_edit = QPlainTextEdit(current.revisit_if)
        self.revisit_edit.setObjectName("revisit_edit")
        self.revisit_edit.setFixedHeight(80)
        self.opinions_list = QListWidget()
        self.opinions_list.setObjectName("weighed_opinions_list")
        self.opinions_list.setMaximumHeight(120)
        # Long names wrap inside the list rather than hide behind a sideways scroll bar.
        self.opinions_list.setWordWrap(True)
        self.opinions_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for opinion in opinions:
            item = QListWidgetItem(" · ".join(x for x in (opinion.label, opinion.institution) if x))
            item.setData(Qt.ItemDataRole.UserRole, opinion.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            weighed = opinion.id in current.opinion_ids
            item.setCheckState(Qt.CheckState.Checked if weighed else Qt.CheckState.Unchecked)
            self.opinions_list.addItem(item)

        form = QFormLayout()
        form.setSpacing(10)
        form.addRow(self.tr("What we chose"), self.option_edit)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("What matters most to the patient"), self.goals_edit)
        form.addRow(self.tr("Our reasons"), self.reasons_edit)
        form.addRow(self.tr("Who took part"), self.participants_edit)
        form.addRow(self.tr("We would think again if"), self.revisit_edit)
        form.addRow(self.tr("Opinions we weighed"), self.opinions_list)
        note = QLabel(
            self.tr("Saving an edit keeps the earlier version in the log.")
            if decision
            else self.tr("You can edit this later; every version is kept.")
        )
        note.setProperty("role", "hint")
        self.error_bar = MessageBar()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("primary_button")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        # On a short screen the form scrolls; the message and the buttons stay in view.
        body = QVBoxLayout()
        body.setSpacing(12)
        body.addLayout(form)
        body.addWidget(note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        layout.addWidget(scrolling_layout(body), 1)
        layout.addWidget(self.error_bar)
        layout.addWidget(buttons)
        self.option_edit.setFocus()  # opens ready to type into its first field
        fit_form_to_screen(self)

    def current_draft(self) -> DecisionDraft:
        items = (self.opinions_list.item(i) for i in range(self.opinions_list.count()))
        weighed = tuple(
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )
        return DecisionDraft(
            option_chosen=self.option_edit.text().strip(),
            decided_on=self.date_edit.value(),
            reasons=self.reasons_edit.toPlainText().strip(),
            participants=self.participants_edit.text().strip(),
            revisit_if=self.revisit_edit.toPlainText().strip(),
            opinion_ids=weighed,
            goals=self.goals_edit.toPlainText().strip(),
        )

    @Slot()
    def save(self) -> None:
        try:
            draft = self.current_draft()
        except ValueError:
            self.error_bar.show_error(
                first_date_problem(self.date_edit)
                or self.tr("That date does not exist. Please check the day.")
            )
            return
        if not draft.option_chosen:
            self.error_bar.show_error(self.tr("Please write what you chose."))
            self.option_edit.setFocus()
            return
        self.draft = draft
        self.accept()
