"""New binders for tests: each made once per test process by `create_binder`, then copied.

About 400 tests start from a new, empty binder. Making one costs two Argon2id derivations (the
password's and the recovery code's key slots) and the schema: 0.4–0.5 s of CPU even at the
minimum cost, minutes of the suite that test nothing. A binder folder copied whole is the same
binder (keys, key slots, generation and change log travel together, as in a restored backup),
so each test gets a copy of one made with its arguments, and `open` opens the copy the way
`unlock_binder` does but with the master key kept from making it: the password's derivation
(0.15 s) is spared too. The tests of making and unlocking a binder call the services
themselves; a test that needs two distinct binders makes the second itself.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from casebook.core.model import Case
from casebook.services.binder.session import (
    BinderSession,
    NewBinder,
    create_binder,
    locked_folder,
    open_session,
)
from casebook.store.key_buffer import KeyBuffer
from casebook.store.keyslots import KdfParams


class BinderCopies:
    """Binders made once in `folder`, by their arguments, and copied on request."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._made: dict[str, tuple[Path, str, bytes]] = {}
        self._keys: dict[Path, bytes] = {}

    def copy(self, target: Path, password: str, case: Case, kdf: KdfParams) -> str:
        """A new binder at `target` (which must not exist) made with these arguments; returns
        its recovery code."""
        key = repr((password, case, kdf))
        if key not in self._made:
            original = self._folder / f"binder-{len(self._made)}"
            made = create_binder(original, password, case, kdf)
            master_key = bytes(made.session.key().view())
            made.session.close()
            self._made[key] = (original, made.recovery_code, master_key)
        original, recovery_code, master_key = self._made[key]
        shutil.copytree(original, target)
        self._keys[target] = master_key
        return recovery_code

    def open(self, target: Path) -> BinderSession:
        """The copy at `target` unlocked, as `unlock_binder` opens it after the derivation."""
        binder, lock = locked_folder(target)
        keyslots = binder.read_keyslots()
        return open_session(binder, KeyBuffer.taking(bytearray(self._keys[target])), lock, keyslots)

    def new_binder(self, target: Path, password: str, case: Case, kdf: KdfParams) -> NewBinder:
        """`create_binder`'s result for a copy: the copy opened, and its recovery code."""
        recovery_code = self.copy(target, password, case, kdf)
        return NewBinder(self.open(target), recovery_code)
