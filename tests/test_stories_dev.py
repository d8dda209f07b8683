"""The real analyzer on a few dev-set articles, then stories: grouping, ledger, figures.

The whole dev set is scored by bench/bench_stories.py; this keeps a floor on five articles so
that a change in the analysis or the stories package that breaks them fails here.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from tui.pipeline.analyze import analyze_many
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.export import story_report
from tui.pipeline.stories.features import article_features
from tui.pipeline.stories.grouping import StoryIndex

DEV = Path(__file__).resolve().parent / "fixtures" / "stories" / "dev"
CHOSEN = ("dnipro-meridian", "dnipro-northline", "dnipro-capital", "dnipro-grain-horizon",
          "dnipro-toll-meridian")  # fmt: skip


@pytest.fixture(scope="module")
def articles() -> list[StoryArticle]:
    meta = {m["id"]: m for m in json.loads((DEV / "articles.json").read_text(encoding="utf-8"))}
    chosen = [meta[i] for i in CHOSEN]
    texts = [(DEV / m["file"]).read_text(encoding="utf-8") for m in chosen]
    return [
        StoryArticle(m["id"], m["url"], m["feed"], m["title"],
                     datetime.fromisoformat(m["published"]), text, a.claims, a.entities)
        for m, text, a in zip(chosen, texts, analyze_many(texts), strict=True)
    ]  # fmt: skip


def test_dev_articles_group_into_the_strike_and_the_grain_fire(articles) -> None:  # type: ignore[no-untyped-def]
    index = StoryIndex()
    index.rebuild(article_features(a) for a in articles)
    story = index.story_of
    strike = {story[i] for i in CHOSEN if i != "dnipro-grain-horizon"}
    assert len(strike) == 1
    assert story["dnipro-grain-horizon"] not in strike


def test_dev_ledger_figures_and_contradictions(articles) -> None:  # type: ignore[no-untyped-def]
    strike = [a for a in articles if a.id != "dnipro-grain-horizon"]
    report = story_report("s", strike)
    by_source: dict[str, list] = {}
    for row in report.rows:
        by_source.setdefault(row.source_key, []).append(row)
    toll = [r for r in by_source["person:serhiy lysak"] if len(r.outlets) >= 3]
    assert toll, [(r.text, r.outlets) for r in by_source["person:serhiy lysak"]]
    russia = by_source["state:Russia"]
    denials = [r for r in russia if r.status == "denied"]
    assert denials and len(denials[0].outlets) >= 2
    assert any(len(r.outlets) >= 2 for r in russia if r.status != "denied")  # the target claim
    killed = {(f.low, f.source) for f in report.figures if f.what == "killed"}
    assert (14, "Serhiy Lysak") in killed and (19, "Serhiy Lysak") in killed
    kinds = {c.kind for c in report.contradictions}
    assert {"denial", "dispute"} <= kinds
    ids = {r.id for r in report.rows}
    assert all(c.a in ids and c.b in ids for c in report.contradictions)
