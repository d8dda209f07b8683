"""Screens wire widgets to the store and the refresher; they hold the state."""
