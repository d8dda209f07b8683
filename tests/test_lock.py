"""The lock decides what is installed: it must cover pyproject.toml and be newer than it."""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path
from types import ModuleType

from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def lock_script() -> ModuleType:
    path = ROOT / "scripts" / "lock.py"
    spec = importlib.util.spec_from_file_location("sitrep_lock_script", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pins() -> dict[str, list[Version]]:
    found: dict[str, list[Version]] = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            name = lock_script().normalise(match[1])
            found.setdefault(name, []).append(Version(match[2]))
    return found


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = [Requirement(r) for r in project["dependencies"]]
    return reqs + [Requirement(r) for r in project["optional-dependencies"]["test"]]


def test_every_dependency_is_pinned_in_the_lock_within_its_range() -> None:
    locked = pins()
    missing, outside = [], []
    for req in declared():
        versions = locked.get(lock_script().normalise(req.name))
        if not versions:
            missing.append(req.name)
        elif not any(req.specifier.contains(v, prereleases=True) for v in versions):
            outside.append(f"{req} (locked {', '.join(map(str, versions))})")
    assert missing == [], f"not in requirements.lock, run `make lock`: {missing}"
    assert outside == [], f"locked outside pyproject's range, run `make lock`: {outside}"


def test_the_lock_is_not_older_than_the_dependency_lists() -> None:
    script = lock_script()
    assert script.recorded_digest() == script.deps_digest(), (
        "pyproject.toml's dependencies changed after requirements.lock was made: run `make lock`"
    )


def test_every_pin_carries_hashes() -> None:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 1)[1])
    unhashed = [b.split()[0] for b in blocks if PIN.match(b) and "--hash=sha256:" not in b]
    assert unhashed == [] and len(pins()) >= 50


def test_digest_follows_the_dependency_lists_only(tmp_path: Path) -> None:
    script = lock_script()
    original = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    same = tmp_path / "same.toml"
    same.write_text(original.replace('description = "', 'description = "Now: '), "utf-8")
    changed = tmp_path / "changed.toml"
    changed.write_text(original.replace('"feedparser>=6.0.11,<7",', '"feedparser>=6.0.12,<7",'),
                       "utf-8")
    assert script.deps_digest(same) == script.deps_digest()
    assert script.deps_digest(changed) != script.deps_digest()
