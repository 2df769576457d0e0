"""The archive size the wizard predicts is the size the seal writes, so its count of parts (of
e-mails) is the count the family will really send."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from casebook.bundle.archive import parts_for, seal_tree, sealed_size
from casebook.bundle.layout import BundleLayout
from casebook.bundle.tree import BundleTree, TreeEntry
from casebook.bundle.volumes import count_parts

# Every export dates its entries (services/export/sealing.py passes the clock's time).
SEALED_AT = 1_764_633_600.0


def _entry(path: str, data: bytes) -> TreeEntry:
    return TreeEntry(path, len(data), hashlib.sha256(data).hexdigest(), data=data)


def _tree(sizes: list[int]) -> BundleTree:
    entries = [
        _entry(f"DOCUMENTS/{'DEEP/' * (index % 3)}F{index:04d}.PDF", bytes([index % 251]) * size)
        for index, size in enumerate(sizes)
    ]
    entries.append(_entry("README.TXT", b"read me\n"))
    return BundleTree(BundleLayout((), (), (), ()), tuple(entries))


@pytest.mark.parametrize(
    "sizes",
    [
        [],  # only the README
        [0, 0, 5],  # empty files are listed but hold no data
        [1, 15, 16, 17],  # around one AES block
        [130_000, 70_001, 3, 0, 250_000] + [127, 128, 129] * 40,  # numbers of several widths
    ],
)
def test_predicted_size_is_the_written_size(tmp_path: Path, sizes: list[int]) -> None:
    tree = _tree(sizes)
    predicted = sealed_size(tree)
    sealed = seal_tree(tree, tmp_path, "bundle", "1234-5678", now=SEALED_AT)
    assert predicted == sum(part.size for part in sealed.parts)


def test_predicted_parts_are_the_written_parts(tmp_path: Path) -> None:
    tree = _tree([400_000, 350_000, 1_000, 0, 77_777])
    archive = sealed_size(tree)
    for megabytes in (None, 1):
        folder = tmp_path / f"parts-{megabytes}"
        folder.mkdir()
        sealed = seal_tree(
            tree, folder, "bundle", "1234-5678", volume_size_mb=megabytes, now=SEALED_AT
        )
        assert parts_for(archive, megabytes) == len(sealed.parts)
    assert parts_for(archive, 1) == 1  # under 1 MB: one part


def test_an_exact_multiple_makes_no_empty_part() -> None:
    assert count_parts(300, 100) == 3
    assert count_parts(301, 100) == 4
    assert count_parts(0, 100) == 1
    assert count_parts(10**9, None) == 1
