"""UI preferences kept in QSettings: recent binder folders and the auto-lock delay.

Only folder paths and UI choices live here, never anything about the case (no patient names).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

RECENT_KEY = "binders/recent"
AUTO_LOCK_KEY = "security/auto_lock_seconds"
MAX_RECENT = 8
DEFAULT_AUTO_LOCK_SECONDS = 600.0


def recent_binders() -> list[Path]:
    """Folders opened or created lately, most recent first."""
    raw = QSettings().value(RECENT_KEY, [])
    if isinstance(raw, str):  # QSettings gives a lone string for a one-item list
        raw = [raw]
    if not isinstance(raw, list):
        return []
    return [Path(item) for item in raw if isinstance(item, str) and item]


def remember_binder(folder: Path) -> None:
    folders = [folder] + [f for f in recent_binders() if f != folder]
    QSettings().setValue(RECENT_KEY, [str(f) for f in folders[:MAX_RECENT]])


def forget_binder(folder: Path) -> None:
    QSettings().setValue(RECENT_KEY, [str(f) for f in recent_binders() if f != folder])


def auto_lock_seconds() -> float:
    """Idle time before the binder locks itself; 0 means never."""
    raw = QSettings().value(AUTO_LOCK_KEY, DEFAULT_AUTO_LOCK_SECONDS)
    try:
        return max(0.0, float(str(raw)))
    except ValueError:
        return DEFAULT_AUTO_LOCK_SECONDS


def set_auto_lock_seconds(seconds: float) -> None:
    QSettings().setValue(AUTO_LOCK_KEY, float(seconds))
