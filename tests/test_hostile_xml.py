"""Class 3, XML attacks: entity expansion stays small, external entities read nothing.

Each attack is parsed in a child process with a deadline (tests/hostile/isolate.py) that also
reports memory growth. Before `tui.pipeline.parse.prep`, the quadratic blow-up ran four minutes in
6 GB (feedparser keeps "safe-looking" DOCTYPE entities for its loose parser, which expands them
without limit) and a one-line billion-laughs DOCTYPE cost seconds and ~50 MB in expat.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile import payloads
from tests.hostile.isolate import run_isolated
from tests.server import LocalServer
from tui.core.models import ParsedFeed
from tui.pipeline.parse import parse_feed
from tui.pipeline.parse.prep import defuse_doctype
from tui.service.feeds import parse_feed_list

SMALL = 16 * 2**20  # bytes of memory growth a defused document may cost


def strings(feed: ParsedFeed) -> list[str]:
    values = [feed.title, feed.link, feed.warning]
    for entry in feed.entries:
        values += [entry.title, entry.summary, entry.link, entry.guid, entry.author]
    return values


def parse(body: bytes, headers: dict[str, str] | None = None) -> tuple[ParsedFeed, int]:
    return run_isolated(parse_feed, body, "https://wire.example/feed", headers or {})


@pytest.mark.parametrize("one_line", [False, True], ids=["multi-line", "one-line"])
def test_billion_laughs_is_not_expanded(one_line: bool) -> None:
    feed, grew = parse(payloads.billion_laughs(one_line=one_line))
    assert grew < SMALL
    assert sum(len(s) for s in strings(feed)) < 10_000
    assert "lollollol" not in "".join(strings(feed))


@pytest.mark.parametrize("one_line", [False, True], ids=["multi-line", "one-line"])
@pytest.mark.parametrize("ill_formed", [True, False], ids=["ill-formed", "well-formed"])
def test_quadratic_blowup_is_not_expanded(one_line: bool, ill_formed: bool) -> None:
    body = payloads.quadratic_blowup(one_line=one_line, ill_formed=ill_formed)
    feed, grew = parse(body)
    assert grew < SMALL
    assert sum(len(s) for s in strings(feed)) < 2 * len(body)  # not 2 GB
    assert "A" * 1000 not in "".join(strings(feed))


def test_entity_hidden_in_a_comment_is_not_expanded() -> None:
    feed, grew = parse(payloads.entity_hidden_in_comment())
    assert grew < SMALL
    assert "A" * 1000 not in "".join(strings(feed))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_attack_in_a_wide_encoding_is_defused_too(encoding: str) -> None:
    body = (
        payloads.quadratic_blowup()
        .decode()
        .replace('version="1.0"?>', f'version="1.0" encoding="{encoding}"?>')
    )
    feed, grew = parse(body.encode(encoding))
    assert grew < SMALL
    assert "A" * 1000 not in "".join(strings(feed))


@pytest.mark.parametrize("parameter", [False, True], ids=["general", "parameter"])
def test_external_file_entity_reads_no_file(tmp_path: Path, parameter: bool) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    feed, _ = parse(payloads.external_entity(secret.as_uri(), parameter=parameter))
    assert "TOP-SECRET" not in "".join(strings(feed))
    assert feed.entries  # still a feed


@pytest.mark.parametrize("kind", ["general", "parameter", "dtd"])
def test_external_http_entity_makes_no_request(http_server: LocalServer, kind: str) -> None:
    http_server.add("/evil.dtd", b'<!ENTITY ent "FROM-THE-NETWORK">', "application/xml-dtd")
    http_server.add("/evil.txt", b"FROM-THE-NETWORK", "text/plain")
    if kind == "dtd":
        body = payloads.external_dtd(http_server.url("/evil.dtd"))
    else:
        target = "/evil.dtd" if kind == "parameter" else "/evil.txt"
        body = payloads.external_entity(http_server.url(target), parameter=kind == "parameter")
    feed, _ = parse(body)
    assert "FROM-THE-NETWORK" not in "".join(strings(feed))
    assert http_server.requests == []


def test_legitimate_small_entities_still_work() -> None:
    body = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY copy "&#169;">\n'
        b'<!ENTITY desk "Kyiv desk">\n]>\n<rss version="2.0"><channel><title>&desk; &copy;</title>'
        b"<item><title>From the &desk;</title></item></channel></rss>"
    )
    feed = parse_feed(body, "https://wire.example/feed")
    assert feed.title == "Kyiv desk \u00a9"
    assert feed.entries[0].title == "From the Kyiv desk"


def test_defused_prolog_keeps_line_numbers_and_the_netscape_doctype() -> None:
    body = (
        b'<?xml version="1.0"?>\n<!-- a\ncomment -->\n<!DOCTYPE rss PUBLIC '
        b'"-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"/>'
    )
    defused = defuse_doctype(body)
    assert defused.count(b"\n") == body.count(b"\n")
    assert b"Netscape Communications" in defused and b"comment" not in defused


def opml_laughs() -> bytes:
    decls = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE opml [{decls}]><opml><body>'
        '<outline text="&l9;" xmlUrl="https://a.example/rss"/></body></opml>'
    ).encode()


def test_opml_billion_laughs_stays_small() -> None:
    specs, grew = run_isolated(parse_feed_list, opml_laughs())
    assert grew < SMALL
    assert all(len(spec.name) < 10_000 for spec in specs)  # libxml2 refuses the amplification


def test_opml_external_entity_reads_no_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    attack = (
        f'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        '<opml><body><outline text="&x;" title="t &x;" xmlUrl="https://a.example/rss"/>'
        "</body></opml>"
    ).encode()
    specs, _ = run_isolated(parse_feed_list, attack)
    assert "TOP-SECRET" not in repr(specs)
