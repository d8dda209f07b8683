"""The `sitrep` subcommands (fetch, analyze, search, feeds, bookmarks, reprocess, paths, vacuum),
headless, over the service layer. `tui/__main__.py` parses the arguments and dispatches here."""
