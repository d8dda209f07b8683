"""Domain exceptions, drawn once here.

    SitrepError                 anything sitrep itself reports to the user
     ├── ConfigError            feeds.toml is unreadable or invalid (file, line, key)
     ├── FetchError             a feed or page could not be fetched (url, reason)
     ├── ParseError             a feed body could not be parsed at all
     ├── ExtractError           a page yielded no reading text, or extraction timed out
     └── StoreError             the cache database cannot be opened or written

Expected failures travel as values where a caller handles many items (a refresh returns one result
per feed); these exceptions are for the edges where one operation fails as a whole.
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep reports to the user."""


class ConfigError(SitrepError):
    """feeds.toml is invalid. The message names the file, the line (when known) and the key."""

    def __init__(self, file: str, message: str, line: int | None = None, key: str | None = None):
        self.file = file
        self.line = line
        self.key = key
        self.reason = message
        where = file if line is None else f"{file}:{line}"
        what = f" {key}:" if key else ""
        super().__init__(f"{where}:{what} {message}")


class FetchError(SitrepError):
    """A URL could not be fetched: DNS, refused, timeout, status, size cap, redirect policy."""

    def __init__(self, url: str, reason: str):
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


class ParseError(SitrepError):
    """A feed body is not a feed at all (feedparser found no entries and a fatal error)."""


class ExtractError(SitrepError):
    """A page yielded no reading text, or its extraction exceeded the time limit."""


class StoreError(SitrepError):
    """The cache database cannot be opened, migrated or written."""
