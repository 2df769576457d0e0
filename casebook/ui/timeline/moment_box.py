""" "Where are we now": the caregiver picks the decision moment; Casebook then puts forward the
records (and questions) that matter most at that moment."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from casebook.core.decision_moment import DecisionMoment, slots_put_forward
from casebook.ui.common.labels import list_separator, slot_kind_label
from casebook.ui.common.look import look_as
from casebook.ui.timeline.labels import moment_label


class DecisionMomentBox(QWidget):
    """Radio buttons, one per moment (large targets); `moment_chosen` when the user picks."""

    moment_chosen = Signal(object)  # DecisionMoment

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decision_moment_box")
        heading = QLabel(self.tr("Where are we now?"))
        heading.setProperty("role", "subheading")
        hint = QLabel(
            self.tr("Choose the moment that fits best. It changes what Casebook shows first.")
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(heading)
        layout.addWidget(hint)
        self.buttons: dict[DecisionMoment, QRadioButton] = {}
        for moment in DecisionMoment:
            short, example = moment_label(moment)
            button = QRadioButton(short)
            button.setObjectName(f"moment_{moment.value}")
            look_as(button, role="choice")
            self.group.addButton(button)
            self.buttons[moment] = button
            layout.addWidget(button)
            if example:
                detail = QLabel(example)
                detail.setProperty("role", "hint")
                detail.setWordWrap(True)
                detail.setContentsMargins(26, 0, 0, 2)
                layout.addWidget(detail)
            button.toggled.connect(self._toggled)
        self.forward_label = QLabel()
        self.forward_label.setObjectName("moment_forward_label")
        self.forward_label.setProperty("role", "hint")
        self.forward_label.setWordWrap(True)
        layout.addWidget(self.forward_label)
        self._quiet = False

    def moment(self) -> DecisionMoment | None:
        for moment, button in self.buttons.items():
            if button.isChecked():
                return moment
        return None

    def set_moment(self, moment: DecisionMoment | None) -> None:
        self._quiet = True
        try:
            self.group.setExclusive(False)
            for each, button in self.buttons.items():
                button.setChecked(each is moment)
            self.group.setExclusive(True)
        finally:
            self._quiet = False
        self._show_forward(moment)

    def _show_forward(self, moment: DecisionMoment | None) -> None:
        slots = slots_put_forward(moment)
        if not slots:
            self.forward_label.setText("")
            self.forward_label.hide()
            return
        names = list_separator().join(slot_kind_label(kind) for kind in slots[:3])
        self.forward_label.setText(
            self.tr("Records that matter most now: {names}").format(names=names)
        )
        self.forward_label.show()

    @Slot(bool)
    def _toggled(self, checked: bool) -> None:
        if self._quiet or not checked:
            return
        moment = self.moment()
        self._show_forward(moment)
        self.moment_chosen.emit(moment)
