"""Issue 21's canary sweep over the command line: a unique name, ID and text go in, and are
found afterwards nowhere on disk in plaintext.

The real `casebook` runs `new`, `import` (a text file, a PDF and a DICOM image carrying the
canary, in a folder named after it), `list`, `export`, `verify`, `backup`, `rekey`,
`new-recovery-code` and `check`, with HOME, the XDG folders, TMPDIR and the working directory
pointed at fresh folders. Then every file under the binder (binder.db included: it must be
encrypted), the backups, the export folder, TMPDIR, the config, cache and data folders, the
app's data folder and the places core dumps go is searched for the canary in the encodings a
writer might use.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pydicom
from data_paths import SMALL_MR

from .conftest import NEW_PASSWORD, PASSWORD

CANARY_NAME = "Zqxjv Canarywright"
CANARY_ID = "CNRY-775133-QX"
CANARY_TEXT = "Vellichor canary diagnosis 8812 — 罕见金丝雀 腺癌"


def _needles() -> list[bytes]:
    texts = [CANARY_NAME, CANARY_ID, CANARY_TEXT, "Canarywright", "Zqxjv", "Vellichor", "金丝雀"]
    found = {b"Canarywright^Zqxjv"}
    for text in texts:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be", "gb18030"):
            found.add(text.encode(encoding))
    return sorted(found)


def _make_inputs(source: Path) -> None:
    source.mkdir()
    (source / f"{CANARY_NAME} - pathology.txt").write_text(CANARY_TEXT, encoding="utf-8")
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(source / f"{CANARY_NAME} letter.pdf"))
    pdf.drawString(72, 720, f"Patient: {CANARY_NAME}  ID {CANARY_ID}")
    pdf.drawString(72, 700, "Vellichor canary diagnosis 8812")
    pdf.save()
    dataset = pydicom.dcmread(SMALL_MR)
    dataset.PatientName = "Canarywright^Zqxjv"
    dataset.PatientID = CANARY_ID
    dataset.save_as(source / "IM000001.dcm")


def _core_dump_places(work: Path) -> list[Path]:
    places = [work]
    pattern = Path("/proc/sys/kernel/core_pattern")
    if pattern.exists():
        text = pattern.read_text().strip()
        if text.startswith("/"):
            places.append(Path(text).parent)
        elif text.startswith("|"):
            places.append(Path("/var/lib/systemd/coredump"))
    return [place for place in places if place.is_dir()]


def test_no_canary_anywhere_after_the_command_line_flows(tmp_path: Path) -> None:
    home, temp, work = tmp_path / "home", tmp_path / "tmp", tmp_path / "cwd"
    folders = {
        "HOME": home,
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_STATE_HOME": home / ".local" / "state",
        "TMPDIR": temp,
    }
    for folder in [*folders.values(), work]:
        folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **{k: str(v) for k, v in folders.items()}, "QT_QPA_PLATFORM": "offscreen"}
    data_dir = tmp_path / "app-data"
    source = tmp_path / f"{CANARY_NAME} records"
    _make_inputs(source)
    binder, out, backups = tmp_path / "binder", tmp_path / "out", tmp_path / "backups"

    def casebook(*args: object, stdin: str) -> str:
        command = [sys.executable, "-m", "casebook", "--data-dir", str(data_dir), *map(str, args)]
        result = subprocess.run(
            command, input=stdin, capture_output=True, text=True, env=env, cwd=work,
            timeout=300, check=False,
        )  # fmt: skip
        assert result.returncode == 0, (args[0], result.stderr)
        return result.stdout

    pw = PASSWORD + "\n"
    casebook("new", binder, "--name", CANARY_NAME, "--diagnosis", CANARY_TEXT, stdin=pw + pw)
    imported = casebook("import", binder, source, stdin=pw)
    assert "3 added" in imported
    listing = casebook("list", binder, "--json", stdin=pw)
    assert CANARY_NAME in listing  # it really is inside
    assert '"image_count": 1' in listing
    password_file = tmp_path / "bundle-password.txt"
    casebook("export", binder, "--out", out, "--password-out", password_file, stdin=pw)
    casebook("verify", next(out.glob("*.7z*")), "--password-file", password_file, stdin="")
    casebook("backup", binder, "--to", backups, stdin=pw)
    casebook("rekey", binder, stdin=f"{PASSWORD}\n{NEW_PASSWORD}\n{NEW_PASSWORD}\n")
    casebook("new-recovery-code", binder, stdin=NEW_PASSWORD + "\n")
    assert "healthy" in casebook("check", binder, stdin=NEW_PASSWORD + "\n")

    swept = [binder, backups, out, temp, home, data_dir, *_core_dump_places(work)]
    scanned = [path for root in swept for path in root.rglob("*") if path.is_file()]
    assert any(path.name == "binder.db" for path in scanned)
    assert any(path.parent == out for path in scanned)
    needles = _needles()
    for path in scanned:
        if path == password_file:
            continue
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, f"{needle!r} in plaintext in {path}"
        assert "Canarywright" not in str(path.relative_to(tmp_path)), path
