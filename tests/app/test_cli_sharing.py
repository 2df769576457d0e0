"""`casebook invite`, `join`, `exchange` and `members`, run as a script would: real processes,
real binders, the code kept in an owner-only file, real exit codes."""

from __future__ import annotations

import json
import re
import stat
import sys
from pathlib import Path

import pytest
from importers.samples import make_pdf

from casebook.app import cli_messages as msg
from casebook.core.errors import CannotWrite

from .conftest import PASSWORD, Run

OTHER_PASSWORD = "orchard kettle 17 blue"


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_invite_join_and_exchange_from_the_command_line(
    binder: Path, tmp_path: Path, run_casebook: Run
) -> None:
    pdf = tmp_path / "pathology.pdf"
    pdf.write_bytes(make_pdf(["Pathology report"]))
    assert run_casebook("import", binder, pdf, stdin=PASSWORD + "\n").returncode == 0
    invitation, code_file = tmp_path / "wei.cbi", tmp_path / "code.txt"
    made = run_casebook(
        "invite",
        binder,
        "--out",
        invitation,
        "--code-out",
        code_file,
        "--name",
        "Wei",
        "--your-name",
        "Li",
        stdin=PASSWORD + "\n",
    )
    assert made.returncode == 0, made.stderr
    code = code_file.read_text().strip()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}", code)
    assert code not in made.stdout
    if sys.platform != "win32":
        assert stat.S_IMODE(code_file.stat().st_mode) == 0o600

    password_file = tmp_path / "pw"
    password_file.write_text(OTHER_PASSWORD + "\n")
    copy = tmp_path / "Wei's copy"
    joined = run_casebook(
        "join",
        invitation,
        "--to",
        copy,
        "--code-file",
        code_file,
        "--new-password-file",
        password_file,
    )
    assert joined.returncode == 0, joined.stderr
    assert len(re.findall(r"[0-9A-Z]{5}(?:-[0-9A-Z]{5}){5}", joined.stdout)) == 1
    listed = run_casebook("list", copy, "--json", "--password-file", password_file)
    assert [d["title"] for d in json.loads(listed.stdout)["documents"]] == ["pathology"]

    folder = tmp_path / "usb stick"
    folder.mkdir()
    first = run_casebook("exchange", copy, "--folder", folder, "--password-file", password_file)
    assert first.returncode == 0, first.stderr
    assert "Wrote casebook-exchange-" in first.stdout
    second = run_casebook("exchange", binder, "--folder", folder, stdin=PASSWORD + "\n")
    assert second.returncode == 0, second.stderr
    assert "Read 1 file." in second.stdout
    assert "Wei: 1 added, 0 changed, 0 deleted" in second.stdout  # Wei's member row
    members = run_casebook("members", binder, stdin=PASSWORD + "\n")
    assert "Li — " in members.stdout
    assert "(this copy)" in members.stdout
    assert "Wei — " in members.stdout

    # A file from elsewhere in the folder: named, with its reason; exit code 1.
    (folder / "casebook-exchange-ffffffff-000001.cbx").write_bytes(b"not an exchange file")
    refused = run_casebook("exchange", binder, "--folder", folder, stdin=PASSWORD + "\n")
    assert refused.returncode == msg.EXIT_PROBLEM_FOUND
    assert (
        "Refused casebook-exchange-ffffffff-000001.cbx: It is not an exchange file from Casebook."
        in refused.stdout
    )

    removed = run_casebook("members", binder, "--remove", "Wei", stdin=PASSWORD + "\n")
    assert removed.returncode == 0, removed.stderr
    assert re.search(r"Wei — .* — removed", removed.stdout)


def test_a_wrong_code_makes_nothing(binder: Path, tmp_path: Path, run_casebook: Run) -> None:
    invitation = tmp_path / "mei.cbi"
    made = run_casebook("invite", binder, "--out", invitation, stdin=PASSWORD + "\n")
    assert made.returncode == 0, made.stderr
    assert "Code (shown only now" in made.stdout
    wrong = tmp_path / "wrong"
    wrong.write_text("AAAA-BBBB-CCCC\n")
    target = tmp_path / "Mei"
    joined = run_casebook(
        "join", invitation, "--to", target, "--code-file", wrong, stdin=f"{OTHER_PASSWORD}\n"
    )
    assert joined.returncode == msg.EXIT_WRONG_PASSWORD
    assert "code does not open this invitation" in joined.stderr
    assert not target.exists()
    assert _files(tmp_path).count("Mei.joining") == 0


@pytest.mark.parametrize("command", ["invite", "exchange"])
def test_a_binder_that_is_not_shared(
    binder: Path, tmp_path: Path, run_casebook: Run, command: str
) -> None:
    if command == "invite":
        out = tmp_path / "missing folder" / "x.cbi"
        result = run_casebook("invite", binder, "--out", out, stdin=PASSWORD + "\n")
        assert result.returncode == msg.EXIT_UNAVAILABLE
        assert "could not write" in result.stderr
    else:
        folder = tmp_path / "family folder"
        folder.mkdir()
        result = run_casebook("exchange", binder, "--folder", folder, stdin=PASSWORD + "\n")
        assert result.returncode == msg.EXIT_INVALID_INPUT
        assert "not shared with anyone yet" in result.stderr


def test_an_exchange_file_on_a_full_disk_ends_with_the_full_disk_exit_code(tmp_path: Path) -> None:
    """Exit 6 ("not enough disk space", as `casebook --help` says), not 5 (the binder is
    unavailable): the family's binder is fine, the USB stick is full."""
    target = tmp_path / "usb stick" / "casebook-exchange-0a6a87bd-000001.cbx"
    text, code = msg.describe(CannotWrite(target, full=True))
    assert code == msg.EXIT_NO_SPACE
    assert "is full" in text
    assert msg.describe(CannotWrite(target))[1] == msg.EXIT_UNAVAILABLE
