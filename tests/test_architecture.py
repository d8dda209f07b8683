"""Rules of the codebase that a test can hold: core without Textual/Rich, no shells."""

from __future__ import annotations

import ast
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import tui.core
import tui.pipeline
import tui.service
import tui.store

TUI = Path(__file__).resolve().parents[1] / "tui"


def core_modules() -> list[str]:
    names = []
    for package in (tui.core, tui.pipeline, tui.store, tui.service):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            names.append(info.name)
    return names


def test_core_imports_without_textual() -> None:
    """Importing every core module in a fresh interpreter loads no Textual at all.

    (Rich is checked statically below: httpx's package __init__ imports its own command-line
    module, which loads rich whenever click and pygments are installed, as spaCy's deps are.)
    """
    modules = core_modules()
    assert "tui.service.refresh" in modules and "tui.store.store" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_core_sources_never_import_textual_or_rich() -> None:
    offenders = []
    for folder in (TUI / "core", TUI / "pipeline", TUI / "store", TUI / "service"):
        for path in folder.rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                offenders += [
                    f"{path.name}: {n}" for n in names if n.split(".")[0] in ("textual", "rich")
                ]
    assert offenders == []


def test_importing_the_analyzer_does_not_load_spacy() -> None:
    code = "import sys, tui.pipeline.analyze; print('spacy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "False", result.stderr


def test_no_shell_anywhere() -> None:
    pattern = re.compile(r"shell\s*=\s*True|os\.system\(|os\.popen\(")
    offenders = [
        f"{path}:{number}"
        for path in TUI.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


def _names_defined_in_tui(trees: list[ast.Module]) -> set[str]:
    """Every name our own code binds: a private attribute with one of these names is ours."""
    names: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
    return names


def test_no_private_api_of_other_libraries() -> None:
    """`x._name` where no code of ours defines `_name`, and `from lib import _name` or
    `import lib._mod` of a library, reach into another project's private API: a minor release may
    remove it (tomlkit 0.15 dropped `Container._insert_after`, which we used)."""
    paths = sorted(TUI.rglob("*.py"))
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in paths]
    ours = _names_defined_in_tui(trees)

    def private(name: str) -> bool:
        return name.startswith("_") and not name.startswith("__")

    offenders = []
    for path, tree in zip(paths, trees, strict=True):
        where = path.relative_to(TUI.parent)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and private(node.attr) and node.attr not in ours:
                offenders.append(f"{where}:{node.lineno} {ast.unparse(node)}")
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module.split(".")[0] == "tui":
                    continue
                parts = node.module.split(".") + [alias.name for alias in node.names]
                if any(private(part) for part in parts):
                    offenders.append(f"{where}:{node.lineno} from {node.module} import …")
            elif isinstance(node, ast.Import):
                offenders += [
                    f"{where}:{node.lineno} import {alias.name}"
                    for alias in node.names
                    if alias.name.split(".")[0] != "tui"
                    and any(private(part) for part in alias.name.split("."))
                ]
    assert offenders == []
