"""The query language, explained once for the help screen and the README."""

QUERY_HELP = """\
kharkiv drone          articles with every word (prefix match; one-letter words are skipped)
"air defence"          an exact phrase (spelling variants too: "air defense", Kyiv/Kiev)
feed:un  tag:ukraine   by feed name or address, by tag
entity:Zhuravka        articles (claims) mentioning an entity
by:"defence ministry"  claims whose source matches, as written or its canonical name
side:russia            claims whose source is on that side (articles with such a claim)
status:disputed        claimed, denied, disputed, unconfirmed, confirmed
is:manual              claims whose status you set (v)
type:claim             list claims (in the article list: enter opens the claims view)
since:3d  until:2026-10-01   by date (h, d, w, m, y, a date, today, yesterday)
is:unread  is:read  is:bookmarked  is:conflict
lang:uk                articles in a language (claims and entities: English only)
outlets:>=3            whose story 3+ outlets tell (also 2, >2, <3); is:contested: it holds ⚡
-word  -status:claimed negation; every term must hold
enter keeps the filter, esc clears it; a malformed query keeps the last good list"""
