"""What every start of Casebook does first, the same in every build and on every system.

Child processes are spawned, never forked (Windows and macOS can only spawn; one code path for
all); the frozen executable hands a spawned worker to multiprocessing before anything else; and
an installation with files missing says so plainly, in English and Chinese, with its own exit
code, instead of failing later as if a binder were missing.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casebook.app import cli_messages as msg
from casebook.resources import REQUIRED_RESOURCES, resources_root

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "casebook"


def _calls(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            names.append(ast.unparse(node.func))
    return names


def test_nothing_in_casebook_forks() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            function = ast.unparse(node.func)
            arguments = [ast.unparse(a) for a in node.args]
            if function in ("os.fork", "os.forkpty") or (
                function.endswith(("get_context", "set_start_method"))
                and arguments[:1] != ["'spawn'"]
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    assert offenders == []


def test_main_makes_spawn_the_start_method_for_everything() -> None:
    script = (
        "import multiprocessing\n"
        "from casebook.app.main import use_spawn\n"
        "print(multiprocessing.get_start_method(allow_none=True))\n"
        "use_spawn()\n"
        "print(multiprocessing.get_start_method())\n"
        "print(multiprocessing.Process().__class__.__name__)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True)  # fmt: skip
    before, after, process_class = result.stdout.split()
    assert after == "spawn"
    assert process_class == "Process"
    assert before in ("None", "spawn")  # nothing chose a method before main() did


def test_freeze_support_runs_before_anything_else() -> None:
    entry = ast.parse((ROOT / "installers" / "entry.py").read_text(encoding="utf-8"))
    [guard] = [n for n in entry.body if isinstance(n, ast.If)]
    first = guard.body[0]
    assert isinstance(first, ast.Expr)
    assert ast.unparse(first.value) == "multiprocessing.freeze_support()"
    imported_at_top = [n for n in entry.body if isinstance(n, ast.Import | ast.ImportFrom)]
    assert all(ast.unparse(n).split()[1] in ("multiprocessing", "sys") for n in imported_at_top)
    main = ast.parse((PACKAGE / "app" / "main.py").read_text(encoding="utf-8"))
    functions = {n.name: n for n in main.body if isinstance(n, ast.FunctionDef)}
    assert _calls(functions["main"].body[0])[0] == "freeze_support"
    # Which hands over to multiprocessing in a frozen build (the only one where it does
    # anything), so that the app's own start does not import multiprocessing for it.
    [guard] = functions["freeze_support"].body[1:]
    assert isinstance(guard, ast.If)
    assert ast.unparse(guard.test) == "getattr(sys, 'frozen', False)"
    assert "multiprocessing.freeze_support" in _calls(guard)


@pytest.fixture
def broken_installation(tmp_path: Path) -> Path:
    """A copy of Casebook whose fonts were lost (a packaging mistake), on PYTHONPATH."""
    site = tmp_path / "site packages"
    shutil.copytree(PACKAGE, site / "casebook", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(resources_root(), site / "casebook" / "_resources")
    shutil.rmtree(site / "casebook" / "_resources" / "fonts")
    return site


def _run_from(site: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "casebook", "--data-dir", str(tmp_path / "data"), *args],
        input="a password\n", capture_output=True, text=True, env=env, cwd=tmp_path,
        timeout=300, check=False,
    )  # fmt: skip


def test_a_broken_installation_is_reported_as_such(
    broken_installation: Path, tmp_path: Path
) -> None:
    binder = tmp_path / "binder"
    result = _run_from(broken_installation, tmp_path, "export", str(binder), "--out",
                       str(tmp_path / "out"))  # fmt: skip
    assert result.returncode == msg.EXIT_BROKEN_INSTALLATION == 72
    assert "Casebook is not installed completely" in result.stderr
    assert "没有完整安装" in result.stderr  # and in Chinese
    assert "fonts/DejaVuSans.ttf" in result.stderr
    assert str(broken_installation / "casebook" / "_resources") in result.stderr
    assert "binder" not in result.stderr.replace("binders", "")  # not a binder problem
    assert "Traceback" not in result.stderr
    assert not binder.exists()


def test_the_self_test_names_what_is_missing(broken_installation: Path, tmp_path: Path) -> None:
    result = _run_from(broken_installation, tmp_path, "self-test")
    assert result.returncode == 1
    [line] = [line for line in result.stdout.splitlines() if line.startswith("FAIL  resources")]
    assert "fonts/DejaVuSans.ttf" in line
    assert "fonts/DroidSansFallbackFull.ttf" in line


def test_every_resource_the_code_opens_is_checked_at_start() -> None:
    """Each `resource_path("a", "b")` in the code is covered by REQUIRED_RESOURCES."""
    used = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "resource_path":
                parts = [a.value for a in node.args if isinstance(a, ast.Constant)]
                used.add("/".join(str(p) for p in parts))
    assert len(used) > 8
    for relative in used:
        covered = any(
            relative == required or relative.startswith(required + "/")
            or required.startswith(relative + "/")
            for required in REQUIRED_RESOURCES
        )  # fmt: skip
        assert covered, f"resource_path({relative!r}) is not in REQUIRED_RESOURCES"
