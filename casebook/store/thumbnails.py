"""Pictures derived from stored content (thumbnails), cached inside the encrypted binder.

Keyed by the content's SHA-256 and a variant name ("thumb256", "dicom160"…); a picture that
could not be made is remembered with its reason, so a broken file is decoded once, not every
time a list scrolls.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils


@dataclass(frozen=True)
class CachedPicture:
    png: bytes | None
    problem: str


def cached_picture(db: sqlite_utils.Database, sha256: str, variant: str) -> CachedPicture | None:
    row = db.execute(
        "SELECT image, problem FROM thumbnails WHERE content_sha256 = ? AND variant = ?",
        [sha256, variant],
    ).fetchone()
    if row is None:
        return None
    return CachedPicture(bytes(row[0]) if row[0] is not None else None, str(row[1]))


def remember_picture(
    db: sqlite_utils.Database, sha256: str, variant: str, picture: CachedPicture
) -> None:
    """Store a picture (inside the caller's write transaction)."""
    db.execute(
        "INSERT OR REPLACE INTO thumbnails(content_sha256, variant, image, problem) "
        "VALUES (?, ?, ?, ?)",
        [sha256, variant, picture.png, picture.problem],
    )
