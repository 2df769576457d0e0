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
    except UnicodeDecodeError:
        raise InvalidInput(what, f"{path} is not UTF-8 text") from None
    return text.splitlines()[0] if text else ""


def _read_stdin(what: str) -> str:
    """All of standard input as text; bytes that are not UTF-8 are invalid input, not a bug."""
    try:
        return sys.stdin.read()
    except UnicodeDecodeError:
        raise InvalidInput(what, "standard input is not UTF-8 text") from None


class SecretReader:
    """Hands out secrets in the order a command asks for them.

    Lines of a non-terminal stdin are consumed one per secret that has no file of its own, so
    `printf 'old\\nnew\\n' | casebook change-password B` works.
    """

    def __init__(self) -> None:
        self._stdin_lines: Iterator[str] | None = None

    def _next_stdin_line(self, what: str) -> str:
        if self._stdin_lines is None:
            self._stdin_lines = iter(_read_stdin(what).splitlines())
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
        try:
            secret.encode("utf-8")  # stray bytes decoded with surrogateescape cannot be hashed
        except UnicodeEncodeError:
            raise InvalidInput(what, "not UTF-8 text") from None
        return secret
