"""Names as the reader wants them: no titles, no possessives, one entity per referent.

Two jobs. `trim` cuts a raw span down to the name ("the", "Mr", "President", "Gen.", "'s",
a trailing score and stray punctuation go; "Defence Minister Rustem Umerov" is "Rustem
Umerov"), and `pieces` splits a span where no name goes on (line breaks, commas, brackets).
The key helpers say which spellings are one referent: `place_key` (Kiev and Kyiv share the
gazetteer's id), `place_name` (the modern spelling is the one shown), `person_parts`. The
grouping of mentions into entities uses them (grouping.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.pipeline.analyze import gazetteer
from tui.pipeline.analyze.lists import rows

# Words that may stand before a person's name without being part of it. Honorifics imply a
# person; office titles ("President", "Governor") do too when a name follows.
# fmt: off
HONORIFICS = frozenset((
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady", "Gen", "Lt",
    "Col", "Maj", "Capt", "Sgt", "Cpl", "Pte", "Adm", "Brig", "Cdr", "Cmdr", "Rev", "Sen", "Rep",
    "Gov", "Supt", "Insp", "Det",
))
# fmt: on
# fmt: off
OFFICES = frozenset((
    "President", "Vice", "Prime", "Minister", "Premier", "Chancellor", "King", "Queen", "Prince",
    "Princess", "Emir", "Sheikh", "Crown", "Pope", "Ayatollah", "Imam", "Rabbi", "Reverend",
    "Father", "General", "Lieutenant", "Colonel", "Major", "Captain", "Sergeant", "Corporal",
    "Private", "Admiral", "Brigadier", "Commander", "Marshal", "Field", "Governor", "Mayor",
    "Senator", "Representative", "Congressman", "Congresswoman", "Judge", "Justice", "Secretary",
    "Ambassador", "Envoy", "Spokesman", "Spokeswoman", "Spokesperson", "Deputy", "Chief",
    "Commissioner", "Director", "Chairman", "Chairwoman", "Chair", "Foreign", "Defence", "Defense",
    "Interior", "Finance", "Health", "Justice", "State", "Grand", "Patriarch", "Metropolitan",
    "Archbishop", "Bishop", "Cardinal", "Speaker", "Attorney", "Sheik", "Mullah", "Maulana",
    "Colonel-General", "Lieutenant-General", "Major-General", "Lt-Gen", "Maj-Gen", "Brig-Gen",
)) | frozenset(row[0] for row in rows("titles.tsv") if " " not in row[0])
# fmt: on
# Titles of more than one word from data/titles.tsv ("Squadron Leader", "Naib Subedar"), by
# their first word; and the families whose words only qualify a title ("Information
# Minister", "New York Democrat") rather than name an office of their own.
_PHRASES: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _row in rows("titles.tsv"):
    _words = tuple(_row[0].split())
    if len(_words) > 1:
        _PHRASES.setdefault(_words[0], []).append((_words, _row[1]))
for _phrases in _PHRASES.values():
    _phrases.sort(key=lambda p: -len(p[0]))
_QUALIFIER_KINDS = frozenset(("portfolio", "member"))
_QUALIFIERS = frozenset(row[0] for row in rows("titles.tsv") if row[1] in _QUALIFIER_KINDS)
_TITLE_NOUNS = OFFICES - _QUALIFIERS - {
    "Vice",
    "Prime",
    "Crown",
    "Field",
    "Foreign",
    "Defence",
    "Defense",
    "Interior",
    "Finance",
    "Health",
    "State",
    "Grand",
    "Deputy",
    "Chief",
}
# A slash between two words joins two names, as a photo credit does ("Ahmed Hassan/AFP",
# "REUTERS/VALENTYN OGIRENKO", "By Max Hunder and Lidia Kelly / Reuters"); "M/V" is one.
_SEPARATOR = re.compile(
    r"\n|,|;|\(|\)|\[|\]|:|\s[-–—/]\s|(?<=['’]s)\s|(?<=[^\W\d_]{2})/(?=[^\W\d_])"
)
_POSSESSIVE_SPLIT = re.compile(r"(?<=['’]s)\s")
_DETERMINERS = frozenset(("the", "The", "THE", "a", "an"))  # "a Mitt Romney aide"
# A compass word in lower case says where in a place, it is no part of its name ("east
# Jerusalem", "northern Gaza"); capitalised, it may be ("East Timor", "North Darfur").
# fmt: off
_LOWER_COMPASS = frozenset((
    "east", "west", "north", "south", "eastern", "western", "northern", "southern", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern",
))
# fmt: on
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_EDGE = " \t\n\"'“”‘’,;:!?()[]{}-–—"  # not ".": "U.S." keeps its last full stop
# Older or Russian-derived spellings of places in the news, and the spelling we show.
# fmt: off
MODERN_SPELLINGS = {
    "Kiev": "Kyiv", "Kharkov": "Kharkiv", "Odessa": "Odesa", "Lvov": "Lviv",
    "Nikolaev": "Mykolaiv", "Nikolayev": "Mykolaiv", "Mykolayiv": "Mykolaiv",
    "Zaporozhye": "Zaporizhzhia", "Zaporizhzhya": "Zaporizhzhia", "Zaporozhzhia": "Zaporizhzhia",
    "Dnepr": "Dnipro", "Dnipropetrovsk": "Dnipro", "Lugansk": "Luhansk", "Chernigov": "Chernihiv",
    "Rovno": "Rivne", "Vinnitsa": "Vinnytsia", "Zhitomir": "Zhytomyr", "Kupyansk": "Kupiansk",
    "Avdeyevka": "Avdiivka", "Avdeevka": "Avdiivka", "Avdiyivka": "Avdiivka",
    "Severodonetsk": "Sievierodonetsk", "Siverskodonetsk": "Sievierodonetsk",
    "Lisichansk": "Lysychansk", "Slavyansk": "Sloviansk", "Slovyansk": "Sloviansk",
    "Konstantinovka": "Kostiantynivka", "Kostyantynivka": "Kostiantynivka",
    "Krivoy Rog": "Kryvyi Rih", "Kryvyy Rih": "Kryvyi Rih", "Artemovsk": "Bakhmut",
    "Kherson": "Kherson", "Mariupol": "Mariupol", "Chernovtsy": "Chernivtsi",
    "Ivano-Frankovsk": "Ivano-Frankivsk", "Khmelnitsky": "Khmelnytskyi", "Cherkassy": "Cherkasy",
    "Kremenchug": "Kremenchuk", "Pokrovsk": "Pokrovsk", "Toretsk": "Toretsk",
    "Donbass": "Donbas", "Vuhledar": "Vuhledar", "Ugledar": "Vuhledar",
}
# fmt: on

# Letters of names in Latin script, as regex classes: "António", "Chérizier", "Séno" are
# names too, and "[a-z]" would stop inside them ("Ant").
UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ\u0100-\u017f"


def trim(text: str, start: int, end: int, titles: bool = True) -> tuple[int, int, bool]:
    """Cut [start, end) to the bare name; the flag says an honorific or office title was cut.

    With `titles` false only "the", possessives and punctuation go (for organisations and
    places, where "Justice Ministry" must keep its first word).
    """
    titled = False
    while True:
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        possessive = _POSSESSIVE.search(text, start, end)
        if possessive and possessive.start() > start:
            end = possessive.start()
            continue
        last_start = max(text.rfind(" ", start, end), text.rfind("\n", start, end)) + 1
        if last_start > start and not _has_letter(text, last_start, end):
            end = last_start  # a score or a count after a name ("Somerset 83")
            continue
        first_end = _word_end(text, start, end)
        first = text[start:first_end]
        bare = first.rstrip(".")
        if first_end < end and (
            first in _DETERMINERS
            or first in _LOWER_COMPASS
            or not _has_letter(text, start, first_end)
        ):
            start = first_end
            continue
        phrase = _title_phrase(text, start, end) if titles else None
        if phrase is not None:
            start, titled = phrase[0], titled or phrase[1] not in _QUALIFIER_KINDS
            continue
        if titles and first_end < end and (bare in HONORIFICS or bare in OFFICES):
            rest = text[first_end:end].lstrip()
            if rest[:1].isupper():
                titled = titled or bare in HONORIFICS or bare in _TITLE_NOUNS
                start = first_end
                continue
        return start, end, titled


def is_title(words: str) -> bool:
    """Whether `words` are only honorifics and office titles ("Defence Minister", "Wing
    Commander")."""
    parts = words.split()
    i = 0
    while i < len(parts):
        size = _phrase_size(parts, i)
        if size:
            i += size
        elif parts[i].rstrip(".") in HONORIFICS or parts[i] in OFFICES:
            i += 1
        else:
            return False
    return True


def opens_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the first words of a longer title that goes on after it and
    before a name: the model's "Squadron" of "Squadron Leader Hassan Siddiqui"."""
    words = text[start:end].split()
    for phrase, _ in _PHRASES.get(words[0], []) if words else []:
        if len(phrase) > len(words) and phrase[: len(words)] == tuple(words):
            rest = " " + " ".join(phrase[len(words) :]) + " "
            if text.startswith(rest, end) and text[end + len(rest) : end + len(rest) + 1].isupper():
                return True
    return False


def title_at(text: str, start: int) -> int | None:
    """The end of a title of several words that opens at `start` and precedes a capitalised
    word ("Lance Naik Sabz Ali": the name starts after "Lance Naik"), else None."""
    found = _title_phrase(text, start, len(text))
    return None if found is None else found[0]


def without_qualifier_tail(text: str, start: int, end: int) -> int:
    """The end of a name that the model ran into the qualifier of an office after it: "Upper
    Nile State Information" before "Minister" is "Upper Nile State"."""
    while True:
        last = text.rfind(" ", start, end) + 1
        spaced = text[end : end + 1] == " "
        after = text[end + 1 : _word_end(text, end + 1, len(text))] if spaced else ""
        if last <= start or text[last:end] not in _QUALIFIERS or after not in OFFICES:
            return end
        end = last - 1


def _phrase_size(parts: list[str], i: int) -> int:
    for phrase, _ in _PHRASES.get(parts[i], []):
        if tuple(parts[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _title_phrase(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(where the name starts, the title's family) when a title of several words opens
    text[start:end] and a capitalised word follows it inside the span."""
    first = text[start:_word_end(text, start, end)]
    for phrase, kind in _PHRASES.get(first, []):
        joined = " ".join(phrase) + " "
        at = start + len(joined)
        if text.startswith(joined, start) and at < end and text[at].isupper():
            return at, kind
    return None


def pieces(
    text: str, start: int, end: int, inside_name: Callable[[str, int, int, int], bool] | None = None
) -> list[tuple[int, int]]:
    """Split a span where no name goes on: line breaks, commas, spaced dashes, brackets, and
    after a possessive ("Ukraine's Kharkiv" is two places, "Apple's AirPods" two names), but
    not where `inside_name(text, start, at, end)` says the possessive at `at` is inside one
    name ("Lord's Resistance Army": reconcile.possessive_inside)."""
    found = []
    for separator in _SEPARATOR.finditer(text, start, end):
        if (
            inside_name is not None
            and _POSSESSIVE_SPLIT.match(text, separator.start())
            and inside_name(text, start, separator.start(), end)
        ):
            continue  # "People's Defence Force": a possessive inside a name
        if separator.start() > start:
            found.append((start, separator.start()))
        start = separator.end()
    if start < end:
        found.append((start, end))
    return found


def strip_possessive(owner: str) -> str:
    """The owner's words without its possessive ("Lord’s" -> "Lord")."""
    return _POSSESSIVE.sub("", owner)


def _has_letter(text: str, start: int, end: int) -> bool:
    return any(c.isalpha() for c in text[start:end])


def _word_end(text: str, start: int, end: int) -> int:
    space = text.find(" ", start, end)
    newline = text.find("\n", start, end)
    stops = [i for i in (space, newline) if i >= 0]
    return min(stops) if stops else end


def place_key(name: str) -> str:
    """Spellings of one place share a key: the gazetteer's id, or the modern spelling."""
    modern = MODERN_SPELLINGS.get(name, name)
    place = gazetteer.lookup(modern)
    return f"place:{place.key}" if place is not None else "place:" + modern.casefold()


def place_name(forms: list[str]) -> str:
    """The name to show for a place seen as `forms` (most frequent first)."""
    for form in forms:
        if form in MODERN_SPELLINGS:
            return MODERN_SPELLINGS[form]
    return forms[0]


def person_parts(name: str) -> list[str]:
    """The words of a person's name, without a generational suffix ("Jr.")."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".") in ("Jr", "Sr", "II", "III", "IV"):
        words.pop()
    return words


def org_key(name: str) -> str:
    return "org:" + " ".join(name.casefold().split())


_APOSTROPHE_TAIL = re.compile(r"['’](?!s\b)[a-z]{1,3}\b")


def apostrophe_tail(text: str, end: int) -> int:
    """The end of a name whose last word the tokenizer cut at an apostrophe that is no
    possessive: "Yahya Sare’e", "Ba’ath" (not "Sare’s")."""
    tail = _APOSTROPHE_TAIL.match(text, end)
    return tail.end() if tail is not None and text[end - 1 : end].isalpha() else end
