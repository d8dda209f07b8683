"""Widgets named for what they show. They render state handed down and post messages up."""
