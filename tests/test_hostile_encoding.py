"""Class 7: mislabelled and odd encodings give readable text, never mojibake, never NUL.

Feeds go through `parse_feed` (bytes and the HTTP headers, as from the network); pages through
`tui.pipeline.extract.extract`. Each case states the bytes, the label, and the text a reader
should see. Before `tui.pipeline.parse.prep`, a UTF-16 feed without byte-order mark or declaration
was refused as not well-formed, and one stray Latin-1 byte turned a whole UTF-8 feed into
Windows-1252 mojibake ("Ð—Ð°Ð¿"); the other cases guard what feedparser already got right.
"""

from __future__ import annotations

import pytest

from tests.hostile.payloads import rss
from tui.pipeline.extract import extract
from tui.pipeline.parse import parse_feed

PHRASE = "Zaporizhzhia – Запоріжжя: “the café is open”, officials said"
LATIN = "Défense: « la gare est fermée », a dit le préfet"
CYRILLIC = "Запорожье: вокзал закрыт, заявил губернатор"
MOJIBAKE = ("Ã", "â€", "Ð", "Ñ", "\x00", "\ufffd\ufffd")


def feed_bytes(title: str, encoding: str, declared: str | None = None) -> bytes:
    body = rss(
        [{"title": title, "description": f"<p>{title}</p>", "guid": "1"}],
        title=title,
        encoding=declared or encoding,
    ).decode(declared or encoding)
    return body.encode(encoding)


def assert_readable(text: str, expected: str) -> None:
    assert text == expected
    assert not any(mark in text for mark in MOJIBAKE), text


FEED_CASES = {
    "utf-8 labelled iso-8859-1 by http": (
        feed_bytes(PHRASE, "utf-8"),
        {"content-type": "text/xml; charset=iso-8859-1"},
        PHRASE,
    ),
    "utf-8 labelled iso-8859-1 in the xml declaration": (
        PHRASE.join(feed_bytes("@", "utf-8").decode().split("@"))
        .replace('encoding="utf-8"', 'encoding="iso-8859-1"')
        .encode(),
        {"content-type": "application/rss+xml"},
        PHRASE,
    ),
    "latin-1 labelled utf-8 by http": (
        feed_bytes(LATIN, "latin-1", "utf-8"),
        {"content-type": "application/rss+xml; charset=utf-8"},
        LATIN,
    ),
    "windows-1252 quotes without a label": (
        feed_bytes("“Défense” – café", "cp1252", "utf-8"),
        {},
        "“Défense” – café",
    ),
    "utf-16-le without bom": (feed_bytes(PHRASE, "utf-16-le", "utf-16"), {}, PHRASE),
    "utf-16-be without bom or declaration": (
        feed_bytes(PHRASE, "utf-8").decode().split("?>", 1)[1].encode("utf-16-be"),
        {"content-type": "application/xml"},
        PHRASE,
    ),
    "utf-32 with bom": (feed_bytes(PHRASE, "utf-32", "utf-32"), {}, PHRASE),
    "windows-1251 labelled by http": (
        feed_bytes(CYRILLIC, "cp1251", "windows-1251"),
        {"content-type": "text/xml; charset=windows-1251"},
        CYRILLIC,
    ),
    "koi8-u labelled in the declaration": (feed_bytes(CYRILLIC, "koi8-u"), {}, CYRILLIC),
}


@pytest.mark.parametrize("case", list(FEED_CASES))
def test_feed_text_is_readable(case: str) -> None:
    body, headers, expected = FEED_CASES[case]
    feed = parse_feed(body, "https://wire.example/feed", headers)
    assert_readable(feed.title, expected)
    assert_readable(feed.entries[0].title, expected)
    assert_readable(feed.entries[0].summary, expected)


def test_a_stray_latin1_byte_does_not_turn_a_utf8_feed_into_mojibake() -> None:
    body = feed_bytes(PHRASE + " café", "utf-8").replace("café".encode(), b"caf\xe9", 1)
    feed = parse_feed(body, "https://wire.example/feed", {"content-type": "application/xml"})
    assert "Запоріжжя" in feed.entries[0].title and "“the café is open”" in feed.entries[0].title
    assert not any(mark in feed.title for mark in ("Ã", "â€", "Ð"))


def test_nul_bytes_never_reach_the_text() -> None:
    body = feed_bytes("Kyiv\x00 desk", "utf-8")
    feed = parse_feed(body, "https://wire.example/feed")
    assert feed.entries and all("\x00" not in e.title + e.summary for e in feed.entries)


STORY = (
    "Officials in Запоріжжя said the café near the station would reopen on Monday, "
    "after engineers checked the roof and the power lines that were damaged overnight. "
    "“We will open the doors at nine,” the manager told reporters, adding that trains "
    "would resume on the southern line by the end of the week."
)
LATIN_STORY = (
    "Le préfet a déclaré que la gare resterait fermée jusqu'à vendredi, après les dégâts "
    "causés par la tempête. « Nous rouvrirons dès que la sécurité sera assurée », a-t-il "
    "ajouté devant la presse réunie à l'hôtel de ville, où les élus attendaient des réponses."
)


def page(text: str, meta: str = "") -> str:
    head = f'<meta charset="{meta}">' if meta else ""
    return (
        f"<html><head>{head}<title>Station</title></head><body><article><h1>Station</h1>"
        f"<p>{text}</p></article></body></html>"
    )


PAGE_CASES = {
    "utf-8 labelled iso-8859-1 by http, meta says utf-8": (
        page(STORY, "utf-8").encode(),
        {"content-type": "text/html; charset=iso-8859-1"},
        STORY,
    ),
    "utf-8 labelled windows-1252 by meta, no http charset": (
        page(STORY, "windows-1252").encode(),
        {"content-type": "text/html"},
        STORY,
    ),
    "windows-1252 labelled utf-8 by http": (
        page(LATIN_STORY).encode("cp1252"),
        {"content-type": "text/html; charset=utf-8"},
        LATIN_STORY,
    ),
    "latin-1 without any label": (page(LATIN_STORY).encode("latin-1"), {}, LATIN_STORY),
    "utf-16-le without bom or label": (page(STORY).encode("utf-16-le"), {}, STORY),
    "utf-16-be without bom or label": (page(STORY).encode("utf-16-be"), {}, STORY),
}


@pytest.mark.parametrize("case", list(PAGE_CASES))
def test_page_text_is_readable(case: str) -> None:
    body, headers, expected = PAGE_CASES[case]
    article = extract(body, "https://wire.example/story", headers)
    assert_readable(article.text, expected)


def test_page_with_a_few_invalid_utf8_bytes_stays_utf8() -> None:
    body = page(STORY, "utf-8").encode().replace("café".encode(), b"caf\xe9", 1)
    article = extract(body, "https://wire.example/story", {"content-type": "text/html"})
    assert "Запоріжжя" in article.text and "“We will open the doors at nine,”" in article.text
    assert "\x00" not in article.text and not any(m in article.text for m in ("Ã", "â€", "Ð"))
