"""Paragraph-level boilerplate rules: what reads as page furniture whatever the markup says.

Markup often fails to name its furniture (plain ``<p>`` "Advertisement" labels, credits typed
into the body, "Read more:" lines), so these rules judge a paragraph's own text. They only ever
look at short paragraphs (the word limits below), because a long paragraph is almost always
prose, and the patterns are anchored to how furniture is phrased rather than to topics: an
article about newsletters or photography keeps its sentences. Section labels ("Related
stories", "You may also like", "Comments") mark where a box of teasers starts; the cleaner
drops the label and the box it heads.
"""

from __future__ import annotations

import re

from tui.pipeline.extract.phrases import alternation


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(alternatives), re.I)


# Labels that open a section of teasers or comments: the story does not continue after them.
_SECTION_LABEL = _rx(
    r"^(?:related|recommended|more|most|trending|popular|top|latest|further|other|also)\b.{0,40}"
    r"\b(?:stories|articles|news|posts|reads?|reading|coverage|videos|content|links|headlines|"
    r"to read|to explore|for you)\W*$",
    r"^(?:related|recommended|trending|most (?:read|popular|viewed|shared)|popular now|"
    r"more (?:on|about) (?:this|the) (?:story|topic|subject)|more from \S+(?: \S+)?|"
    r"read next|up next|what to read next|don'?t miss|you (?:may|might) (?:also )?(?:like|enjoy)"
    r"|recommended for you|explore further|more great \S+ stories|more like this|topics|tags|"
    r"filed under|share this|see also|comments?|leave a (?:comment|reply)|"
    r"join the (?:conversation|discussion)|tell us what you think)\W*$",
    # the same labels in the other languages of the pages we read
    r"^(?:voc[eê] (?:pode|tamb[eé]m pode) gostar|veja tamb[eé]m|leia tamb[eé]m|"
    r"mat[eé]rias relacionadas|not[ií]cias relacionadas|tambi[eé]n te puede interesar|"
    r"te puede interesar|m[aá]s noticias|[aà] lire aussi|sur le m[eê]me sujet|"
    r"les plus lus|das k[oö]nnte sie auch interessieren|mehr zum thema|meistgelesen|"
    r"potrebbe interessarti|leggi anche|articoli correlati|"
    r"читайте также|самые популярные.*|похожие статьи|добавить отзыв|комментарии|"
    r"coment[aá]rios|kommentare|commentaires|artikel terkait|baca juga)\W*$",
)
_LABEL_ONLY = _rx(
    r"^(?:advertisement|advertising|advert|ad|ads|sponsored|sponsored content|anzeige|werbung|"
    r"publicidade|publicidad|publicit[eé]|pubblicit[aà]|реклама|iklan|"
    r"story continues below(?: this)? advertisement|continue reading(?: below| the main story)?|"
    r"scroll to continue with content|subscribe|sign up|log ?in|share|print|email|tweet|"
    r"(?:\d+\s+)?comments?|view comments|show comments|load comments|\d+ shares?|"
    r"image \d+ of \d+|photo \d+ of \d+|\d+ of \d+|getty|getty images|reuters|ap|afp|epa|"
    r"shutterstock|alamy|\(?(?:file )?photo\)?)\W*$",
)
_SHARE_WORDS = re.compile(
    r"^(?:\W*(?:share|sharing|facebook|twitter|whatsapp|telegram|pinterest|linkedin|reddit|"
    r"email|e-mail|print|copy link|messenger|tumblr|flipboard|pocket|vk|comments?|tweet|"
    r"pin|save|on|via|this|article|story|page|post)\W*\d*)+$",
    re.I,
)
_BOILERPLATE = _rx(
    # read-more and related lines
    r"^(?:read|see|watch|listen) (?:more|also|next|the full)\b.{0,160}$",
    r"^click here (?:to|for) (?:read|see|watch|subscribe|sign up|more|the full)\b.{0,100}$",
    r"^(?:related|more|also read|read also|see also|recommended|most read|watch|listen)\s*:"
    r".{0,160}$",
    # follow and share prompts
    r"(?:\bfollow (?:us|me|him|her|them)|^follow \S+(?: \S+)?) on (?:twitter|x|facebook|instagram|"
    r"telegram|whatsapp|google news|linkedin|tiktok|youtube|bluesky|threads)\b",
    r"^(?:follow|join|subscribe to) (?:us|our|the) .{0,60}(?:telegram|whatsapp|channel|"
    r"newsletter|podcast|youtube)\b",
    r"^(?:like|enjoyed?) this (?:story|article|post)\?",
    r"\bshare (?:this|it) with (?:a friend|your friends)\b",
    # newsletters and subscriptions
    r"\b(?:sign up|subscribe)\b.{0,80}\b(?:newsletters?|inbox)\b",
    r"\bdelivered (?:\w+ ){0,2}(?:to|through|into|in) your (?:inbox|letterbox|mailbox|door)\b",
    r"^(?:get|receive) (?:our|the) .{0,60}\b(?:newsletter|delivered|briefing)\b",
    r"\bif you enjoyed this article\b",
    # credits, bylines and contact lines
    r"^\(?(?:additional |with )?(?:reporting|writing|editing|research) by\b.{0,200}$",
    r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b",
    r"^[\w.'’ -]{2,60} contributed reporting\b",
    r"^(?:have a tip\?|contact (?:the )?(?:author|reporter|writer)\b)",
    r"^(?:email|e-mail|contact|reach) [\w.'’ -]{2,40} at \S+@\S+",
    r"^\S+@\S+\.\w{2,}$",
    r"^filed under\s*:",
    r"^related\b[\w ]{0,24}:",
    r"^follow .{0,60}\bcoverage\b.{0,80}$",
    r"^more [\w'’ ]{1,30}:\s*https?://",
    r"^subscribe to\b.{0,100}$",
    r"^(?:https?://)?(?:www\.)?(?:twitter|x|facebook|instagram)\.com/\S+$",
    # captions and photo credits
    r"^(?:photo|image|picture|video|credit|foto|bild|photograph)s?\s*(?::|credit|courtesy|by)"
    r".{0,160}$",
    r"\((?:photo|image|credit|file photo|picture)[^)]{0,80}\)\s*$",
    r"^.{0,200}\b(?:getty images|ap photo|afp via getty|reuters/|/reuters|/ap|/afp|/epa|"
    r"shutterstock|alamy|file photo)\W*$",
    r"^(?:image|media) (?:copyright|caption)\b",
    r"\[\+\]\s*$",
    # metadata lines: reading time, updated stamps, comment policy, citations
    r"^(?:tempo de leitura|reading time|lesezeit|temps de lecture|tiempo de lectura)\b.{0,30}$",
    r"^\d+\s*(?:min(?:ute)?s?|minutos?)\s*(?:read|de leitura|de lectura)\W*$",
    r"^(?:updated|published|posted|last updated|atualizado|publicado)\b(?: at| on|:)?\s*(?:\d|"
    r"(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
    r".{0,60}$",
    r"\bcomments?\b.{0,120}\b(?:moderat|approv|spam)",
    r"\bcoment[aá]rios?\b.{0,160}\bmoderador",
    # citation and republication notes: how to cite the page, where it first ran
    r"^(?:citation|cite this (?:article|story|page)|how to cite(?: this (?:article|story|page))?)"
    r"\s*:",
    r"^this (?:article|story|post|piece) (?:was|is) (?:originally|first) (?:published|posted)\b",
    r"^(?:this (?:article|story|post|piece) )?(?:first appeared|republished|reprinted) (?:in|on|"
    r"with)\b",
    # terms-of-use notices ("This document is subject to copyright. Apart from any fair
    # dealing..."). A bare "© 2019 AP. All rights reserved." line stays: benchmark annotators
    # count it as part of the article (it is the wire's own closing line).
    r"^(?:this|the|all) (?:document|article|material|content|story)s? "
    r"(?:on this (?:site|website) )?(?:is|are) (?:subject to|protected by) copyright\b",
)
_TIME = (
    r"(?:\s*(?:at|,|-|–|\||às)?\s*\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*[a-z]{0,5})?"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?\s*)?"
# A line that is only a date, perhaps with a time and a zone: "Nov. 20, 2019 10:43 EST".
_DATE_LINE = _rx(
    rf"^{_DAY}(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?),?\s+\d{{4}}{_TIME}\W*$",
    rf"^\d{{4}}-\d{{2}}-\d{{2}}{_TIME}\W*$",
    rf"^\d{{1,2}}/\d{{1,2}}/\d{{2,4}}{_TIME}\W*$",
    r"^.{0,40}\b\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}(?::\d{2})?$",
    r"^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}(?::\d{2})? [\w.'’ -]{0,40}$",
    rf"^(?:(?:segunda|ter[cç]a|quarta|quinta|sexta)-feira|s[aá]bado|domingo),? \d{{1,2}} de \w+ de "
    rf"\d{{4}}{_TIME}\W*$",
)
# At the end of a story only: the author's bio and contact lines. Earlier in a story the same
# words describe someone the story is about ("She was a journalist who covered Chechnya").
_TAIL = _rx(
    r"^[\w.'’ -]{3,40} (?:is|was) (?:an?|the) .{0,60}\b(?:reporter|writer|correspondent|"
    r"editor|journalist|contributor|columnist|curator|producer|author)\b.{0,200}$",
    # "Jane Doe covers defence for The Wire", "... writes the weekly Front Lines column"
    r"^[\w.'’ -]{3,40} (?:covers|reports on|writes about|writes for|edits) .{0,80}\bfor "
    r"(?:the )?[A-Z][\w.'’ -]{1,40}\b.{0,200}$",
)
# "By Jane Doe", "By Jane Doe and John Roe, Associated Press": capitalised names only, so a
# sentence that starts with "By the end of..." is not a byline.
_BYLINE = re.compile(
    r"^[Bb][Yy]:?\s+(?:[A-Z][\w.'’-]*\s*){1,4}(?:(?:,|and|&)\s*(?:[A-Z][\w.'’-]*\s*){1,4})*"
    r"(?:[,|–—-]\s*.{0,50})?$"
)
_WORDS = re.compile(r"\w+")
# A tweet-quote button's label after a pull quote's last sentence, often glued to it
# ("...as offline.Click To Tweet"): the quote stays, the label goes (data/share_labels.txt).
_SHARE_LABEL = re.compile(
    rf"(?:(?<=[.!?\u2026\"'\u201d\u2019\u00bb)])|^)\s*{alternation('share_labels.txt')}\W*$", re.I
)


def word_count(text: str) -> int:
    return len(_WORDS.findall(text))

# A page that says it is missing (data/missing_page.txt), read only when the page is short: a
# story about broken links is longer than any error page.
_MISSING_PAGE = re.compile(rf"(?<!\w){alternation('missing_page.txt')}(?!\w)", re.I)
MISSING_PAGE_WORDS = 150


def is_missing_page(paragraphs: list[str]) -> bool:
    """True when a short page's text says the page or its content is not there (a soft 404)."""
    if sum(word_count(p) for p in paragraphs) > MISSING_PAGE_WORDS:
        return False
    return any(_MISSING_PAGE.search(p) for p in paragraphs)


def without_share_label(text: str) -> str:
    """*text* less a share button's label at its end; "" when the label is all there is."""
    return _SHARE_LABEL.sub("", text).rstrip()


def is_section_label(text: str) -> bool:
    """A short heading that opens teasers, tags or comments: the story has ended."""
    return word_count(text) <= 8 and bool(_SECTION_LABEL.search(text.strip()))


def is_tail_boilerplate(text: str) -> bool:
    """A closing paragraph about the author rather than the story."""
    return word_count(text) <= 60 and bool(_TAIL.search(text.strip()))


def is_boilerplate(text: str) -> bool:
    """A paragraph that is page furniture whatever the markup around it."""
    text = text.strip()
    words = word_count(text)
    if words == 0:
        return True
    if words <= 6 and (_LABEL_ONLY.match(text) or _SHARE_WORDS.match(text)):
        return True
    if words <= 60 and _BOILERPLATE.search(text):
        return True
    if words <= 14 and _BYLINE.match(text):
        return True
    return words <= 14 and bool(_DATE_LINE.search(text))
