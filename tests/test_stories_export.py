"""The JSON of `sitrep stories` (the CLI contract), and what importing the package loads."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.test_stories_ledger import ARTICLES
from tui.pipeline.stories.export import stories_lines, story_json


def test_story_json_follows_the_contract() -> None:
    story = story_json("s1", reversed(ARTICLES))
    assert list(story) == [
        "id", "title", "first_seen", "last_seen", "articles", "claims", "contradictions",
        "figures",
    ]  # fmt: skip
    assert story["id"] == "s1" and story["title"] == "Missile hits Dnipro block"
    assert story["first_seen"] == "2025-03-11T06:00:00+00:00"
    assert story["last_seen"] == "2025-03-13T08:00:00+00:00"
    assert [a["url"] for a in story["articles"]] == [a.url for a in ARTICLES]
    assert set(story["articles"][0]) == {"url", "feed", "title", "published"}
    texts = {a.url: a.text for a in ARTICLES}
    ids = set()
    for row in story["claims"]:
        assert set(row) == {"id", "source", "status", "text", "mentions"}
        ids.add(row["id"])
        for m in row["mentions"]:
            assert set(m) == {"url", "start", "end", "text"}
            assert texts[m["url"]][m["start"] : m["end"]] == m["text"]
    for c in story["contradictions"]:
        assert c["a"] in ids and c["b"] in ids and c["kind"] in ("denial", "dispute", "figures")
    for f in story["figures"]:
        assert {"what", "value", "source", "mentions"} <= set(f)
        for m in f["mentions"]:
            assert texts[m["url"]][m["start"] : m["end"]] == m["text"]
    assert json.loads(json.dumps(story)) == story


def test_lines_are_newest_first_and_single_article_stories_only_with_all() -> None:
    old = story_json("s-old", ARTICLES[:2])
    new = story_json("s-new", ARTICLES[2:])
    single = story_json("s-one", ARTICLES[3:])
    lines = [json.loads(x)["id"] for x in stories_lines([old, single, new])]
    assert lines == ["s-new", "s-old"]
    every = [json.loads(x)["id"] for x in stories_lines([old, single, new], include_single=True)]
    assert every == ["s-one", "s-new", "s-old"]


def test_importing_stories_loads_no_spacy_and_no_textual() -> None:
    code = (
        "import sys, pkgutil, importlib, tui.pipeline.stories as p\n"
        "for info in pkgutil.iter_modules(p.__path__):\n"
        "    importlib.import_module('tui.pipeline.stories.' + info.name)\n"
        "from tui.pipeline.stories.features import article_features\n"
        "from tests.test_stories_ledger import ARTICLES\n"
        "from tui.pipeline.stories.export import story_json\n"
        "article_features(ARTICLES[0]); story_json('s', ARTICLES)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'thinc', 'textual'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "[]"
