"""Where Casebook keeps its own files, decided once in `main()` and passed down.

Built from platformdirs, or from a single `--data-dir` folder for tests and smoke runs.
Nothing here touches the disk until a caller asks for a folder to be made.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Casebook"
DEMO_BINDER_DIRNAME = "demo-binder"


@dataclass(frozen=True)
class AppPaths:
    """The folders Casebook may write to. Case data lives only in binders, never here."""

    config_dir: Path
    data_dir: Path

    @classmethod
    def for_user(cls) -> AppPaths:
        """The platform's usual per-user folders (~/.config/Casebook, ~/.local/share/Casebook)."""
        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def under(cls, data_dir: Path) -> AppPaths:
        """Everything inside one folder: the `--data-dir` override used by tests and smoke runs."""
        root = data_dir.expanduser().absolute()
        return cls(config_dir=root / "config", data_dir=root)

    @property
    def demo_binder_dir(self) -> Path:
        """Where `casebook --demo` puts its throwaway demo binder (fictional data only)."""
        return self.data_dir / DEMO_BINDER_DIRNAME

    def ensure_data_dir(self) -> Path:
        """Create the data folder (owner-only) if needed and return it."""
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self.data_dir
