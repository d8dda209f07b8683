"""What the entity tests read from the analysis: every mention's surface and type."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tui.pipeline.analyze import entities


def types(nlp: Any, text: str) -> dict[str, str]:
    """Every mention's surface and type."""
    found = entities.find_entities(nlp(text))
    return {text[s:e]: ent.type for ent in found for s, e in ent.mentions}


def check_wire_floors(nlp: Any, split: str, floors: dict[str, tuple[float, float]]) -> None:
    """Score one wire split's texts (kept under /work/data/wire, outside the repository) as
    bench/bench_wire_entities.py does and hold each type's (recall, precision) to *floors*;
    skip when the texts are not all here."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import bench_wire_entities as bench

    articles, skipped = bench.load(bench.DEFAULT_DATA, split)
    if not articles or skipped:
        pytest.skip(f"the {split} texts are not all here ({len(skipped)} missing)")
    counts: dict[str, Counter[str]] = {t: Counter() for t in bench.TYPES}
    for _key, text, gold in articles:
        found = {
            (s, e, f.type) for f in entities.find_entities(nlp(text), text) for s, e in f.mentions
        }
        for kind in bench.TYPES:
            g = {m for m in gold if m[2] == kind}
            p = {m for m in found if m[2] == kind}
            counts[kind].update(gold=len(g), found=len(p), hit=len(g & p))
    for kind, (recall, precision) in floors.items():
        c = counts[kind]
        assert c["hit"] / c["gold"] >= recall, (split, kind, "recall", c)
        assert c["hit"] / c["found"] >= precision, (split, kind, "precision", c)
