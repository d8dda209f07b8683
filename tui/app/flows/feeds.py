"""Managing feeds from inside the app: add (checked first), rename, tag, remove, OPML in and out.

The keys (`a`, `f` on the main screen), the feed menu and the palette all come here, so there is
one way to do each thing. Every change goes through `tui.service.feeds` (comments and order kept, a
`.bak` left behind) in a thread worker, then the app reloads the config: the refresher restarts
on it and the feeds pane shows the change. A read-only app (another sitrep owns the cache)
changes nothing. Names, titles and errors can hold web text: notifications use markup=False.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Protocol

import platformdirs
from textual.app import App

from tui.app.contract import sitrep
from tui.app.dialogs.add_feed import AddFeedPrompt, NewFeed
from tui.app.dialogs.feed_menu import FeedMenu
from tui.app.dialogs.text_prompt import ConfirmPrompt, TextPrompt
from tui.app.widgets.feed_list import FeedInfo
from tui.app.wording import count_of
from tui.core.errors import ConfigError
from tui.service import feeds as feeds_file
from tui.service import searches
from tui.service.config import load_config

_WRITES = threading.Lock()  # one edit of feeds.toml at a time: each reads what the last wrote


class FeedMenuHost(Protocol):
    """The screen a feed menu acts for (the main screen): its `A` and `r` run from the menu."""

    app: App[Any]

    def target_feed(self) -> FeedInfo | None: ...
    def action_read(self, what: str) -> None: ...
    def action_feed(self, what: str) -> None: ...


@dataclass(frozen=True)
class _Done:
    """How an edit of feeds.toml ended: what to tell the user, and whether the file changed."""

    message: str
    changed: bool = True
    severity: str = "information"


# ── add ──
def add_feed(app: App[Any]) -> None:
    if _refused(app, "add feeds"):
        return
    config = sitrep(app).config
    known = {feed.url: feed.name for feed in config.feeds}
    prompt = AddFeedPrompt(partial(feeds_file.check_feed, config.settings), known)
    app.push_screen(prompt, partial(_save_new_feed, app))


def _save_new_feed(app: App[Any], feed: NewFeed | None) -> None:
    if feed is None:
        return

    def change(path: Path) -> _Done:
        spec = feeds_file.FeedSpec(feed.url, feed.name, feed.tags)
        added, _ = feeds_file.add_feeds(path, [spec], backup_dir=_backups(app))
        if not added:
            return _Done("That feed is already in feeds.toml.", changed=False)
        return _Done(f"Added “{feed.name or feed.url}”; fetching it now.")

    _write_config(app, "add the feed", change)


# ── the feed menu and its entries ──
def feed_menu(screen: FeedMenuHost, feed: FeedInfo | None) -> None:
    """The menu for *feed* (None: nothing under the cursor, say so)."""
    app = screen.app
    if feed is None:
        app.notify("No feed under the cursor: highlight one in the feeds pane.", severity="warning")
        return
    app.push_screen(FeedMenu(feed.name), partial(_menu_chosen, screen, feed))


def _menu_chosen(screen: FeedMenuHost, feed: FeedInfo, choice: str | None) -> None:
    if choice == "rename":
        rename(screen, feed)
    elif choice == "tags":
        retag(screen, feed)
    elif choice == "remove":
        remove(screen, feed)
    elif choice == "mark_read":
        screen.action_read("feed")
    elif choice == "refresh":
        screen.action_feed("refresh")


def rename(screen: FeedMenuHost, feed: FeedInfo) -> None:
    app = screen.app
    if _refused(app, "rename feeds"):
        return

    def chosen(name: str | None) -> None:
        if name and name != feed.name:
            _edit_later(
                app,
                feed,
                "rename the feed",
                lambda path, url: feeds_file.rename_feed(
                    path, url, name, backup_dir=_backups(app)
                ),
                f"Renamed to “{name}”.",
            )

    app.push_screen(TextPrompt(f"Rename “{feed.name}”", feed.name), chosen)


def retag(screen: FeedMenuHost, feed: FeedInfo) -> None:
    app = screen.app
    if _refused(app, "tag feeds"):
        return

    def chosen(text: str | None) -> None:
        if text is None:
            return
        tags = text.replace(",", " ").split()
        done = f"Tags of “{feed.name}”: {', '.join(tags)}." if tags else f"“{feed.name}” untagged."
        _edit_later(
            app,
            feed,
            "change the tags",
            lambda path, url: feeds_file.set_feed_tags(path, url, tags, backup_dir=_backups(app)),
            done,
        )

    prompt = TextPrompt(
        f"Tags of “{feed.name}”", " ".join(feed.tags), placeholder="tags, space separated"
    )
    app.push_screen(prompt, chosen)


def remove(screen: FeedMenuHost, feed: FeedInfo) -> None:
    app = screen.app
    if _refused(app, "remove feeds"):
        return

    def chosen(yes: bool | None) -> None:
        if yes:
            done = f"Removed “{feed.name}” from feeds.toml."
            _edit_later(
                app,
                feed,
                "remove the feed",
                lambda path, url: feeds_file.remove_feed(path, url, backup_dir=_backups(app)),
                done,
            )

    message = (
        f"Remove “{feed.name}” from feeds.toml? Its articles leave the lists now and stay in "
        "the cache until retention purges them; bookmarks are kept."
    )
    app.push_screen(
        ConfirmPrompt("Remove feed", message, hint="y/enter removes · n/esc cancels"), chosen
    )


def _edit_later(
    app: App[Any], feed: FeedInfo, what: str, edit: Callable[[Path, str], bool], done: str
) -> None:
    _write_config(app, what, partial(_edit_feed, app, feed, edit), done)


def _edit_feed(
    app: App[Any], feed: FeedInfo, edit: Callable[[Path, str], bool], path: Path
) -> _Done:
    """Runs in the write thread: the feed's address (the store knows it by id), then the edit."""
    url = sitrep(app).library.feed_url(feed.id)
    if url is None or not edit(path, url):
        return _Done(f"“{feed.name}” is no longer in {path}.", changed=False, severity="warning")
    return _Done("")


# ── saved searches ──
def save_search(app: App[Any], query: str) -> None:
    """ctrl+s: keep the current filter under a name, as a `[[search]]` of feeds.toml."""
    if _refused(app, "save searches"):
        return
    if not query:
        app.notify("Nothing to save: type a filter first (/).", severity="warning")
        return

    def chosen(name: str | None) -> None:
        if not name:
            return

        def change(path: Path) -> _Done:
            if not searches.add_search(path, name, query, backup_dir=_backups(app)):
                return _Done(f"A search named “{name}” exists already.", False, "warning")
            return _Done(f"Saved “{name}” ({query}): it is in the feeds pane.")

        _write_config(app, "save the search", change)

    prompt = TextPrompt(f"Save the filter “{query}” as", placeholder="a name for this search")
    app.push_screen(prompt, chosen)


# ── OPML ──
def import_opml(app: App[Any]) -> None:
    if _refused(app, "import feeds"):
        return

    def chosen(text: str | None) -> None:
        if text:
            source = Path(text).expanduser()
            _write_config(app, f"import {source}", partial(_import_from, source, _backups(app)))

    prompt = TextPrompt("Import feeds", placeholder="~/feeds.opml (OPML, or one URL a line)")
    app.push_screen(prompt, chosen)


def _import_from(source: Path, backups: Path, path: Path) -> _Done:
    try:
        data = feeds_file.read_feed_list(source)
    except ValueError as exc:
        return _Done(f"{source}: {exc}.", False, "error")
    try:
        specs = feeds_file.parse_feed_list(data)
    except (ValueError, SyntaxError) as exc:  # lxml's XMLSyntaxError is a SyntaxError
        return _Done(f"{source}: not an OPML file or a URL list ({exc}).", False, "error")
    good = [spec for spec in specs if feeds_file.usable_url(spec.url)]
    if not good:
        return _Done(f"{source}: no http(s) feed addresses found.", False, "warning")
    added, skipped = feeds_file.add_feeds(path, good, backup_dir=backups)
    message = f"Imported {count_of(len(added), 'feed')} ({len(skipped)} already there)"
    if len(good) < len(specs):
        message += f", {len(specs) - len(good)} skipped (not http(s))"
    return _Done(message + ".", changed=bool(added))


def export_opml(app: App[Any]) -> None:
    def chosen(text: str | None) -> None:
        if not text:
            return
        target = Path(text).expanduser()
        if not target.exists():
            _export_to(app, target, True)
            return
        question = ConfirmPrompt("Export feeds", f"{target} exists. Replace it?")
        app.push_screen(question, partial(_export_to, app, target))

    default = Path(platformdirs.user_documents_dir()) / "sitrep-feeds.opml"
    app.push_screen(TextPrompt("Export feeds as OPML to", str(default)), chosen)


def _export_to(app: App[Any], target: Path, confirmed: bool | None) -> None:
    if not confirmed:
        return
    config = sitrep(app).config
    text = feeds_file.export_opml(config)

    def write() -> None:
        tmp = target.with_name(f".{target.name}.tmp")
        try:
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(target)  # atomic: a failed export never leaves half a file
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            error = f"Could not export: {target}: {exc.strerror or exc}"
            app.call_from_thread(_notify, app, error, "error")
            return
        count = len(config.feeds)
        app.call_from_thread(_notify, app, f"Exported {count_of(count, 'feed')} to {target}.")

    app.run_worker(write, thread=True, group="config", exit_on_error=False)


# ── writing feeds.toml ──
def _refused(app: App[Any], what: str) -> bool:
    library = sitrep(app).library
    if library.disk_full:
        app.notify(f"Read-only: the disk is full; cannot {what}.", severity="warning")
    elif library.readonly:
        app.notify(f"Read-only: {what} in the sitrep that is refreshing.", severity="warning")
    return library.readonly


def _backups(app: App[Any]) -> Path:
    """Where feeds.toml's .bak goes: the cache directory, never beside a tracked file."""
    return sitrep(app).locations.cache_dir


def _write_config(
    app: App[Any], what: str, change: Callable[[Path], _Done], message: str = ""
) -> None:
    app.run_worker(
        partial(_write_in_thread, app, what, change, message),
        thread=True,
        group="config",
        exit_on_error=False,
    )


def _write_in_thread(
    app: App[Any], what: str, change: Callable[[Path], _Done], message: str
) -> None:
    path = sitrep(app).config.path
    try:
        with _WRITES:
            done = change(path)
            config = load_config(path) if done.changed else None
    except ConfigError as exc:
        app.call_from_thread(_notify, app, f"Could not {what}: {exc}", "error")
        return
    except OSError as exc:
        app.call_from_thread(_notify, app, f"Could not {what}: {_os_error(exc, path)}", "error")
        return
    if config is not None:
        app.call_from_thread(sitrep(app).reload_config, config)
    app.call_from_thread(_notify, app, done.message or message, done.severity)


def _os_error(exc: OSError, path: Path) -> str:
    return f"{exc.filename or path}: {exc.strerror or exc}"


def _notify(app: App[Any], message: str, severity: str = "information") -> None:
    app.notify(message, severity=severity, markup=False, timeout=8 if severity == "error" else 5)
