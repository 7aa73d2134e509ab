"""The JSON API and the pages through the ASGI test client: the same answers as the views,
errors as JSON with codes and statuses, security headers, writes only with the token and
from the site's own pages."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from allegiance import Settings, Store
from allegiance.query.views import prediction_ledger, source_profiles, stance_matrix
from allegiance.web import create_app
from allegiance.web.security import safe_url
from web_support import TOKEN, build_demo, build_hostile


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("web") / "demo.db")


@pytest.fixture(scope="module")
def client(demo_db: Path) -> TestClient:
    return TestClient(create_app(demo_db, Settings(db=str(demo_db))), raise_server_exceptions=False)


@pytest.fixture
def writable(demo_db: Path, tmp_path: Path) -> tuple[TestClient, Path]:
    db = tmp_path / "w.db"
    db.write_bytes(demo_db.read_bytes())
    app = create_app(db, Settings(db=str(db), web_token=TOKEN))
    return TestClient(app, raise_server_exceptions=False, base_url="http://testserver"), db


PAGES = ["/", "/?period=quarter&issue=russia_war_in_ukraine", "/timeline", "/search?q=troops", "/predictions",
         "/sources", "/rejections", "/docs", "/dossier/KAZ", "/dossier/person:vladimir_putin",
         "/timeline?actor=RUS", "/?source=Eastern+Europe+Monitor&language=en&since=2022&until=2024-06"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert "<script>" not in response.text and " style=" not in response.text  # nothing inline for the CSP to block


def test_matrix_api_gives_the_views_cells(client: TestClient, demo_db: Path) -> None:
    body = client.get("/api/matrix?period=year&limit=1000").json()
    with Store(demo_db, readonly=True) as store:
        cells = stance_matrix(store, "year")
    assert body["total"] == len(cells)
    got = {(c["state"], c["issue"], c["period"]): c["prevailing"] for c in body["items"]}
    assert got == {(c.state, c.issue, c.period): c.prevailing for c in cells}
    page = client.get("/api/matrix?period=year&limit=2&offset=1").json()
    assert [c["state"] for c in page["items"]] == [c["state"] for c in body["items"][1:3]]


def test_cell_evidence_links_to_articles(client: TestClient) -> None:
    first = client.get("/api/matrix?period=year").json()["items"][0]
    cell = client.get("/api/matrix/cell", params={"state": first["state"], "issue": first["issue"],
                                                  "period": first["period"]}).json()
    assert cell["evidence"]["total"] == sum(first["counts"].values())
    article = cell["evidence"]["items"][0]["article"]
    assert client.get(f"/api/articles/{article}").status_code == 200
    page = client.get("/cell", params={"state": first["state"], "issue": first["issue"], "period": first["period"]})
    assert page.status_code == 200 and f'href="/article/{article}"' in page.text


def test_matrix_filters_recount_cells(client: TestClient) -> None:
    everything = client.get("/api/matrix?period=all&limit=1000").json()["items"]
    source = "Eastern Europe Monitor"
    narrowed = client.get("/api/matrix", params={"period": "all", "source": source, "limit": 1000}).json()["items"]
    assert 0 < len(narrowed) <= len(everything)
    for cell in narrowed:
        evidence = client.get("/api/matrix/cell", params={"state": cell["state"], "issue": cell["issue"],
                                                          "period": "all", "kind": "all", "source": source}).json()
        assert {e["source"] for e in evidence["evidence"]["items"]} == {source}


def test_sources_and_predictions_match_the_views(client: TestClient, demo_db: Path) -> None:
    with Store(demo_db, readonly=True) as store:
        profiles, ledger = source_profiles(store), prediction_ledger(store)
    assert client.get("/api/sources").json()["items"] == profiles
    body = client.get("/api/predictions?limit=1000").json()
    assert [p["id"] for p in body["items"]] == [p["id"] for p in ledger]
    assert sum(body["counts"].values()) == len(ledger)


@pytest.mark.parametrize(("path", "status", "code"), [
    ("/api/timeline?since=2022-13", 400, "bad_date"),
    ("/api/search?q=troops&until=2022-02-30", 400, "bad_date"),
    ("/api/timeline?actor=Narnia", 404, "unknown_entity"),
    ("/api/dossier/ZZZZ", 404, "unknown_entity"),
    ("/api/matrix?period=decade", 400, "bad_parameter"),
    ("/api/matrix?limit=0", 400, "bad_parameter"),
    ("/api/matrix?offset=-1", 400, "bad_parameter"),
    ("/api/search?q=%22open", 400, "bad_query"),
    ("/api/search", 400, "bad_parameter"),
    ("/api/articles/no-such-article", 404, "not_found"),
    ("/api/matrix/cell?state=KAZ&issue=russia_war_in_ukraine&period=1999", 404, "not_found"),
    ("/api/nothing-here", 404, "not_found"),
])
def test_api_errors_are_json_with_codes(client: TestClient, path: str, status: int, code: str) -> None:
    response = client.get(path)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code and response.json()["error"]["message"]


def test_page_errors_are_pages_with_the_code(client: TestClient) -> None:
    response = client.get("/dossier/Narnia")
    assert response.status_code == 404 and "unknown_entity" in response.text and "text/html" in response.headers[
        "content-type"]
    assert client.get("/timeline?since=2022-13").status_code == 400


def test_openapi_and_offline_docs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "/api/search" in schema["paths"] and "/api/matrix" in schema["paths"]
    docs = client.get("/docs").text
    assert "/api/timeline" in docs and "cdn" not in docs.lower() and "swagger" not in docs.lower()
    assert client.get("/redoc").status_code == 404


def test_read_only_server_refuses_writes(client: TestClient) -> None:
    response = client.post("/api/predictions/1/resolve", json={"outcome": "true"},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403 and response.json()["error"]["code"] == "read_only"
    assert client.post("/predictions/1/resolve", data={"outcome": "true"}).status_code == 403


def _open_prediction(db: Path) -> str:
    with Store(db, readonly=True) as store:
        return str(next(p["uid"] for p in prediction_ledger(store) if p["outcome"] is None))


def test_api_resolve_needs_the_token_and_same_origin(writable: tuple[TestClient, Path]) -> None:
    client, db = writable
    pid = _open_prediction(db)
    url = f"/api/predictions/{pid}/resolve"
    assert client.post(url, json={"outcome": "true"}).json()["error"]["code"] == "bad_token"
    assert client.post(url, json={"outcome": "true"}, headers={"Authorization": "Bearer wrong"}).status_code == 403
    cross = client.post(url, json={"outcome": "true"}, headers={"Authorization": f"Bearer {TOKEN}",
                                                              "Sec-Fetch-Site": "cross-site"})
    assert cross.status_code == 403 and cross.json()["error"]["code"] == "cross_site"
    assert client.post(url, json={"outcome": "maybe"}, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 400
    ok = client.post(url, json={"outcome": "partly", "note": "half of it"},
                     headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200, ok.text
    with Store(db, readonly=True) as store:
        item = next(p for p in prediction_ledger(store) if p["uid"] == pid)
    assert item["outcome"] == "partly" and item["note"] == "half of it" and item["resolved"]


def test_form_resolve_needs_csrf_token_bound_to_the_session(writable: tuple[TestClient, Path]) -> None:
    client, db = writable
    pid = _open_prediction(db)
    page = client.get("/predictions")
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
    assert csrf and "allegiance_session" in page.cookies
    form = {"outcome": "false", "note": "did not happen", "token": TOKEN, "csrf": csrf.group(1)}
    assert client.post(f"/predictions/{pid}/resolve", data={**form, "csrf": "0" * 64}).status_code == 403
    assert client.post(f"/predictions/{pid}/resolve", data={**form, "token": "nope"}).status_code == 403
    evil = client.post(f"/predictions/{pid}/resolve", data=form, headers={"Origin": "http://evil.example"})
    assert evil.status_code == 403
    stranger = TestClient(client.app, raise_server_exceptions=False)  # no session cookie: a forged form
    assert stranger.post(f"/predictions/{pid}/resolve", data=form).status_code == 403
    ok = client.post(f"/predictions/{pid}/resolve", data=form, headers={"Origin": "http://testserver"},
                     follow_redirects=False)
    assert ok.status_code == 303
    with Store(db, readonly=True) as store:
        item = next(p for p in prediction_ledger(store) if p["uid"] == pid)
    assert item["outcome"] == "false" and item["note"] == "did not happen"


def test_database_is_opened_read_only(client: TestClient) -> None:
    connections = client.app.state.web.read()
    store = next(connections)
    with pytest.raises(Exception, match="readonly"):
        store.db.execute("DELETE FROM articles")
    connections.close()


@pytest.mark.parametrize(("url", "allowed"), [
    ("https://example.org/a", True), ("http://example.org", True), ("javascript:alert(1)", False),
    (" JaVaScRiPt:alert(1)", False), ("data:text/html,x", False), ("vbscript:x", False), ("//evil.example", False),
    ("/relative", False), ("https://exa\nmple.org", False), ("", False), (None, False),
])
def test_links_only_for_http_urls(url: str | None, allowed: bool) -> None:
    assert (safe_url(url) is not None) == allowed


def test_hostile_text_is_escaped_in_every_page(tmp_path: Path) -> None:
    db = build_hostile(tmp_path / "hostile")
    client = TestClient(create_app(db, Settings(db=str(db))), raise_server_exceptions=False)
    with Store(db, readonly=True) as store:
        keys = [r["export_id"] for r in store.articles()]
    paths = ["/", "/timeline", "/predictions", "/sources", "/rejections", "/search?q=alert", "/dossier/KAZ",
             "/dossier/BLR", *[f"/article/{k}" for k in keys]]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        text = response.text
        assert "<script>alert" not in text and "<script>document" not in text and "<script>console" not in text
        assert not re.search(r"<(img|svg|iframe|math|style|b)\b[^>]*\bon\w+=", text), path
        assert 'href="javascript:' not in text.lower() and 'href="data:' not in text.lower()
    article = client.get(f"/article/{keys[0]}").text
    assert "&lt;script&gt;" in article and 'rel="noopener noreferrer"' not in article  # javascript: URL: no link
    assert "\u202e" not in article and "Kazakhstan &lt;script&gt;" in article  # ingest drops the bidi override
    url_page = client.get("/article/hostile-url").text
    assert 'rel="noopener noreferrer"' in url_page and "&lt;script&gt;" in url_page


def test_only_loopback_host_names_are_answered_when_asked(demo_db: Path) -> None:
    """A page on another name rebound to 127.0.0.1 (DNS rebinding) gets no answer."""
    app = create_app(demo_db, Settings(db=str(demo_db)), hosts=["127.0.0.1", "localhost"])
    local = TestClient(app, base_url="http://127.0.0.1:8000")
    assert local.get("/api/overview").status_code == 200
    rebound = TestClient(app, base_url="http://evil.example:8000")
    assert rebound.get("/api/overview").status_code == 400


def test_serve_refuses_a_missing_or_foreign_database(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from allegiance.cli.main import cli

    missing = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "typo.db")])
    assert missing.exit_code == 1 and "store_error" in missing.output
    assert not (tmp_path / "typo.db").exists()  # read-only: nothing created
    foreign = tmp_path / "notes.db"
    foreign.write_text("not a database at all", encoding="utf-8")
    refused = CliRunner().invoke(cli, ["serve", "--db", str(foreign)])
    assert refused.exit_code == 1 and "store_error" in refused.output


def _a_stance(db: Path) -> tuple[str, str]:
    with Store(db, readonly=True) as store:
        row = store.db.execute("SELECT s.uid, COALESCE(a.file_name, a.id) FROM statements s JOIN articles a "
                               "ON a.id = s.article_id WHERE s.kind = 'stance' ORDER BY s.id LIMIT 1").fetchone()
    return str(row[0]), str(row[1])


def test_api_correction_needs_the_token_and_every_view_honours_it(writable: tuple[TestClient, Path]) -> None:
    client, db = writable
    uid, article = _a_stance(db)
    url = f"/api/statements/{uid}/correct"
    body = {"action": "wrong", "note": "the sentence says the opposite"}
    assert client.post(url, json=body).json()["error"]["code"] == "bad_token"
    assert client.post(url, json={"action": "wrong", "note": ""},
                       headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 400
    cross = client.post(url, json=body, headers={"Authorization": f"Bearer {TOKEN}", "Sec-Fetch-Site": "cross-site"})
    assert cross.status_code == 403
    ok = client.post(url, json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["article"] == article
    with Store(db, readonly=True) as store:
        assert uid not in {r["uid"] for r in store.statements(_article_id(store, article))}
        history = store.db.execute("SELECT action, note, analyst FROM statement_corrections WHERE statement_uid = ?",
                                   (uid,)).fetchall()
    assert [tuple(h) for h in history] == [("wrong", "the sentence says the opposite", "web")]


def _article_id(store: Store, export_id: str) -> str:
    row = store.db.execute("SELECT id FROM articles WHERE COALESCE(file_name, id) = ?", (export_id,)).fetchone()
    return str(row[0])


def test_form_correction_needs_csrf_bound_to_the_session(writable: tuple[TestClient, Path]) -> None:
    client, db = writable
    uid, article = _a_stance(db)
    page = client.get(f"/article/{article}")
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
    assert csrf and f'action="/statements/{uid}/correct"' in page.text
    form = {"action": "relabel", "label": "neutral", "note": "reads as neutral", "token": TOKEN, "csrf": csrf.group(1)}
    assert client.post(f"/statements/{uid}/correct", data={**form, "csrf": "0" * 64}).status_code == 403
    stranger = TestClient(client.app, raise_server_exceptions=False)
    assert stranger.post(f"/statements/{uid}/correct", data=form).status_code == 403
    ok = client.post(f"/statements/{uid}/correct", data=form, headers={"Origin": "http://testserver"},
                     follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"].startswith(f"/article/{article}")
    shown = client.get(f"/article/{article}").text
    assert "corrected: relabel" in shown and "reads as neutral" in shown


def test_read_only_server_offers_no_correction_form(demo_db: Path) -> None:
    client = TestClient(create_app(demo_db, Settings(db=str(demo_db))), raise_server_exceptions=False)
    with Store(demo_db, readonly=True) as store:
        key = str(store.db.execute("SELECT COALESCE(file_name, id) FROM articles LIMIT 1").fetchone()[0])
    page = client.get(f"/article/{key}").text
    assert "/correct" not in page and "Read-only" in page
