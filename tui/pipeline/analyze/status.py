"""Claim status from evidence: denied, disputed, unconfirmed, confirmed or claimed.

A status other than "claimed" always rests on evidence spans in the article (docs/CLAIMS.md):
- disputes.py finds denials (the claim's own "denial" evidence), the claims each denial
  contests ("dispute" evidence on them), and accounts set against each other;
- remarks.py finds remarks that claims could not be verified ("unverified") and independent
  confirmations ("confirmation");
- admissions.py confirms a claim that the party it hurts admits ("admitted carrying out the
  attack", "claimed responsibility", "confirmed its fighters were behind the raid"), and the
  admission with it;
- reserved.py reads a confirmation with a reservation ("confirmed ... but blamed X");
- events.py gives every account of an act a denial denies (by act and target) its dispute;
- opposed.py sets two sides' accounts of one event against each other when nothing above
  did (each blames the other, one negates or narrows what the other said), and the accounts
  the article itself calls conflicting ("There were conflicting accounts of the clash"), and
  a party voicing doubt about another's statement ("raised questions about the report");
- outcomes.py sets an account of ground taken against another party's account of the same
  assault turned back ("had entered Afrin" / "were forced back"), and an account of an
  aircraft shot down against another's of the same aircraft crashed by itself;
- whereabouts.py sets two sides' accounts against each other when they place one event on
  different ground ("inside Israeli territory" / "the Lebanese side of the border");
- endorsed.py gives a same-side confirmation the dispute of the claim it confirms, and back;
- evidence.py links each piece to the claim it is about (same proposition, never mere
  proximity) and reads the status by precedence: denial > dispute > confirmation > unverified.
"""

from __future__ import annotations

from tui.core.models import Evidence
from tui.pipeline.analyze import (
    admissions,
    corroboration,
    disputes,
    endorsed,
    events,
    opposed,
    outcomes,
    remarks,
    reserved,
    whereabouts,
)
from tui.pipeline.analyze.evidence import Ledger
from tui.pipeline.analyze.sources import Draft


def assign(
    text: str,
    sentences: list[tuple[int, int]],
    drafts: list[Draft],
    confirming: dict[int, str],
) -> list[tuple[str, tuple[Evidence, ...]]]:
    """The status and evidence of every draft (drafts in text order, canonical names filled);
    `confirming`: the sentences in which something is confirmed, by index, with the words
    naming who confirms (verification.confirmations)."""
    ledger = Ledger(text, sentences, drafts)
    disputes.find(ledger)
    remarks.unverified(ledger)
    remarks.confirmed(ledger, confirming)
    remarks.corroborated(ledger)
    admissions.find(ledger)
    reserved.find(ledger)
    events.find(ledger)
    opposed.find(ledger)
    opposed.conflicting(ledger)
    opposed.doubted(ledger)
    outcomes.find(ledger)
    outcomes.downed(ledger)
    whereabouts.find(ledger)
    endorsed.find(ledger)
    corroboration.find(ledger)
    return [
        (ledger.status(k), tuple(sorted(ledger.found[k], key=lambda e: (e.start, e.kind))))
        for k in range(len(drafts))
    ]
