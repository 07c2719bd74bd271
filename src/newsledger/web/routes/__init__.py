"""Routes, one module per family: stories (list, search, story page), articles, entities, and the JSON API."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request
from pydantic import BaseModel

from newsledger.store.ledger import Store
from newsledger.web.catalog import Catalog


class Problem(BaseModel):
    """What the API answers with an error status."""

    detail: str


#: The error statuses each family answers, for the OpenAPI spec (a client or fuzzer checks every answer against it).
API_BAD_REQUEST: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "A malformed cursor, or a NUL character in the address"}}
API_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No record with that id"}}
PAGE_BAD_REQUEST: dict[int | str, dict[str, Any]] = {
    400: {"content": {"text/html": {}}, "description": "A malformed cursor, date or status: the page says which"}}
PAGE_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"content": {"text/html": {}}, "description": "No such record"}}


def no_nul_in_address(request: Request) -> None:
    """No id or filter holds a NUL, and PostgreSQL fails on one: refuse it before it reaches the store."""
    if "\x00" in request.scope["path"] or any("\x00" in value for value in request.query_params.values()):
        raise HTTPException(400, "a NUL character in the address")


def store(request: Request) -> Store:
    return request.app.state.store


def catalog(request: Request) -> Catalog:
    return request.app.state.catalog
