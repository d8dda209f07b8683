"""Regenerate requirements.lock from pyproject.toml (`make lock`).

The lock pins every dependency, transitive ones too, with the sha256 of every file the registry
serves for that version, for every platform (uv's universal resolution). Its first line records a
digest of pyproject.toml's dependency lists, so a test can tell when the lock is older than them.
The current lock is uv's list of preferences: a package keeps its pinned version unless a changed
requirement needs another, so changing one dependency moves only what must move with it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
STAMP = "# pyproject-dependencies-sha256: "


def deps_digest(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """A digest of the dependency lists (order and spacing do not count)."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    lists = {"": sorted(project.get("dependencies", []))}
    for extra, reqs in sorted(project.get("optional-dependencies", {}).items()):
        lists[extra] = sorted(reqs)
    blob = json.dumps(lists, sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()


def recorded_digest(lock: Path = LOCK) -> str | None:
    first = lock.read_text(encoding="utf-8").splitlines()[:1]
    if first and first[0].startswith(STAMP):
        return first[0][len(STAMP) :].strip()
    return None


def locked_names(lock: Path = LOCK) -> set[str]:
    """Normalised names of the packages the lock pins."""
    names = set()
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line[:1].isalnum() and "==" in line:
            names.add(normalise(line.split("==", 1)[0]))
    return names


def normalise(name: str) -> str:
    return name.strip().lower().replace("_", "-").replace(".", "-")


def remove_extras() -> int:
    """Uninstall what the venv holds and the lock does not list (pip-sync's other half), so two
    installs from one lock give the same `pip freeze` whatever the venv held before."""
    from importlib.metadata import distributions

    keep = locked_names() | {"pip", "sitrep"}
    extra = sorted({normalise(d.metadata["Name"]) for d in distributions()} - keep)
    if extra:
        print("removing packages the lock does not list:", " ".join(extra))
        subprocess.run([sys.executable, "-m", "pip", "uninstall", "--quiet", "-y", *extra],
                       check=True)  # fmt: skip
    return 0


def main() -> int:
    if sys.argv[1:] == ["--remove-extras"]:
        return remove_extras()
    uv = [sys.executable, "-m", "uv"]
    cmd = [
        *uv, "pip", "compile", "pyproject.toml", "--extra", "test", "--generate-hashes",
        "--universal", "--python-version", "3.11",
        "--custom-compile-command", "make lock",
    ]  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        pinned = Path(tmp) / LOCK.name
        if LOCK.exists():
            shutil.copyfile(LOCK, pinned)  # uv reads an output file's pins as its preferences
        subprocess.run([*cmd, "--quiet", "--output-file", str(pinned)], cwd=ROOT, check=True)
        out = pinned.read_text(encoding="utf-8")
    LOCK.write_text(f"{STAMP}{deps_digest()}\n{out}", encoding="utf-8")
    print(f"wrote {LOCK.name}: {sum(1 for ln in out.splitlines() if ln[:1].isalnum())} packages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
