"""The repository stands alone: every file a test reads is inside it, and the README's links work.

A fresh clone with nothing beside it must pass `make test` (issue 12). These checks catch the
ways that breaks quietly: a test reading from a folder next to the checkout, a fixture that was
copied but never added to git or was edited, test data growing without bound, a README link to
a file that is not in the repository.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from data_paths import DATA, TESTS

ROOT = TESTS.parent
MAX_TEST_DATA_BYTES = 15 * 1024 * 1024

# A path that leaves the repository for the shared folder beside it: "../shared/…",
# "shared/data", or a path built with / "shared" / …
_OUTSIDE = re.compile(r"""\.\./shared\b|\bshared/data\b|/\s*["']shared["']|["']shared["']\s*/""")
_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def _test_sources() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_test_reads_from_outside_the_repository() -> None:
    offenders = []
    for path in _test_sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _OUTSIDE.search(line) and path != Path(__file__).resolve():
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == [], "tests must read real files from tests/data (see data_paths.py)"


def test_the_outside_path_check_catches_the_ways_it_was_written() -> None:
    caught = [
        'SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "dicom"',
        '/ "shared/data/dicom/lung-ct-Lung_Dx-A0001"',
        'Path("../shared/data/dicom")',
    ]
    fine = ["worker = shared_worker()", "the shared functional groups", "DATA / 'dicom'"]
    assert all(_OUTSIDE.search(line) for line in caught)
    assert not any(_OUTSIDE.search(line) for line in fine)


def test_fixtures_are_byte_identical_to_their_listed_hashes() -> None:
    listed = (DATA / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert len(listed) > 100
    for line in listed:
        digest, name = line.split(maxsplit=1)
        path = DATA / name
        assert path.is_file(), f"{name} is listed in tests/data/SHA256SUMS but missing"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"{name} was changed"
    dicom_files = {p.relative_to(DATA).as_posix() for p in (DATA / "dicom").rglob("*.dcm")}
    listed_dicom = {n for n in (line.split(maxsplit=1)[1] for line in listed) if n.endswith(".dcm")}
    assert dicom_files == listed_dicom  # every DICOM fixture is listed, and only those exist


def test_every_licence_named_in_the_provenance_is_there() -> None:
    provenance = (DATA / "PROVENANCE.md").read_text(encoding="utf-8")
    licences = re.findall(r"`((?:dicom|xds)/[^`]*LICENSE)`", provenance)
    assert len(set(licences)) == 5  # the CT, the two MR sets, pydicom's files, the XDS schemas
    for licence in licences:
        assert (DATA / licence).is_file(), licence


def test_test_data_stays_small() -> None:
    total = sum(p.stat().st_size for p in DATA.rglob("*") if p.is_file())
    assert total < MAX_TEST_DATA_BYTES, f"tests/data holds {total / 1e6:.1f} MB"


def test_every_test_data_file_is_in_git() -> None:
    """A fixture copied here but never added would pass locally and fail in every clone."""
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an sdist or an export): nothing to compare with")
    tracked = subprocess.run(
        [git, "ls-files", "-z", "--", "tests/data"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode("utf-8").split("\0")  # fmt: skip
    on_disk = {p.relative_to(ROOT).as_posix() for p in DATA.rglob("*") if p.is_file()}
    untracked = sorted(on_disk - set(tracked))
    more = f" and {len(untracked) - 5} more" if len(untracked) > 5 else ""
    assert untracked == [], f"git add (a clone lacks them): {', '.join(untracked[:5])}{more}"


def _relative_links(markdown: Path) -> list[str]:
    text = markdown.read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.DOTALL)  # commands, not links
    targets = []
    for target in _LINK.findall(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue  # https:, mailto:, an anchor on the same page
        targets.append(unquote(target.split("#", 1)[0]))
    return targets


@pytest.mark.parametrize(
    "markdown",
    [
        ROOT / "README.md",
        ROOT / "installers" / "linux" / "README.md",
        ROOT / "installers" / "windows" / "README.md",
        ROOT / "installers" / "macos" / "README.md",
        DATA / "PROVENANCE.md",
    ],
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_every_relative_link_resolves(markdown: Path) -> None:
    links = _relative_links(markdown)
    broken = [link for link in links if not (markdown.parent / link).exists()]
    assert broken == [], f"{markdown.name} links to files that are not in the repository"


def test_the_readme_links_to_the_architecture_in_the_repository() -> None:
    links = _relative_links(ROOT / "README.md")
    assert "docs/ARCHITECTURE.md" in links
    assert len(links) > 30  # the link pattern found the README's links at all
    assert "DESIGN.md" not in (ROOT / "README.md").read_text(encoding="utf-8")
