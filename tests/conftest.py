"""Shared fixtures. The HTTP server is one per session; each test gets it freshly reset."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tests.server import LocalServer


@pytest.fixture(autouse=True)
def _thaw_after_each_test() -> Iterator[None]:
    """An app under test freezes what its start-up left alive (tui/app/refreshing.py,
    keep_start_up): in a test process that is an app per test, freed again here."""
    yield
    gc.unfreeze()


@pytest.fixture(scope="session")
def _http_server_session() -> Iterator[LocalServer]:
    server = LocalServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def http_server(_http_server_session: LocalServer) -> LocalServer:
    """A real server on 127.0.0.1 with nothing registered and an empty request log."""
    _http_server_session.reset()
    return _http_server_session


# ── project fixtures ─────────────────────────────────────────────────────────────────────────

REPO = __import__("pathlib").Path(__file__).resolve().parents[1]
DEMO_DIR = REPO / "tui" / "demo"


def write_config(path, feeds, settings=""):  # type: ignore[no-untyped-def]
    """Write a feeds.toml with the given (name, url) feeds and optional [settings] lines."""
    lines = ["[settings]", settings]
    if "refresh_minutes" not in settings:
        lines.append("refresh_minutes = 0")
    if "timeout_seconds" not in settings:
        lines.append("timeout_seconds = 5")
    lines.append("")
    for name, url in feeds:
        lines += ["[[feed]]", f'name = "{name}"', f'url = "{url}"', ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def served_demo(http_server: LocalServer) -> str:
    """The bundled demo feed served over HTTP; returns the feed URL."""
    http_server.add_dir("/demo", DEMO_DIR)
    return http_server.url("/demo/feed.xml")


@pytest.fixture
def demo_config(tmp_path, served_demo):  # type: ignore[no-untyped-def]
    """A feeds.toml in a temp dir with the served demo feed and a dead host."""
    return write_config(tmp_path / "feeds.toml", [
        ("Frontline Wire (served)", served_demo),
        ("Dead host", "http://127.0.0.1:9/feed.xml"),
    ])


async def wait_for(pilot, condition, seconds: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until *condition()* holds (bounded: fails after *seconds*)."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"condition not met within {seconds} s")
        await pilot.pause(0.05)


def build_app(config_path, cache_dir=None, **kwargs):  # type: ignore[no-untyped-def]
    """The real app through the real factory, on a temp cache."""
    from tui.app import make_app
    from tui.service import locations as loc
    from tui.service.config import load_config
    from tui.store.recovery import open_store

    locations = loc.resolve(str(config_path), str(cache_dir or config_path.parent / "cache"))
    config = load_config(locations.config)
    return make_app(config, locations, open_store(locations.db), **kwargs)


# ── a seeded cache for the app's own tests (appended by the app helper) ─────────────────────
# Articles, claims and entities written straight into a real store, with dates fixed relative to
# SEED_NOW, which the app is given as its clock: ages and relative dates never change. The text
# is ours: short fictional reports in the style of wire copy.

SEED_NOW = __import__("datetime").datetime(2026, 3, 10, 12, 0, tzinfo=__import__("datetime").UTC)
SEED_FEEDS = [  # name, url, tags, last error
    ("Frontline Wire", "http://127.0.0.1:9/frontline.xml", ("ukraine", "world"), None),
    ("Gulf Monitor", "http://127.0.0.1:9/gulf.xml", ("middle-east",), None),
    ("Sahel Dispatch", "http://127.0.0.1:9/sahel.xml", ("africa",), "HTTP 503 from the server"),
]
# key: (feed, title, hours ago, read, conflict, paragraphs, claims, entities)
# claims: (sentence start, source, cue, status); entities: (name, type, [forms in the text])
SEED_ARTICLES = {
    "sumy": (0, "Drones hit power station in Sumy region", 3, False, True, [
        "Russia's defence ministry said on Tuesday that air defence units shot down 12 "
        "Ukrainian drones over the Belgorod region overnight.",
        "In Sumy, regional governor Oleh Hryhorov said a Shahed drone struck a power station "
        "near Zhuravka, cutting electricity to 4,000 homes. Ukraine's air force said only "
        "four drones were launched.",
        "The reports could not be independently verified."],
        [("Russia's defence ministry said", "Russia's defence ministry", "said", "disputed"),
         ("regional governor Oleh Hryhorov", "Oleh Hryhorov", "said", "claimed"),
         ("Ukraine's air force said", "Ukraine's air force", "said", "claimed")],
        [("Oleh Hryhorov", "PERSON", ["Oleh Hryhorov"]), ("Sumy", "PLACE", ["Sumy"]),
         ("Zhuravka", "PLACE", ["Zhuravka"]), ("Belgorod", "PLACE", ["Belgorod"]),
         ("Russian Defence Ministry", "ORG", ["Russia's defence ministry"]),
         ("Shahed", "WEAPON", ["Shahed"])]),
    "kharkiv": (0, "Missile strike on Kharkiv apartment block kills four", 26, True, False, [
        "A missile struck an apartment block in Kharkiv on Monday evening, killing four "
        "people, the city's mayor Ihor Terekhov said.",
        "Police said the missile was an Iskander-M launched from the Belgorod region.",
        "Moscow denied targeting civilians and said its strikes hit military sites only."],
        [("A missile struck", "the city's mayor Ihor Terekhov", "said", "confirmed"),
         ("Police said", "Police", "said", "unconfirmed"),
         ("Moscow denied", "Moscow", "denied", "denied")],
        [("Ihor Terekhov", "PERSON", ["Ihor Terekhov"]), ("Kharkiv", "PLACE", ["Kharkiv"]),
         ("Belgorod", "PLACE", ["Belgorod"]), ("Moscow", "PLACE", ["Moscow"]),
         ("Iskander-M", "WEAPON", ["Iskander-M"])]),
    "kupiansk": (0, "Russia claims capture of village near Kupiansk", 50, False, True, [
        "The Russian general staff claimed its troops had captured the village of "
        "Petropavlivka near Kupiansk.",
        "Ukraine's General Staff denied the claim and said fighting continued on the edge of "
        "the village."],
        [("The Russian general staff", "The Russian general staff", "claimed", "disputed"),
         ("Ukraine's General Staff denied", "Ukraine's General Staff", "denied", "denied")],
        [("Kupiansk", "PLACE", ["Kupiansk"]), ("Petropavlivka", "PLACE", ["Petropavlivka"]),
         ("Russian General Staff", "ORG", ["The Russian general staff"]),
         ("Ukrainian General Staff", "ORG", ["Ukraine's General Staff"])]),
    "hodeidah": (1, "Houthis say missile attack hit bulk carrier off Hodeidah", 5, False, False, [
        "Houthi military spokesman Yahya Saree said the group fired two missiles at a bulk "
        "carrier off Hodeidah.",
        "The ship's operator said the vessel was undamaged and continued its voyage. Patriot "
        "batteries were not involved, a US official told reporters."],
        [("Houthi military spokesman", "Houthi military spokesman Yahya Saree", "said",
          "claimed"),
         ("The ship's operator", "The ship's operator", "said", "disputed"),
         ("Patriot batteries", "a US official", "told reporters", "unconfirmed")],
        [("Yahya Saree", "PERSON", ["Yahya Saree"]), ("Hodeidah", "PLACE", ["Hodeidah"]),
         ("Houthis", "ORG", ["Houthi"]), ("Patriot", "WEAPON", ["Patriot"])]),
    "rafah": (1, "Aid convoy halted near Rafah as strikes hit Khan Younis", 30, True, False, [
        "The UN said an aid convoy of 40 trucks was halted near Rafah for a second day.",
        "Israel's military said it had not blocked the convoy. Strikes hit Khan Younis "
        "overnight, residents said."],
        [("The UN said", "The UN", "said", "confirmed"),
         ("Israel's military said", "Israel's military", "said", "disputed"),
         ("Strikes hit Khan Younis", "residents", "said", "claimed")],
        [("UN", "ORG", ["UN"]), ("Rafah", "PLACE", ["Rafah"]),
         ("Khan Younis", "PLACE", ["Khan Younis"])]),
    "timbuktu": (2, "Mali army says drone strikes killed militants near Timbuktu", 80, False,
                 True, [
        "Mali's army said drone strikes near Timbuktu killed dozens of militants.",
        "Residents said most of the dead were civilians at a weekly market. The accounts could "
        "not be independently verified."],
        [("Mali's army said", "Mali's army", "said", "disputed"),
         ("Residents said", "Residents", "said", "claimed")],
        [("Timbuktu", "PLACE", ["Timbuktu"]), ("Malian Army", "ORG", ["Mali's army"])]),
    "tokmak": (0, "HIMARS strike reported near Tokmak", 240, True, False, [
        "Ukrainian forces used HIMARS to strike an ammunition depot near Tokmak, a military "
        "source said."],
        [("Ukrainian forces used", "a military source", "said", "unconfirmed")],
        [("HIMARS", "WEAPON", ["HIMARS"]), ("Tokmak", "PLACE", ["Tokmak"])]),
    "doha": (1, "Ceasefire talks resume in Doha", 1080, False, False, [
        "Negotiators met in Doha for six hours on Sunday."], [],
        [("Doha", "PLACE", ["Doha"])]),
}
SEED_BOOKMARKED = ("hodeidah", "Houthi military spokesman")
# (article, source as written): (canonical source, affiliation, evidence as (words of the
# article, kind, by)), as the analyzer gives them (docs/CLAIMS.md); claims not listed keep
# their written source as canonical name and have no side and no evidence.
SEED_SOURCES = {
    ("sumy", "Russia's defence ministry"): ("Russian Defence Ministry", "Russia", [
        ("Ukraine's air force said only four drones were launched.", "dispute",
         "Ukrainian Air Force")]),
    ("sumy", "Ukraine's air force"): ("Ukrainian Air Force", "Ukraine", []),
    ("kharkiv", "the city's mayor Ihor Terekhov"): ("Ihor Terekhov", "", [
        ("Police said the missile was an Iskander-M", "confirmation", "Police")]),
    ("kharkiv", "Moscow"): ("Russia", "Russia", [("denied targeting civilians", "denial",
                                                  "Russia")]),
    ("kupiansk", "The Russian general staff"): ("Russian General Staff", "Russia", [
        ("Ukraine's General Staff denied the claim", "dispute", "Ukrainian General Staff")]),
    ("kupiansk", "Ukraine's General Staff"): ("Ukrainian General Staff", "Ukraine", [
        ("denied the claim", "denial", "Ukrainian General Staff")]),
    ("hodeidah", "Houthi military spokesman Yahya Saree"): ("Yahya Saree", "Houthis", []),
    ("hodeidah", "a US official"): ("US official", "United States", []),
    ("rafah", "Israel's military"): ("Israeli Armed Forces", "Israel", []),
    ("timbuktu", "Mali's army"): ("Malian Armed Forces", "Mali", [
        ("Residents said most of the dead were civilians at a weekly market.", "dispute",
         "Residents")]),
}


def _seed_analysis(text, claims, entities, key=""):  # type: ignore[no-untyped-def]
    from tui.core.models import Claim, Entity, Evidence

    found = []
    for start_text, source, cue, status in claims:
        start = text.index(start_text)
        end = text.index(".", start) + 1
        s_start = text.index(source, start)
        c_start = text.index(cue, start)
        canonical, side, evidence = SEED_SOURCES.get((key, source), (source, "", []))
        spans = tuple(Evidence(text.index(words), text.index(words) + len(words), kind, by)
                      for words, kind, by in evidence)
        content = (c_start + len(cue) + 1, end - 1)  # "X said <content>."
        if content[0] >= content[1]:  # "<content>, X said."
            content = (start, s_start - 2)
        found.append(Claim(start, end, text[start:end], source, s_start, s_start + len(source),
                           cue, c_start, c_start + len(cue), *content,
                           "reported", status, spans, canonical, side))
    mentions = []
    for name, kind, forms in entities:
        spans = []
        for form in forms:
            at = text.find(form)
            while at >= 0:
                spans.append((at, at + len(form)))
                at = text.find(form, at + 1)
        mentions.append(Entity(name, kind, tuple(sorted(spans))))
    return tuple(found), tuple(mentions)


def build_seed_cache(directory):  # type: ignore[no-untyped-def]
    """feeds.toml + cache/sitrep.db in *directory*; returns {article key: article id}."""
    from datetime import timedelta

    from tui.core.models import Analysis, Article, Entry
    from tui.store import bookmarks, schema, store

    lines = ["[settings]", "refresh_minutes = 0", "retention_days = 0", ""]
    for name, url, tags, _ in SEED_FEEDS:
        lines += ["[[feed]]", f'name = "{name}"', f'url = "{url}"',
                  "tags = [" + ", ".join(f'"{t}"' for t in tags) + "]", ""]
    (directory / "feeds.toml").write_text("\n".join(lines), encoding="utf-8")
    conn = schema.connect(directory / "cache" / "sitrep.db")
    ids = store.sync_feeds(conn, [(url, name, tags) for name, url, tags, _ in SEED_FEEDS])
    for name, url, _, error in SEED_FEEDS:
        if error:
            store.record_feed_error(conn, ids[url], error)
        else:
            with conn:
                store.note_feed_ok(conn, ids[url], title=name, etag=None, last_modified=None)
    article_ids = {}
    for key, (feed, title, hours, read, conflict, paragraphs, claims, entities) in \
            SEED_ARTICLES.items():
        url = SEED_FEEDS[feed][1]
        when = SEED_NOW - timedelta(hours=hours)
        entry = Entry(f"seed-{key}", f"https://news.invalid/{key}", title, published=when,
                      summary=paragraphs[0])
        store.save_entries(conn, ids[url], [entry], full_text=True)
        article_id = conn.execute("SELECT id FROM articles WHERE guid = ?",
                                  (f"seed-{key}",)).fetchone()[0]
        text = "\n\n".join(paragraphs)
        found, mentions = _seed_analysis(text, claims, entities, key)
        article = Article(f"https://news.invalid/{key}", text, title=title, byline="Staff")
        store.save_analysis(conn, article_id, article,
                            Analysis(found, mentions, conflict, "seed"))
        store.set_read(conn, [article_id], read)
        article_ids[key] = article_id
    key, start_text = SEED_BOOKMARKED
    article = store.get_article(conn, article_ids[key])
    start = article["text"].index(start_text)
    claim = conn.execute("SELECT * FROM claims WHERE article_id = ? AND start = ? ORDER BY id "
                         "LIMIT 1", (article_ids[key], start)).fetchone()
    bookmarks.add_bookmark(conn, claim, article)
    conn.close()
    return article_ids


@pytest.fixture(scope="session")
def _seed_template(tmp_path_factory):  # type: ignore[no-untyped-def]
    directory = tmp_path_factory.mktemp("seed")
    return directory, build_seed_cache(directory)


@pytest.fixture
def seed_cache(_seed_template, tmp_path):  # type: ignore[no-untyped-def]
    """A fresh copy of the seeded cache: (directory with feeds.toml and cache/, article ids)."""
    import shutil

    directory, ids = _seed_template
    target = tmp_path / "seed"
    shutil.copytree(directory, target)
    return target, ids


def build_seed_app(directory, **kwargs):  # type: ignore[no-untyped-def]
    """The real app on a seeded cache, with its clock frozen at SEED_NOW and no refresh."""
    kwargs.setdefault("now", SEED_NOW)
    kwargs.setdefault("auto_refresh", False)
    return build_app(directory / "feeds.toml", directory / "cache", **kwargs)


# ── a cache with stories across outlets (tests/story_seed.py) ───────────────────────────────


@pytest.fixture(scope="session")
def _story_template(tmp_path_factory):  # type: ignore[no-untyped-def]
    from tests.story_seed import build_story_cache

    directory = tmp_path_factory.mktemp("stories")
    return directory, build_story_cache(directory)


@pytest.fixture
def story_cache(_story_template, tmp_path):  # type: ignore[no-untyped-def]
    """A fresh copy of the stories cache: (directory with feeds.toml and cache/, article ids)."""
    import shutil

    directory, ids = _story_template
    target = tmp_path / "stories"
    shutil.copytree(directory, target)
    return target, ids


@pytest.fixture(scope="session")
def find():  # type: ignore[no-untyped-def]
    """The claims the real analyzer finds in a text (model, entity rules, claims finder), as
    the analysis runs them: the claims tests read this one. A test module may define its own."""
    from tui.pipeline.analyze import claims, entities, model

    nlp = model.get_nlp()

    def run(text: str):  # type: ignore[no-untyped-def]
        doc = nlp(text)
        return claims.find_claims(doc, entities.find_entities(doc, text))

    return run
