"""Fitting a ``newsledger.logistic.Logistic``: scikit-learn's logistic regression on standardised features."""

from __future__ import annotations

from collections.abc import Sequence


def fit(rows: Sequence[Sequence[float]], labels: Sequence[int],
        c: float) -> tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...], float]:
    """(means, scales, weights, bias), rounded to six places, for a model's constructor."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x, y = np.asarray(rows, dtype=float), np.asarray(labels)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    classifier = LogisticRegression(C=c, max_iter=5000).fit((x - mean) / scale, y)
    return (tuple(round(float(v), 6) for v in mean), tuple(round(float(v), 6) for v in scale),
            tuple(round(float(v), 6) for v in classifier.coef_[0]), round(float(classifier.intercept_[0]), 6))
