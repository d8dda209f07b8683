"""Who claims what: claims and entities found in reading text, as character spans.

Public API (stable; the CLI, the refresh worker and the benchmarks use only this):
    ANALYZER_VERSION           bump when output changes, so stored analyses can be redone
    analyze(text) -> Analysis
    analyze_many(texts) -> Iterator[Analysis]   batches through nlp.pipe; model loaded once

The spaCy model is loaded lazily on first use (model.get_nlp) and only in the process that
analyzes: the refresh runs this in a worker process, never in the UI process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from tui.pipeline.analyze import claims, conflict, entities, model
from tui.pipeline.models import Analysis

ANALYZER_VERSION = "1"


def analyze(text: str) -> Analysis:
    return next(analyze_many([text]))


def analyze_many(texts: Iterable[str], batch_size: int = 16) -> Iterator[Analysis]:
    nlp = model.get_nlp()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        found = entities.find_entities(doc)
        found_claims = claims.find_claims(doc, found)
        yield Analysis(
            claims=found_claims,
            entities=found,
            conflict=conflict.is_conflict(doc, found),
            version=ANALYZER_VERSION,
        )
