"""The warm-up says when each group of imports is in (the app then freezes them, `gui_gc`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from casebook.ui.shell import warm_up


@pytest.fixture
def fresh_warm_up() -> Iterator[None]:
    """`start` runs once per process: each test starts from nothing and leaves nothing."""
    warm_up._state = None
    yield
    warm_up.workspace_shown()  # let the thread finish
    assert warm_up.wait_until_done(120)
    warm_up._state = None


def test_settled_is_called_after_each_group_of_imports(fresh_warm_up: None) -> None:
    first_screen_in: list[bool] = []
    warm_up.start(settled=lambda: first_screen_in.append(warm_up.wait_until_done(0)))
    warm_up.wait_for_workspace()
    assert first_screen_in == [False]  # the first screen's modules: the pages are not wanted yet
    warm_up.workspace_shown()
    assert warm_up.wait_until_done(120)
    assert len(first_screen_in) == 2
