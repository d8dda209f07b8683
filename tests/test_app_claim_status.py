"""Claims you can trust, in the app (issue 14): the status line says why, the evidence is marked
while its claim is current, `v` sets a status by hand (kept, shown as set by you, copied into
citations and bookmarks), and the claims view shows the claim under its canonical source with a
preview of the sentence and the evidence. Driven through the pilot on the seeded cache."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import build_seed_app, wait_for
from tui.app.dialogs.status_chooser import StatusChooser
from tui.app.screens.claims import ClaimsScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.claim_list import ClaimList
from tui.app.widgets.claim_preview import ClaimPreview
from tui.app.widgets.reader_view import CURRENT_STYLE, EVIDENCE_STYLE, ReaderView
from tui.app.widgets.status_bar import StatusBar
from tui.store import bookmarks, store

SIZE = (120, 40)
EVIDENCE = "Ukraine's air force said only four drones were launched."
WHY = "disputed by Ukrainian Air Force"


def status(app: Any) -> str:
    return str(app.screen.query_one(StatusBar).render())


def styled(reader: ReaderView, style: str) -> list[str]:
    """The text under *style*, paragraph by paragraph."""
    found = []
    for index in range(len(reader._bounds)):
        content = reader._paragraph(index)
        found += [content.plain[s.start : s.end] for s in content.spans if s.style == style]
    return found


async def open_reader(app: Any, pilot: Any) -> ReaderScreen:
    await wait_for(pilot, lambda: "8 articles" in status(app))
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                   and app.screen.data is not None)
    return app.screen


async def choose(app: Any, pilot: Any, *keys: str) -> None:
    await pilot.press("v")
    await wait_for(pilot, lambda: isinstance(app.screen, StatusChooser)
                   and app.focused is not None and app.focused.screen is app.screen)
    await pilot.press(*keys, "enter")


async def test_the_reader_says_why_and_marks_the_evidence_of_the_current_claim(
    seed_cache: tuple[Path, dict],
) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(app, pilot)
        reader = screen.query_one(ReaderView)
        assert styled(reader, EVIDENCE_STYLE) == []  # nothing selected: nothing marked
        await pilot.press("right_square_bracket")
        assert status(app) == f"claim 1/3 — Russia's defence ministry · {WHY}"
        assert styled(reader, EVIDENCE_STYLE) == [EVIDENCE]  # another paragraph, another style
        assert EVIDENCE not in styled(reader, CURRENT_STYLE)
        await pilot.press("right_square_bracket")
        assert status(app) == "claim 2/3 — Oleh Hryhorov · claimed"
        assert styled(reader, EVIDENCE_STYLE) == []


async def test_v_sets_the_status_by_hand_and_gives_it_back_to_the_analysis(
    seed_cache: tuple[Path, dict],
) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(app, pilot)
        reader = screen.query_one(ReaderView)
        await pilot.press("v")  # no claim yet: a hint, no chooser
        assert not isinstance(app.screen, StatusChooser)
        await pilot.press("right_square_bracket")
        await choose(app, pilot, "j", "j")  # from disputed: unconfirmed, confirmed
        mine = f"confirmed, set by you (analysis: {WHY})"
        await wait_for(pilot, lambda: status(app).endswith(mine))
        assert reader._paragraph(0).plain.startswith("✓✎Russia's defence ministry")
        rows = app.library.store.run(store.claims_for, screen.article_id)
        assert (rows[0]["status"], rows[0]["analysis_status"]) == ("confirmed", "disputed")
        await pilot.press("y")
        assert "— Russia's defence ministry (confirmed, set by you)." in app.clipboard
        await choose(app, pilot, "end")  # back to the analysis (disputed)
        await wait_for(pilot, lambda: status(app).endswith(f"· {WHY}"))
        assert reader._paragraph(0).plain.startswith("⇄Russia's defence ministry")


async def test_the_claims_view_shows_the_claim_and_a_preview_that_follows_the_cursor(
    seed_cache: tuple[Path, dict],
) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimsScreen)
                       and "17 claims" in status(app))
        claims = app.screen.query_one(ClaimList)
        preview = app.screen.query_one(ClaimPreview)
        first = claims.current
        assert (first.who, first.content) == (
            "Russian Defence Ministry",
            "on Tuesday that air defence units shot down 12 Ukrainian drones over the Belgorod "
            "region overnight",
        )
        line = "".join(s.text for s in claims.render_row(first, 120))
        assert "Russian Defence Ministry" in line and "on Tuesday that air defence" in line
        assert "Russia's defence ministry said" not in line  # not the sentence's first words

        def shown() -> str:
            return str(preview.query_one("#claim-preview-text").render())

        await wait_for(pilot, lambda: f"“{EVIDENCE}”" in shown())
        assert WHY in shown() and "Russia's defence ministry said on Tuesday" in shown()
        assert "Russian Defence Ministry (Russia)" in shown()
        await pilot.press("j")
        await wait_for(pilot, lambda: "no evidence about it" in shown())
        assert "regional governor Oleh Hryhorov said a Shahed drone" in shown()
        await pilot.press("backslash")
        assert not preview.display
        await pilot.press("backslash")
        assert preview.display


async def test_v_in_the_claims_view_and_the_bookmark_copies_it(
    seed_cache: tuple[Path, dict],
) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimsScreen)
                       and "17 claims" in status(app))
        claims = app.screen.query_one(ClaimList)
        await pilot.press("j", "j", "j")  # the Houthi spokesman's claim: the seed bookmarked it
        assert claims.current.who == "Yahya Saree" and claims.current.bookmarked
        await choose(app, pilot, "home", "j")  # denied
        await wait_for(pilot, lambda: claims.current is not None and claims.current.manual)
        assert (claims.current.status, claims.current.analysis_status) == ("denied", "claimed")
        assert "✗✎denied" in "".join(s.text for s in claims.render_row(claims.current, 116))
        preview = app.screen.query_one(ClaimPreview)
        await wait_for(pilot, lambda: "denied, set by you (analysis: claimed)"
                       in str(preview.query_one("#claim-preview-text").render()))
        saved = app.library.store.run(bookmarks.list_bookmarks)
        assert [(b["status"], b["status_manual"]) for b in saved] == [("denied", 1)]
        await pilot.press("slash", *"is:manual", "enter")
        await wait_for(pilot, lambda: "1 claim" in status(app))


async def test_the_claims_view_at_80_by_24_keeps_a_list_and_a_preview(
    seed_cache: tuple[Path, dict],
) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimsScreen)
                       and "17 claims" in status(app))
        claims = app.screen.query_one(ClaimList)
        preview = app.screen.query_one(ClaimPreview)
        await pilot.pause(0.2)
        assert claims.size.height >= 15 and preview.outer_size.height == 7
        line = "".join(s.text for s in claims.render_row(claims.current, claims.size.width))
        assert "Russian Defence" in line and "on Tuesday" in line  # source and claim both fit
        await pilot.press("backslash")
        await pilot.pause(0.1)
        assert claims.size.height >= 21


def test_the_status_in_words_puts_its_own_evidence_first_then_the_rest() -> None:
    from tui.app.widgets.status_words import status_line, why
    from tui.core.models import Evidence

    def e(kind: str, by: str = "") -> Evidence:
        return Evidence(0, 1, kind, by)

    officials, images = e("dispute", "Ukrainian officials"), e("confirmation", "satellite images")
    assert why("disputed", [images, officials]) == (
        "disputed by Ukrainian officials; confirmed by satellite images")
    assert why("denied", [e("denial", "Russia")]) == "denied"  # its own word: no "by"
    assert why("claimed", []) == "claimed"
    assert why("unconfirmed", [e("unverified")]) == "unconfirmed"
    assert why("disputed", [e("dispute", "A"), e("dispute", "B"), e("dispute", "A")]) == (
        "disputed by A, B")
    assert status_line("denied", [officials], manual=True, analysis_status="disputed") == (
        "denied, set by you (analysis: disputed by Ukrainian officials)")


def test_the_preview_names_the_written_source_only_when_it_says_more() -> None:
    from tui.app.widgets.claim_preview import preview_content

    def preview(source: str, canonical: str) -> str:
        claim = {"status": "claimed", "evidence": [], "evidence_text": [], "manual": False,
                 "analysis_status": None, "source": source, "source_canonical": canonical,
                 "affiliation": "", "text": "The hospital said 22 people were killed."}
        return preview_content(claim).plain  # fmt: skip

    assert "written" not in preview("the main hospital in Kalehe", "main hospital in Kalehe")
    assert "written" not in preview("Russia’s Defence Ministry", "Russia's defence ministry")
    assert "written “Moscow”" in preview("Moscow", "Russian Defence Ministry")
