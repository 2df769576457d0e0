"""PDFs written on several threads at once come out whole and read the same.

reportlab's fonts are shared by the whole process; without `one_pdf_at_a_time` this test fails
(a KeyError in reportlab's font subsetting) in most runs, because the switch interval is made so
short that threads change places inside the subsetting.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from casebook.bundle.cover_sheet import render_cover_sheet
from casebook.bundle.glance import render_glance_pdf

from .samples import sample_plan
from .test_cover_sheet import sheet

Tool = Callable[..., Path]
THREADS = 3
ROUNDS = 8


@pytest.fixture
def threads_switch_often() -> Iterator[None]:
    usual = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(usual)


def _text(pdftotext: Path, pdf: bytes) -> str:
    done = subprocess.run([str(pdftotext), "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def test_pdfs_written_at_once_on_three_threads(
    require_tool: Tool, threads_switch_often: None
) -> None:
    pdftotext = require_tool("pdftotext")
    glance = sample_plan().summary.glance
    cover = sheet("tulip-ledger-42-window")
    writers: dict[str, Callable[[], bytes]] = {
        "glance": lambda: render_glance_pdf(glance, "en+zh"),  # type: ignore[arg-type]
        "cover": lambda: render_cover_sheet(cover, "en+zh"),
    }
    written: dict[str, list[bytes]] = {name: [] for name in writers}
    failures: list[BaseException] = []

    def write_all() -> None:
        for _ in range(ROUNDS):
            for name, write in writers.items():
                try:
                    written[name].append(write())
                except Exception as exc:  # every failure is the finding
                    failures.append(exc)

    threads = [threading.Thread(target=write_all) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    for name, pdfs in written.items():
        assert len(pdfs) == THREADS * ROUNDS
        texts = {_text(pdftotext, pdf) for pdf in pdfs}
        assert len(texts) == 1, name  # every copy reads the same
    [cover_text] = {_text(pdftotext, pdf) for pdf in written["cover"][:1]}
    assert "资料包密码与校验值" in cover_text
