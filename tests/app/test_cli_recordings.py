"""`casebook import … --consultation ID` and `casebook list --json` with recordings, run as a
real child process on phone recordings made by ffmpeg and sox."""

from __future__ import annotations

import json
from pathlib import Path

from phone_recordings import FindTool, phone_formats, video_named_m4a, wav_seconds

from casebook.core.consultations import Consultation
from casebook.services import consultations
from casebook.services.binder.session import unlock_binder

from .conftest import PASSWORD, Run


def test_import_attaches_recordings_and_list_shows_them(
    require_tool: FindTool, tmp_path: Path, binder: Path, run_casebook: Run
) -> None:
    with unlock_binder(binder, PASSWORD) as session:
        cid = consultations.create_consultation(
            session, Consultation(0, "Second opinion, Dr Chen", "2025-04-01")
        )
    files = phone_formats(require_tool, tmp_path / "phone")
    spoken = wav_seconds(files["wav"])
    report = tmp_path / "report.txt"
    report.write_text("Pathology report\nDiagnosis: adenocarcinoma\n")
    video = video_named_m4a(require_tool, tmp_path / "phone")

    attached = run_casebook(
        "import", binder, files["m4a"], files["amr"], report, video,
        "--consultation", cid, stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert attached.returncode == 0, attached.stderr
    assert "3 added, 0 already there, 1 refused" in attached.stdout
    assert f"refused: {video}: This is a video, not a sound recording." in attached.stdout

    loose = run_casebook("import", binder, files["opus"], stdin=PASSWORD + "\n")
    assert loose.returncode == 0, loose.stderr
    again = run_casebook("import", binder, files["m4a"], stdin=PASSWORD + "\n")
    assert "0 added, 1 already there, 0 refused" in again.stdout

    listed = run_casebook("list", binder, "--json", stdin=PASSWORD + "\n")
    assert listed.returncode == 0, listed.stderr
    data = json.loads(listed.stdout)
    assert [c["id"] for c in data["consultations"]] == [cid]
    by_name = {r["title"]: r for r in data["recordings"]}
    assert set(by_name) == {files[k].stem for k in ("m4a", "amr", "opus")}
    for name, recording in by_name.items():
        assert recording["kind"] == "audio"
        assert abs(recording["duration_seconds"] - spoken) < 0.2
        assert recording["in_bundle"] is False
        if name == files["opus"].stem:
            assert recording["consultation_id"] is None
        else:
            assert recording["consultation_id"] == cid
            assert recording["consultation"] == "Second opinion, Dr Chen"
    # The report went in as a document, not as a recording.
    assert [d["original_name"] for d in data["documents"]] == ["report.txt"]


def test_an_unknown_consultation_is_refused_before_anything_is_added(
    require_tool: FindTool, tmp_path: Path, binder: Path, run_casebook: Run
) -> None:
    files = phone_formats(require_tool, tmp_path)
    result = run_casebook(
        "import", binder, files["mp3"], "--consultation", "42", stdin=PASSWORD + "\n"
    )
    assert result.returncode == 7
    assert "there is no consultation 42" in result.stderr
    listed = run_casebook("list", binder, "--json", stdin=PASSWORD + "\n")
    assert json.loads(listed.stdout)["recordings"] == []
