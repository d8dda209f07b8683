"""Quality floors of the stories on development sets: bench/bench_stories.py as a reader runs it.

The real analyzer reads each set's invented articles (tests/fixtures/stories/<set>/), the
stories package groups them and builds ledgers, figures and contradictions, and the bench scores
them against the gold. Each floor sits a little under the figure the twentieth pass reached
(bench/README.md, "Stories, twentieth pass"), so a change that loses claim groups,
contradictions or figures on these sets fails here. Only development sets: the validation set
of a pass is scored, never held to a floor in tests.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_stories.py"

# set -> (story BCubed F1, claim-group F1, contradiction precision, recall, figures recall)
FLOORS = {  # session 19 after every pass was merged (bench/README.md, "Validation sets of session
    # 19", end of the session); figures recall with the outlets' own tolls (session 15)
    "dev": (0.99, 0.80, 0.87, 0.81, 0.93),  # 1.000 / 0.818 / 0.881 / 0.829 / 0.947
    "heldout3": (0.99, 0.83, 0.81, 0.70, 0.89),  # 1.000 / 0.847 / 0.821 / 0.719 / 0.909
    "heldout4": (0.99, 0.75, 0.75, 0.73, 0.85),  # 1.000 / 0.764 / 0.769 / 0.745 / 0.869
    "heldout6": (0.99, 0.84, 0.81, 0.76, 0.92),  # 1.000 / 0.854 / 0.829 / 0.778 / 0.935
    "heldout7": (0.99, 0.72, 0.70, 0.70, 0.86),  # 1.000 / 0.735 / 0.714 / 0.718 / 0.875
    "heldout8": (0.95, 0.68, 0.70, 0.93, 0.87),  # 0.966 / 0.699 / 0.719 / 0.944 / 0.884
    "heldout9": (0.99, 0.51, 0.76, 0.50, 0.92),  # 1.000 / 0.523 / 0.774 / 0.513 / 0.939
    "heldout10": (0.99, 0.78, 0.94, 0.80, 0.95),  # 1.000 / 0.792 / 0.950 / 0.818 / 0.962
    "heldout11": (0.88, 0.57, 0.81, 0.78, 0.83),  # 0.897 / 0.585 / 0.828 / 0.793 / 0.846
    "heldout12": (0.96, 0.64, 0.82, 0.61, 0.89),  # 0.972 / 0.650 / 0.833 / 0.625 / 0.903
    "heldout13": (0.92, 0.75, 0.95, 0.74, 0.88),  # 0.938 / 0.763 / 0.968 / 0.750 / 0.897
    "heldout14": (0.99, 0.70, 0.77, 0.54, 0.85),  # 1.000 / 0.711 / 0.786 / 0.553 / 0.866
    "heldout15": (0.93, 0.43, 0.61, 0.60, 0.78),  # 0.949 / 0.447 / 0.625 / 0.613 / 0.797
    "heldout16": (0.95, 0.55, 0.58, 0.56, 0.89),  # 0.969 / 0.564 / 0.594 / 0.579 / 0.908
    "heldout17": (0.91, 0.40, 0.49, 0.45, 0.74),  # 0.920 / 0.412 / 0.500 / 0.469 / 0.758
    "heldout18": (0.96, 0.27, 0.61, 0.52, 0.78),  # 0.976 / 0.284 / 0.621 / 0.538 / 0.791
}


def _scores(output: str) -> tuple[float, ...]:
    story = re.search(r"story BCubed .* F1 ([\d.]+)", output)
    claims = re.search(r"claim-group pairs .* F1 ([\d.]+)", output)
    contra = re.search(r"contradictions\s+P ([\d.]+)\s+R ([\d.]+)", output)
    figures = re.search(r"figures\s+R ([\d.]+)", output)
    assert story and claims and contra and figures, output
    return tuple(
        float(x) for x in (story[1], claims[1], contra[1], contra[2], figures[1])
    )  # fmt: skip


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_stories_quality_floor_on_a_development_set(name: str) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--set", name],
        capture_output=True, text=True, timeout=600, check=True,
    )  # fmt: skip
    got = _scores(done.stdout)
    labels = ("story F1", "claim groups F1", "contradiction P", "contradiction R", "figures R")
    low = [f"{k} {g:.3f} < {f}" for k, g, f in zip(labels, got, FLOORS[name], strict=True) if g < f]
    assert not low, f"{name}: {low}"
