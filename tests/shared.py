"""Where the team's shared data lives, and what a test does when it is missing.

`../shared/` beside the repo holds real data nobody on the project wrote (see its README);
SITREP_SHARED points elsewhere. A missing folder skips the tests that need it, with the folder
named in the skip reason (`make test` prints every reason), except under `CI=true`, where it is a
failure: CI must never pass by skipping the corpus tests.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("SITREP_SHARED") or Path(__file__).resolve().parents[2] / "shared")


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def require(*parts: str) -> Path:
    """The path under shared/, or a skip (a failure under CI=true) naming what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"missing {path}: these tests need the shared/ folder beside the repo"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return path
