"""Where Casebook keeps its own files, decided once in `main()` and passed down.

Built from platformdirs, or from one folder given with `--data-dir` (or the environment
variable `CASEBOOK_DATA_DIR`, for a frozen app started from a shortcut or a USB stick). With a
data folder, everything Casebook writes outside binders stays inside it: the settings, Qt's own
file-dialog settings, the demo binder. Nothing here touches the disk until a caller asks for a
folder to be made.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from casebook.app.file_modes import PRIVATE_DIR_MODE

APP_NAME = "Casebook"
DEMO_BINDER_DIRNAME = "demo-binder"
CONFIG_DIRNAME = "config"
SETTINGS_FILENAME = "settings.ini"
DATA_DIR_VARIABLE = "CASEBOOK_DATA_DIR"


class AppPaths(NamedTuple):
    """The folders Casebook may write to. Case data lives only in binders, never here.

    A named tuple, not a dataclass: decided on the way to the first window (issue 15), where
    importing dataclasses and building one costs milliseconds.
    """

    config_dir: Path
    data_dir: Path

    @classmethod
    def for_user(cls) -> AppPaths:
        """The platform's usual per-user folders (~/.config/Casebook, ~/.local/share/Casebook)."""
        import platformdirs  # only here: `--data-dir` (tests, benchmarks, USB sticks) needs none

        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def under(cls, data_dir: Path) -> AppPaths:
        """Everything inside one folder: `--data-dir`, used by tests, smoke runs, USB sticks."""
        root = data_dir.expanduser().absolute()
        return cls(config_dir=root / CONFIG_DIRNAME, data_dir=root)

    @classmethod
    def choose(cls, data_dir: Path | None, environ: Mapping[str, str] | None = None) -> AppPaths:
        """`--data-dir` first, then `CASEBOOK_DATA_DIR`, else the platform's folders."""
        if data_dir is not None:
            return cls.under(data_dir)
        from_environment = (os.environ if environ is None else environ).get(DATA_DIR_VARIABLE)
        if from_environment:
            return cls.under(Path(from_environment))
        return cls.for_user()

    @property
    def demo_binder_dir(self) -> Path:
        """Where `casebook --demo` puts its throwaway demo binder (fictional data only)."""
        return self.data_dir / DEMO_BINDER_DIRNAME

    @property
    def settings_file(self) -> Path:
        """The app's preferences (an INI file, owner-only): language, auto-lock, recent binders."""
        return self.config_dir / SETTINGS_FILENAME

    def ensure_data_dir(self) -> Path:
        """Create the data folder (owner-only) if needed and return it."""
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
        return self.data_dir

    def ensure_config_dir(self) -> Path:
        """Create the settings folder (owner-only) if needed and return it."""
        self.config_dir.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
        return self.config_dir
