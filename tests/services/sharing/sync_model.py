"""An independent model of what the merge rules promise, for the three-copy property test.

It knows nothing of SQL: each copy knows a set of edits; an edit made on a copy replaces the
edits of that field the copy knew and nobody had replaced; reading another copy's file adds
what that copy knew when it wrote it. From that alone it says, at any moment, which versions
each field must keep on each copy — so the test can compare the real binders with it after
every step, not only at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from casebook.core.sync import EXISTS


@dataclass
class Edit:
    origin: str
    counter: int
    hlc: str
    row: tuple[str, str]  # (table, uid)
    field: str
    value: Any
    replaces: frozenset[tuple[str, int]]

    @property
    def key(self) -> tuple[str, int]:
        return (self.origin, self.counter)


@dataclass
class SentFile:
    sender: str
    sequence: int
    knew: frozenset[tuple[str, int]]


@dataclass
class Model:
    world: dict[tuple[str, int], Edit] = field(default_factory=dict)
    knows: dict[str, set[tuple[str, int]]] = field(default_factory=dict)
    exported: dict[str, int] = field(default_factory=dict)  # counter up to which a copy sent
    read_files: dict[str, set[tuple[str, int]]] = field(default_factory=dict)
    newest_read: dict[tuple[str, str], int] = field(default_factory=dict)

    def add_copy(self, origin: str) -> None:
        self.knows.setdefault(origin, set())
        self.read_files.setdefault(origin, set())

    # What a copy shows ------------------------------------------------------------------------

    def heads(self, copy: str, row: tuple[str, str], name: str) -> list[Edit]:
        known = [self.world[k] for k in self.knows[copy] if k in self.world]
        mine = [e for e in known if e.row == row and e.field == name]
        replaced = {r for e in mine for r in e.replaces}
        current = [e for e in mine if e.key not in replaced]
        return sorted(current, key=lambda e: (e.hlc, e.origin, e.counter), reverse=True)

    def present(self, copy: str, row: tuple[str, str]) -> bool:
        return any(e.value is True for e in self.heads(copy, row, EXISTS))

    def shown(self, copy: str, row: tuple[str, str], name: str) -> Any:
        current = self.heads(copy, row, name)
        return current[0].value if current else None

    def rows(self, table: str) -> set[tuple[str, str]]:
        return {e.row for e in self.world.values() if e.row[0] == table}

    # What happens ------------------------------------------------------------------------------

    def expected_replaces(self, copy: str, row: tuple[str, str], name: str) -> set[tuple[str, int]]:
        return {e.key for e in self.heads(copy, row, name)}

    def rewrites(self, copy: str, row: tuple[str, str], name: str) -> Edit | None:
        """The unsent edit of this copy an edit of this field rewrites in place, if any."""
        current = self.heads(copy, row, name)
        only = current[0] if len(current) == 1 else None
        if only and only.origin == copy and only.counter > self.exported.get(copy, 0):
            return only
        return None

    def record(self, copy: str, edit: Edit) -> None:
        self.world[edit.key] = edit
        self.knows[copy].add(edit.key)

    def sent(self, copy: str, highest_counter: int, sequence: int | None) -> SentFile | None:
        self.exported[copy] = highest_counter
        if sequence is None:
            return None
        return SentFile(copy, sequence, frozenset(self.knows[copy]))

    def expected_reading(self, copy: str, file: SentFile) -> str:
        """ "read", "already" or "replayed"."""
        if (file.sender, file.sequence) in self.read_files[copy]:
            return "already"
        if file.sequence <= self.newest_read.get((copy, file.sender), 0):
            return "replayed"
        return "read"

    def read(self, copy: str, file: SentFile) -> None:
        self.knows[copy] |= file.knew
        self.read_files[copy].add((file.sender, file.sequence))
        key = (copy, file.sender)
        self.newest_read[key] = max(self.newest_read.get(key, 0), file.sequence)

    def everyone_knows_everything(self) -> bool:
        return all(set(self.world) <= known for known in self.knows.values())
