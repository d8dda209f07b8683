"""A quality floor on 181 real pages: the reading text must stay better than open extractors.

Scores come from the shared benchmark's own metric (../shared/bench/extraction.py, imported, not
copied): 4-gram shingle F1 against the human-written article bodies of the Scrapinghub
article-extraction benchmark. readability-lxml scores 0.955 there and trafilatura 0.960; the
floor is 0.97. This is a quality floor, not a timing: speed is reported by the benchmark.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from tests.shared import SHARED, require
from tui.pipeline.extract import reading_text

BENCH = SHARED / "bench" / "extraction.py"
DATA = SHARED / "data" / "extraction" / "ground-truth.json"
F1_FLOOR = 0.97



@pytest.fixture(autouse=True)
def _shared_present() -> None:
    require("bench", "extraction.py")
    require("data", "extraction", "ground-truth.json")


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    require("bench", "extraction.py")  # module fixtures run before the autouse check above
    spec = importlib.util.spec_from_file_location("sitrep_shared_extraction_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored(bench: ModuleType) -> tuple[list[dict], list[str]]:
    pages = bench.load_zyte()
    return pages, [reading_text(page["html"]) for page in pages]


def test_f1_floor(bench: ModuleType, scored: tuple[list[dict], list[str]]) -> None:
    pages, outputs = scored
    metrics = bench.evaluate([p["truth"] for p in pages], outputs, n_bootstrap=0)
    assert metrics["f1"] >= F1_FLOOR, f"F1 {metrics['f1']:.4f} is below the floor {F1_FLOOR}"


def test_no_consent_text_leaks(bench: ModuleType, scored: tuple[list[dict], list[str]]) -> None:
    pages, outputs = scored
    leaks = bench.leak_table(pages, {"sitrep": outputs})["sitrep"]
    assert leaks["consent_pages"] == 0
