"""The story linker's state kept in the ledger, so a restarted ingest takes it up where the last run left it
instead of replaying every stored article's features (48 s and 2 GB on a 100,000-article ledger; issue 19).

What is kept is what ``StoryLinker`` holds, field for field (``StoryLinker.state``): its retrieval and
near-duplicate indexes, read whole when a run starts, and its stories, each read only when a new article comes
near it (``story_state.KeptStories``); a run writes back the stories it changed. A run that resumes from it links
as the uninterrupted run would have, where a replay only approximates it (a replayed story's centroids are pruned
in stored order, its merges are not redone). It is JSON, never pickle: a ledger may come from someone else, and
opening it must not run code. It is used only by the code and config that wrote it, and only while the ledger
holds the articles the run that wrote it left (``stamp``); otherwise the replay runs and keeps every story anew.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import asdict
from functools import cache

from newsledger.fingerprint import fingerprint
from newsledger.link.stories import LinkerConfig
from newsledger.link.story_links import MODEL_PATH


class KeptStateDamaged(RuntimeError):
    """A kept story the linker asked for is missing or unreadable: the run replays instead."""


def stamp(config: LinkerConfig, articles: int, last_seq: int) -> str:
    """What a kept state must match to be used: the linker's code and model, its config, and the ledger's
    article count and last ingestion number (a run stopped before keeping leaves the older state unused)."""
    settings = zlib.crc32(json.dumps(asdict(config), sort_keys=True).encode())
    return f"{_code()}:{settings:08x}:{articles}:{last_seq}"


@cache
def _code() -> str:
    """The linker's code and model, once a process (reading every module it imports takes half a second)."""
    return fingerprint("newsledger.link.snapshot", MODEL_PATH)
