"""New binders for tests: each made once per test process by `create_binder`, then copied.

About 400 tests start from a new, empty binder. Making one costs two Argon2id derivations (the
password's and the recovery code's key slots) and the schema: 0.4–0.5 s of CPU even at the
minimum cost, minutes of the suite that test nothing. A binder folder copied whole is the same
binder (keys, key slots, generation and change log travel together, as in a restored backup),
so each test gets a copy of one made with its arguments. The tests of making a binder call
`create_binder` themselves; a test that needs two distinct binders makes the second itself.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from casebook.core.model import Case
from casebook.services.binder.session import create_binder
from casebook.store.keyslots import KdfParams


class BinderCopies:
    """Binders made once in `folder`, by their arguments, and copied on request."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._made: dict[str, tuple[Path, str]] = {}

    def copy(self, target: Path, password: str, case: Case, kdf: KdfParams) -> str:
        """A new binder at `target` (which must not exist) made with these arguments; returns
        its recovery code."""
        key = repr((password, case, kdf))
        if key not in self._made:
            original = self._folder / f"binder-{len(self._made)}"
            made = create_binder(original, password, case, kdf)
            made.session.close()
            self._made[key] = (original, made.recovery_code)
        original, recovery_code = self._made[key]
        shutil.copytree(original, target)
        return recovery_code
