"""The export wizard end to end, offscreen, on a real small binder (documents + lung CT slices).

7-Zip, pdftotext and qpdf judge what the wizard wrote; `verify_bundle` checks it with the password
the page showed.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from data_paths import LUNG_CT
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from casebook.bundle.verify import verify_bundle
from casebook.core.model import Document, RecordKind
from casebook.core.progress import NEVER_CANCELLED, CancelToken, ignore_progress
from casebook.services.binder.session import BinderSession
from casebook.services.export.history import export_history
from casebook.services.imaging.records import list_studies
from casebook.services.records.importing import import_paths
from casebook.ui.export import export_page as page_module
from casebook.ui.export.export_page import ExportPage

from .records_samples import import_records

TODAY = date(2026, 11, 22)
Tool = Callable[..., Path]


@pytest.fixture
def filled(session: BinderSession, tmp_path: Path) -> dict[str, Document]:
    """Four documents (PDFs, a scan, a letter) and four real CT slices."""
    documents = import_records(session, tmp_path / "records")
    slices = sorted(LUNG_CT.rglob("*.dcm"))[:4]
    assert slices, f"real DICOM test data missing under {LUNG_CT}"
    import_paths(
        session, slices, RecordKind.IMAGING, ignore_progress, NEVER_CANCELLED,
        accept_other_patients=True,
    )  # fmt: skip
    return documents


def open_page(qtbot: QtBot, session: BinderSession) -> ExportPage:
    page = ExportPage(session, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1180, 860)
    page.show()
    qtbot.waitUntil(lambda: page.choices is not None, timeout=10_000)
    assert not page.next_button.isEnabled()  # a reader must be chosen first
    page.profile_step.choose("own-copy")
    assert page.next_button.isEnabled()
    page.go_next()
    return page


def walk_to_review(
    qtbot: QtBot, page: ExportPage, folder: Path, *, language: str = "en+zh"
) -> None:
    page.details.institution_edit.setText("Example Cancer Centre")
    page.details.department_edit.setText("International Patient Office")
    page.details.country_edit.setText("China")
    page.details.sender_name_edit.setText("Li Wei")
    page.go_next()
    page.contents.language_radios[language].setChecked(True)
    page.go_next()
    page.delivery.usb_radio.setChecked(True)
    page.delivery.folder_edit.setText(str(folder))
    page.go_next()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)


def test_wizard_seals_a_chosen_bundle_and_shows_the_password_once(
    qtbot: QtBot,
    session: BinderSession,
    filled: dict[str, Document],
    tmp_path: Path,
    require_tool: Tool,
) -> None:
    seven = require_tool("7z", "7zz")
    page = open_page(qtbot, session)
    assert not page.next_button.isEnabled()  # the institution is required
    model = page.contents.model
    groups = [model.index(r, 0) for r in range(model.rowCount())]
    tree_text = [model.index(c, 0, g).data() for g in groups for c in range(model.rowCount(g))]
    assert any("not confirmed yet" in text for text in tree_text)  # suggested slots flagged
    [study] = list_studies(session)
    chosen = {filled["pathology"].id, filled["letter"].id}
    page.contents.set_checked(document_ids=chosen, study_ids={study.id})
    assert page.contents.document_ids() == frozenset(chosen)

    out = tmp_path / "USB stick"
    out.mkdir()
    walk_to_review(qtbot, page, out)
    assert page.review.contents_label.text().startswith("2 documents, 1 imaging study (4 images)")
    assert "MB" in page.review.size_label.text() or "KB" in page.review.size_label.text()
    findings = page.review.preflight_panel.model
    lines = [findings.index(row).data() for row in range(findings.rowCount())]
    assert "→  Identity document: still missing." in lines, "\n".join(lines)
    assert page.next_button.isEnabled()
    assert list(out.iterdir()) == []  # nothing written before the family says so

    # The password is on screen before the bundle gets its final name (issue 21): at that
    # moment nothing stands in the folder under a final name yet.
    handed_over: list[tuple[str, list[str]]] = []
    page.handover.shown.connect(
        lambda shown: handed_over.append(
            (shown, sorted(p.name for p in out.iterdir() if ".7z" in p.name and p.name[0] != "."))
        )
    )
    page.next_button.click()
    qtbot.waitUntil(lambda: page.result is not None, timeout=60_000)
    result = page.result
    assert result is not None
    password = page.password_panel.password_label.text()
    assert password == result.password
    [(early_password, named_then)] = handed_over
    assert early_password == password
    assert not [name for name in named_then if name.endswith(".7z")], named_then
    assert re.fullmatch(r"\d{4}(-\d{4}){5}", password)
    [part] = result.bundle.parts
    assert part.path == out / "casebook-bundle-2026-11-22.7z"
    shown = page.password_panel.parts_tree.topLevelItem(0)
    assert shown is not None
    assert re.sub(r"\s+", "", shown.text(2)) == part.sha256

    listing = subprocess.run(
        [str(seven), "l", "-pnot-the-password", str(part.path)], capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert listing.returncode != 0
    for secret in ("Ada Example", "surgical pathology", "README", "DICOM", "SHA256SUMS"):
        assert secret not in listing.stdout + listing.stderr
    verified = verify_bundle(part.path, password)
    assert verified.dicom_references == 4

    page.password_panel.copy_password()
    assert QGuiApplication.clipboard().text() == password
    QGuiApplication.clipboard().clear()
    sheet = tmp_path / "sheet.pdf"
    with qtbot.waitSignal(page.password_panel.pdf.saved, timeout=20_000):
        page.password_panel.pdf.save("", sheet)
    assert "Keep it apart" in page.password_panel.action_label.text()
    check = subprocess.run(
        [str(require_tool("qpdf")), "--check", str(sheet)], capture_output=True, check=False
    )
    assert check.returncode == 0
    text = subprocess.run(
        [str(require_tool("pdftotext")), str(sheet), "-"], capture_output=True, text=True,
        check=True,
    ).stdout  # fmt: skip
    assert password in text
    assert part.sha256 in re.sub(r"\s+", "", text)
    assert "资料包密码" in text  # en+zh: the Chinese half too

    [log] = export_history(session)
    assert log.recipient["institution"] == "Example Cancer Centre"
    assert log.parts[0]["sha256"] == part.sha256
    assert password not in repr(log)

    page.password_panel.saved_check.setChecked(True)
    page.password_panel.finish_button.click()
    assert page.password_panel.password() == ""
    assert page.password_panel.password_label.text() == ""
    assert page.result is None


def test_cancel_leaves_nothing_under_the_final_name(
    qtbot: QtBot,
    session: BinderSession,
    filled: dict[str, Document],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page(qtbot, session)
    out = tmp_path / "out"
    out.mkdir()
    walk_to_review(qtbot, page, out, language="en")
    real_export = page_module.export_bundle

    def export_then_cancel(*args: Any, **kwargs: Any) -> object:
        # The user's Cancel arrives once the job has started: the real export sees the token
        # between files and must leave nothing behind.
        cancel = args[5]
        assert isinstance(cancel, CancelToken)
        cancel.cancel()
        return real_export(*args, **kwargs)

    monkeypatch.setattr(page_module, "export_bundle", export_then_cancel)
    page.next_button.click()
    qtbot.waitUntil(lambda: "Nothing was written" in page.error_bar.text(), timeout=30_000)
    assert page.result is None
    assert [p.name for p in out.iterdir()] == []
    assert export_history(session) == []


def test_review_stops_on_a_folder_that_does_not_exist(
    qtbot: QtBot, session: BinderSession, filled: dict[str, Document], tmp_path: Path
) -> None:
    page = open_page(qtbot, session)
    walk_to_review(qtbot, page, tmp_path / "gone")
    assert "does not exist" in page.review.problem_bar.text()
    assert not page.next_button.isEnabled()
    page.go_back()
    page.delivery.folder_edit.setText(str(tmp_path))
    page.go_next()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    assert "can take the bundle" in page.review.problem_bar.text()
    assert page.next_button.isEnabled()


def test_stop_work_cancels_and_forgets(
    qtbot: QtBot, session: BinderSession, filled: dict[str, Document]
) -> None:
    page = open_page(qtbot, session)
    page.stop_work()
    assert page.result is None
    assert page.password_panel.password() == ""


def test_email_parts_are_counted_before_sealing_and_guided_after(
    qtbot: QtBot, session: BinderSession, filled: dict[str, Document], tmp_path: Path
) -> None:
    page = open_page(qtbot, session)
    page.details.institution_edit.setText("Example Cancer Centre")
    page.go_next()
    page.contents.language_radios["en+zh"].setChecked(True)
    page.go_next()
    delivery = page.delivery
    assert delivery.usb_radio.isChecked()  # "own copy": one file
    delivery.email_radio.setChecked(True)
    assert delivery.volume_size_mb() == 14  # most web mail: 20 MB once encoded
    assert "Most web mail" in delivery.limit_combo.currentText()
    qtbot.waitUntil(lambda: delivery.parts_needed() is not None, timeout=20_000)
    delivery.limit_combo.setCurrentIndex(1)  # Gmail or Outlook
    assert delivery.volume_size_mb() == 18
    delivery.volume_spin.setValue(1)
    assert delivery.limit_combo.currentText() == "Another part size"
    estimate = delivery.parts_needed()
    assert estimate is not None
    assert estimate > 1
    assert f"{estimate} e-mails, one part in each" in delivery.estimate_label.text()
    delivery.cloud_radio.setChecked(True)
    assert delivery.volume_size_mb() is None
    assert "as one file" in delivery.estimate_label.text()
    delivery.email_radio.setChecked(True)

    out = tmp_path / "out"
    out.mkdir()
    delivery.folder_edit.setText(str(out))
    page.go_next()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    assert page.review.delivery_label.text().startswith(f"by e-mail: {estimate} e-mails")
    page.next_button.click()
    qtbot.waitUntil(lambda: page.result is not None, timeout=60_000)
    assert page.result is not None
    parts = page.result.bundle.parts
    assert len(parts) == estimate

    page.password_panel.saved_check.setChecked(True)
    page.password_panel.finish_button.click()
    assert page.result is None
    guide = page.send_guide
    assert page.stack.currentWidget() is guide
    assert f"Send {estimate} e-mails" in guide.first_heading.text()
    rows = [guide.parts_tree.topLevelItem(i) for i in range(guide.parts_tree.topLevelItemCount())]
    assert [row.text(1) for row in rows if row] == [p.path.name for p in parts]
    last = rows[-1]
    assert last is not None
    assert f"part {estimate} of {estimate}" in last.text(3)
    assert f"第 {estimate} 部分" in last.text(3)  # the summary's languages: en+zh
    assert "Example Cancer Centre" in guide.first_text.text()
    assert "SMS" in guide.password_text.text()
    assert guide.parts_tree.currentItem() is rows[0]
    guide.copy_subject()
    assert QGuiApplication.clipboard().text() == rows[0].text(3)  # type: ignore[union-attr]
    guide.finish_button.click()
    assert page.stack.currentIndex() == page_module.PROFILE
