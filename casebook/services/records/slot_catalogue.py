"""The slot catalogue: what each kind of record is, why the MDT needs it, whom to ask.

Shipped as data (`resources/slots/catalogue.json`) in English and Simplified Chinese, so the
words can be improved without touching code.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from casebook.core.model import RecordKind
from casebook.resources import resource_path

FIELDS = ("title", "what", "why", "ask", "good_copy")
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class SlotDescription:
    kind: RecordKind
    texts: dict[str, dict[str, str]]  # field -> language -> text

    def text(self, field: str, language: str) -> str:
        """The text in `language` ("en", "zh_CN", "zh"), falling back to English."""
        versions = self.texts[field]
        if language in versions:
            return versions[language]
        for code, value in versions.items():
            if code.split("_")[0] == language.split("_")[0]:
                return value
        return versions[FALLBACK_LANGUAGE]


@functools.cache
def load_catalogue() -> dict[RecordKind, SlotDescription]:
    """Every slot's description, in catalogue order; fails loudly if one is missing."""
    raw = json.loads(resource_path("slots", "catalogue.json").read_text(encoding="utf-8"))
    catalogue: dict[RecordKind, SlotDescription] = {}
    for entry in raw["slots"]:
        kind = RecordKind(entry["kind"])
        catalogue[kind] = SlotDescription(kind, {field: dict(entry[field]) for field in FIELDS})
    missing = set(RecordKind) - set(catalogue)
    if missing:
        raise LookupError(f"slot catalogue lacks {sorted(k.value for k in missing)}")
    return catalogue
