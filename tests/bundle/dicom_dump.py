"""Reading dcmtk's dcmdump output: the judge's view of a DICOMDIR and of the files it lists."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

_RECORD = re.compile(r'^  \(fffe,e000\) na "Directory Record" (.+?) #')
_KEY = re.compile(r"^    \(([0-9a-f]{4}),([0-9a-f]{4})\) (\w\w) (.*?)\s+#\s*\d+,\s*\d+ (\w+)$")
_TOP = re.compile(r"^\(([0-9a-f]{4}),([0-9a-f]{4})\) (\w\w) (.*?)\s+#\s*\d+,\s*\d+ (\w+)$")


def _value(raw: str) -> str:
    """`[1CT1]` -> "1CT1"; `(no value available)` -> ""; `=CTImageStorage` stays."""
    raw = raw.strip()
    if raw.startswith("[") and raw.endswith("]"):
        return raw[1:-1]
    if raw.startswith("(no value"):
        return ""
    return raw


@dataclass
class DumpedRecord:
    kind: str
    keys: dict[str, str] = field(default_factory=dict)  # keyword -> value as dcmdump shows it


def dump(tool: Path, path: Path) -> str:
    result = subprocess.run(
        [str(tool), "-q", "+L", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",  # values in a file's own character set (Latin-1…)
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def directory_records(tool: Path, dicomdir: Path) -> list[DumpedRecord]:
    """The DICOMDIR's records in file order, with their top-level keys."""
    records: list[DumpedRecord] = []
    for line in dump(tool, dicomdir).splitlines():
        found = _RECORD.match(line)
        if found:
            records.append(DumpedRecord(found.group(1).strip()))
            continue
        key = _KEY.match(line)
        if key and records:
            records[-1].keys[key.group(5)] = _value(key.group(4))
    return records


def file_keys(tool: Path, path: Path) -> dict[str, str]:
    """A DICOM file's top-level attributes (keyword -> value) as dcmdump shows them."""
    keys: dict[str, str] = {}
    for line in dump(tool, path).splitlines():
        key = _TOP.match(line)
        if key:
            keys.setdefault(key.group(5), _value(key.group(4)))
    return keys
