"""Carries the repository's top-level `resources/` into wheels and sdists as `casebook/_resources/`.

Everything else about the package is declared in pyproject.toml. This file exists because the
mapping needs code: each folder under `resources/` becomes a data-only package
`casebook._resources.<folder>` (so setuptools copies it without warnings about "importable
folders missing from `packages`"), and the Chinese catalogue `casebook_zh_CN.qm`, which is built
from its `.ts` and never committed, must be in the wheel. When it is missing (a fresh clone, an
sdist), the build asks for PySide6 (`setup_requires`, which setuptools' PEP 517 backend turns
into a build requirement) and runs its `lrelease`. `casebook/resources.py` finds the folder.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"
PACKAGE = "casebook._resources"
TS_FILE = RESOURCES / "translations" / "casebook_zh_CN.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
PYSIDE = "PySide6-Essentials>=6.8,<6.12"  # the same range as the runtime dependency

# Run by the isolated build's Python, which has PySide6 when `setup_requires` asked for it.
_LRELEASE = (
    "import sys; from PySide6.scripts.pyside_tool import lrelease; "
    "sys.argv = ['lrelease', '-silent', sys.argv[1], '-qm', sys.argv[2]]; lrelease()"
)


def resource_packages() -> dict[str, str]:
    """`casebook._resources[.sub…]` → the folder under resources/ it is copied from."""
    folders = [RESOURCES, *sorted(p for p in RESOURCES.rglob("*") if p.is_dir())]
    packages = {}
    for folder in folders:
        if folder.name == "__pycache__":
            continue
        relative = folder.relative_to(ROOT).parts[1:]
        packages[".".join((PACKAGE, *relative))] = folder.relative_to(ROOT).as_posix()
    return packages


class BuildWithCatalogue(build_py):
    """Build the Chinese catalogue first when the checkout does not have it yet."""

    def run(self) -> None:
        if not QM_FILE.is_file():
            subprocess.run(
                [sys.executable, "-c", _LRELEASE, str(TS_FILE), str(QM_FILE)], check=True
            )
        if not QM_FILE.is_file():
            raise SystemExit(f"building {QM_FILE.name} from {TS_FILE.name} failed")
        super().run()


RESOURCE_PACKAGES = resource_packages()

setup(
    packages=[*find_packages(include=["casebook", "casebook.*"]), *RESOURCE_PACKAGES],
    package_dir={PACKAGE: "resources"},
    package_data={name: ["*"] for name in RESOURCE_PACKAGES},
    exclude_package_data={name: ["*.pyc"] for name in RESOURCE_PACKAGES},
    setup_requires=[] if QM_FILE.is_file() else [PYSIDE],
    cmdclass={"build_py": BuildWithCatalogue},
)
