"""The screens of issue 18, rendered offscreen in English and Chinese and looked at: the export
wizard's reader choice, the pre-flight listing a missing translation, and the redaction editor
with Casebook's suggestions accepted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from casebook.core.model import Case, PartialDate
from casebook.core.preflight import FindingKind
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession, create_binder
from casebook.services.export.profiles import find_profile
from casebook.services.preflight import check_content
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths
from casebook.store.keyslots import KdfParams
from casebook.ui.common.language import CHINESE, ENGLISH, apply_language
from casebook.ui.export.export_page import ExportPage
from casebook.ui.export.profile_step import ProfileStep
from casebook.ui.overview.preflight_panel import PreflightPanel
from casebook.ui.redaction.redaction_editor import RedactionEditor

from .screenshots import save_screenshot, screenshot_folder

SCREEN = (1366, 768)


def _report(path: Path, lines: list[str]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("STSong-Light", 13)
    y = 780
    for line in lines:
        page.drawString(60, y, line)
        y -= 24
    page.save()


@pytest.fixture
def binder(tmp_path: Path) -> Iterator[BinderSession]:
    case = Case("Mei Lin", PartialDate(1961, 3, 14), "Lung adenocarcinoma (fictional)")
    created = create_binder(tmp_path / "binder", "tulip ledger 42 window", case,
                            KdfParams.minimum())  # fmt: skip
    report = tmp_path / "pathology-zh.pdf"
    lines = [
        "病理诊断报告",
        "姓名：Mei Lin   出生日期：1961-03-14",
        "电话：13912345678",
        "住址：北京市朝阳区建国路88号",
        "病理诊断：右肺上叶浸润性腺癌",
        "免疫组化：TTF-1 阳性，Napsin A 阳性",
    ]
    _report(report, lines)
    import_paths(created.session, [report], None, ignore_progress, NEVER_CANCELLED)
    yield created.session
    created.session.close()


@pytest.mark.parametrize("language", [ENGLISH, CHINESE])
def test_screens_of_who_receives_it(
    qtbot: QtBot, binder: BinderSession, tmp_path: Path, language: str
) -> None:
    apply_language(language)
    prefix = "zh_" if language == CHINESE else ""
    out = screenshot_folder(tmp_path / "shots")
    try:
        page = ExportPage(binder, today=lambda: date(2026, 11, 22))
        qtbot.addWidget(page)
        page.resize(SCREEN[0] - 210, SCREEN[1] - 70)  # the page's share of the main window
        page.show()
        qtbot.waitUntil(lambda: page.choices is not None, timeout=10_000)
        page.profile_step.choose("abroad-english")
        assert page.contents.summary_language() == "en"
        assert page.delivery.volume_size_mb() == 20
        step: ProfileStep = page.profile_step
        assert step.sizeHint().height() <= SCREEN[1] - 70
        shot = save_screenshot(qtbot, page, out, f"{prefix}export_profile_choice")
        assert shot.stat().st_size > 10_000

        findings = check_content(binder, find_profile("abroad-english"))
        assert any(f.kind is FindingKind.TRANSLATION_MISSING for f in findings)
        panel = PreflightPanel()
        qtbot.addWidget(panel)
        panel.resize(620, 420)
        panel.show_findings(findings)
        save_screenshot(qtbot, panel, out, f"{prefix}preflight_translation")

        [document] = records.list_documents(binder)
        editor = RedactionEditor(binder, document)
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitUntil(lambda: not editor.canvas.image.isNull(), timeout=20_000)
        editor.suggest()
        qtbot.waitUntil(lambda: editor.suggestions.count() > 0, timeout=20_000)
        reasons = {editor.suggestions.item(i).text() for i in range(editor.suggestions.count())}
        assert len(reasons) >= 3
        assert editor.width() <= SCREEN[0]
        assert editor.height() <= SCREEN[1]
        assert editor.save_button.isEnabled()
        save_screenshot(qtbot, editor, out, f"{prefix}redaction_editor")
        editor.close()
    finally:
        apply_language(ENGLISH)
