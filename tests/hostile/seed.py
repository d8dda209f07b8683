"""A cache filled through the real pipeline from a hostile feed served on 127.0.0.1.

The feed's title, item titles, summaries and authors, the page's title, byline and paragraphs,
and the feed's configured name carry Rich/Textual markup and terminal control sequences. The
refresher fetches, parses, extracts and stores them exactly as it would from the web; analysis
(claims, entities) is then written with `store.save_analysis`, with sources and entity names that
are markup too, at offsets found in the stored text. A second feed fails with a server-chosen
Content-Encoding that is markup, so an error message carries it as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from tests.hostile.payloads import CONTROLS, rss
from tests.server import LocalServer
from tui.core.models import Analysis, Claim, Entity
from tui.service.config import load_config
from tui.service.refresh import Refresher
from tui.store import schema, store

FEED_NAME = "[b]Desk[/b] [@click=app.quit]Quit desk[/]"
TITLE = "[@click=app.quit]Click to quit[/] [bold]Bold[/bold] stray [/] end"
AUTHOR = "[link=file:///etc/passwd]Desk editor[/link]"
SOURCE = "[@click=app.quit]the mayor[/]"
ENTITY = "[link=file:///etc/passwd]Izium[/link]"
BAD_ENCODING = "[@click=app.quit]zz[/]"
PARAGRAPHS = (
    "[link=file:///etc/passwd]Officials said[/link] the convoy reached the bridge at dawn, "
    "according to witnesses [/] near Izium, and that more trucks were waiting behind it.",
    f"{SOURCE} told reporters that [red]forty[/red] families had left the town overnight and "
    "that buses would run again on Friday [@click=app.bell]if the road stays open[/].",
)


@dataclass(frozen=True)
class HostileCache:
    config: Path
    cache: Path
    article_id: int
    text: str  # the reading text as stored


def _page() -> bytes:
    dirty = [p.replace("witnesses", "witnesses" + CONTROLS[3]) for p in PARAGRAPHS]
    dirty[1] = dirty[1].replace("overnight", CONTROLS[0] + "overnight" + CONTROLS[5])
    body = "".join(f"<p>{escape(p)}</p>" for p in dirty)
    return (
        f"<html><head><title>{escape(TITLE)}</title>"
        f'<meta name="author" content="{escape(AUTHOR)}"></head><body><article>'
        f"<h1>{escape(TITLE)}</h1>{body}</article></body></html>"
    ).encode()


def serve(server: LocalServer) -> tuple[str, str]:
    """Register the hostile feed, its page and the failing feed; return the two feed URLs."""
    page = server.add("/hostile/story.html", _page())
    items = [
        {
            "title": TITLE + CONTROLS[2],
            "link": page,
            "guid": "hostile-1" + CONTROLS[6],
            "description": "<p>" + PARAGRAPHS[0] + CONTROLS[1] + "</p>",
            "author": AUTHOR + CONTROLS[4],
        }
    ]
    feed = server.add(
        "/hostile/feed.xml", rss(items, title=TITLE + CONTROLS[5]), "application/rss+xml"
    )
    broken = server.add(
        "/hostile/broken.xml", b"not gzip at all", headers={"Content-Encoding": BAD_ENCODING}
    )
    return feed, broken


def write_hostile_config(path: Path, feed: str, broken: str) -> Path:
    path.write_text(
        "[settings]\nrefresh_minutes = 0\ntimeout_seconds = 5\n\n"
        f"[[feed]]\nname = {_toml(FEED_NAME)}\nurl = {_toml(feed)}\n\n"
        f"[[feed]]\nname = {_toml('Broken ' + BAD_ENCODING)}\nurl = {_toml(broken)}\n",
        encoding="utf-8",
    )
    return path


def _toml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


async def seed_hostile_cache(tmp_path: Path, server: LocalServer) -> HostileCache:
    """Fetch, parse, extract and store the hostile feed; then store markup claims/entities."""
    config_path = write_hostile_config(tmp_path / "feeds.toml", *serve(server))
    cache = tmp_path / "cache"
    async with Refresher(load_config(config_path), cache / "sitrep.db", analyze=False) as ref:
        await ref.refresh()
    conn = schema.connect(cache / "sitrep.db")
    try:
        article_id, text = conn.execute("SELECT id, sitrep_text(text) FROM articles").fetchone()
        store.save_analysis(conn, article_id, None, _analysis(text))
    finally:
        conn.close()
    return HostileCache(config_path, cache, article_id, text)


def _analysis(text: str) -> Analysis:
    """One claim whose source is markup, one entity whose name is markup, at real offsets."""
    start = text.index(SOURCE)
    end = text.index("Friday", start) + len("Friday")
    cue = text.index("told", start)
    claim = Claim(
        start=start,
        end=end,
        text=text[start:end],
        source=SOURCE,
        source_start=start,
        source_end=start + len(SOURCE),
        cue="told",
        cue_start=cue,
        cue_end=cue + 4,
        content_start=cue + 5,
        content_end=end,
        quote="reported",
        status="claimed",
    )
    place = text.index("Izium")
    entity = Entity(name=ENTITY, type="PLACE", mentions=((place, place + len("Izium")),))
    # this version's: another would be read again from the stored page when the app starts
    return Analysis(claims=(claim,), entities=(entity,), conflict=True,
                    version=Refresher.analyzer_version())
