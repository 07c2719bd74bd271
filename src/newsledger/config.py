"""One place for what an ingest can be told: the defaults here, overridden from the CLI (`newsledger ingest
--model … --gazetteer …`) or the Python API (``Ledger(path, config=Config(...))``). Every stage is built from it,
so a setting has one name and one default wherever it is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsledger.link.stories import LinkerConfig

def _default_linker() -> LinkerConfig:
    """Imported when a config is made, not with this module: the linker brings spaCy (2 s), which a reader of
    the ledger (``newsledger serve``, ``export``) never needs."""
    from newsledger.link.stories import LinkerConfig

    return LinkerConfig()


BATCH_SIZE = 32


@dataclass(frozen=True)
class Config:
    """The settings of an ingest."""

    #: The spaCy pipeline; None: $NEWSLEDGER_MODEL, else the best installed English model.
    model: str | None = None
    #: Edge attribution contents with the learned ranker (about +0.7 point exact content F1 on PolNeAR dev for
    #: about 2.5% more of parse time); False keeps the rules' edges.
    content_model: bool = True
    #: A GeoNames dump to place events with; None: the packaged GeoNames extract.
    gazetteer: str | Path | None = None
    #: Articles parsed, extracted and stored together, in one transaction.
    batch_size: int = BATCH_SIZE
    #: Add the learned trigger detector's happenings (those PLOVER types) to the lexicon's.
    detect_events: bool = True
    #: Processes the per-article stages (parse and extraction) run in; 1 runs them in this process. The CLI's
    #: default is the machine's cores; linking and storing stay in this process either way.
    workers: int = 1
    #: The address of a Dask scheduler (tcp://HOST:8786) whose workers run the per-article stages instead.
    cluster: str | None = None
    #: Articles from which a story keeps its resolution state and, until it doubles, is resolved online when it
    #: gains articles (``resolution.py``): the cost of an added article is then that of what it changes.
    online_from: int = 500
    #: The story linker's knobs (``link/stories.py``).
    linker: LinkerConfig = field(default_factory=_default_linker)

    def but(self, **changes) -> Config:
        """This config with the given settings changed; a None value leaves a setting as it is."""
        return replace(self, **{name: value for name, value in changes.items() if value is not None})
