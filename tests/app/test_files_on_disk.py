"""What the real `casebook` command leaves on disk, in folders named the way families name them.

One flow runs once for the module (new, import, list, backup, export, verify): every path in it
has Chinese characters and spaces — the data folder, the binder, the files and folders imported,
the backup and export targets, the password file — as on a Chinese-speaking family's Windows or
macOS laptop. The tests then check that it all worked, and that everything Casebook created is
owner-only from the first byte (issue 21 item 8) except the bundle parts the family hands on.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from data_paths import lung_slices

from casebook.app.file_modes import write_private_text
from casebook.resources import resource_path

PASSWORD = "long enough password 42"
PATIENT = "王芳 Wang Fang"


@dataclass(frozen=True)
class Flow:
    root: Path
    data_dir: Path
    binder: Path
    backups: Path
    export: Path
    password_file: Path
    listing: dict[str, object]
    parts: list[dict[str, object]]
    verify_output: str


def _casebook(data_dir: Path, *args: object, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The real command, started with the common default umask (022) it must narrow itself."""
    previous = os.umask(0o022) if os.name == "posix" else None
    try:
        return subprocess.run(
            [sys.executable, "-m", "casebook", "--data-dir", str(data_dir), *map(str, args)],
            input=stdin, capture_output=True, text=True, timeout=180, check=False,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )  # fmt: skip
    finally:
        if previous is not None:
            os.umask(previous)


@pytest.fixture(scope="module")
def flow(tmp_path_factory: pytest.TempPathFactory) -> Flow:
    root = tmp_path_factory.mktemp("paths") / "王芳 的 资料 (Wang Fang)"
    data_dir = root / "数据 目录 app data"
    binder = root / "病历夹 binder folder"
    reports = root / "检查 报告 reports"
    disc = root / "影像 光盘 CD" / "DICOM 文件"
    backups = root / "备份 盘 backups"
    export = root / "导出 给医院 for the hospital"
    password_file = root / "密码 bundle password.txt"
    reports.mkdir(parents=True)
    disc.mkdir(parents=True)
    shutil.copyfile(
        resource_path("demo", "documents", "pathology-report.pdf"), reports / "病理 报告 ü.pdf"
    )
    shutil.copyfile(
        resource_path("demo", "documents", "lab-results.txt"), reports / "化验 结果.txt"
    )
    for number, slice_path in enumerate(lung_slices(2), 1):
        shutil.copyfile(slice_path, disc / f"图像 {number}.dcm")

    def run(*args: object) -> subprocess.CompletedProcess[str]:
        result = _casebook(data_dir, *args, stdin=PASSWORD + "\n")
        assert result.returncode == 0, f"{args[0]}: {result.stderr}"
        return result

    run("new", binder, "--name", PATIENT)
    run("import", binder, reports, disc.parent, "--accept-other-patient")  # a research CT
    listing = json.loads(run("list", binder, "--json").stdout)
    run("backup", binder, "--to", backups)
    exported = run(
        "export", binder, "--out", export, "--password-out", password_file, "--json",
        "--summary-language", "en+zh", "--institution", "北京 肿瘤 医院",
    )  # fmt: skip
    parts = json.loads(exported.stdout)["parts"]
    verified = _casebook(data_dir, "verify", parts[0]["file"], "--password-file", password_file)
    assert verified.returncode == 0, verified.stderr
    return Flow(root, data_dir, binder, backups, export, password_file, listing, parts,
                verified.stdout)  # fmt: skip


def test_chinese_names_and_spaces_work_everywhere(flow: Flow) -> None:
    names = {document["original_name"] for document in flow.listing["documents"]}  # type: ignore[index, union-attr]
    assert {"病理 报告 ü.pdf", "化验 结果.txt"} <= names
    assert flow.listing["case"]["patient_name"] == PATIENT  # type: ignore[index, call-overload]
    [backup] = flow.backups.iterdir()
    assert (backup / "binder.db").is_file()
    [part] = flow.parts
    assert Path(str(part["file"])).parent == flow.export
    assert "The bundle is intact" in flow.verify_output


def test_the_bundle_opens_with_7zip_from_a_chinese_folder(flow: Flow, require_tool: object) -> None:
    seven_zip = require_tool("7zz", "7z")  # type: ignore[operator]
    password = flow.password_file.read_text(encoding="utf-8").strip()
    listed = subprocess.run(
        [str(seven_zip), "l", f"-p{password}", str(flow.parts[0]["file"])],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert "SHA256SUMS" in listed.stdout


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX; Windows uses folder ACLs")
def test_everything_casebook_made_is_owner_only_except_the_bundle_parts(flow: Flow) -> None:
    made_by_casebook = [flow.binder, flow.backups, flow.export, flow.password_file]
    parts = {Path(str(part["file"])) for part in flow.parts}
    checked = 0
    for top in made_by_casebook:
        for path in [top, *top.rglob("*")] if top.is_dir() else [top]:
            checked += 1
            if path in parts:
                assert _mode(path) == 0o644, path  # handed on by the family
            elif path.is_dir():
                assert _mode(path) == 0o700, path
            else:
                assert _mode(path) == 0o600, path
    assert checked > 8
    assert _mode(flow.binder / "keyslots.json") == 0o600
    assert _mode(flow.binder / "binder.db") == 0o600


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_password_file_is_never_readable_by_others(tmp_path: Path) -> None:
    previous = os.umask(0)  # the mode must come from the code, not from a kind umask
    try:
        fresh = tmp_path / "密码.txt"
        write_private_text(fresh, "one two three\n")
        existing = tmp_path / "old password.txt"
        existing.write_text("an old, longer password\n")
        existing.chmod(0o644)
        write_private_text(existing, "new\n")
    finally:
        os.umask(previous)
    assert _mode(fresh) == 0o600
    assert fresh.read_text(encoding="utf-8") == "one two three\n"
    assert _mode(existing) == 0o600
    assert existing.read_text(encoding="utf-8") == "new\n"
