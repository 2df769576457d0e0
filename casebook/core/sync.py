"""The merge rules of a binder shared by several copies, in plain Python.

docs/SYNC.md explains them for people; the tests in tests/core/test_sync_rules.py and the
three-copy property test prove them. In short:

- Every change to the family's content is a `Version` of one field of one row: the row is named
  by its global `uid`, the change by the copy that made it and that copy's counter
  (`ChangeId`). A version lists the versions of the same field it replaced — the ones its copy
  showed when the change was made.
- A copy holds a *set* of versions. Merging two copies is the union of their sets; nothing is
  ever dropped once another copy may have seen it. So merging is commutative, associative and
  idempotent, and files may be lost, duplicated or read in any order.
- A field's *heads* are its versions that no other version replaced. One distinct value among
  the heads: that is the field's value. Two or more different values: the field has several
  versions ("two versions" on screen), kept until someone chooses; meanwhile the newest by
  hybrid logical clock is shown, the same on every copy.
- A row exists while any head of its existence field says "alive": bringing a row back wins over
  a deletion it did not know about; an edit made concurrently with a deletion is kept in the log
  and reappears if the row is brought back from the trash.
- Everything shown is a pure function of the set of versions, so copies holding the same set
  show the same content.

Hybrid logical clocks (Kulkarni et al., 2014) order versions for display: a copy's clock never
runs backwards and is moved past every clock it reads, so a change made after seeing another
always sorts after it, even when the computers' clocks disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

EXISTS = ""
"""The field name of a row's existence register (values True / False)."""


@dataclass(frozen=True, order=True)
class Hlc:
    """A hybrid logical clock reading: wall milliseconds, then a counter for ties."""

    wall_ms: int
    logical: int = 0

    def encode(self) -> str:
        """Text that sorts like the clock (stored and compared as text)."""
        return f"{self.wall_ms:015d}.{self.logical:06d}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        wall, _, logical = text.partition(".")
        return cls(int(wall), int(logical or 0))

    def tick(self, now_ms: int) -> Hlc:
        """The next reading on this copy: later than this one and than the wall clock."""
        if now_ms > self.wall_ms:
            return Hlc(now_ms, 0)
        return Hlc(self.wall_ms, self.logical + 1)

    def witness(self, other: Hlc) -> Hlc:
        """After reading `other`: never behind it, so later local changes sort after it."""
        return max(self, other)


@dataclass(frozen=True, order=True)
class ChangeId:
    """Which copy made a change, and its number on that copy (1, 2, 3 … with no gaps)."""

    origin: str
    counter: int

    def encode(self) -> str:
        return f"{self.origin}:{self.counter}"

    @classmethod
    def parse(cls, text: str) -> ChangeId:
        origin, _, counter = text.rpartition(":")
        return cls(origin, int(counter))


@dataclass(frozen=True)
class Version:
    """One change of one field: its value (JSON-able) and the versions it replaced."""

    change: ChangeId
    hlc: str
    value: Any
    replaces: frozenset[str] = frozenset()

    @property
    def sort_key(self) -> tuple[str, str, int]:
        return (self.hlc, self.change.origin, self.change.counter)


def heads(versions: Iterable[Version]) -> list[Version]:
    """The versions no other version replaced, newest first (the first is the one shown)."""
    every = list(versions)
    replaced: set[str] = set()
    for version in every:
        replaced |= version.replaces
    current = [v for v in every if v.change.encode() not in replaced]
    return sorted(current, key=lambda v: v.sort_key, reverse=True)


def shown(current: list[Version]) -> Version | None:
    """The version a copy shows while several are kept: the newest (the same on every copy)."""
    return current[0] if current else None


def has_several_values(current: list[Version]) -> bool:
    """True when the heads disagree: the field has two (or more) versions to choose from.

    Two copies that made the same edit independently agree: that is one version, not two.
    """
    return len({_canonical(v.value) for v in current}) > 1


def distinct_heads(current: list[Version]) -> list[Version]:
    """One head per distinct value, newest first (what a chooser offers)."""
    seen: set[str] = set()
    chosen: list[Version] = []
    for version in current:
        key = _canonical(version.value)
        if key not in seen:
            seen.add(key)
            chosen.append(version)
    return chosen


def is_alive(current: list[Version]) -> bool:
    """A row exists while any head of its existence field says so (bringing back wins)."""
    return any(v.value is True for v in current)


def _canonical(value: Any) -> str:
    import json

    return json.dumps(value, sort_keys=True, ensure_ascii=False)


# Version vectors: what a copy has seen ------------------------------------------------------

VersionVector = Mapping[str, int]
"""origin → the highest counter c such that every change 1..c of that origin is held."""


def contiguous_prefix(counters: Iterable[int]) -> int:
    """The highest c such that 1..c are all present (0 when 1 is missing)."""
    present = set(counters)
    c = 0
    while c + 1 in present:
        c += 1
    return c


def lowest(vectors: Iterable[VersionVector]) -> dict[str, int]:
    """What every one of the copies has seen: the per-origin minimum (missing counts as 0)."""
    listed = list(vectors)
    origins = {origin for vector in listed for origin in vector}
    return {o: min(vector.get(o, 0) for vector in listed) for o in origins} if listed else {}


def covers(vector: VersionVector, change: ChangeId) -> bool:
    return vector.get(change.origin, 0) >= change.counter
