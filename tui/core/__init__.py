"""The values and rules every layer shares: models, errors, the query language, text hygiene.

Imports nothing of sitrep's and no third-party package: the bottom of the house.
"""
