"""The names `[keys]` in feeds.toml accepts: the id of every key binding in the app.

A binding id names what a key does wherever it appears (`back` closes the reader, the claims
view, the bookmarks screen and a stored copy), so one line rebinds it everywhere. The list lives
here, without Textual, so loading the config can reject a misspelt action with the line it is
on; a test checks it against the bindings the app really has, so the two never drift apart.
"""

from __future__ import annotations

ACTIONS: frozenset[str] = frozenset(
    {
        # everywhere
        "quit", "quit_all", "help", "close_help", "command_palette", "refresh_all", "bookmarks",
        # lists
        "cursor_down", "cursor_up", "first", "last", "page_down", "page_up", "open",
        # main screen
        "filter", "clear", "claims", "stories", "refresh_feed", "toggle_read", "toggle_show_read",
        "next_unread", "previous_unread", "mark_feed_read", "undo_read", "add_feed", "feed_menu",
        "next_failing", "previous_failing", "focus_feeds", "toggle_pane", "save_search",
        # reader
        "back", "next_claim", "previous_claim", "focus_entities", "open_browser", "copy_claim",
        "bookmark", "set_status", "toggle_source", "scroll_down", "scroll_up", "scroll_home",
        "scroll_end", "reader_next_unread", "reader_previous_unread", "choose_entity", "pin_entity",
        "story",
        # story screen
        "next_section", "previous_section",
        # bookmarks
        "edit_note", "delete_bookmark", "undo_delete", "copy_citation",
        "note_keep", "note_edit", "note_remove",
        # prompts
        "prompt_cancel", "confirm_yes", "confirm_no",
    }
)  # fmt: skip
