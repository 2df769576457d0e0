"""The printed "emergency kit": the recovery code on paper, with what to do with it.

It names the binder folder and the date, never the patient, so a lost sheet reveals little.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrinter


def _tr(text: str) -> str:
    return QCoreApplication.translate("EmergencyKit", text)


def emergency_kit_html(recovery_code: str, folder: Path) -> str:
    title = html.escape(_tr("Casebook emergency kit"))
    lines = [
        _tr("Keep this sheet somewhere safe, away from the computer."),
        _tr(
            "If the binder's password is forgotten, open Casebook, choose the binder, click "
            "“I forgot my password” and type this recovery code. You will then choose a "
            "new password."
        ),
        _tr("Anyone who has this code and the binder folder can read the binder."),
    ]
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return (
        f"<h1>{title}</h1>"
        f"<p><b>{html.escape(_tr('Binder folder:'))}</b> {html.escape(str(folder))}<br/>"
        f"<b>{html.escape(_tr('Created:'))}</b> {date.today().isoformat()}</p>"
        f"<h2>{html.escape(_tr('Recovery code'))}</h2>"
        '<table border="1" cellpadding="14" cellspacing="0">'
        "<tr><td style=\"font-family: 'DejaVu Sans Mono', monospace; font-size: 16pt; "
        f'font-weight: bold; white-space: nowrap;">{html.escape(recovery_code)}</td></tr>'
        "</table>"
        f"{paragraphs}"
    )


def print_emergency_kit(printer: QPrinter, recovery_code: str, folder: Path) -> None:
    """Render the kit onto `printer` (a real printer or a PDF file)."""
    printer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 12))
    document.setHtml(emergency_kit_html(recovery_code, folder))
    document.print_(printer)


def save_emergency_kit_pdf(path: Path, recovery_code: str, folder: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    print_emergency_kit(printer, recovery_code, folder)
