"""Command palette (ctrl+p) providers: the app's entries and the entity picker."""
