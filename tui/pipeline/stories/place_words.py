"""Words of places as outlets write them: what puts a capitalised name on the map, what makes
it a region, a speaker or a reference point rather than the place of an event (placenames.py,
features.py). Split out of lexicon.py (twelfth pass); the same sources: general English and the
vocabulary of war reporting, none taken from an evaluation text.
"""

from __future__ import annotations

from tui.pipeline.stories.lexicon import words

# Places as outlets write them (placenames.py). Prepositions that put a capitalised name on
# the map ("in Aguelhok", "near Marte"); lower case only, so a title's capitalised words are
# no cue.
LOCATIVES = words("in near at outside around")
# Nouns of an act of war that put the name after "on" or "of" on the map: where the act struck
# ("the settler attack on Turmus Ayya", "a missile strike on Sumy", "the shelling of Kherson",
# "the siege of Mariupol"). A name the analysis calls an organisation is left out ("an attack
# on Hamas"), as are countries, demonyms and peoples, as after any locative.
ACTS_ON = words(
    """
    attack attacks strike strikes airstrike airstrikes raid raids assault assaults offensive
    incursion bombing bombings shelling barrage
    """
)
ACTS_OF = words("shelling bombing bombardment siege capture recapture storming encirclement")
# Words for a facility named after its place ("the Boulkessi camp", "a Kismayo hotel"): the
# name before them is a place. Also what makes an entity a building rather than a town.
FACILITY_WORDS = words(
    """
    hospital school airport port base camp market station plant factory prison university
    mosque church monastery bridge dam square street road hotel refinery terminal depot
    checkpoint camps bases markets
    """
)
# Words in a name that are no part of its place: the Arabic article, and capitalised words
# that follow a locative without naming a place (months, a weekday).
NAME_ARTICLES = words("al el ad ar as an ash at az ad-")
NOT_PLACE_NAMES = words(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday the a an
    """
)
# Verbs of saying after a place name make it the speaker, the government seated there
# ("Ankara says", "Kyiv denies", "Moscow claims").
SPEECH_VERBS = words(
    """
    says said say denies denied deny claims claimed claim accuses accused insists insisted
    rejects rejected warns warned cites cited blames blamed vows vowed confirms confirmed
    announces announced
    """
)
# Labels an outlet puts before a headline for a piece about a trend or an opinion, not one
# event ("Analysis: Drones are changing the Sahel's wars"); such a piece joins a story only if
# its headline names that story's place.
TREND_LABELS = words("analysis opinion comment commentary editorial column insight perspective")
# Words that make a place name a region: a compass word before it ("southern Gaza", "eastern
# Congo") or an administrative word after it ("Borno State", "Donetsk region", "the Gaza
# Strip"). Not a district (thirteenth pass): a focus place may be a district ("no broader than
# a town, village or district", docs/STORIES.md), and outlets name one event by its town in one
# report and by its district in the next ("the Mendhar area of Poonch district" / "the Punch
# sector"); a county or raion stays a region.
COMPASS_WORDS = words(
    """
    north south east west northern southern eastern western central northeastern northwestern
    southeastern southwestern north-east north-west south-east south-west north-eastern
    north-western south-eastern south-western
    """
)
ADMINISTRATIVE_WORDS = words(
    """
    region regions province provinces oblast oblasts state states governorate governorates
    county strip valley prefecture department territory raion
    """
)
