"""Recordings in the sealed bundle: only the ones the family ticked, byte for byte, named by
type, listed with their length in the summary (read by pdftotext) and in INDEX.HTM."""

from __future__ import annotations

import subprocess
from pathlib import Path

from phone_recordings import FindTool, phone_formats

from casebook.bundle.plan import Recipient
from casebook.core.consultations import Consultation
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services import consultations
from casebook.services.binder.session import BinderSession
from casebook.services.export.sealing import ExportRequest, export_bundle
from casebook.services.recordings import recordings
from casebook.services.recordings.importing import import_recordings

HOSPITAL = Recipient("Example Cancer Centre", "Thoracic MDT")


def test_only_ticked_recordings_travel_with_their_length(
    require_tool: FindTool, tmp_path: Path, session: BinderSession
) -> None:
    seven_zip = require_tool("7z", "7zz")
    pdftotext = require_tool("pdftotext")
    files = phone_formats(require_tool, tmp_path / "phone")
    cid = consultations.create_consultation(
        session, Consultation(0, "Oncology follow-up", "2025-03-02", "Dr Li")
    )
    summary = import_recordings(
        session, [files["m4a"], files["amr"]], cid, ignore_progress, NEVER_CANCELLED
    )
    ticked, _left_out = summary.added
    recordings.include_in_bundle(session, ticked.id, True)

    out = tmp_path / "USB"
    out.mkdir()
    result = export_bundle(
        session, ExportRequest(HOSPITAL, summary_language="en+zh"), out, "bundle",
        ignore_progress, NEVER_CANCELLED,
    )  # fmt: skip
    [part] = result.bundle.parts
    opened = tmp_path / "opened"
    subprocess.run(
        [seven_zip, "x", f"-p{result.password}", f"-o{opened}", part.path],
        check=True, capture_output=True,
    )  # fmt: skip
    subset = opened / "IHE_XDM" / "SUBSET01"
    sent = sorted(p.name for p in subset.iterdir() if p.suffix in (".M4A", ".AMR"))
    assert sent == ["DOC00001.M4A"]
    assert (subset / "DOC00001.M4A").read_bytes() == files["m4a"].read_bytes()
    assert 'mimeType="audio/mp4"' in (subset / "METADATA.XML").read_text(encoding="utf-8")

    english = subprocess.run(
        [pdftotext, opened / "CASE_SUMMARY_EN.PDF", "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    english = " ".join(english.split())  # table cells wrap
    assert "Recording of a consultation, 0:07" in english
    assert "voice-memo (Oncology follow-up)" in english
    chinese = subprocess.run(
        [pdftotext, opened / "CASE_SUMMARY_ZH.PDF", "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    chinese = "".join(chinese.split())
    assert "就诊录音，0:07" in chinese
    index = (opened / "INDEX.HTM").read_text(encoding="utf-8")
    assert "Recording of a consultation, 0:07" in index
    assert "wechat-voice" not in index + english  # not ticked: not sent
