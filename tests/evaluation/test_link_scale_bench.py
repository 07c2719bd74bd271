"""The scale bench's memory probe: the bytes of an object graph, each object counted once."""

from __future__ import annotations

import sys

from newsledger.evaluation.scale import deep_size
from newsledger.link.stories import Centroid


def test_shared_objects_are_counted_once():
    shared = list(range(1000))
    assert deep_size([shared, shared]) < deep_size([shared, list(range(1000))])
    assert deep_size({"a": shared}) >= sys.getsizeof(shared) + sum(map(sys.getsizeof, shared[300:]))


def test_slotted_objects_are_followed():
    centroid = Centroid()
    centroid.add({f"term{i}": 1.0 for i in range(200)})
    assert deep_size(centroid) > sys.getsizeof(centroid.weights)
