"""UI preferences in one INI file inside Casebook's own folder: recent binders, auto-lock, language.

Only folder paths and UI choices live here, never anything about the case (no patient names):
who writes the notes on this computer is kept as a hash of the name, under the binder's random
id, and recognised again among the names the binder offers.

`use_settings_file()` must run before the first QSettings is made (the app does it first thing
in `run_gui`, tests in their conftest). It points every QSettings the process may create at that
file's folder — ours, and Qt's own `QtProject.conf` that its file dialogs write — so nothing lands
in the user's config folder or registry. `--data-dir` therefore holds all of it. Our settings
are always opened by explicit file name in IniFormat, the same on every operating system.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings

RECENT_KEY = "binders/recent"
AUTO_LOCK_KEY = "security/auto_lock_seconds"
WRITING_AS_KEY = "notes/writing_as/{binder_id}"
MAX_RECENT = 8
DEFAULT_AUTO_LOCK_SECONDS = 600.0

_settings_file: Path | None = None


def use_settings_file(path: Path) -> None:
    """Keep Casebook's settings in `path` and every other QSettings of this process beside it."""
    global _settings_file  # one settings file per process, chosen at start
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(settings_format, scope, str(folder))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    _settings_file = path


def settings_file() -> Path:
    """The INI file in use; an error before `use_settings_file()` (never the user's own)."""
    if _settings_file is None:
        raise RuntimeError("use_settings_file() must be called before reading settings")
    return _settings_file


def settings() -> QSettings:
    """Casebook's settings, opened by explicit path (INI on every operating system)."""
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)


def recent_binders() -> list[Path]:
    """Folders opened or created lately, most recent first."""
    raw = settings().value(RECENT_KEY, [])
    if isinstance(raw, str):  # QSettings gives a lone string for a one-item list
        raw = [raw]
    if not isinstance(raw, list):
        return []
    return [Path(item) for item in raw if isinstance(item, str) and item]


def remember_binder(folder: Path) -> None:
    folders = [folder] + [f for f in recent_binders() if f != folder]
    settings().setValue(RECENT_KEY, [str(f) for f in folders[:MAX_RECENT]])


def forget_binder(folder: Path) -> None:
    settings().setValue(RECENT_KEY, [str(f) for f in recent_binders() if f != folder])


def auto_lock_seconds() -> float:
    """Idle time before the binder locks itself; 0 means never."""
    raw = settings().value(AUTO_LOCK_KEY, DEFAULT_AUTO_LOCK_SECONDS)
    try:
        return max(0.0, float(str(raw)))
    except ValueError:
        return DEFAULT_AUTO_LOCK_SECONDS


def set_auto_lock_seconds(seconds: float) -> None:
    settings().setValue(AUTO_LOCK_KEY, float(seconds))


def _writer_token(binder_id: str, name: str) -> str:
    import hashlib  # only for the notes: not with the first window

    return hashlib.sha256(f"casebook-writer\0{binder_id}\0{name}".encode()).hexdigest()


def remember_writer(binder_id: str, name: str) -> None:
    """Who writes the notes of this binder on this computer (a hash, never the name)."""
    key = WRITING_AS_KEY.format(binder_id=binder_id)
    if name.strip():
        settings().setValue(key, _writer_token(binder_id, name.strip()))
    else:
        settings().remove(key)


def remembered_writer(binder_id: str, names: Sequence[str]) -> str | None:
    """The one of `names` last chosen for this binder on this computer, if it is among them."""
    stored = settings().value(WRITING_AS_KEY.format(binder_id=binder_id), "")
    if not isinstance(stored, str) or not stored:
        return None
    return next((n for n in names if _writer_token(binder_id, n.strip()) == stored), None)
