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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.pipeline.models import Analysis

ANALYZER_VERSION = "5"  # 2: state bodies, described organisations; 3: attitude/stance cues;
# 4: short weapon names join their full name; 5: status from evidence, canonical sources


def analyze(text: str) -> Analysis:
    return next(analyze_many([text]))


def analyze_many(texts: Iterable[str], batch_size: int = 16) -> Iterator[Analysis]:
    # Imported here, not at the top: the store imports `spelling` from this package for every
    # search, and must not pay for the analyzer's tables.
    from tui.pipeline.analyze import claims, conflict, entities, model
    from tui.pipeline.models import Analysis

    nlp = model.get_nlp()
    # Each text rides along with its doc: the doc's own `text` is rebuilt token by token.
    pairs = ((text, text) for text in texts)
    for doc, text in nlp.pipe(pairs, batch_size=batch_size, as_tuples=True):
        found = entities.find_entities(doc, text)
        found_claims = claims.find_claims(doc, found)
        yield Analysis(
            claims=found_claims,
            entities=found,
            conflict=conflict.is_conflict(doc, found, text),
            version=ANALYZER_VERSION,
        )
