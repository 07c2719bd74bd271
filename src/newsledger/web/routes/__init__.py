"""Routes, one module per family: stories (list, search, story page), articles, entities, and the JSON API."""

from __future__ import annotations

from fastapi import Request

from newsledger.store.ledger import Store
from newsledger.web.catalog import Catalog


def store(request: Request) -> Store:
    return request.app.state.store


def catalog(request: Request) -> Catalog:
    return request.app.state.catalog
