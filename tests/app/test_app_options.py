"""The app's own start (`casebook`, `--demo`, `--data-dir DIR`) is read without building the
command line's parser (issue 15: it imports every command's modules before the first window);
it must read those options exactly as the parser does, and leave everything else to it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from casebook.app.cli import parse
from casebook.app.main import app_options

_APP_STARTS = (
    [],
    ["--demo"],
    ["--data-dir", "/tmp/casebook data"],
    ["--data-dir=/tmp/d"],
    ["--data-dir="],
    ["--demo", "--data-dir", "d1", "--data-dir", "d2"],
    ["--data-dir", "d", "--demo"],
)
_NOT_APP_STARTS = (
    ["--version"],
    ["--help"],
    ["-h"],
    ["list", "binder"],
    ["--demo", "list", "binder"],
    ["--data-dir"],
    ["--data-dir", "-x"],
    ["--data-dir", "--demo"],
    ["--data", "d"],
    ["--demo", "--"],
    ["--Demo"],
)


@pytest.mark.parametrize("arguments", _APP_STARTS)
def test_the_app_options_are_read_as_the_parser_reads_them(arguments: list[str]) -> None:
    parsed = parse(arguments)
    assert parsed.command is None
    assert app_options(arguments) == (parsed.data_dir, parsed.demo)


@pytest.mark.parametrize("arguments", _NOT_APP_STARTS)
def test_anything_else_is_left_to_the_parser(arguments: list[str]) -> None:
    assert app_options(arguments) is None


def test_starting_the_app_does_not_load_the_command_line() -> None:
    script = (
        "import sys\n"
        "from casebook.app import main\n"
        "main._run_gui = lambda argv, paths, demo: print(paths.data_dir.name, demo) or 0\n"
        "code = main.main(['--data-dir', 'somewhere', '--demo'])\n"
        "print(code, 'casebook.app.cli' in sys.modules, 'casebook.bundle.words' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == ["somewhere", "True", "0", "False", "False"]
