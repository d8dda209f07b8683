"""Flows: what a key or a palette entry starts that spans screens, dialogs and a thread worker
(edit feeds.toml, bookmark a claim, export), kept out of any one screen so each runs one way."""
