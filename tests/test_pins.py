"""Pinned entities: the store functions on a real cache, and `p` in the reader's entity panel."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import build_seed_app, wait_for
from tui.app.screens.help import HelpScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.entity_panel import PIN_MARK, EntityPanel
from tui.app.widgets.status_bar import StatusBar
from tui.core.errors import StoreError
from tui.core.models import Analysis, Article, Claim, Entity, Entry
from tui.store import mention_spans, pins, schema, store
from tui.store.recovery import open_store

SIZE = (120, 40)


@pytest.fixture
def conn(seed_cache: tuple[Path, dict]) -> Any:
    connection = schema.connect(seed_cache[0] / "cache" / "sitrep.db")
    yield connection
    connection.close()


# ── pin, unpin, toggle ──


def test_pin_unpin_and_pinned(conn: sqlite3.Connection) -> None:
    assert pins.pinned(conn) == set()
    pins.pin(conn, "Zhuravka", "PLACE")
    pins.pin(conn, "Oleh Hryhorov", "PERSON")
    pins.pin(conn, "Zhuravka", "PLACE")  # again: still one pin
    assert pins.pinned(conn) == {("Zhuravka", "PLACE"), ("Oleh Hryhorov", "PERSON")}
    pins.unpin(conn, "Zhuravka", "PLACE")
    pins.unpin(conn, "Nowhere", "PLACE")  # not pinned: nothing happens
    assert pins.pinned(conn) == {("Oleh Hryhorov", "PERSON")}


def test_a_pin_is_name_and_type(conn: sqlite3.Connection) -> None:
    pins.pin(conn, "Houthis", "ORG")
    assert pins.pinned(conn) == {("Houthis", "ORG")}
    assert ("Houthis", "PLACE") not in pins.pinned(conn)


def test_match_pin_saves_the_wish_as_it_is_when_it_runs(conn: sqlite3.Connection) -> None:
    wanted = {("Sumy", "PLACE")}
    assert pins.match_pin(conn, "Sumy", "PLACE", wanted) is True
    wanted.clear()  # a second press before the first write ran: the write saves "unpinned"
    assert pins.match_pin(conn, "Sumy", "PLACE", wanted) is False
    assert pins.pinned(conn) == set()


def test_pins_are_kept_in_the_database(seed_cache: tuple[Path, dict]) -> None:
    path = seed_cache[0] / "cache" / "sitrep.db"
    first = schema.connect(path)
    pins.pin(first, "Kupiansk", "PLACE")
    first.close()
    again = schema.connect(path)
    assert pins.pinned(again) == {("Kupiansk", "PLACE")}
    again.close()


def test_a_read_only_cache_refuses_a_pin_with_a_store_error(
    seed_cache: tuple[Path, dict],
) -> None:
    readonly = schema.connect(seed_cache[0] / "cache" / "sitrep.db", readonly=True)
    with pytest.raises(StoreError, match="read-only"):
        pins.pin(readonly, "Sumy", "PLACE")
    with pytest.raises(StoreError, match="read-only"):
        pins.match_pin(readonly, "Sumy", "PLACE", {("Sumy", "PLACE")})
    readonly.close()


def test_a_cache_from_before_pins_has_none(tmp_path: Path) -> None:
    """A second instance opens an old cache read-only, never migrated: no pins table."""
    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    schema.migrate(old, path, 0, schema.MIGRATIONS[:2])
    assert pins.pinned(old) == set()
    assert pins.claims_mentioning_pins(old, 0) == (0, [])
    old.close()


# ── news about pinned entities ──

# Our own text. Claims are whole sentences; the spans below are found in it.
NEW_TEXT = (
    "Officials in Zhuravka said the substation was repaired by noon. "
    "He said more drones were expected, the governor added. "
    "A farmer near Sumy said the roads were quiet. "
    "The power company said it had no reports from Zhuravka or Sumy."
)


def _claim(sentence: str, source: str, source_in_text: str | None = None) -> Claim:
    start = NEW_TEXT.index(sentence)
    end = start + len(sentence)
    s_start = NEW_TEXT.index(source_in_text or source, start)
    s_end = s_start + len(source_in_text or source)
    cue = NEW_TEXT.index("said", start)
    return Claim(
        start=start, end=end, text=sentence, source=source,
        source_start=s_start, source_end=s_end, cue="said", cue_start=cue, cue_end=cue + 4,
        content_start=cue + 5, content_end=end - 1, quote="reported", status="claimed",
    )  # fmt: skip


def _mentions(form: str) -> tuple[tuple[int, int], ...]:
    spans, at = [], NEW_TEXT.find(form)
    while at >= 0:
        spans.append((at, at + len(form)))
        at = NEW_TEXT.find(form, at + 1)
    return tuple(spans)


def save_new_article(conn: sqlite3.Connection, *, with_claims: bool = True) -> int:
    """A newly analysed article: two claims mention Zhuravka, one is "he said" by the governor."""
    feed_id = conn.execute("SELECT id FROM feeds ORDER BY id LIMIT 1").fetchone()[0]
    entry = Entry("pins-new", "https://news.invalid/pins-new", "Power back in Zhuravka")
    store.save_entries(conn, feed_id, [entry], full_text=True)
    article_id = conn.execute("SELECT id FROM articles WHERE guid = 'pins-new'").fetchone()[0]
    claims = (
        _claim("Officials in Zhuravka said the substation was repaired by noon.", "Officials"),
        # "He" was resolved to the pinned governor by the analyzer: no mention in the sentence.
        _claim("He said more drones were expected, the governor added.", "Oleh Hryhorov", "He"),
        _claim("A farmer near Sumy said the roads were quiet.", "A farmer near Sumy"),
        _claim("The power company said it had no reports from Zhuravka or Sumy.", "The power"),
    )
    entities = (
        Entity("Zhuravka", "PLACE", _mentions("Zhuravka")),
        Entity("Sumy", "PLACE", _mentions("Sumy")),
    )
    article = Article(entry.link, NEW_TEXT, title=entry.title)
    analysis = Analysis(claims if with_claims else (), entities, True, "test")
    store.save_analysis(conn, article_id, article, analysis)
    return article_id


def test_only_new_claims_that_mention_a_pinned_entity_are_counted(
    conn: sqlite3.Connection,
) -> None:
    pins.pin(conn, "Zhuravka", "PLACE")
    pins.pin(conn, "Oleh Hryhorov", "PERSON")
    pins.pin(conn, "Timbuktu", "PLACE")  # pinned, but nothing new mentions it
    mark = pins.max_claim_id(conn)
    assert mark > 0  # the seeded claims (one of them mentions Zhuravka) are old news
    assert pins.claims_mentioning_pins(conn, mark) == (mark, [])

    article_id = save_new_article(conn)
    upto, news = pins.claims_mentioning_pins(conn, mark)
    assert upto == mark + 4
    first_new = mark + 1
    assert news == [
        pins.PinnedNews("Zhuravka", "PLACE", 2, article_id, first_new),
        pins.PinnedNews("Oleh Hryhorov", "PERSON", 1, article_id, first_new + 1),
    ]
    assert news[0].describe() == "2 new claims mention Zhuravka (pinned)"
    assert news[1].describe() == "1 new claim mentions Oleh Hryhorov (pinned)"
    # Told once: from the new mark there is nothing more.
    assert pins.claims_mentioning_pins(conn, upto) == (upto, [])


def test_from_the_start_old_claims_count_too(conn: sqlite3.Connection) -> None:
    """The seeded Sumy report mentions Zhuravka in the governor's claim."""
    pins.pin(conn, "Zhuravka", "PLACE")
    _, news = pins.claims_mentioning_pins(conn, 0)
    assert [(n.name, n.claims) for n in news] == [("Zhuravka", 1)]


def test_unpinned_entities_bring_no_news(conn: sqlite3.Connection) -> None:
    pins.pin(conn, "Zhuravka", "PLACE")
    mark = pins.max_claim_id(conn)
    pins.unpin(conn, "Zhuravka", "PLACE")
    save_new_article(conn)
    assert pins.claims_mentioning_pins(conn, mark)[1] == []


def test_a_mention_outside_every_claim_is_not_news(conn: sqlite3.Connection) -> None:
    pins.pin(conn, "Zhuravka", "PLACE")
    mark = pins.max_claim_id(conn)
    save_new_article(conn, with_claims=False)  # Zhuravka is mentioned, nobody claims anything
    assert pins.claims_mentioning_pins(conn, mark) == (mark, [])


def test_the_news_query_reads_only_new_claims_through_indexes(conn: sqlite3.Connection) -> None:
    plan = " | ".join(
        row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + pins._NEWS_SQL, (0, 0))
    )
    assert "SEARCH c USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)" in plan
    # mentions are keyed (entity, article, span) since schema v8; either index seeks both
    assert re.search(r"SEARCH m USING (COVERING INDEX mentions_article \(article_id=\? AND "
                     r"entity_id=\?|PRIMARY KEY \(entity_id=\? AND article_id=\?)", plan)
    assert "SCAN c" not in plan and "SCAN m" not in plan


# ── `p` in the reader ──


def status(app: Any) -> str:
    return str(app.screen.query_one(StatusBar).render())


def messages(app: Any) -> list[str]:
    return [n.message for n in app.told]


async def open_sumy_entities(app: Any, pilot: Any) -> EntityPanel:
    """The first article (the Sumy report), with the entity panel focused."""
    await wait_for(pilot, lambda: "8 articles" in status(app))
    await pilot.press("enter")
    await wait_for(
        pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.data is not None
    )
    await pilot.press("e")
    panel = app.screen.query_one(EntityPanel)
    assert panel.has_focus
    return panel


def places(panel: EntityPanel) -> list[str]:
    """The names in the Places group as shown (with any pin mark), in order."""
    shown, in_places = [], False
    for option in panel.options:
        if option.disabled:
            in_places = option.prompt.plain.startswith("Places")
        elif in_places:
            shown.append(option.prompt.label.plain)
    return shown


async def test_p_pins_an_entity_first_in_its_group_and_it_stays_pinned(
    seed_cache: tuple[Path, dict],
) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        panel = await open_sumy_entities(app, pilot)
        assert places(panel) == ["Belgorod", "Sumy", "Zhuravka"]
        await pilot.press("question_mark")  # help lists the key while the panel is focused
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert dict(app.screen.sections)["EntityPanel (focused)"][-1] == ("p", "Pin")
        await pilot.press("escape")
        while panel.highlighted_entity().name != "Zhuravka":
            await pilot.press("j")
        await pilot.press("p")
        # At once: marked, first among the places, and the cursor still on it.
        assert places(panel) == [f"{PIN_MARK} Zhuravka", "Belgorod", "Sumy"]
        assert panel.highlighted_entity().name == "Zhuravka"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Pinned Zhuravka: you'll be told when new claims mention it." in messages(app)
        assert app.library.store.run(pins.pinned) == {("Zhuravka", "PLACE")}
        headings = [o.prompt.plain for o in panel.options if o.disabled]
        assert headings == ["People (1)", "Places (3)", "Organisations (1)", "Weapons (1)"]

    app = build_seed_app(seed_cache[0])  # a restart on the same cache
    async with app.run_test(size=SIZE) as pilot:
        panel = await open_sumy_entities(app, pilot)
        assert places(panel) == [f"{PIN_MARK} Zhuravka", "Belgorod", "Sumy"]
        while panel.highlighted_entity().name != "Zhuravka":
            await pilot.press("j")
        await pilot.press("p")  # again: unpinned, back in its place
        assert places(panel) == ["Belgorod", "Sumy", "Zhuravka"]
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Unpinned Zhuravka." in messages(app)
        assert app.library.store.run(pins.pinned) == set()


async def test_p_in_a_read_only_window_warns_and_pins_nothing(
    seed_cache: tuple[Path, dict],
) -> None:
    first = open_store(seed_cache[0] / "cache" / "sitrep.db")  # another sitrep is running
    try:
        app = build_seed_app(seed_cache[0])
        async with app.run_test(size=SIZE) as pilot:
            assert app.library.readonly
            panel = await open_sumy_entities(app, pilot)
            await pilot.press("p")
            await pilot.pause()
            assert any(m.startswith("Read-only") for m in messages(app))
            assert not any(PIN_MARK in o.prompt.plain for o in panel.options)
        assert first.handle.run(pins.pinned) == set()
    finally:
        first.handle.close()
        first.lock.release()  # type: ignore[union-attr]


async def test_a_pinned_name_that_looks_like_markup_is_shown_as_written(
    seed_cache: tuple[Path, dict],
) -> None:
    directory, ids = seed_cache
    hostile = "[red]Wagner[/red] Group [@click=app.quit]"
    db = schema.connect(directory / "cache" / "sitrep.db")
    with db:
        entity_id = db.execute(
            "INSERT INTO entities(name, type) VALUES (?, 'ORG')", (hostile,)
        ).lastrowid
        # two mentions: it heads the Organisations group
        mention_spans.add(db, ids["sumy"], entity_id, [(0, 6), (7, 12)])
    db.close()
    app = build_seed_app(directory)
    async with app.run_test(size=SIZE) as pilot:
        panel = await open_sumy_entities(app, pilot)
        while panel.highlighted_entity().name != hostile:
            await pilot.press("j")
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        label = panel.get_option(str(entity_id)).prompt.label.plain
        assert label == f"{PIN_MARK} {hostile}"
        toast = next(n for n in app.told if n.message.startswith("Pinned"))
        assert toast.message == f"Pinned {hostile}: you'll be told when new claims mention it."
        assert toast.markup is False
        assert app.is_running  # the [@click=app.quit] in the name did nothing
