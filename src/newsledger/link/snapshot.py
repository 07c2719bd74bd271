"""The story linker's state kept in the ledger, so a restarted ingest takes it up where the last run left it
instead of replaying every stored article's features (48 s and 2 GB on a 100,000-article ledger; issue 19).

The snapshot is what ``StoryLinker`` holds, field for field (``StoryLinker.state``): a run that resumes from it
links as the uninterrupted run would have, where a replay only approximates it (a replayed story's centroids are
pruned in stored order, its merges are not redone). It is compressed JSON, never pickle: a ledger may come from
someone else, and opening it must not run code. It is used only by the code and config that wrote it, and only
while the ledger holds the articles the run that wrote it left (``stamp``); otherwise the replay runs.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import asdict

from newsledger.fingerprint import fingerprint
from newsledger.link.stories import LinkerConfig, StoryLinker
from newsledger.link.story_links import MODEL_PATH


def stamp(config: LinkerConfig, articles: int, last_seq: int) -> str:
    """What a snapshot must match to be used: the linker's code and model, its config, and the ledger's article
    count and last ingestion number (a run stopped before writing its snapshot leaves the older one unused)."""
    code = fingerprint("newsledger.link.snapshot", MODEL_PATH)
    settings = zlib.crc32(json.dumps(asdict(config), sort_keys=True).encode())
    return f"{code}:{settings:08x}:{articles}:{last_seq}"


def dump(linker: StoryLinker) -> bytes:
    return zlib.compress(json.dumps(linker.state(), separators=(",", ":")).encode(), 1)


def load(blob: bytes, config: LinkerConfig) -> StoryLinker:
    return StoryLinker.from_state(json.loads(zlib.decompress(blob)), config)
