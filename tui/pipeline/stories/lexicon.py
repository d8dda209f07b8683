"""The words stories are compared with, as plain word lists (the code turns them into tables).

General English and the vocabulary of war reporting, grouped by what the words do; none is
taken from an evaluation text. To extend a family, add the word to the family's line; a new
family is a new line. Words are written in lower case, in every form that news copy uses (no
stemmer has to guess "struck" from "strike").
"""

from __future__ import annotations

from pathlib import Path

from tui.core.tables import read_rows


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words, reporting verbs and news filler: they say nothing about which event it is.
STOPWORDS = words(
    """
    a an the and or but nor so yet if then than that this these those there here of in on at by
    for with from to into onto over under about after before during since until while as per
    via up down out off near across against among between through around along amid within
    without toward towards upon is are was were be been being am has have had having do does
    did doing will would shall should can could may might must not no it its it's they them
    their theirs he him his she her hers we us our ours you your i me my mine who whom whose
    which what when where why how all any both each few more most other others some such only
    own same very just also still even again ever too once already further later earlier now
    today tonight yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
    week weeks day days hour hours month months year years morning evening night overnight
    say says said saying tell tells told report reports reported reporting add adds added
    according statement statements claim claims claimed claiming announce announced
    mr mrs ms dr one two three four five six seven eight nine ten first second third last
    new latest another least many much several dozen dozens
    """
)

# Word families that paraphrases swap: each line is one concept, the first word its name.
# "killed"/"dead"/"death toll" are one fact; "took"/"seized"/"captured"/"liberated" one claim.
_CONCEPTS = """
kill killed kills killing dead death deaths died die dies dying toll bodies body lives fatalities
    martyred martyrdom perished
wound wounded wounding injured injuring injury injuries hurt wounds casualties
strike struck strikes striking hit hits hitting attack attacked attacks attacking bomb bombed
    bombing bombs shelled shelling shell shells targeted targeting target targets raid raids
    pounded slammed
capture captured captures capturing seized seize seizing took taken take takes taking
    liberated liberate liberation fallen overran overrun fall control
repel repelled repelling repulsed repulse beaten pushed driven routed
intercept intercepted intercepting intercepts downed shot destroyed destroys destroying
launch launched launching fired firing sent
home homes house houses residential apartment apartments housing block flats building
    buildings
camp camps shelter shelters sheltering
school schools classroom
hospital hospitals clinic
market markets marketplace
port ports harbour docks terminal
ship ships vessel vessels carrier tanker freighter
drone drones shahed shaheds uav uavs
missile missiles rocket rockets iskander
military troops soldiers forces army servicemen
civilian civilians villagers residents
displace displaced displaces displacing fled flee flees fleeing evacuated evacuate evacuates
    evacuating homeless
power electricity substation grid energy
deny denied denies denying rejected rejects reject false untrue lie fabricated baseless
"""


def _families(text: str) -> dict[str, str]:
    """Word -> family name; an indented line continues the family above it."""
    table: dict[str, str] = {}
    name = ""
    for line in text.strip("\n").split("\n"):
        found = line.split()
        if not found:
            continue
        if not line.startswith(" "):
            name = found[0]
        for word in found:
            table.setdefault(word, name)
    return table


CONCEPTS = _families(_CONCEPTS)
# Families that paraphrases of one speaker's statement swap, on top of the ones above: claims
# only, from data/claim_families.tsv (which says where its words come from).
CLAIM_CONCEPTS = CONCEPTS | {
    word: family
    for family, listed in read_rows(Path(__file__).with_name("data") / "claim_families.tsv")
    for word in listed.split()
}

# Incompatible accounts: each family names two poles, as words of news copy; rows of different
# sources that stand on opposite poles (one pole only each) dispute each other. "not:" marks a
# word read under a negation ("was not damaged").
OPPOSITIONS: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    # What was hit, and who was killed: a military objective, or people and their homes (tenth
    # pass: a gang, the armed side of a war such as Haiti's, "a meeting of gang leaders").
    (
        words(
            "mercenaries base bases positions depot depots ammunition arms weapons command "
            "headquarters training hangar storage facility facilities infrastructure factories "
            "plants industry supplies commander operative operatives members deployment units "
            "gang gangs"
        ),
        words(
            "civilian civilians home homes residential apartment school hospital market "
            "shelter displaced kindergarten monastery worker workers employee employees "
            "farmers students bystanders massacre massacres massacred "
            "children women traders herders shepherds passengers shoppers worshippers pupils "
            "patients innocent"
        ),
    ),
    # Who holds a place: it fell, or it held.
    (
        words("captured seized took taken liberated fallen overran overrun patrolled"),
        words(
            "repelled repulsed pushed beaten driven routed contested holding hold holds held "
            "still remains outskirts edge not:captured not:fallen"
        ),
    ),
    # Whether a target was hit: struck, or unharmed.
    (
        words("struck hit directly"),
        words("undamaged safe unharmed intact missed not:damaged not:hit not:struck"),
    ),
)
NEGATIONS = words("not no never without n't nothing none")
# "Take" as a light verb: before these words it takes nothing ("the exchange of fire had taken
# place", "300 people had taken refuge", "the wounded were taken to hospital", "took part"),
# and is no capture in a claim (twelfth pass). General English.
TAKE_FORMS = words("take takes took taken taking")
LIGHT_TAKE = words("place part refuge cover shelter care to into away hostage hostages aim")
# What a row on the first family's poles must also tell: an act of war (something was struck,
# damaged, people were killed or hurt). "received 60 wounded at the hospital" names a hospital
# without saying it was hit. Ninth pass: who the dead were stands on the civilians' pole
# (children, women, traders, herders, passengers, worshippers...); "victims" as an act was
# measured and left out (the dev floor's precision fell below 0.92).
ACTS = words(
    "struck strike hit bombed shelled targeted attacked killed killing died dead damaged massacre "
    "massacres massacred"
)

# Cues of a denial: a claim whose verb is one of these is its source's denial, whatever its
# content ("denied attacking the camp", "rejected responsibility", "dismissed the report").
DENIAL_CUES = words(
    """
    deny denied denies denying reject rejected rejects rejecting dismiss dismissed dismisses
    dismissing refute refuted refutes refuting contradict contradicted contradicts disputed
    disputes disputing rebuffed rebuked
    """
)
# Words of a denial's verdict, not of what it denies ("the accusations were fabricated"):
# left out when matching a denial to the claim it answers.
VERDICT_WORDS = words(
    """
    deny denied accusation accusations claim claims report reports account accounts statement
    false untrue lie lies fabricated baseless fake propaganda responsibility pretext allegation
    allegations
    """
)
# Quantities that figures report, by the words that announce them.
FIGURE_CUES: dict[str, frozenset[str]] = {
    "killed": words(
        "killed killing kill kills dead died die dies death deaths toll bodies lives "
        "neutralised neutralized neutralising neutralizing fatalities perished"
    ),
    "wounded": words("wounded wounding injured injuring injuries hurt wounds"),
    "missing": words("missing unaccounted"),
    "displaced": words("displaced fled flee fleeing homeless uprooted"),
    "detained": words("detained detaining arrested arresting abducted kidnapped held captive"),
    "downed": words(
        "downed shot down intercepted intercepting destroyed destroying neutralised neutralized"
    ),
    "launched": words("launched launching fired firing sent attacked used"),
}
# The things counted, by class: figures of one class are compared with each other.
FIGURE_CLASSES: dict[str, frozenset[str]] = {
    "people": words("people persons civilians villagers residents bodies workers employees "
                    "victims others men women passengers bystanders patients"),
    "children": words("children minors child boys girls"),
    "soldiers": words("soldiers troops servicemen personnel officers policemen commanders guards "
                      "rangers peacekeepers gendarmes marines paratroopers conscripts"),
    "attackers": words("attackers assailants militants fighters terrorists insurgents rebels "
                       "gunmen guerrillas jihadists extremists separatists combatants "
                       "mercenaries raiders bandits operatives aggressors perpetrators "
                       "kidnappers abductors"),
    "drones": words("drones drone shaheds uavs"),
    "missiles": words("missiles missile rockets rocket"),
    "families": words("families households"),
}
# Words after a number that make it no count of people or weapons; twelfth pass: the things a
# strike hits ("struck two vehicles", "destroyed three posts").
NOT_COUNTS = words(
    """
    km kilometres kilometers miles metres meters nautical tonnes tons kg percent per cent
    hours hour days day weeks week months month years year minutes a.m. p.m. am pm times
    crew
    assaults attacks villages towns districts regions sorties
    vehicles cars trucks buses pickups tanks boats ships vessels houses homes buildings shops
    posts positions bases camps tents schools hospitals bridges
    """
)
# Numbers written as words.
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "a single": 1,
}  # fmt: skip
# Vague amounts, kept as words with the range they mean.
VAGUE_AMOUNTS: dict[str, tuple[int, int]] = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
    "thousands": (2000, 9999), "tens of thousands": (20000, 99999),
}  # fmt: skip

# Sources: the words of a source phrase that name the speaker's state apparatus. A source made
# of a country (or its demonym, capital or seat of power) and only these words speaks for the
# state ("Russia's Defence Ministry", "the Russian military", "Moscow"). Ninth pass: the words
# of its press offices, forces and federal bodies ("Ethiopia's Government Communication
# Service", "the Ethiopian National Defence Force", "Ukrainian commanders"; not "security
# sources", who are no spokespeople: Djibo's dev gold keeps them apart from the army). Tenth
# pass: its media wing and press office ("the military's media wing"). Fourteenth pass: a
# monarchy's forces by their style ("the Royal Thai Army", "the Royal Moroccan Armed Forces",
# "the Royal Navy").
STATE_BODY_WORDS = words(
    """
    ministry defence defense foreign interior military army armed forces force air navy naval
    royal government officials authorities general staff command junta administration presidency
    office cabinet spokesman spokeswoman spokesperson troops service services border guard
    guards police security council of the state ruling
    federal national communication communications commander commanders
    media wing press
    """
)
# Units of a state's forces, and the ordinal endings of their numbers ("the army's 8th
# Infantry Division", "the 3rd Mechanised Brigade"): a unit of the army speaks as the army.
UNIT_WORDS = words(
    """
    division divisions brigade brigades battalion battalions regiment regiments corps company
    infantry artillery mechanised mechanized motorised motorized airborne marine marines
    st nd rd th
    """
)
# Seats of power that stand for their state in news copy, by country as the gazetteer names it.
STATE_METONYMS: dict[str, str] = {
    "kremlin": "Russia", "white house": "United States", "pentagon": "United States",
    "downing street": "United Kingdom", "elysee": "France", "élysée": "France",
    "quai d'orsay": "France", "bankova": "Ukraine", "knesset": "Israel",
}  # fmt: skip
# Spelling variants of source words.
SPELLINGS: dict[str, str] = {
    "defense": "defence",
    "centre": "center",
    "organisation": "organization",
}
# Descriptive words that say who runs or backs a body, not which body it is.
DESCRIPTIVE_SUFFIXES = ("-run", "-backed", "-installed", "-led", "-appointed", "-aligned")
# A body a state runs ("military-run ...", "State broadcaster MRTV", "Lebanon's state news
# agency"): the state's voice, never its opponent (contradictions._apart). Eleventh pass.
STATE_RUN = words("state military junta government army regime")
STATE_OUTLETS = words("media broadcaster television tv radio newspaper news agency")
# Acronyms of bodies that are not the initials of their English name, and UN agencies that
# copy names by what they do ("the UN refugee agency"). Each: acronym -> names it stands for.
ACRONYMS: dict[str, tuple[str, ...]] = {
    "CENTCOM": ("central command", "us central command", "u.s. central command"),
    "AFRICOM": ("africa command", "us africa command"),
    "EUCOM": ("european command", "us european command"),
    "IDF": ("israel defense forces", "israel defence forces"),
    "FARDC": ("congolese army", "congo army", "congolese armed forces"),
    "OCHA": ("un humanitarian office", "united nations humanitarian office",
             "un office for the coordination of humanitarian affairs"),
    "UNHCR": ("un refugee agency", "united nations refugee agency"),
    "UNICEF": ("un children's agency", "united nations children's fund"),
    "WFP": ("world food programme", "un food agency"),
    "WHO": ("world health organization", "world health organisation"),
    "IOM": ("international organization for migration", "un migration agency"),
    "MSF": ("doctors without borders", "medecins sans frontieres", "médecins sans frontières"),
    "ICRC": ("international committee of the red cross", "red cross"),
    "ISPR": ("inter-services public relations", "inter services public relations"),
    "SSPDF": ("south sudan people's defence forces", "south sudan people's defense forces",
              "south sudan people's defence force"),
    "ENDF": ("ethiopian national defence force", "ethiopian national defense force",
             "ethiopian national defence forces"),
    "UPDF": ("uganda people's defence force", "uganda people's defence forces",
             "uganda people's defense force"),
    "RDF": ("rwanda defence force", "rwanda defense force"),
    "KDF": ("kenya defence forces", "kenya defense forces"),
    "SANDF": ("south african national defence force", "south african national defense force"),
    "IRGC": ("islamic revolutionary guard corps", "revolutionary guard corps",
             "revolutionary guards", "revolutionary guards corps"),
}  # fmt: skip
# Acronyms of a state's armed forces and of its military commands: the state speaking, as
# "the Israeli military" or "Russia's Defence Ministry" is (a state and its ministries and
# forces are one party). Countries as written; read through countries.country_of, as a
# demonym is ("Congolese army" and "FARDC" meet). Source: the forces' own
# names in English-language copy; to extend, add the acronym and the country name. Tenth
# pass: the armies of the Horn and the Great Lakes by their acronyms, and a military's own
# press wing (Pakistan's Inter-Services Public Relations), which speaks for the state as its
# ministry does. Fourteenth pass: Iran's Revolutionary Guards (IRGC), a branch of its armed
# forces.
STATE_FORCES: dict[str, str] = {
    "IDF": "Israel", "CENTCOM": "United States", "AFRICOM": "United States",
    "EUCOM": "United States", "FARDC": "Congo", "SAF": "Sudan",
    "FAMA": "Mali", "SNA": "Somalia", "AFU": "Ukraine", "ZSU": "Ukraine",
    "PLA": "China", "TSK": "Turkey", "ISPR": "Pakistan", "SSPDF": "South Sudan",
    "ENDF": "Ethiopia", "UPDF": "Uganda", "RDF": "Rwanda", "KDF": "Kenya",
    "SANDF": "South Africa", "IRGC": "Iran",
}  # fmt: skip
# Heads of a source phrase that describe a speaker without naming one ("the regional
# governor", "local volunteers"): such a source is matched to the named source of the story
# that the same words describe.
ROLE_WORDS = words(
    """
    governor mayor spokesman spokeswoman spokesperson minister president commander chief head
    official officials volunteer volunteers network group manager owner operator agency office
    coordinator administration ministry army military authorities navy
    """
)
# Words that describe an armed group without naming it ("the paramilitary group", "the
# rebels"): such a source speaks as the group the analysis ties it to (its affiliation).
GROUP_WORDS = words(
    """
    group groups paramilitary paramilitaries force forces rebel rebels militia militias
    movement militant militants insurgents fighters jihadists jihadist armed spokesman spokeswoman
    separatist separatists islamist islamists
    spokesperson spokespeople representative leadership command commander commanders
    """
)
# Words in the name of a force that is not a state's own (a state's army is filed under the
# state, sources.py): "Arakan Army", "Rapid Support Forces", "Sinjar Resistance Units", "the
# Fano militia", "an ethnic armed group". Such a force fights in a country, so the analysis
# ties it to that country; it is still the other side of the state's account.
ARMED_GROUP_WORDS = words(
    """
    army armed force forces rebel rebels militia militias paramilitary paramilitaries insurgent
    insurgents militant militants fighters jihadist jihadists movement front liberation
    resistance units opposition guerrilla guerrillas
    """
)
# Heads and qualifiers of a body's name that say nothing of which body it is: "the ombudsman's
# office" / "the national ombudsman", "local health authorities" / "the health office"
# (polities.body_key). Source: the ways English-language wire copy names one public body.
GENERIC_HEADS = words(
    """
    office offices authority authorities official officials national local regional provincial
    main area department region province
    """
)
# Titles of an office its holder is described by ("the hospital's director", "the county
# commissioner"): a description by one of them meets the one named speaker of the story whose
# source phrase carries it (speaker_links.described; eighteenth pass). The heads of bodies and
# offices in English usage (a dictionary's sense of each: one who directs, administers,
# presides), not words of who speaks for a body (ROLE_WORDS).
OFFICE_TITLES = words(
    """
    director directors commissioner administrator councillor councilor prefect chairman
    chairwoman chairperson superintendent rector dean principal registrar warden
    """
)
# Role words too general to tie a description to one named source on their own.
GENERIC_ROLES = words("group official officials office head chief network agency authorities")

# What a source speaks through, when copy names it in the source's place ("a Central Command
# statement said", "an army communique said"): the speaker is the body before it.
DOCUMENT_WORDS = words(
    """
    statement statements communique communiqué communiques release bulletin message post
    posts report reports video broadcast
    """
)
# A source written with these words only names nobody by itself: a pronoun, or a part of a
# group named before it ("One of them, a cattle trader, said", "Both of them", "the latter",
# "another"). The analysis's canonical name (the group it points back to) is shown instead.
ANAPHOR_WORDS = words(
    "he she it they him her them we us i you this that these those one two three four five "
    "some many several most all both each either neither none any few a an another other "
    "others the of latter former first second last rest"
)
