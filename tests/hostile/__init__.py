"""Hostile reproducers written for sitrep's robustness tests (issue 7); see payloads.py."""
