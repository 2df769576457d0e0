"""Fixtures of the bundle tests."""

from __future__ import annotations

import pytest

from casebook.bundle.plan import BundlePlan

from .samples import sample_plan


@pytest.fixture(scope="session")
def plan() -> BundlePlan:
    return sample_plan()
