"""`casebook import` of a photographed report returns once its text is read, and `casebook
search` then finds it in English and Chinese, as a real child process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from paper_photos import encoded, photographed, report_page, save

from casebook.app import cli_messages as msg

from .conftest import PASSWORD, Run

pytestmark = pytest.mark.slow


def test_import_reads_the_photo_and_search_finds_it(
    tmp_path: Path, binder: Path, run_casebook: Run
) -> None:
    photo = save(
        tmp_path / "phone",
        "IMG_0412.jpg",
        encoded(photographed(report_page(), tilt=2.5, brightness=0.7), "jpeg", 70),
    )
    imported = run_casebook("import", binder, photo, stdin=PASSWORD + "\n", timeout=900)
    assert imported.returncode == msg.EXIT_OK, imported.stderr
    lines = imported.stdout.splitlines()
    assert lines.index(f"added: {photo}") < lines.index("text read: IMG_0412.jpg")
    assert lines[-1] == "1 added, 0 already there, 0 refused"

    english = run_casebook("search", binder, "adenocarcinoma", "--json", stdin=PASSWORD + "\n")
    assert english.returncode == msg.EXIT_OK, english.stderr
    [hit] = json.loads(english.stdout)
    assert hit["kind"] == "document"
    assert hit["original_name"] == "IMG_0412.jpg"
    assert "adenocarcinoma" in hit["snippet"]

    chinese = run_casebook("search", binder, "肺腺癌", stdin=PASSWORD + "\n")
    assert chinese.returncode == msg.EXIT_OK, chinese.stderr
    assert chinese.stdout.splitlines()[-1] == "1 found"
    assert "IMG_0412.jpg" in chinese.stdout

    missing = run_casebook("search", binder, "melanoma", stdin=PASSWORD + "\n")
    assert missing.returncode == msg.EXIT_PROBLEM_FOUND
    assert missing.stdout.splitlines() == ["0 found"]
