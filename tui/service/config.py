"""feeds.toml → frozen dataclasses, strictly validated.

Every problem raises ConfigError naming the file, the line and the key, so the user can go straight
to it. Unknown keys are errors (typos must not be silently ignored). Nothing here writes the file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from tui.core.errors import ConfigError
from tui.core.query import QueryError, parse_query
from tui.core.sanitize import invisible_in, strip_invisible
from tui.service.config_text import Locator, decode
from tui.service.keys import ACTIONS

DEFAULT_USER_AGENT = "sitrep/0.1 (+https://example.invalid/sitrep)"
# Which feeds may send sitrep to loopback, link-local and private addresses (the page policy,
# tui/pipeline/fetch/policy.py, which has the same tuple): a feed that is itself on such an
# address may reach its own host ("own-host"), no feed may ("none"), or no check ("any").
PRIVATE_PAGES = ("own-host", "none", "any")


@dataclass(frozen=True, slots=True)
class Settings:
    refresh_minutes: int = 30
    concurrency: int = 64
    per_host: int = 64
    timeout_seconds: float = 20.0
    max_feed_bytes: int = 5_000_000
    max_page_bytes: int = 8_000_000
    user_agent: str = DEFAULT_USER_AGENT
    retention_days: int = 90
    # The page policy: what a feed's links may make sitrep fetch.
    private_pages: str = "own-host"
    page_per_host: int = 2  # article pages fetched at once from one host
    page_delay_seconds: float = 0.2  # between two page requests to one host
    max_new_items: int = 100  # new items one refresh takes from one feed (0: no cap)


@dataclass(frozen=True, slots=True)
class FeedConfig:
    name: str
    url: str  # http(s) URL, or an absolute local path for local feeds
    tags: tuple[str, ...] = ()
    full_text: bool = True
    enabled: bool = True
    refresh_minutes: int | None = None
    user_agent: str | None = None
    private_pages: str | None = None  # this feed's own page policy (None: the global one)

    @property
    def is_local(self) -> bool:
        return not self.url.startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class SavedSearch:
    """A filter kept under a name (`[[search]]`): a virtual feed in the app's feeds pane."""

    name: str
    query: str


@dataclass(frozen=True, slots=True)
class Config:
    path: Path
    settings: Settings = field(default_factory=Settings)
    feeds: tuple[FeedConfig, ...] = ()
    keys: MappingProxyType[str, str] = field(default_factory=lambda: MappingProxyType({}))
    searches: tuple[SavedSearch, ...] = ()

    def search(self, name: str) -> SavedSearch | None:
        return next((s for s in self.searches if s.name == name), None)


# key -> (accepted types, minimum for numbers)
_SETTINGS_SCHEMA: dict[str, tuple[tuple[type, ...], float | None]] = {
    "refresh_minutes": ((int,), 0),
    "concurrency": ((int,), 1),
    "per_host": ((int,), 1),
    "timeout_seconds": ((int, float), 0.1),
    "max_feed_bytes": ((int,), 1024),
    "max_page_bytes": ((int,), 1024),
    "user_agent": ((str,), None),
    "retention_days": ((int,), 0),
    "private_pages": ((str,), None),
    "page_per_host": ((int,), 1),
    "page_delay_seconds": ((int, float), 0),
    "max_new_items": ((int,), 0),
}
_CHOICES = {"private_pages": PRIVATE_PAGES}  # string keys that take one of a few words
_FEED_SCHEMA: dict[str, tuple[tuple[type, ...], float | None]] = {
    "name": ((str,), None),
    "url": ((str,), None),
    "tags": ((list,), None),
    "full_text": ((bool,), None),
    "enabled": ((bool,), None),
    "refresh_minutes": ((int,), 0),
    "user_agent": ((str,), None),
    "private_pages": ((str,), None),
}
_SEARCH_SCHEMA: dict[str, tuple[tuple[type, ...], float | None]] = {
    "name": ((str,), None),
    "query": ((str,), None),
}
_TOP_LEVEL = {"settings", "feed", "keys", "search"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # C0 (tab and newline too), DEL, C1
_TYPE_NAMES = {
    int: "an integer",
    float: "a number",
    str: "a string",
    bool: "true or false",
    list: "a list",
}


def load_config(path: Path | str, *, origin: Path | str | None = None) -> Config:
    """Read and validate *path*. Raises ConfigError on any problem.

    *origin* is where the configuration belongs when *path* is a copy of it (the last good copy
    in the cache): relative local feeds resolve beside the origin, and `Config.path` names it.
    """
    path = Path(path)
    file = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(file, "file not found") from None
    except OSError as exc:
        raise ConfigError(file, f"cannot read: {exc.strerror or exc}") from None
    text = decode(file, raw)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match.group(1)) if match else None
        if line is None and "end of document" in str(exc):
            line = max(1, len(text.splitlines()))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(file, f"not valid TOML: {reason}", line=line) from None
    except RecursionError:
        raise ConfigError(file, "not valid TOML: nesting too deep") from None
    return _build(path, data, Locator(text), Path(origin) if origin is not None else path)


def _check(
    file: str,
    loc: Locator,
    header: str | None,
    index: int,
    key: str,
    value: Any,
    schema: dict[str, tuple[tuple[type, ...], float | None]],
    where: str,
) -> None:
    types, minimum = schema.get(key, ((object,), None))
    ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
    control = _control_in(value)
    chosen = key not in _CHOICES or value in _CHOICES[key]
    if key in schema and ok and not control and chosen and (minimum is None or value >= minimum):
        return  # valid: no need to look for the line (that scan is only for messages)
    line = loc.line_of(header, key, index)
    if control:
        raise ConfigError(file, f"contains a control character ({control})", line=line, key=key)
    if key not in schema:
        known = ", ".join(sorted(schema))
        raise ConfigError(file, f"unknown key in {where} (known keys: {known})", line=line, key=key)
    types, minimum = schema[key]
    ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
    if not ok:
        wanted = " or ".join(_TYPE_NAMES[t] for t in types)
        raise ConfigError(file, f"must be {wanted}, not {type(value).__name__}", line=line, key=key)
    if minimum is not None and value < minimum:
        raise ConfigError(file, f"must be at least {minimum:g}", line=line, key=key)
    if key in _CHOICES and value not in _CHOICES[key]:
        words = ", ".join(f'"{c}"' for c in _CHOICES[key])
        raise ConfigError(file, f"must be one of {words}", line=line, key=key)


def _control_in(value: Any) -> str:
    """The first control character in a string (or list of strings) as "U+001B", or "".

    Names, tags and URLs are shown on the terminal and sent in requests: an ESC there (a TOML
    escape, or a URL imported from someone's OPML list) would act as an escape sequence.
    """
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and (found := _CONTROL.search(item)):
            return f"U+{ord(found.group()):04X}"
    return ""


def _build(path: Path, data: dict[str, Any], loc: Locator, origin: Path) -> Config:
    file = str(path)
    for key in data:
        if key not in _TOP_LEVEL:
            raise ConfigError(
                file,
                "unknown top-level key (expected settings, feed, keys, search)",
                line=loc.line_of(None, key) or loc.line_of(f"[{key}]", None),
                key=key,
            )
    settings_data = data.get("settings", {})
    if not isinstance(settings_data, dict):
        raise ConfigError(
            file, "must be a table", line=loc.line_of(None, "settings"), key="settings"
        )
    for key, value in settings_data.items():
        _check(file, loc, "[settings]", 0, key, value, _SETTINGS_SCHEMA, "[settings]")
    settings = Settings(**settings_data)

    feeds_data = data.get("feed", [])
    if not isinstance(feeds_data, list):
        raise ConfigError(file, "use [[feed]] tables", line=loc.line_of(None, "feed"), key="feed")
    feeds: list[FeedConfig] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(feeds_data):
        feeds.append(_build_feed(path, loc, index, item, seen, origin))

    keys_data = data.get("keys", {})
    if not isinstance(keys_data, dict):
        raise ConfigError(file, "must be a table", line=loc.line_of(None, "keys"), key="keys")
    for action, key in keys_data.items():
        if action not in ACTIONS:
            raise ConfigError(
                file,
                f"unknown action (known: {', '.join(sorted(ACTIONS))})",
                line=loc.line_of("[keys]", action),
                key=f"keys.{action}",
            )
        if not isinstance(key, str) or not key.strip() or _control_in(key):
            raise ConfigError(
                file,
                'must be a key name such as "j" or "ctrl+r"',
                line=loc.line_of("[keys]", action),
                key=f"keys.{action}",
            )
    return Config(
        path=origin,
        settings=settings,
        feeds=tuple(feeds),
        keys=MappingProxyType(dict(keys_data)),
        searches=_build_searches(file, data.get("search", []), loc),
    )


def _build_searches(file: str, items: Any, loc: Locator) -> tuple[SavedSearch, ...]:
    """`[[search]]` tables: a name (unique) and a query the filter language accepts."""
    header = "[[search]]"
    if not isinstance(items, list):
        raise ConfigError(file, "use [[search]] tables", line=loc.line_of(None, "search"),
                          key="search")
    searches: list[SavedSearch] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise ConfigError(file, "must be a table", line=loc.line_of(header, None, index),
                              key="search")
        for key, value in item.items():
            _check(file, loc, header, index, key, value, _SEARCH_SCHEMA, f"search #{index + 1}")
        for key in ("name", "query"):
            if not str(item.get(key, "")).strip():
                raise ConfigError(file, f"search #{index + 1} needs a {key}",
                                  line=loc.line_of(header, key, index), key=key)
        name, query = item["name"].strip(), item["query"].strip()
        if any(s.name == name for s in searches):
            raise ConfigError(file, f"a search named {name!r} is already above",
                              line=loc.line_of(header, "name", index), key="name")
        try:
            parse_query(query)
        except QueryError as exc:
            raise ConfigError(file, f"not a filter: {exc}",
                              line=loc.line_of(header, "query", index), key="query") from None
        searches.append(SavedSearch(name, query))
    return tuple(searches)


def _build_feed(
    path: Path, loc: Locator, index: int, item: Any, seen: dict[str, int], origin: Path
) -> FeedConfig:
    file = str(path)
    header = "[[feed]]"
    if not isinstance(item, dict):
        raise ConfigError(
            file, "must be a table", line=loc.line_of(header, None, index), key="feed"
        )
    for key, value in item.items():
        _check(file, loc, header, index, key, value, _FEED_SCHEMA, f"feed #{index + 1}")
    if "url" not in item:
        raise ConfigError(
            file, f"feed #{index + 1} has no url", line=loc.line_of(header, None, index), key="url"
        )

    def url_line() -> int | None:
        return loc.line_of(header, "url", index)

    if hidden := invisible_in(item["url"]):
        raise ConfigError(
            file, f"contains an invisible character ({hidden})", line=url_line(), key="url"
        )
    url = _normalise_url(file, item["url"].strip(), origin, url_line)
    if url in seen:
        raise ConfigError(
            file, f"duplicate feed url (also feed #{seen[url] + 1})", line=url_line(), key="url"
        )
    seen[url] = index
    tags = item.get("tags", [])
    if not all(isinstance(tag, str) for tag in tags):
        raise ConfigError(
            file, "tags must be strings", line=loc.line_of(header, "tags", index), key="tags"
        )
    # Names and tags are shown on every screen: a bidi override or a zero-width space in one
    # would reorder or hide what follows it, so they go (the rest of the text stays).
    name = strip_invisible(item.get("name", "")).strip() or url
    tags = [strip_invisible(t).strip() for t in tags]
    return FeedConfig(
        name=name,
        url=url,
        tags=tuple(t for t in tags if t),
        full_text=item.get("full_text", True),
        enabled=item.get("enabled", True),
        refresh_minutes=item.get("refresh_minutes"),
        user_agent=strip_invisible(item["user_agent"]) if "user_agent" in item else None,
        private_pages=item.get("private_pages"),
    )


def _normalise_url(file: str, url: str, config_path: Path, line: Callable[[], int | None]) -> str:
    if not url:
        raise ConfigError(file, "url is empty", line=line(), key="url")
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        if not parts.netloc:
            raise ConfigError(file, "url has no host", line=line(), key="url")
        return url
    if scheme == "file":
        return str(Path(parts.path).resolve())
    if scheme and len(scheme) > 1:  # one letter would be a Windows drive
        raise ConfigError(
            file,
            f"unsupported scheme {scheme}: (use http, https or a local path)",
            line=line(),
            key="url",
        )
    local = Path(url).expanduser()
    if not local.is_absolute():
        local = config_path.resolve().parent / local
    return str(local.resolve())
