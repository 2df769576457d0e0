"""Finds the `resources/` folder (demo files, fonts, translations) in a checkout or a frozen build.

Stdlib only, so every layer may use it. In a PyInstaller build the folder is bundled next to the
code under `sys._MEIPASS`; in a checkout it sits beside the `casebook` package.
"""

from __future__ import annotations

import sys
from pathlib import Path

RESOURCES_DIRNAME = "resources"


def resources_root() -> Path:
    """The folder holding Casebook's resources, frozen build first, then the checkout."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base is not None:
        return Path(frozen_base) / RESOURCES_DIRNAME
    return Path(__file__).resolve().parent.parent / RESOURCES_DIRNAME


def resource_path(*parts: str) -> Path:
    """The path of a file or folder under `resources/`, e.g. `resource_path("demo", "ct")`.

    The path is not checked for existence: callers decide whether a missing resource is a bug.
    """
    for part in parts:
        if Path(part).is_absolute() or ".." in Path(part).parts:
            raise ValueError(f"resource path part must be relative and stay inside: {part!r}")
    return resources_root().joinpath(*parts)
