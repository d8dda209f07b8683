"""The vocabulary of attribution: reporting verbs, their kinds, and the phrases around them.

The model runs without a lemmatizer (it is excluded for speed), so inflected forms are expanded
here once, at import, into plain dictionaries: looking a token up is one dict access.

Verb kinds decide what counts as a claim and how its status starts out:
- SPEECH   said, told, announced...: a claim whenever a source and some content are found;
- DENY     denied, rejected, refuted...: the sentence is its source's denial;
- CONFIRM  confirmed, verified, corroborated: may corroborate another party's claim;
- COGNITIVE believes, fears, estimates...: attitudes, a claim only with a clause as content
  ("Kyiv believes Moscow is massing troops"), never with a bare object ("believes him");
- OBJECT   verbs whose bare noun-phrase object is what was said ("announced a curfew",
  "condemned the strike"); the SPEECH verbs other than these need a clause or a quotation.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The words of a whitespace-separated word list (the way vocabularies are written here)."""
    return frozenset(text.split())


SPEECH = "speech"
DENY = "deny"
CONFIRM = "confirm"
COGNITIVE = "cognitive"

# Irregular or doubled forms: base -> (3rd person, past, past participle, gerund).
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "said", "saying"),
    "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "think": ("thinks", "thought", "thought", "thinking"),
    "feel": ("feels", "felt", "felt", "feeling"),
    "know": ("knows", "knew", "known", "knowing"),
    "see": ("sees", "saw", "seen", "seeing"),
    "find": ("finds", "found", "found", "finding"),
    "show": ("shows", "showed", "shown", "showing"),
    "admit": ("admits", "admitted", "admitted", "admitting"),
    "forecast": ("forecasts", "forecast", "forecast", "forecasting"),
    "retort": ("retorts", "retorted", "retorted", "retorting"),
    "read": ("reads", "read", "read", "reading"),
    "put": ("puts", "put", "put", "putting"),
    "hear": ("hears", "heard", "heard", "hearing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "understand": ("understands", "understood", "understood", "understanding"),
    "rebut": ("rebuts", "rebutted", "rebutted", "rebutting"),
    "write back": ("writes back",),
    "learn": ("learns", "learned", "learnt", "learning"),
    "regret": ("regrets", "regretted", "regretted", "regretting"),
    "commit": ("commits", "committed", "committed", "committing"),
    "refer": ("refers", "referred", "referred", "referring"),
    "prefer": ("prefers", "preferred", "preferred", "preferring"),
    "seek": ("seeks", "sought", "sought", "seeking"),
    "hold": ("holds", "held", "held", "holding"),
    "slam": ("slams", "slammed", "slammed", "slamming"),
    "quip": ("quips", "quipped", "quipped", "quipping"),
    "plan": ("plans", "planned", "planned", "planning"),
    "lash": ("lashes", "lashed", "lashed", "lashing"),
    "email": ("emails", "emailed", "emailed", "emailing"),
    "retweet": ("retweets", "retweeted", "retweeted", "retweeting"),
    "make": ("makes", "made", "made", "making"),
    "give": ("gives", "gave", "given", "giving"),
    "send": ("sends", "sent", "sent", "sending"),
    "become": ("becomes", "became", "become", "becoming"),
    "pen": ("pens", "penned", "penned", "penning"),
    "level": ("levels", "leveled", "levelled", "leveling"),
}

_SPEECH_VERBS = """
say tell state claim announce report declare add allege accuse warn insist acknowledge admit
explain note argue assert contend maintain stress emphasise emphasize predict promise pledge vow
threaten urge describe suggest tweet write post reply respond answer reiterate repeat recall
concede indicate reveal disclose mention comment observe remark testify inform caution complain
criticise criticize condemn blame praise charge counter retort shout conclude demand propose
recommend advise assure boast lament signal hint imply quote cite agree disagree estimate
reassure specify underline underscore clarify recount relate confide predict forecast
question ask wonder call decry denounce slam welcome thank continue endorse oppose advocate
highlight tout brag joke quip apologise apologize characterise characterize label dub brand
portray hail applaud congratulate mock ridicule lambast bemoan rail refer echo remind vow
express voice declare proclaim acknowledge concede announce unveil outline request plead
implore beg yell scream chant exclaim whisper murmur muse fret speculate
prefer favor favour refuse point discuss issue publish release offer compare
liken list reference invoke encourage rebuke assail interject email retweet order
speak talk support back defend attack blast sound push share file
confess posit opine surmise theorize aver affirm reaffirm divulge inquire grumble gloat concur
object elaborate summarize attest certify vouch deride disparage belittle insult excoriate berate
scold chide castigate taunt chastise admonish reprimand commend laud extol bash fault scoff
lambaste credit float broach champion spurn rebuff snub shun downplay minimize trumpet
hype mull ponder preach lobby balk bristle deplore rue justify restate parrot term
implicate insinuate solicit detail allude blurt conjecture demur enquire enthuse entreat exhort
infer intone jeer jest nag profess pronounce reason relay remonstrate reproach snap snarl sneer
stammer stutter venture wail whine mutter mumble snort sigh convey instruct utter recite chuckle
groan read press
"""
_DENY_VERBS = "deny reject dismiss refute rebut dispute contradict disavow disown"
_CONFIRM_VERBS = "confirm corroborate"
_COGNITIVE_VERBS = """
believe think fear expect hope doubt feel know suspect worry assume consider understand
reckon guess calculate find show learn see hear realize realise recognize recognise
acknowledge conclude decide determine judge want wish intend view regard seek identify deem
paint depict envision foresee anticipate imagine bet figure plan
"""
# Verbs whose bare object is (part of) what was said: "announced a curfew", "denied the
# report", "called the strike a war crime", "warned of more attacks".
_OBJECT_BASES = words(
    """
    announce report claim confirm deny reject dismiss refute dispute contradict allege
    acknowledge admit predict promise pledge threaten condemn criticise criticize blame
    praise denounce decry slam welcome reveal disclose demand propose recommend estimate
    rebut question accuse warn vow call describe mention cite express voice highlight tout
    endorse oppose advocate characterise characterize label dub brand portray hail applaud
    congratulate mock ridicule lambast bemoan lament rail refer echo reiterate repeat recall
    quote thank apologise apologize request complain unveil outline declare proclaim suggest
    stress emphasise emphasize underline underscore note corroborate prefer favor favour
    point discuss say agree disagree comment wonder issue publish release offer compare
    liken list reference invoke encourage rebuke assail order ask speak talk write
    support back defend attack blast argue tweet post sound push share file affirm reaffirm
    confess divulge summarize deride disparage belittle insult excoriate berate scold chide
    castigate taunt chastise admonish reprimand commend laud extol bash fault lambaste object
    credit float broach champion spurn rebuff snub shun downplay minimize trumpet hype
    mull ponder preach lobby balk bristle deplore rue justify restate parrot term
    implicate solicit detail press
    """
)
# Verbs that say something only about a topic: "spoke about the attack", "talked of peace",
# not "spoke to reporters" or "talked for an hour".
TOPIC_ONLY = {
    "speak": frozenset(("about", "of", "against")),  # not "spoke on CNN", "on condition"
    "talk": frozenset(("about", "of", "up")),
    "argue": frozenset(("for", "against")),
    "push": frozenset(("for", "against")),
    "press": frozenset(("for",)),
    "lobby": frozenset(("for", "against")),
    "balk": frozenset(("at",)),
    "bristle": frozenset(("at",)),
}
# Verbs of stance, a claim only as a position someone takes: "the minister defended the
# decision", "voters backed the plan"; never "troops defended the town" or "drones attacked
# Kharkiv" (verbs.py checks who and what).
STANCE = words("support back defend attack blast")
PHYSICAL_STANCE = words("defend attack")
MILITARY = words(
    """
    forces force troops army armies soldiers soldier units unit brigade brigades battalion
    battalions regiment division militants fighters gunmen jets aircraft warplanes planes
    drones drone missiles missile artillery tanks navy warships ships helicopters police
    military militia militias insurgents snipers
    """
)
# Prepositions that normally lead into circumstances ("to reporters", "on Monday") but open
# the content after these verbs: "pointed to the losses", "referred to the strike as...".
LEAD_INTO_CONTENT = {
    "point": frozenset(("to",)),
    "refer": frozenset(("to",)),
    "agree": frozenset(("with", "on")),
    "disagree": frozenset(("with", "on")),
    "comment": frozenset(("on",)),
    "object": frozenset(("to",)),
    "allude": frozenset(("to",)),
}
# Verbs whose to-infinitive is what was said: "vowed to retake the town", "urged them to leave".
_INFINITIVE_BASES = words(
    """
    promise pledge vow threaten urge warn tell ask call advise demand plead implore beg
    agree refuse decline propose claim prefer hope expect plan offer order encourage want
    wish intend decide seek
    """
)
# Verbs that make a statement only through a statement-like object: "issued a warning",
# "published its estimate", but not "published a video" or "released prisoners".
_DOCUMENT_VERBS = frozenset(
    ("issue", "publish", "release", "list", "offer", "write", "tweet", "post", "sound", "share")
    + ("file",)
)
_DOCUMENTS = words(
    """
    statement statements report reports warning warnings order orders figures figure data
    list assessment communique decree ultimatum analysis estimate estimates letter memo
    appeal call response denial rebuttal tally toll update updates bulletin findings results
    account details proposal plan condolences apology assurances guarantees ceasefire
    words thoughts opinion view views evaluation praise criticism op-ed column editorial
    essay article piece post tweet message alarm caution complaint complaints lawsuit suit
    motion story stories concern concerns defense specifics idea ideas explanation vision
    critique tribute advice
    """
)
# Subjects whose "shows" / "found" states what they contain: "a poll showed Kyiv ahead",
# "the report found widespread abuse". Not images or videos (verification, not speech).
_FINDINGS = words(
    """
    poll polls survey surveys study studies report reports results figures numbers count
    tally records documents filings audit investigation inquiry review analysis estimates
    """
)
_FINDING_VERBS = frozenset(("show", "find", "suggest", "indicate", "reveal"))


def needs_document(word: str) -> bool:
    """Whether this verb states something only when its object is a statement or document."""
    return VERB_BASE.get(word, "") in _DOCUMENT_VERBS


def is_document(word: str) -> bool:
    return word in _DOCUMENTS


def object_states(verb: str, obj: str) -> bool:
    """Whether "<verb> <obj>" states something: "issued a warning", not "published a video"."""
    return VERB_BASE.get(verb, "") not in _DOCUMENT_VERBS or obj in _DOCUMENTS


def states_findings(verb: str, subject: str) -> bool:
    """Whether "<subject> <verb> X" reports X as found: "a poll showed Kyiv ahead"."""
    return VERB_BASE.get(verb, "") in _FINDING_VERBS and subject in _FINDINGS


# Verb forms that are never cues whatever their frame (war reporting: "the strike claimed
# twelve lives" is no claim).
_NOT_CONTENT = frozenset(("lives", "life", "victims"))


# Reporting nouns ("the ministry's claim that...") and the kind of statement they make.
_NOUNS = {
    SPEECH: """
        statement statements claim claims remarks remark comments comment criticism report
        reports accusation accusations allegation allegations warning warnings assertion
        assertions assessment estimate estimates insistence admission announcement suggestion
        testimony call calls demand demands promise promises pledge vow threat threats
        argument arguments message tweet post letter interview speech account version
        condemnation rebuke objection objections complaint complaints praise question questions
        """,
    DENY: "denial denials rejection rebuttal",
    CONFIRM: "confirmation",
    COGNITIVE: "view views belief fear fears hope concern concerns position",
}
NOUN_CUES: dict[str, str] = {w: kind for kind, words in _NOUNS.items() for w in words.split()}


def forms(base: str) -> tuple[str, ...]:
    """The base, third-person, past, participle and gerund forms of a verb."""
    if base in _IRREGULAR:
        return (base, *_IRREGULAR[base])
    if base.endswith("e"):
        stem = base[:-1]
        return (base, base + "s", stem + "ed", stem + "ing")
    if base.endswith("y") and base[-2] not in "aeiou":
        stem = base[:-1]
        return (base, stem + "ies", stem + "ied", base + "ing")
    if base.endswith(("sh", "ch", "ss", "x")):
        return (base, base + "es", base + "ed", base + "ing")
    return (base, base + "s", base + "ed", base + "ing")


def _table() -> tuple[dict[str, str], dict[str, str]]:
    kinds: dict[str, str] = {}
    bases: dict[str, str] = {}
    groups = (
        (_COGNITIVE_VERBS, COGNITIVE),
        (_SPEECH_VERBS, SPEECH),
        (_CONFIRM_VERBS, CONFIRM),
        (_DENY_VERBS, DENY),
    )
    for words, kind in groups:  # later groups win: "deny" is DENY even if listed elsewhere
        for base in words.split():
            for form in forms(base):
                kinds[form] = kind
                bases[form] = base
    return kinds, bases


VERB_KIND, VERB_BASE = _table()


def verb_kind(word: str) -> str | None:
    """The cue kind of an inflected verb form (lower-case), or None."""
    return VERB_KIND.get(word)


def takes_object(word: str) -> bool:
    """Whether a bare noun-phrase object of this verb is what was said."""
    return VERB_BASE.get(word, "") in _OBJECT_BASES


def takes_infinitive(word: str) -> bool:
    """Whether this verb's to-infinitive is what was said ("vowed to retake the town")."""
    return VERB_BASE.get(word, "") in _INFINITIVE_BASES


def is_not_content(word: str) -> bool:
    """Objects that make a reporting verb literal: "the strike claimed twelve lives"."""
    return word in _NOT_CONTENT


# Every word that can start a cue, for a fast first pass over the whole text.
CUE_WORDS = frozenset(VERB_KIND) | frozenset(NOUN_CUES) | frozenset(("according", ":"))
