"""The raw text of feeds.toml: decoded with an error that names the line, and searched for the
line of a key, which tomllib does not report (the validator's messages name it).
"""

from __future__ import annotations

import re

from tui.core.errors import ConfigError


def decode(file: str, raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ConfigError(
            file, "starts with a byte order mark (BOM); save it as UTF-8 without BOM", line=1
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(file, "not UTF-8 text (save the file as UTF-8)", line=line) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ConfigError(file, "contains a NUL character", line=line)
    return text


class Locator:
    """Finds the line of a key in the raw text: tomllib does not report positions."""

    def __init__(self, text: str):
        self.lines = text.splitlines()

    def _table_start(self, header: str, index: int = 0) -> int | None:
        pattern = re.compile(r"^\s*" + re.escape(header) + r"\s*(#.*)?$")
        seen = -1
        for number, line in enumerate(self.lines, start=1):
            if pattern.match(line):
                seen += 1
                if seen == index:
                    return number
        return None

    def line_of(self, header: str | None, key: str | None, index: int = 0) -> int | None:
        start = self._table_start(header, index) if header else 0
        if start is None:
            return None
        if key is None:
            return start or None
        quoted = re.escape(key)
        key_re = re.compile(rf"""^\s*(?:{quoted}|"{quoted}"|'{quoted}')\s*=""")
        for number in range(start + 1, len(self.lines) + 1):
            line = self.lines[number - 1]
            if number > start + 1 and header and re.match(r"^\s*\[", line):
                break
            if not header and re.match(r"^\s*\[", line):
                break
            if key_re.match(line):
                return number
        return start or None
