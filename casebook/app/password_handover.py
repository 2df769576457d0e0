"""How `casebook export` hands the bundle's password over: before the bundle is published.

A bundle whose password nobody has is worse than none (issue 21), so the password is written to
`--password-out` (owner-only from the first byte, fsynced, the folder too) or printed, and only
then do the parts get their final names. If that fails, the export stops and nothing remains.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from casebook.bundle.errors import PasswordNotSaved
from casebook.bundle.publish import fsync_directory
from casebook.bundle.volumes import ArchivePart


def write_password_file(path: Path, password: str) -> None:
    """Writes `password` and a newline to `path`, readable by its owner only, durably."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags, 0o600)
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)  # an older file keeps its mode through O_CREAT
            os.write(fd, (password + "\n").encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        fsync_directory(path.parent)
    except OSError as error:
        with contextlib.suppress(OSError):
            path.unlink()  # whatever it holds belongs to a bundle that will not be published
        raise PasswordNotSaved(path, error.errno) from error


def parts_listing(parts: tuple[ArchivePart, ...]) -> list[dict[str, object]]:
    return [{"file": str(p.path), "size": p.size, "sha256": p.sha256} for p in parts]


@dataclass
class PasswordHandover:
    """The `deliver_password` of `export_bundle` for the command line."""

    password_out: Path | None
    as_json: bool
    out: TextIO = field(default_factory=lambda: sys.stdout)
    printed_json: bool = False
    # More keys for the JSON document (where the cover sheet goes, written once sealing ends).
    json_extra: dict[str, object] = field(default_factory=dict)
    # The line that shows the password, in the language of the command line.
    password_line: str = "Password (send it by another channel than the bundle): {password}"  # noqa: S105

    def __call__(self, password: str, parts: tuple[ArchivePart, ...]) -> None:
        if self.password_out is not None:
            write_password_file(self.password_out, password)
            return
        try:
            if self.as_json:
                document = {"parts": parts_listing(parts), "password": password, **self.json_extra}
                self.out.write(json.dumps(document, indent=2) + "\n")
                self.printed_json = True
            else:
                self.out.write(self.password_line.format(password=password) + "\n")
            self.out.flush()
        except OSError as error:  # a closed pipe, a full disk behind a redirection
            raise PasswordNotSaved(None, error.errno) from error
