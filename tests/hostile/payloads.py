"""Builders for hostile input, so each test states what it sends in one readable call.

Everything here is written for these tests: feeds that carry Rich/Textual markup and terminal
escape sequences, XML entity attacks, mislabelled encodings and pathological pages. Bodies are
built in code rather than stored because most are large or binary.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

# Markup that Rich/Textual would interpret if web text ever reached a markup parser.
MARKUP = (
    "[bold]Bold claim[/bold]",
    "stray [/] closer",
    "[link=file:///etc/passwd]local file[/link]",
    "[@click=app.quit]Click to quit[/]",
    "[red on blue][b][i]nested [[brackets]] \\[escaped][/i][/b][/]",
)
# Terminal control sequences: OSC 52 clipboard, OSC 8 link, OSC 0 title, CSI clear and cursor
# report, a DCS string, 8-bit C1 CSI and OSC, then BEL, NUL, DEL, BS, VT, FF and ESC ( B.
CONTROLS = (
    "\x1b]52;c;cm0gLXJmIH4=\x07",
    "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\",
    "\x1b]0;pwned title\x07",
    "\x1b[2J\x1b[H\x1b[6n",
    "\x1bP+q544e\x1b\\",
    "\x9b31m\x9d0;c1 title\x9c",
    "\x07\x00\x7f\x08\x0b\x0c\x1b(B",
)


def rss(items: list[dict[str, str]], title: str = "Hostile wire", encoding: str = "utf-8") -> bytes:
    """An RSS 2.0 feed; item keys: title, link, guid, description (all escaped as text)."""
    parts = [
        f'<?xml version="1.0" encoding="{encoding}"?>',
        '<rss version="2.0"><channel>',
        f"<title>{escape(title)}</title><link>https://wire.example/</link>",
    ]
    for item in items:
        parts.append("<item>")
        for key in ("title", "link", "guid", "description", "author"):
            if key in item:
                parts.append(f"<{key}>{escape(item[key])}</{key}>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "\n".join(parts).encode(encoding, errors="xmlcharrefreplace")


def billion_laughs(one_line: bool = False, depth: int = 10) -> bytes:
    """Nested entities, each ten of the previous one: 10**depth copies of "lol" if expanded."""
    sep = "" if one_line else "\n"
    decls = ['<!ENTITY lol0 "lol">']
    decls += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, depth)]
    body = (
        f'<?xml version="1.0"?>{sep}<!DOCTYPE rss [{sep}{sep.join(decls)}{sep}]>{sep}'
        f'<rss version="2.0"><channel><title>Laughs &lol{depth - 1};</title>'
        f"<item><title>t &lol{depth - 1};</title><description>&lol{depth - 1};</description>"
        "</item></channel></rss>"
    )
    return body.encode()


def quadratic_blowup(
    value_bytes: int = 100_000,
    references: int = 20_000,
    one_line: bool = False,
    ill_formed: bool = True,
) -> bytes:
    """One big entity referred to many times: value_bytes * references if expanded (2 GB).

    ill_formed adds an unclosed tag, so expat gives up and feedparser's loose parser, which
    expands entities without any limit, gets the document."""
    sep = "" if one_line else "\n"
    broken = "<unclosed " if ill_formed else ""
    body = (
        f'<?xml version="1.0"?>{sep}<!DOCTYPE rss [{sep}<!ENTITY a "{"A" * value_bytes}">{sep}]>'
        f'{sep}<rss version="2.0"><channel><title>Quadratic</title><item><title>big</title>'
        f"<description>{'&a;' * references}</description>{broken}</item></channel></rss>"
    )
    return body.encode()


def external_entity(system_id: str, parameter: bool = False) -> bytes:
    """An external entity (general, or a parameter entity used inside the DTD)."""
    if parameter:
        dtd = f'<!ENTITY % ext SYSTEM "{system_id}">\n%ext;'
        use = ""
    else:
        dtd = f'<!ENTITY ext SYSTEM "{system_id}">'
        use = "&ext;"
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n{dtd}\n]>\n<rss version="2.0"><channel>'
        f"<title>External {use}</title><item><title>item {use}</title>"
        f"<description>before {use} after</description></item></channel></rss>"
    ).encode()


def external_dtd(system_id: str) -> bytes:
    """A DOCTYPE whose external subset lives at *system_id*."""
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "{system_id}">\n<rss version="2.0">'
        "<channel><title>External DTD &ent;</title><item><title>item</title></item></channel></rss>"
    ).encode()


def entity_hidden_in_comment(value_bytes: int = 100_000, references: int = 20_000) -> bytes:
    """The DOCTYPE sits inside a comment, where expat ignores it but feedparser's own prolog
    scan (regular expressions over lines) still finds and keeps it for its loose parser."""
    return (
        '<?xml version="1.0"?>\n<!--\n<!DOCTYPE rss [\n'
        f'<!ENTITY a "{"A" * value_bytes}">\n]>\n-->\n<rss version="2.0"><channel>'
        f"<title>Hidden</title><item><title>big</title><description>{'&a;' * references}"
        "</description><unclosed </item></channel></rss>"
    ).encode()


def nested_divs_page(total_bytes: int) -> bytes:
    """A page of nothing but nested <div>s, about total_bytes long."""
    depth = total_bytes // 11
    return b"<html><body>" + b"<div>" * depth + b"deep" + b"</div>" * depth + b"</body></html>"


def single_line_page(total_bytes: int) -> bytes:
    """One paragraph, one line, about total_bytes of words."""
    words = b"convoy reached the bridge at dawn officials said " * (total_bytes // 50)
    return b"<html><body><article><p>" + words + b"</p></article></body></html>"
