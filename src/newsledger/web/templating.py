"""The Jinja environment of the pages: autoescape everywhere, and links only to web addresses.

Nothing from a ledger is ever marked safe; the one piece of trusted markup is what ``highlight`` builds, from
escaped text.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import PurePath
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from newsledger.extract.timex.values import when_label


def web_address(url: str | None) -> str | None:
    """The URL when it is http(s) (a link may then be made to it), else None: ``javascript:`` never becomes a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def with_query(request: Request, **changes: Any) -> str:
    """This page's address with some query parameters changed (None drops one): for sort links and next pages."""
    params = dict(request.query_params)
    params.update(changes)
    kept = {key: value for key, value in params.items() if value not in (None, "")}
    return request.url.path + ("?" + urlencode(kept) if kept else "")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("newsledger.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["web_address"] = web_address
    env.filters["path"] = lambda value: quote(str(value), safe="")
    env.filters["label"] = lambda value: str(value).replace("_", " ")
    env.filters["basename"] = lambda path: PurePath(path).name if path else None
    env.globals["with_query"] = with_query
    env.filters["when"] = lambda time: when_label(_field(time, "value")) if time else None
    env.filters["kind"] = event_kind_of
    return env


def not_found(request: Request, kind: str, record_id: str) -> HTMLResponse:
    return page(request, "error.html", 404, title=f"{kind} not found", message=f"No {kind.lower()} {record_id} here.")


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = environment().get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code)


def event_kind_of(event: Any) -> str:
    """An event's kind as the pages show it (a record or its export): its PLOVER type and mode, else the ledger's
    own type."""
    plover = _field(event, "plover")
    kind = " · ".join(part for part in (_field(plover, "type"), _field(plover, "mode")) if part)
    return kind or str(_field(event, "type"))


def _field(record: Any, name: str) -> Any:
    """A field of a record or of its exported dict (pages show both); None when absent."""
    if record is None:
        return None
    return record.get(name) if isinstance(record, dict) else getattr(record, name, None)
