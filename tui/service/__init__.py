"""What the user asks for, over the pipeline and the store: refresh, feeds.toml edits, OPML,
bookmarks and their citations, config and locations, and the typed data service the app's
screens use (`library.Library`). Never imports Textual or Rich.
"""
