"""Bookmarking a claim (`b` in the reader and the claims view) and exporting the bookmarks.

Every store call runs in a thread worker through the app's Library; a StoreError (read-only
window, full disk, unwritable journal) comes back as an error notice, never silently.

`bookmark_current_claim(screen)` is the whole `b` action: the screen says which claim is under
its cursor (`HasCurrentClaim`), this flow does the rest; after a change the screen receives
`BookmarkChanged` to re-mark its claims.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import platformdirs
from textual.app import App
from textual.screen import Screen

from tui.app.contract import ClaimRef, HasCurrentClaim, sitrep
from tui.app.dialogs.note_prompt import NotePrompt, NoteResult
from tui.app.dialogs.text_prompt import ConfirmPrompt, TextPrompt
from tui.app.messages import BookmarkChanged
from tui.app.wording import count_of
from tui.core.errors import StoreError
from tui.core.query import Query
from tui.service.bookmarks import export

Spot = tuple[int, int | None]


def bookmark_current_claim(screen: Screen[Any]) -> None:
    """The `b` action: bookmark the current claim and ask for a note (or edit/remove it)."""
    target = screen.claim_ref() if isinstance(screen, HasCurrentClaim) else None
    if target is None:
        screen.notify("Move to a claim first (] in the reader).", severity="warning")
        return
    bookmark_claim(screen, target)


def bookmark_claim(screen: Screen[Any], claim: ClaimRef) -> None:
    if sitrep(screen).library.readonly:
        screen.notify("Read-only: another sitrep is running, bookmark in that one.",
                      severity="warning")
        return
    screen.run_worker(partial(_bookmark_in_thread, screen, claim),
                      thread=True, group="bookmark", exit_on_error=False)


def _bookmark_in_thread(screen: Screen[Any], claim: ClaimRef) -> None:
    app = screen.app
    spot = (claim.start, claim.source_start)
    try:
        found = sitrep(screen).library.bookmark_claim(claim.article_id, *spot)
    except StoreError as exc:
        app.call_from_thread(screen.notify, str(exc), severity="error", markup=False)
        return
    if found is None:
        app.call_from_thread(screen.notify, "That claim is no longer in the cache.",
                             severity="warning")
        return
    record, existing = found
    if not existing:
        app.call_from_thread(announce_change, screen, claim.article_id, spot, True)
    prompt = NotePrompt(record["claim_text"], note=record["note"], tags=record["tags"],
                        title="Bookmark" if existing else "Bookmarked — add a note?",
                        existing=existing)
    app.call_from_thread(app.push_screen, prompt,
                         partial(_prompt_done, screen, record, claim.article_id, spot))


def spot_of(record: dict[str, Any]) -> Spot | None:
    start = record.get("claim_start")
    return (start, record.get("source_start")) if start is not None else None


def announce_change(screen: Screen[Any], article_id: int | None, spot: Spot | None,
                    bookmarked: bool) -> None:
    """Tell *screen* (it re-marks its claims) and every screen (data changed)."""
    screen.post_message(BookmarkChanged(article_id, spot, bookmarked))
    sitrep(screen).bump_data(force=True)


def _prompt_done(screen: Screen[Any], record: dict[str, Any], article_id: int | None,
                 spot: Spot, result: NoteResult | None) -> None:
    if result is None or result.action == "keep":
        return
    library = sitrep(screen).library
    if result.action == "save":
        run_store(screen, library.update_bookmark_note, record["id"], result.note,
                  result.tags, done=lambda _: screen.notify("Bookmark saved."))
        return

    def removed(_: object) -> None:
        announce_change(screen, article_id, spot, False)
        screen.notify("Bookmark removed.")

    run_store(screen, library.remove_bookmark, record["id"], done=removed)


def run_store(screen: Screen[Any], fn: Callable[..., Any], *args: Any,
              done: Callable[[Any], object] | None = None) -> None:
    """Run one Library call in a thread worker; *done* gets its result on the UI thread."""

    def call() -> None:
        app = screen.app
        try:
            result = fn(*args)
        except StoreError as exc:
            app.call_from_thread(screen.notify, str(exc), severity="error", markup=False)
            return
        if done is not None:
            app.call_from_thread(done, result)

    screen.run_worker(call, thread=True, group="bookmark-writes", exit_on_error=False)


def export_bookmarks(app: App[Any], fmt: str) -> None:
    """Palette export: ask where (the documents folder by default), confirm before replacing a
    file, then write; the toast says the path. Never the current directory unasked."""
    default = Path(platformdirs.user_documents_dir()) / f"sitrep-bookmarks.{fmt}"
    label = {"md": "Markdown", "json": "JSON", "csv": "CSV"}.get(fmt, fmt)

    def chosen(text: str | None) -> None:
        if not text:
            return
        target = Path(text).expanduser()
        if target.is_dir():
            target = target / default.name
        if not target.exists():
            export_bookmarks_file(app, fmt, target)
            return
        question = ConfirmPrompt("Export bookmarks", f"{target} exists. Replace it?")
        app.push_screen(question, lambda yes: export_bookmarks_file(app, fmt, target) if yes
                        else None)

    app.push_screen(TextPrompt(f"Export bookmarks as {label} to", str(default)), chosen)


def export_bookmarks_file(app: App[Any], fmt: str, target: Path) -> None:
    """Write the bookmarks as *fmt* to *target* (whole or not at all), in a thread."""
    library = sitrep(app).library

    def write() -> None:
        tmp = target.with_name(f".{target.name}.tmp")
        try:
            rows = library.list_bookmarks(Query())
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(export(rows, fmt), encoding="utf-8")
            tmp.replace(target)
        except (OSError, StoreError) as exc:
            tmp.unlink(missing_ok=True)
            app.call_from_thread(app.notify, f"Export failed: {exc}", severity="error",
                                 markup=False)
            return
        app.call_from_thread(app.notify, f"Exported {count_of(len(rows), 'bookmark')} to {target}",
                             markup=False)

    app.run_worker(write, thread=True, group="export", exit_on_error=False)
