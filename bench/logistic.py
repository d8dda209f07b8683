"""A logistic regression for the bench's training scripts (train_contest.py; train_ledger.py until
the sixteenth stories pass removed it with the ledger's learned-join hooks).

Newton's method with an L2 penalty on every weight but the bias (the first column of x is 1).
numpy only, which spaCy already brings; the app never trains and never imports this.
"""

from __future__ import annotations

import numpy as np


def fit(
    x: np.ndarray, y: np.ndarray, l2: float = 1.0, ridge: float = 1e-6, tol: float = 1e-7
) -> np.ndarray:
    """The weights minimising the log loss plus l2/2 times the squared weights (bias left
    out); *ridge* keeps the Hessian invertible, *tol* is the largest step that ends it."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + ridge)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < tol:
            break
    return w
