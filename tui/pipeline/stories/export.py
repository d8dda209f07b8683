"""A story as the CLI prints it: one JSON object per story (`sitrep stories`, JSON Lines).

    {"id", "title", "first_seen", "last_seen",
     "articles": [{"url", "feed", "title", "published"}],
     "claims": [{"id", "source", "status", "text",
                 "mentions": [{"url", "start", "end", "text"}]}],
     "contradictions": [{"a", "b", "kind"}],
     "figures": [{"what", "value", "source", "mentions": [{"url", "start", "end", "text"}]}]}

Times are ISO 8601 in UTC. A claim mention's `start`/`end` are the claim sentence's offsets in
that article's reading text (as `sitrep analyze` gives them), a figure mention's those of the
amount ("at least 31 people"). A figure's `value` is its number, or the words of a range
("dozens"); a range also carries `"range": [low, high]`, and a figure of anything but people
says what it counts in `"of"` ("children", "drones"). The title is the earliest article's.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.contradictions import Contradiction, find_contradictions
from tui.pipeline.stories.documents import with_documents
from tui.pipeline.stories.figures import Figure, in_order, outlet_figures, story_figures
from tui.pipeline.stories.ledger import LedgerRow, build_ledger


@dataclass(frozen=True, slots=True)
class StoryReport:
    """Everything a story shows, computed once from its articles."""

    id: str
    articles: tuple[StoryArticle, ...]  # oldest first
    rows: tuple[LedgerRow, ...]
    figures: tuple[Figure, ...]
    contradictions: tuple[Contradiction, ...]


def story_report(story_id: str, articles: Iterable[StoryArticle]) -> StoryReport:
    ordered = tuple(sorted(map(with_documents, articles), key=lambda a: (a.timestamp, a.id)))
    rows = build_ledger(story_id, list(ordered))
    figures = story_figures(rows, {a.id: a.text for a in ordered})
    contradictions = find_contradictions(rows, figures)
    figures = in_order([*figures, *outlet_figures(ordered)])  # an outlet's own tolls: shown,
    # paired with no claim
    return StoryReport(story_id, ordered, tuple(rows), tuple(figures), tuple(contradictions))


def story_json(story_id: str, articles: Iterable[StoryArticle]) -> dict[str, object]:
    """The story's line of `sitrep stories --json`, as a dict."""
    return report_json(story_report(story_id, articles))


def report_json(report: StoryReport) -> dict[str, object]:
    articles = report.articles
    return {
        "id": report.id,
        "title": articles[0].title if articles else "",
        "first_seen": _iso(articles[0].timestamp) if articles else "",
        "last_seen": _iso(max(a.timestamp for a in articles)) if articles else "",
        "articles": [
            {"url": a.url, "feed": a.feed, "title": a.title, "published": _iso(a.timestamp)}
            for a in articles
        ],
        "claims": [
            {
                "id": row.id,
                "source": row.source,
                "status": row.status,
                "text": row.text,
                "mentions": [
                    {"url": m.url, "start": m.start, "end": m.end, "text": m.text}
                    for m in row.mentions
                ],
            }
            for row in report.rows
        ],
        "contradictions": [{"a": c.a, "b": c.b, "kind": c.kind} for c in report.contradictions],
        "figures": [_figure_json(f) for f in report.figures],
    }


def stories_lines(
    stories: Iterable[dict[str, object]], include_single: bool = False
) -> Iterator[str]:
    """JSON Lines, newest story first; one-article stories only with `include_single`."""
    chosen = [s for s in stories if include_single or len(s["articles"]) > 1]  # type: ignore[arg-type]
    chosen.sort(key=lambda s: (str(s["last_seen"]), str(s["id"])), reverse=True)
    for story in chosen:
        yield json.dumps(story, ensure_ascii=False)


def _figure_json(figure: Figure) -> dict[str, object]:
    found: dict[str, object] = {
        "what": figure.what,
        "value": figure.value,
        "source": figure.source,
        "mentions": [
            {"url": m.url, "start": m.start, "end": m.end, "text": m.text} for m in figure.mentions
        ],
    }
    if figure.low != figure.high:
        found["range"] = [figure.low, figure.high]
    if figure.kind != "people":
        found["of"] = figure.of
    return found


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, tz=UTC).isoformat()
