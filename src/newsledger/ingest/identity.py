"""Article identity: the same text is the same article, whatever file, record id or spacing it came with."""

from __future__ import annotations

import hashlib
import unicodedata


def content_id(text: str) -> str:
    """A stable id for a clean text: ``"a_"`` + 16 hex digits of sha256 over its normalised form.

    Normalisation (NFC, whitespace collapsed, casefolded) makes re-wrapped or re-encoded copies of one article
    collide on purpose, so duplicates merge instead of being counted twice.
    """
    normal = " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    return "a_" + hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]
