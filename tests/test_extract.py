"""Reading text, metadata and encodings on fixture pages we wrote, trafilatura-style.

Each page under tests/fixtures/extract/ comes with snippets the reading text must and must not
contain (expectations.json next to them). The demo pages of both demo outlets get the same
treatment from tests/fixtures/demo_expectations.json (keys are paths under tui/demo/).
"""

from __future__ import annotations

import codecs
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.core.errors import ExtractError
from tui.core.sanitize import has_controls
from tui.pipeline.extract import extract, reading_text
from tui.pipeline.extract.consent import is_consent_text
from tui.pipeline.extract.credit import clean_byline, strip_credit
from tui.pipeline.extract.encoding import decode_html
from tui.pipeline.extract.meta import parse_time
from tui.pipeline.extract.rules import is_boilerplate, is_section_label

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "extract"
EXPECTATIONS = json.loads((FIXTURES / "expectations.json").read_text(encoding="utf-8"))
DEMO = ROOT / "tui" / "demo"
DEMO_EXPECTATIONS = ROOT / "tests" / "fixtures" / "demo_expectations.json"


def _check_article(name: str, expected: dict, body: bytes, headers: dict | None = None) -> None:
    url = f"https://example.invalid/{name}"
    if expected.get("error"):
        with pytest.raises(ExtractError):
            extract(body, url, headers)
        return
    article = extract(body, url, headers)
    assert article.url == article.final_url == url
    assert article.text == "\n\n".join(article.paragraphs)
    assert all(p and "\n" not in p for p in article.paragraphs)
    assert not has_controls(article.text) and "\x00" not in article.text
    for snippet in expected.get("must_contain", []):
        assert snippet in article.text, f"{name}: missing {snippet!r}"
    for snippet in expected.get("must_not_contain", []):
        assert snippet not in article.text, f"{name}: leaked {snippet!r}"
    for field in ("title", "byline", "lead_caption"):
        if field in expected:
            assert getattr(article, field) == expected[field], f"{name}: {field}"
    if expected.get("lead_caption"):
        assert expected["lead_caption"] not in article.text
    if "published" in expected:
        want = parse_time(expected["published"]) if expected["published"] else None
        assert article.published == want, f"{name}: published"
        assert article.published is None or article.published.tzinfo == UTC


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_fixture_page(name: str) -> None:
    expected = EXPECTATIONS[name]
    _check_article(name, expected, (FIXTURES / name).read_bytes(), expected.get("headers"))


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTATIONS.items() if not e.get("error")))
def test_reading_text_matches_extract(name: str) -> None:
    """The benchmark's entry point gives the same text as the full extraction."""
    body = (FIXTURES / name).read_bytes()
    headers = EXPECTATIONS[name].get("headers")
    url = f"https://example.invalid/{name}"
    assert reading_text(decode_html(body, headers)) == extract(body, url, headers).text


def test_enough_fixture_pages() -> None:
    guards = [n for n in EXPECTATIONS if n.startswith(("about_gdpr", "cookie_court", "privacy_"))]
    assert len(EXPECTATIONS) >= 20 and len(guards) >= 3


def _demo_cases() -> list[tuple[str, dict]]:
    """Read at collection: a deleted expectations file fails the run here, never skips."""
    data = json.loads(DEMO_EXPECTATIONS.read_text(encoding="utf-8"))
    return sorted(data.items())


def test_every_demo_page_has_expectations() -> None:
    pages = {p.relative_to(DEMO).as_posix() for p in DEMO.rglob("*.html")}
    assert len(pages) >= 16 and pages == {name for name, _ in _demo_cases()}


@pytest.mark.parametrize("name,expected", _demo_cases())
def test_demo_page(name: str, expected: dict) -> None:
    path = DEMO / name
    assert path.exists(), f"demo expectations name a page that does not exist: {name}"
    _check_article(name, expected, path.read_bytes())


# ---------------------------------------------------------------------------- extraction edges


def test_control_characters_and_escapes_are_stripped() -> None:
    para = (
        "The convoy \x1b[31mreached\x1b[0m the town\x07 after a long delay on the \x9bmain road. "
    )
    html = f"<html><body><article><p>{para * 3}</p><p>{para * 2}</p></article></body></html>"
    article = extract(html, "https://example.invalid/x")
    assert "\x1b" not in article.text and "\x07" not in article.text and "\x9b" not in article.text
    assert "reached" in article.text


def test_almost_no_text_raises() -> None:
    with pytest.raises(ExtractError):
        extract("<html><body><p>Just a teaser line.</p></body></html>", "https://example.invalid/")
    with pytest.raises(ExtractError):
        extract(b"", "https://example.invalid/")


@pytest.mark.parametrize("junk", ["", "   ", "\x00\x00", "<html></html>", "plain words only"])
def test_reading_text_never_raises_on_junk(junk: str) -> None:
    assert isinstance(reading_text(junk), str)


def test_huge_single_line_page_returns() -> None:
    page = "<html><body><p>" + "word " * 2_000_000 + "</p></body></html>"
    assert isinstance(reading_text(page), str)


def test_xml_declaration_with_encoding_is_accepted() -> None:
    para = (
        "<p>" + "The ministry confirmed the figures in a statement on Monday evening. " * 3 + "</p>"
    )
    html = f"<?xml version='1.0' encoding='utf-8'?><html><body><div>{para * 2}</div></body></html>"
    assert "ministry confirmed" in reading_text(html)


# ---------------------------------------------------------------------------- consent guards


@pytest.mark.parametrize(
    "text",
    [
        "This website uses cookies to improve your experience. Accept Read More",
        "We value your privacy. We and our partners store and/or access information on a device.",
        "By continuing to browse the site you are agreeing to our use of cookies.",
        "We use cookies to enhance your browsing experience. Customise Reject All Accept All",
    ],
)
def test_consent_notices_are_recognised(text: str) -> None:
    assert is_consent_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "“We accept the ruling and will change our cookie banner,” the company said.",
        "Under the GDPR, websites must obtain consent before setting non-essential cookies.",
        "You can withdraw your consent at any time, and websites must make refusing cookies easy.",
        "Both sides accept that the exchange could go ahead, officials said.",
        "The bakery on the square sold four hundred cookies on Saturday morning.",
    ],
)
def test_prose_about_consent_is_kept(text: str) -> None:
    assert not is_consent_text(text)


# ---------------------------------------------------------------------------- paragraph rules


@pytest.mark.parametrize(
    "text",
    [
        "Advertisement",
        "Story continues below advertisement",
        "Read more: How prisoner exchanges are negotiated",
        "Share on Facebook Twitter Email",
        "Follow us on Telegram for the latest updates from the front.",
        "Photo: Mykola Sydorenko/AP",
        "Updated 6:42 a.m., Thursday, October 8, 2026",
        "By Olha Marchenko and Jan Novak, Associated Press",
        "(Reporting by Olha Marchenko; Editing by Jan Novak)",
        "14 comments",
    ],
)
def test_furniture_lines_are_recognised(text: str) -> None:
    assert is_boilerplate(text)


@pytest.mark.parametrize(
    "text",
    [
        "Millions follow the president on Telegram, where he posts a video every evening.",
        "Updated figures on the number of displaced people will be released on Monday.",
        "November 20, 2019 was the day the offensive began, officers recalled.",
        "By the end of the morning, firefighters had put out the blaze.",
        "She was a journalist who covered the war in Chechnya until her death in 2006.",
        "The photo agency said its photographer had been detained at the checkpoint for hours.",
    ],
)
def test_prose_is_not_mistaken_for_furniture(text: str) -> None:
    assert not is_boilerplate(text)


def test_author_bio_is_dropped_only_at_the_end() -> None:
    story = "The brigade withdrew from the village after a week of fighting, officers said. " * 3
    bio = "Anna Kovalenko was a journalist who covered the front for the regional paper."
    html = f"<html><body><article><p>{story}</p><p>{bio}</p><p>{story}</p><p>{bio}</p></article>"
    text = reading_text(html + "</body></html>")
    assert text.count(bio) == 1 and text.index(bio) < text.rindex("officers said")


@pytest.mark.parametrize(
    "text,label",
    [
        ("Related stories", True),
        ("You may also like", True),
        ("More on this story", True),
        ("Latest news", True),
        ("Comments", True),
        ("Leia também", True),
        ("More fighting in the east", False),
        ("Most of the dead were civilians", False),
        ("What happened next", False),
    ],
)
def test_section_labels(text: str, label: bool) -> None:
    assert is_section_label(text) is label


@pytest.mark.parametrize(
    "caption,clean",
    [
        ("Rescuers at the market. (Photo: Anna Petrenko/Reuters)", "Rescuers at the market."),
        (
            "Rescuers at the market. Photograph: Anna Petrenko/AFP via Getty Images",
            "Rescuers at the market.",
        ),
        ("A ferry at the jetty. — Reuters", "A ferry at the jetty."),
        ("Aid trucks wait on Friday.Credit...Hani Jaber/AP", "Aid trucks wait on Friday."),
        ("A carrier off Hodeidah. (file photo)", "A carrier off Hodeidah."),
        ("Soldiers near the village of Via (left)", "Soldiers near the village of Via (left)"),
    ],
)
def test_lead_caption_credit_is_stripped(caption: str, clean: str) -> None:
    assert strip_credit(caption) == clean


@pytest.mark.parametrize(
    "raw,name",
    [
        ("By Patrick Mwamba, Central Africa correspondent", "Patrick Mwamba"),
        ("Daniel Whitcombe Staff Reporter", "Daniel Whitcombe"),
        ("By Jane Doe | May 14, 2026", "Jane Doe"),
        ("By Jane Editor", "Jane Editor"),
    ],
)
def test_byline_role_is_dropped(raw: str, name: str) -> None:
    assert clean_byline(raw) == name


# ---------------------------------------------------------------------------- encodings and times


def test_decode_prefers_bom() -> None:
    assert (
        decode_html(
            codecs.BOM_UTF8 + "Café".encode(), {"content-type": "text/html; charset=koi8-r"}
        )
        == "Café"
    )
    assert decode_html(codecs.BOM_UTF16_LE + "Kyiv".encode("utf-16-le")) == "Kyiv"


def test_decode_follows_http_then_meta() -> None:
    body = "<meta charset='utf-8'><p>Привет</p>".encode("koi8-r")
    assert "Привет" in decode_html(body, {"Content-Type": "text/html; charset=KOI8-R"})
    meta = "<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'><p>Привет</p>"
    assert "Привет" in decode_html(meta.encode("cp1251"))


def test_decode_survives_wrong_labels() -> None:
    text = "<p>Café “quotes” — naïve</p>"
    assert (
        decode_html(text.encode("utf-8"), {"content-type": "text/html; charset=iso-8859-1"}) == text
    )
    assert decode_html(("<meta charset=utf-8>" + text).encode("cp1252")).endswith(text)
    assert decode_html(text.encode("utf-16-be")) == text


def test_decode_repairs_double_encoding_and_drops_nul() -> None:
    mangled = "Kharkiv’s mayor".encode().decode("cp1252").encode()
    assert decode_html(mangled) == "Kharkiv’s mayor"
    assert "\x00" not in decode_html(b"<p>a\x00b</p>")


def test_decode_detects_undeclared_legacy_text() -> None:
    body = ("<p>" + "Сводка с фронта: обстрелы продолжались всю ночь. " * 10 + "</p>").encode(
        "cp1251"
    )
    assert "обстрелы" in decode_html(body)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2026-05-14T06:30:00+03:00", datetime(2026, 5, 14, 3, 30, tzinfo=UTC)),
        ("2026-05-14T06:30:00Z", datetime(2026, 5, 14, 6, 30, tzinfo=UTC)),
        ("2026-05-14", datetime(2026, 5, 14, tzinfo=UTC)),
        ("Thu, 14 May 2026 06:30:00 GMT", datetime(2026, 5, 14, 6, 30, tzinfo=UTC)),
        ("2026-05-14T06:30:00.000+0000", datetime(2026, 5, 14, 6, 30, tzinfo=UTC)),
        ("yesterday", None),
        ("0001-01-01T00:00:00", None),
        ("", None),
    ],
)
def test_parse_time(value: str, expected: datetime | None) -> None:
    assert parse_time(value) == expected


def test_readability_gives_a_second_opinion_when_our_scorer_finds_too_little() -> None:
    """A story half of whose words are one long link: our scorer discounts linked text and
    finds nothing; readability-lxml's main block holds it, and our cleaner still runs on it."""
    from tui.pipeline.extract.body import find_story, read_blocks
    from tui.pipeline.extract.dom import parse_html, prune

    sentences = " ".join(f"Sentence {i} of the report says the convoy reached the crossing."
                         for i in range(6))
    html = (f'<html><body><div><a href="/x">{sentences}</a> {sentences}</div>'
            "<div class='share-bar'>Share on X</div></body></html>")
    root = parse_html(html)
    assert root is not None
    prune(root)
    assert find_story(root, read_blocks(root)) == []  # our scorer alone gives up here
    article = extract(html, "https://x.example/a")
    assert article.text.count("convoy reached the crossing") == 12
    assert "Share on X" not in article.text
