"""Turn the bytes of a fetched page into text, even when the page lies about its charset.

Order of evidence: a byte-order mark, then the HTTP ``Content-Type`` charset, then a ``<meta>``
declaration in the first few kilobytes, then detection (charset-normalizer). A declaration is only
believed when the bytes are valid in it and the result does not read as mojibake: servers and
templates mislabel pages often (UTF-8 served as ISO-8859-1 is the classic), and a reader that shows
``Ã©`` or ``‚±‚ñ`` is worse than one that guesses. UTF-16 without a BOM is recognised by its zero
bytes, which would otherwise survive as NUL characters. The result never contains NUL or a lone
surrogate.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping

import charset_normalizer
from charset_normalizer.md import mess_ratio

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
# The legacy encodings browsers support (WHATWG Encoding Standard); DOS code pages are not among
# them, and letting the detector pick one turns a short French page into Baltic mojibake.
_WEB = (
    "utf_8", "cp866", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6",
    "iso8859_7", "iso8859_8", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15",
    "iso8859_16", "koi8_r", "koi8_u", "mac_roman", "cp874", "cp1250", "cp1251", "cp1252",
    "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "mac_cyrillic", "gbk",
    "gb18030", "big5", "euc_jp", "iso2022_jp", "shift_jis", "cp932", "euc_kr",
)  # fmt: skip
_UNPAIRED = re.compile("[\ud800-\udfff]")  # lone surrogates are no text, and lxml refuses them
_SNIFF_BYTES = 4096
_DETECT_BYTES = 65536
# Text that reads as UTF-8 decoded with a single-byte table ("Ã©", "â€™") or as a CJK page decoded
# as Windows-1252; above this mess ratio the declaration is doubted.
_MESS_LIMIT = 0.2
_MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf]|â€[\u0080-\u00bf™œ\u009d˜¢“”¦]")


def decode_html(body: bytes, headers: Mapping[str, str] | None = None) -> str:
    """Decode a page body to text following the evidence order above; never raises."""
    if not body:
        return ""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return _finish(body[len(bom) :].decode(name, errors="replace"))
    wide = _utf16_without_bom(body)
    if wide:
        return _finish(body.decode(wide, errors="replace"))
    for declared in (_http_charset(headers), _meta_charset(body)):
        if declared:
            text = _decode_declared(body, declared)
            if text is not None:
                return _finish(text)
            break  # a declaration that failed: the next one is written by the same hand
    return _finish(_decode_undeclared(body))


def _finish(text: str) -> str:
    text = _UNPAIRED.sub("", text.replace("\x00", ""))
    if _MOJIBAKE.search(text):
        text = _repair_double_encoding(text)
    return text


def _http_charset(headers: Mapping[str, str] | None) -> str:
    if not headers:
        return ""
    for key, value in headers.items():
        if key.lower() == "content-type":
            match = _HEADER_CHARSET.search(value or "")
            return _normalise(match.group(1)) if match else ""
    return ""


def _meta_charset(body: bytes) -> str:
    match = _META_CHARSET.search(body[:_SNIFF_BYTES])
    if not match:
        return ""
    name = _normalise(match.group(1).decode("ascii", errors="ignore"))
    # A <meta> can be read at all only if the bytes are ASCII-compatible: "utf-16" there is a lie.
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def _normalise(name: str) -> str:
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return ""


def _utf16_without_bom(body: bytes) -> str:
    """Name the UTF-16 byte order when zero bytes sit on one parity, as in Latin text."""
    sample = body[:1024]
    if len(sample) < 8:
        return ""
    half = len(sample) // 2
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    return ""


def _decode_declared(body: bytes, declared: str) -> str | None:
    """Decode with the declared charset, or None when the bytes or the result refute it."""
    if declared != "utf-8":
        as_utf8 = _strict(body, "utf-8")
        if as_utf8 is not None and not as_utf8.isascii():
            # Valid multi-byte UTF-8 is almost never legitimate single-byte text.
            return as_utf8
    if declared in ("ascii", "latin-1", "iso8859-1"):
        declared = "cp1252"  # what browsers do, and it decodes curly quotes correctly
    text = _strict(body, declared)
    if text is None:
        return None
    if not text.isascii() and mess_ratio(text[:_DETECT_BYTES], _MESS_LIMIT) >= _MESS_LIMIT:
        return None
    return text


def _decode_undeclared(body: bytes) -> str:
    try:  # UTF-8 carrying encoded surrogates (from a UTF-16 source): UTF-8 all the same
        return body.decode("utf-8", errors="surrogatepass")
    except UnicodeDecodeError:
        pass
    text = body.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    good = non_ascii - bad  # characters that decoded as real multi-byte UTF-8
    if bad == 0 or good >= 2 * bad:
        return text  # UTF-8 with the odd broken sequence (a truncated character, a stray byte)
    matches = charset_normalizer.from_bytes(body[:_DETECT_BYTES], cp_isolation=list(_WEB))
    best = matches.best()
    encoding = best.encoding if best is not None else "cp1252"
    for match in matches:
        # Short Latin text ties between cp1250, cp1252 and friends; the web's default breaks it.
        if (
            best is not None
            and match.encoding == "cp1252"
            and match.chaos <= best.chaos
            and match.coherence >= best.coherence - 0.1
        ):
            encoding = "cp1252"
    return body.decode(encoding, errors="replace")


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _repair_double_encoding(text: str) -> str:
    """Undo UTF-8 that was decoded as Windows-1252 once too often, when that is all it is."""
    try:
        repaired = text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text
    if len(_MOJIBAKE.findall(repaired)) < len(_MOJIBAKE.findall(text)):
        return repaired
    return text
