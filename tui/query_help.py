"""The query language, explained once for the help screen and the README."""

QUERY_HELP = """\
kharkiv drone          articles with every word (prefix match)
"air defence"          an exact phrase
feed:un  tag:ukraine   by feed name/address, by tag
entity:Zhuravka        articles (or claims) mentioning an entity
by:"defence ministry"  claims whose source matches
status:disputed        claimed, denied, disputed, unconfirmed, confirmed
type:claim             list claims instead of articles (sitrep search)
since:3d  until:2026-10-01   by date (h, d, w, m, y or a date)
is:unread  is:read  is:bookmarked  is:conflict
-word  -status:claimed negation; all terms must hold
enter keeps the filter, esc clears it"""
