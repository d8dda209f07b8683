"""Pure transforms, no storage: fetch/ (the network edge), parse/ (feed bodies to entries),
extract (pages to reading text), analyze/ (claims and entities), workers (the processes that run
extraction and analysis). Imports tui.core only; never Textual or Rich.
"""
