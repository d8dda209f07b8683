"""Pathological HTML in feed summaries: flattened to text in linear time and small memory.

A summary is HTML from a stranger, up to the feed cap (5 MB). feedparser's sanitiser and lxml
both had inputs that cost seconds to minutes and hundreds of MB (libxml2 compares every new
attribute with all earlier ones: 200,000 attributes took five minutes);
`tui.pipeline.parse.html_text` only moves forward. Each case runs in a child process with a
deadline and a memory reading.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

from tests.hostile.isolate import run_isolated
from tui.pipeline.parse import parse_feed
from tui.pipeline.parse.html_text import html_to_text

N = 200_000
SUMMARIES = {
    "one tag, 100,000 attributes": "<p "
    + " ".join(f'data-a{i}="v"' for i in range(100_000))
    + ">text</p>",
    "one tag, 100,000 repeated attributes": "<p " + 'title="v" ' * 100_000 + ">text</p>",
    "attributes without spaces": "<p " + 'a="v"' * N + ">text</p>",
    "a million unclosed '<'": "<" * 1_000_000 + " text",
    "unclosed tags": "<a " * N + " text",
    "unterminated quotes in tags": '<a x="' * N,
    "comments never closed": "text <!--" * N,
    "scripts never closed": "text <script>" * N,
    "deep nesting": "<div>" * N + "text" + "</div>" * N,
    "half a million entities": "&amp;" * 500_000,
    "broken entities": "&#" * 500_000,
}


def feed_with(summary: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item>'
        f"<title>t</title><description>{escape(summary)}</description></item></channel></rss>"
    ).encode()


@pytest.mark.parametrize("case", list(SUMMARIES))
def test_pathological_summary_is_flattened_small(case: str) -> None:
    body = feed_with(SUMMARIES[case])
    assert len(body) <= 5_000_000  # within the default feed cap
    feed, grew = run_isolated(parse_feed, body, "https://wire.example/feed", {})
    assert grew < 64 * 2**20
    assert len(feed.entries[0].summary) <= 20_000


def test_html_to_text_keeps_what_a_reader_expects() -> None:
    html = (
        '<p class="lead">First <b>bold</b> paragraph.</p><img src="x.jpg" alt="cat<br />dog">'
        "<p>Second &amp; last<br>line</p><script>alert(1)</script><style>p{}</style>"
        "<!-- hidden --><table><tr><td>a</td><td>b</td></tr></table>5 < 6 and 7 > 6"
    )
    assert html_to_text(html) == (
        "First bold paragraph.\n\nSecond & last\nline\n\na b\n\n5 < 6 and 7 > 6"
    )
    assert html_to_text("plain <b>tags</b> in &lt;text&gt;") == "plain tags in <text>"
