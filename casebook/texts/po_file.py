"""Reads a gettext `.po` catalogue into a lookup table, at run time, with the standard library.

Casebook loads its generated-text catalogue straight from the `.po` source rather than from a
compiled `.mo`: there is no build step between the translation a person wrote and the summary a
hospital reads, so a stale or missing `.mo` can never make a Chinese summary fall back to
English. The reader understands what gettext tools (Babel, msgmerge, Poedit) write: comments and
flags, `msgctxt`, `msgid_plural`, `msgstr[n]`, strings continued over several lines, and the C
escapes. Fuzzy entries count as untranslated, as gettext's own tools treat them; obsolete (`#~`)
entries are ignored.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

MessageKey = tuple[str | None, str]  # (context, English source text)


class PoSyntaxError(ValueError):
    """The catalogue file cannot be read (a bug in a shipped file, never user input)."""

    def __init__(self, line_number: int, line: str) -> None:
        super().__init__(f"line {line_number}: {line!r}")
        self.line_number = line_number
        self.line = line


@dataclass
class PoEntry:
    """One message: its source text (and plural), context, translations and flags."""

    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def key(self) -> MessageKey:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        """Every form has a translation and no translator marked it as a guess."""
        return not self.fuzzy and bool(self.msgstr) and all(self.msgstr.values())


def _quoted(text: str, line_number: int, line: str) -> str:
    """The value of one C string literal as gettext writes it ("a \\"b\\"\\n")."""
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise PoSyntaxError(line_number, line)
    try:
        value = ast.literal_eval(text)  # a Python str literal has the same escapes
    except (SyntaxError, ValueError) as error:
        raise PoSyntaxError(line_number, line) from error
    if not isinstance(value, str):
        raise PoSyntaxError(line_number, line)
    return value


def parse_po(text: str) -> list[PoEntry]:
    """Every entry of a catalogue, the header (msgid "") included, in file order."""
    entries: list[PoEntry] = []
    entry = PoEntry()
    started = False
    target: tuple[str, int] | None = None  # which field a continuation line extends

    def finish() -> None:
        nonlocal entry, started, target
        if started:
            entries.append(entry)
        entry, started, target = PoEntry(), False, None

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            continue  # obsolete
        if line.startswith("#"):
            if started and target is not None and entry.msgstr:
                finish()  # comments open the next entry
            if line.startswith("#,"):
                entry.flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            continue
        if line.startswith('"'):
            if target is None:
                raise PoSyntaxError(number, raw)
            _extend(entry, target, _quoted(line, number, raw))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and entry.msgstr:
            finish()  # a new entry without a blank line before it
        started = True
        value = _quoted(rest, number, raw)
        if keyword == "msgctxt":
            entry.msgctxt, target = value, ("msgctxt", 0)
        elif keyword == "msgid":
            entry.msgid, target = value, ("msgid", 0)
        elif keyword == "msgid_plural":
            entry.msgid_plural, target = value, ("msgid_plural", 0)
        elif keyword == "msgstr":
            entry.msgstr[0], target = value, ("msgstr", 0)
        elif keyword.startswith("msgstr[") and keyword.endswith("]"):
            index = keyword[7:-1]
            if not index.isdigit():
                raise PoSyntaxError(number, raw)
            entry.msgstr[int(index)], target = value, ("msgstr", int(index))
        else:
            raise PoSyntaxError(number, raw)
    finish()
    return entries


def _extend(entry: PoEntry, target: tuple[str, int], value: str) -> None:
    name, index = target
    if name == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + value
    elif name == "msgid":
        entry.msgid += value
    elif name == "msgid_plural":
        entry.msgid_plural = (entry.msgid_plural or "") + value
    else:
        entry.msgstr[index] = entry.msgstr.get(index, "") + value
