"""Every model and data table the package ships, in one list: where its file lives, the one function that loads
it, the command that made it, and the data it was made from (with that data's licence).

``load(name)`` is the one way to load a shipped artifact; each component's ``shipped()`` goes through it, so an
artifact loads once per process whichever component asks first, and a test can load every one of them. To add a
model: put its file beside the module that uses it, list it here, and have the module's ``shipped()`` call
``load``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).parent


@dataclass(frozen=True)
class Artifact:
    path: str  # relative to the package
    loader: str  # "module:callable", called with the artifact's path
    made_by: str  # the command that (re)makes it; --replace-shipped writes over the shipped file
    data: str  # what it was fitted on or built from, and that data's licence


ARTIFACTS: dict[str, Artifact] = {
    "attribution_cues": Artifact(
        "extract/attribution_model", "newsledger.extract.attribution_model:CueModel.read",
        "python -m newsledger.training.attribution_cues --data polnear/train --out DIR",
        "PolNeAR train (research corpus, no licence stated)"),
    "attribution_content": Artifact(
        "extract/content_model.json.gz", "newsledger.extract.content_spans:ContentModel.read",
        "python -m newsledger.training.attribution_content --data polnear/train --out FILE",
        "PolNeAR train (research corpus, no licence stated)"),
    "event_triggers": Artifact(
        "extract/triggers_model.npz", "newsledger.extract.triggers:TriggerModel.load",
        "python -m newsledger.training.events --data tempeval3/TBAQ-cleaned --ecbplus ecbplus --out FILE",
        "TimeBank + AQUAINT train split (as distributed for TempEval-3); ECB+ train topics 1-22 (CC BY 3.0)"),
    "event_coref": Artifact(
        "link/coref_model.json", "newsledger.link.coref:CorefModel.load",
        "python -m newsledger.training.coref --data ecbplus --out FILE",
        "ECB+ train topics 1-22 (CC BY 3.0)"),
    "story_links": Artifact(
        "link/story_links_model.json", "newsledger.link.story_links:LinkModel.load",
        "python -m newsledger.training.story_links --data gva --ledger TUNE.db --ecbplus ecbplus --out FILE",
        "GVA tune incidents (SemEval-2018 Task 5 collection, no licence stated); ECB+ train topics 1-22 (CC BY 3.0)"),
    "incident_day": Artifact(
        "reconcile/incident_day_model.json", "newsledger.reconcile.incident_day:DayModel.load",
        "python -m newsledger.training.incident_day --data gva --ledger TUNE.db --out FILE",
        "GVA tune incidents (SemEval-2018 Task 5 collection, no licence stated)"),
    "count_reader": Artifact(
        "reconcile/count_reader_model.json", "newsledger.reconcile.count_reader:CountReader.load",
        "python -m newsledger.training.count_reader --data gva --ledger TUNE.db --out FILE",
        "GVA tune incidents (SemEval-2018 Task 5 collection, no licence stated)"),
    "stance": Artifact(
        "reconcile/stance_model.npz", "newsledger.reconcile.stance:StanceModel.load",
        "python -m newsledger.training.stance --data fnc1 --out FILE",
        "FNC-1 training set (no licence stated)"),
}


def path(name: str) -> Path:
    return PACKAGE / ARTIFACTS[name].path


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """The shipped artifact ``name``, loaded once per process by its one loader."""
    module_name, _, attribute = ARTIFACTS[name].loader.partition(":")
    target: Any = importlib.import_module(module_name)
    for part in attribute.split("."):
        target = getattr(target, part)
    return target(path(name))
