"""The command line speaks the system's language: a caregiver on a Chinese system reads every
line of the everyday commands in Chinese (the same services, the same files as in English)."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import PASSWORD, Run
from .test_cli import DEMO_DOCS
from .test_cli_bundle import CHINESE, ENGLISH

ANSWER = PASSWORD + "\n"
LATIN_SENTENCE = re.compile(r"^[A-Za-z][a-z]+ [a-z]+ [a-z]+")  # an English sentence's start


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_everyday_commands_in_chinese(tmp_path: Path, run_casebook: Run) -> None:
    binder = tmp_path / "binder"
    made = run_casebook(
        "new", binder, "--name", "王芳", stdin=ANSWER, env=CHINESE
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert f"已在 {binder} 创建病历夹。" in made.stdout
    assert "Created" not in made.stdout

    added = run_casebook("import", binder, DEMO_DOCS, stdin=ANSWER, env=CHINESE)
    assert added.returncode == 0, added.stderr
    lines = _lines(added.stdout)
    assert any(line.startswith("已添加：") for line in lines)
    assert re.search(r"^已添加 \d+ 个，已存在 0 个，未接收 0 个", lines[-1])

    listed = run_casebook("list", binder, stdin=ANSWER, env=CHINESE)
    assert listed.returncode == 0, listed.stderr
    assert "患者：王芳" in listed.stdout
    assert re.search(r"^文件（\d+）：$", listed.stdout, re.MULTILINE)
    assert "影像检查（0）：" in listed.stdout

    checked = run_casebook("check", binder, stdin=ANSWER, env=CHINESE)
    assert checked.returncode == 0, checked.stderr
    assert re.match(r"病历夹完好：已检查 \d+ 页数据和 \d+ 个存储的文件。", checked.stdout)

    backed = run_casebook("backup", binder, "--to", tmp_path / "备份", stdin=ANSWER, env=CHINESE)
    assert backed.returncode == 0, backed.stderr
    assert backed.stdout.startswith("备份已写好并核对无误：")

    for result in (made, added, listed, checked, backed):
        english = [line for line in _lines(result.stdout) if LATIN_SENTENCE.match(line.strip())]
        assert english == [], english


def test_the_same_commands_in_english(tmp_path: Path, run_casebook: Run) -> None:
    binder = tmp_path / "binder"
    made = run_casebook("new", binder, "--name", "Wang Fang", stdin=ANSWER, env=ENGLISH)
    assert f"Created the binder at {binder}." in made.stdout
    checked = run_casebook("check", binder, stdin=ANSWER, env=ENGLISH)
    assert re.match(
        r"The binder is healthy: \d+ database pages and \d+ stored files? checked\.",
        checked.stdout,
    )
