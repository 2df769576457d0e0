"""Fixtures: real PDFs made at test time with reportlab (plain and password-protected)."""

from __future__ import annotations

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption

from .samples import make_pdf


@pytest.fixture
def two_page_pdf() -> bytes:
    return make_pdf(["Pathology report page one", "Second page: immunohistochemistry"])


@pytest.fixture
def password_pdf() -> bytes:
    """RC4-128 with a user password, as reportlab writes it (pdfium reads it)."""
    encryption = StandardEncryption("tulip-42", ownerPassword="owner-secret", strength=128)
    return make_pdf(["Confidential discharge letter"], encrypt=encryption)
