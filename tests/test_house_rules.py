"""House rules that a reviewer would otherwise have to remember, checked on the source itself.

- One look: colours and style sheets live in `casebook/ui/common/look.py`, so the light, dark and
  high-contrast schemes reach every widget. Elsewhere in the UI: no colour literal (`#rrggbb`,
  `rgb(…)`, `QColor("…")`, `QColor(r, g, b)`, a CSS colour name in style text) and no
  `setStyleSheet` call; a widget says what it is (`look_as(widget, role=…)`) and the look says how
  that looks.
- One clock: the wall clock is read in `casebook/services/clock.py` only (`clock.today()`,
  `clock.utc_now()`, …), so tests set the time instead of racing the calendar. Monotonic timers
  for durations are fine.

Each rule is tried on a small bad example first, so a finder that silently stopped finding
anything fails here instead of passing forever.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

CASEBOOK = Path(__file__).resolve().parent.parent / "casebook"
LOOK = CASEBOOK / "ui" / "common" / "look.py"
CLOCK = CASEBOOK / "services" / "clock.py"
# Readers of the wall clock below the services, each with its reason.
CLOCK_EXCEPTIONS = {
    # The change log's hybrid logical clock takes the physical time where the store writes a
    # change (the store cannot ask the services); it never goes backwards, whatever the clock.
    CASEBOOK / "store" / "sharing" / "log.py",
}

_HEX = re.compile(r"(?<![\w&])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})(?![\w-])")
_CSS_FUNCTION = re.compile(r"\b(?:rgba?|hsla?)\s*\(", re.IGNORECASE)
_CSS_NAMED = re.compile(
    r"\b(?:color|background(?:-color)?|border(?:-[a-z]+)*|gridline-color)\s*:[^;{}]*?"
    r"\b(?:white|black|red|green|blue|yellow|orange|grey|gray|silver|navy|maroon)\b",
    re.IGNORECASE,
)


def _strings(source: str) -> Iterator[tuple[int, str]]:
    """Every string literal (f-strings whole) with its line."""
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING:
            yield token.start[0], token.string


def _literal_colour(node: ast.Call) -> bool:
    """`QColor("…")`, `QColor(255, 0, 0)`: a colour chosen outside the look."""
    name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
    if name != "QColor":
        return False
    return any(isinstance(argument, ast.Constant) for argument in node.args)


def _style_call(node: ast.Call) -> bool:
    return isinstance(node.func, ast.Attribute) and node.func.attr == "setStyleSheet"


def look_breaches(source: str, name: str) -> list[str]:
    """Where `source` chooses a colour or a style itself instead of asking the look."""
    found: list[str] = []
    for line, text in _strings(source):
        for pattern in (_HEX, _CSS_FUNCTION, _CSS_NAMED):
            match = pattern.search(text)
            if match:
                found.append(f"{name}:{line}: colour in a string: {match.group(0)!r}")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _literal_colour(node):
            found.append(f"{name}:{node.lineno}: QColor from a literal")
        if isinstance(node, ast.Call) and _style_call(node):
            found.append(f"{name}:{node.lineno}: setStyleSheet outside the look")
    return found


def _ui_sources() -> Iterator[Path]:
    for path in sorted((CASEBOOK / "ui").rglob("*.py")):
        if path != LOOK:
            yield path


def test_the_look_finder_finds_what_it_should() -> None:
    bad = (
        "from PySide6.QtGui import QColor\n"
        "a = QColor('#ff0000')\n"
        "b = QColor(255, 0, 0)\n"
        "c = 'QFrame { background: #eef3ee; }'\n"
        "d = f\"<span style='color:#4a5560'>{x}</span>\"\n"
        "e = 'QLabel { color: white; }'\n"
        "f = 'border: 1px solid rgb(10, 20, 30);'\n"
        "widget.setStyleSheet('')\n"
    )
    lines = {int(breach.split(":")[1]) for breach in look_breaches(bad, "bad.py")}
    assert lines == {2, 3, 4, 5, 6, 7, 8}
    fine = (
        "from casebook.ui.common.look import current_colours, look_as, qcolor\n"
        "a = qcolor(current_colours().hint)\n"
        "look_as(widget, role='card')\n"
        "b = 'Step #1 of 3, issue #123a'\n"
        'c = f"color:{current_colours().hint}"\n'
    )
    assert look_breaches(fine, "fine.py") == []


def test_colours_and_styles_come_from_the_look() -> None:
    breaches = [
        breach
        for path in _ui_sources()
        for breach in look_breaches(
            path.read_text(encoding="utf-8"), str(path.relative_to(CASEBOOK.parent))
        )
    ]
    assert breaches == [], "ask casebook/ui/common/look.py instead:\n" + "\n".join(breaches)


def test_the_look_itself_holds_the_colours() -> None:
    """The rule is not met by having no colours at all: the look has them."""
    assert len(look_breaches(LOOK.read_text(encoding="utf-8"), "look.py")) > 20


_CLOCK_OWNERS = {"date", "datetime", "time", "QDate", "QDateTime", "QTime"}
_CLOCK_READS = {
    "today", "now", "utcnow", "time", "time_ns", "localtime", "gmtime", "ctime", "asctime",
    "strftime", "currentDate", "currentDateTime", "currentDateTimeUtc", "currentTime",
    "currentSecsSinceEpoch", "currentMSecsSinceEpoch",
}  # fmt: skip
# time.localtime(seconds), time.strftime(format, moment): given the moment, they read no clock.
_CLOCK_WHEN_SHORT = {"localtime": 1, "gmtime": 1, "ctime": 1, "asctime": 1, "strftime": 2}


def _owner(node: ast.expr) -> str:
    """`datetime` for `datetime.now` and `datetime.datetime.now`."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def clock_breaches(source: str, name: str) -> list[str]:
    """Where `source` reads the wall clock itself (a call, or a function handed on as a default)."""
    tree = ast.parse(source)
    calls = {id(node.func): node for node in ast.walk(tree) if isinstance(node, ast.Call)}
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or node.attr not in _CLOCK_READS:
            continue
        if _owner(node.value) not in _CLOCK_OWNERS:
            continue
        call = calls.get(id(node))
        least = _CLOCK_WHEN_SHORT.get(node.attr)
        if call is not None and least is not None and len(call.args) >= least:
            continue
        if call is None and least is not None:
            continue
        found.append(f"{name}:{node.lineno}: {ast.unparse(node)} reads the wall clock")
    return found


def test_the_clock_finder_finds_what_it_should() -> None:
    bad = (
        "import datetime as dt, time\n"
        "from datetime import date, datetime, UTC\n"
        "a = date.today()\n"
        "b = datetime.now(UTC)\n"
        "def f(today=date.today): ...\n"
        "c = time.time()\n"
        "d = QDate.currentDate()\n"
        "e = time.strftime('%Y')\n"
        "f = datetime.datetime.now()\n"
    )
    lines = {int(breach.split(":")[1]) for breach in clock_breaches(bad, "bad.py")}
    assert lines == {3, 4, 5, 6, 7, 8, 9}
    fine = (
        "from casebook.services import clock\n"
        "a = clock.today()\n"
        "b = time.monotonic()\n"
        "c = time.strftime('%Y', moment)\n"
        "d = datetime.fromisoformat(text)\n"
        "e = appointment.at_time.strftime('%H:%M')\n"
    )
    assert clock_breaches(fine, "fine.py") == []


def test_the_wall_clock_is_read_in_one_place() -> None:
    breaches = [
        breach
        for path in sorted(CASEBOOK.rglob("*.py"))
        if path != CLOCK and path not in CLOCK_EXCEPTIONS
        for breach in clock_breaches(
            path.read_text(encoding="utf-8"), str(path.relative_to(CASEBOOK.parent))
        )
    ]
    assert breaches == [], "ask casebook/services/clock.py instead:\n" + "\n".join(breaches)
