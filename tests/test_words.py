"""House rules for words, checked on the code and the shipped texts themselves.

- A count meets a noun only through a plural helper: "1 minutes" and "1 files" are what a
  tired reader notices. Every string where a placeholder is followed by an English plural noun
  ("{count} files", "{n} minutes", f"{n} cycles") must reach a helper that picks the form by
  the number — `choose_plural` (or a module's own two-form wrapper), gettext's `ngettext`, or
  Qt's `tr(text, "", n)` — directly or through the name it is assigned to. A string that can
  only ever be plural (a total that is never 1) is listed below with the reason.
- `self.tr("…")` inside an f-string is invisible to lupdate: the string never reaches the
  .ts and shows in English in the Chinese interface ("Nothing noted.", "Not answered").
- Chinese terms settled once (issue 14) do not come back: the old ones appear nowhere in the
  translations, the catalogue of generated texts or the shipped resources.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "casebook"

# A placeholder (or Qt's %n) followed, perhaps after one adjective, by a word ending in "s".
COUNT_THEN_NOUN = re.compile(r"(?:\{\w*(?:![rsa])?(?::[^}]*)?\}|%n)\s+(?:[a-z]+\s+)?([A-Za-z]+s)\b")
# A unit written after a number a spin box shows (" minutes"): the number is not in the text.
SUFFIX_NOUN = re.compile(r"^ ([a-z]+s)$")
# Words ending in "s" that are not plural nouns after a placeholder ("{name} has", "{x} is").
NOT_NOUNS = frozenset(
    {"was", "has", "is", "this", "its", "does", "his", "as", "yes", "us", "thus", "plus"}
    | {"always", "less", "across", "series", "differs", "holds", "describes", "exists"}
    | {"mentions", "names", "says", "asks"}  # "Only {label} mentions …": verbs after a name
)
# The helpers that choose singular or plural by the number.
PLURAL_HELPERS = frozenset({"choose_plural", "_p", "_counted", "ngettext"})
# Strings that are plural whatever happens, each with why.
ALWAYS_PLURAL = {
    # {label} names an opinion, not a number.
    "Only {label} mentions alternatives",
    # Said only when the bundle travels in more than one e-mail.
    "Wait until they confirm that all {count} parts arrived.",
    # The limit is 3 hours; a recording refused for length lasts more than that.
    "The recording lasts {hours} hours",
    "the recording lasts {hours} hours",
    # An SQLite database has many pages, whatever it holds.
    "{pages} database pages",
    # A self-test reports what it checked: always several of each.
    "{x} modules",
    "{x} transfer syntaxes",
    "{x} documents and {x} images",
    "sealed and verified {x} files",
    "self-test FAILED ({x} checks)",
    # A part of a whole ("1 of 3 images"): the whole is more than one.
    "of {expected} images",
    "of its {expected} images",
    "of {listed} images",
    # A sealed bundle always holds several files (README, INDEX, the summary, the records).
    "{files} files; every checksum",
    # Developer-facing limits in errors (never shown as such to the family).
    "at least {x} characters",
    "{x} pages (at most {x})",
    "{x} bytes",
    # The module docstring shows ngettext's own example.
    '{n} image", "{n} images"',
}


def _python_files() -> Iterator[Path]:
    yield from sorted(PACKAGE.rglob("*.py"))


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _name(call: ast.Call) -> str:
    function = call.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def _counted_by_qt(call: ast.Call) -> bool:
    """`tr(text, "", n)` or `translate(context, text, "", n)`: Qt picks the form."""
    name = _name(call)
    return (name in ("tr", "_tr") and len(call.args) >= 3) or (
        name == "translate" and len(call.args) >= 4
    )


def _text(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return None if isinstance(parents.get(node), ast.JoinedStr) else node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{x}" for v in node.values)
    return None


def _tests_for_one(test: ast.AST) -> bool:
    """`n == 1`, `count != 1`: a hand-written choice between the two forms."""
    return isinstance(test, ast.Compare) and any(
        isinstance(side, ast.Constant) and side.value == 1
        for side in (test.left, *test.comparators)
    )


def _paired_in_tuple(node: ast.AST, tuple_node: ast.Tuple) -> bool:
    """(count, "{count} file", "{count} files"): both forms side by side, for a loop that
    hands them to a helper."""
    strings = [
        element
        for element in tuple_node.elts
        if isinstance(element, ast.Constant | ast.Call | ast.JoinedStr)
        and any(isinstance(n, ast.Constant) and isinstance(n.value, str) for n in ast.walk(element))
    ]
    return len(strings) >= 2


def _reaches_a_helper(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """The string is an argument (at any depth) of a plural helper, a branch of a choice made
    on `== 1`, one of two forms side by side in a tuple, or is assigned to a name that the
    enclosing function passes to a helper or chooses on `== 1`."""
    here: ast.AST | None = node
    assigned: set[str] = set()
    scope: ast.AST | None = None
    while here is not None:
        if isinstance(here, ast.Call) and (_name(here) in PLURAL_HELPERS or _counted_by_qt(here)):
            return True
        if isinstance(here, ast.IfExp) and _tests_for_one(here.test):
            return True
        if isinstance(here, ast.Tuple) and _paired_in_tuple(node, here):
            return True
        if isinstance(here, ast.Assign):
            assigned |= {t.id for t in here.targets if isinstance(t, ast.Name)}
        if isinstance(here, ast.FunctionDef | ast.AsyncFunctionDef | ast.Module):
            scope = here
            break
        here = parents.get(here)
    if scope is None or not assigned:
        return False
    for other in ast.walk(scope):
        helper = isinstance(other, ast.Call) and _name(other) in PLURAL_HELPERS
        if helper and any(isinstance(a, ast.Name) and a.id in assigned for a in other.args):
            return True
        if isinstance(other, ast.IfExp) and _tests_for_one(other.test):
            branches = (other.body, other.orelse)
            if any(isinstance(b, ast.Name) and b.id in assigned for b in branches):
                return True
    return False


def counts_meeting_nouns(source: str, filename: str = "<code>") -> list[str]:
    """'file:line: "{count} files"' for each count meeting a plural noun outside the helpers."""
    tree = ast.parse(source)
    parents = _parents(tree)
    found = []
    for node in ast.walk(tree):
        text = _text(node, parents)
        if not text or any(allowed in text for allowed in ALWAYS_PLURAL):
            continue
        nouns = [m for m in COUNT_THEN_NOUN.finditer(text) if m.group(1).lower() not in NOT_NOUNS]
        nouns += [m for m in SUFFIX_NOUN.finditer(text) if m.group(1) not in NOT_NOUNS]
        if nouns and not _reaches_a_helper(node, parents):
            found.append(f"{filename}:{getattr(node, 'lineno', 0)}: {nouns[0].group(0)!r}")
    return found


def test_the_rule_finds_a_count_joined_to_a_plural_noun() -> None:
    offending = """
def say(n, t, self, spin):
    a = f"{n} minutes left"
    b = t.gettext("{count} cycles").format(count=n)
    c = (n, self.tr("{count} pages"))
    spin.setSuffix(self.tr(" minutes"))
    return a + b + c
"""
    assert sorted(line.split(": ", 1)[1] for line in counts_meeting_nouns(offending)) == [
        "' minutes'",
        "'{count} cycles'",
        "'{count} pages'",
        "'{x} minutes'",
    ]
    fine = """
def say(n, t, self):
    one = self.tr("{count} file was added")
    many = self.tr("{count} files were added")
    words = [choose_plural(n, one, many)]
    words.append(t.ngettext("{n} cycle", "{n} cycles", n).format(n=n))
    words.append(self.tr("%n minute(s)", "", n))
    words.append(f"{n} series · {self.name} has left")
    words.append(self.tr("An hour") if n == 1 else self.tr("{count} hours"))
    pairs = [(n, self.tr("{count} page"), self.tr("{count} pages"))]
    return words
"""
    assert counts_meeting_nouns(fine) == []


def test_every_count_meets_its_noun_through_a_plural_helper() -> None:
    found = []
    for path in _python_files():
        relative = str(path.relative_to(REPO))
        found += counts_meeting_nouns(path.read_text(encoding="utf-8"), relative)
    assert found == [], "use choose_plural / ngettext / tr(text, '', n):\n" + "\n".join(found)


def test_no_tr_inside_an_f_string() -> None:
    found = []
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in ast.walk(node):
                function = call.func if isinstance(call, ast.Call) else None
                if isinstance(function, ast.Attribute) and function.attr == "tr":
                    found.append(f"{path.relative_to(REPO)}:{call.lineno}")
    assert found == [], "lupdate cannot see tr() inside an f-string:\n" + "\n".join(found)


# The old term → the settled one (issue 14), in Simplified Chinese.
OLD_TERMS = {
    "第 1 线": "一线治疗",
    "第1线": "一线治疗",
    "第 {number} 线": "{number}线（一线、二线）",
    "第{number}线": "{number}线（一线、二线）",
    "肿瘤委员会": "肿瘤多学科会诊（MDT）",
    "高级疗法": "新型疗法（如 CAR-T、造血干细胞移植）",
    "先进疗法": "新型疗法（如 CAR-T、造血干细胞移植）",
    "新型治疗": "新型疗法",
    "大白话": "通俗易懂的话",
    "大型基因检测套餐": "多基因（大 panel）检测",
    "请检查日。": "请核对日期。",
    "支持性照护": "支持治疗",
    "日间治疗中心": "日间病房",
    "中文（简体中文）": "简体中文",
}


def _shipped_texts() -> Iterator[Path]:
    yield from (REPO / "resources" / "translations").glob("*.ts")
    yield from (REPO / "resources" / "texts").glob("*.po")
    for path in sorted((REPO / "resources").rglob("*")):
        if path.is_file() and path.suffix in (".json", ".md", ".txt", ".html", ".xml"):
            yield path
    yield from _python_files()  # the demo, the timeline's words, the summary's words


def test_the_old_chinese_terms_appear_nowhere() -> None:
    found = [
        f"{path.relative_to(REPO)}: {old!r} (say {new!r})"
        for path in _shipped_texts()
        for old, new in OLD_TERMS.items()
        if old in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert found == [], "\n".join(found)
