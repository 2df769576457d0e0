"""Registers the summary PDF's embedded fonts and marks up mixed Latin/Chinese text.

DejaVu Sans carries Latin; Droid Sans Fallback carries CJK but no Latin. Paragraph markup
switches to the CJK font for each run of characters DejaVu lacks. Both are TrueType (glyf), so
reportlab embeds a subset of each: the PDF reads the same on any machine.
"""

from __future__ import annotations

import functools
from html import escape
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from casebook.resources import resource_path

LATIN = "CasebookSans"
LATIN_BOLD = "CasebookSans-Bold"
CJK = "CasebookCJK"


@functools.cache
def register_fonts() -> frozenset[int]:
    """Registers the Latin fonts once per process; returns the code points they cover.

    The CJK font is registered by `split_runs` when a text first needs it: reading its 4 MB
    takes reportlab about 0.1 s, which a PDF in English alone (in a new process: every export
    from the command line) need not pay."""
    fonts = {LATIN: "DejaVuSans.ttf", LATIN_BOLD: "DejaVuSans-Bold.ttf"}
    for name, file_name in fonts.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
    pdfmetrics.registerFontFamily(LATIN, normal=LATIN, bold=LATIN_BOLD)
    latin = pdfmetrics.getFont(LATIN)
    return frozenset(latin.face.charToGlyph.keys())


@functools.cache
def _register_cjk_font() -> None:
    pdfmetrics.registerFont(TTFont(CJK, str(resource_path("fonts", "DroidSansFallbackFull.ttf"))))


def split_runs(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (run, needs_cjk_font) pieces; the CJK font is registered on the first
    text that needs it, so every caller that draws a CJK run finds it."""
    covered = register_fonts()
    runs: list[tuple[str, bool]] = []
    run: list[str] = []
    run_is_cjk = False
    for char in text:
        is_cjk = ord(char) not in covered and not char.isspace()
        if run and is_cjk != run_is_cjk:
            runs.append(("".join(run), run_is_cjk))
            run = []
        run.append(char)
        run_is_cjk = is_cjk
    if run:
        runs.append(("".join(run), run_is_cjk))
    if any(cjk for _run, cjk in runs):
        _register_cjk_font()
    return runs


def markup(text: str) -> str:
    """`text` escaped for a reportlab Paragraph, with CJK runs set in the CJK font."""
    return "".join(_wrap(run, cjk) for run, cjk in split_runs(text))


def mixed_width(text: str, size: float) -> float:
    """Width in points of `text` drawn by `draw_mixed`."""
    return float(
        sum(
            pdfmetrics.stringWidth(run, CJK if cjk else LATIN, size)
            for run, cjk in split_runs(text)
        )
    )


def draw_mixed(canvas: Any, x: float, y: float, text: str, size: float) -> None:
    """Draws one line of mixed Latin/Chinese text on a canvas, starting at (x, y)."""
    for run, cjk in split_runs(text):
        font = CJK if cjk else LATIN
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, font, size)


def _wrap(text: str, cjk: bool) -> str:
    escaped = escape(text, quote=False)
    return f'<font name="{CJK}">{escaped}</font>' if cjk else escaped
