"""FNC-1 as the stance benchmark and the stance training read it: its CSV files, and the train/dev splits by
topic or by body (``split_rows``), with the text a model keeps of the split it was held out on."""

from __future__ import annotations

import csv
import io
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV whose lines mix UTF-8 and Windows-1252 (FNC-1's files do), each line decoded on its own."""
    lines = []
    for raw in Path(path).read_bytes().split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
    return list(csv.DictReader(io.StringIO("\n".join(lines).lstrip("\ufeff"), newline="")))


def read_fnc(data_dir: Path, prefix: str = "train") -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    """(headline, body id, stance) rows and the bodies by id, from ``PREFIX_stances.csv`` + ``PREFIX_bodies.csv``."""
    data_dir = Path(data_dir)
    stances = [(row["Headline"], row["Body ID"].strip(), row["Stance"].strip().lower())
               for row in read_csv(data_dir / f"{prefix}_stances.csv")]
    bodies = {row["Body ID"].strip(): row["articleBody"] for row in read_csv(data_dir / f"{prefix}_bodies.csv")}
    return stances, bodies


SPLITS = ("topic", "body")


def dev_bodies(body_ids: Iterable[str], dev_fraction: float = 0.2, seed: int = 0) -> set[str]:
    """The body ids held out for dev: a seeded random fraction of bodies, so no dev body is ever trained on."""
    ids = sorted(set(body_ids), key=lambda b: (len(b), b))
    random.Random(seed).shuffle(ids)
    return set(ids[: round(dev_fraction * len(ids))])


def topics(rows: Sequence[tuple[str, str, str]]) -> dict[str, str]:
    """Each headline (``h:…``) and body (``b:…``) mapped to its topic: the connected component of the graph whose
    edges are the related (agree, disagree, discuss) pairs. FNC-1's unrelated pairs join random headlines and
    bodies, so they are left out, or every node would end in one component."""
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for headline, body, label in rows:
        h, b = find(f"h:{headline}"), find(f"b:{body}")
        if label != "unrelated":
            parent[h] = b
    return {node: find(node) for node in list(parent)}


def split_rows(rows: Sequence[tuple[str, str, str]], split: str = "topic", dev_fraction: float = 0.2,
               seed: int = 0) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(train, dev) rows. ``topic`` mimics the competition test, whose headlines and bodies are all unseen: whole
    topics are held out (seeded, until they hold ``dev_fraction`` of the related pairs) and a pair whose headline
    and body fall on different sides is dropped. ``body`` holds out a fraction of bodies only: dev headlines are
    trained on with other bodies, so its figure is optimistic."""
    if split == "body":
        held = dev_bodies({b for _, b, _ in rows}, dev_fraction, seed)
        return [r for r in rows if r[1] not in held], [r for r in rows if r[1] in held]
    if split != "topic":
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    topic = topics(rows)
    related = Counter(topic[f"b:{b}"] for _, b, label in rows if label != "unrelated")
    order = sorted(set(topic.values()))
    random.Random(seed).shuffle(order)
    held, kept = set(), 0
    for name in order:
        if kept >= dev_fraction * sum(related.values()):
            break
        held.add(name)
        kept += related[name]
    sides = [(topic[f"h:{h}"] in held, topic[f"b:{b}"] in held) for h, b, _ in rows]
    return ([r for r, side in zip(rows, sides) if side == (False, False)],
            [r for r, side in zip(rows, sides) if side == (True, True)])


def held_out(split: str, dev_fraction: float, seed: int) -> str:
    return f"split={split} fraction={dev_fraction} seed={seed}"


def parse_held_out(text: str) -> tuple[str, float, int]:
    """(split, fraction, seed); models saved before topic splits existed were held out by body."""
    fields = dict(item.split("=") for item in text.split())
    return fields.get("split", "body"), float(fields["fraction"]), int(fields["seed"])
