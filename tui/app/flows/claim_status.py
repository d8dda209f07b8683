"""Setting a claim's status by hand (`v` in the reader and the claims view).

The screen says which claim is under its cursor (`HasCurrentClaim`, with its status); the
chooser asks for a status; the Library stores it apart from the analysis (it survives
`sitrep reprocess`) and copies it into the claim's bookmark. The screen then gets
`ClaimStatusSet` to show it, and every screen hears that the data changed.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.screen import Screen

from tui.app.contract import ClaimRef, HasCurrentClaim, sitrep
from tui.app.dialogs.status_chooser import ANALYSIS, StatusChooser
from tui.app.messages import ClaimStatusSet
from tui.core.errors import StoreError


def set_status_of_current_claim(screen: Screen[Any]) -> None:
    """The `v` action: ask for the status of the claim under the cursor, then store it."""
    target = screen.claim_ref() if isinstance(screen, HasCurrentClaim) else None
    if target is None:
        screen.notify("Move to a claim first (] in the reader).", severity="warning")
        return
    if sitrep(screen).library.readonly:
        screen.notify("Read-only: another sitrep is running, set the status in that one.",
                      severity="warning")
        return
    chooser = StatusChooser(target.status, target.analysis_status, target.manual)
    screen.app.push_screen(chooser, partial(_chosen, screen, target))


def _chosen(screen: Screen[Any], target: ClaimRef, choice: str | None) -> None:
    if choice is None or (target.manual and choice == target.status):
        return  # closed, or the user's word already
    status = None if choice == ANALYSIS else choice
    screen.run_worker(partial(_store, screen, target, status), thread=True,
                      group="claim-status", exit_on_error=False)


def _store(screen: Screen[Any], target: ClaimRef, status: str | None) -> None:
    app = screen.app
    library = sitrep(screen).library
    try:
        claim = library.set_claim_status(target.article_id, target.start, target.source_start,
                                         status)
    except StoreError as exc:
        app.call_from_thread(screen.notify, str(exc), severity="error", markup=False)
        return
    if claim is None:
        app.call_from_thread(screen.notify, "That claim is no longer in the cache.",
                             severity="warning")
        return
    app.call_from_thread(_done, screen, target.article_id, claim, status is None)


def _done(screen: Screen[Any], article_id: int, claim: dict[str, Any], back: bool) -> None:
    screen.post_message(ClaimStatusSet(article_id, claim))
    sitrep(screen).bump_data(force=True)
    if back:
        screen.notify(f"Status back to the analysis's: {claim['status']}.")
    else:
        screen.notify(f"Status set by you: {claim['status']} (the analysis said "
                      f"{claim['analysis_status']}).")
