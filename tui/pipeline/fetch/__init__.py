"""The network edge: one shared httpx client, caps, deadlines, validators, redirects.

`client.py` holds the Fetcher (every request of a refresh goes through it); `transport.py`
spreads connections over several small pools.
"""

from tui.pipeline.fetch.client import Fetcher, Response, describe_error, make_client

__all__ = ["Fetcher", "Response", "describe_error", "make_client"]
