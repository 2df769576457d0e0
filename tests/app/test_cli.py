"""The command line, run as a user would: real processes, real files, real exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from data_paths import LUNG_CT

from casebook.app import cli_messages as msg
from casebook.resources import resource_path

from .conftest import PASSWORD, Run

DEMO_DOCS = resource_path("demo", "documents")
LUNG = LUNG_CT


def _one_clear_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    assert lines[0].startswith("casebook: ")
    return lines[0]


def test_new_prints_the_recovery_code_once(tmp_path: Path, run_casebook: Run) -> None:
    result = run_casebook("new", tmp_path / "b", "--name", "Li Na", stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    codes = re.findall(r"[0-9A-Z]{5}(?:-[0-9A-Z]{5}){5}", result.stdout)
    assert len(codes) == 1
    again = run_casebook("new", tmp_path / "b", "--name", "Li Na", stdin=PASSWORD + "\n")
    assert again.returncode == msg.EXIT_UNAVAILABLE
    assert "already in that folder" in _one_clear_line(again.stderr)


def test_import_and_list_json(binder: Path, run_casebook: Run) -> None:
    slices = sorted(LUNG.rglob("*.dcm"))[:2]
    result = run_casebook(
        "import", binder, DEMO_DOCS, *slices, "--accept-other-patient", stdin=PASSWORD + "\n"
    )
    assert result.returncode == 0, result.stderr
    assert "5 added, 0 already there, 0 refused" in result.stdout
    listing = run_casebook("list", binder, "--json", stdin=PASSWORD + "\n")
    assert listing.returncode == 0, listing.stderr
    data = json.loads(listing.stdout)
    assert data["case"]["patient_name"] == "Wang Fang"
    assert sorted(d["original_name"] for d in data["documents"]) == [
        "lab-results.txt",
        "pathology-report.pdf",
        "referral-letter.pdf",
    ]
    [study] = data["imaging_studies"]
    assert study["date"] == "2007-04-04"
    assert study["image_count"] == 2
    assert study["series"][0]["series_uid"]
    assert study["series"][0]["preview"] == {"available": True, "problem": ""}
    statuses = {slot["kind"]: slot["status"] for slot in data["slots"]}
    assert statuses["imaging"] == "received"
    assert statuses["history"] == "missing"


def test_wrong_password_is_one_line_and_exit_3(binder: Path, run_casebook: Run) -> None:
    result = run_casebook("list", binder, stdin="not the password\n")
    assert result.returncode == msg.EXIT_WRONG_PASSWORD
    assert "password" in _one_clear_line(result.stderr)


def test_missing_binder_and_missing_stdin(tmp_path: Path, binder: Path, run_casebook: Run) -> None:
    result = run_casebook("list", tmp_path / "nothing", stdin=PASSWORD + "\n")
    assert result.returncode == msg.EXIT_UNAVAILABLE
    assert "cannot be found" in _one_clear_line(result.stderr)
    empty = run_casebook("list", binder, stdin="")
    assert empty.returncode == msg.EXIT_INVALID_INPUT
    assert "missing on standard input" in _one_clear_line(empty.stderr)


def test_check_finds_a_flipped_byte(binder: Path, run_casebook: Run) -> None:
    slices = sorted(LUNG.rglob("*.dcm"))[:6]
    run_casebook("import", binder, *slices, stdin=PASSWORD + "\n")
    healthy = run_casebook("check", binder, stdin=PASSWORD + "\n")
    assert healthy.returncode == 0, healthy.stderr
    assert "healthy" in healthy.stdout
    database = binder / "binder.db"
    data = bytearray(database.read_bytes())
    data[len(data) // 2] ^= 0x04
    database.write_bytes(bytes(data))
    damaged = run_casebook("check", binder, stdin=PASSWORD + "\n")
    assert damaged.returncode == msg.EXIT_PROBLEM_FOUND
    assert "damaged" in damaged.stderr
    assert "Traceback" not in damaged.stderr


def test_flipped_byte_in_keyslots_is_a_clear_error(binder: Path, run_casebook: Run) -> None:
    keyslots = binder / "keyslots.json"
    data = bytearray(keyslots.read_bytes())
    data[len(data) // 3] ^= 0x01
    keyslots.write_bytes(bytes(data))
    result = run_casebook("list", binder, stdin=PASSWORD + "\n")
    assert result.returncode == msg.EXIT_DAMAGED
    assert "keyslots.json" in _one_clear_line(result.stderr)


def test_backup_change_password_and_recover(
    binder: Path, tmp_path: Path, run_casebook: Run
) -> None:
    run_casebook("import", binder, DEMO_DOCS, stdin=PASSWORD + "\n")
    backup = run_casebook("backup", binder, "--to", tmp_path / "backups", stdin=PASSWORD + "\n")
    assert backup.returncode == 0, backup.stderr
    [copy] = (tmp_path / "backups").iterdir()
    assert run_casebook("check", copy, stdin=PASSWORD + "\n").returncode == 0

    changed = run_casebook("change-password", binder, stdin=f"{PASSWORD}\nnew password 42\n")
    assert changed.returncode == 0, changed.stderr
    assert run_casebook("list", binder, stdin=PASSWORD + "\n").returncode == 3
    assert run_casebook("list", binder, stdin="new password 42\n").returncode == 0

    new_binder = tmp_path / "second"
    created = run_casebook("new", new_binder, "--name", "Li Na", stdin=PASSWORD + "\n")
    [code] = re.findall(r"[0-9A-Z]{5}(?:-[0-9A-Z]{5}){5}", created.stdout)
    code_file = tmp_path / "code.txt"
    code_file.write_text(code.lower() + "\n")
    new_password = tmp_path / "new.txt"
    new_password.write_text("recovered password\n")
    recovered = run_casebook(
        "recover", new_binder, "--recovery-code-file", code_file,
        "--new-password-file", new_password,
    )  # fmt: skip
    assert recovered.returncode == 0, recovered.stderr
    assert run_casebook("list", new_binder, stdin="recovered password\n").returncode == 0


def test_export_and_verify(binder: Path, tmp_path: Path, run_casebook: Run) -> None:
    slices = sorted(LUNG.rglob("*.dcm"))[:2]
    run_casebook("import", binder, DEMO_DOCS, *slices, stdin=PASSWORD + "\n")
    password_file = tmp_path / "bundle-password.txt"
    exported = run_casebook(
        "export", binder, "--out", tmp_path / "out", "--institution", "Example Cancer Centre",
        "--summary-language", "en+zh", "--password-out", password_file, "--json",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    [part] = json.loads(exported.stdout)["parts"]
    assert "password" not in json.loads(exported.stdout)
    verified = run_casebook("verify", part["file"], "--password-file", password_file)
    assert verified.returncode == 0, verified.stderr
    data = bytearray(Path(part["file"]).read_bytes())
    data[len(data) // 2] ^= 0x01
    Path(part["file"]).write_bytes(bytes(data))
    broken = run_casebook("verify", part["file"], "--password-file", password_file)
    assert broken.returncode == msg.EXIT_PROBLEM_FOUND
    _one_clear_line(broken.stderr)


@pytest.mark.parametrize(
    "command",
    [[], ["new"], ["import"], ["list"], ["check"], ["backup"], ["change-password"],
     ["recover"], ["export"], ["verify"], ["self-test"]],
)  # fmt: skip
def test_help_for_every_command(run_casebook: Run, command: list[str]) -> None:
    result = run_casebook(*command, "--help")
    assert result.returncode == 0
    assert "usage: casebook" in result.stdout
    if not command:
        assert "exit codes:" in result.stdout


def test_password_never_accepted_on_the_command_line(binder: Path, run_casebook: Run) -> None:
    result = run_casebook("list", binder, "--password", PASSWORD)
    assert result.returncode == msg.EXIT_USAGE


def test_list_as_text(binder: Path, run_casebook: Run) -> None:
    run_casebook("import", binder, DEMO_DOCS / "lab-results.txt", "--slot", "labs",
                 stdin=PASSWORD + "\n")  # fmt: skip
    result = run_casebook("list", binder, stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert "Patient: Wang Fang" in result.stdout
    assert re.search(r"labs\s+received\s+1 document\b", result.stdout)  # never "1 documents"
    assert "Documents (1):" in result.stdout
    assert "Imaging studies (0):" in result.stdout


_RUN_AND_SAY_WHAT_LOADED = """
import sys
from casebook.app import main
code = main.main(sys.argv[1:])
heavy = ("numpy", "pydicom", "PIL", "pypdfium2", "av", "zxcvbn", "reportlab")
print(code, *[name for name in heavy if name in sys.modules])
"""


def test_list_loads_no_image_library_nor_password_checker(binder: Path, run_casebook: Run) -> None:
    """Every command starts faster than when it loaded numpy (through sqlite-utils), the
    picture decoders (to say a PDF can be previewed) and zxcvbn: `list` of a binder with a PDF
    and a text file needs none of them, and still says the PDF can be shown."""
    imported = run_casebook("import", binder, DEMO_DOCS / "pathology-report.pdf",
                            DEMO_DOCS / "lab-results.txt", stdin=PASSWORD + "\n")  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    listed = subprocess.run(
        [sys.executable, "-c", _RUN_AND_SAY_WHAT_LOADED, "--data-dir", str(binder.parent / "d"),
         "list", str(binder), "--json"],
        input=PASSWORD + "\n", capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    *listing, loaded = listed.stdout.strip().splitlines()
    assert loaded.split() == ["0"], listed.stderr
    documents = json.loads("\n".join(listing))["documents"]
    previewable = {Path(d["original_name"]).suffix: d["previewable"] for d in documents}
    assert previewable == {".pdf": True, ".txt": False}


def test_importing_images_leaves_their_decoders_to_the_workers(binder: Path) -> None:
    """The app process of `import` sends DICOM headers to the file workers and stores what
    comes back: pydicom, PDFium, PyAV and numpy load in the workers only (a quarter of a
    second of CPU each time they loaded here too, and untrusted bytes stay out of this process)."""
    slices = sorted(LUNG.rglob("*.dcm"))[:3]
    imported = subprocess.run(
        [sys.executable, "-c", _RUN_AND_SAY_WHAT_LOADED, "--data-dir", str(binder.parent / "d"),
         "import", str(binder), *map(str, slices), "--accept-other-patient"],
        input=PASSWORD + "\n", capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    *said, loaded = imported.stdout.strip().splitlines()
    assert loaded.split() == ["0"], imported.stderr
    assert said[-1].startswith("3 added")


def test_no_binder_is_said_before_asking_for_a_password(tmp_path: Path, run_casebook: Run) -> None:
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "notes.txt").write_text("not a binder")
    result = run_casebook("check", tmp_path / "plain", stdin="")
    assert result.returncode == msg.EXIT_UNAVAILABLE
    assert "not a Casebook binder" in _one_clear_line(result.stderr)


@pytest.mark.slow
def test_self_test_passes_and_cleans_up(tmp_path: Path, run_casebook: Run) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    result = run_casebook("self-test", env={"TMPDIR": str(temp)})
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "self-test passed"
    assert all(line.startswith("ok    ") for line in lines[:-1])
    assert len(lines) >= 8
    assert any(line.startswith("ok    compressed DICOM: ") for line in lines)
    assert list(temp.iterdir()) == []  # the throwaway binder and bundle are gone


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="display check is for Linux")
def test_app_without_a_display_says_so(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "casebook", "--data-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=60, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == msg.EXIT_UNAVAILABLE
    assert "needs a display" in _one_clear_line(result.stderr)
