"""Nothing patient-identifying reaches the disk in plaintext: not the binder, not temp files.

The work runs in a child process whose temporary directory and home folder (with the config,
cache and data folders under it) are fresh folders we can search. The GUI's file dialogs are
swept the same way in tests/ui/test_no_plaintext_leak_gui.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CANARY_NAME = "Quillfeather Zyxwvut 鹤鸣"
CANARY_TEXT = "Oncotype canary 7741 — 病理诊断 腺癌"

_CHILD = """
import sys
from pathlib import Path
from casebook.core.model import Case
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services import overview
from casebook.services.binder import session as binder
from casebook.services.binder import maintenance
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths
from casebook.store.keyslots import KdfParams

work, source = Path(sys.argv[1]), Path(sys.argv[2])
created = binder.create_binder(
    work / "binder", "a long password 1", Case(sys.argv[3]), KdfParams.minimum()
)
with created.session as session:
    import_paths(session, [source], None, ignore_progress, NEVER_CANCELLED)
    assert records.search(session, sys.argv[4].split()[1])
    overview.load_overview(session)
    maintenance.check_binder(session, ignore_progress, NEVER_CANCELLED)
    maintenance.backup_binder(session, work / "backups", ignore_progress, NEVER_CANCELLED)
with binder.unlock_binder(work / "binder", "a long password 1") as session:
    assert records.load_case(session).patient_name == sys.argv[3]
print("done")
"""


def _encodings(text: str) -> list[bytes]:
    found = []
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "gb18030"):
        found.append(text.encode(encoding))
    # The Latin part alone, in case a writer split the string.
    latin = text.split()[0] + " " + text.split()[1]
    found.append(latin.encode("ascii", errors="ignore"))
    return found


def test_canary_never_appears_in_plaintext(tmp_path: Path) -> None:
    work = tmp_path / "work"
    temp = tmp_path / "temp"
    home = tmp_path / "home"
    source = tmp_path / "source"
    for folder in (work, temp, home, source):
        folder.mkdir()
    (source / f"{CANARY_NAME} pathology.txt").write_text(CANARY_TEXT, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env.update(TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp), HOME=str(home))
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(work), str(source), CANARY_NAME, CANARY_TEXT],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "done"
    scanned = [p for root in (work, temp, home) for p in root.rglob("*") if p.is_file()]
    assert any(p.name == "binder.db" for p in scanned)
    needles = _encodings(CANARY_NAME) + _encodings(CANARY_TEXT)
    for path in scanned:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, f"{needle!r} found in plaintext in {path}"
        assert CANARY_NAME.split()[0].encode() not in path.name.encode()
