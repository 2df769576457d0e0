"""The printed "emergency kit": the recovery code on paper, with what to do with it.

It names the binder folder and the date, never the patient, so a lost sheet reveals little.
It is made in memory as a PDF, which the shared print flow saves or prints: the recovery code
never goes to a temporary file.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument


def _tr(text: str) -> str:
    return QCoreApplication.translate("EmergencyKit", text)


def emergency_kit_html(recovery_code: str, folder: Path, today: date) -> str:
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
        f"<b>{html.escape(_tr('Created:'))}</b> {today.isoformat()}</p>"
        f"<h2>{html.escape(_tr('Recovery code'))}</h2>"
        '<table border="1" cellpadding="14" cellspacing="0">'
        "<tr><td style=\"font-family: 'DejaVu Sans Mono', monospace; font-size: 16pt; "
        f'font-weight: bold; white-space: nowrap;">{html.escape(recovery_code)}</td></tr>'
        "</table>"
        f"{paragraphs}"
    )


def emergency_kit_pdf(recovery_code: str, folder: Path, today: date) -> bytes:
    """The kit as an A4 PDF, made in memory."""
    content = QByteArray()
    buffer = QBuffer(content)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setTitle(_tr("Casebook emergency kit"))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 12))
    document.setHtml(emergency_kit_html(recovery_code, folder, today))
    document.print_(writer)
    buffer.close()
    return bytes(content.data())
