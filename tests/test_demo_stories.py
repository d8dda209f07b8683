"""The bundled demo's two outlets tell five events twice: what `s` shows on a fresh `make run`.

A real server serves both demo feeds (tui/demo/feed.xml and tui/demo/meridian.xml), the real
`sitrep fetch` fetches, extracts and analyses their pages into a real cache, and `sitrep stories
--json` must join each event Meridian Desk retells to Frontline Wire's article, keep its own
event (Somalia) apart, and carry the contradictions the second outlet is there to show. A
change in grouping, the ledger or the analysis that empties the demo's stories view fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import DEMO_DIR, write_config
from tests.server import LocalServer
from tui.core.query import Query
from tui.service.library import Library, open_store

FRONTLINE, MERIDIAN = "Demo: Frontline Wire", "Demo: Meridian Desk"
RETOLD = {  # Meridian Desk's page -> Frontline Wire's page of the same event
    "kharkiv-toll-rises": "kharkiv-missile-strike",
    "kupiansk-village-still-held": "kupiansk-village-capture",
    "minova-rebels-deny-shelling": "goma-m23-shelling",
    "el-fasher-toll-update": "el-fasher-health-centre-strike",
    "aster-grace-unharmed": "red-sea-bulk-carrier-attack",
}
OWN_EVENT = "somalia-mahaday-base-attack"
Story = dict[str, Any]  # one line of `sitrep stories --json` (docs/STORIES.md, section 6)


def _sitrep(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "--config", str(config), "--cache",
         str(config.parent / "cache"), *args],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_demo_stories_across_two_outlets(tmp_path: Path, http_server: LocalServer) -> None:
    """One fetch (the costly part: 16 pages analysed) and the three checks below on it."""
    http_server.add_dir("/demo", DEMO_DIR)
    config = write_config(
        tmp_path / "feeds.toml",
        [
            (FRONTLINE, http_server.url("/demo/feed.xml")),
            (MERIDIAN, http_server.url("/demo/meridian.xml")),
        ],
    )
    fetched = _sitrep(config, "fetch")
    assert fetched.returncode == 0, fetched.stderr
    assert fetched.stdout.splitlines()[-1] == "2 feeds: 16 new items, 0 not modified, 0 failed"
    listed = _sitrep(config, "stories", "--all", "--json")
    assert listed.returncode == 0, listed.stderr
    stories = [json.loads(line) for line in listed.stdout.splitlines()]
    each_retold_event_is_one_story_in_both_outlets(stories)
    two_outlet_stories_are_contested_across_outlets(stories)
    kharkiv_tolls_of_both_outlets_stand_side_by_side(stories)
    mali_sources_name_someone_and_a_denial_of_losses_answers_no_toll(stories)
    speakers_are_filed_by_the_analysis_canonical_name_and_side(config.parent / "cache")


def speakers_are_filed_by_the_analysis_canonical_name_and_side(cache: Path) -> None:
    """The story screen's ledger reads claims back from the cache: the analysis's canonical
    names and sides must come with them (an embassy in Kyiv speaks for its own country, and
    "Defence" and "Defense" ministry are one speaker)."""
    library = Library(open_store(cache / "sitrep.db"))
    try:
        kharkiv = next(s for s in library.list_stories(Query(), limit=50)[1]
                       if "Kharkiv" in s["title"])  # fmt: skip
        detail = library.story(kharkiv["id"])
    finally:
        library.close()
    assert detail is not None
    sides = {g.source: g.affiliation for g in detail.groups}
    assert sides.get("U.S. Embassy in Kyiv") == "United States", sides
    ministries = [g for g in detail.groups if "Defen" in g.source]
    assert len(ministries) == 1 and ministries[0].affiliation == "Russia", sides


def _page(url: str) -> str:
    return url.rsplit("/", 1)[-1].removesuffix(".html")


def _story_of(stories: list[Story], page: str) -> Story:
    (story,) = [s for s in stories if page in {_page(a["url"]) for a in s["articles"]}]
    return story


def _outlets(row: dict[str, Any]) -> set[str]:
    """Which demo outlets tell a ledger row (their pages live in two folders)."""
    return {"meridian" if "/meridian/" in m["url"] else "frontline" for m in row["mentions"]}


def each_retold_event_is_one_story_in_both_outlets(stories: list[Story]) -> None:
    assert sum(len(s["articles"]) for s in stories) == 16  # every article in exactly one story
    for meridian, frontline in RETOLD.items():
        story = _story_of(stories, meridian)
        assert {_page(a["url"]) for a in story["articles"]} == {meridian, frontline}, meridian
        assert {a["feed"] for a in story["articles"]} == {FRONTLINE, MERIDIAN}
    assert [_page(a["url"]) for a in _story_of(stories, OWN_EVENT)["articles"]] == [OWN_EVENT]
    assert sum(len(s["articles"]) > 1 for s in stories) == len(RETOLD)  # nothing else joins


def two_outlet_stories_are_contested_across_outlets(stories: list[Story]) -> None:
    kinds_across = set()
    for meridian in RETOLD:
        story = _story_of(stories, meridian)
        rows = {row["id"]: row for row in story["claims"]}
        assert story["contradictions"], meridian  # ⚡ in the stories view
        for pair in story["contradictions"]:
            if _outlets(rows[pair["a"]]) | _outlets(rows[pair["b"]]) == {"frontline", "meridian"}:
                kinds_across.add(pair["kind"])
    assert {"denial", "figures"} <= kinds_across


def kharkiv_tolls_of_both_outlets_stand_side_by_side(stories: list[Story]) -> None:
    """Frontline Wire's officials count four dead, Meridian Desk's emergency service six (the
    next morning, within a day): a figures pair, each side told by one outlet, and a denial by
    Moscow in the second outlet of what the first one reported."""
    story = _story_of(stories, "kharkiv-toll-rises")
    rows = {row["id"]: row for row in story["claims"]}
    killed = {
        (f["value"], frozenset(_outlets(f))) for f in story["figures"] if f["what"] == "killed"
    }
    assert (4, frozenset({"frontline"})) in killed and (6, frozenset({"meridian"})) in killed
    one_each = {
        pair["kind"]
        for pair in story["contradictions"]
        if {frozenset(_outlets(rows[pair["a"]])), frozenset(_outlets(rows[pair["b"]]))}
        == {frozenset({"frontline"}), frozenset({"meridian"})}
    }
    assert {"denial", "figures"} <= one_each


def mali_sources_name_someone_and_a_denial_of_losses_answers_no_toll(stories: list[Story]) -> None:
    """The Mali story's residents speak as "One of them" (shown as the group it points back
    to), and the armed group's "none of its fighters had been killed" shares only an act with
    the residents' and the official's tolls: it answers the army's account, not those."""
    story = _story_of(stories, "mali-drone-strike-timbuktu")
    rows = {row["id"]: row for row in story["claims"]}
    assert not [r["source"] for r in rows.values() if r["source"].casefold().startswith("one of")]
    losses = [r["id"] for r in rows.values() if "none of its fighters" in r["text"]]
    answered = {rows[p["b"]]["text"] for p in story["contradictions"] if p["a"] in losses}
    assert answered and not any("toll" in t or "dead were civilians" in t for t in answered)
