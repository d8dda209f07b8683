"""A claim's status in words, with why: "disputed by Ukrainian officials; confirmed by satellite
images", "denied", "confirmed, set by you (analysis: disputed by Ukrainian officials)".

The evidence (tui.core.models.Evidence, docs/CLAIMS.md) says what backs a status and whose
statement that is (`by`, "" for the outlet, imagery or an unnamed remark). The status's own
kind comes first, then every other kind of evidence the article holds about the claim, in
precedence order, so a disputed claim that someone also confirmed says both.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tui.core.models import Evidence

# evidence kind -> the status it backs, in precedence order (docs/CLAIMS.md)
STATUS_OF_KIND = {
    "denial": "denied",
    "dispute": "disputed",
    "confirmation": "confirmed",
    "unverified": "unconfirmed",
}
# what each kind is called beside the evidence sentence in the claims view's preview
KIND_WORDS = {
    "denial": "denial",
    "dispute": "disputed by",
    "confirmation": "confirmed by",
    "unverified": "not verified",
}


def _names(evidence: Iterable[Evidence]) -> list[str]:
    names: list[str] = []
    for item in evidence:
        if item.by and item.by not in names:
            names.append(item.by)
    return names


def _phrase(kind: str, evidence: Sequence[Evidence]) -> str:
    status = STATUS_OF_KIND[kind]
    names = _names(evidence)
    if kind == "denial" or not names:  # a denial is the source's own: no "by"
        return status
    return f"{status} by {', '.join(names)}"  # names may hold "and": "residents and a local…"


def why(status: str, evidence: Sequence[Evidence]) -> str:
    """The analysis's status with the evidence behind it."""
    parts = []
    kinds = sorted(
        {e.kind for e in evidence if e.kind in STATUS_OF_KIND},
        key=lambda k: (STATUS_OF_KIND[k] != status, list(STATUS_OF_KIND).index(k)),
    )
    for kind in kinds:
        parts.append(_phrase(kind, [e for e in evidence if e.kind == kind]))
    if not parts or STATUS_OF_KIND.get(kinds[0]) != status:
        parts.insert(0, status)
    return "; ".join(parts)


def status_line(
    status: str, evidence: Sequence[Evidence], *, manual: bool = False, analysis_status: str = ""
) -> str:
    """The status in force and why: the user's word first when it is theirs."""
    analysed = why(analysis_status or status, evidence)
    if not manual:
        return analysed
    return f"{status}, set by you (analysis: {analysed})"
