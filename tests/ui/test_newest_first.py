"""Thumbnails on screen now come first: the newest request starts next, a few at a time."""

from __future__ import annotations

from casebook.ui.common.newest_first import NewestFirst


def test_the_newest_request_goes_next_and_asking_again_moves_it_forward() -> None:
    started: list[str] = []
    queue: NewestFirst[str] = NewestFirst(started.append, limit=2)
    for key in "abcde":
        queue.ask(key)
    assert started == ["a", "b"]  # two at a time
    queue.ask("c")  # scrolled back: c is on screen again
    queue.ask("a")  # already running: nothing changes
    queue.finished("a")
    assert started == ["a", "b", "c"]
    queue.finished("b")
    assert started == ["a", "b", "c", "e"]
    assert queue.is_pending("d")
    queue.forget()  # the page closes: what has not started never will
    queue.finished("c")
    queue.finished("e")
    assert started == ["a", "b", "c", "e"]
    assert not queue.is_pending("d")
