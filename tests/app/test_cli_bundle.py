"""`casebook demo`, `casebook export` with the sender and the cover sheet, and the command
line speaking the language of the system — run as a user would, in child processes."""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from casebook.app import cli_messages as msg

from .conftest import PASSWORD, Run

Tool = Callable[..., Path]
ENGLISH = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_GB.UTF-8"}
CHINESE = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"}


@pytest.fixture
def demo(tmp_path: Path, run_casebook: Run) -> Path:
    folder = tmp_path / "demo"
    made = run_casebook("demo", folder, stdin=f"{PASSWORD}\n{PASSWORD}\n", env=ENGLISH)
    assert made.returncode == 0, made.stderr
    assert "a fictional patient" in made.stdout
    assert len(re.findall(r"[0-9A-Z]{5}(?:-[0-9A-Z]{5}){5}", made.stdout)) == 1
    return folder


def test_demo_fills_every_page_and_never_overwrites(
    demo: Path, tmp_path: Path, run_casebook: Run
) -> None:
    listing = run_casebook("list", demo, "--json", stdin=PASSWORD + "\n")
    assert listing.returncode == 0, listing.stderr
    data = json.loads(listing.stdout)
    assert data["case"]["patient_name"] == "Mei Lin (demo)"
    assert len(data["documents"]) == 3
    again = run_casebook("demo", demo, stdin=f"{PASSWORD}\n{PASSWORD}\n", env=ENGLISH)
    assert again.returncode == msg.EXIT_UNAVAILABLE
    assert "already in that folder" in again.stderr
    chinese = run_casebook(
        "demo", tmp_path / "zh", "--language", "zh", stdin=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert chinese.returncode == 0, chinese.stderr
    zh = json.loads(run_casebook("list", tmp_path / "zh", "--json",
                                 stdin=PASSWORD + "\n").stdout)  # fmt: skip
    assert zh["case"]["patient_name"] == "林梅（演示）"


def test_export_with_sender_and_cover_sheet(
    demo: Path, tmp_path: Path, run_casebook: Run, require_tool: Tool
) -> None:
    cover = tmp_path / "private" / "cover.pdf"
    cover.parent.mkdir()
    exported = run_casebook(
        "export", demo, "--out", tmp_path / "out", "--institution", "Example Cancer Centre",
        "--summary-language", "en+zh", "--sender-name", "Jun Lin", "--sender-relation", "son",
        "--sender-contact", "jun@example.org", "--sender-language", "English, 中文",
        "--cover-sheet", cover, "--volume-size", "1", "--json",
        stdin=PASSWORD + "\n", env=ENGLISH,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    output = json.loads(exported.stdout)
    assert output["cover_sheet"] == str(cover)
    assert cover.stat().st_mode & 0o777 == 0o600  # it carries the password
    text = subprocess.run(
        [str(require_tool("pdftotext")), str(cover), "-"], capture_output=True, text=True,
        check=True,
    ).stdout  # fmt: skip
    assert output["password"] in text
    assert "Jun Lin, son, jun@example.org" in text
    assert len(output["parts"]) >= 2
    for part in output["parts"]:
        assert Path(part["file"]).name in text
    info = subprocess.run([str(require_tool("pdfinfo")), str(cover)], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert re.search(r"^Pages:\s+2$", info, re.MULTILINE)  # one page per language
    seven = require_tool("7z", "7zz")
    opened = tmp_path / "opened"
    subprocess.run([str(seven), "x", f"-p{output['password']}", f"-o{opened}",
                    output["parts"][0]["file"]], check=True, capture_output=True)  # fmt: skip
    readme = (opened / "README.TXT").read_text(encoding="utf-8-sig")
    assert "Jun Lin, son, jun@example.org" in readme
    assert "English, 中文" in readme


def test_the_cover_sheet_is_refused_beside_the_bundle(
    demo: Path, tmp_path: Path, run_casebook: Run
) -> None:
    out = tmp_path / "out"
    result = run_casebook(
        "export", demo, "--out", out, "--cover-sheet", out / "cover.pdf",
        stdin=PASSWORD + "\n", env=ENGLISH,
    )  # fmt: skip
    assert result.returncode == msg.EXIT_INVALID_INPUT
    assert "cover sheet" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_messages_follow_the_language_of_the_system(demo: Path, run_casebook: Run) -> None:
    wrong = run_casebook("list", demo, stdin="not the password\n", env=CHINESE)
    assert wrong.returncode == msg.EXIT_WRONG_PASSWORD
    assert wrong.stderr.strip() == "casebook: 密码或恢复码不对。请再试一次。"
    english = run_casebook("list", demo, stdin="not the password\n", env=ENGLISH)
    assert english.stderr.strip() == (
        "casebook: The password or recovery code is not right. Please try again."
    )
    missing = run_casebook("list", demo.parent / "nowhere", env=CHINESE)
    assert "找不到病历夹文件夹" in missing.stderr
    helped = run_casebook("--help", env=CHINESE)
    assert "退出码" in helped.stdout
    assert "130 已中断" in helped.stdout


def test_demo_help_names_its_languages(run_casebook: Run) -> None:
    result = run_casebook("demo", "--help", env={**os.environ, **ENGLISH})
    assert result.returncode == 0
    assert "{en,zh}" in result.stdout
