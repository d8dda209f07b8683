"""Stories across outlets: the same event from every outlet, and who says what about it.

Runs on analysed articles (their claims and entities are inputs) and never loads spaCy.

Public API (docs/STORIES.md explains the rules and the numbers behind them):
    StoryArticle                         article.py: an article with its analysis
    article_features(article)            features.py: what grouping compares, as plain data
    StoryIndex.assign/reassign/remove    grouping.py: incremental grouping; to_state/from_state
    build_ledger(story_id, articles)     ledger.py: claim rows by speaker and statement
    story_figures(rows, texts)           figures.py: amounts per quantity; side_by_side
    find_contradictions(rows, figures)   contradictions.py: denial, dispute, figures
    story_report / story_json            export.py: all of it, and the CLI's JSON line
    stories_lines(stories, include_single)  the CLI's JSON Lines, newest first
"""

# What the grouping compares changed shape: stories filed with another version are filed again
# from scratch (tui/service/stories.py). 2: spelling-free town keys, event kinds, headline towns.
# 3: phrases that name no kind ("died in hospital", "the port city of"); "fall" and "control"
# of a place are its capture. 4: a weapon word before who works or makes it ("drone operators")
# names no weapon. 5: every name that is no wider place is filed under its skeleton, whatever
# type the analysis gave it (a town it calls a person in one article is the town of the next).
# 6: a story's stored state carries its event kinds (a story filed in an earlier batch had none,
# and the kind mismatch never applied to it).
# 7: grenades and roadside bombs are explosive weapons; a target word before a verb of saying
# names who speaks ("Papua church says"); a place after a compass word and "of" is a reference
# point ("a village north of Bambari"), and so is a town in a clause of what came before
# ("hours after a blast in neighbouring Narathiwat"): no focus places (twelfth pass, stories12).
# 8: a district is no region ("Poonch district" is a focus place; thirteenth pass, stories13).
# 9: shelling and a missile attack are one weapon class ("Cambodian rockets" / "denies
# shelling"; fourteenth pass, stories14).
# 10: a name after an act of war and "on"/"of" is a place ("the attack on Sinjil"), unless a
# body or a people; a sentence's first word is no place by a facility word two words on
# (sixteenth pass, stories16; its grouping rules — the first paragraph's town choosing, a clear
# lead for an article of no town, one place at two levels — take effect with the refiling).
# 11: "Congo" alone is the DR Congo, as the analyzer reads it (analyze/shared_names.py).
# 12: a dateline's town ("PORT MORESBY, May 16 (Wire) - ") is where the story was filed: no
# focus place, no lead term and no country of the event (eighteenth pass, stories18).
# 13: the features keep their shape, the grouping's rules change and take effect with the
# refiling: an analysis whose headline spans two places joins no story, and one event's places
# at two levels (each report naming the other's, a town the analysis left untagged met as a
# word) anchor the article (groups21).
FEATURES_VERSION = "13"
# What a story's report finds changed (the ledger's rows, contradictions, figures): the stored
# contested marks (⚡, `is:contested`) were set by other rules and are checked again, a batch at
# a time, by the story process (tui/service/stories.py). Bump with any change to them.
REPORT_VERSION = "11"  # 11: the twenty-first pass (stories21): a document given whole after
# a header speaks as the header's speaker, a claim per sentence of an act or a count; a named
# person's row tied to a state joins the state's row it meets in other outlets.
# 11, also contradictions on new sets (contra21): a denial of who holds
# a place answers only accounts of who holds it; "no civilian was harmed" denies harm to them;
# an amount of one counts a singular noun's class ("one soldier was killed": soldiers).
# 10: the twentieth pass (stories20): an official, member or head of a
# named body speaks for it; an organ of a state's government named with its country is the
# state; an acronym set after a description names the source, and that description the body.
# 9: the nineteenth pass (stories19): the largest of a quantity's
# counts all read as parts is their whole; "two dozen", "several dozen", "a few hundred" are
# amounts; a claim that meets two rows of its speaker by counts of two quantities joins them.
# 8: the eighteenth pass (stories18): a description by an office
# title ("the hospital's director") meets the one named holder of it.
# 7: the seventeenth pass (stories17): a claim of two that-clauses, or a
# quotation of two sentences, is two mentions, one per statement; a day of the month is no
# count ("on 8 May"); armed men after a noun of the act are its authors, not what it hit ("the
# attack was the work of militants"); a source's describing words lose their possessive.
# 6: the sixteenth pass (stories16): a spokesperson the analysis did
# not tag a person speaks as the body named; a state's own media and a unit of its army speak
# as the state; the ledger's learned-join hooks removed (no model was shipped: rows unchanged).
# 5: the fourteenth pass (stories14): a monarchy's forces ("the Royal
# Thai Army") and Iran's Revolutionary Guards speak as the state; a description's named
# speaker counted once. 4: the thirteenth pass (stories13): a part of a count is no other toll,
# who fired first keyed by the side blamed (and disputed), speakers (a military source, a
# body's news agency, an acronym in another word order, a bare body's spokesperson), alarm at
# reports tells no event, a denial of a report denies its words, who the dead were tells an
# act, kin of armed men are none, a later toll disputes what was hit, a claim of two
# that-clauses joins by one, a superseded count is no toll, a count read past an aside of its
# parts, another's account called untrue is a denial. 3: the twelfth pass
# (stories12): armed men who acted are no objective
# hit ("gunmen attacked a patrol"), a site for civilians is theirs, a count beside soldiers'
# is theirs (poles.py). 2: the eleventh pass (stories11): spokespersons filed under their body,
# denials of a backing tie, words for armed men and forces in figures, state-run outlets' side;
# digits inside a word are no count ("M23", "S-300"); a count inside a whole country is wide
