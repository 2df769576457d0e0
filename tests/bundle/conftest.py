"""Fixtures of the bundle tests: a sample plan, and its decrypted tree written to a folder
(as 7-Zip would extract it) for outside tools to judge."""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook.bundle.plan import BundlePlan
from casebook.bundle.tree import build_tree

from .samples import sample_plan


@pytest.fixture(scope="session")
def plan() -> BundlePlan:
    return sample_plan()


def write_tree(plan: BundlePlan, folder: Path) -> Path:
    """Every file of the plan's tree under `folder`, as a recipient would have it."""
    for entry in build_tree(plan).entries:
        target = folder / entry.path
        target.parent.mkdir(parents=True, exist_ok=True)
        assert entry.data is not None or entry.open_chunks is not None
        data = entry.data if entry.data is not None else b"".join(entry.open_chunks())  # type: ignore[misc]
        target.write_bytes(data)
    return folder


@pytest.fixture(scope="session")
def tree_folder(plan: BundlePlan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tree(plan, tmp_path_factory.mktemp("tree"))
