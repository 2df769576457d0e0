"""Walking the files a user offered (files and folders) and naming them safely."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

# Files every OS scatters into folders; never something a doctor wrote.
_JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini", "autorun.inf"}


def readable_name(path: Path) -> str:
    """A file name safe to store as text: undecodable bytes become U+FFFD, NFC-normalised."""
    raw = os.fsencode(path.name)
    return unicodedata.normalize("NFC", raw.decode("utf-8", errors="replace"))


def is_junk(name: str) -> bool:
    return name.lower() in _JUNK_NAMES or name.startswith("._")


def expand_paths(paths: Sequence[Path], *, skip_junk: bool = True) -> Iterator[Path]:
    """Files named directly, and every file under named folders (sorted, links not followed).

    `skip_junk` leaves out what operating systems scatter into folders (.DS_Store, …)."""
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    if not (skip_junk and is_junk(name)):
                        yield Path(root) / name
        else:
            yield path
