"""Which documents Casebook can draw a picture of: a rule of its own, so that a listing asks it
without loading the decoders (numpy, Pillow, PDFium) that drawing needs."""

from __future__ import annotations


def can_preview(media_type: str) -> bool:
    """PDFs and pictures have pages to show; other files are listed by name only."""
    return media_type == "application/pdf" or media_type.startswith("image/")
