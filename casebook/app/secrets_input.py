"""Reading passwords and recovery codes for the command line — never from argv.

From `--password-file FILE` (its first line), else one line of standard input when it is not a
terminal (scripts, tests), else an interactive prompt that does not echo.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Iterator
from pathlib import Path

from casebook.core.errors import InvalidInput


def _first_line(path: Path, what: str) -> str:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise InvalidInput(what, f"cannot read {path}: {error.strerror}") from None
    return text.splitlines()[0] if text else ""


class SecretReader:
    """Hands out secrets in the order a command asks for them.

    Lines of a non-terminal stdin are consumed one per secret that has no file of its own, so
    `printf 'old\\nnew\\n' | casebook change-password B` works.
    """

    def __init__(self) -> None:
        self._stdin_lines: Iterator[str] | None = None

    def _next_stdin_line(self, what: str) -> str:
        if self._stdin_lines is None:
            self._stdin_lines = iter(sys.stdin.read().splitlines())
        try:
            return next(self._stdin_lines)
        except StopIteration:
            raise InvalidInput(what, "missing on standard input") from None

    def read(self, what: str, prompt: str, file: Path | None, *, confirm: bool = False) -> str:
        if file is not None:
            secret = _first_line(file, what)
        elif not sys.stdin.isatty():
            secret = self._next_stdin_line(what)
        else:
            secret = getpass.getpass(prompt)
            if confirm and getpass.getpass("Type it again: ") != secret:
                raise InvalidInput(what, "the two entries differ")
        if not secret:
            raise InvalidInput(what, "empty")
        return secret
