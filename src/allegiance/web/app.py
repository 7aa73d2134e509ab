"""The ASGI app: one FastAPI instance with the pages, the JSON API, the static files, the
security headers on every response and errors as JSON (API) or a page (HTML), each with the
project's error code and a proper HTTP status."""

from __future__ import annotations

import dataclasses
import logging
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import AllegianceError, StoreError
from ..settings import Settings
from ..store.db import Store
from .security import SECURITY_HEADERS

log = logging.getLogger(__name__)

__all__ = ["build_app", "WebContext", "error_status"]

HERE = Path(__file__).resolve().parent

_STATUS = {"not_found": 404, "unknown_entity": 404, "read_only": 403, "bad_token": 403, "bad_csrf": 403,
           "cross_site": 403, "no_search_index": 503, "store_error": 500, "internal": 500}


def error_status(code: str) -> int:
    """The HTTP status of an error code: 404 for what does not exist, 403 for refused writes,
    400 for every other bad request."""
    return _STATUS.get(code, 400)


@dataclasses.dataclass
class WebContext:
    """What every request needs: the database path, the settings, the secret of the CSRF tokens."""

    db: Path
    settings: Settings
    secret: bytes
    templates: Any

    def read(self) -> Iterator[Store]:
        """A read-only connection for one request (``file:...?mode=ro``)."""
        store = Store(self.db, readonly=True)
        try:
            yield store
        finally:
            store.close()

    @property
    def writable(self) -> bool:
        return bool(self.settings.web_token)


def _templates() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    from .security import safe_url

    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, finalize=_visible_bidi)
    env.filters["safe_url"] = safe_url
    env.filters["q"] = lambda value: quote(str(value), safe="")
    env.filters["dict_merge"] = _merge
    return env


_BIDI_CONTROLS = {code: f"[U+{code:04X}]" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def _visible_bidi(value: Any) -> Any:
    """Every value a template prints: bidi embedding, override and isolate controls are shown as
    ``[U+202E]`` instead of reordering what follows (a title cannot pose as another text)."""
    return value.translate(_BIDI_CONTROLS) if isinstance(value, str) else value


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Two dicts as one query string's parameters, empty values left out."""
    return {k: v for k, v in {**base, **extra}.items() if v not in (None, "")}


def _check_db(db: Path) -> None:
    store = Store(db, readonly=True)
    try:
        store.count("articles")
    except Exception as exc:  # not SQLite, or not an Allegiance store
        raise StoreError(f"{db}: not an Allegiance database: {exc}") from exc
    finally:
        store.close()


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    ctx: WebContext = request.app.state.web
    page = ctx.templates.get_template("error.html").render(status=status, code=code, message=message,
                                                           page="error", writable=ctx.writable)
    return HTMLResponse(page, status_code=status)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(AllegianceError)
    async def allegiance_error(request: Request, exc: AllegianceError) -> Response:
        return error_response(request, error_status(exc.code), exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        return error_response(request, 400, "bad_parameter", "; ".join(parts) or "invalid parameter")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return error_response(request, exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path)
        return error_response(request, 500, "internal", "internal error (see the server log)")


def build_app(db: Path, settings: Settings | None = None, hosts: list[str] | None = None) -> FastAPI:
    """The app over ``db`` (checked readable now, so that a bad file fails at start); only
    ``hosts`` are answered when given."""
    _check_db(db)
    settings = settings or Settings(db=str(db))
    app = FastAPI(title="Allegiance", version=__version__, docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  description="Who stands where in Russia's war against Ukraine, on what evidence: the stance "
                              "matrix, dossiers, timeline, articles, search, predictions and sources as JSON. "
                              "Field names are documented in docs/web.md.")
    app.state.web = WebContext(db=db, settings=settings, secret=secrets.token_bytes(32), templates=_templates())

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api") or response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    _install_errors(app)
    if hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)
    from . import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
