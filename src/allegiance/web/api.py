"""The JSON API under ``/api``: the same views as the pages, paginated (``limit``, ``offset``),
with the same filters. Lists answer ``{"items", "total", "limit", "offset"}``; errors answer
``{"error": {"code", "message"}}`` with a 400, 403 or 404. Field names: docs/web.md."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from pydantic import BaseModel, Field

from ..errors import AllegianceError
from ..query.views import MAX_PAGING
from ..store.db import Store
from . import adapter
from .security import same_origin, token_valid

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=1000, description="Most items returned.")]
Offset = Annotated[int, Query(ge=0, le=MAX_PAGING, description="Items skipped first.")]
Period = Literal["month", "quarter", "year", "all"]
DateParam = Annotated[str | None, Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD")]
Text = Annotated[str | None, Query(max_length=200)]


def read_store(request: Request) -> Iterator[Store]:
    yield from request.app.state.web.read()


StoreDep = Annotated[Store, Depends(read_store)]


def _page(items: list[Any], limit: int, offset: int, total: int | None = None) -> dict[str, Any]:
    return {"items": items[offset:offset + limit], "total": len(items) if total is None else total,
            "limit": limit, "offset": offset}


@router.get("/overview", summary="The corpus in numbers")
def overview(store: StoreDep) -> dict[str, Any]:
    return adapter.corpus_numbers(store)


@router.get("/choices", summary="The values the filters offer")
def choices(store: StoreDep) -> dict[str, Any]:
    return adapter.filter_choices(store)


@router.get("/matrix", summary="Stance matrix cells (state × issue × period)")
def matrix(store: StoreDep, limit: Limit = 200, offset: Offset = 0, period: Period = "year", issue: Text = None,
           source: Text = None, language: Text = None, since: DateParam = None,
           until: DateParam = None) -> dict[str, Any]:
    data = adapter.matrix(store, period, issue, {"source": source, "language": language, "since": since,
                                                 "until": until})
    cells = [cell for block in data["issues"] for row in block["rows"] for cell in row["cells"].values()]
    return _page(cells, limit, offset)


@router.get("/matrix/cell", summary="One matrix cell with its evidence")
def matrix_cell(store: StoreDep, state: Annotated[str, Query(max_length=64)],
                issue: Annotated[str, Query(max_length=64)], period: Annotated[str, Query(max_length=16)],
                kind: Period = "year", limit: Limit = 200, offset: Offset = 0, source: Text = None,
                language: Text = None, since: DateParam = None, until: DateParam = None) -> dict[str, Any]:
    cell = adapter.cell_evidence(store, state, issue, period, kind, {"source": source, "language": language,
                                                                     "since": since, "until": until})
    cell.pop("issue_meta", None)
    evidence = cell.pop("evidence")
    return {**cell, "evidence": _page(evidence, limit, offset)}


@router.get("/dossier/{entity}", summary="Everything about one state or person")
def dossier(store: StoreDep, entity: Annotated[str, Path(max_length=100)],
            limit: Annotated[int, Query(ge=1, le=500, description="Latest events, quantities and predictions "
                                                                  "returned, each")] = 100) -> dict[str, Any]:
    return adapter.entity_dossier(store, entity, limit)


@router.get("/timeline", summary="Events in time order; undated events apart")
def timeline(store: StoreDep, limit: Limit = 200, offset: Offset = 0, actor: Text = None,
             type: Text = None, since: DateParam = None, until: DateParam = None) -> dict[str, Any]:
    data = adapter.timeline_page(store, actor, type, since, until, limit, offset)
    return {"items": data["events"], "more": data["more"], "limit": limit, "offset": offset,
            "undated": data["undated"]}


@router.get("/articles", summary="Stored articles in ingest order")
def articles(store: StoreDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    rows = itertools.islice(store.articles(), offset, offset + limit)
    items = [{"article": r["export_id"], "id": r["id"], "title": r["title"], "published": r["published"],
              "source": r["source"], "language": r["language"], "url": r["url"], "cluster": r["cluster_id"]}
             for r in rows]
    return {"items": items, "total": store.count("articles"), "limit": limit, "offset": offset}


@router.get("/articles/{key:path}", summary="One article with its statements")
def article(store: StoreDep, key: Annotated[str, Path(max_length=300)]) -> dict[str, Any]:
    data = adapter.article_page(store, key)
    data.pop("segments")
    return data


@router.get("/search", summary="Full-text search over articles and evidence (FTS5 syntax)")
def search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=500)], limit: Limit = 50,
           offset: Offset = 0, since: DateParam = None, until: DateParam = None, source: Text = None,
           language: Text = None, actor: Text = None,
           scope: Literal["all", "articles", "evidence"] = "all") -> dict[str, Any]:
    hits = adapter.search_page(store, q, since=since, until=until, source=source, language=language, actor=actor,
                               scope=scope, limit=limit + 1, offset=offset)
    for hit in hits:
        hit.pop("pieces")
    return {"items": hits[:limit], "more": len(hits) > limit, "limit": limit, "offset": offset}


@router.get("/predictions", summary="The prediction ledger")
def predictions(store: StoreDep, limit: Limit = 200, offset: Offset = 0,
                status: Literal["all", "open", "overdue", "resolved"] = "all") -> dict[str, Any]:
    data = adapter.ledger(store, status)
    return {**_page(data["predictions"], limit, offset), "counts": data["counts"]}


@router.get("/predictions/records", summary="Record of resolved predictions per source or speaker")
def prediction_records(store: StoreDep, by: Literal["source", "speaker"] = "source") -> dict[str, Any]:
    data = adapter.ledger(store)
    items = data["by_source"] if by == "source" else data["by_speaker"]
    return {"items": items, "total": len(items), "by": by}


@router.get("/sources", summary="Outlet profiles")
def sources(store: StoreDep, limit: Limit = 200, offset: Offset = 0) -> dict[str, Any]:
    return _page(adapter.sources(store), limit, offset)


@router.get("/rejections", summary="Inputs that could not be read, and why")
def rejections(store: StoreDep, limit: Limit = 200, offset: Offset = 0) -> dict[str, Any]:
    return _page(adapter.rejections(store), limit, offset)


class Resolution(BaseModel):
    outcome: Literal["true", "false", "partly"]
    note: str = Field("", max_length=2000)
    evidence: str | None = Field(None, max_length=2000)


class Correction(BaseModel):
    action: Literal["wrong", "confirm", "relabel"]
    label: str | None = Field(None, max_length=100)
    note: str = Field(..., min_length=1, max_length=2000)


def _check_write(request: Request, authorization: str | None) -> None:
    ctx = request.app.state.web
    if not ctx.writable:
        raise AllegianceError("this server is read-only: set the web_token setting to allow writes", code="read_only")
    if not same_origin({k.lower(): v for k, v in request.headers.items()}, request.url.scheme):
        raise AllegianceError("cross-site request refused", code="cross_site")
    given = authorization.removeprefix("Bearer ").strip() if authorization else None
    if not token_valid(ctx.settings.web_token, given):
        raise AllegianceError("missing or wrong token", code="bad_token")


@router.post("/statements/{statement}/correct", summary="Correct a statement (needs the token)")
def correct(request: Request, statement: str, body: Correction,
            authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
    """Mark statement ``statement`` (its uid) wrong, confirmed or relabelled, with a note; every view
    honours it. Needs ``Authorization: Bearer <web_token>``; refused cross-site."""
    _check_write(request, authorization)
    with Store(request.app.state.web.db) as store:
        article = adapter.correct(store, statement, body.action, body.label, body.note)
    return {"uid": statement, "action": body.action, "label": body.label, "note": body.note, "article": article}


@router.post("/predictions/{statement}/resolve", summary="Record a prediction's outcome (needs the token)")
def resolve(request: Request, statement: str, body: Resolution,
            authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
    """Needs ``Authorization: Bearer <web_token>`` and a JSON body; refused cross-site."""
    _check_write(request, authorization)
    ctx = request.app.state.web
    with Store(ctx.db) as store:
        adapter.resolve(store, statement, body.outcome, body.note, body.evidence)
    return {"uid": statement, "outcome": body.outcome, "note": body.note}
