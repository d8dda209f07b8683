"""Editing feeds.toml on the user's command: add, rename, tag, remove, import (OPML or a URL
list), export.

The file is rewritten with tomlkit so comments and order survive, and the previous version is kept
as `feeds.toml.bak` (in the cache directory when the caller names it: a checkout's feeds.toml is
tracked, its folder is not the place for leftovers). Every edit happens under an inter-process
lock and replaces the file atomically (`config_write`). Nothing else in sitrep writes the config.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from tui.core.errors import ConfigError
from tui.core.sanitize import clean_line
from tui.service.config import Config, Settings, load_config
from tui.service.config_write import locked, replace_file

if TYPE_CHECKING:  # tomlkit, lxml and asyncio load where used: `feeds import` starts sooner
    from tomlkit.items import Table


@dataclass(frozen=True, slots=True)
class FeedSpec:
    url: str
    name: str = ""
    tags: tuple[str, ...] = ()


def usable_url(url: str) -> bool:
    """An http(s) URL with a host and nothing a terminal or a request line would act on.

    Imported lists come from strangers: a URL holding an escape sequence or a line break would
    reach the screen as the feed's name and the server as a broken request.
    """
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or not urlsplit(url).netloc:
        return False
    return not any(char.isspace() or not char.isprintable() for char in url)


def _check_url(path: Path, url: str) -> str:
    url = url.strip()
    if not usable_url(url):
        raise ConfigError(
            str(path), f"not a usable http(s) URL: {clean_line(url)[:200]}", key="url"
        )
    return url


def add_feeds(
    path: Path, specs: Iterable[FeedSpec], *, backup_dir: Path | None = None
) -> tuple[list[FeedSpec], list[FeedSpec]]:
    """Append feeds to the config. Returns (added, skipped as duplicates).

    New feeds are appended as `[[feed]]` blocks after the existing text, so every comment and
    the order stay exactly as the user left them; the result is validated before it replaces
    the file (the previous version is kept as feeds.toml.bak, in *backup_dir* when given).
    """
    specs = list(specs)
    with locked(path) as target:
        text = ""
        known: set[str] = set()
        if target.exists():
            known = {feed.url for feed in load_config(target, origin=path).feeds}  # refuses bad
            known |= {str(item.get("url", "")) for item in _raw_feeds(target)}
            text = target.read_text(encoding="utf-8")
        elif not specs:
            return [], []
        else:
            text = "# sitrep feeds. See the README for every setting.\n"
        added: list[FeedSpec] = []
        skipped: list[FeedSpec] = []
        blocks = []
        for spec in specs:
            url = _check_url(path, spec.url)
            if url in known:
                skipped.append(spec)
                continue
            known.add(url)
            added.append(spec)
            blocks.append(
                _feed_block(
                    url,
                    clean_line(spec.name) or url,
                    [clean_line(t) for t in spec.tags if clean_line(t)],
                )
            )
        if added:
            separator = "" if text.endswith("\n") or not text else "\n"
            replace_file(target, text + separator + "".join(blocks), _backup(target, backup_dir))
    return added, skipped


def _backup(target: Path, backup_dir: Path | None) -> Path | None:
    return backup_dir / f"{target.name}.bak" if backup_dir is not None else None


def _raw_feeds(path: Path) -> list[dict[str, object]]:
    import tomllib

    feeds = tomllib.loads(path.read_text(encoding="utf-8")).get("feed", [])
    return feeds if isinstance(feeds, list) else []


def _toml_string(value: str) -> str:
    # JSON string escapes are valid TOML basic-string escapes; DEL and controls are gone already.
    return json.dumps(value, ensure_ascii=False)


def _feed_block(url: str, name: str, tags: list[str]) -> str:
    lines = ["", "[[feed]]", f"name = {_toml_string(name)}", f"url = {_toml_string(url)}"]
    if tags:
        lines.append("tags = [" + ", ".join(_toml_string(t) for t in tags) + "]")
    return "\n".join(lines) + "\n"


_HEADER = re.compile(r"\s*\[")  # a table header: no value line of a valid config starts so
_FEED_HEADER = re.compile(r"""\s*\[\[\s*(feed|"feed"|'feed')\s*\]\]""")


def _edit_feed(
    path: Path, url: str, change: Callable[[Table], None] | None, backup_dir: Path | None
) -> bool:
    """Apply *change* to the feed's table (None removes the feed); False if it is not there.

    Only that feed's block of lines (its `[[feed]]` header up to the next header) is parsed and
    rewritten: tomlkit, given the whole file, would move a `[keys]` table that sits between two
    `[[feed]]` blocks (as after `sitrep feeds add`) to the end.
    """
    with locked(path) as target:
        return _edit_block(path, target, url, change, backup_dir)


def _edit_block(
    path: Path,
    target: Path,
    url: str,
    change: Callable[[Table], None] | None,
    backup_dir: Path | None,
) -> bool:
    feeds = load_config(target, origin=path).feeds  # refuse to edit a file that does not validate
    raw = _raw_feeds(target)
    wanted = url.strip()
    index = next(
        (i for i, f in enumerate(feeds) if wanted in (f.url, str(raw[i].get("url", "")).strip())),
        None,
    )
    if index is None:
        return False
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    headers = [i for i, line in enumerate(lines) if _HEADER.match(line)] + [len(lines)]
    blocks = [
        (h, headers[n + 1]) for n, h in enumerate(headers[:-1]) if _FEED_HEADER.match(lines[h])
    ]
    if len(blocks) != len(feeds):
        raise ConfigError(
            str(path), "feeds are not all [[feed]] tables: edit this file by hand", key="feed"
        )
    start, end = blocks[index]
    block = lines[start:end]
    # The comments after the block's last key introduce the next table: they stay where they
    # are, outside what tomlkit sees, so a key added to the feed lands before them.
    content = [i for i, line in enumerate(block) if line.strip()[:1] not in ("", "#")]
    tail = "".join(block[content[-1] + 1 :])
    if change is None:
        text = tail
    else:
        import tomlkit

        doc = tomlkit.parse("".join(block[: content[-1] + 1]))
        change(doc["feed"][0])  # type: ignore[index]
        text = tomlkit.dumps(doc) + tail
    new_text = "".join(lines[:start]) + text + "".join(lines[end:])
    replace_file(target, new_text, _backup(target, backup_dir))
    return True


def _set_key(table: Table, key: str, value: object) -> None:
    # An existing key changes in place (its line's own comment stays); a new one is appended
    # after the table's last key, since _edit_feed hands over the block without its tail.
    table[key] = value


def remove_feed(path: Path, url: str, *, backup_dir: Path | None = None) -> bool:
    return _edit_feed(path, url, None, backup_dir)


def rename_feed(path: Path, url: str, name: str, *, backup_dir: Path | None = None) -> bool:
    """Give the feed at *url* a new name. False if no such feed; ConfigError if the name is
    empty or the file does not validate (nothing is written then)."""
    name = clean_line(name).strip()
    if not name:
        raise ConfigError(str(path), "a feed's name cannot be empty", key="name")
    return _edit_feed(path, url, lambda table: _set_key(table, "name", name), backup_dir)


def set_feed_tags(
    path: Path, url: str, tags: Iterable[str], *, backup_dir: Path | None = None
) -> bool:
    """Replace the feed's tags (split on spaces and commas, duplicates dropped); no tags
    removes the key. False if no such feed."""
    words = (w for tag in tags for w in re.split(r"[\s,]+", clean_line(tag)))
    clean = list(dict.fromkeys(w for w in words if w))

    def change(table: Table) -> None:
        if clean:
            _set_key(table, "tags", clean)
        elif "tags" in table:
            del table["tags"]

    return _edit_feed(path, url, change, backup_dir)


MAX_IMPORT_BYTES = 10_000_000  # an OPML file of 20,000 feeds is about 3 MB


def read_feed_list(source: Path) -> bytes:
    """The bytes of a feed list to import, read with a cap (`/dev/zero` or a disk image must
    not fill the memory). OSError, or ValueError when the file is larger than the cap."""
    with source.open("rb") as file:
        data = file.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise ValueError(f"larger than {MAX_IMPORT_BYTES // 1_000_000} MB, not a feed list")
    return data


def parse_feed_list(data: bytes) -> list[FeedSpec]:
    """OPML (any outline with xmlUrl) or a plain list of URLs (newsboat's urls format)."""
    head = data.lstrip()[:200].lower()
    if head.startswith(b"<?xml") or b"<opml" in head:
        return _parse_opml(data)
    return _parse_urls(data.decode("utf-8", "replace"))


def _parse_opml(data: bytes) -> list[FeedSpec]:
    import lxml.etree

    parser = lxml.etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, recover=True
    )
    root = lxml.etree.fromstring(data, parser=parser)
    if root is None:
        raise ValueError("not an OPML file")
    specs = []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        if not url:
            continue
        name = outline.get("title") or outline.get("text") or ""
        parent = outline.getparent()
        tag = parent.get("title") or parent.get("text") if parent.tag == "outline" else None
        specs.append(FeedSpec(url.strip(), clean_line(name), (clean_line(tag),) if tag else ()))
    return specs


def _parse_urls(text: str) -> list[FeedSpec]:
    specs = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line.startswith('"query:'):
            continue
        try:
            parts = shlex.split(line, comments=True)
        except ValueError:
            parts = line.split()
        if not parts:
            continue
        url, name, tags = parts[0], "", []
        for part in parts[1:]:
            if part.startswith("~"):
                name = part[1:]
            elif not part.startswith("!"):
                tags.append(part)
        specs.append(FeedSpec(url, name, tuple(tags)))
    return specs


def export_opml(config: Config) -> str:
    from xml.sax.saxutils import quoteattr  # imports urllib.request: only when exporting

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head><title>sitrep feeds</title></head>",
        "  <body>",
    ]
    for feed in config.feeds:
        attrs = (
            f'type="rss" text={quoteattr(feed.name)} title={quoteattr(feed.name)} '
            f"xmlUrl={quoteattr(feed.url)}"
        )
        if feed.tags:
            attrs += f" category={quoteattr(','.join(feed.tags))}"
        lines.append(f"    <outline {attrs}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


# ── checking a feed before it is added ───────────────────────────────────────────────────────


@dataclass(frozen=True)
class CheckedFeed:
    """What a check found at an address: the feed's own title and how many items it lists."""

    title: str
    items: int


def check_feed(settings: Settings, url: str) -> CheckedFeed:
    """Fetch and parse *url* as a refresh would (same byte cap, deadline and redirect rules);
    FetchError or ParseError when it is not a feed. Blocking: it runs an event loop of its own,
    so call it from a worker thread."""
    import asyncio

    return asyncio.run(_check_feed(settings, url))


async def _check_feed(settings: Settings, url: str) -> CheckedFeed:
    from tui.pipeline.parse import parse_feed  # lazy: feedparser and httpx cost start-up time
    from tui.service.fetch_once import fetch_once

    response = await fetch_once(url, settings, settings.max_feed_bytes)
    parsed = parse_feed(response.body, response.final_url, dict(response.headers))
    return CheckedFeed(parsed.title, len(parsed.entries))
