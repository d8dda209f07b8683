"""Modal dialogs: small questions (a line of text, yes or no, a note, a new feed, a menu)."""
