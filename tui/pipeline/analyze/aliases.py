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

from tui.pipeline.analyze import gazetteer

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
))
# fmt: on
_TITLE_NOUNS = OFFICES - {
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
_SEPARATOR = re.compile(r"\n|,|;|\(|\)|\[|\]|:|\s[-–—]\s|(?<=['’]s)\s")
_POSSESSIVE_SPLIT = re.compile(r"(?<=['’]s)\s")
_DETERMINERS = frozenset(("the", "The", "THE"))
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
        if first_end < end and (first in _DETERMINERS or not _has_letter(text, start, first_end)):
            start = first_end
            continue
        if titles and first_end < end and (bare in HONORIFICS or bare in OFFICES):
            rest = text[first_end:end].lstrip()
            if rest[:1].isupper():
                titled = titled or bare in HONORIFICS or bare in _TITLE_NOUNS
                start = first_end
                continue
        return start, end, titled


def is_title(words: str) -> bool:
    """Whether `words` are only honorifics and office titles ("Defence Minister")."""
    return all(w.rstrip(".") in HONORIFICS or w in OFFICES for w in words.split())


def pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span where no name goes on: line breaks, commas, spaced dashes, brackets, and
    after a possessive ("Ukraine's Kharkiv" is two places)."""
    found = []
    for separator in _SEPARATOR.finditer(text, start, end):
        if _POSSESSIVE_SPLIT.fullmatch(separator.group()) and not _owner_is_place(
            text, start, separator.start()
        ):
            continue  # "People's Defence Force": a possessive inside a name
        if separator.start() > start:
            found.append((start, separator.start()))
        start = separator.end()
    if start < end:
        found.append((start, end))
    return found


def _owner_is_place(text: str, start: int, end: int) -> bool:
    """Whether the words before a possessive name a place ("Ukraine's Kharkiv")."""
    owner = _POSSESSIVE.sub("", text[start:end])
    return gazetteer.lookup(owner) is not None


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
