"""Why a PDF could not be read, apart from the reader (PDFium) that finds out.

A file worker raises these; the app receives them, words them and reacts (a password-protected
PDF is offered for unlocking) without importing PDFium and numpy itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from casebook.core.errors import CasebookError


@dataclass
class PdfPasswordProtected(CasebookError):
    """The PDF needs a password to open; `password_given` tells whether a wrong one was tried."""

    password_given: bool = False

    def __str__(self) -> str:
        return "PDF is password-protected" + (" (wrong password)" if self.password_given else "")


@dataclass
class PdfUnreadable(CasebookError):
    """PDFium cannot open or render this PDF; `reason` is PDFium's short diagnosis."""

    reason: str

    def __str__(self) -> str:
        return f"PDF unreadable: {self.reason}"
