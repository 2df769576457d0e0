"""Refresh the Chinese translation source from the code and build the binary catalogue.

    .venv/bin/python tools/translations.py            # lupdate, then lrelease
    .venv/bin/python tools/translations.py --release  # lrelease only (what `make` runs)
    .venv/bin/python tools/translations.py --check    # exit 1 if a string is missing or unfinished

`pyside6-lupdate` reads the literal `self.tr("…")` and `QCoreApplication.translate("Ctx", "…")`
calls in casebook/ui and casebook/app. It cannot see strings that reach Qt through a small
wrapper (`def _tr(text): return QCoreApplication.translate("Labels", text)`), through another
object (`dialog.tr("…")` inside a helper class) or from a library (zxcvbn's password hints).
This tool finds those with the `ast` module, writes them as `QT_TRANSLATE_NOOP` lines to a
temporary file and hands that to lupdate together with the code, so the .ts holds every string
the app shows. After an update, open resources/translations/casebook_zh_CN.ts in
pyside6-linguist (or an editor) and fill in every `type="unfinished"` entry.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "casebook" / "ui", ROOT / "casebook" / "app")
FOLDER = ROOT / "resources" / "translations"
TS_FILE = FOLDER / "casebook_zh_CN.ts"
LANGUAGE = "zh_CN"

Message = tuple[str, str]  # (context, source text)


def _tool(name: str) -> str:
    """The PySide6 tool beside this interpreter (the venv), else the one on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e '.[dev]')")
    return found


def _string(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _wrapper_context(function: ast.FunctionDef) -> str | None:
    """`def _tr(text): return QCoreApplication.translate("Ctx", text)` → "Ctx"."""
    if len(function.args.args) != 1 or len(function.body) != 1:
        return None
    statement = function.body[0]
    if not isinstance(statement, ast.Return) or not isinstance(statement.value, ast.Call):
        return None
    call = statement.value
    if not (isinstance(call.func, ast.Attribute) and call.func.attr == "translate"):
        return None
    if len(call.args) != 2 or not isinstance(call.args[1], ast.Name):
        return None
    if call.args[1].id != function.args.args[0].arg:
        return None
    return _string(call.args[0])


def _annotation_name(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    text = _string(node)
    return text.split(".")[-1] if text else None


def messages_in_module(tree: ast.Module) -> Iterator[Message]:
    """Strings lupdate misses in one module: wrapper calls and `param.tr("…")` calls."""
    wrappers = {
        node.name: context
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and (context := _wrapper_context(node))
    }
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        annotations = {
            arg.arg: name
            for arg in function.args.args
            if (name := _annotation_name(arg.annotation)) and arg.arg != "self"
        }
        for node in ast.walk(function):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            text = _string(node.args[0])
            if text is None:
                continue
            func = node.func
            if isinstance(func, ast.Name) and func.id in wrappers:
                yield wrappers[func.id], text
            elif (
                isinstance(func, ast.Attribute)
                and func.attr == "tr"
                and isinstance(func.value, ast.Name)
                and func.value.id in annotations
            ):
                yield annotations[func.value.id], text


def misread_contexts(tree: ast.Module) -> set[str]:
    """Variable names lupdate takes for a context in `dialog.tr("…")` (we resolve them)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "tr"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id != "self"
        ):
            names.add(node.func.value.id)
    return names


def password_hint_messages() -> Iterator[Message]:
    """zxcvbn's English feedback (`_("…")` in zxcvbn/feedback.py), shown as hints."""
    import zxcvbn.feedback

    tree = ast.parse(Path(zxcvbn.feedback.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_":
            text = _string(node.args[0]) if node.args else None
            if text:
                yield "PasswordHints", text


def python_files(roots: Iterable[Path] = SOURCES) -> list[Path]:
    return sorted(path for root in roots for path in root.rglob("*.py"))


def extra_messages(roots: Iterable[Path] = SOURCES) -> tuple[list[Message], set[str]]:
    """Every string lupdate cannot see, and the bogus contexts it invents instead."""
    found: dict[Message, None] = {}
    misread: set[str] = set()
    for path in python_files(roots):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found.update(dict.fromkeys(messages_in_module(tree)))
        misread |= misread_contexts(tree)
    found.update(dict.fromkeys(password_hint_messages()))
    return list(found), misread


def _stub_source(messages: Iterable[Message]) -> str:
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    lines += [f"QT_TRANSLATE_NOOP({context!r}, {text!r})" for context, text in messages]
    return "\n".join(lines) + "\n"


def update_ts(ts_file: Path = TS_FILE, roots: Iterable[Path] = SOURCES) -> None:
    """Run lupdate over the code (and the strings it cannot see) into `ts_file`."""
    roots = list(roots)
    messages, misread = extra_messages(roots)
    with tempfile.TemporaryDirectory(prefix="casebook-lupdate-") as temp:
        stub = Path(temp) / "wrapped_strings.py"
        stub.write_text(_stub_source(messages), encoding="utf-8")
        command = [
            _tool("pyside6-lupdate"),
            "-silent",
            "-extensions",
            "py",
            "-locations",
            "none",
            "-no-obsolete",
            "-target-language",
            LANGUAGE,
            "-recursive",
            *(str(root) for root in roots),
            str(stub),
            "-ts",
            str(ts_file),
        ]
        subprocess.run(command, check=True, capture_output=True, text=True)
    _drop_contexts(ts_file, misread)


def _drop_contexts(ts_file: Path, names: set[str]) -> None:
    """Remove the contexts lupdate made up from variable names (kept under the class name)."""
    text = ts_file.read_text(encoding="utf-8")
    for name in names:
        start = text.find(f"<context>\n    <name>{name}</name>")
        if start >= 0:
            end = text.index("</context>\n", start) + len("</context>\n")
            text = text[:start] + text[end:]
    ts_file.write_text(text, encoding="utf-8")


def read_ts(ts_file: Path = TS_FILE) -> dict[Message, str | None]:
    """(context, source) → translation, or None when unfinished or empty."""
    result: dict[Message, str | None] = {}
    # Our own .ts file, not untrusted input.
    for context in ET.parse(ts_file).getroot().iter("context"):  # noqa: S314
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            node = message.find("translation")
            if node is None or node.get("type") is not None:
                result[(name, source)] = None
                continue
            # A plural message keeps its text in <numerusform> (one per plural form; Chinese
            # has one): every form must be translated.
            forms = [form.text or "" for form in node.iter("numerusform")]
            text = forms[0] if forms and all(forms) else (None if forms else node.text)
            result[(name, source)] = text or None
    return result


def release(ts_file: Path = TS_FILE, qm_file: Path | None = None) -> Path:
    """Build the binary catalogue the app loads (`.qm`, never committed)."""
    qm_file = qm_file or ts_file.with_suffix(".qm")
    command = [_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, check=True, capture_output=True, text=True)
    return qm_file


def missing_messages(ts_file: Path = TS_FILE) -> tuple[list[Message], list[Message]]:
    """(strings in the code but not in the .ts, strings in the .ts still untranslated)."""
    known = read_ts(ts_file)
    with tempfile.TemporaryDirectory(prefix="casebook-check-") as temp:
        fresh = Path(temp) / "fresh.ts"
        update_ts(fresh)
        current = read_ts(fresh)
    absent = sorted(set(current) - set(known))
    unfinished = sorted(key for key, value in known.items() if value is None)
    return absent, unfinished


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--release", action="store_true", help="only build the .qm")
    group.add_argument("--check", action="store_true", help="report missing strings")
    args = parser.parse_args()
    if args.check:
        absent, unfinished = missing_messages()
        for context, text in absent:
            print(f"not in the .ts: [{context}] {text!r}")
        for context, text in unfinished:
            print(f"unfinished: [{context}] {text!r}")
        return 1 if absent or unfinished else 0
    if not args.release:
        update_ts()
        known = read_ts()
        left = sum(1 for value in known.values() if value is None)
        print(f"{TS_FILE.relative_to(ROOT)}: {len(known)} strings, {left} unfinished")
    print(release().relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
