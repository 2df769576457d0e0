"""One PDF written at a time in the whole process.

reportlab keeps each registered TrueType font as one object for the whole process and reads the
font file through a cursor stored on that object (seek, then read) while it cuts out the subset
of glyphs a PDF embeds. Two threads writing PDFs at once move each other's cursor: reportlab
fails (KeyError in makeSubset) or embeds the wrong glyphs. That happened when the export page's
preview and another sheet were written together on two background lanes. So every function that
writes a PDF holds this lock from its first glyph to its last byte; a PDF takes well under a
second, so a second writer waits little.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

Params = ParamSpec("Params")
Result = TypeVar("Result")

_WRITING = threading.RLock()  # re-entrant: a PDF writer may call another (a summary, its glance)


def one_pdf_at_a_time(write: Callable[Params, Result]) -> Callable[Params, Result]:
    """`write`, run only while no other thread is writing a PDF."""

    @functools.wraps(write)
    def holding_the_fonts(*args: Params.args, **kwargs: Params.kwargs) -> Result:
        with _WRITING:
            return write(*args, **kwargs)

    return holding_the_fonts
