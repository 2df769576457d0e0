"""Newest request first: the thumbnails a list asked for last are the ones on screen now.

A list asks for every picture it paints; scrolling asks again for what became visible. Jobs
are started a few at a time (as many as there are file-reading workers) and the most recently
asked-for key goes next, so the pictures the user is looking at arrive first and the ones
scrolled past wait.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from casebook.services.isolation import default_pool_size

K = TypeVar("K", bound=Hashable)


class NewestFirst(Generic[K]):
    """`ask(key)` queues a key (or moves it to the front); `start(key)` is called for at most
    `limit` keys at a time; the caller reports `finished(key)` for each started one."""

    def __init__(self, start: Callable[[K], None], limit: int | None = None) -> None:
        self._start = start
        self._limit = limit or default_pool_size()
        self._waiting: dict[K, None] = {}  # insertion order: the last is the newest
        self._running: set[K] = set()

    def ask(self, key: K) -> None:
        if key in self._running:
            return
        self._waiting.pop(key, None)
        self._waiting[key] = None
        self._pump()

    def finished(self, key: K) -> None:
        self._running.discard(key)
        self._pump()

    def forget(self) -> None:
        """Drop what has not started (the page is closing or the binder locking)."""
        self._waiting.clear()

    def is_pending(self, key: K) -> bool:
        return key in self._waiting or key in self._running

    def _pump(self) -> None:
        while self._waiting and len(self._running) < self._limit:
            key = next(reversed(self._waiting))
            del self._waiting[key]
            self._running.add(key)
            self._start(key)
