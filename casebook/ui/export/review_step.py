"""Step 4 of the export: what will be sent, how big it is, what is still missing, and whether the
destination can take it — shown before anything is written, so the family can decide to wait.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casebook.core.model import RecordKind
from casebook.services.export.wizard import ExportPreview, Preflight, PreflightProblem
from casebook.ui.common.labels import choose_plural, format_date_text, format_size, slot_kind_label
from casebook.ui.common.look import look_as
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.export.delivery_step import Travel
from casebook.ui.overview.preflight_panel import PreflightPanel


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ReviewStep(QWidget):
    """The last look before sealing; `use_parts_requested` offers the FAT32 way out."""

    use_parts_requested = Signal(int)
    finding_opened = Signal(object)  # a pre-flight Finding: leave the wizard to fix it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_review_step")
        self.preview: ExportPreview | None = None
        heading = QLabel(self.tr("Check before sealing"))
        heading.setProperty("role", "subheading")
        self.to_label = _value_label("review_recipient_label")
        self.contents_label = _value_label("review_contents_label")
        self.language_label = _value_label("review_language_label")
        self.delivery_label = _value_label("review_delivery_label")
        self.folder_label = _value_label("review_folder_label")
        self.size_label = _value_label("review_size_label")
        look_as(self.size_label, role="strong")
        form = QFormLayout()
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(18)
        form.addRow(self.tr("To:"), self.to_label)
        form.addRow(self.tr("Contents:"), self.contents_label)
        form.addRow(self.tr("Case summary:"), self.language_label)
        form.addRow(self.tr("Delivery:"), self.delivery_label)
        form.addRow(self.tr("Folder:"), self.folder_label)
        form.addRow(self.tr("Total size:"), self.size_label)

        self.problem_bar = MessageBar()
        self.problem_bar.setObjectName("preflight_bar")
        self.use_parts_button = QPushButton()
        self.use_parts_button.setObjectName("use_parts_button")
        self.use_parts_button.hide()
        self.use_parts_button.clicked.connect(
            lambda: self.use_parts_requested.emit(int(self.use_parts_button.property("mb")))
        )
        fix_row = QHBoxLayout()
        fix_row.addWidget(self.use_parts_button)
        fix_row.addStretch(1)

        self.items_tree = QTreeWidget()
        self.items_tree.setObjectName("review_items_tree")
        self.items_tree.setAccessibleName(self.tr("What the bundle will contain"))
        self.items_tree.setHeaderLabels([self.tr("What will be sent"), self.tr("Size")])
        self.items_tree.setRootIsDecorated(True)
        self.items_tree.setAlternatingRowColors(True)
        look_as(self.items_tree, rows="compact")
        header = self.items_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        self.preflight_panel = PreflightPanel()
        self.preflight_panel.open_requested.connect(self.finding_opened)
        self.wait_hint = QLabel(
            self.tr(
                "You can send the bundle now and the rest later, or wait until the missing "
                "records arrive. The case summary lists what is missing for the hospital too."
            )
        )
        self.wait_hint.setObjectName("wait_hint")
        self.wait_hint.setProperty("role", "hint")
        self.wait_hint.setWordWrap(True)

        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(heading)
        left.addLayout(form)
        left.addWidget(self.problem_bar)
        left.addLayout(fix_row)
        left.addWidget(self.items_tree, 1)
        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(self.preflight_panel)
        right.addWidget(self.wait_hint)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def show_preview(
        self, preview: ExportPreview, volume_size_mb: int | None, travel: Travel = Travel.EMAIL
    ) -> None:
        self.preview = preview
        plan = preview.plan
        recipient = plan.recipient
        self.to_label.setText(
            ", ".join(
                x
                for x in (recipient.institution, recipient.department, recipient.contact,
                          recipient.country)
                if x
            )
        )  # fmt: skip
        studies = {item.study_instance_uid for item in plan.dicom}
        contents = choose_plural(
            len(plan.documents), self.tr("{count} document"), self.tr("{count} documents")
        )
        contents += ", " + choose_plural(
            len(studies), self.tr("{count} imaging study"), self.tr("{count} imaging studies")
        )
        contents += " " + choose_plural(
            len(plan.dicom), self.tr("({count} image)"), self.tr("({count} images)")
        )
        self.contents_label.setText(contents)
        languages = {
            "en": self.tr("in English"),
            "zh": self.tr("in Chinese"),
            "en+zh": self.tr("in English and in Chinese"),
        }
        self.language_label.setText(languages[plan.summary_language])
        self.delivery_label.setText(self._delivery_text(preview, volume_size_mb, travel))
        self.folder_label.setText(str(preview.preflight.directory))
        self.size_label.setText(format_size(preview.total_bytes))
        self._show_preflight(preview.preflight)
        self._fill_items(preview)
        self.preflight_panel.show_findings(preview.findings)
        self.wait_hint.setVisible(bool(preview.findings))

    def _delivery_text(
        self, preview: ExportPreview, volume_size_mb: int | None, travel: Travel
    ) -> str:
        """The way it travels and the exact number of files the seal will write."""
        parts = preview.size.parts(volume_size_mb)
        if travel is Travel.EMAIL:
            one = self.tr("by e-mail: one e-mail with one file")
            many = self.tr("by e-mail: {count} e-mails, each with one part of at most {mb} MB")
        elif travel is Travel.USB:
            one = self.tr("on a USB stick or a disc: one file")
            many = self.tr("on a USB stick or a disc: {count} files of at most {mb} MB")
        else:
            one = self.tr("through a shared folder or a cloud link: one file")
            many = self.tr(
                "through a shared folder or a cloud link: {count} files of at most {mb} MB"
            )
        return (one if parts == 1 else many).format(count=parts, mb=volume_size_mb)

    def _fill_items(self, preview: ExportPreview) -> None:
        self.items_tree.clear()
        plan = preview.plan
        by_slot: dict[RecordKind, list[QTreeWidgetItem]] = {}
        for document in plan.documents:
            child = QTreeWidgetItem([document.title or document.original_name])
            child.setText(1, format_size(document.size))
            by_slot.setdefault(document.slot, []).append(child)
        for kind, children in by_slot.items():
            total = sum(d.size for d in plan.documents if d.slot is kind)
            parent = QTreeWidgetItem([slot_kind_label(kind), format_size(total)])
            parent.addChildren(children)
            self.items_tree.addTopLevelItem(parent)
        if plan.dicom:
            series: dict[str, list[int]] = {}
            for instance in plan.dicom:
                series.setdefault(instance.study_instance_uid, []).append(instance.size)
            images = QTreeWidgetItem(
                [self.tr("Imaging (DICOM)"), format_size(sum(i.size for i in plan.dicom))]
            )
            for uid, sizes in series.items():
                first = next(i for i in plan.dicom if i.study_instance_uid == uid)
                date = first.study_date
                iso = f"{date[:4]}-{date[4:6]}-{date[6:]}" if len(date) == 8 else date
                shown = format_date_text(iso)
                text = " · ".join(x for x in (shown, first.modality, first.study_description) if x)
                count = choose_plural(
                    len(sizes), self.tr("{count} image"), self.tr("{count} images")
                )
                images.addChild(QTreeWidgetItem([f"{text} — {count}", format_size(sum(sizes))]))
            self.items_tree.addTopLevelItem(images)
        made = preview.total_bytes - sum(d.size for d in plan.documents)
        made -= sum(i.size for i in plan.dicom)
        summary = QTreeWidgetItem(
            [self.tr("Case summary (PDF), README, index, checksums"), format_size(made)]
        )
        self.items_tree.addTopLevelItem(summary)
        self.items_tree.expandAll()
        for row in range(self.items_tree.topLevelItemCount()):
            top = self.items_tree.topLevelItem(row)
            if top is not None:
                top.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _show_preflight(self, preflight: Preflight) -> None:
        self.use_parts_button.hide()
        if preflight.ok:
            free = format_size(preflight.free_bytes or 0)
            self.problem_bar.show_message(
                self.tr("The folder can take the bundle ({free} free).").format(free=free)
            )
            return
        lines = [self._problem_text(problem, preflight) for problem in preflight.problems]
        self.problem_bar.show_error("\n".join(lines))
        if preflight.proposed_volume_mb is not None:
            self.use_parts_button.setProperty("mb", preflight.proposed_volume_mb)
            self.use_parts_button.setText(
                self.tr("Write it in parts of {mb} MB instead").format(
                    mb=preflight.proposed_volume_mb
                )
            )
            self.use_parts_button.show()

    def _problem_text(self, problem: PreflightProblem, preflight: Preflight) -> str:
        if problem is PreflightProblem.NOT_A_FOLDER:
            return self.tr("This folder does not exist. Choose another folder.")
        if problem is PreflightProblem.NOT_WRITABLE:
            return self.tr(
                "Casebook cannot write to this folder: the disk may be read-only, or you may not "
                "have permission. Choose another folder."
            )
        if problem is PreflightProblem.NOT_ENOUGH_SPACE:
            return self.tr(
                "Not enough free space: the bundle needs {needed}, the disk has {free} free."
            ).format(
                needed=format_size(preflight.needed_bytes),
                free=format_size(preflight.free_bytes or 0),
            )
        return self.tr(
            "This drive ({filesystem}) cannot hold a file larger than 4 GB, and the bundle "
            "would be one file of {size}."
        ).format(filesystem=preflight.filesystem.upper(), size=format_size(preflight.needed_bytes))

    def can_seal(self) -> bool:
        return self.preview is not None and self.preview.preflight.ok
