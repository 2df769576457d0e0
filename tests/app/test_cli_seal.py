"""`casebook export` hands the password over before publishing; `casebook verify` says what is
wrong in plain words, in the system's language, with the documented exit codes.

Real processes on a real binder; the bundle is damaged the way mail and USB sticks do it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from data_paths import LUNG_SERIES

from casebook.app import cli_messages as msg
from casebook.bundle.errors import BundleInvalid, BundleProblem
from casebook.resources import resource_path

from .conftest import PASSWORD, make_binder

DEMO_DOCS = resource_path("demo", "documents")
LUNG = LUNG_SERIES
ENGLISH = {"LANG": "en_GB.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
CHINESE = {"LANG": "zh_CN.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}


def casebook(
    *args: object,
    data_dir: Path,
    stdin: str = "",
    env: dict[str, str] | None = None,
    stdout: int | None = subprocess.PIPE,
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **ENGLISH, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "casebook", "--data-dir", str(data_dir), *map(str, args)],
        input=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=180,
        env=environment,
        check=False,
    )


def _one_plain_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    line = lines[0]
    assert line.startswith("casebook: ")
    internal = [problem.value for problem in BundleProblem]
    internal += ["Traceback", "Error", "Invalid", "NotSaved", "errno", "None", "sevenzip"]
    for word in internal:
        assert word not in line, line
    return line


@pytest.fixture(scope="module")
def binder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A binder with the demo documents and five CT slices (~3 MB), and its app-data folder."""
    base = tmp_path_factory.mktemp("cli-bundle")
    data_dir = base / "app-data"
    folder = base / "binder"
    make_binder(folder)
    added = casebook(
        "import", folder, DEMO_DOCS, *sorted(LUNG.glob("*.dcm"))[:5],
        "--accept-other-patient", data_dir=data_dir, stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    yield folder, data_dir
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def mailed(
    binder: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[list[Path], Path]:
    """The binder exported in 1 MB parts, with its password file."""
    folder, data_dir = binder
    out = tmp_path_factory.mktemp("mailed")
    password_file = out / "password.txt"
    exported = casebook(
        "export", folder, "--out", out, "--volume-size", "1", "--password-out", password_file,
        data_dir=data_dir, stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    parts = sorted(out.glob("casebook-bundle.7z.*"))
    assert len(parts) >= 3
    assert oct(password_file.stat().st_mode & 0o777) == "0o600"
    return parts, password_file


def _copy(parts: list[Path], folder: Path) -> list[Path]:
    folder.mkdir()
    return [Path(shutil.copy(part, folder / part.name)) for part in parts]


def test_verify_intact_in_english_and_chinese(
    mailed: tuple[list[Path], Path], binder: tuple[Path, Path]
) -> None:
    parts, password_file = mailed
    _, data_dir = binder
    english = casebook("verify", parts[0], "--password-file", password_file, data_dir=data_dir)
    assert english.returncode == 0, english.stderr
    assert f"The bundle is intact: {len(parts)} parts" in english.stdout
    chinese = casebook(
        "verify", parts[0], "--password-file", password_file, data_dir=data_dir, env=CHINESE
    )
    assert chinese.returncode == 0, chinese.stderr
    assert f"资料包完好：{len(parts)} 个分卷" in chinese.stdout


def test_verify_names_the_missing_part(
    mailed: tuple[list[Path], Path], binder: tuple[Path, Path], tmp_path: Path
) -> None:
    parts, password_file = mailed
    copies = _copy(parts, tmp_path / "copy")
    copies[1].unlink()
    result = casebook("verify", copies[0], "--password-file", password_file, data_dir=binder[1])
    assert result.returncode == msg.EXIT_PROBLEM_FOUND
    line = _one_plain_line(result.stderr)
    assert f"Part 2 ({copies[1].name}) is missing" in line
    assert "password" not in line
    chinese = casebook(
        "verify", copies[0], "--password-file", password_file, data_dir=binder[1], env=CHINESE
    )
    assert f"缺少第 2 卷（{copies[1].name}）" in _one_plain_line(chinese.stderr)


def test_verify_names_the_damaged_part(
    mailed: tuple[list[Path], Path], binder: tuple[Path, Path], tmp_path: Path
) -> None:
    parts, password_file = mailed
    copies = _copy(parts, tmp_path / "copy")
    data = bytearray(copies[2].read_bytes())
    data[len(data) // 2] ^= 0x01
    copies[2].write_bytes(bytes(data))
    result = casebook("verify", copies[0], "--password-file", password_file, data_dir=binder[1])
    assert result.returncode == msg.EXIT_PROBLEM_FOUND
    line = _one_plain_line(result.stderr)
    assert re.search(rf"part 3 \({re.escape(copies[2].name)}\)", line, re.IGNORECASE), line
    assert "damaged" in line


def test_a_wrong_password_exits_3(
    mailed: tuple[list[Path], Path], binder: tuple[Path, Path], tmp_path: Path
) -> None:
    parts, _ = mailed
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("0000-0000-0000-0000-0000-0000\n")
    result = casebook("verify", parts[0], "--password-file", wrong, data_dir=binder[1])
    assert result.returncode == msg.EXIT_WRONG_PASSWORD
    assert "password does not open this bundle" in _one_plain_line(result.stderr)
    chinese = casebook(
        "verify", parts[0], "--password-file", wrong, data_dir=binder[1], env=CHINESE
    )
    assert chinese.returncode == msg.EXIT_WRONG_PASSWORD
    assert "密码无法打开这个资料包" in _one_plain_line(chinese.stderr)


def test_a_password_typed_with_spaces_still_verifies(
    mailed: tuple[list[Path], Path], binder: tuple[Path, Path], tmp_path: Path
) -> None:
    parts, password_file = mailed
    spaced = tmp_path / "spaced.txt"
    spaced.write_text(password_file.read_text().strip().replace("-", " ") + "\n")
    result = casebook("verify", parts[0], "--password-file", spaced, data_dir=binder[1])
    assert result.returncode == 0, result.stderr


def test_password_out_into_a_missing_folder_is_refused_before_sealing(
    binder: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, data_dir = binder
    out = tmp_path / "out"
    result = casebook(
        "export", folder, "--out", out, "--password-out", tmp_path / "no such folder" / "pw.txt",
        data_dir=data_dir, stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert result.returncode == msg.EXIT_INVALID_INPUT
    assert "no such folder" in _one_plain_line(result.stderr)
    assert not out.exists() or list(out.iterdir()) == []


def test_a_password_that_cannot_be_printed_publishes_nothing(
    binder: tuple[Path, Path], tmp_path: Path
) -> None:
    """Standard output is /dev/full: printing the password fails with "disk full", so the
    bundle, checked and ready, is deleted instead of published."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    folder, data_dir = binder
    out = tmp_path / "out"
    with open("/dev/full", "w") as full:
        result = casebook(
            "export", folder, "--out", out, data_dir=data_dir, stdin=PASSWORD + "\n",
            stdout=full.fileno(),
        )  # fmt: skip
    assert result.returncode == msg.EXIT_NO_SPACE
    assert "could not be printed" in _one_plain_line(result.stderr)
    assert list(out.iterdir()) == []


def test_the_password_is_printed_before_the_bundle_is_named(
    binder: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, data_dir = binder
    result = casebook(
        "export", folder, "--out", tmp_path / "out", data_dir=data_dir, stdin=PASSWORD + "\n"
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Password (send it by another channel than the bundle): ")
    assert lines[1] == "Bundle written:"


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("problem", list(BundleProblem))
@pytest.mark.parametrize("parts", [("b.7z",), ("b.7z.003",), ("b.7z.002", "b.7z.003")])
def test_every_problem_has_a_whole_sentence_in_both_languages(
    problem: BundleProblem, language: str, parts: tuple[str, ...]
) -> None:
    from casebook.app.bundle_messages import describe_invalid

    text, code = describe_invalid(
        BundleInvalid(problem, "DICOM/PA000001/IM000001", parts), language
    )
    assert code == (msg.EXIT_WRONG_PASSWORD if problem is BundleProblem.WRONG_PASSWORD else 1)
    assert text.strip()
    assert "{" not in text
    assert problem.value not in text
    if language == "zh":
        assert re.search(r"[\u4e00-\u9fff]", text), text
    else:
        assert not re.search(r"[\u4e00-\u9fff]", text), text
