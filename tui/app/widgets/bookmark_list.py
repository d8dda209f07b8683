"""The bookmarks list: each saved claim with who said it, its status, outlet, date, note and tags.

Bookmarks are few (a dossier, not a feed), so a plain OptionList with multi-line entries shows
every field without a detail pane. Entries are Content built from plain text: the claim text is
web text and never becomes markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textual.binding import Binding
from textual.content import Content, Span
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.widgets.status_looks import glyph_style, marker


def bookmark_content(record: Mapping[str, Any]) -> Content:
    """Three lines: status · source · outlet · date / the claim / note and tags."""
    manual = bool(record.get("status_manual"))
    status = record["status"] + (" (set by you)" if manual else "")
    parts: list[tuple[str, str]] = [
        (f"{marker(record['status'], manual)}{status:<11} ", glyph_style(record["status"])),
        (record["source"] or "?", "underline bold"),
        (f"  {record['feed_name'] or ''} · {(record['published'] or '')[:10] or 'n.d.'}",
         "dim"),
    ]
    if not record.get("article_present", True):
        parts.append(("  (stored copy)", "dim italic"))
    parts.append(("\n" + " ".join((record["claim_text"] or "").split()), ""))
    extra = []
    if record["note"]:
        extra.append(f"✎ {record['note']}")
    if record["tags"]:
        extra.append(" ".join(f"#{tag}" for tag in record["tags"].split()))
    if extra:
        parts.append(("\n" + "   ".join(extra), "italic $text-muted"))
    text = ""
    spans = []
    for part, style in parts:
        if style:
            spans.append(Span(len(text), len(text) + len(part), style))
        text += part
    return Content(text, spans)


class BookmarkList(OptionList):
    DEFAULT_CSS = """
    BookmarkList { height: 1fr; border: none; background: $surface; }
    """
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="cursor_down"),
        Binding("k", "cursor_up", "Up", show=False, id="cursor_up"),
        Binding("G", "last", "Bottom", show=False, id="last"),
        Binding("l", "select", "Open", show=False, id="open"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.records: list[dict[str, Any]] = []
        self.empty_text = "No bookmarks yet: press b on a claim in the reader or the claims view."

    def show(self, records: Sequence[dict[str, Any]], keep_cursor: bool = True) -> None:
        """Replace the entries; the cursor stays on the same bookmark (or its position)."""
        current = self.current
        position = self.highlighted or 0
        self.records = list(records)
        entries: list[Option | None] = []
        for record in self.records:
            entries += [Option(bookmark_content(record), id=f"bm-{record['id']}"), None]
        self.set_options(entries[:-1])  # None: a divider line between bookmarks
        if not self.records:
            self.add_option(Option(Content(self.empty_text), disabled=True))
            return
        index = 0
        if keep_cursor:
            ids = [r["id"] for r in self.records]
            index = ids.index(current["id"]) if current and current["id"] in ids else position
        self.highlighted = min(index, len(self.records) - 1)

    @property
    def current(self) -> dict[str, Any] | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.records):
            return None
        return self.records[index]
