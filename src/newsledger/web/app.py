"""The app factory: one read-only store, the in-memory catalog, the routes, static files and the guard."""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from newsledger.store.ledger import Store
from newsledger.web.catalog import Catalog
from newsledger.web.head import HeadAsGet
from newsledger.web.routes import api, articles, entities, no_nul_in_address, stories
from newsledger.web.security import Guard, check_token
from newsledger.web.templating import page

DESCRIPTION = """Read-only access to a newsledger ledger. Lists are paginated with opaque cursors: pass the
`next` of a page as `cursor` to read the following one. Findings (corroborated, single source, disputed, denied,
no comment) and cross-document events can be filtered by story. When the server was started with a token, send
`Authorization: Bearer <token>`."""


def create_app(location: str | Path, token: str | None = None, loopback_only: bool = False) -> FastAPI:
    """An app serving the ledger at ``location``; ``token`` guards every request, ``loopback_only`` checks Host."""
    check_token(token)
    store = Store(str(location), readonly=True)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        store.close()

    # Swagger UI and ReDoc load scripts from a CDN, which the CSP forbids: the spec itself is at /openapi.json.
    app = FastAPI(
        title="newsledger",
        version="1",
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        dependencies=[Depends(no_nul_in_address)],
    )
    app.state.store = store
    app.state.catalog = Catalog(store)
    for module in (stories, articles, entities, api):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=str(files("newsledger.web") / "static")), name="static")
    app.add_exception_handler(StarletteHTTPException, _html_errors)
    app.add_middleware(Guard, token=token, loopback_only=loopback_only)  # sees every answer, the Guard's own too
    app.add_middleware(HeadAsGet)  # added last, so outermost: even the Guard's answers to a HEAD have no body
    return app


async def _html_errors(request: Request, error: StarletteHTTPException) -> Response:
    """Pages answer errors as pages; the API keeps FastAPI's JSON ``{"detail": …}``."""
    if request.url.path.startswith("/api/"):
        return await http_exception_handler(request, error)
    return page(request, "error.html", error.status_code, title=f"Error {error.status_code}", message=str(error.detail))
