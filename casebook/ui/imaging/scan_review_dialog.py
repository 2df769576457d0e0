"""What was found on a disc, shown before anything is stored: images, skipped files, a wrong
disc. The family decides; nothing is imported unless they press the import button."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.core.model import Case, PartialDate
from casebook.services.imaging.importing import IdentityMismatch, MediaScan, SkipReason
from casebook.ui.imaging.texts import (
    date_text,
    file_count,
    image_count,
    picture_count,
    series_count,
    skip_reason_label,
    study_count,
)

_DIALOG_WIDTH = 640


class ScanReviewDialog(QDialog):
    """Accepted means "import these images"; rejected means nothing is stored."""

    def __init__(
        self,
        scan: MediaScan,
        case: Case,
        mismatches: list[IdentityMismatch],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scan_review_dialog")
        self.setWindowTitle(self.tr("What is on this disc"))
        self.setFixedWidth(_DIALOG_WIDTH)
        self.scan = scan
        self.mismatches = mismatches
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        heading = QLabel()
        heading.setObjectName("scan_heading")
        heading.setProperty("role", "subheading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.heading = heading
        if scan.has_dicom:
            heading.setText(self._found_text())
            layout.addWidget(self._label(self._studies_text(), "scan_studies"))
        else:
            heading.setText(self.tr("No medical images were found here."))
            layout.addWidget(self._label(self._no_dicom_text(), "no_dicom_explanation"))
        skipped = self._skipped_text()
        if skipped:
            layout.addWidget(self._label(skipped, "skipped_files"))
        if scan.index_missing_files:
            text = self.tr(
                "The disc's index lists {files} that are not on the disc. The images that "
                "are there can still be added."
            ).format(files=file_count(scan.index_missing_files))
            layout.addWidget(self._label(text, "index_missing"))
        if scan.has_dicom and mismatches:
            layout.addWidget(self._identity_warning(case))
        buttons = QDialogButtonBox()
        self.import_button: QPushButton | None = None
        self.only_case_button: QPushButton | None = None
        self.leave_out_others = False  # set when the family adds only the case's images
        if scan.has_dicom:
            text = (
                self.tr("Import anyway")
                if mismatches
                else self.tr("Add {images}").format(images=image_count(len(scan.instances)))
            )
            self.import_button = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
            self.import_button.setObjectName("import_images_button")
            self.import_button.setDefault(not mismatches)
            others = sum(m.patient.image_count for m in mismatches)
            if mismatches and others < len(scan.instances):
                self.only_case_button = buttons.addButton(
                    self.tr("Add only this patient's {images}").format(
                        images=image_count(len(scan.instances) - others)
                    ),
                    QDialogButtonBox.ButtonRole.ActionRole,
                )
                self.only_case_button.setObjectName("import_case_images_button")
                self.only_case_button.clicked.connect(self._add_only_case_images)
            close = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("scan_cancel_button")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(buttons)
        if mismatches:
            close.setDefault(True)  # Enter must not import someone else's images
            close.setFocus()

    def _add_only_case_images(self) -> None:
        self.leave_out_others = True
        self.accept()

    @staticmethod
    def _label(text: str, name: str, width: int = _DIALOG_WIDTH - 48) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setFixedWidth(width)  # wrapped labels need a width to know their height
        label.setMinimumHeight(label.heightForWidth(width))
        return label

    def _found_text(self) -> str:
        studies = {i.summary.study_instance_uid for i in self.scan.instances}
        series = {i.summary.series_instance_uid for i in self.scan.instances}
        return self.tr("Found {studies}, {series} and {images}.").format(
            studies=study_count(len(studies)),
            series=series_count(len(series)),
            images=image_count(len(self.scan.instances)),
        )

    def _studies_text(self) -> str:
        grouped: dict[str, list[str]] = {}
        counts: Counter[str] = Counter()
        for found in self.scan.instances:
            summary = found.summary
            uid = summary.study_instance_uid
            counts[uid] += 1
            if uid not in grouped:
                grouped[uid] = [
                    date_text(summary.study_date),
                    summary.modality,
                    summary.study_description or self.tr("(no description)"),
                ]
        lines = [
            "•  " + "  ·  ".join([*parts, image_count(counts[uid])])
            for uid, parts in sorted(grouped.items(), key=lambda item: item[1][0])
        ]
        return "\n".join(lines)

    def _skipped_text(self) -> str:
        skipped = self.scan.skipped
        total = sum(skipped.values())
        if not total:
            return ""
        lines = [
            self.tr("{files} are not images and will not be added:").format(
                files=file_count(total).capitalize()
            )
        ]
        for reason in SkipReason:
            if skipped[reason]:
                lines.append(f"•  {skipped[reason]}  {skip_reason_label(reason)}")
        return "\n".join(lines)

    def _no_dicom_text(self) -> str:
        pictures = self.scan.skipped[SkipReason.PICTURE]
        first = (
            self.tr(
                "This disc holds {pictures} (such as JPEG screenshots), but not the original "
                "scans. Doctors reviewing the case need the original images."
            ).format(pictures=picture_count(pictures))
            if pictures
            else self.tr("None of these files are medical images in the DICOM format.")
        )
        return (
            first
            + "\n\n"
            + self.tr(
                "Please ask the hospital's imaging (radiology) department for “the original DICOM "
                "images on a CD, not screenshots”. Nothing has been added to the binder."
            )
        )

    def _identity_warning(self, case: Case) -> QFrame:
        people = [
            OtherPerson(
                m.patient.name, m.patient.birth_date, m.patient.image_count, m.birth_date_differs
            )
            for m in self.mismatches
        ]
        return identity_warning(
            people,
            case,
            self.tr("⚠  This disc may belong to someone else"),
            self.tr(
                "The images on the disc are for:\n{people}\n\nThis binder is for {case}.\n\n"
                "Check the name on the disc. Import only if you are sure these images belong to "
                "this case."
            ),
            _DIALOG_WIDTH - 84,
        )


@dataclass(frozen=True)
class OtherPerson:
    """A patient found on media who does not look like the case's."""

    name: str
    birth_date: PartialDate | None
    images: int
    birth_date_differs: bool  # the stronger signal: said in words


def _tr(text: str) -> str:
    return QCoreApplication.translate("IdentityWarning", text)


def person_text(name: str, birth: PartialDate | None) -> str:
    shown = name.replace("^", " ").replace("=", " / ").strip() or _tr("no name")
    if birth is None:
        return _tr("“{name}”").format(name=shown)
    return _tr("“{name}”, born {birth}").format(name=shown, birth=date_text(birth))


def identity_warning(
    people: list[OtherPerson], case: Case, title_text: str, template: str, width: int
) -> QFrame:
    """The framed warning, naming each person found and the case's patient. `template` has
    {people} and {case}; a different date of birth is pointed out for each person."""
    frame = QFrame()
    frame.setObjectName("identity_warning")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.setSpacing(8)
    title = QLabel(title_text)
    title.setObjectName("identity_warning_title")
    title.setProperty("role", "subheading")
    title.setWordWrap(True)
    layout.addWidget(title)
    lines = []
    for person in people:
        line = _tr("•  {person} ({images})").format(
            person=person_text(person.name, person.birth_date), images=image_count(person.images)
        )
        if person.birth_date_differs:
            line += " — " + _tr("a different date of birth")
        lines.append(line)
    text = template.format(
        people="\n".join(lines), case=person_text(case.patient_name, case.date_of_birth)
    )
    layout.addWidget(ScanReviewDialog._label(text, "identity_warning_text", width))
    return frame
