"""Who claims what: claims and entities found in reading text, as character spans.

Public API (stable; the CLI, the refresh worker and the benchmarks use only this):
    ANALYZER_VERSION           bump when output changes, so stored analyses can be redone
    analyze(text) -> Analysis
    analyze_many(texts) -> Iterator[Analysis]   batches through nlp.pipe; model loaded once
    detect_language(text) -> str                ISO 639-1 code (language.py)

Only English text is analysed: an article in another language gets an Analysis with its
`language`, no claims, no entities and no conflict flag, since the English model and rules
would find wrong ones (the reader says "claims and entities: English only").

The spaCy model is loaded lazily on first use (model.get_nlp) and only in the process that
analyzes: the refresh runs this in a worker process, never in the UI process.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from tui.core.models import Analysis
from tui.pipeline.analyze import (
    acronyms,
    bodies,
    casualties,
    claims,
    conflict,
    counters,
    entities,
    gazetteer,
    issuers,
    model,
    name_context,
    person_spans,
    sides,
)
from tui.pipeline.analyze.language import detect_language

ANALYZER_VERSION = "38"  # 2: state bodies, described organisations; 3: attitude/stance cues;
# 4: short weapon names join their full name; 5: entity lists as data, language detection;
# 6: status from evidence, canonical sources and affiliations; 7: given names, name context,
# sports sides, the conflict flag needs an event of fighting; 8: name, place and organisation
# families from more wire copy, "gave a toll of", trailing sources with an apposition;
# 9: false persons by family (titles and ranks, peoples, credits, compounds), subdivisions of
# more countries, armed groups by their names and members; 10: span repairs (Romance
# particles, hyphenated pairs, "-based" prefixes, acronyms of named organisations, lists of
# places), known places the model calls persons; 11: counter-accounts ("the attack was
# repelled"), denials carried on in the next sentence, a verdict answers a whole account;
# 12: a given name the model left out before a one-word person; 13: two sides' accounts of one
# event set against each other (opposed.py), status and source families of the third pass;
# 14: what the document says of a person (headline guesses, words also written in lower case,
# names only placed, ages, quoted nicknames, apposition), nationalities before names,
# "el-Fasher" as the gazetteer's el-Fasher; 15: names spelt out by their bracketed acronym,
# a place's police and cartel, features of the land after a name, weapon names that are
# given names, middle initials and "Ould"/"bin", a person one mention names as a place;
# 16: a denial that opens the story answers the claims reported after it, restated claims of
# a side share a dispute, forged-record words and "a white lie", what a strike hit (civilians
# against a headquarters), sources: "-led" before a force, a name beside its description, the
# group's spokesman, ranks and titles before a body, the apposition after a quotation, "The
# report" after "a CNN report", "al Shabaab" as al-Shabab; 17: a confirmation is about its
# verb's content, verifying a statement authenticates it, a "not confirmed" remark is nothing to
# confirm nor a remark on an earlier claim when its sentence reports with no source, rejecting a
# that-clause denies it, ranks off known names, "a statement by" and "an AFP tally", "Congo"
# after "Democratic Republic of Congo", "also" sequels share a dispute, "no such attack",
# "debunked a publication", "were not members of the sect";
# and armed groups, gangs and forces of more conflicts, tribes and faiths are no names, Romance
# particles in names, units written first and lists of places before a unit, a place's
# administration, police stations and camps named by their place, broadcasters, "alias" names,
# more small arms; a party reported to have verified its own claim does not confirm it,
# the staff of a UN agency or aid group take no side of the country they work in, "lying in
# corridors" is no falsehood; 18: "no fighting", "no such incident" answer any word for an
# armed encounter, "the army's count", "the rebel statement", "the United Nations' accusation"
# name their owners' claims, "in turn" and "for its part" set accounts against each other, a
# bare "the army" is the country's Armed Forces, "the rebels" of an article that names one
# group are that group, names of forces without their apostrophe or with what they are after
# them ("the PKK militant group"), "Union of Forces for ... and ..."; 19: capitalised
# administrative units ("X Local Government Area"), one-word organisations placed at every
# mention are places, "military" before more nouns is an adjective, Turkish and South Asian
# weapons, rank abbreviations and honorifics, armed groups of Chad and Mali, supreme courts,
# places joined by "and", "Deir ez-Zor" whole, a people's name before a people's noun; "their
# own" before a name is no part of it; 20: orgs.tsv's armed groups are sides, rejections by
# scorn and "countered", "not correct" and falsity through quotation marks, a crash against a
# shoot-down, compound ranks, a family name written first, an agency "of" its owner, a far
# narrowing answer naming one place, a lede denial's topic words, time before a source is no
# apposition, a government office takes the article's country, "no more than an allegation",
# a party of no side on what a strike hit; 21: two sides' counts of one side's dead anywhere
# in an article (casualties.py), event frames (a denial answers every account of the act and
# target it denies; a side negating the other's act denies it: events.py), statements "in
# response to" claims, a bare army of the one country whose forces are named and never an
# armed group named "Army", states of limited recognition as sides, "The commander" after
# "X, the commander of ...", "separatists" and "militants" as the article's one group;
# entities (tenth pass): a people's adjective before a unit is no place,
# names before "area(s)"/"sector(s)" and after "the department/state of" are places, a
# country's possessive before its listed force, the Islamic State's provinces, places' nouns
# ending the model's organisations, four-word names and capitalised particles, a surname at
# every mention, accented demonyms, datelines with the date, "in X and Y" as two places;
# 21 (entities, eleventh pass): datelines with accents or an agency in brackets, weapon
# designations hyphenated and a noun shared by a list, a leader's followers ("X loyalists",
# "pro-X") name the leader, "from nearby X" and "towns like X", Uganda's units, countries'
# initialisms with full stops, "Middle Shabelle" whole, "60-year-old X", "X Shrine" a place;
# 22 (entities, twelfth pass): possessives inside names ("Lord's Resistance Army"), a body's
# leader ("a group headed by X") a person, al-Qaeda's branches and affiliates, "the news
# agency, X", "in Iraq, X, who" no place, a person's left-out first word after a comma,
# "X, the regional capital", gazetteer names longer than the model's span, "the X-Y road",
# "X Autonomous Province", "Sudan's national army", a place's civil aviation authority
# 22 (claims, ninth pass): a strike's two accounts when one names the other's side, a
# singular account named by its owner is one given already, "denied accusations" answers the
# accuser's later account, more words of falsity ("spurious", "misleading"), "the X news
# agency" as X, a person named after the body whose role it is; 23: a quotation a claim's
# content opens is closed inside it, a learned contest detector (contest.py) disputes claims
# the rules left claimed, citing the other party's claim about the same proposition, particles
# ("back", "down") are no shared content; 24: the one rebel group found anywhere in a run of
# capitals and behind a backer ("The U.S.-backed rebels"), armed groups of the wars of
# 1975-2015 as their own sides, mixed-case acronyms ("JeM") matched as written; 25: demonyms
# the suffix rules miss ("Honduran") and AP's adjectives ("Argentine"), a statement filed
# under its issuer, short forms of names given before ("Al-Bashir", "Kiir"), a role described
# as the one person named with it, a state's officials in its capital, state media; "X quoted
# / cited / reported Y as saying" is Y's claim alone (X relays it), "Y was recorded as saying";
# a bare "the government" is the Government of the article's country ("Chadian Government");
# status (eleventh pass): admissions and claims of responsibility confirm the claim they
# concede, "confirmed the attack", corroboration by a party of no side, negated
# confirmations, a toll put on one side's dead, "denied that an encounter happened",
# incursions as event frames, "everything announced by X", "staged four attacks" no denial;
# entities (fourteenth pass): every country's adjective a nationality, "military" before a
# singular role noun an adjective, past peace operations listed, time zones no names, a war
# named after its place names the place, units numbered with a cardinal, ", who" and "the X
# administration" name persons, service members' nouns no persons, "a town called X", divided
# cities' halves, older wars' weapons, a lower-case kind noun ("Interfax news agency") no part
# of a name;
# 26: the analyzer of session 15's merges (25 was bumped by several branches at once), with
# counts of the dead as figures given ("counted 31 bodies"); 27: a blank line starts a sentence
# for the parser too (model.py), so no parse joins two paragraphs; 28 (lead): an aim or
# order told inside a party's description ("rebels seeking to ...", "who ordered ...") is
# no claim; 29 (lead): a statement printed whole under a header naming its issuer
# (blocks.py); 28 (claims, canon18): an acronym the article defines without brackets is
# the name it writes, people described then placed keep the description, bare "officials"
# and local offices speak for a country;
# 28 (entities, fifteenth pass): a weapon designation in every written form (plurals in
# -es, capitals, no hyphen, a space), a maker before a model an organisation, military
# transports, tankers and helicopters listed, "Movement of X for Y" and "Brigade for X"
# whole;
# 28 (status17): "no way to verify", "the Iranian and Iraqi claims" as two owners, two
# sources of one side (or of none) counting the same combatants' dead far apart, accounts
# the article calls conflicting; 30: session 16's merges, and a figure "placed", "set",
# "pegged" or "fixed" at an amount is a claim as one "put" there is, "charge" a noun of
# accusation ("a charge the rebels deny"), agency and older adjectives ("Ecuadorean", "Azeri");
# 31: declaring a truce, a war or an emergency is an act, not a claim; "which" alone is no
# content (a denial in a relative clause denies its antecedent), the source after a dateline
# the parser made the subject ("MANILA, Philippines -- China Sunday accused"), "Juba, South
# Sudan:" a dateline, a document an outlet quotes speaks ("quoted a military report saying"),
# "commenting on X" and "identifying himself as X" no claims, "lies entirely with" no falsity,
# "did A and described B, according to Y" is Y's claim, "The government on Wednesday" is the
# government, "threatened the stability of" no threat made, "puts the dead at 14", a rubric
# before a colon no source, a scene set before a colon no content;
# 31 (canon19): broadcasters named by their country, compound ranks with a hyphen, a region's
# own police or government, groups listed by acronym under the name the article writes, "the
# report" of a broadcaster, "<Demonym> rebels", no side from a relative clause, two parties or
# observers;
# 31 (entities, sixteenth pass): abbreviated saints ("Sta. Catalina") one token and part of a
# place's name, an apostrophe inside a place's name ("Sana'a"), a compass word before a unit
# ("West Azerbaijan province"), a dateline before a colon, a place in a Title Case headline,
# the verbs of taking ground, numbers opening no group's name, an organisation's head noun
# its short name ("the Observatory", "Tiger fighters"), "Sudan People's Liberation Army" and
# "SPLA-IO" whole;
# 31 (status18): outcomes that cannot both hold (ground taken against the assault turned
# back, an aircraft shot down against the same aircraft crashed), doubt voiced about another
# party's statement disputes it and the doubter; 32: session 17's merges together (31 was
# bumped on four branches); 33 (status19): a party confirming that it did the act another
# reports is an admission ("confirmed its fighters were behind the raid"); and the lead's last:
# "A claim by X ... is a lie, according to Y" is Y's, a relayed claim ends before "according
# to", "disputed border lines" no denial, a lie with words before it ('a "deliberate and
# blatant lie"'), the Red Cross and Red Crescent societies of countries at war as organisations;
# 34 (session 18) entities, ents16: an acronym in brackets after an organisation is it
# whatever its letters, "X and Y" after a listed organisation or a nationality is two names,
# "President of X Name" the place and the person, "Sukhoi-25", "K-9 artillery"; sources,
# canon20: a body's own name inside a description of its kind ("the Al Arabiya news
# channel", "The Syrian Kurdish YPG militia"), a statement named by a bare state body ("an
# army statement"), the air-force, naval and Spanish ranks of two words ("Squadron Leader
# X"), a language names no side, "One" and "other" before a noun are no part of a name, "the
# report" after a newspaper named by its kind;
# claims, claims20: a standing position in the simple present ("Most villagers support the
# separatists"), the empty "it" of "It was impossible to confirm" and the passive of a relaying
# verb ("were reported by") make no claims;
# status, status20: confirmations that are not (a check still to come or difficult is a remark;
# a conditional or prospective confirming verb, "neither confirmed nor denied"; a telling
# shared item, counts of the dead that agree; no confirmation by a party of unread side, told
# by the claim's own side, or in a denial's sentence);
# 35 (session 18, second round) status, status21: two sides placing one event on different
# ground ("inside Israeli territory" / "the Lebanese side of the border", "international
# airspace" / "its airspace") dispute each other (whereabouts.py); entities, ents17: a name
# before a site's noun in lower case is a place ("the Shatt al-Arab waterway", "the Ta Prohm
# temple"), and "at" places a one-word name as "in" does but after a word of aiming, shooting,
# looking or feeling ("a shot at X"); an abbreviated title alone ("Gen." before a name) is no
# person; 36 (session 19) entities, ents18: a name ending in a site's noun written as part of
# it is a place ("the Federal Legislative Palace", "National Highway 2"; site_names.py), a
# two-word demonym or a territory's adjective owns a state body ("South African foreign
# ministry", "the Abkhaz army", "Ingush police"), North Korea's missiles listed whole
# 36 (session 19), also status22: "lying" before any preposition or adverb of place or a
# word of posture is where something lies, no lie ("bodies lying inside the stadium"); a
# denial's sequel in the next sentence that adds or concedes ("However, it also confirmed ...",
# "said instead ...") no longer carries the denial; an appeal, warning or vow ("called for an
# investigation into the crash, which killed ...") corroborates nothing
# 36 (session 19), also ents19: what a person's own form makes it (person_forms.py): a
# regnal number kept ("Abdullah II"), a land's head or tail word a place ("Cape X", "Sir
# Creek"), a company's legal form or a hotel's noun an organisation, a people in the plural
# none, a surname of several words whole ("Na Waie")
# 36 (session 19), also claims21: ground claimed ("the area claimed by India", "invaded to
# claim land") is no claim (positions.py)
# 36 (session 19), also canon21: a capital two countries share names the more populous; a
# state body or office with no country named before it takes the country the
# whole article names most; an office of a state with no country (Foreign Secretary, Attorney
# General, "a local official", a holder the person rules missed) takes its country on every path
# 37 (session 19), ents20: a listed branch named as its parent "in" or "of" a land is matched
# with every spelled-out name of the parent ("Al-Qaida in the Arabian Peninsula", lists.py)
# 38 (session 19), canon22: a title before two capitalised words names the person holding it
# where the entity rules found none or took the place after the name ("Mayor X Y of Z", titled.py)
__all__ = ["ANALYZER_VERSION", "analyze", "analyze_many", "detect_language", "warm_up"]

# Read once by warm_up: a place, a person with a given name, an armed force, a weapon and a
# claim, so that every table the analysis loads on first need is loaded.
_WARM_TEXT = (
    "Regional governor Maria Kovalenko said a Shahed drone struck a depot near Kharkiv on "
    "Tuesday, a claim the Russian defence ministry denied."
)


def warm_up() -> None:
    """Load the model and every table the analysis reads lazily (about 2.5 s of CPU), so that
    processes forked afterwards start warm (pipeline/processes.py)."""
    analyze(_WARM_TEXT)
    gazetteer.nations()  # read only when a sports side is named
    counters.load_tables()  # read only when a counter-account is in sight
    casualties.load_tables()  # read only when two sides' claims are in one article
    sides.camp("")  # read only when a party with a side confirms a claim
    person_spans.stop_words()  # read only when a name-like span opens on a capitalised word
    name_context.stop_words()  # read only when a leader, a kind's name or "pro-X" is in sight
    bodies.owned_through("Iran", "Islamic Revolutionary Guard Corps")  # a country's own force
    issuers.is_outlet("Interfax")  # read only when a statement's issuer is looked for
    acronyms.defined("The RSF said", {})  # read only when an acronym is not spelt out


def analyze(text: str) -> Analysis:
    return next(analyze_many([text]))


def analyze_many(texts: Iterable[str], batch_size: int = model.BATCH_SIZE) -> Iterator[Analysis]:
    nlp = model.get_nlp()
    # Texts wait here in order; English ones also go through the model, which reads ahead by
    # a batch. Each text rides along with its doc: the doc's own `text` is rebuilt token by
    # token.
    waiting: deque[tuple[str, str]] = deque()

    def english() -> Iterator[tuple[str, str]]:
        for text in texts:
            language = detect_language(text)
            waiting.append((text, language))
            if language == "en":
                yield text, text

    docs = nlp.pipe(
        english(), batch_size=batch_size, as_tuples=True, component_cfg=model.COMPONENT_BATCHES
    )
    for doc, text in docs:
        while waiting[0][1] != "en":
            yield _not_analysed(waiting.popleft()[1])
        waiting.popleft()
        found = entities.find_entities(doc, text)
        found_claims = claims.find_claims(doc, found, text)
        yield Analysis(
            claims=found_claims,
            entities=found,
            conflict=conflict.is_conflict(doc, found, text),
            version=ANALYZER_VERSION,
        )
    while waiting:
        yield _not_analysed(waiting.popleft()[1])


def _not_analysed(language: str) -> Analysis:
    return Analysis(
        claims=(), entities=(), conflict=False, version=ANALYZER_VERSION, language=language
    )
