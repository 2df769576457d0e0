"""Finds Casebook's `resources/` (fonts, demo files, catalogues, translations) wherever it runs.

One rule for every way of installing: the resources sit beside the code, in the package folder
`casebook/_resources/`. A wheel or sdist carries them there (`setup.py` maps the repository's
top-level `resources/` onto that package), and the PyInstaller build copies them to the same
place under its bundle folder, where PyInstaller puts the frozen modules' `__file__` too. Only a
source checkout (editable install, `python -m casebook` from the repository) has no such folder;
there the repository's own `resources/` beside `pyproject.toml` is used.

Stdlib only (and the core errors), so every layer may use it. `check_installation()` runs once
at start: a file missing here means a broken installation, which must never be mistaken for a
missing or damaged binder further down.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIRNAME = "resources"
PACKAGED_DIRNAME = "_resources"
TRANSLATION_CATALOGUE = "translations/casebook_zh_CN.qm"

# Every file or folder the code opens through `resource_path` (tests/test_resources.py checks
# that each call is covered). A folder listed here must hold at least one file.
REQUIRED_RESOURCES = (
    "deid/table_e1_1.json",
    "demo/codecs",
    "demo/ct",
    "demo/documents/lab-results.txt",
    "demo/documents/pathology-report.pdf",
    "demo/documents/referral-letter.pdf",
    "fonts/DejaVuSans.ttf",
    "fonts/DejaVuSans-Bold.ttf",
    "fonts/DroidSansFallbackFull.ttf",
    "guidance/index.json",
    "guidance/en",
    "guidance/zh_CN",
    "icons/casebook-256.png",
    "icons/check.png",
    "medicines/lexicon.json",
    "profiles/catalogue.json",
    "questions/bank.json",
    "questions/sheet.json",
    "slots/catalogue.json",
    "templates/second_opinion.json",
    "texts/zh_CN.po",
    TRANSLATION_CATALOGUE,
)


class InstallationBroken(Exception):
    """Casebook's own files are incomplete: `missing` (relative to `root`) could not be found.

    Not about any binder: reinstalling Casebook fixes it, and nothing the user saved is touched.
    An expected failure like a `CasebookError`, but kept here (standard library only) because
    everything else, the text catalogues included, finds its files through this module; the
    app's entry points catch it by name. (A plain class, not a dataclass: this module is
    imported on the way to the first window, where importing dataclasses costs milliseconds.)
    """

    def __init__(self, root: Path, missing: list[str]) -> None:
        super().__init__(root, missing)
        self.root = root
        self.missing = missing

    def __str__(self) -> str:
        return f"installation incomplete under {self.root}: missing {', '.join(self.missing)}"


def _package_dir() -> Path:
    return Path(__file__).resolve().parent


def resources_root() -> Path:
    """The folder holding Casebook's resources: beside the code, else the source checkout's."""
    packaged = _package_dir() / PACKAGED_DIRNAME
    if packaged.is_dir():
        return packaged
    checkout = _package_dir().parent
    if (checkout / "pyproject.toml").is_file() and (checkout / RESOURCES_DIRNAME).is_dir():
        return checkout / RESOURCES_DIRNAME
    return packaged  # neither exists: check_installation() names this one as missing


def resource_path(*parts: str) -> Path:
    """The path of a file or folder under `resources/`, e.g. `resource_path("demo", "ct")`.

    The path is not checked here (that is `check_installation()`'s job, once, at start).
    """
    for part in parts:
        if Path(part).is_absolute() or ".." in Path(part).parts:
            raise ValueError(f"resource path part must be relative and stay inside: {part!r}")
    return resources_root().joinpath(*parts)


def missing_resources(root: Path | None = None) -> list[str]:
    """The required resources absent under `root` (default: the one in use), in listed order."""
    base = resources_root() if root is None else root
    missing = []
    for relative in REQUIRED_RESOURCES:
        path = base / relative
        present = path.is_file() or (path.is_dir() and any(p.is_file() for p in path.iterdir()))
        if not present:
            missing.append(relative)
    return missing


def check_installation() -> None:
    """Raise InstallationBroken when any required resource is missing (cheap: a few stats)."""
    missing = missing_resources()
    if missing:
        raise InstallationBroken(resources_root(), missing)
