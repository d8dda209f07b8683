"""Helpers shared by the claims tests: one claim picked out of what the analysis found, and a
wire split scored by the bench (its texts live outside the repository)."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tui.core.models import Claim

ROOT = Path(__file__).resolve().parents[1]
WIRE_TEXTS = Path("/work/data/wire/claims")


def one(found: tuple[Claim, ...], cue: str, source: str = "", content: str = "") -> Claim:
    """The one claim whose cue ends with *cue*, whose source holds *source* and whose words
    after the cue hold *content*."""
    hits = [
        c
        for c in found
        if c.cue.endswith(cue) and source in c.source and content in c.text[c.cue_end - c.start :]
    ]
    assert len(hits) == 1, [(c.cue, c.source, c.status) for c in found]
    return hits[0]


@functools.cache
def wire_result(split: str) -> Any:
    """bench_status's score of a wire split, or a skip unless all its texts are in WIRE_TEXTS.
    Scored once per process: several passes' floors read the same split."""
    records = [
        json.loads(line)
        for line in (ROOT / "bench" / "data" / "wire_claims.jsonl").read_text().splitlines()
    ]
    ids = [r["id"] for r in records if r.get("split") == split]
    if not all((WIRE_TEXTS / f"{rid}.txt").exists() for rid in ids):
        pytest.skip(f"the {split} texts are not all in {WIRE_TEXTS}")
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_status
    import bench_wire

    paragraphs = bench_wire.load(WIRE_TEXTS, split=split)
    return bench_status.score(paragraphs, bench_status.predict(paragraphs))


def check_source_floors(split: str, canonical: float, side: float) -> None:
    """A wire split's canonical source and side accuracy hold their floors."""
    result = wire_result(split)
    assert result.share(result.canonical_ok) >= canonical, split
    assert result.share(result.affiliation_ok) >= side, split
