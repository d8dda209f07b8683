"""Feed bodies to entries: bytes in, sanitised values out, no I/O.

`feed.py` runs feedparser on bytes (never a URL), `json_feed.py` reads JSON Feed, `prep.py`
defuses what would make the XML parser slow or wrong, `fields.py` cleans the fields both paths
share, `html_text.py` turns summary HTML into plain text.
"""

from tui.pipeline.parse.feed import parse_feed, parse_plain_feed
from tui.pipeline.parse.html_text import html_to_text

__all__ = ["html_to_text", "parse_feed", "parse_plain_feed"]
