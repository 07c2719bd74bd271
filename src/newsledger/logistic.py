"""A logistic model over standardised features, as the shipped models keep it: a few numbers in a JSON file,
applied without scikit-learn (``training/logistic.py`` fits them). The story linker and the incident-day choice
are such models."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Logistic:
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def score(self, row: Sequence[float]) -> float:
        """The log-odds of a row of features."""
        return self.bias + sum(w * (x - m) / s for w, x, m, s in zip(self.weights, row, self.means, self.scales))

    def probability(self, row: Sequence[float]) -> float:
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.score(row)))))

    def dumps(self, features: Sequence[str], **extra: Any) -> str:
        """The model as JSON, with the names of the features it was fitted on and ``extra`` fields."""
        return json.dumps({"features": list(features), "means": self.means, "scales": self.scales,
                           "weights": self.weights, "bias": self.bias, **extra}, indent=1)


def read(path: Path, features: Sequence[str]) -> dict[str, Any]:
    """A saved model's fields; refused when it was fitted on other features than the code computes."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data["features"] != list(features):
        raise ValueError(f"{path}: trained on features {data['features']}, not {list(features)}")
    return data


def fields(data: dict[str, Any]) -> tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...], float]:
    """The logistic part of a saved model's fields, as the constructor takes them."""
    return tuple(data["means"]), tuple(data["scales"]), tuple(data["weights"]), data["bias"]


@dataclass(frozen=True)
class SparseLogistic:
    """A logistic model over named yes/no features (words around a mention, say): the weight of each feature a
    row has, summed. Features the model never saw weigh nothing."""

    weights: dict[str, float]
    bias: float

    def probability(self, features: Iterable[str]) -> float:
        score = self.bias + sum(self.weights.get(feature, 0.0) for feature in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))
