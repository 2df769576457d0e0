"""What comes with a disc or a computer but is never a medical record: "media furniture".

Hospital CDs carry a viewer program with its libraries, AUTORUN.INF, their own DICOMDIR
index and web pages (INDEX.HTM, README.TXT); computers scatter .DS_Store, Thumbs.db and lock
files into folders. Every import path counts these and leaves them out, so a bundle never
ships VIEWER.EXE as a "document". Decided by name and, for programs, by content too (a
Windows, Linux or Mac program is recognised whatever it is called).
"""

from __future__ import annotations

import enum
from pathlib import PurePath


class Furniture(enum.Enum):
    """Why a file was left out as furniture."""

    PROGRAM = "program"  # programs, libraries, installers, scripts that run
    AUTORUN = "autorun"  # AUTORUN.INF and the like
    DISC_INDEX = "disc_index"  # a disc's DICOMDIR
    WEB_PAGE = "web_page"  # a disc's INDEX.HTM, style sheets, scripts
    DISC_README = "disc_readme"  # a disc's README.TXT
    SYSTEM_FILE = "system_file"  # .DS_Store, Thumbs.db, desktop.ini, ._ files
    LOCK_FILE = "lock_file"  # ~$report.docx, .~lock.report.odt#, *.lck


PROGRAM_SUFFIXES = frozenset(
    {".exe", ".dll", ".com", ".scr", ".msi", ".cab", ".sys", ".ocx", ".cpl", ".drv", ".jar",
     ".bat", ".cmd", ".vbs", ".ps1", ".so", ".dylib", ".apk"}
)  # fmt: skip
AUTORUN_NAMES = frozenset({"autorun.inf", "autorun.ini", "setup.ini", "autorun"})
WEB_SUFFIXES = frozenset(
    {".htm", ".html", ".xhtml", ".css", ".js", ".xsl", ".xslt", ".xml", ".json"}
)
README_STEMS = frozenset({"readme", "liesmich", "lisezmoi", "leeme", "leggimi"})
SYSTEM_NAMES = frozenset({".ds_store", "thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r"})
LOCK_SUFFIXES = frozenset({".lck", ".lock"})
# Markers at the root of a folder that make it a disc (or a copy of one).
DISC_MARKERS = frozenset({"dicomdir", "autorun.inf"})

_PROGRAM_MAGIC = (
    b"MZ",  # Windows programs and libraries
    b"\x7fELF",  # Linux
    b"\xcf\xfa\xed\xfe",  # Mac (64-bit Mach-O)
    b"\xce\xfa\xed\xfe",  # Mac (32-bit Mach-O)
    b"\xca\xfe\xba\xbe",  # Mac universal binaries (also Java classes)
)


def is_disc_root(names: set[str]) -> bool:
    """True for a folder whose (lower-cased) file names mark it as a disc's root."""
    return bool(names & DISC_MARKERS)


def furniture_by_name(
    name: str, *, on_disc: bool = False, at_disc_root: bool = False
) -> Furniture | None:
    """Furniture that the name alone gives away. `on_disc`: the file is inside a disc's tree
    (web pages are then the disc's, not the family's); `at_disc_root`: directly at its root."""
    lower = name.casefold()
    path = PurePath(lower)
    suffix = path.suffix
    if lower in SYSTEM_NAMES or lower.startswith("._"):
        return Furniture.SYSTEM_FILE
    if lower.startswith(("~$", ".~lock.")) or suffix in LOCK_SUFFIXES:
        return Furniture.LOCK_FILE
    if lower in AUTORUN_NAMES:
        return Furniture.AUTORUN
    if suffix in PROGRAM_SUFFIXES:
        return Furniture.PROGRAM
    if lower == "dicomdir":
        return Furniture.DISC_INDEX
    if on_disc and suffix in WEB_SUFFIXES:
        return Furniture.WEB_PAGE
    if at_disc_root and path.stem in README_STEMS:
        return Furniture.DISC_README
    return None


def furniture_by_content(head: bytes) -> Furniture | None:
    """A program, recognised by its first bytes whatever its name."""
    if head.startswith(_PROGRAM_MAGIC):
        return Furniture.PROGRAM
    return None
