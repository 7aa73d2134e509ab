"""The server-rendered pages (usable with JavaScript off). Each route calls the adapter and
renders one Jinja2 template, autoescaped."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..errors import AllegianceError
from ..query.views import MAX_PAGING
from ..store.db import Store
from . import adapter
from .api import read_store
from .charts import stance_chart
from .security import SESSION_COOKIE, csrf_token, csrf_valid, new_session, same_origin, token_valid

router = APIRouter(include_in_schema=False)

StoreDep = Annotated[Store, Depends(read_store)]
Text = Annotated[str | None, Query(max_length=200)]
DateParam = Annotated[str | None, Query(max_length=10)]
Period = Literal["month", "quarter", "year", "all"]
PAGE = 200  # rows per page of the long lists


def _blank(value: str | None) -> str | None:
    """An empty form field is no filter."""
    return value.strip() or None if value else None


def render(request: Request, template: str, page: str, http_status: int = 200, **context: Any) -> HTMLResponse:
    ctx = request.app.state.web
    html = ctx.templates.get_template(template).render(page=page, writable=ctx.writable, **context)
    return HTMLResponse(html, status_code=http_status)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: StoreDep, period: Period = "year", issue: Text = None, source: Text = None,
             language: Text = None, since: DateParam = None, until: DateParam = None) -> Response:
    filters = {"source": _blank(source), "language": _blank(language), "since": _blank(since),
               "until": _blank(until)}
    data = adapter.matrix(store, period, _blank(issue), filters)
    return render(request, "overview.html", "overview", numbers=adapter.corpus_numbers(store), matrix=data,
                  choices=adapter.filter_choices(store), issue_meta=adapter.issue_meta,
                  selected={"period": period, "issue": _blank(issue) or "", **{k: v or "" for k, v in filters.items()}})


@router.get("/cell", response_class=HTMLResponse)
def cell(request: Request, store: StoreDep, state: Annotated[str, Query(max_length=64)],
         issue: Annotated[str, Query(max_length=64)], period: Annotated[str, Query(max_length=16)],
         kind: Period = "year", source: Text = None, language: Text = None, since: DateParam = None,
         until: DateParam = None) -> Response:
    filters = {"source": _blank(source), "language": _blank(language), "since": _blank(since),
               "until": _blank(until)}
    data = adapter.cell_evidence(store, state, issue, period, kind, filters)
    return render(request, "cell.html", "overview", cell=data, kind=kind)


@router.get("/dossier/{entity}", response_class=HTMLResponse)
def dossier(request: Request, store: StoreDep, entity: Annotated[str, Path(max_length=100)]) -> Response:
    data = adapter.entity_dossier(store, entity)
    charts = []
    for issue in sorted({s["issue"] for s in data["stances"]}):
        meta = adapter.issue_meta(issue)
        charts.append({"meta": meta, "svg": stance_chart([s for s in data["stances"] if s["issue"] == issue], meta)})
    return render(request, "dossier.html", "dossier", d=data, charts=charts, entity_name=adapter.entity_name)


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, store: StoreDep, actor: Text = None, type: Text = None, since: DateParam = None,
             until: DateParam = None, offset: Annotated[int, Query(ge=0, le=MAX_PAGING)] = 0) -> Response:
    data = adapter.timeline_page(store, _blank(actor), _blank(type), _blank(since), _blank(until), 200, offset)
    selected = {"actor": _blank(actor) or "", "type": _blank(type) or "", "since": _blank(since) or "",
                "until": _blank(until) or ""}
    return render(request, "timeline.html", "timeline", t=data, choices=adapter.filter_choices(store),
                  selected=selected, entity_name=adapter.entity_name)


@router.get("/article/{key:path}", response_class=HTMLResponse)
def article(request: Request, store: StoreDep, key: Annotated[str, Path(max_length=300)]) -> Response:
    session = request.cookies.get(SESSION_COOKIE) or new_session()
    response = render(request, "article.html", "article", a=adapter.article_page(store, key),
                      csrf=csrf_token(request.app.state.web.secret, session))
    return _with_session(request, response, session)


def _with_session(request: Request, response: Response, session: str) -> Response:
    if request.cookies.get(SESSION_COOKIE) != session:
        response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict", path="/")
    return response


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep, q: Annotated[str, Query(max_length=500)] = "", since: DateParam = None,
           until: DateParam = None, source: Text = None, language: Text = None, actor: Text = None,
           scope: Literal["all", "articles", "evidence"] = "all",
           offset: Annotated[int, Query(ge=0, le=MAX_PAGING)] = 0) -> Response:
    selected = {"q": q, "since": _blank(since) or "", "until": _blank(until) or "", "source": _blank(source) or "",
                "language": _blank(language) or "", "actor": _blank(actor) or "", "scope": scope}
    hits: list[dict[str, Any]] = []
    if q.strip():
        hits = adapter.search_page(store, q, since=_blank(since), until=_blank(until), source=_blank(source),
                                   language=_blank(language), actor=_blank(actor), scope=scope, limit=51,
                                   offset=offset)
    return render(request, "search.html", "search", hits=hits[:50], more=len(hits) > 50, offset=offset,
                  selected=selected, choices=adapter.filter_choices(store), searched=bool(q.strip()))


@router.get("/predictions", response_class=HTMLResponse)
def predictions(request: Request, store: StoreDep, status: Literal["all", "open", "overdue", "resolved"] = "all",
                offset: Annotated[int, Query(ge=0, le=MAX_PAGING)] = 0) -> Response:
    ctx = request.app.state.web
    session = request.cookies.get(SESSION_COOKIE) or new_session()
    ledger = adapter.ledger(store, status)
    shown = ledger["predictions"][offset:offset + PAGE]
    response = render(request, "predictions.html", "predictions", ledger=ledger, shown=shown, offset=offset,
                      more=len(ledger["predictions"]) > offset + PAGE, page_size=PAGE, status=status,
                      csrf=csrf_token(ctx.secret, session))
    return _with_session(request, response, session)


async def _checked_form(request: Request, names: tuple[str, ...]) -> dict[str, str]:
    """A write's form, after the checks every write passes: the server is writable, the request is
    same-origin, the CSRF token is bound to the session, the token is right, the note is short."""
    ctx = request.app.state.web
    if not ctx.writable:
        raise AllegianceError("this server is read-only: set the web_token setting to allow writes", code="read_only")
    if not same_origin({k.lower(): v for k, v in request.headers.items()}, request.url.scheme):
        raise AllegianceError("cross-site request refused", code="cross_site")
    form = await request.form()
    fields = {k: str(form.get(k) or "") for k in (*names, "token", "csrf")}
    if not csrf_valid(ctx.secret, request.cookies.get(SESSION_COOKIE), fields["csrf"]):
        raise AllegianceError("the form has expired or came from elsewhere: reload the page", code="bad_csrf")
    if not token_valid(ctx.settings.web_token, fields["token"]):
        raise AllegianceError("wrong token", code="bad_token")
    if any(len(fields[k]) > 2000 for k in names):
        raise AllegianceError("each field is 2000 characters at most", code="bad_parameter")
    return fields


@router.post("/predictions/{statement}/resolve")
async def resolve(request: Request, statement: str) -> Response:
    """Record a prediction's outcome (a write behind the token)."""
    fields = await _checked_form(request, ("outcome", "note", "evidence"))
    with Store(request.app.state.web.db) as store:
        adapter.resolve(store, statement, fields["outcome"], fields["note"], fields["evidence"])
    return RedirectResponse(f"/predictions?status=resolved#p-{statement}", status_code=303)


@router.post("/statements/{statement}/correct")
async def correct(request: Request, statement: str) -> Response:
    """Mark a statement wrong, confirmed or relabelled, with a note (a write behind the token)."""
    fields = await _checked_form(request, ("action", "label", "note"))
    with Store(request.app.state.web.db) as store:
        key = adapter.correct(store, statement, fields["action"], fields["label"], fields["note"])
    return RedirectResponse(f"/article/{quote(key, safe='')}#statements", status_code=303)


@router.get("/sources", response_class=HTMLResponse)
def sources(request: Request, store: StoreDep) -> Response:
    return render(request, "sources.html", "sources", rows=adapter.sources(store))


@router.get("/rejections", response_class=HTMLResponse)
def rejections(request: Request, store: StoreDep) -> Response:
    return render(request, "rejections.html", "rejections", rows=adapter.rejections(store))


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """The API described offline, from the app's own OpenAPI document (no assets from a CDN)."""
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description") or p.get("schema", {}).get("description", "")}
                      for p in op.get("parameters", [])]
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "params": params})
    return render(request, "docs.html", "docs", endpoints=endpoints, version=schema["info"]["version"])
