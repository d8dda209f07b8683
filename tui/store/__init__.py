"""The SQLite cache. Plain sqlite3; never imports Textual or Rich."""
