"""The words of attribution, as plain word lists (cues.py turns them into lookup tables).

General English, grouped by what the words do; none is taken from an evaluation text. Verbs
are listed by their base form; cues.forms() inflects them.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The words of a whitespace-separated word list (the way vocabularies are written here)."""
    return frozenset(text.split())


# Irregular or doubled forms: base -> (3rd person, past, past participle, gerund).
IRREGULAR: dict[str, tuple[str, ...]] = {
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
    "snap": ("snaps", "snapped", "snapped", "snapping"),
    "nag": ("nags", "nagged", "nagged", "nagging"),
    "snub": ("snubs", "snubbed", "snubbed", "snubbing"),
    "shun": ("shuns", "shunned", "shunned", "shunning"),
    "dub": ("dubs", "dubbed", "dubbed", "dubbing"),
    "bet": ("bets", "bet", "bet", "betting"),
    "aver": ("avers", "averred", "averred", "averring"),
    "infer": ("infers", "inferred", "inferred", "inferring"),
    "concur": ("concurs", "concurred", "concurred", "concurring"),
    "beg": ("begs", "begged", "begged", "begging"),
    "brag": ("brags", "bragged", "bragged", "bragging"),
    "demur": ("demurs", "demurred", "demurred", "demurring"),
    "extol": ("extols", "extolled", "extolled", "extolling"),
    "fret": ("frets", "fretted", "fretted", "fretting"),
}

SPEECH_VERBS = (
    # saying, telling, asking, promising
    """
    say tell state claim announce report declare add allege accuse warn insist acknowledge
    admit explain note argue assert contend maintain stress emphasise emphasize predict
    promise pledge vow threaten urge describe suggest reply respond answer reiterate repeat
    recall concede indicate reveal disclose mention comment observe remark testify inform
    caution complain conclude demand propose recommend advise assure boast lament signal hint
    imply quote cite agree disagree estimate reassure specify underline underscore clarify
    recount relate confide forecast question ask wonder call express voice proclaim unveil
    outline request plead implore beg refuse point discuss compare liken reference invoke
    encourage order speak talk counter retort remind speculate muse fret prefer favor favour
    continue confess posit opine surmise theorize aver affirm reaffirm divulge inquire enquire
    concur object elaborate summarize attest certify vouch detail allude conjecture infer
    profess pronounce reason relay instruct convey venture utter recite restate term read
    """
    # in writing and online, through a statement put out
    """
    write tweet post email retweet issue publish release list offer share file sound
    """
    # judging others: praise, blame, scorn
    """
    criticise criticize condemn blame praise charge decry denounce slam welcome thank endorse
    oppose advocate highlight tout brag joke quip apologise apologize characterise characterize
    label dub brand portray hail applaud congratulate mock ridicule lambast lambaste bemoan rail
    refer echo rebuke assail deride disparage belittle insult excoriate berate scold chide
    castigate taunt chastise admonish reprimand commend laud extol bash fault scoff gloat
    grumble credit broach float champion spurn rebuff snub shun downplay minimize trumpet hype
    deplore rue justify parrot implicate insinuate solicit reproach remonstrate exhort entreat
    enthuse demur jeer jest nag preach mull ponder
    """
    # the manner of speaking, with a quotation: '"...," she whispered'
    """
    shout yell scream chant exclaim whisper murmur interject blurt intone snap snarl sneer
    stammer stutter wail whine mutter mumble snort sigh chuckle groan
    """
    # stances and advocacy (verbs.py keeps military actions out)
    """
    support back defend attack blast push press lobby balk bristle
    """
)
DENY_VERBS = (
    "deny reject dismiss refute rebut dispute contradict disavow disown rubbish debunk counter"
)
CONFIRM_VERBS = "confirm corroborate"
COGNITIVE_VERBS = (
    # belief, knowledge, judgement
    """
    believe think fear expect hope doubt feel know suspect worry assume consider understand
    reckon guess calculate find show learn see hear realize realise recognize recognise
    acknowledge conclude decide determine judge view regard identify deem paint depict
    envision foresee anticipate imagine bet figure assess
    """
    # intention and desire
    """
    want wish intend seek plan
    """
)

# Verbs whose bare object is (part of) what was said: "announced a curfew", "denied the
# report", "called the strike a war crime", "warned of more attacks".
OBJECT_BASES = words(
    """
    announce report claim confirm deny reject dismiss refute dispute contradict allege rubbish
    debunk
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
# "argued for talks", not "spoke to reporters" or "talked for an hour".
TOPIC_ONLY = {
    "speak": words("about of against"),  # not "spoke on CNN", "on condition of anonymity"
    "talk": words("about of up"),
    "argue": words("for against"),
    "push": words("for against"),
    "press": words("for"),
    "lobby": words("for against"),
    "balk": words("at"),
    "bristle": words("at"),
}
# Prepositions that normally lead into circumstances ("to reporters", "on Monday") but open
# the content after these verbs: "pointed to the losses", "referred to the strike as...".
LEAD_INTO_CONTENT = {
    "point": words("to"),
    "refer": words("to"),
    "agree": words("with on"),
    "disagree": words("with on"),
    "comment": words("on"),
    "object": words("to"),
    "allude": words("to"),
}
# Verbs whose to-infinitive is what was said or meant: "vowed to retake the town", "urged
# them to leave", "wants to join NATO".
INFINITIVE_BASES = words(
    """
    promise pledge vow threaten urge warn tell ask call advise demand plead implore beg
    agree refuse decline propose claim prefer hope expect plan offer order encourage want
    wish intend decide seek
    """
)
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
# Weapons and machines: they strike and slam, never speak ("a missile slammed into ...").
WEAPONS = words(
    """
    missile missiles rocket rockets drone drones shell shells bomb bombs artillery tank tanks
    jet jets aircraft warplane warplanes helicopter helicopters munition munitions projectile
    projectiles mortar mortars grenade grenades mine mines torpedo torpedoes bullet bullets
    strike strikes airstrike airstrikes blast explosion explosions debris shrapnel
    """
)
# Events: they raise fears and spark calls, but hold no view ("the attack raised fears").
EVENTS = words(
    """
    attack attacks shelling bombing bombings bombardment offensive assault raid raids move
    decision incident incidents explosion war fighting clashes violence escalation advance
    withdrawal killing killings death deaths crisis incursion invasion operation ambush siege
    blockade fire fires flooding collapse outbreak surge spike wave news report reports video
    footage images announcement development situation
    """
)
# Nouns for people: "the minister defended the decision" takes a position with words.
PERSON_NOUNS = words(
    """
    official spokesman spokeswoman spokesperson governor commander minister president mayor
    soldier resident witness general officer chief head leader analyst diplomat ambassador
    envoy adviser advisor aide prosecutor lawmaker senator director secretary colonel
    captain sergeant lieutenant major doctor nurse volunteer medic farmer woman man teacher
    source trader vendor shopkeeper merchant driver worker student mother father wife husband
    son daughter brother sister survivor victim fisherman herder activist journalist reporter
    lawyer researcher engineer priest imam pastor elder villager refugee neighbor neighbour
    paramedic surgeon pilot mechanic businessman shepherd grandmother grandfather
    """
)
# Places held or fought over: "troops defended the town", "attacked positions near the bridge"
# are military actions, not positions taken.
PLACE_NOUNS = words(
    """
    area areas town towns city cities village villages region regions line lines front
    frontline position positions border borders bridge bridges base bases territory district
    settlement settlements airport port ports plant station stations road roads hill heights
    outpost outposts checkpoint checkpoints trench trenches ship ships vessel vessels tanker
    tankers convoy convoys column columns vehicle vehicles target targets facility facilities
    infrastructure depot depots camp camps troops soldiers forces
    """
)
# What a person defends or attacks with words: acts and decisions ("defended the decision",
# "attacked the policy"), besides statements (DOCUMENTS) and people.
ACTS = words(
    """
    decision decisions policy policies move moves action actions strategy approach deal
    agreement law bill choice ruling stance handling record conduct response plan plans
    """
)
# Verbs that make a statement only through a statement-like object: "issued a warning",
# "published its estimate", "shared his thoughts", but not "published a video" or "released
# prisoners".
DOCUMENT_VERBS = words("issue publish release list offer write tweet post sound share file")
DOCUMENTS = words(
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
FINDINGS = words(
    """
    poll polls survey surveys study studies report reports results figures numbers count
    tally records documents filings audit investigation inquiry review analysis estimates
    """
)
FINDING_VERBS = words("show find suggest indicate reveal")
# Objects that make a reporting verb literal: "the strike claimed twelve lives".
NOT_CONTENT = words("lives life victims")

# Reporting nouns ("the ministry's claim that..."), by the kind of statement they make.
SPEECH_NOUNS = """
    statement statements claim claims remarks remark comments comment criticism report
    reports accusation accusations allegation allegations charge charges warning warnings assertion
    assertions assessment estimate estimates insistence admission announcement suggestion
    testimony call calls demand demands promise promises pledge vow threat threats
    argument arguments message tweet post letter interview speech account version
    condemnation rebuke objection objections complaint complaints praise question questions
    """
DENY_NOUNS = "denial denials rejection rebuttal"
# Seeing is the outlet's own reporting when its people see: "Reuters journalists at the scene
# saw ...", "an AFP photographer witnessed ..." (attribution.py: no claim).
PERCEPTION_VERBS = words("see witness observe count hear")
PRESS_NOUNS = words(
    """
    journalist journalists reporter reporters correspondent correspondents photographer
    photographers cameraman cameramen videographer videographers crew crews
    """
)
CONFIRM_NOUNS = "confirmation"
COGNITIVE_NOUNS = "view views belief fear fears hope concern concerns position"
