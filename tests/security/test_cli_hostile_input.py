"""Issue 21/14 on the command line: crafted key files and odd password files get their exit code.

A crafted keyslots.json is "damaged" (4); a password file or standard input that is not UTF-8
is "invalid input" (7). Never exit 70 (a bug) and never a traceback.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from casebook.app import cli_messages as msg
from casebook.services.binder.session import NewBinder

from .conftest import PASSWORD, Run


def _rewrite(keyslots: Path, change: object) -> None:
    document = json.loads(keyslots.read_bytes())
    assert callable(change)
    change(document)
    body = {k: v for k, v in document.items() if k != "checksum_sha256"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    body["checksum_sha256"] = hashlib.sha256(canonical).hexdigest()
    keyslots.write_bytes((json.dumps(body, indent=2, sort_keys=True) + "\n").encode())


def _short_salt(document: dict) -> None:  # type: ignore[type-arg]
    document["slots"][0]["kdf"]["salt"] = "AAAAAAAA"


def _exhausting_kdf(document: dict) -> None:  # type: ignore[type-arg]
    document["slots"][0]["kdf"].update(memory_kib=4 * 1024 * 1024, iterations=200)


def _huge_number(document: dict) -> None:  # type: ignore[type-arg]
    document["slots"][0]["kdf"]["iterations"] = 10**400


def _wrong_type(document: dict) -> None:  # type: ignore[type-arg]
    document["slots"][0]["kdf"]["parallelism"] = "4"


@pytest.mark.parametrize(
    "change",
    [_short_salt, _exhausting_kdf, _huge_number, _wrong_type],
    ids=["salt length", "4 GiB and 200 passes", "huge number", "wrong type"],
)
def test_crafted_keyslots_are_damaged_exit_4(
    new_binder: NewBinder, run_casebook: Run, change: object
) -> None:
    folder = new_binder.session.folder
    new_binder.session.close()
    _rewrite(folder / "keyslots.json", change)
    for command in ("list", "check"):
        result = run_casebook(command, folder, stdin=PASSWORD + "\n", timeout=60)
        assert result.returncode == msg.EXIT_DAMAGED, (command, result.stderr)
        assert "damaged" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_100000_deep_array_is_damaged_exit_4(new_binder: NewBinder, run_casebook: Run) -> None:
    folder = new_binder.session.folder
    new_binder.session.close()
    (folder / "keyslots.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    result = run_casebook("list", folder, stdin=PASSWORD + "\n")
    assert result.returncode == msg.EXIT_DAMAGED, result.stderr
    assert "Traceback" not in result.stderr


def test_password_file_that_is_not_utf8_is_invalid_input(
    new_binder: NewBinder, run_casebook: Run, tmp_path: Path
) -> None:
    folder = new_binder.session.folder
    new_binder.session.close()
    latin1 = tmp_path / "password.txt"
    latin1.write_bytes("pässwörd lang genug\n".encode("latin-1"))
    result = run_casebook("list", folder, "--password-file", latin1)
    assert result.returncode == msg.EXIT_INVALID_INPUT, result.stderr
    assert "not UTF-8" in result.stderr
    assert "Traceback" not in result.stderr
    piped = run_casebook("list", folder, stdin="pässwörd lang genug\n".encode("latin-1"))
    assert piped.returncode == msg.EXIT_INVALID_INPUT, piped.stderr
    assert "Traceback" not in piped.stderr
