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


# Names with a leading underscore that their library documents as public.
DOCUMENTED = {
    "_exit",  # os._exit: how a forked child ends without running its parent's exit handlers
}


def test_no_private_api_of_other_libraries() -> None:
    """`x._name` where no code of ours defines `_name`, and `from lib import _name` or
    `import lib._mod` of a library, reach into another project's private API: a minor release may
    remove it (tomlkit 0.15 dropped `Container._insert_after`, which we used)."""
    paths = sorted(TUI.rglob("*.py"))
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in paths]
    ours = _names_defined_in_tui(trees)

    def private(name: str) -> bool:
        return name.startswith("_") and not name.startswith("__") and name not in DOCUMENTED

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


# ── import graph: no cycles, and every function-local import of ours says why ───────────────

# (module, function, imported module) → why it is imported inside the function. Legitimate
# reasons: start-up cost (Textual, httpx, feedparser, lxml, spaCy load only when needed) and
# worker processes (a child imports what it runs). Never "it would make a cycle".
LOCAL_IMPORTS = {
    **{
        ("tui.__main__", "dispatch", f"tui.cli.{name}"): "start-up: only the subcommand run loads"
        for name in ("analyze", "bookmarks", "feeds", "fetch", "maintenance", "search", "stories")
    },
    **{
        ("tui.__main__", "run_app", name): "start-up: Textual and the store load only for the app"
        for name in (
            "tui.app", "tui.cli.common", "tui.core.errors", "tui.service.library",
            "tui.service.startup",
        )
    },
    **{
        ("tui.app.navigation", function, f"tui.app.screens.{screen}"): (
            "first paint: a screen other than the main one loads when first opened"
        )
        for function, screen in (
            ("reader", "reader"), ("claims", "claims"), ("bookmarks", "bookmarks"),
            ("stories", "stories"), ("story", "story"), ("by_entity", "claims"),
            ("by_entity", "reader"),
        )
    },
    **{
        ("tui.app.app", "key_scopes", f"tui.app.{name}"): (
            "first paint: every screen loads at start only when feeds.toml has [keys] to check"
        )
        for name in (
            "screens.bookmarks", "screens.claims", "screens.help", "screens.reader",
            "screens.stories", "screens.story", "widgets.bookmark_list", "widgets.claim_list",
            "widgets.entity_panel", "widgets.reader_view", "widgets.story_list",
            "widgets.story_outline",
        )
    },
    ("tui.app.app", "action_help", "tui.app.screens.help"): "first paint: help loads on ?",
    ("tui.app.app", "get_system_commands", "tui.app.palette.commands"): (
        "first paint: the palette's commands load when the palette opens"
    ),
    ("tui.app.app", "action_export_bookmarks", "tui.app.flows.bookmarks"): (
        "first paint: the bookmarks export (csv, the bookmarks service) loads when used"
    ),
    ("tui.cli.analyze", "_read", "tui.pipeline.extract"): "start-up: lxml, only for a file",
    ("tui.cli.analyze", "_fetch", "tui.service.fetch_once"): "start-up: httpx, only for a URL",
    ("tui.cli.analyze", "run_analyze", "tui.pipeline.analyze"): "start-up: spaCy",
    ("tui.pipeline.analyze.verification", "confirmations", "tui.pipeline.analyze.attribution"): (
        "import order: attribution's `from tui.pipeline.analyze import …` runs the package "
        "__init__, which reaches verification through claims and status (the pipeline's owner "
        "is to untangle it)"
    ),
    ("tui.pipeline.workers", "process_page", "tui.core.errors"): "worker process",
    ("tui.pipeline.workers", "process_page", "tui.pipeline.extract"): "worker process: lxml",
    ("tui.pipeline.workers", "process_page", "tui.pipeline.analyze"): "worker process: spaCy",
    ("tui.pipeline.workers", "process_text", "tui.pipeline.analyze"): "worker process: spaCy",
    ("tui.pipeline.workers", "_warm_extraction", "tui.pipeline.extract"): "zygote: preload",
    ("tui.pipeline.workers", "_warm_analysis", "tui.pipeline.analyze"): "zygote: preload spaCy",
    ("tui.service.feeds", "_check_feed", "tui.pipeline.parse"): "start-up: feedparser",
    ("tui.service.feeds", "_check_feed", "tui.service.fetch_once"): "start-up: httpx",
    ("tui.service.refresh", "analyzer_version", "tui.pipeline.analyze"): (
        "the analyzer's rules, not loaded before (the app asks once a start, in a thread)"
    ),
    ("tui.service.story_detail", "story_detail", "tui.service.stories"): (
        "start-up: the app's first paint never loads the grouping and the analyzer's lists"
    ),
    ("tui.service.story_detail", "_figure", "tui.pipeline.stories.figures"): (
        "start-up: the app's first paint never loads the grouping and the analyzer's lists"
    ),
    ("tui.service.story_detail", "_figure_lines", "tui.pipeline.stories.figures"): (
        "start-up: the app's first paint never loads the grouping and the analyzer's lists"
    ),
    ("tui.service.story_filing", "_stretch", "tui.service"): (
        "start-up: the grouping loads only where filing falls back to the store thread"
    ),
    ("tui.service.story_filing", "file_for", "tui.service"): (
        "start-up: the story process loads the grouping, the refresher's process never does"
    ),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(TUI.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def local_imports() -> set[tuple[str, str, str]]:
    """(module, function, imported tui module) for every import inside a function."""
    found = set()
    for path in TUI.rglob("*.py"):
        module = _module_name(path)
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                names: list[str] = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module]
                found |= {(module, function.name, n) for n in names if n.split(".")[0] == "tui"}
    return found


def test_every_function_local_import_says_why() -> None:
    """A new one needs a reason in LOCAL_IMPORTS; one that went away leaves the list."""
    found = local_imports()
    assert sorted(found - LOCAL_IMPORTS.keys()) == []
    assert sorted(LOCAL_IMPORTS.keys() - found) == []


def import_cycles() -> list[list[str]]:
    """Strongly connected groups of the import graph of `tui` (grimp reads every import,
    function-local and TYPE_CHECKING ones included), by Tarjan's algorithm."""
    import grimp  # brought by import-linter; a test-only dependency

    graph = grimp.build_graph("tui")
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(graph.find_modules_directly_imported_by(module)):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return groups


def test_no_import_cycles() -> None:
    assert import_cycles() == []


# Modules in screens/ that are a screen's jobs or data, not screens: their screen imports them.
SCREEN_JOBS = ("read_state", "feed_pane", "article_data", "reader_claims", "reader_panes",
               "bookmark_edits")


def test_screens_never_import_each_other() -> None:
    """Screens ask the app to navigate (tui.app.contract.Sitrep); only the app knows them."""
    offenders = []
    for path in (TUI / "app").rglob("*.py"):
        module = _module_name(path)
        if module in ("tui.app.app", "tui.app.navigation", "tui.app"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                target = node.module
                if target.startswith("tui.app.screens.") and not (
                    module.startswith("tui.app.screens.")
                    and target.rsplit(".", 1)[-1] in SCREEN_JOBS
                ):
                    offenders.append(f"{module} imports {target}")
    assert offenders == []


def test_every_module_is_on_the_map() -> None:
    """docs/ARCHITECTURE.md (docs/APP.md for the app layer) names every module in one line,
    and names no module that is gone: the map of the house stays true."""
    docs = TUI.parent / "docs"
    text = (docs / "ARCHITECTURE.md").read_text("utf-8") + (docs / "APP.md").read_text("utf-8")
    named = set(re.findall(r"`([a-z_]+\.py)`", text))
    modules = {p.name for p in TUI.rglob("*.py") if p.name != "__init__.py"}
    assert sorted(modules - named) == [], "not on the map"
    assert sorted(named - modules - {"__init__.py"}) == [], "on the map, not in the tree"


# Classes allowed past the method limit, each with its reason.
LARGE_CLASSES = {
    "Library": "the data service's one door for the app: a method per thing a screen reads or"
    " writes, each a line or two over the store",
}
MAX_LINES, MAX_METHODS = 400, 28
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def test_modules_and_classes_stay_small() -> None:
    """Modules under 400 lines and classes under about 25 methods: a room that grows past them
    is split by job (as ReadState, FeedPane, ClaimCursor and the Navigator were)."""
    long_modules, large_classes = [], []
    for path in TUI.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_LINES:
            long_modules.append(f"{path.relative_to(TUI.parent)}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef) and node.name not in LARGE_CLASSES:
                methods = [n for n in node.body if isinstance(n, FUNCTIONS)]
                if len(methods) > MAX_METHODS:
                    large_classes.append(f"{node.name}: {len(methods)} methods")
    assert long_modules == [] and large_classes == []
