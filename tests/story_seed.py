"""A cache with stories across outlets, for the stories view and the story screen.

Our own invented wire copy (four made-up outlets; the places and the governor are real names,
the events and tolls are not), stored with hand-made analyses through the store's own
functions, then filed into stories by the real grouping (`tui.service.stories.file_all`): the
ledger, contradictions and figures are the pipeline's own. The analyses are written by hand so
the screens' snapshots do not move when the analyzer improves; tests/test_app_stories.py also
runs the real analyzer on dev-set articles.

Dates are fixed relative to SEED_NOW (the app's frozen clock in tests).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.conftest import SEED_NOW

OUTLETS = ["Meridian Wire", "Northline News", "Frontier Ledger", "Capital Dispatch"]
# key: (outlet, title, hours ago, paragraphs, claims, entities)
# claims: (sentence start, source, cue, status, content); entities: (name, type)
STORY_ARTICLES = {
    "z-meridian": (0, "Missile strike on Zaporizhzhia market kills 23, governor says", 9, [
        "A Russian missile struck a crowded market in Zaporizhzhia on Saturday morning, "
        "killing 23 people, regional governor Ivan Fedorov said.",
        "Russia's defence ministry denied striking the market in Zaporizhzhia.",
        "Rescuers were still searching the rubble of the market hall by midday."],
        [("A Russian missile", "regional governor Ivan Fedorov", "said", "claimed",
          "A Russian missile struck a crowded market in Zaporizhzhia on Saturday morning, "
          "killing 23 people"),
         ("Russia's defence ministry denied", "Russia's defence ministry", "denied", "denied",
          "striking the market in Zaporizhzhia")],
        [("Ivan Fedorov", "PERSON"), ("Zaporizhzhia", "PLACE"), ("Russia", "PLACE")]),
    "z-northline": (1, "Zaporizhzhia market strike: local official puts toll at 27", 7, [
        "A local official told Northline News that 27 people were killed when a missile hit "
        "the central market in Zaporizhzhia.",
        "Governor Ivan Fedorov said the missile struck the market as shoppers queued for "
        "bread."],
        [("A local official", "A local official", "told", "claimed",
          "27 people were killed when a missile hit the central market in Zaporizhzhia"),
         ("Governor Ivan Fedorov", "Governor Ivan Fedorov", "said", "claimed",
          "the missile struck the market as shoppers queued for bread")],
        [("Ivan Fedorov", "PERSON"), ("Zaporizhzhia", "PLACE"), ("Northline News", "ORG")]),
    "z-frontier": (2, "Moscow says Zaporizhzhia strike hit an ammunition depot, not a market", 5, [
        "Russia's defence ministry said its missile destroyed an ammunition depot in "
        "Zaporizhzhia.",
        "Residents said the strike hit the market and that most of the dead were shoppers."],
        [("Russia's defence ministry said", "Russia's defence ministry", "said", "disputed",
          "its missile destroyed an ammunition depot in Zaporizhzhia"),
         ("Residents said", "Residents", "said", "claimed",
          "the strike hit the market and that most of the dead were shoppers")],
        [("Zaporizhzhia", "PLACE"), ("Russia", "PLACE")]),
    "z-capital": (3, "Zaporizhzhia mourns market strike victims as Kremlin denies targeting "
                  "civilians", 2, [
        "The Kremlin denied that Russian forces had struck the market in Zaporizhzhia.",
        "Regional governor Ivan Fedorov said 23 people were killed and 41 wounded in the strike "
        "on the market."],
        [("The Kremlin denied", "The Kremlin", "denied", "denied",
          "Russian forces had struck the market in Zaporizhzhia"),
         ("Regional governor Ivan Fedorov", "Regional governor Ivan Fedorov", "said", "claimed",
          "23 people were killed and 41 wounded in the strike on the market")],
        [("Ivan Fedorov", "PERSON"), ("Zaporizhzhia", "PLACE"), ("Kremlin", "ORG")]),
    "n-meridian": (0, "Russia says it captured Novoselivka near Pokrovsk", 30, [
        "Russia's defence ministry said its troops had captured the village of Novoselivka "
        "near Pokrovsk.",
        "Ukraine's General Staff denied the claim and said its units were holding their "
        "positions in Novoselivka."],
        [("Russia's defence ministry said", "Russia's defence ministry", "said", "claimed",
          "its troops had captured the village of Novoselivka near Pokrovsk"),
         ("Ukraine's General Staff denied", "Ukraine's General Staff", "denied", "denied",
          "the claim and said its units were holding their positions in Novoselivka")],
        [("Novoselivka", "PLACE"), ("Pokrovsk", "PLACE"), ("Russia", "PLACE"),
         ("Ukraine", "PLACE")]),
    "n-northline": (1, "Kyiv denies loss of Novoselivka as fighting continues near Pokrovsk", 27, [
        "Ukraine's General Staff said its forces still held Novoselivka and had repelled four "
        "assaults near Pokrovsk.",
        "Moscow said Russian units had seized Novoselivka on Sunday."],
        [("Ukraine's General Staff said", "Ukraine's General Staff", "said", "claimed",
          "its forces still held Novoselivka and had repelled four assaults near Pokrovsk"),
         ("Moscow said", "Moscow", "said", "claimed",
          "Russian units had seized Novoselivka on Sunday")],
        [("Novoselivka", "PLACE"), ("Pokrovsk", "PLACE"), ("Ukraine", "PLACE"),
         ("Moscow", "PLACE")]),
    "k-frontier": (2, "Drone attack cuts power to 30,000 homes in Kharkiv", 70, [
        "Mayor Ihor Terekhov said a drone struck a substation in Kharkiv overnight, cutting "
        "power to 30,000 homes."],
        [("Mayor Ihor Terekhov", "Mayor Ihor Terekhov", "said", "claimed",
          "a drone struck a substation in Kharkiv overnight, cutting power to 30,000 homes")],
        [("Ihor Terekhov", "PERSON"), ("Kharkiv", "PLACE")]),
    "k-capital": (3, "Kharkiv substation hit by drone, 30,000 homes without power", 66, [
        "A drone hit a substation in Kharkiv overnight and 30,000 homes lost power, Mayor Ihor "
        "Terekhov said."],
        [("A drone hit", "Mayor Ihor Terekhov", "said", "claimed",
          "A drone hit a substation in Kharkiv overnight and 30,000 homes lost power")],
        [("Ihor Terekhov", "PERSON"), ("Kharkiv", "PLACE")]),
    "d-capital": (3, "Ceasefire talks resume in Doha", 50, [
        "Negotiators met in Doha for six hours on Sunday and will meet again next week."],
        [], [("Doha", "PLACE")]),
}
STORY_OF = {  # the stories the grouping is expected to make (checked by the tests)
    "zaporizhzhia": ("z-meridian", "z-northline", "z-frontier", "z-capital"),
    "novoselivka": ("n-meridian", "n-northline"),
    "kharkiv": ("k-frontier", "k-capital"),
    "doha": ("d-capital",),
}


def _analysis(text: str, claims: list, entities: list):  # type: ignore[no-untyped-def]
    from tui.core.models import Analysis, Claim, Entity

    found = []
    for start_text, source, cue, status, content in claims:
        start = text.index(start_text)
        end = text.index(".", text.index(content, start) + len(content)) + 1
        s_start = text.index(source, start)
        c_start = text.index(cue, start)
        content_start = text.index(content, start)
        found.append(Claim(start, end, text[start:end], source, s_start, s_start + len(source),
                           cue, c_start, c_start + len(cue), content_start,
                           content_start + len(content), "reported", status))
    mentions = []
    for name, kind in entities:
        spans, at = [], text.find(name)
        while at >= 0:
            spans.append((at, at + len(name)))
            at = text.find(name, at + 1)
        if spans:
            mentions.append(Entity(name, kind, tuple(spans)))
    return Analysis(tuple(found), tuple(mentions), bool(found), "seed")


def build_story_cache(directory: Path, *, file: bool = True) -> dict[str, int]:
    """feeds.toml + cache/sitrep.db in *directory*, stories filed unless *file* is False;
    {article key: article id}."""
    from tui.core.models import Article, Entry
    from tui.service.stories import file_all
    from tui.store import schema, store

    urls = [f"http://127.0.0.1:9/{name.split()[0].lower()}.xml" for name in OUTLETS]
    lines = ["[settings]", "refresh_minutes = 0", "retention_days = 0", ""]
    for name, url in zip(OUTLETS, urls, strict=True):
        lines += ["[[feed]]", f'name = "{name}"', f'url = "{url}"', 'tags = ["ukraine"]', ""]
    (directory / "feeds.toml").write_text("\n".join(lines), encoding="utf-8")
    conn = schema.connect(directory / "cache" / "sitrep.db")
    feed_ids = store.sync_feeds(conn, [(u, n, ("ukraine",)) for n, u in zip(OUTLETS, urls,
                                                                             strict=True)])
    ids = {}
    for key, (outlet, title, hours, paragraphs, claims, entities) in STORY_ARTICLES.items():
        url = f"https://{OUTLETS[outlet].split()[0].lower()}.invalid/{key}"
        entry = Entry(f"story-{key}", url, title, published=SEED_NOW - timedelta(hours=hours),
                      summary=paragraphs[0])
        store.save_entries(conn, feed_ids[urls[outlet]], [entry], full_text=True)
        article_id = conn.execute("SELECT id FROM articles WHERE guid = ?",
                                  (f"story-{key}",)).fetchone()[0]
        text = "\n\n".join(paragraphs)
        store.save_analysis(conn, article_id, Article(url, text, title=title, byline="Staff"),
                            _analysis(text, claims, entities))
        ids[key] = article_id
    with conn:
        conn.execute("UPDATE feeds SET last_checked = ?, last_ok = ?",
                     (SEED_NOW.isoformat(), SEED_NOW.isoformat()))
    if file:
        file_all(conn)
    conn.close()
    return ids
